// The builds `npm start` and the browser tests need, and whether each is older than its sources.
// A full `nest build` takes 20-40 s and `npm run build:web` a few: most runs change nothing, and
// those skip the build.
const { spawnSync } = require('node:child_process');
const { existsSync, readdirSync, statSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
const at = (paths) => paths.map((path) => join(root, path));

/**
 * Each build: the file it produces last, what it reads, the command that makes it and what that
 * command's environment must hold.
 */
const builds = {
  api: {
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
  // The benchmarks that measure jobs run the worker as a deployment does (npm run start:worker).
  worker: {
    name: 'the worker',
    output: join(root, 'dist/apps/worker/apps/worker/src/main.js'),
    inputs: at([
      'apps/worker',
      'libs',
      'migrations',
      'package.json',
      'tsconfig.json',
      'nest-cli.json',
    ]),
    command: ['npx', ['nest', 'build', 'worker']],
  },
  web: {
    name: 'the web application',
    output: join(root, 'dist/web/index.html'),
    inputs: at(['apps/web', 'package.json', 'package-lock.json']),
    command: ['npm', ['run', 'build:web']],
    // Vite takes NODE_ENV from the environment when set: under jest (NODE_ENV=test) it would build
    // React's development bundle, which npm start would then serve as current.
    env: { NODE_ENV: 'production' },
  },
};
/** Excluded from the builds (apps/api/tsconfig.app.json, vite's graph), so editing them needs no rebuild. */
const notBuilt = /\.(spec|e2e-spec|test-helper|test)\.tsx?$/;

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

/** Runs the build when a source is newer than its output; returns the build's exit status (0: fine). */
function buildIfStale(build, log = console.log) {
  if (isCurrent(build)) {
    log(`The build of ${build.name} is up to date (npm run build rebuilds it all).`);
    return 0;
  }
  log(`Sources changed since the last build: building ${build.name}...`);
  const [command, args] = build.command;
  const env = { ...process.env, ...build.env };
  return spawnSync(command, args, { cwd: root, stdio: 'inherit', env }).status ?? 1;
}

module.exports = { builds, buildIfStale };
