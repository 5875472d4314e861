// npm start: builds the API and the web application only when a source is newer than its build
// (scripts/builds.js), then runs the API (which serves the web application at /) under a supervisor
// that makes SIGTERM/SIGINT take effect within the grace period even when the API's event loop is
// stuck (scripts/supervise.js).
const { builds, buildIfStale } = require('./builds');
const { graceFromEnvironment, supervise } = require('./supervise');

for (const build of [builds.api, builds.web]) {
  const status = buildIfStale(build);
  if (status !== 0) process.exit(status);
}
supervise(process.execPath, [builds.api.output], { graceMs: graceFromEnvironment() });
