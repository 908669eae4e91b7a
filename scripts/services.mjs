#!/usr/bin/env node
// Dev-mode PostgreSQL, Redis and the maildev mail catcher with persistent data under <repo>/.data/.
//
//   node scripts/services.mjs up       start (or reuse) all three, provision the `sanshe` database and print
//                                      shell exports: eval "$(node scripts/services.mjs up)"
//   node scripts/services.mjs down     stop all three
//   node scripts/services.mjs status   exit status 0 when PostgreSQL and Redis run, 3 otherwise
//
// Env: PG_PORT (54329), REDIS_PORT (63799), MAILDEV_SMTP_PORT (10025), MAILDEV_WEB_PORT (10080),
// SANSHE_OWNER_PASSWORD, SANSHE_APP_PASSWORD (dev defaults),
// SANSHE_NO_INSTALL=1 to never apt-get install missing servers. Logs go to stderr; only the exports
// (or the status report) go to stdout. The servers keep running after `up` exits, until `down`.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  maildevStatus,
  postgresStatus,
  privateDir,
  provisionDatabase,
  redisStatus,
  shellQuote,
  startMaildev,
  startPostgres,
  startRedis,
  stopMaildev,
  stopPostgres,
  stopRedis,
} from './lib/services.mjs';

const dataRoot = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '.data');
const pgDataDir = path.join(dataRoot, 'pg');
const redisDataDir = path.join(dataRoot, 'redis');
const maildevDataDir = path.join(dataRoot, 'maildev');

function portFromEnv(name, fallback) {
  const port = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`${name} must be a TCP port`);
  return port;
}

async function up() {
  privateDir(dataRoot, { traversable: process.getuid?.() === 0 });
  const pg = await startPostgres({ dataDir: pgDataDir, port: portFromEnv('PG_PORT', 54329) });
  const redis = await startRedis({ dataDir: redisDataDir, port: portFromEnv('REDIS_PORT', 63799), persist: true });
  const { ownerUrl, appUrl } = await provisionDatabase({
    adminUrl: pg.adminUrl,
    port: pg.port,
    database: 'sanshe',
    ownerRole: 'sanshe_owner',
    ownerPassword: process.env.SANSHE_OWNER_PASSWORD || 'sanshe_owner_dev',
    appRole: 'sanshe_app',
    appPassword: process.env.SANSHE_APP_PASSWORD || 'sanshe_app_dev',
  });
  const mail = await startMaildev({
    dataDir: maildevDataDir, smtpPort: portFromEnv('MAILDEV_SMTP_PORT', 10025), webPort: portFromEnv('MAILDEV_WEB_PORT', 10080),
  });
  console.error(`Development mail inbox: ${mail.webUrl}`);
  const exports = { DATABASE_URL: appUrl, DATABASE_OWNER_URL: ownerUrl, REDIS_URL: redis.url, SMTP_URL: mail.smtpUrl };
  for (const [name, value] of Object.entries(exports)) process.stdout.write(`export ${name}=${shellQuote(value)}\n`);
}

async function down() {
  const stoppedPg = await stopPostgres({ dataDir: pgDataDir });
  const stoppedRedis = await stopRedis({ dataDir: redisDataDir });
  const stoppedMail = await stopMaildev({ dataDir: maildevDataDir });
  console.error(`PostgreSQL: ${stoppedPg ? 'stopped' : 'was not running'}`);
  console.error(`Redis: ${stoppedRedis ? 'stopped' : 'was not running'}`);
  console.error(`maildev: ${stoppedMail ? 'stopped' : 'was not running'}`);
}

async function status() {
  const pg = postgresStatus({ dataDir: pgDataDir });
  const redisPort = portFromEnv('REDIS_PORT', 63799);
  const redis = await redisStatus({ dataDir: redisDataDir, port: redisPort });
  console.log(
    pg
      ? `PostgreSQL: ${pg.ready ? 'running' : 'not ready'} (pid ${pg.pid}, port ${pg.port}, socket ${pg.socketDir})`
      : `PostgreSQL: not running (${pgDataDir})`,
  );
  console.log(
    redis
      ? `Redis: running (pid ${redis.pid}), ${redis.answering ? 'answering' : 'NOT answering'} on port ${redisPort}`
      : `Redis: not running (${redisDataDir})`,
  );
  const mail = maildevStatus({ dataDir: maildevDataDir });
  console.log(mail ? `maildev: running (pid ${mail.pid})` : `maildev: not running (${maildevDataDir})`);
  process.exitCode = pg?.ready && redis?.answering ? 0 : 3;
}

const commands = { up, down, status };
const command = commands[process.argv[2]];
if (!command) {
  console.error('usage: node scripts/services.mjs up|down|status');
  process.exit(2);
}
command().catch((err) => {
  console.error(
    err.code === 'SANSHE_MISSING_SERVER_BINARIES'
      ? `PostgreSQL/Redis server binaries are missing; install them with:\n  ${err.message}`
      : `services ${process.argv[2]} failed: ${err.message}`,
  );
  process.exit(1);
});
