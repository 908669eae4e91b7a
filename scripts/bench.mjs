#!/usr/bin/env node
// `npm run bench`: builds, starts a throwaway PostgreSQL (normal durability settings) and Redis, migrates, and runs
// bench/list-bench.js (full stack against raw http + pg). `npm run bench -- sizes` runs bench/list-size-bench.js
// instead: the same page in districts of BENCH_SIZES places (default 3000,300000). `npm run bench -- pages` runs
// bench/page-load-bench.js: page loads of the web app on the demo data in Chromium. Results go to stdout as JSON;
// copy them with the date and machine into bench/RESULTS.md.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureNodeModules, run } from './lib/bootstrap-deps.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

async function main() {
  ensureNodeModules(root);
  run('node', [path.join(root, 'scripts', 'build.mjs')], { cwd: root });
  const services = await import('./lib/services.mjs');
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sanshe-bench-'));
  fs.chmodSync(tmp, 0o755);
  const pg = await services.startPostgres({ dataDir: path.join(tmp, 'pg'), port: await services.freePort() });
  const redis = await services.startRedis({ dataDir: path.join(tmp, 'redis'), port: await services.freePort() });
  try {
    const db = await services.provisionDatabase({
      adminUrl: pg.adminUrl, port: pg.port, database: 'sanshe_bench',
      ownerRole: 'sanshe_owner', ownerPassword: 'sanshe_owner_bench', appRole: 'sanshe_app', appPassword: 'sanshe_app_bench',
    });
    const env = { ...process.env, DATABASE_URL: db.appUrl, DATABASE_OWNER_URL: db.ownerUrl, REDIS_URL: redis.url, NODE_ENV: 'production',
      // Production refuses to start without a mail server; the bench sends no mail (no worker runs), so a closed port does.
      SMTP_URL: 'smtp://127.0.0.1:9', MAIL_FROM: 'bench <bench@example.cn>', DATABASE_APP_ROLE: 'sanshe_app',
      MASTER_KEY: crypto.randomBytes(32).toString('base64'), LOG_LEVEL: process.env.LOG_LEVEL || 'warn', JWT_SECRET: crypto.randomBytes(48).toString('base64url') };
    run('node', [path.join(root, 'dist', 'src', 'cli.js'), 'migrate'], { cwd: root, env: { ...env, LOG_LEVEL: 'warn' } });
    const profile = process.env.BENCH_CPU_PROFILE ? ['--cpu-prof', '--cpu-prof-dir', process.env.BENCH_CPU_PROFILE] : [];
    const scripts = { sizes: 'list-size-bench.js', pages: 'page-load-bench.js' };
    const script = scripts[process.argv[2]] ?? 'list-bench.js';
    if (process.argv[2] === 'pages') env.CHROMIUM_PATH = await services.ensureBrowser();
    run('node', [...profile, path.join(root, 'dist', 'bench', script)], { cwd: root, env });
  } finally {
    await redis.stop();
    await pg.stop();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(`[bench] ${err.message}`);
  process.exit(1);
});
