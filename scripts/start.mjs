#!/usr/bin/env node
// The one start command (`npm start`): installs dependencies, builds, starts project-managed PostgreSQL and Redis
// under .data/ (unless DATABASE_URL/REDIS_URL are given), a development mail catcher (unless SMTP_URL is given),
// migrates, loads the demo data (idempotent) and serves the API with the worker on PORT (default 3000). Running it
// again keeps the data. .data/ and everything in it is private to the user running this.
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureNodeModules, run } from './lib/bootstrap-deps.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** A JWT secret generated once per checkout and kept with the data, so restarts keep sessions valid. */
function localSecret() {
  const file = path.join(root, '.data', 'jwt-secret');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  if (!fs.existsSync(file)) fs.writeFileSync(file, crypto.randomBytes(48).toString('base64url'), { mode: 0o600 });
  return fs.readFileSync(file, 'utf8').trim();
}

/** The master key that wraps each district's data keys, generated once like the JWT secret. Losing it loses the
 * encrypted personal data, so production sets MASTER_KEY from its secret store instead. */
function localMasterKey() {
  const file = path.join(root, '.data', 'master-key');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  if (!fs.existsSync(file)) fs.writeFileSync(file, crypto.randomBytes(32).toString('base64'), { mode: 0o600 });
  return fs.readFileSync(file, 'utf8').trim();
}

async function main() {
  ensureNodeModules(root);
  run('node', [path.join(root, 'scripts', 'build.mjs')], { cwd: root });
  const env = { ...process.env };
  const services = await import('./lib/services.mjs');
  const data = path.join(root, '.data');
  // As root, the postgres OS user must pass through .data to its own .data/pg.
  services.privateDir(data, { traversable: process.getuid?.() === 0 });
  if (!env.DATABASE_URL || !env.REDIS_URL) {
    if (!env.DATABASE_URL) {
      const pg = await services.startPostgres({ dataDir: path.join(data, 'pg'), port: Number(env.PG_PORT || 54329) });
      const db = await services.provisionDatabase({
        adminUrl: pg.adminUrl, port: pg.port, database: 'sanshe',
        ownerRole: 'sanshe_owner', ownerPassword: env.SANSHE_OWNER_PASSWORD || 'sanshe_owner_dev',
        appRole: 'sanshe_app', appPassword: env.SANSHE_APP_PASSWORD || 'sanshe_app_dev',
      });
      env.DATABASE_URL = db.appUrl;
      env.DATABASE_OWNER_URL = db.ownerUrl;
    }
    if (!env.REDIS_URL) {
      const redis = await services.startRedis({ dataDir: path.join(data, 'redis'), port: Number(env.REDIS_PORT || 63799), persist: true });
      env.REDIS_URL = redis.url;
    }
  }
  if (!env.SMTP_URL) {
    const mail = await services.startMaildev({
      dataDir: path.join(data, 'maildev'),
      smtpPort: Number(env.MAILDEV_SMTP_PORT || 10025),
      webPort: Number(env.MAILDEV_WEB_PORT || 10080),
    });
    env.SMTP_URL = mail.smtpUrl;
    console.error(`[start] Development mail: invitations (and texts to phones, as <phone>@sms.localhost) land in the inbox at ${mail.webUrl}`);
  }
  env.JWT_SECRET ||= localSecret();
  env.MASTER_KEY ||= localMasterKey();
  const cli = path.join(root, 'dist', 'src', 'cli.js');
  if (env.DATABASE_OWNER_URL) run('node', [cli, 'migrate'], { cwd: root, env });
  else console.error('[start] DATABASE_OWNER_URL not set: skipping migrations (run `npm run migrate` as the schema owner)');
  if (env.SEED_DEMO !== 'false') run('node', [cli, 'seed-demo'], { cwd: root, env });
  // Values older versions (and the demo seed's plain SQL) stored in clear are encrypted with the district keys.
  run('node', [cli, 'protect-personal-data'], { cwd: root, env });
  const child = spawn(process.execPath, [path.join(root, 'dist', 'src', 'main.js')], { cwd: root, env, stdio: 'inherit' });
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
  let exited = false;
  child.on('exit', (code) => {
    exited = true;
    process.exit(code ?? 0);
  });
  await announceWhenServing(Number(env.PORT || 3000), () => exited);
}

/**
 * The last line a newcomer reads is where to go, printed only once the web app itself answers (not merely once the
 * process started), so following it never lands on a refused connection. Bounded: a slow first start says so.
 */
async function announceWhenServing(port, exited) {
  const url = `http://localhost:${port}/`;
  const deadline = Date.now() + 180_000;
  while (!exited() && Date.now() < deadline) {
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(5_000) });
      await res.arrayBuffer();
      if (res.ok) {
        console.error(`[start] Ready: open ${url}`);
        return;
      }
    } catch {
      // Not listening yet (or the request timed out on a busy machine): ask again.
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  if (!exited()) console.error(`[start] ${url} has not answered within 3 minutes; once it does, open ${url}`);
}

main().catch((err) => {
  console.error(`[start] ${err.message}`);
  process.exit(1);
});
