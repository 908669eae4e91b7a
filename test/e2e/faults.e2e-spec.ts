import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { TestMailbox } from '../support/mailbox';
import { ServiceProcess, clusterEnv, freePort } from '../support/cluster';
import { RedisInstance } from '../support/redis-instance';
import { PASSWORD, eventually, login, openDistrict, uniquePhone } from '../support/test-app';

const ROOT = path.resolve(__dirname, '../..');

function node(args: string[], env: NodeJS.ProcessEnv = process.env): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, args, { cwd: ROOT, env, timeout: 120_000 }, (err, stdout, stderr) =>
      err ? reject(new Error(`${args.join(' ')}: ${err.message}\n${stderr}`)) : resolve(stdout));
  });
}
const services = async <T>(...args: string[]): Promise<T> =>
  JSON.parse((await node([path.join(ROOT, 'test/support/services-cli.mjs'), ...args])).trim().split('\n').pop()!) as T;

interface Outcome { phone: string; status: number; code?: string; messages?: unknown; memberId?: string; userId?: string; at: number; raw?: string }

/**
 * A steady, bounded stream of writes that each raise an event: invitations (membership.invited → an in-app
 * notification and an SMS). Two lanes, one request at a time each, paced; a request that takes over 15 s counts as
 * a hang.
 */
class InvitationLoad {
  readonly outcomes: Outcome[] = [];
  private running = true;
  private lanes: Promise<void>[] = [];

  constructor(private readonly url: string, private readonly token: string) {}

  start(lanes = 2): void {
    for (let i = 0; i < lanes; i++) this.lanes.push(this.lane());
  }

  async stop(): Promise<void> {
    this.running = false;
    await Promise.all(this.lanes);
  }

  count(status: number, since = 0): number {
    return this.outcomes.filter((o) => o.status === status && o.at >= since).length;
  }

  private async lane(): Promise<void> {
    while (this.running) {
      const phone = uniquePhone();
      try {
        const res = await fetch(`${this.url}/api/v1/members/invitations`, {
          method: 'POST',
          headers: { authorization: `Bearer ${this.token}`, 'content-type': 'application/json' },
          body: JSON.stringify({ name: '故障演练', phone, roles: ['reviewer'] }),
          signal: AbortSignal.timeout(15_000),
        });
        const raw = await res.text();
        let body: { code?: string; message?: unknown; member?: { id: string; userId: string } } = {};
        try { body = JSON.parse(raw) as typeof body; } catch { /* kept raw below */ }
        this.outcomes.push({ phone, status: res.status, code: body.code, messages: body.message, memberId: body.member?.id, userId: body.member?.userId, at: Date.now(),
          // An unexpected answer is kept whole (headers and body): it tells which layer produced it.
          ...(res.status !== 201 && res.status !== 503 ? { raw: `${JSON.stringify(Object.fromEntries(res.headers))} ${raw.slice(0, 2000)}` } : {}) });
      } catch (err) {
        this.outcomes.push({ phone, status: 0, code: (err as Error).name, at: Date.now() });
      }
      // Pacing keeps the load steady and bounded; it stands for no event.
      await new Promise((r) => setTimeout(r, 40));
    }
  }
}

/*
 * The faults a cluster meets: PostgreSQL restarts, Redis goes away and comes back, a worker is killed. They run on a
 * PostgreSQL and Redis of this test's own (restarting the suite's PostgreSQL would break the other jest worker),
 * migrated with the real migrate command, with a real API process and a real worker.
 */
describe('under steady writes, dependencies failing and a worker dying lose nothing and duplicate nothing', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sanshe-faults-'));
  const pgDir = path.join(dir, 'pg');
  let pgPort: number;
  let db: { ownerUrl: string; appUrl: string };
  let redis: RedisInstance;
  let env: NodeJS.ProcessEnv;
  let api: ServiceProcess;
  let worker: ServiceProcess;
  const operatorPhone = uniquePhone();
  const mailbox = new TestMailbox();

  beforeAll(async () => {
    await mailbox.start();
    fs.chmodSync(dir, 0o755);
    pgPort = await freePort();
    const pg = await services<{ adminUrl: string }>('start-pg', pgDir, String(pgPort));
    db = await services('provision', pg.adminUrl, String(pgPort), 'sanshe_faults');
    await node([path.join(ROOT, 'dist/src/cli.js'), 'migrate'], { PATH: process.env.PATH, DATABASE_OWNER_URL: db.ownerUrl, DATABASE_APP_ROLE: 'sanshe_app', LOG_LEVEL: 'warn' });
    // Persistent, as production Redis must be: a restart keeps the jobs already handed over.
    redis = await RedisInstance.create({ persist: true });
    env = clusterEnv({ DATABASE_URL: db.appUrl, REDIS_URL: redis.url, QUEUE_PREFIX: `f-${randomBytes(4).toString('hex')}`, RATE_LIMIT: 'false',
      SMTP_URL: mailbox.url, MAIL_FROM: '三社联动测试 <no-reply@sanshe.test>' });
    [worker, api] = await Promise.all([
      ServiceProcess.worker('worker-1', { ...env, PLATFORM_OPERATOR_LOGIN: operatorPhone, PLATFORM_OPERATOR_PASSWORD: PASSWORD }),
      ServiceProcess.api('api', env),
    ]);
  }, 600_000);

  afterAll(async () => {
    await Promise.all([api?.stop(), worker?.stop()]);
    await redis?.destroy();
    await services('stop-pg', pgDir).catch(() => undefined);
    fs.rmSync(dir, { recursive: true, force: true });
    await mailbox.close();
  }, 120_000);

  // The rare 500 during the PostgreSQL restart this test once found (a session cut mid-work: "query runner already
  // released") answers 503 since 1a8e205; an unexpected answer is printed whole with the API's log lines of its request.
  it('PostgreSQL restart, Redis stop/start and a SIGKILLed worker: 503 while down, back within seconds, every write and event once', async () => {
    const operator = await login(api.asTestApp(mailbox), operatorPhone);
    const d = await openDistrict(api.asTestApp(mailbox), operator);
    const load = new InvitationLoad(api.url, d.admin.accessToken);
    const measured: Record<string, number> = {};
    load.start();
    try {
      await eventually(() => load.count(201) >= 10, 90_000, 'ten invitations before any fault');

      // 1. PostgreSQL restarts (fast shutdown: sessions are cut, in-flight transactions roll back).
      await services('stop-pg', pgDir);
      const downAt = Date.now();
      await eventually(() => load.count(503, downAt) >= 2, 90_000, 'the API to answer 503 while PostgreSQL is down');
      const health = await fetch(`${api.url}/api/health`, { signal: AbortSignal.timeout(10_000) });
      expect(health.status).toBe(503);
      await services('start-pg', pgDir, String(pgPort));
      const upAt = Date.now();
      await eventually(() => load.count(201, upAt) >= 1, 90_000, 'writes to succeed again after PostgreSQL is back');
      measured.postgresRecoveryMs = Date.now() - upAt;

      // 2. Redis stops: writes go on (their events wait in the outbox), health says degraded; then it returns.
      await redis.stop();
      const redisDownAt = Date.now();
      await eventually(() => load.count(201, redisDownAt) >= 5, 90_000, 'writes to succeed while Redis is down');
      expect(((await (await fetch(`${api.url}/api/health`)).json()) as { status: string }).status).toBe('degraded');
      await redis.start();

      // 3. The worker dies mid-work; the API does not notice; a new worker takes over what was left.
      await worker.stop('SIGKILL');
      const killedAt = Date.now();
      await eventually(() => load.count(201, killedAt) >= 5, 90_000, 'writes to succeed with no worker');
      worker = await ServiceProcess.worker('worker-2', env);
      const restartedAt = Date.now();
      await eventually(() => load.count(201, restartedAt) >= 5, 90_000, 'writes to go on with the new worker');
    } finally {
      await load.stop();
    }

    // While a dependency was down the answer was 503 with a stable code and both languages; never 500, never a hang.
    const statuses = [...new Set(load.outcomes.map((o) => o.status))].sort();
    // (The API's log tail rides along so an unexpected status explains itself.)
    // Each unexpected answer with the API's own lines for its request id (the error's stack is among them).
    const unexpected = load.outcomes.filter((o) => o.status !== 201 && o.status !== 503)
      .map((o) => ({ ...o, apiLines: api.linesWith(/"requestId":"([^"]+)"/.exec(o.raw ?? '')?.[1] ?? '(no request id)') }));
    expect({ statuses, unexpected, log: unexpected.length ? api.logs() : '' }).toEqual({ statuses: [201, 503], unexpected: [], log: '' });
    const refused = load.outcomes.find((o) => o.status === 503)!;
    expect(refused.code).toBe('SERVICE_UNAVAILABLE');
    expect(refused.messages).toEqual({ 'zh-CN': expect.any(String), en: expect.any(String) });

    const owner = new Client({ connectionString: db.ownerUrl });
    await owner.connect();
    try {
      const inTenant = async <R>(sql: string, params: unknown[] = []): Promise<R[]> => {
        await owner.query('BEGIN');
        try {
          await owner.query(`SELECT set_config('app.tenant_id', $1, true)`, [d.tenantId]);
          return (await owner.query(sql, params)).rows as R[];
        } finally {
          await owner.query('ROLLBACK');
        }
      };
      const accepted = load.outcomes.filter((o) => o.status === 201);
      // Every accepted write is there exactly once (a refused one may or may not have committed: no promise was made).
      const perPhone = await inTenant<{ phone: string; n: number }>(
        `SELECT u.phone, count(*)::int AS n FROM memberships m JOIN users u ON u.id = m.user_id WHERE u.phone = ANY($1) GROUP BY u.phone`,
        [accepted.map((o) => o.phone)]);
      expect(perPhone).toHaveLength(accepted.length);
      expect(perPhone.every((r) => r.n === 1)).toBe(true);

      // Every invitation in the district raised one event, and each event was handled exactly once.
      let left = { pending: -1, missing: -1 };
      const drainStarted = Date.now();
      await eventually(async () => {
        const [r] = await inTenant<{ pending: number }>(`SELECT count(*)::int AS pending FROM outbox_events WHERE type = 'membership.invited' AND dispatched_at IS NULL`);
        const [n] = await inTenant<{ missing: number }>(
          `SELECT count(*)::int AS missing FROM outbox_events e WHERE e.type = 'membership.invited'
             AND NOT EXISTS (SELECT 1 FROM notifications n WHERE n.source_event_id = e.id)`);
        left = { pending: r.pending, missing: n.missing };
        return r.pending === 0 && n.missing === 0;
      }, 180_000, () => `every event delivered after the faults (left: ${JSON.stringify(left)})\n${worker.logs()}`);
      measured.drainAfterLoadMs = Date.now() - drainStarted;
      const [counts] = await inTenant<{ invited: number; events: number; handled: number; notified: number; smsSent: number }>(
        `SELECT (SELECT count(*)::int FROM memberships m JOIN users u ON u.id = m.user_id WHERE u.name = '故障演练') AS invited,
                (SELECT count(*)::int FROM outbox_events WHERE type = 'membership.invited') AS events,
                (SELECT count(DISTINCT source_event_id)::int FROM notifications WHERE kind = 'membership.invited') AS handled,
                (SELECT count(*)::int FROM notifications WHERE kind = 'membership.invited') AS notified,
                (SELECT count(*)::int FROM notification_deliveries dl JOIN notifications n ON n.id = dl.notification_id
                  WHERE n.kind = 'membership.invited' AND dl.channel = 'sms') AS "smsSent"`);
      // The district's first admin was invited too (one more event and notification than the load's invitations).
      expect(counts.invited).toBeGreaterThanOrEqual(accepted.length);
      expect(counts.events).toBe(counts.invited + 1);
      expect(counts.handled).toBe(counts.events);
      expect(counts.notified).toBe(counts.events);
      expect(counts.smsSent).toBe(counts.events);
      // The numbers, for the record (README "Several processes, one system").
      process.stderr.write(`[faults] ${JSON.stringify({ ...measured, accepted: accepted.length, refused503: load.count(503), events: counts.events })}\n`);
    } finally {
      await owner.end();
    }
  }, 900_000);
});
