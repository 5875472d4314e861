// npm run demo:reset-passwords: gives the demo users new random passwords (for a newcomer who
// missed the ones printed at the first start), ends their sessions, audits it and prints the new
// passwords once. Never in production; the embedded database only while the API is stopped.
// Exit code 0: done; 1: refused or failed.
import 'reflect-metadata';
import { AuditModule } from '@amparo/audit';
import { AppConfig, ConfigModule, readConfigOrExit } from '@amparo/core';
import { DatabaseModule } from '@amparo/database';
import { DemoPasswordReset, frameDemoCredentials } from '@amparo/demo';
import { UserProvisioning } from '@amparo/identity';
import { DynamicModule, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';

// Only what the reset needs: DemoModule's first-start hook (seeding) and IdentityModule's
// bootstrap admin have no business running here.
@Module({})
class ResetDemoPasswordsModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: ResetDemoPasswordsModule,
      imports: [ConfigModule.forRoot(config), DatabaseModule, AuditModule],
      providers: [DemoPasswordReset, UserProvisioning],
    };
  }
}

async function main(): Promise<void> {
  const config = readConfigOrExit();
  if (config.env === 'production')
    throw new Error('refused with NODE_ENV=production: demo accounts are for trying Amparo out');
  let app;
  try {
    app = await NestFactory.createApplicationContext(ResetDemoPasswordsModule.forRoot(config), {
      logger: false,
      abortOnError: false,
    });
  } catch (error) {
    if (error instanceof Error && /is in use by process/.test(error.message))
      error.message +=
        ' (the embedded database takes one process at a time: stop the API, then reset the passwords)';
    throw error;
  }
  try {
    const credentials = await app.get(DemoPasswordReset).reset();
    if (!credentials.length)
      throw new Error(
        'this database has no demo users: the first `npm start` on an empty embedded database creates them, or run `npm run seed:demo`',
      );
    process.stdout.write(
      `${frameDemoCredentials(credentials, 'New passwords of the demo users / Nuevas contraseñas de los usuarios de demostración')}\n` +
        '  Their previous sessions have ended. / Sus sesiones anteriores se cerraron.\n\n',
    );
  } finally {
    await app.close();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(
      `demo:reset-passwords failed: ${error instanceof Error ? error.message : String(error)}`,
    );
    process.exit(1);
  },
);
