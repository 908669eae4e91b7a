// Longest files first, by the durations a full loaded run measured (test/durations.json, written by
// `npm run test:durations` after `npm test`). Jest's own order needs its timing cache, which a clean CI clone does not
// have, and falls back to file size: small but slow browser files then started last and ran alone on one worker while
// the other sat idle (CI is a shared 2-core box with a 30-minute limit). A file the table does not know yet (a new one)
// runs first, where its time cannot land at the tail; a file that failed in the last local run still goes first.
const fs = require('node:fs');
const path = require('node:path');
const Sequencer = require('@jest/test-sequencer').default;

const root = path.resolve(__dirname, '..', '..');
const TABLE = path.join(root, 'test', 'durations.json');

function readTable() {
  try {
    return JSON.parse(fs.readFileSync(TABLE, 'utf8'));
  } catch {
    return {};
  }
}

class LongestFirst extends Sequencer {
  sort(tests) {
    const table = readTable();
    const seconds = (t) => table[path.relative(root, t.path).split(path.sep).join('/')];
    return [...tests].sort((a, b) => {
      const failedA = this.hasFailed(a);
      const failedB = this.hasFailed(b);
      if (failedA !== failedB) return failedA ? -1 : 1;
      const sa = seconds(a);
      const sb = seconds(b);
      if ((sa === undefined) !== (sb === undefined)) return sa === undefined ? -1 : 1;
      if (sa !== undefined && sa !== sb) return sb - sa;
      return a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
    });
  }
}

module.exports = LongestFirst;
