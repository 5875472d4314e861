// npm run consolidate -- a.json b.json [more.json …] [--out file]: joins JSON exports of kind
// `regional` from separate national deployments into one table of kind `consolidated`
// (docs/statistics-export-format.md), written to standard output or to --out.
// Exit code 0: written; 2: refused, or could not read or write (one line on stderr, in English and
// Spanish, since whoever consolidates the region may read either).
import {
  ConsolidationError,
  StatisticsExportDocument,
  consolidateExports,
} from '@amparo/statistics/export-format';
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import packageJson from '../package.json';

const USAGE = {
  en: 'usage: npm run consolidate -- a.json b.json [more.json …] [--out file] (two or more regional exports)',
  es: 'uso: npm run consolidate -- a.json b.json [más.json …] [--out archivo] (dos o más exportaciones regionales)',
};

/** A reason to stop, in both languages. */
class Failure extends Error {
  constructor(readonly messages: { en: string; es: string }) {
    super(messages.en);
  }
}

// npm runs scripts from the package root; INIT_CWD is where the user typed the command, which is
// what their relative paths mean.
const callerDirectory = process.env.INIT_CWD || process.cwd();

function parseCommandLine(argv: string[]): { files: string[]; out?: string } {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: { out: { type: 'string', short: 'o' } },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    // node's message names the option, in English only: said once.
    throw new Failure({
      en: `${describe(error)}; ${USAGE.en}`,
      es: `opción no válida; ${USAGE.es}`,
    });
  }
  if (parsed.positionals.length < 2) throw new Failure(USAGE);
  return { files: parsed.positionals, out: parsed.values.out };
}

/** Parsed only: consolidateExports checks every document against the schema. */
function readExport(file: string): StatisticsExportDocument {
  let text: string;
  try {
    text = readFileSync(resolve(callerDirectory, file), 'utf8');
  } catch (error) {
    throw new Failure({
      en: `cannot read ${file}: ${describe(error)}`,
      es: `no se puede leer ${file}: ${describe(error)}`,
    });
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new Failure({
      en: `${file} is not valid JSON: ${describe(error)}`,
      es: `${file} no es un JSON válido: ${describe(error)}`,
    });
  }
}

function main(argv: string[]): void {
  const { files, out } = parseCommandLine(argv);
  const docs = files.map(readExport);
  let json: string;
  try {
    const software = { name: packageJson.name, version: packageJson.version };
    json = `${JSON.stringify(consolidateExports(docs, new Date(), software), null, 2)}\n`;
  } catch (error) {
    if (!(error instanceof ConsolidationError)) throw error;
    // Messages number the exports; name the files they stand for.
    const numbering = files.map((file, index) => `${index + 1} = ${file}`).join(', ');
    throw new Failure({
      en: `${error.messages.en} (exports: ${numbering})`,
      es: `${error.messages.es} (exportaciones: ${numbering})`,
    });
  }
  if (out === undefined) {
    process.stdout.write(json);
    return;
  }
  try {
    writeFileSync(resolve(callerDirectory, out), json);
  } catch (error) {
    throw new Failure({
      en: `cannot write ${out}: ${describe(error)}`,
      es: `no se puede escribir ${out}: ${describe(error)}`,
    });
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

try {
  main(process.argv.slice(2));
} catch (error) {
  const { en, es } =
    error instanceof Failure
      ? error.messages
      : { en: `unexpected error: ${describe(error)}`, es: `error inesperado: ${describe(error)}` };
  // One line, whatever the underlying messages contain.
  console.error(`consolidate: ${en} / ${es}`.replace(/\s*\n\s*/g, ' '));
  // exitCode rather than exit(): stdout may still be flushing to a pipe.
  process.exitCode = 2;
}
