import 'reflect-metadata';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { loadConfig } from '@sanshe/common';
import { DEFAULT_LIST_COUNT_CAP } from '@sanshe/database';
import { PasswordService } from '@sanshe/auth';
import { OperatorBootstrap } from '../src/modules/platform/operator-bootstrap.service';
import { createApp } from '../src/bootstrap';
import { activateFirstAdmin, seedOrganisations, seedPlaces, settle } from './seed-places';

/**
 * Does a list page cost the same in a small and a large district? One run: one district per size in BENCH_SIZES
 * (default 3,000 and 300,000 places), seeded as the owner in set-based SQL, then the same first page of
 * communities (`GET /places?level=community&limit=50`) through the full stack in each, alternating rounds; a tenth as
 * many organisations per district, for the plans of the registry's status tabs.
 * Prints each size's throughput and smallest / largest (target ≤ 1.5).
 *
 * Env as list-bench (scripts/bench.mjs provides them; `npm run bench -- sizes`), plus BENCH_SIZES.
 */
const SIZES = (process.env.BENCH_SIZES ?? '3000,300000').split(',').map(Number);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 16);

type Load = { rps: number; ok: number; failed: number; p50: number; p99: number };
async function runLoad(url: string, authorization: string): Promise<Load> {
  const { stdout } = await promisify(execFile)(process.execPath, [path.join(__dirname, 'load-generator.js'), url, String(CONNECTIONS), String(SECONDS), authorization]);
  return JSON.parse(stdout.trim());
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * The plans PostgreSQL picks for the page's two statements in one district, as the application role with the
 * district set (row-level security on): EXPLAIN ANALYZE's plan lines and execution time, so a size whose page is
 * slow shows why.
 */
async function plansIn(tenantId: string): Promise<Record<string, { executionMs: number; plan: string[] }>> {
  const probe = new Client({ connectionString: process.env.DATABASE_URL });
  await probe.connect();
  await probe.query('BEGIN READ ONLY');
  await probe.query(`SELECT set_config('app.tenant_id', $1, true)`, [tenantId]);
  const where = `FROM places p WHERE p.status = 'active' AND p.level = 'community'`;
  const out: Record<string, { executionMs: number; plan: string[] }> = {};
  for (const [kind, sql] of [
    ['count', `SELECT count(*)::int AS n FROM (SELECT 1 ${where} ORDER BY p.name ASC, p.id ASC LIMIT ${DEFAULT_LIST_COUNT_CAP + 1}) capped`],
    ['page', `SELECT p.name::text AS keyset_sort_key, p.* ${where} ORDER BY p.name ASC, p.id ASC LIMIT 51`],
    // The registry's status tabs (organisations: a tenth as many as places), as cappedCountsBy sends them.
    ['organisationTabs', `SELECT v.v, (SELECT count(*)::int FROM (SELECT 1 FROM organisations o WHERE true AND o.status = v.v
       LIMIT ${DEFAULT_LIST_COUNT_CAP + 1}) capped) AS n FROM unnest(ARRAY['draft','submitted','verified','returned','closed']) AS v(v)`],
  ]) {
    for (let i = 0; i < 5; i++) await probe.query(sql); // cached pages, as under load
    const { rows } = await probe.query(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`);
    const lines = rows.map((r: Record<string, string>) => r['QUERY PLAN']);
    const exec = lines.find((l: string) => l.startsWith('Execution Time'));
    out[kind] = { executionMs: Number(/([\d.]+) ms/.exec(exec ?? '')?.[1] ?? NaN), plan: lines.filter((l: string) => !/^(Planning|Execution) Time/.test(l)) };
  }
  await probe.query('ROLLBACK');
  await probe.end();
  return out;
}

async function main(): Promise<void> {
  if (SIZES.some((n) => !Number.isInteger(n) || n < 100)) throw new Error(`BENCH_SIZES must be integers ≥ 100 (got ${process.env.BENCH_SIZES})`);
  const config = { ...loadConfig({ ...process.env, JWT_SECRET: process.env.JWT_SECRET ?? 'bench-secret-that-is-long-enough-0123456789', LOG_LEVEL: 'error' }), runWorker: false };
  const app = await createApp(config, { logger: false });
  await app.listen(0, '127.0.0.1');
  const base = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}`;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const post = async (p: string, body: object, token?: string): Promise<any> => {
    const res = await fetch(base + p, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(body) });
    const json = await res.json();
    if (!res.ok) throw new Error(`${p}: ${res.status} ${JSON.stringify(json)}`);
    return json;
  };
  await app.get(OperatorBootstrap).ensureOperator('13800000999', 'Bench-operator-2026', '压测运营');
  const op = await post('/api/v1/auth/login', { login: '13800000999', password: 'Bench-operator-2026' });
  const codes = ['510107', '330102', '420103', '500156', '110101', '310101'];
  const owner = new Client({ connectionString: process.env.DATABASE_OWNER_URL });
  await owner.connect();
  const districts: Array<{ rows: number; token: string; seedSeconds: number; tenantId: string }> = [];
  for (const [i, rows] of SIZES.entries()) {
    const phone = `138000009${String(80 + i).padStart(2, '0')}`;
    const opened = await post('/api/v1/platform/districts', { code: codes[i], name: `压测区${rows}`, firstAdmin: { name: '压测管理员', phone } }, op.accessToken);
    await activateFirstAdmin(owner, opened.district.id, phone, await app.get(PasswordService).hash('Bench-admin-2026'));
    const admin = await post('/api/v1/auth/login', { login: phone, password: 'Bench-admin-2026' });
    const started = Date.now();
    await seedPlaces(owner, opened.district.id, rows);
    await seedOrganisations(owner, opened.district.id, Math.ceil(rows / 10));
    districts.push({ rows, token: `Bearer ${admin.accessToken}`, seedSeconds: (Date.now() - started) / 1000, tenantId: opened.district.id });
  }
  await settle(owner);
  await owner.end();

  const url = `${base}/api/v1/places?level=community&limit=50`;
  for (const d of districts) {
    const body = (await (await fetch(url, { headers: { authorization: d.token } })).json()) as { items: unknown[]; total: number; totalKind: string };
    if (body.items.length !== 50) throw new Error(`district of ${d.rows}: page has ${body.items.length} items`);
    await runLoad(url, d.token); // warm-up (JIT, pools, the district's index pages in cache)
  }
  const runs = new Map<number, Load[]>(districts.map((d) => [d.rows, []]));
  for (let r = 0; r < ROUNDS; r++) {
    for (const d of districts) runs.get(d.rows)!.push(await runLoad(url, d.token));
  }
  const rps = districts.map((d) => median(runs.get(d.rows)!.map((x) => x.rps)));
  const plans: Array<Record<string, { executionMs: number; plan: string[] }>> = [];
  for (const d of districts) plans.push(await plansIn(d.tenantId));
  const result = {
    date: new Date().toISOString(),
    machine: `${os.cpus().length} x ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
    page: 'GET /api/v1/places?level=community&limit=50 (first page, capped total)',
    connections: CONNECTIONS, secondsPerRound: SECONDS, rounds: ROUNDS,
    sizes: districts.map((d, i) => ({
      placesPerDistrict: d.rows, seedSeconds: +d.seedSeconds.toFixed(1), medianRps: Math.round(rps[i]),
      runs: runs.get(d.rows)!.map((x) => ({ rps: Math.round(x.rps), p50: +x.p50.toFixed(1), p99: +x.p99.toFixed(1), failed: x.failed })),
      plans: plans[i],
    })),
    // How many times slower the largest district's page is than the smallest's (target ≤ 1.5).
    slowdown: +(rps[0] / rps[rps.length - 1]).toFixed(3),
  };
  process.stdout.write(JSON.stringify(result, null, 2) + '\n');
  await app.close();
}

main().then(() => process.exit(0), (err) => { console.error(err); process.exit(1); });
