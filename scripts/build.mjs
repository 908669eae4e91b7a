#!/usr/bin/env node
// Compiles src/, libs/ and migrations/ to dist/ with swc (path aliases rewritten to relative requires), then builds
// the web app (web/, Vite) into dist/web, which the API serves at /. Prints the web app's initial JavaScript size and
// fails the build when it is over budget, so a heavy import is caught by the change that adds it, not by a reader.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureNodeModules, run } from './lib/bootstrap-deps.mjs';
import { INITIAL_JS_BUDGET_GZIP, initialJsBytes, precompress } from './lib/web-budget.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
fs.rmSync(path.join(root, 'dist'), { recursive: true, force: true });
run(path.join(root, 'node_modules', '.bin', 'swc'), ['src', 'libs', 'migrations', 'bench', '-d', 'dist', '--ignore', '**/*.spec.ts', '--quiet'], { cwd: root });

// SKIP_WEB_BUILD=1 is for a developer iterating on the API alone; `npm test` and `npm start` always build it.
if (process.env.SKIP_WEB_BUILD !== '1') {
  const web = path.join(root, 'web');
  ensureNodeModules(web);
  run(path.join(web, 'node_modules', '.bin', 'vite'), ['build', '--logLevel', 'warn'], { cwd: web });
  precompress(path.join(root, 'dist', 'web', 'assets'));
  const { files, gzip, raw } = initialJsBytes(path.join(root, 'dist', 'web'));
  const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
  console.error(`[build] web app: initial JavaScript ${kb(gzip)} gzip (${kb(raw)} raw) in ${files.length} file(s); budget ${kb(INITIAL_JS_BUDGET_GZIP)} gzip`);
  if (gzip > INITIAL_JS_BUDGET_GZIP) {
    console.error(`[build] FAILED: the web app's initial JavaScript is ${kb(gzip)} gzip, over its ${kb(INITIAL_JS_BUDGET_GZIP)} budget by ${kb(gzip - INITIAL_JS_BUDGET_GZIP)} (issue 10).`);
    console.error('[build] Load the new weight lazily (a route chunk or a dynamic import()) instead of from the entry; the files counted:');
    for (const f of files) console.error(`[build]   ${f}`);
    process.exit(1);
  }
}
