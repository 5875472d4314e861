// npm start: builds the API and the web application only when a source is newer than its build,
// then runs the API (which serves the web application at /) under a supervisor that makes
// SIGTERM/SIGINT take effect within the grace period even when the API's event loop is stuck
// (scripts/supervise.js). A full `nest build` takes 20-40 s; most starts change nothing, and
// those begin at once.
const { spawnSync } = require('node:child_process');
const { existsSync, readdirSync, statSync } = require('node:fs');
const { join } = require('node:path');
const { graceFromEnvironment, supervise } = require('./supervise');

const root = join(__dirname, '..');
const at = (paths) => paths.map((path) => join(root, path));

/** Each build: the file it produces last, what it reads, and the command that makes it. */
const builds = [
  {
    name: 'the API',
    output: join(root, 'dist/apps/api/apps/api/src/main.js'),
    inputs: at([
      'apps/api',
      'libs',
      'migrations',
      'package.json',
      'tsconfig.json',
      'nest-cli.json',
    ]),
    command: ['npx', ['nest', 'build', 'api']],
  },
  {
    name: 'the web application',
    output: join(root, 'dist/web/index.html'),
    inputs: at(['apps/web', 'package.json', 'package-lock.json']),
    command: ['npm', ['run', 'build:web']],
  },
];
/** Excluded from the builds (apps/api/tsconfig.app.json), so editing them needs no rebuild. */
const notBuilt = /\.(spec|e2e-spec|test-helper)\.tsx?$/;

function newestChange(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return notBuilt.test(path) ? 0 : stat.mtimeMs;
  let newest = stat.mtimeMs; // a removed or renamed file changes its folder
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestChange(join(path, entry)));
  return newest;
}

function isCurrent({ output, inputs }) {
  if (!existsSync(output)) return false;
  return statSync(output).mtimeMs >= Math.max(...inputs.map(newestChange));
}

for (const build of builds) {
  if (isCurrent(build)) {
    console.log(`The build of ${build.name} is up to date (npm run build rebuilds it all).`);
    continue;
  }
  console.log(`Sources changed since the last build: building ${build.name}...`);
  const [command, args] = build.command;
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
supervise(process.execPath, [builds[0].output], { graceMs: graceFromEnvironment() });
