import { randomBytes } from 'node:crypto';
import { Queue } from 'bullmq';
import { Client } from 'pg';
import { HOUR, DAY, callBody } from '../support/calls';
import { TestMailbox } from '../support/mailbox';
import { ServiceProcess, clusterEnv } from '../support/cluster';
import { PASSWORD, addMember, login, openDistrict, ownerClient, uniquePhone } from '../support/test-app';

/*
 * Production runs N API processes behind a proxy and separate workers on one PostgreSQL and Redis. Here: two real
 * API processes (RUN_WORKER=false, each on its own port) and one worker, on the jest worker's database and Redis,
 * sharing one queue prefix as a cluster does.
 */
describe('two API processes and a worker behave as one service', () => {
  const prefix = `cl${process.env.JEST_WORKER_ID ?? '1'}-${randomBytes(4).toString('hex')}`;
  const operatorPhone = uniquePhone();
  // The test talks to the APIs from 127.0.0.1 like a proxy on the same host would: trust it, so each forwarded
  // client address gets its own bucket.
  let env: NodeJS.ProcessEnv;
  const mailbox = new TestMailbox();
  let a: ServiceProcess;
  let b: ServiceProcess;
  let worker: ServiceProcess;
  let owner: Client;

  beforeAll(async () => {
    await mailbox.start();
    env = clusterEnv({ QUEUE_PREFIX: prefix, RATE_LIMIT: 'true', TRUST_PROXY: 'loopback', SMTP_URL: mailbox.url, MAIL_FROM: '三社联动测试 <no-reply@sanshe.test>' });
    worker = await ServiceProcess.worker('worker', { ...env, PLATFORM_OPERATOR_LOGIN: operatorPhone, PLATFORM_OPERATOR_PASSWORD: PASSWORD });
    [a, b] = await Promise.all([ServiceProcess.api('api-a', env), ServiceProcess.api('api-b', env)]);
    owner = await ownerClient();
  }, 600_000);

  afterAll(async () => {
    await owner?.end();
    await Promise.all([a?.stop(), b?.stop(), worker?.stop()]);
    await mailbox.close();
  }, 120_000);

  it('a per-address limit holds across both processes: 30 sign-ins in total, not 30 each', async () => {
    const client = '198.51.100.7';
    const attempt = (api: ServiceProcess, from: string) =>
      api.asTestApp(mailbox).http.post('/api/v1/auth/login').set('X-Forwarded-For', from).send({ login: uniquePhone(), password: 'wrong-password' });
    for (let i = 0; i < 30; i++) {
      const res = await attempt(i % 2 ? b : a, client);
      expect(res.status).toBe(401);
    }
    for (const api of [a, b]) {
      const limited = await attempt(api, client);
      expect(limited.status).toBe(429);
      expect(limited.body).toMatchObject({ code: 'RATE_LIMITED', message: { 'zh-CN': expect.any(String), en: expect.any(String) } });
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    }
    // Another client behind the same trusted proxy has its own bucket, in either process.
    expect((await attempt(a, '198.51.100.8')).status).toBe(401);
    expect((await attempt(b, '198.51.100.8')).status).toBe(401);
  }, 300_000);

  it('a due call is closed by the deadline job exactly once, though three processes share the cluster', async () => {
    const operator = await login(a.asTestApp(mailbox), operatorPhone);
    const d = await openDistrict(a.asTestApp(mailbox), operator);
    const officer = await addMember(b.asTestApp(mailbox), d, ['programme_officer']);
    const now = new Date();
    // Closes a little after it is published; the scheduler (every 5 s, in the worker only) must close it.
    const body = callBody(now, { opensAt: new Date(now.getTime() - HOUR).toISOString(), closesAt: new Date(now.getTime() + 45_000).toISOString(),
      reviewBy: new Date(now.getTime() + 10 * DAY).toISOString() });
    const created = await officer.post('/api/v1/calls', body).expect(201);
    await d.admin.post(`/api/v1/calls/${created.body.id}/publish`, { version: created.body.version }).expect(200);

    const queue = new Queue('schedules', { connection: { url: env.REDIS_URL }, prefix });
    try {
      const schedulers = await queue.getJobSchedulers();
      expect(schedulers.map((s) => s.name).sort()).toEqual(['calls.close-due', 'project-reports.deadline-scan']);

      const closes = async () => {
        await owner.query('BEGIN');
        try {
          await owner.query(`SELECT set_config('app.tenant_id', $1, true)`, [d.tenantId]);
          return (await owner.query(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'call.close' AND entity_id = $1`, [created.body.id])).rows[0].n as number;
        } finally {
          await owner.query('ROLLBACK');
        }
      };
      await worker.waitUntil(async () => (await closes()) > 0, 180_000, 'close the due call');
      // Let the scheduler fire at least twice more after the close, then count again: still one close.
      const ranBefore = (await queue.getJobCounts('completed')).completed;
      await worker.waitUntil(async () => (await queue.getJobCounts('completed')).completed >= ranBefore + 2, 120_000, 'run two more closing passes');
      expect(await closes()).toBe(1);
      const seen = await officer.get(`/api/v1/calls/${created.body.id}`).expect(200);
      expect(seen.body.status).toBe('closed');
      // One scheduler per job however many processes started: the APIs registered none, the worker one each.
      expect((await queue.getJobSchedulers()).length).toBe(2);
    } finally {
      await queue.close();
    }
  }, 600_000);
});
