// The @amparo/* path aliases are declared once: tsconfig.json `paths`. Every tool that resolves them
// derives them from there: tsc and nest build (which rewrites them into relative paths in dist, so
// compiled code needs none), jest (below), the ts-node scripts (register-aliases.js) and
// dependency-cruiser (tsConfig option). Adding a lib means adding its two lines to tsconfig.json.
const { join } = require('node:path');
// Read as plain JSON: tsconfig.json must stay free of comments.
const { compilerOptions } = require('../tsconfig.json');

const root = join(__dirname, '..');
/** `{ '@amparo/cases/*': ['./libs/cases/src/*'], … }`, exactly as tsconfig.json declares it. */
const paths = compilerOptions.paths;

const escapeRegExp = (text) => text.replace(/[.+?^${}()|[\]\\]/g, '\\$&');

/** jest's moduleNameMapper for the same aliases (`*` becomes a capture group, `$1` its target). */
function jestModuleNameMapper() {
  return Object.fromEntries(
    Object.entries(paths).map(([alias, targets]) => [
      `^${escapeRegExp(alias).replace('*', '(.*)')}$`,
      targets.map((target) => `<rootDir>/${target.replace(/^\.\//, '').replace('*', '$1')}`),
    ]),
  );
}

module.exports = { root, paths, jestModuleNameMapper };
