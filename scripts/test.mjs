#!/usr/bin/env node
// The one test command (`npm test`): installs dependencies, type-checks, builds, starts a throwaway PostgreSQL and
// Redis (unless TEST_DATABASE_ADMIN_URL and TEST_REDIS_URL point at servers to use), migrates a template database
// with the real migrate command, clones one database per jest worker, runs every jest project, and cleans up.
// Extra arguments go to jest: `npm test -- test/e2e/auth` or `npm test -- --selectProjects unit`.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureNodeModules, run } from './lib/bootstrap-deps.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const WORKERS = 2;
const OWNER = { role: 'sanshe_owner', password: 'sanshe_owner_test' };
const APP = { role: 'sanshe_app', password: 'sanshe_app_test' };

/** `run`, without blocking: resolves when the command succeeds, rejects naming it when it fails. */
function runAsync(cmd, args, opts) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'inherit', 'inherit'], ...opts });
    child.on('error', reject);
    child.on('exit', (code, signal) => (code === 0 ? resolve() : reject(new Error(`${cmd} ${args.join(' ')} exited with ${code ?? signal}`))));
  });
}

async function main() {
  ensureNodeModules(root);
  const bin = (name) => path.join(root, 'node_modules', '.bin', name);
  // TEST_SKIP_TYPECHECK=1 is for a developer iterating on one file while others edit theirs; CI never sets it.
  if (process.env.TEST_SKIP_TYPECHECK !== '1') {
    console.error('[test] type-checking…');
    ensureNodeModules(path.join(root, 'web'));
    // The server's and the web app's checks at once, one per core: a third of the time before the first test runs
    // went to them one after the other.
    await Promise.all([
      runAsync(bin('tsc'), ['--noEmit', '-p', 'tsconfig.json'], { cwd: root }),
      runAsync(path.join(root, 'web', 'node_modules', '.bin', 'tsc'), ['--noEmit', '-p', 'tsconfig.json'], { cwd: path.join(root, 'web') }),
    ]);
  }
  console.error('[test] building…');
  run('node', [path.join(root, 'scripts', 'build.mjs')], { cwd: root });
  // The web app's API types are generated from the service's OpenAPI document: a stale copy fails the run.
  run('node', [path.join(root, 'scripts', 'web-api.mjs'), '--check'], { cwd: root });

  const services = await import('./lib/services.mjs');
  const cleanups = [];
  let adminUrl = process.env.TEST_DATABASE_ADMIN_URL;
  let redisUrl = process.env.TEST_REDIS_URL;
  let pgPort;
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sanshe-test-'));
  fs.chmodSync(tmp, 0o755);
  cleanups.push(() => fs.rmSync(tmp, { recursive: true, force: true }));
  try {
    const { redisServer } = await services.ensureServerBinaries();
    const chromium = await services.ensureBrowser();
    if (!adminUrl) {
      const pg = await services.startPostgres({ dataDir: path.join(tmp, 'pg'), port: await services.freePort(), fast: true });
      cleanups.unshift(() => pg.stop());
      adminUrl = pg.adminUrl;
      pgPort = pg.port;
    } else {
      pgPort = Number(new URL(adminUrl).port || 5432);
    }
    if (!redisUrl) {
      const redis = await services.startRedis({ dataDir: path.join(tmp, 'redis'), port: await services.freePort() });
      cleanups.unshift(() => redis.stop());
      redisUrl = redis.url;
    }

    const roles = { ownerRole: OWNER.role, ownerPassword: OWNER.password, appRole: APP.role, appPassword: APP.password };
    const template = await services.provisionDatabase({ adminUrl, port: pgPort, database: 'sanshe_test_template', recreate: true, ...roles });
    console.error('[test] migrating the template database…');
    run('node', [path.join(root, 'dist', 'src', 'cli.js'), 'migrate'], {
      cwd: root,
      env: { ...process.env, DATABASE_OWNER_URL: template.ownerUrl, DATABASE_APP_ROLE: APP.role, LOG_LEVEL: 'warn' },
    });
    const urls = {};
    for (let i = 1; i <= WORKERS; i++) {
      const db = await services.provisionDatabase({ adminUrl, port: pgPort, database: `sanshe_test_${i}`, template: 'sanshe_test_template', recreate: true, ...roles });
      urls[`TEST_DATABASE_URL_${i}`] = db.appUrl;
      urls[`TEST_DATABASE_OWNER_URL_${i}`] = db.ownerUrl;
    }

    const env = {
      ...process.env,
      ...urls,
      NODE_ENV: 'test',
      TEST_REDIS_URL: redisUrl,
      REDIS_SERVER_BIN: redisServer,
      CHROMIUM_PATH: chromium,
      TEST_PG_ADMIN_URL: adminUrl,
      DATABASE_APP_ROLE: APP.role,
      // Request logs would bury jest's output; TEST_LOGS=1 shows the app's logs (see test/support/test-app.ts).
      LOG_LEVEL: process.env.TEST_LOGS === '1' ? 'log' : 'warn',
    };
    // Browser tests that needed their one retry (test/browser/support/retry.ts) are listed at the end of the run.
    const retriesLog = path.join(root, 'test-artifacts', 'browser-retries.log');
    fs.mkdirSync(path.dirname(retriesLog), { recursive: true });
    fs.rmSync(retriesLog, { force: true });
    const code = await new Promise((resolve) => {
      const child = spawn(process.execPath, [path.join(root, 'node_modules', 'jest', 'bin', 'jest.js'), `--maxWorkers=${WORKERS}`,
        // Each file's time, for `npm run test:durations` (test/support/sequencer.js starts the longest first).
        '--json', `--outputFile=${path.join(root, 'test-artifacts', 'jest-results.json')}`, ...process.argv.slice(2)], {
        cwd: root,
        env,
        stdio: 'inherit',
      });
      child.on('exit', (c, signal) => resolve(c ?? (signal ? 1 : 0)));
    });
    if (fs.existsSync(retriesLog)) {
      console.error(`\n[test] browser tests that failed once and passed on their retry — races to fix (their failed attempts are reported above):\n${fs.readFileSync(retriesLog, 'utf8')}`);
    }
    process.exitCode = code;
  } finally {
    for (const cleanup of cleanups) {
      try {
        await cleanup();
      } catch (err) {
        console.error(`[test] cleanup: ${err.message}`);
      }
    }
  }
}

main().catch((err) => {
  console.error(`[test] ${err.message}`);
  process.exit(1);
});
