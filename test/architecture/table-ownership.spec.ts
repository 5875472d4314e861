import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { crossingsIn, LibFile } from './sql-table-references';
import { PUBLISHED_VIEWS, TABLE_OWNERS } from '@amparo/database';

const ROOT = join(__dirname, '../..');
/** Test and fixture files may name any table: they build and inspect data across contexts. */
const NOT_RUNNING_CODE = /\.(spec|e2e-spec|fixture|test-helper)\.ts$|\.d\.ts$/;
/** libs/testing creates, truncates and inspects every table on purpose. */
const UNSCANNED_LIBS = new Set(['testing']);

function typeScriptFilesUnder(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return typeScriptFilesUnder(path);
    return entry.name.endsWith('.ts') && !NOT_RUNNING_CODE.test(entry.name) ? [path] : [];
  });
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
  it("finds no lib naming another context's table in its SQL, views only where published to it", () => {
    const mayName = {
      ...TABLE_OWNERS,
      ...Object.fromEntries(
        Object.entries(PUBLISHED_VIEWS).map(([view, { owner, readers }]) => [
          view,
          [owner, ...readers],
        ]),
      ),
    };
    expect(crossingsIn(libFiles(), mayName)).toEqual([]);
  });

  it("names each table in its owner's row of docs/ARCHITECTURE.md", () => {
    const doc = readFileSync(join(ROOT, 'docs/ARCHITECTURE.md'), 'utf8');
    const rowOf = (lib: string) =>
      doc.split('\n').find((line) => line.startsWith(`| \`libs/${lib}\``)) ?? '';
    const misplaced = Object.entries(TABLE_OWNERS).filter(
      ([table, owner]) => !rowOf(owner).includes(`\`${table}\``),
    );
    expect(misplaced).toEqual([]);
  });
});
