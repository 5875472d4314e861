import {
  StatisticsExportDocument,
  validateStatisticsExport,
} from '@amparo/statistics/export-format';
import { regionalExportFixture } from '@amparo/statistics/export-format/regional-export.fixture';
import { execFile } from 'node:child_process';
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

describe('npm run consolidate', () => {
  let dir: string;
  let mx: string;
  let gt: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'amparo-consolidate-'));
    mx = join(dir, 'mx.json');
    gt = join(dir, 'gt.json');
    writeFileSync(mx, JSON.stringify(regionalExportFixture('MX')));
    writeFileSync(gt, JSON.stringify(regionalExportFixture('GT')));
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
    const result = await consolidate([mx, gt]);

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
    const result = await consolidate(['gt.json', 'mx.json', '--out', 'region.json'], {
      INIT_CWD: dir,
    });

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
      await consolidate([mx]),
      /usage: npm run consolidate/,
      /uso: npm run consolidate/,
    );
  });

  it('refuses an unknown option', async () => {
    expectRefusal(await consolidate([mx, gt, '--merge']), /'--merge'/, /opción no válida/);
  });

  it('refuses overlapping countries, naming the files', async () => {
    const result = await consolidate([mx, gt, mx]);
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
    writeFileSync(file, JSON.stringify(national));

    expectRefusal(
      await consolidate([mx, file]),
      /only "regional" exports can be consolidated/,
      /solo se pueden consolidar exportaciones "regional"/,
    );
  });

  it('refuses a missing file and a file that is not JSON', async () => {
    expectRefusal(
      await consolidate([mx, join(dir, 'missing.json')]),
      /cannot read .*missing\.json/,
      /no se puede leer .*missing\.json/,
    );
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, '{"schemaVersion": "1.0",');
    expectRefusal(
      await consolidate([mx, broken]),
      /broken\.json is not valid JSON/,
      /broken\.json no es un JSON válido/,
    );
  });
});
