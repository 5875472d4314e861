// npm run consolidate -- a.json b.json [more.json …] --keys keys.json [--out file] [--allow-unsigned]:
// joins JSON exports of kind `regional` from separate national deployments into one table of kind
// `consolidated` (docs/statistics-export-format.md), written to standard output or to --out. Each
// export must come with its detached signature beside it (`a.json.sig`), made by a key listed in a
// --keys file (a deployment's /.well-known/amparo-export-keys.json, or a list of them) for the
// countries the export covers (docs/regional.md). --allow-unsigned accepts exports without a
// `.sig` (made before exports were signed), with a warning; a signature present is always checked.
// Exit code 0: written; 2: refused, or could not read or write (one line on stderr, in English and
// Spanish, since whoever consolidates the region may read either).
import {
  ConsolidationError,
  ExportSignature,
  StatisticsExportDocument,
  consolidateExports,
  parsePublicKey,
  verifyExportBytes,
} from '@amparo/statistics/export-format';
import { KeyObject } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import packageJson from '../package.json';

const USAGE = {
  en: 'usage: npm run consolidate -- a.json b.json [more.json …] --keys keys.json [--out file] [--allow-unsigned] (two or more regional exports, each with its signature a.json.sig; --allow-unsigned accepts old exports without one)',
  es: 'uso: npm run consolidate -- a.json b.json [más.json …] --keys claves.json [--out archivo] [--allow-unsigned] (dos o más exportaciones regionales, cada una con su firma a.json.sig; --allow-unsigned acepta exportaciones antiguas sin firma)',
};

const HELP = `${USAGE.en}

  --keys file        a deployment's /.well-known/amparo-export-keys.json (or a JSON list of them);
                     repeat for each member country. An export is accepted only when its .sig is
                     a valid Ed25519 signature of its exact bytes by a key listed for its countries.
  --allow-unsigned   accept an export that has no .sig beside it (made before exports were
                     signed), with a warning. A .sig that is present is always checked.
  --out file         write the consolidated table there instead of to standard output.

${USAGE.es}
`;

/** A member deployment's key and the countries it signs for. */
interface TrustedKey {
  key: KeyObject;
  countries: Set<string>;
}

/** A reason to stop, in both languages. */
class Failure extends Error {
  constructor(readonly messages: { en: string; es: string }) {
    super(messages.en);
  }
}

// npm runs scripts from the package root; INIT_CWD is where the user typed the command, which is
// what their relative paths mean.
const callerDirectory = process.env.INIT_CWD || process.cwd();

interface CommandLine {
  files: string[];
  out?: string;
  keys: string[];
  allowUnsigned: boolean;
  help: boolean;
}

function parseCommandLine(argv: string[]): CommandLine {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: {
        out: { type: 'string', short: 'o' },
        keys: { type: 'string', multiple: true, short: 'k' },
        'allow-unsigned': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
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
  const help = parsed.values.help ?? false;
  if (parsed.positionals.length < 2 && !help) throw new Failure(USAGE);
  return {
    files: parsed.positionals,
    out: parsed.values.out,
    keys: parsed.values.keys ?? [],
    allowUnsigned: parsed.values['allow-unsigned'] ?? false,
    help,
  };
}

function readBytes(file: string): Buffer {
  try {
    return readFileSync(resolve(callerDirectory, file));
  } catch (error) {
    throw new Failure({
      en: `cannot read ${file}: ${describe(error)}`,
      es: `no se puede leer ${file}: ${describe(error)}`,
    });
  }
}

function parseJson(file: string, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new Failure({
      en: `${file} is not valid JSON: ${describe(error)}`,
      es: `${file} no es un JSON válido: ${describe(error)}`,
    });
  }
}

/** Every key of the --keys files, by key id, with the countries its deployment serves. */
function readKeys(files: string[]): Map<string, TrustedKey> {
  const trusted = new Map<string, TrustedKey>();
  for (const file of files) {
    const parsed = parseJson(file, readBytes(file).toString('utf8'));
    const documents = Array.isArray(parsed) ? parsed : [parsed];
    for (const document of documents as {
      countries?: unknown;
      keys?: { keyId?: unknown; publicKeyPem?: unknown; publicKey?: unknown }[];
    }[]) {
      const countries = Array.isArray(document?.countries) ? document.countries.map(String) : [];
      for (const entry of Array.isArray(document?.keys) ? document.keys : []) {
        const key = parsePublicKey(String(entry.publicKeyPem ?? entry.publicKey ?? ''));
        if (!key || typeof entry.keyId !== 'string')
          throw new Failure({
            en: `${file} lists a key that is not an Ed25519 public key`,
            es: `${file} incluye una clave que no es una clave pública Ed25519`,
          });
        const known = trusted.get(entry.keyId);
        trusted.set(entry.keyId, {
          key,
          countries: new Set([...(known?.countries ?? []), ...countries]),
        });
      }
    }
  }
  return trusted;
}

/**
 * Checks the detached signature beside `file` (`file.sig`) over the exact bytes read. Returns a
 * warning when an unsigned file is let through by --allow-unsigned.
 */
function checkSignature(
  file: string,
  bytes: Buffer,
  doc: StatisticsExportDocument,
  keys: Map<string, TrustedKey>,
  allowUnsigned: boolean,
): string | undefined {
  const sigFile = `${file}.sig`;
  if (!existsSync(resolve(callerDirectory, sigFile))) {
    if (allowUnsigned)
      return `${file} is not signed; accepted because of --allow-unsigned / ${file} no está firmado; se acepta por --allow-unsigned`;
    throw new Failure({
      en: `${file} is not signed (no ${sigFile}); pass --allow-unsigned to accept an export made before exports were signed`,
      es: `${file} no está firmado (falta ${sigFile}); use --allow-unsigned para aceptar una exportación anterior a las firmas`,
    });
  }
  const signature = parseJson(
    sigFile,
    readBytes(sigFile).toString('utf8'),
  ) as Partial<ExportSignature>;
  const trusted = keys.get(String(signature?.keyId));
  if (!trusted)
    throw new Failure({
      en: `${file} is signed with key ${signature?.keyId}, which no --keys file lists`,
      es: `${file} está firmado con la clave ${signature?.keyId}, que ningún archivo --keys incluye`,
    });
  if (!verifyExportBytes(bytes, String(signature.signature), trusted.key))
    throw new Failure({
      en: `${file} does not match its signature ${sigFile}: the file was changed or the signature is of another file`,
      es: `${file} no corresponde a su firma ${sigFile}: el archivo fue modificado o la firma es de otro archivo`,
    });
  const countries = Array.isArray(doc?.metadata?.scope?.countries)
    ? doc.metadata.scope.countries
    : [];
  const foreign = countries.filter((country) => !trusted.countries.has(country));
  if (foreign.length)
    throw new Failure({
      en: `${file} covers ${foreign.join(', ')}, but key ${signature.keyId} signs for ${[...trusted.countries].join(', ') || 'no country'}`,
      es: `${file} abarca ${foreign.join(', ')}, pero la clave ${signature.keyId} firma por ${[...trusted.countries].join(', ') || 'ningún país'}`,
    });
  return undefined;
}

function main(argv: string[]): void {
  const { files, out, keys: keyFiles, allowUnsigned, help } = parseCommandLine(argv);
  if (help) {
    process.stdout.write(HELP);
    return;
  }
  const keys = readKeys(keyFiles);
  const warnings: string[] = [];
  // Parsed only: consolidateExports checks every document against the schema.
  const docs = files.map((file) => {
    // The signature is over these bytes exactly, not over the text they decode to.
    const bytes = readBytes(file);
    const doc = parseJson(file, bytes.toString('utf8')) as StatisticsExportDocument;
    const warning = checkSignature(file, bytes, doc, keys, allowUnsigned);
    if (warning) warnings.push(warning);
    return doc;
  });
  for (const warning of warnings) console.error(`consolidate: warning: ${warning}`);
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
