// Runs the API as a child process and stays responsive to signals itself. On the embedded default
// the database (PGlite, WebAssembly) runs on the API's main thread: a statement stuck there blocks
// the API's event loop, and with it its own SIGTERM handler. This parent forwards SIGTERM/SIGINT
// and, if the API has not exited by the end of its grace period, kills it, so that a stop always
// takes effect in time. (The embedded lock file of a killed API is stale and taken over at start.)
const { spawn } = require('node:child_process');
const { clearTimeout, setTimeout } = require('node:timers');

/** Spawns `command` with `args`, forwards stop signals, and exits with the child's status. */
function supervise(command, args, { graceMs, env = process.env } = {}) {
  const child = spawn(command, args, { stdio: 'inherit', env });
  let killTimer;
  const stop = (signal) => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill(signal);
    killTimer ??= setTimeout(() => {
      process.stderr.write(
        `The API did not stop within ${graceMs} ms of ${signal} (a stuck statement?): killing it.\n`,
      );
      child.kill('SIGKILL');
    }, graceMs);
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
  child.on('exit', (code, signal) => {
    clearTimeout(killTimer);
    process.exit(code ?? (signal === 'SIGKILL' ? 137 : 143));
  });
  return child;
}

/** The grace period the API itself uses (SHUTDOWN_GRACE_MS, 8000 by default). */
function graceFromEnvironment(env = process.env) {
  const value = Number(env.SHUTDOWN_GRACE_MS);
  return Number.isInteger(value) && value > 0 ? value : 8000;
}

module.exports = { supervise, graceFromEnvironment };

// `node scripts/supervise.js <script> [args…]`: supervise a Node script.
if (require.main === module) {
  const [script, ...args] = process.argv.slice(2);
  supervise(process.execPath, [script, ...args], { graceMs: graceFromEnvironment() });
}
