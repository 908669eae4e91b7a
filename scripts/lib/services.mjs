// Project-managed PostgreSQL and Redis instances, used by the dev start script (persistent data under
// .data/) and by the test harness (throwaway data, fast settings), and the development mail catcher
// (maildev) for `npm start`. Only Node built-ins, `pg` and (for the mail catcher) `maildev`.
//
// Both servers are daemonised: they keep running after the calling process exits, until stop().
import { execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import pg from 'pg';

const execFileAsync = promisify(execFile);
const isRoot = process.getuid?.() === 0;
const PG_ROOT = '/usr/lib/postgresql';
const PG_MIN_MAJOR = 15;
// Settings we own are kept in their own file, rewritten on every start and included from postgresql.conf.
const PG_SETTINGS_FILE = 'services.conf';
const PG_INCLUDE_LINE = `include = '${PG_SETTINGS_FILE}'`;
// Key of the advisory lock that serialises role DDL across processes sharing a cluster.
const ROLE_LOCK_KEY = 7_316_001;
const IDENT = /^[a-z_][a-z0-9_]{0,62}$/;

const log = (message) => process.stderr.write(`[services] ${message}\n`);

// ---------------------------------------------------------------------------------------------------
// Server binaries

/** Finds (and as root, installs with apt) the PostgreSQL server bin dir and redis-server. */
export async function ensureServerBinaries() {
  let found = await locateServerBinaries();
  if (found.pgBinDir && found.redisServer) return found;

  if (!isRoot || process.env.SANSHE_NO_INSTALL === '1') {
    const command = installCommand(await missingPackages(found), !isRoot);
    throw Object.assign(new Error(command), { code: 'SANSHE_MISSING_SERVER_BINARIES' });
  }
  await aptInstall(found);
  found = await locateServerBinaries();
  if (!found.pgBinDir || !found.redisServer) {
    throw new Error(`apt-get install finished but server binaries are still missing: ${JSON.stringify(found)}`);
  }
  return found;
}

async function locateServerBinaries() {
  return { pgBinDir: await findPgBinDir(), redisServer: findExecutable('redis-server') };
}

async function findPgBinDir() {
  const majors = fs.existsSync(PG_ROOT)
    ? fs.readdirSync(PG_ROOT).filter((v) => /^\d+$/.test(v) && Number(v) >= PG_MIN_MAJOR)
    : [];
  const newest = majors
    .sort((a, b) => Number(b) - Number(a))
    .find((v) => isExecutable(path.join(PG_ROOT, v, 'bin', 'initdb')));
  if (newest) return path.join(PG_ROOT, newest, 'bin');

  // Non-Debian layouts. On Debian, pg_config may come from libpq-dev alone (bindir /usr/bin without
  // initdb), hence the initdb check.
  const pgConfig = findExecutable('pg_config');
  if (!pgConfig) return null;
  try {
    const binDir = (await run(pgConfig, ['--bindir'])).trim();
    const major = parseInt((await run(pgConfig, ['--version'])).replace(/^\D+/, ''), 10);
    return major >= PG_MIN_MAJOR && isExecutable(path.join(binDir, 'initdb')) ? binDir : null;
  } catch {
    return null;
  }
}

async function missingPackages({ pgBinDir, redisServer }) {
  const packages = [];
  if (!pgBinDir) packages.push((await aptHasCandidate('postgresql-15')) ? 'postgresql-15' : 'postgresql');
  if (!redisServer) packages.push('redis-server');
  return packages;
}

function installCommand(packages, sudo) {
  const prefix = sudo ? 'sudo ' : '';
  const env = sudo ? '' : 'DEBIAN_FRONTEND=noninteractive ';
  return `${prefix}apt-get update && ${prefix}${env}apt-get install -y --no-install-recommends ${packages.join(' ')}`;
}

async function aptHasCandidate(pkg) {
  try {
    return /Candidate: (?!\(none\))/.test(await run('apt-cache', ['policy', pkg]));
  } catch {
    return false;
  }
}

async function aptInstall(found) {
  // Another apt/dpkg run (e.g. a parallel job) holds the lock for a while: wait rather than fail.
  const apt = (args) =>
    run('apt-get', ['-o', 'DPkg::Lock::Timeout=300', ...args], {
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
  let updated = false;
  const update = async () => {
    log('running apt-get update');
    await apt(['update']);
    updated = true;
  };

  let packages = await missingPackages(found);
  const candidates = await Promise.all(packages.map(aptHasCandidate));
  if (!candidates.every(Boolean)) {
    await update();
    packages = await missingPackages(found);
  }
  await withServiceStartsBlocked(async () => {
    const install = () => {
      log(`installing ${packages.join(' ')} with apt-get (takes a minute)`);
      return apt(['install', '-y', '--no-install-recommends', ...packages]);
    };
    try {
      await install();
    } catch (err) {
      // Package lists older than the archive point at .debs that are gone (404): refresh once and retry.
      if (updated) throw err;
      await update();
      await install();
    }
  });
}

// The packages' postinst scripts start the system-wide services through invoke-rc.d (or
// deb-systemd-invoke), which obey /usr/sbin/policy-rc.d: exit status 101 means "action forbidden".
// We never use those services, so keep them from starting. Docker images usually ship such a file
// already; otherwise one is in place for the duration of the install only.
async function withServiceStartsBlocked(fn) {
  const policy = '/usr/sbin/policy-rc.d';
  if (fs.existsSync(policy)) return fn();
  fs.writeFileSync(policy, '#!/bin/sh\nexit 101\n', { mode: 0o755 });
  try {
    return await fn();
  } finally {
    fs.rmSync(policy, { force: true });
  }
}

// ---------------------------------------------------------------------------------------------------
// PostgreSQL

/** Initialises (if needed) and starts, or reuses, the cluster in dataDir. */
export async function startPostgres({ dataDir, port, socketDir, fast = false }) {
  dataDir = path.resolve(dataDir);
  const { pgBinDir } = await ensureServerBinaries();

  const running = postgresStatus({ dataDir });
  if (running?.port === port) {
    await waitFor(() => postgresStatus({ dataDir })?.ready, 60_000, `PostgreSQL in ${dataDir} to be ready`);
    log(`reusing PostgreSQL on port ${port} (${dataDir})`);
    return postgresHandle(dataDir, running.socketDir, port, null);
  }
  if (running) {
    log(`PostgreSQL in ${dataDir} runs on port ${running.port}; restarting it on port ${port}`);
    await stopPostgres({ dataDir });
  }
  removeStalePidFile(dataDir);

  let tempSocketDir = null;
  if (!socketDir) {
    socketDir = path.join(path.dirname(dataDir), 'pg-socket');
    if (!socketPathFits(socketDir, port)) {
      socketDir = tempSocketDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pgsock-'));
    }
  }
  socketDir = path.resolve(socketDir);
  if (!socketPathFits(socketDir, port)) {
    throw new Error(`unix socket path under ${socketDir} is too long (max 99 bytes)`);
  }

  const owner = isRoot ? await postgresOsUser() : null;
  // Directories we create are mode 0700 and owned by the server's OS user: the superuser connects
  // over the socket without a password, so nobody else may reach it.
  for (const dir of [dataDir, socketDir]) {
    if (dir !== tempSocketDir) {
      if (fs.existsSync(dir)) continue;
      // Parents keep the default mode: the postgres user must be able to search them.
      fs.mkdirSync(path.dirname(dir), { recursive: true });
      fs.mkdirSync(dir, { mode: 0o700 });
    }
    if (owner) fs.chownSync(dir, owner.uid, owner.gid);
  }
  if (owner) {
    try {
      await run('test', ['-w', dataDir, '-a', '-w', socketDir], { asPostgres: true });
    } catch {
      throw new Error(
        `the postgres OS user cannot write ${dataDir} or ${socketDir}: it needs to own them and to be ` +
          'able to search their parent directories (chmod o+x), or use directories elsewhere',
      );
    }
  }

  const binDir = binDirForCluster(dataDir) ?? pgBinDir;
  if (!fs.existsSync(path.join(dataDir, 'PG_VERSION'))) {
    const started = Date.now();
    await run(
      path.join(binDir, 'initdb'),
      [
        '-D', dataDir,
        '-U', 'postgres',
        '--auth-local=trust',
        '--auth-host=scram-sha-256',
        '-E', 'UTF8',
        (await hasCUtf8Locale()) ? '--locale=C.UTF-8' : '--locale=C',
        '--no-instructions',
        // Skipping the final fsync of the new files is what makes a throwaway initdb fast.
        ...(fast ? ['--no-sync'] : []),
      ],
      { asPostgres: true },
    );
    log(`initdb ${dataDir} took ${Date.now() - started} ms`);
  }
  writePostgresSettings(dataDir, owner, { port, socketDir, fast });

  const logFile = path.join(dataDir, 'logfile');
  const started = Date.now();
  try {
    await run(path.join(binDir, 'pg_ctl'), ['start', '-D', dataDir, '-l', logFile, '-w', '-t', '60'], {
      asPostgres: true,
    });
  } catch (err) {
    throw new Error(`${err.message}\n--- ${logFile} ---\n${logTail(logFile)}`);
  }
  log(`PostgreSQL started on port ${port} in ${Date.now() - started} ms (${dataDir})`);
  return postgresHandle(dataDir, socketDir, port, tempSocketDir);
}

function postgresHandle(dataDir, socketDir, port, tempSocketDir) {
  return {
    socketDir,
    port,
    adminUrl: `postgresql://postgres@/postgres?host=${encodeURIComponent(socketDir)}&port=${port}`,
    stop: async () => {
      await stopPostgres({ dataDir });
      if (tempSocketDir) fs.rmSync(tempSocketDir, { recursive: true, force: true });
    },
  };
}

/** The running server of dataDir as recorded in postmaster.pid, or null when none runs. */
export function postgresStatus({ dataDir }) {
  dataDir = path.resolve(dataDir);
  const lines = readPidFile(path.join(dataDir, 'postmaster.pid'));
  if (!lines || !isPostmasterOf(Number(lines[0]), dataDir)) return null;
  // Lines: pid, data dir, start time, port, first socket dir, listen address, shmem key, status.
  const [pid, , , port, socketDir, , , state] = lines;
  return { pid: Number(pid), port: Number(port), socketDir, ready: state?.trim() === 'ready' };
}

/** `pg_ctl stop -m fast` if a server runs on dataDir; resolves false when none was running. */
export async function stopPostgres({ dataDir }) {
  dataDir = path.resolve(dataDir);
  if (!postgresStatus({ dataDir })) return false;
  const binDir = binDirForCluster(dataDir) ?? (await findPgBinDir());
  if (!binDir) throw new Error(`cannot stop PostgreSQL in ${dataDir}: no pg_ctl found`);
  await run(path.join(binDir, 'pg_ctl'), ['stop', '-D', dataDir, '-m', 'fast', '-w', '-t', '60'], {
    asPostgres: true,
  });
  return true;
}

// The postmaster chdir()s into its data directory, so /proc/<pid>/cwd tells whether the pid in
// postmaster.pid is still our server, not a pid reused by another process (e.g. after a container restart).
function isPostmasterOf(pid, dataDir) {
  try {
    return fs.readlinkSync(`/proc/${pid}/cwd`) === fs.realpathSync(dataDir);
  } catch {
    return false;
  }
}

// PostgreSQL removes a stale postmaster.pid itself unless its pid is alive again as another process,
// which is common in containers; then it refuses to start.
function removeStalePidFile(dataDir) {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  if (!fs.existsSync(pidFile)) return;
  log(`removing stale ${pidFile}`);
  fs.rmSync(pidFile);
}

// A persistent cluster must be run by the major version that created it, not by the newest installed.
function binDirForCluster(dataDir) {
  try {
    const major = fs.readFileSync(path.join(dataDir, 'PG_VERSION'), 'utf8').trim();
    const binDir = path.join(PG_ROOT, major, 'bin');
    return isExecutable(path.join(binDir, 'pg_ctl')) ? binDir : null;
  } catch {
    return null;
  }
}

function writePostgresSettings(dataDir, owner, { port, socketDir, fast }) {
  const settings = {
    listen_addresses: '127.0.0.1',
    port,
    unix_socket_directories: socketDir,
    max_connections: 200,
    timezone: 'UTC',
    log_timezone: 'UTC',
    ...(fast && { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off' }),
  };
  const file = path.join(dataDir, PG_SETTINGS_FILE);
  fs.writeFileSync(
    file,
    '# Written by scripts/lib/services.mjs on every start; edit that script instead.\n' +
      Object.entries(settings)
        .map(([name, value]) => `${name} = '${String(value).replace(/'/g, "''")}'\n`)
        .join(''),
  );
  if (owner) fs.chownSync(file, owner.uid, owner.gid);
  const conf = path.join(dataDir, 'postgresql.conf');
  if (!fs.readFileSync(conf, 'utf8').includes(PG_INCLUDE_LINE)) fs.appendFileSync(conf, `\n${PG_INCLUDE_LINE}\n`);
}

// Unix socket paths are limited to 107 bytes (sun_path); stay well below.
const socketPathFits = (dir, port) => Buffer.byteLength(path.join(dir, `.s.PGSQL.${port}`)) < 100;

async function hasCUtf8Locale() {
  try {
    return /^c\.utf-?8$/im.test(await run('locale', ['-a']));
  } catch {
    return false;
  }
}

async function postgresOsUser() {
  // getent rather than /etc/passwd so that NSS-provided users count too.
  let entry;
  try {
    entry = await run('getent', ['passwd', 'postgres']);
  } catch {
    throw new Error(
      'running as root needs the `postgres` OS user (initdb refuses to run as root); ' +
        'the Debian postgresql packages create it',
    );
  }
  const [, , uid, gid] = entry.split(':');
  return { uid: Number(uid), gid: Number(gid) };
}

// ---------------------------------------------------------------------------------------------------
// Redis

/** Starts, or reuses, redis-server on 127.0.0.1:port with its files in dataDir. */
export async function startRedis({ dataDir, port, persist = false }) {
  dataDir = path.resolve(dataDir);
  const { redisServer } = await ensureServerBinaries();
  const handle = { url: `redis://127.0.0.1:${port}`, port, stop: () => stopRedis({ dataDir }) };

  const running = await redisStatus({ dataDir, port });
  if (running?.answering) {
    await waitForPong(port, dataDir);
    log(`reusing Redis on port ${port} (${dataDir})`);
    return handle;
  }
  if (running) {
    log(`Redis pid ${running.pid} of ${dataDir} does not answer on port ${port}; restarting it`);
    await stopRedis({ dataDir });
  }
  if (!(await portIsFree(port))) throw new Error(`cannot start Redis: 127.0.0.1:${port} is already in use`);

  privateDir(dataDir);
  // A snapshot holds queued jobs (event payloads with personal data): readable by its owner only. Redis creates
  // dump.rdb with the umask it inherits; an older, world-readable one is tightened here.
  const dump = path.join(dataDir, 'dump.rdb');
  if (fs.existsSync(dump)) fs.chmodSync(dump, 0o600);
  const umask = process.umask(0o077);
  try {
    await run(redisServer, [
      '--port', String(port),
      '--bind', '127.0.0.1',
      '--dir', dataDir,
      '--daemonize', 'yes',
      '--pidfile', path.join(dataDir, 'redis.pid'),
      '--logfile', path.join(dataDir, 'redis.log'),
      '--appendonly', 'no',
      // No RDB snapshots unless persisting; without this flag Redis keeps its default save points.
      ...(persist ? [] : ['--save', '']),
    ]);
  } finally {
    process.umask(umask);
  }
  await waitForPong(port, dataDir);
  log(`Redis started on port ${port} (${dataDir})`);
  return handle;
}

/** The Redis whose pid file is in dataDir, if alive, and whether it answers PING on port; else null. */
export async function redisStatus({ dataDir, port }) {
  const pid = runningRedisPid(path.resolve(dataDir));
  return pid && { pid, answering: (await redisPing(port)) !== null };
}

/**
 * Stops the Redis of dataDir with SIGTERM, which shuts down like SHUTDOWN: it saves an RDB snapshot
 * only if save points are configured (persist mode). Waits until the process has exited (so its port
 * is free). Resolves false when none was running.
 */
export async function stopRedis({ dataDir }) {
  dataDir = path.resolve(dataDir);
  const pid = runningRedisPid(dataDir);
  if (!pid) return false;
  process.kill(pid, 'SIGTERM');
  try {
    await waitFor(() => !isAlive(pid), 30_000, `Redis pid ${pid} to exit`);
  } catch (err) {
    throw new Error(`${err.message}\n--- redis.log ---\n${logTail(path.join(dataDir, 'redis.log'))}`);
  }
  return true;
}

// The pid file outlives a crash, and the pid may since have been reused: check the process too.
function runningRedisPid(dataDir) {
  const pid = Number(readPidFile(path.join(dataDir, 'redis.pid'))?.[0]);
  return pid > 0 && isAlive(pid) && processName(pid) === 'redis-server' ? pid : null;
}

async function waitForPong(port, dataDir) {
  try {
    // Also covers "-LOADING" while a persisted dataset is read back.
    await waitFor(async () => (await redisPing(port)) === '+PONG', 15_000, `Redis to answer PING on port ${port}`);
  } catch (err) {
    throw new Error(`${err.message}\n--- redis.log ---\n${logTail(path.join(dataDir, 'redis.log'))}`);
  }
}

/** Sends an inline PING; resolves with the first reply line ("+PONG", "-LOADING ..."), or null. */
function redisPing(port) {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    let received = '';
    const finish = (reply) => {
      socket.destroy();
      resolve(reply);
    };
    socket.setTimeout(1000, () => finish(null));
    socket.on('connect', () => socket.write('PING\r\n'));
    socket.on('data', (chunk) => {
      received += chunk;
      const end = received.indexOf('\r\n');
      if (end >= 0) finish(received.slice(0, end));
    });
    socket.on('error', () => finish(null));
    socket.on('close', () => finish(null));
  });
}

// ---------------------------------------------------------------------------------------------------
// Development mail catcher

/**
 * Starts, or reuses, maildev (the `maildev` npm package: an SMTP server and a web inbox) on 127.0.0.1, with its
 * messages kept in dataDir/mail. Daemonised like the servers above: it keeps running until stopMaildev().
 */
export async function startMaildev({ dataDir, smtpPort, webPort }) {
  dataDir = path.resolve(dataDir);
  const handle = { smtpUrl: `smtp://127.0.0.1:${smtpPort}`, webUrl: `http://127.0.0.1:${webPort}`, stop: () => stopMaildev({ dataDir }) };
  const running = maildevPid(dataDir);
  if (running && (await portAnswers(smtpPort)) && (await portAnswers(webPort))) {
    log(`reusing maildev on ports ${smtpPort}/${webPort} (${dataDir})`);
    return handle;
  }
  if (running) await stopMaildev({ dataDir });
  for (const port of [smtpPort, webPort]) {
    if (!(await portIsFree(port))) throw new Error(`cannot start maildev: 127.0.0.1:${port} is already in use`);
  }
  privateDir(dataDir);
  privateDir(path.join(dataDir, 'mail'));
  // The package exports only its library entry (dist/index.js); its command sits beside it.
  const bin = path.join(path.dirname(fileURLToPath(import.meta.resolve('maildev'))), 'bin', 'maildev.js');
  const logFile = path.join(dataDir, 'maildev.log');
  const out = fs.openSync(logFile, 'a', 0o600);
  const umask = process.umask(0o077);
  let child;
  try {
    child = spawn(process.execPath, [
      bin, '--smtp', String(smtpPort), '--ip', '127.0.0.1', '--web', String(webPort), '--web-ip', '127.0.0.1',
      '--mail-directory', path.join(dataDir, 'mail'), '--max-emails', '500',
    ], { detached: true, stdio: ['ignore', out, out], cwd: dataDir });
  } finally {
    process.umask(umask);
    fs.closeSync(out);
  }
  fs.writeFileSync(path.join(dataDir, 'maildev.pid'), `${child.pid}\n`, { mode: 0o600 });
  child.unref();
  try {
    await waitFor(async () => (await portAnswers(smtpPort)) && (await portAnswers(webPort)), 30_000, `maildev on ports ${smtpPort}/${webPort}`);
  } catch (err) {
    throw new Error(`${err.message}\n--- maildev.log ---\n${logTail(logFile)}`);
  }
  log(`maildev started: SMTP on ${smtpPort}, inbox at ${handle.webUrl} (${dataDir})`);
  return handle;
}

/** Stops the maildev of dataDir; resolves false when none was running. */
export async function stopMaildev({ dataDir }) {
  dataDir = path.resolve(dataDir);
  const pid = maildevPid(dataDir);
  if (!pid) return false;
  process.kill(pid, 'SIGTERM');
  await waitFor(() => !isAlive(pid), 30_000, `maildev pid ${pid} to exit`);
  fs.rmSync(path.join(dataDir, 'maildev.pid'), { force: true });
  return true;
}

export function maildevStatus({ dataDir }) {
  const pid = maildevPid(path.resolve(dataDir));
  return pid ? { pid } : null;
}

function maildevPid(dataDir) {
  const pid = Number(readPidFile(path.join(dataDir, 'maildev.pid'))?.[0]);
  if (!(pid > 0) || !isAlive(pid)) return null;
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('maildev') ? pid : null;
  } catch {
    return null;
  }
}

function portAnswers(port) {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.once('connect', () => { socket.destroy(); resolve(true); });
    socket.once('error', () => resolve(false));
  });
}

/**
 * A folder only its owner may enter (0700), created if missing and tightened if it exists. The project's data
 * (database files, queue snapshots, mail, keys) is nobody else's business on a shared machine.
 */
export function privateDir(dir, { traversable = false } = {}) {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  // Traversable (0711): others cannot list it but may pass through to a folder they own — the postgres OS user
  // must reach .data/pg when the scripts run as root.
  fs.chmodSync(dir, traversable ? 0o711 : 0o700);
}

// ---------------------------------------------------------------------------------------------------
// Databases and roles

/**
 * Creates (if missing) the owner and app roles and the database, and applies the privileges.
 * Safe to run concurrently from several processes for different databases of one cluster.
 */
export async function provisionDatabase({
  adminUrl,
  port,
  database,
  ownerRole,
  ownerPassword,
  appRole,
  appPassword,
  template,
  recreate = false,
}) {
  const db = quoteIdent(database);
  const owner = quoteIdent(ownerRole);
  const app = quoteIdent(appRole);

  await withClient(adminUrl, async (admin) => {
    // Roles are cluster-wide: two processes altering the same role at once fail with "tuple
    // concurrently updated", so role DDL is serialised with a session-level advisory lock.
    await admin.query('SELECT pg_advisory_lock($1)', [ROLE_LOCK_KEY]);
    try {
      await ensureRole(admin, ownerRole, ownerPassword, 'NOSUPERUSER NOCREATEROLE NOCREATEDB');
      await ensureRole(admin, appRole, appPassword, 'NOSUPERUSER NOCREATEROLE NOCREATEDB NOBYPASSRLS NOINHERIT');
    } finally {
      await admin.query('SELECT pg_advisory_unlock($1)', [ROLE_LOCK_KEY]);
    }

    if (recreate) await admin.query(`DROP DATABASE IF EXISTS ${db} WITH (FORCE)`);
    const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (rowCount === 0) {
      const from = template ? ` TEMPLATE ${quoteIdent(template)}` : '';
      await admin.query(`CREATE DATABASE ${db}${from} OWNER ${owner}`);
    } else {
      await admin.query(`ALTER DATABASE ${db} OWNER TO ${owner}`);
    }
    await admin.query(`REVOKE ALL ON DATABASE ${db} FROM PUBLIC; GRANT CONNECT ON DATABASE ${db} TO ${app}`);
  });

  await withClient(withDatabase(adminUrl, database), (client) =>
    client.query(
      `REVOKE CREATE ON SCHEMA public FROM PUBLIC; ALTER SCHEMA public OWNER TO ${owner}; ` +
        `GRANT USAGE ON SCHEMA public TO ${app}`,
    ),
  );

  const url = (role, password) =>
    `postgresql://${role}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
  return { ownerUrl: url(ownerRole, ownerPassword), appUrl: url(appRole, appPassword) };
}

async function ensureRole(client, name, password, attributes) {
  const role = quoteIdent(name);
  const spec = `LOGIN PASSWORD ${quoteLiteral(password)} ${attributes}`;
  const { rowCount } = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [name]);
  if (rowCount === 0) {
    try {
      await client.query(`CREATE ROLE ${role} ${spec}`);
      return;
    } catch (err) {
      // Created meanwhile by a process that does not take our lock.
      if (err.code !== '42710' && err.code !== '23505') throw err;
    }
  }
  // An existing role is brought in line, e.g. after a password change.
  await client.query(`ALTER ROLE ${role} ${spec}`);
}

async function withClient(connectionString, fn) {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

// Replaces the database (path) of a postgres URL; pg lets the connection string override `database`.
const withDatabase = (url, database) =>
  url.replace(/^(postgres(?:ql)?:\/\/[^/?]*)(\/[^?]*)?/, `$1/${encodeURIComponent(database)}`);

function quoteIdent(name) {
  if (typeof name !== 'string' || !IDENT.test(name)) {
    throw new Error(`invalid SQL identifier ${JSON.stringify(name)}: expected [a-z_][a-z0-9_]*, at most 63 characters`);
  }
  return `"${name}"`;
}

function quoteLiteral(value) {
  if (typeof value !== 'string' || value.includes('\0')) throw new Error('invalid SQL string literal');
  return `'${value.replace(/'/g, "''")}'`;
}

// ---------------------------------------------------------------------------------------------------
// Helpers

/** A TCP port that was free on 127.0.0.1 a moment ago. */
export const freePort = () => listenOnce(0);

const portIsFree = (port) => listenOnce(port).then(() => true, () => false);

function listenOnce(port) {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const bound = server.address().port;
      server.close(() => resolve(bound));
    });
  });
}

/** POSIX shell single-quoting. */
export const shellQuote = (value) => `'${String(value).replace(/'/g, `'\\''`)}'`;

/** Runs a command (as the postgres OS user when asPostgres and we are root); resolves with stdout. */
async function run(command, args, { asPostgres = false, env = process.env } = {}) {
  let [file, argv] = [command, args];
  if (asPostgres && isRoot) {
    const runuser = findExecutable('runuser');
    [file, argv] = runuser
      ? [runuser, ['-u', 'postgres', '--', command, ...args]]
      : ['su', ['postgres', '-s', '/bin/sh', '-c', [command, ...args].map(shellQuote).join(' ')]];
  }
  try {
    // cwd '/': the postgres user may not be able to enter the caller's working directory.
    const { stdout } = await execFileAsync(file, argv, { cwd: '/', env, maxBuffer: 16 << 20 });
    return stdout;
  } catch (err) {
    const output = `${err.stderr ?? ''}${err.stdout ?? ''}`.trim() || err.message;
    throw new Error(`\`${[command, ...args].join(' ')}\` failed (${err.code}): ${output}`);
  }
}

function findExecutable(name) {
  // sbin dirs too: runuser lives there and a non-login root PATH may lack them.
  const dirs = [...(process.env.PATH ?? '').split(':'), '/usr/local/sbin', '/usr/sbin', '/sbin', '/usr/bin', '/bin'];
  return dirs.filter(Boolean).map((dir) => path.join(dir, name)).find(isExecutable) ?? null;
}

function isExecutable(file) {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

function readPidFile(file) {
  try {
    return fs.readFileSync(file, 'utf8').split('\n');
  } catch (err) {
    if (err.code === 'ENOENT') return null;
    throw err;
  }
}

// Daemons are re-parented to PID 1, which in a container may never reap them: a zombie counts as exited.
function isAlive(pid) {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const state = stat[stat.lastIndexOf(')') + 2]; // the field after "(comm)"
    return state !== 'Z' && state !== 'X';
  } catch {
    return false;
  }
}

function processName(pid) {
  try {
    return fs.readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
  } catch {
    return null;
  }
}

function logTail(file, lines = 30) {
  try {
    return fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

async function waitFor(check, timeoutMs, what) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(50);
  }
}
