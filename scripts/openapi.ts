// npm run openapi:write: writes docs/openapi.json, the OpenAPI document generated from the code.
// npm run openapi:check: exit 1 when the committed docs/openapi.json differs from the code's.
// The application module is put together in Nest's preview mode (no provider runs: no database,
// no Redis, nothing listens), which is all the document needs.
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { loadConfig } from '@amparo/core';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { format, resolveConfig } from 'prettier';
import { AppModule } from '../apps/api/src/app.module';
import { API_PREFIX, API_PREFIX_OPTIONS } from '../apps/api/src/http/configure-http';
import { buildOpenApiDocument } from '../apps/api/src/http/openapi';

const FILE = join(__dirname, '..', 'docs', 'openapi.json');

async function documentText(): Promise<string> {
  // A fixed configuration: the document must not depend on who runs this or on their .env.
  const config = loadConfig({ NODE_ENV: 'development', LOG_LEVEL: 'silent' });
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    preview: true,
    logger: false,
    bodyParser: false,
    abortOnError: false,
  });
  try {
    app.setGlobalPrefix(API_PREFIX, API_PREFIX_OPTIONS);
    const json = JSON.stringify(buildOpenApiDocument(app));
    return await format(json, { ...(await resolveConfig(FILE)), parser: 'json' });
  } finally {
    await app.close();
  }
}

async function main(): Promise<void> {
  const text = await documentText();
  if (!process.argv.includes('--check')) {
    writeFileSync(FILE, text);
    console.log(`Wrote ${FILE}`);
    return;
  }
  if (!existsSync(FILE) || readFileSync(FILE, 'utf8') !== text) {
    console.error('docs/openapi.json is stale: run `npm run openapi:write` and commit the result.');
    process.exit(1);
  }
  console.log('docs/openapi.json matches the code.');
}

void main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
