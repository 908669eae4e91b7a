// Installs npm dependencies when node_modules is missing or older than package-lock.json, so that one command
// works on a fresh clone. Uses only Node built-ins: it runs before anything else is installed.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export function ensureNodeModules(root) {
  const lock = path.join(root, 'package-lock.json');
  const marker = path.join(root, 'node_modules', '.package-lock.json');
  const fresh = fs.existsSync(marker) && fs.statSync(marker).mtimeMs >= fs.statSync(lock).mtimeMs;
  if (fresh) return;
  // `npm install`, not `npm ci`: npm 11 writes only this platform's optional binaries (@swc/core-*) into the lock,
  // and `npm ci` then refuses the lock as out of sync. `npm install` still installs the locked versions and, as
  // measured here, leaves package-lock.json untouched.
  console.error('[setup] installing npm dependencies (npm install from package-lock.json)…');
  const res = spawnSync('npm', ['install', '--no-audit', '--no-fund'], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
  if (res.status !== 0) throw new Error('npm install failed');
}

export function run(cmd, args, opts = {}) {
  const res = spawnSync(cmd, args, { stdio: ['ignore', 'inherit', 'inherit'], ...opts });
  if (res.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited with ${res.status ?? res.signal}`);
}
