import {
  StatisticsExportDocument,
  keyIdOf,
  publicKeyPem,
  signExportBytes,
  validateStatisticsExport,
} from '@amparo/statistics/export-format';
import { regionalExportFixture } from '@amparo/statistics/export-format/regional-export.fixture';
import { execFile } from 'node:child_process';
import { KeyObject, createPublicKey, generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const REPO = resolve(__dirname, '..');

interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs scripts/consolidate.ts as `npm run consolidate` does, without npm in between. */
function consolidate(args: string[], env: NodeJS.ProcessEnv = {}): Promise<RunResult> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      [
        '-r',
        'ts-node/register',
        '-r',
        './scripts/register-aliases.js',
        'scripts/consolidate.ts',
        ...args,
      ],
      {
        cwd: REPO,
        // Transpile only: type checking is tsc's job, and it would take seconds per run.
        env: { ...process.env, INIT_CWD: '', TS_NODE_TRANSPILE_ONLY: 'true', ...env },
      },
      (error, stdout, stderr) => done({ code: error ? (error.code as number) : 0, stdout, stderr }),
    );
  });
}

/** Two deployments' signing keys, as each would publish them at its well-known URL. */
const KEYS = {
  MX: generateKeyPairSync('ed25519').privateKey,
  GT: generateKeyPairSync('ed25519').privateKey,
};

function published(country: keyof typeof KEYS) {
  const key = createPublicKey(KEYS[country]);
  return {
    countries: [country],
    keys: [{ keyId: keyIdOf(key), algorithm: 'Ed25519', publicKeyPem: publicKeyPem(key) }],
  };
}

/** Writes an export and, unless told otherwise, its detached signature beside it. */
function writeExport(file: string, doc: StatisticsExportDocument, key?: KeyObject) {
  const bytes = Buffer.from(JSON.stringify(doc));
  writeFileSync(file, bytes);
  if (key)
    writeFileSync(
      `${file}.sig`,
      JSON.stringify(signExportBytes(bytes, key, doc.metadata.scope.countries)),
    );
}

describe('npm run consolidate', () => {
  let dir: string;
  let mx: string;
  let gt: string;
  let keys: string;
  const withKeys = (args: string[]) => [...args, '--keys', keys];

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'amparo-consolidate-'));
    mx = join(dir, 'mx.json');
    gt = join(dir, 'gt.json');
    keys = join(dir, 'keys.json');
    writeExport(mx, regionalExportFixture('MX'), KEYS.MX);
    writeExport(gt, regionalExportFixture('GT'), KEYS.GT);
    writeFileSync(keys, JSON.stringify([published('MX'), published('GT')]));
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  function expectRefusal(result: RunResult, english: RegExp, spanish: RegExp) {
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(english);
    expect(lines[0]).toMatch(spanish);
  }

  it('writes the consolidated table to standard output', async () => {
    const result = await consolidate(withKeys([mx, gt]));

    expect(result).toMatchObject({ code: 0, stderr: '' });
    const consolidated = JSON.parse(result.stdout) as StatisticsExportDocument;
    expect(validateStatisticsExport(consolidated)).toEqual({ valid: true });
    const packageJson = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8'));
    expect(consolidated.metadata).toMatchObject({
      kind: 'consolidated',
      exportId: null,
      scope: { countries: ['GT', 'MX'] },
      software: { name: packageJson.name, version: packageJson.version },
    });
    const inputRows = [mx, gt].flatMap(
      (file) => (JSON.parse(readFileSync(file, 'utf8')) as StatisticsExportDocument).rows,
    );
    expect(consolidated.rows).toEqual(inputRows);
  });

  it('writes to --out instead, with paths relative to where npm was run', async () => {
    const result = await consolidate(
      ['gt.json', 'mx.json', '--out', 'region.json', '--keys', 'keys.json'],
      { INIT_CWD: dir },
    );

    expect(result).toEqual({ code: 0, stdout: '', stderr: '' });
    const consolidated = JSON.parse(readFileSync(join(dir, 'region.json'), 'utf8'));
    expect(validateStatisticsExport(consolidated)).toEqual({ valid: true });
    expect(consolidated.metadata.sources.map((s: { countries: string[] }) => s.countries)).toEqual([
      ['GT'],
      ['MX'],
    ]);
  });

  it('refuses fewer than two files with its usage', async () => {
    expectRefusal(
      await consolidate(withKeys([mx])),
      /usage: npm run consolidate/,
      /uso: npm run consolidate/,
    );
  });

  it('refuses an unknown option', async () => {
    expectRefusal(
      await consolidate(withKeys([mx, gt, '--merge'])),
      /'--merge'/,
      /opción no válida/,
    );
  });

  it('refuses overlapping countries, naming the files', async () => {
    const result = await consolidate(withKeys([mx, gt, mx]));
    expectRefusal(
      result,
      /exports 1 and 3 both cover MX/,
      /las exportaciones 1 y 3 abarcan ambas MX/,
    );
    expect(result.stderr).toContain(`3 = ${mx}`);
  });

  it('refuses an export of another kind', async () => {
    const national = regionalExportFixture('GT');
    national.metadata.kind = 'statistics';
    national.rows.forEach((row) => delete row.REF_AREA);
    const file = join(dir, 'national.json');
    writeExport(file, national, KEYS.GT);

    expectRefusal(
      await consolidate(withKeys([mx, file])),
      /only "regional" exports can be consolidated/,
      /solo se pueden consolidar exportaciones "regional"/,
    );
  });

  it('refuses a missing file and a file that is not JSON', async () => {
    expectRefusal(
      await consolidate(withKeys([mx, join(dir, 'missing.json')])),
      /cannot read .*missing\.json/,
      /no se puede leer .*missing\.json/,
    );
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, '{"schemaVersion": "1.0",');
    expectRefusal(
      await consolidate(withKeys([mx, broken])),
      /broken\.json is not valid JSON/,
      /broken\.json no es un JSON válido/,
    );
  });

  describe('signatures', () => {
    it('says in its help that it checks signatures and how to accept old unsigned exports', async () => {
      const result = await consolidate(['--help']);
      expect(result.code).toBe(0);
      expect(result.stdout).toContain('--allow-unsigned');
      expect(result.stdout).toContain('.sig');
      expect(result.stdout).toContain('--keys');
    });

    it('refuses an unsigned export, and accepts it with --allow-unsigned and a warning', async () => {
      const old = join(dir, 'old-gt.json');
      writeExport(old, regionalExportFixture('GT'));
      expectRefusal(
        await consolidate(withKeys([mx, old])),
        /old-gt\.json is not signed .*--allow-unsigned/,
        /no está firmado/,
      );
      const allowed = await consolidate(withKeys([mx, old, '--allow-unsigned']));
      expect(allowed.code).toBe(0);
      expect(allowed.stderr).toMatch(/warning: .*old-gt\.json is not signed/);
      expect(JSON.parse(allowed.stdout).metadata.scope.countries).toEqual(['GT', 'MX']);
    });

    it('refuses a file changed after signing, even with --allow-unsigned', async () => {
      const tampered = join(dir, 'tampered-gt.json');
      writeExport(tampered, regionalExportFixture('GT'), KEYS.GT);
      writeFileSync(
        tampered,
        readFileSync(tampered, 'utf8').replace('"OBS_VALUE":31', '"OBS_VALUE":13'),
      );
      expectRefusal(
        await consolidate(withKeys([mx, tampered, '--allow-unsigned'])),
        /does not match its signature/,
        /no corresponde a su firma/,
      );
    });

    it('refuses a key no --keys file lists, and a key of another country', async () => {
      const stranger = join(dir, 'stranger-gt.json');
      writeExport(stranger, regionalExportFixture('GT'), generateKeyPairSync('ed25519').privateKey);
      expectRefusal(
        await consolidate(withKeys([mx, stranger])),
        /signed with key [0-9a-f]{16}, which no --keys file lists/,
        /ningún archivo --keys incluye/,
      );
      const posing = join(dir, 'posing-gt.json');
      writeExport(posing, regionalExportFixture('GT'), KEYS.MX);
      expectRefusal(
        await consolidate(withKeys([mx, posing])),
        /covers GT, but key [0-9a-f]{16} signs for MX/,
        /abarca GT, pero la clave/,
      );
    });
  });
});
