#!/usr/bin/env node
// Writes test/durations.json — each test file's seconds in the last `npm test` (test-artifacts/jest-results.json) —
// which test/support/sequencer.js uses to start the longest files first. Run it after a full run on a loaded machine
// (as CI is) and commit the table when files were added or their times moved a lot.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const results = JSON.parse(fs.readFileSync(path.join(root, 'test-artifacts', 'jest-results.json'), 'utf8'));
const table = {};
for (const r of results.testResults) {
  table[path.relative(root, r.name).split(path.sep).join('/')] = Math.max(1, Math.round((r.endTime - r.startTime) / 1000));
}
const sorted = Object.fromEntries(Object.entries(table).sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1)));
fs.writeFileSync(path.join(root, 'test', 'durations.json'), `${JSON.stringify(sorted, null, 2)}\n`);
console.log(`test/durations.json: ${Object.keys(sorted).length} files, ${Object.values(sorted).reduce((s, n) => s + n, 0)} s in all`);
