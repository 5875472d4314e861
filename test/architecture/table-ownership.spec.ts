import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { crossingsIn, LibFile, relationsCreatedBy } from './sql-table-references';
import { TABLE_OWNERS } from './table-owners';

const ROOT = join(__dirname, '../..');
/** Test and fixture files may name any table: they build and inspect data across contexts. */
const NOT_RUNNING_CODE = /\.(spec|e2e-spec|fixture|test-helper)\.ts$|\.d\.ts$/;
/** libs/testing creates, truncates and inspects every table on purpose. */
const UNSCANNED_LIBS = new Set(['testing']);

/**
 * Crossings found when this rule was written, which other branches remove (identity's and cases'
 * reads of consulates, the demo seeder's writes into identity's tables, statistics reading the
 * cases' and directory's tables directly). THIS LIST MUST BE EMPTY: delete each entry when its
 * crossing goes; a stale entry fails the test too.
 */
const KNOWN_CROSSINGS_TO_REMOVE: readonly string[] = [
  'libs/cases/src/cases/case-assignee.ts: role_grants',
  'libs/cases/src/cases/case-assignee.ts: users',
  'libs/cases/src/cases/cases.service.ts: consulates',
  'libs/directory/src/demo/demo-password-reset.ts: refresh_tokens',
  'libs/directory/src/demo/demo-password-reset.ts: users',
  'libs/directory/src/demo/demo-seeder.ts: role_grants',
  'libs/directory/src/demo/demo-seeder.ts: users',
  'libs/identity/src/users/user-admin.service.ts: consulates',
  'libs/statistics/src/aggregate/aggregate-sql.ts: case_persons',
  'libs/statistics/src/aggregate/aggregate-sql.ts: cases',
  'libs/statistics/src/aggregate/aggregate-sql.ts: consular_actions',
  'libs/statistics/src/aggregate/aggregate-sql.ts: consulates',
  'libs/statistics/src/aggregate/aggregate-sql.ts: persons',
  'libs/statistics/src/aggregate/code-label-resolver.ts: consulates',
  'libs/statistics/src/aggregate/code-label-resolver.ts: countries',
  'libs/statistics/src/aggregate/code-label-resolver.ts: subdivisions',
  'libs/statistics/src/aggregate/filter-scope.ts: consulates',
  'libs/statistics/src/exports/semester-report.handler.ts: consulates',
  'libs/statistics/src/exports/statistics-export.handler.ts: consulates',
];

function typeScriptFilesUnder(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return typeScriptFilesUnder(path);
    return entry.name.endsWith('.ts') && !NOT_RUNNING_CODE.test(entry.name) ? [path] : [];
  });
}

function tablesCreatedByMigrations(): Set<string> {
  const folder = join(ROOT, 'migrations');
  const sources = typeScriptFilesUnder(folder).map((path) => readFileSync(path, 'utf8'));
  return new Set(sources.flatMap(relationsCreatedBy));
}

function libFiles(): LibFile[] {
  const libs = readdirSync(join(ROOT, 'libs')).filter((lib) => !UNSCANNED_LIBS.has(lib));
  return libs.flatMap((lib) =>
    typeScriptFilesUnder(join(ROOT, 'libs', lib, 'src')).map((path) => ({
      path: relative(ROOT, path).split(sep).join('/'),
      source: readFileSync(path, 'utf8'),
    })),
  );
}

describe('table ownership', () => {
  it('gives every table the migrations create exactly one owner, and owns no other', () => {
    const created = tablesCreatedByMigrations();
    expect([...created].filter((table) => !(table in TABLE_OWNERS))).toEqual([]);
    expect(Object.keys(TABLE_OWNERS).filter((table) => !created.has(table))).toEqual([]);
  });

  it("finds no lib naming another context's table in its SQL", () => {
    const known = new Set(KNOWN_CROSSINGS_TO_REMOVE);
    const found = crossingsIn(libFiles(), TABLE_OWNERS);
    expect(found.filter((crossing) => !known.has(crossing))).toEqual([]);
    // A crossing that is gone leaves the list: the list only ever shrinks to empty.
    expect(KNOWN_CROSSINGS_TO_REMOVE.filter((crossing) => !found.includes(crossing))).toEqual([]);
  });
});
