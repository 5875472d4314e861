// Preloaded into the API's own process by npm run bench:cases (NODE_OPTIONS=-r), never by the
// product: counts the statements the pg driver sends and the round trips they take, and keeps the
// last statements, so that the bench counts round trips per request and times the application's own
// SQL on raw pg without production code for either. A statement is a round trip of its own unless a
// pipelining client sends it while an earlier one still awaits its answer: it then goes out at once
// and its answer follows the earlier one's, costing no wait of its own. On SIGUSR2 it writes
// { seq, count, trips, recent } to the file named by BENCH_QUERY_PROBE_FILE (through a rename: the
// reader never sees half a file).
'use strict';
const { renameSync, writeFileSync } = require('node:fs');
const { Client } = require('pg');

const file = process.env.BENCH_QUERY_PROBE_FILE;
/** The statements kept: a few sequential requests' worth. */
const KEEP = 400;
let count = 0;
let trips = 0;
let seq = 0;
let recent = [];

const query = Client.prototype.query;
Client.prototype.query = function (config, values) {
  count++;
  // pg's own fields: the statement answering now, and those sent behind it (pipeline mode).
  const awaiting = this.pipeline && (this._activeQuery || this._sentQueryQueue.length > 0);
  if (!awaiting) trips++;
  const text = typeof config === 'string' ? config : config && config.text;
  if (typeof text === 'string') {
    const params = Array.isArray(values) ? values : (config && config.values) || [];
    recent.push({ text, values: params });
    if (recent.length > 2 * KEEP) recent = recent.slice(-KEEP);
  }
  return query.apply(this, arguments);
};

if (file)
  process.on('SIGUSR2', () => {
    seq++;
    writeFileSync(
      `${file}.tmp`,
      JSON.stringify({ seq, count, trips, recent: recent.slice(-KEEP) }),
    );
    renameSync(`${file}.tmp`, file);
  });
