import 'reflect-metadata';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { readFile } from 'node:fs/promises';
import { Client, Pool } from 'pg';
import { loadConfig } from '@sanshe/common';
import { DEFAULT_LIST_COUNT_CAP } from '@sanshe/database';
import { PasswordService } from '@sanshe/auth';
import { MEMBER_ACCESS_CHECK } from '@sanshe/auth/access.interceptor';
import { OperatorBootstrap } from '../src/modules/platform/operator-bootstrap.service';
import { createApp } from '../src/bootstrap';
import { activateFirstAdmin, seedPlaces, settle } from './seed-places';

/**
 * Throughput of a tenant-scoped list endpoint through the full stack (JWT + session/membership check + RLS +
 * per-request transaction + Nest) against a raw Node `http` + `pg` handler running the same list SQL, in the same
 * run and on the same database. Prints both and their ratio.
 *
 * Env: DATABASE_URL (app role), DATABASE_OWNER_URL, REDIS_URL — scripts/bench.mjs provides throwaway ones.
 * BENCH_ROWS (places per district, default 3000), BENCH_SECONDS (per round, 8), BENCH_ROUNDS (3), BENCH_CONNECTIONS (16).
 */
const ROWS = Number(process.env.BENCH_ROWS ?? 3000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 16);
const POOL = 10;

// The SQL the places list runs (first page of active communities and its capped total; see keysetPage in
// libs/database), as the raw handler sends it.
const COUNT_SQL = `SELECT count(*)::int AS n FROM (SELECT 1 FROM places p WHERE p.status = $1 AND p.level = $2 ORDER BY p.name ASC, p.id ASC LIMIT ${DEFAULT_LIST_COUNT_CAP + 1}) capped`;
const LIST_SQL = `SELECT (p.name)::text AS keyset_sort_key, p.id, p.parent_id, p.level, p.kind, p.name, p.division_code, p.status, p.version,
  p.created_at, p.updated_at FROM places p WHERE p.status = $1 AND p.level = $2 ORDER BY p.name ASC, p.id ASC LIMIT $3`;

/** The load runs in a child process (asynchronously: this process's event loop must stay free to serve). */
async function runLoad(url: string, authorization?: string): Promise<{ rps: number; ok: number; failed: number; p50: number; p99: number }> {
  const { stdout } = await promisify(execFile)(process.execPath, [path.join(__dirname, 'load-generator.js'), url, String(CONNECTIONS), String(SECONDS), authorization ?? '']);
  return JSON.parse(stdout.trim());
}

/**
 * CPU spent per answered request by this process (the server measured; the load runs in a child) and by the
 * database's backends, read from /proc. On a machine shared with other work, throughput swings with the neighbours'
 * load but CPU per request barely does, so this is the figure to compare between two versions of the code.
 */
async function backendCpuMs(owner: Pool): Promise<number> {
  const { rows } = await owner.query(`SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`);
  const tick = 1000 / 100; // USER_HZ is 100 on Linux
  let ms = 0;
  for (const { pid } of rows as Array<{ pid: number }>) {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    ms += (Number(fields[11] ?? 0) + Number(fields[12] ?? 0)) * tick;
  }
  return ms;
}
async function measured(load: () => ReturnType<typeof runLoad>, owner: Pool) {
  const cpu0 = process.cpuUsage();
  const db0 = await backendCpuMs(owner);
  const r = await load();
  const cpu = process.cpuUsage(cpu0);
  const db = await backendCpuMs(owner);
  const n = Math.max(1, r.ok);
  return { ...r, nodeCpuMsPerReq: (cpu.user + cpu.system) / 1000 / n, dbCpuMsPerReq: (db - db0) / n };
}

/**
 * What the per-request access check costs PostgreSQL, from EXPLAIN ANALYZE on one application-role connection in the
 * bench district: sent as plain SQL (parsed and planned on every request, as before 2026-11-24 evening) against
 * EXECUTE of the statement prepared once per connection (as the access interceptor sends it now). Milliseconds,
 * median of 200 each.
 */
async function accessCheckCost(token: string): Promise<Record<string, { planningMs: number; executionMs: number }>> {
  const c = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()) as { sub: string; sid: string; tid: string; mid: string };
  const args = [c.sub, c.sid, c.mid, c.tid].map((id) => `'${id}'::uuid`);
  const plain = MEMBER_ACCESS_CHECK.text.replace(/\$([1-4])/g, (_m, n: string) => args[Number(n) - 1]);
  const probe = new Client({ connectionString: process.env.DATABASE_URL });
  await probe.connect();
  await probe.query(`PREPARE ${MEMBER_ACCESS_CHECK.name} AS ${MEMBER_ACCESS_CHECK.text}`);
  await probe.query('BEGIN READ ONLY');
  await probe.query(`SELECT set_config('app.tenant_id', $1, true), set_config('app.user_id', $2, true)`, [c.tid, c.sub]);
  const out: Record<string, { planningMs: number; executionMs: number }> = {};
  for (const [kind, sql] of [['plainSql', plain], ['prepared', `EXECUTE ${MEMBER_ACCESS_CHECK.name}(${args.join(', ')})`]]) {
    const plan: number[] = [];
    const exec: number[] = [];
    for (let i = 0; i < 200; i++) {
      const { rows } = await probe.query(`EXPLAIN (ANALYZE, FORMAT JSON) ${sql}`);
      const [r] = rows[0]['QUERY PLAN'] as Array<{ 'Planning Time': number; 'Execution Time': number }>;
      plan.push(r['Planning Time']);
      exec.push(r['Execution Time']);
    }
    out[kind] = { planningMs: median(plan), executionMs: median(exec) };
  }
  await probe.query('ROLLBACK');
  await probe.end();
  return out;
}

const median = (xs: number[]) => (xs.length ? [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] : NaN);

async function main(): Promise<void> {
  const config = { ...loadConfig({ ...process.env, JWT_SECRET: process.env.JWT_SECRET ?? 'bench-secret-that-is-long-enough-0123456789', LOG_LEVEL: 'error' }), runWorker: false, databasePoolSize: POOL };
  const app = await createApp(config, { logger: false });
  await app.listen(0, '127.0.0.1');
  const appPort = (app.getHttpServer().address() as { port: number }).port;
  const base = `http://127.0.0.1:${appPort}`;

  // A district opened through the API, with an admin who signs in: the benchmark measures what a user gets.
  await app.get(OperatorBootstrap).ensureOperator('13800000999', 'Bench-operator-2026', '压测运营');
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const post = async (p: string, body: object, token?: string): Promise<any> => {
    const res = await fetch(base + p, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(body) });
    const json = await res.json();
    if (!res.ok) throw new Error(`${p}: ${res.status} ${JSON.stringify(json)}`);
    return json;
  };
  const op = await post('/api/v1/auth/login', { login: '13800000999', password: 'Bench-operator-2026' });
  const owner = new Client({ connectionString: process.env.DATABASE_OWNER_URL });
  await owner.connect();
  const districts = [];
  for (const [code, phone] of [['510107', '13800000998'], ['330102', '13800000997']]) {
    const opened = await post('/api/v1/platform/districts', { code, name: `压测区${code}`, firstAdmin: { name: '压测管理员', phone } }, op.accessToken);
    await activateFirstAdmin(owner, opened.district.id, phone, await app.get(PasswordService).hash('Bench-admin-2026'));
    const admin = await post('/api/v1/auth/login', { login: phone, password: 'Bench-admin-2026' });
    districts.push({ tenantId: opened.district.id as string, token: admin.accessToken as string });
  }
  for (const d of districts) await seedPlaces(owner, d.tenantId, ROWS);
  await settle(owner);
  await owner.end();

  // The raw baseline: same database, same application role, same SQL; the district is fixed on its pool's
  // connections at connect time, and no auth, no transaction, no framework.
  const target = districts[0];
  const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: POOL, options: `-c app.tenant_id=${target.tenantId}` });
  const raw = http.createServer(async (_req, res) => {
    try {
      // One after the other, as the app must inside its transaction.
      const count = await pool.query(COUNT_SQL, ['active', 'community']);
      const page = await pool.query(LIST_SQL, ['active', 'community', 51]);
      const items = page.rows.slice(0, 50);
      const n = count.rows[0].n;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ items, total: Math.min(n, DEFAULT_LIST_COUNT_CAP), totalKind: n > DEFAULT_LIST_COUNT_CAP ? 'atLeast' : 'exact', nextCursor: page.rows.length > 50 ? 'x' : null }));
    } catch (err) {
      res.writeHead(500);
      res.end(String(err));
    }
  });
  await new Promise<void>((r) => raw.listen(0, '127.0.0.1', r));
  const rawUrl = `http://127.0.0.1:${(raw.address() as { port: number }).port}/`;
  const appUrl = `${base}/api/v1/places?level=community&limit=50`;

  // Both answer the same page of the same district before anything is timed.
  type ListBody = { total: number; items: Array<{ id: string }> };
  const check = (await (await fetch(appUrl, { headers: { authorization: `Bearer ${target.token}` } })).json()) as ListBody;
  const checkRaw = (await (await fetch(rawUrl)).json()) as ListBody;
  if (check.total !== checkRaw.total || check.items[0].id !== checkRaw.items[0].id || check.items.length !== 50) {
    throw new Error(`app and raw disagree: ${check.total} vs ${checkRaw.total}`);
  }
  const accessCheck = await accessCheckCost(target.token);
  await runLoad(appUrl, `Bearer ${target.token}`); // warm-up (JIT, pools)
  await runLoad(rawUrl);

  const appRuns: Array<Awaited<ReturnType<typeof measured>>> = [];
  const rawRuns: Array<Awaited<ReturnType<typeof measured>>> = [];
  // BENCH_ONLY=app|raw measures one side (for profiling it alone); the ratio then is meaningless.
  const only = process.env.BENCH_ONLY;
  const watcher = new Pool({ connectionString: process.env.DATABASE_OWNER_URL, max: 1 });
  for (let i = 0; i < ROUNDS; i++) {
    if (only !== 'raw') appRuns.push(await measured(() => runLoad(appUrl, `Bearer ${target.token}`), watcher));
    if (only !== 'app') rawRuns.push(await measured(() => runLoad(rawUrl), watcher));
  }
  await watcher.end();
  const cpuPerReq = (runs: typeof appRuns) => ({
    node: +median(runs.map((r) => r.nodeCpuMsPerReq)).toFixed(3),
    db: +median(runs.map((r) => r.dbCpuMsPerReq)).toFixed(3),
  });
  const appRps = median(appRuns.map((r) => r.rps));
  const rawRps = median(rawRuns.map((r) => r.rps));
  const result = {
    date: new Date().toISOString(),
    machine: `${os.cpus().length} x ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
    rowsPerDistrict: ROWS,
    districts: districts.length,
    connections: CONNECTIONS,
    secondsPerRound: SECONDS,
    rounds: ROUNDS,
    fullStack: { medianRps: Math.round(appRps), runs: appRuns.map((r) => ({ rps: Math.round(r.rps), p50: +r.p50.toFixed(1), p99: +r.p99.toFixed(1), failed: r.failed })) },
    rawBaseline: { medianRps: Math.round(rawRps), runs: rawRuns.map((r) => ({ rps: Math.round(r.rps), p50: +r.p50.toFixed(1), p99: +r.p99.toFixed(1), failed: r.failed })) },
    ratio: +(appRps / rawRps).toFixed(3),
    // CPU ms per request (median round): what the ratio would be if the machine were the only limit.
    cpuMsPerRequest: { fullStack: cpuPerReq(appRuns), rawBaseline: cpuPerReq(rawRuns) },
    // The per-request access check's cost in PostgreSQL (see accessCheckCost).
    accessCheck,
    cpuRatio: +((cpuPerReq(rawRuns).node + cpuPerReq(rawRuns).db) / (cpuPerReq(appRuns).node + cpuPerReq(appRuns).db)).toFixed(3),
  };
  process.stdout.write(JSON.stringify(result, null, 2) + '\n');
  await pool.end();
  raw.close();
  await app.close();
}

main().then(() => process.exit(0), (err) => { console.error(err); process.exit(1); });
