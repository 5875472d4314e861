// npm start: builds the API only when a source is newer than the build, then runs it under a
// supervisor that makes SIGTERM/SIGINT take effect within the grace period even when the API's
// event loop is stuck (scripts/supervise.js). A full `nest build` takes 20-40 s; most starts change
// nothing, and those begin at once.
const { spawnSync } = require('node:child_process');
const { existsSync, readdirSync, statSync } = require('node:fs');
const { join } = require('node:path');
const { graceFromEnvironment, supervise } = require('./supervise');

const root = join(__dirname, '..');
const main = join(root, 'dist/apps/api/apps/api/src/main.js');
/** Everything the API's build reads: its sources, the libs and migrations, and the build settings. */
const inputs = [
  'apps/api',
  'libs',
  'migrations',
  'package.json',
  'tsconfig.json',
  'nest-cli.json',
].map((path) => join(root, path));
/** Excluded from the build (apps/api/tsconfig.app.json), so editing them needs no rebuild. */
const notBuilt = /\.(spec|e2e-spec|test-helper)\.ts$/;

function newestChange(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return notBuilt.test(path) ? 0 : stat.mtimeMs;
  let newest = stat.mtimeMs; // a removed or renamed file changes its folder
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestChange(join(path, entry)));
  return newest;
}

function buildIsCurrent() {
  if (!existsSync(main)) return false;
  return statSync(main).mtimeMs >= Math.max(...inputs.map(newestChange));
}

if (buildIsCurrent()) {
  console.log('The build is up to date: starting the API (npm run build rebuilds it all).');
} else {
  console.log('Sources changed since the last build: building the API (nest build api)...');
  const build = spawnSync('npx', ['nest', 'build', 'api'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
supervise(process.execPath, [main], { graceMs: graceFromEnvironment() });
