import { Client } from 'pg';
import { Queue } from 'bullmq';
import { DomainEventJob, EVENTS_PRODUCER } from '@sanshe/queue';
import { TenantTransactionRunner } from '@sanshe/tenancy';
import { MembershipInvitedHandler } from '../../src/modules/notifications/membership-invited.handler';
import { RedisInstance } from '../support/redis-instance';
import { District, PASSWORD, TestApp, eventually, openDistrict, ownerClient, receiveInvitation, startTestApp, uniquePhone } from '../support/test-app';

async function countInTenant(owner: Client, tenantId: string, sql: string, params: unknown[]): Promise<number> {
  await owner.query('BEGIN');
  try {
    await owner.query(`SELECT set_config('app.tenant_id', $1, true)`, [tenantId]);
    return (await owner.query(sql, params)).rows[0].n;
  } finally {
    await owner.query('ROLLBACK');
  }
}

async function inTenant(owner: Client, tenantId: string, sql: string, params: unknown[]) {
  await owner.query('BEGIN');
  try {
    await owner.query(`SELECT set_config('app.tenant_id', $1, true)`, [tenantId]);
    return (await owner.query(sql, params)).rows;
  } finally {
    await owner.query('ROLLBACK');
  }
}

describe('an invitation made while Redis is down is delivered after Redis returns, exactly once', () => {
  let redis: RedisInstance;
  let t: TestApp;
  let d: District;
  let owner: Client;

  beforeAll(async () => {
    redis = await RedisInstance.create();
    t = await startTestApp({ redisUrl: redis.url, outboxPollMs: 100 });
    d = await openDistrict(t);
    owner = await ownerClient();
  });
  afterAll(async () => {
    await owner.end();
    await t.close();
    await redis.destroy();
  });

  it('the API keeps serving, the event waits in the outbox, and arrives once when Redis is back', async () => {
    await redis.stop();
    const health = await t.http.get('/api/health').expect(200);
    expect(health.body).toMatchObject({ status: 'degraded', checks: { database: { status: 'up' }, redis: { status: 'down' } } });

    const email = `invitee-${Date.now()}@example.cn`;
    const res = await d.admin.post('/api/v1/members/invitations', { name: '雷迪斯', email, roles: ['reviewer'] }).expect(201);
    const userId: string = res.body.member.userId;
    const invitationId: string = res.body.invitation.id;

    const eventCount = () => countInTenant(owner, d.tenantId,
      `SELECT count(*)::int AS n FROM outbox_events WHERE type = 'membership.invited' AND payload->>'invitationId' = $1`, [invitationId]);
    const pending = () => countInTenant(owner, d.tenantId,
      `SELECT count(*)::int AS n FROM outbox_events WHERE payload->>'invitationId' = $1 AND dispatched_at IS NULL AND attempts > 0`, [invitationId]);
    const notified = () => countInTenant(owner, d.tenantId, `SELECT count(*)::int AS n FROM notifications WHERE user_id = $1`, [userId]);
    const emailed = () => countInTenant(owner, d.tenantId,
      `SELECT count(*)::int AS n FROM notification_deliveries dl JOIN notifications n ON n.id = dl.notification_id WHERE n.user_id = $1 AND dl.channel = 'email'`, [userId]);

    expect(await eventCount()).toBe(1);
    // The relay has tried (and failed) at least once while Redis was down; nothing was delivered.
    await eventually(async () => (await pending()) > 0, 10_000);
    expect(await notified()).toBe(0);

    await redis.start();
    await eventually(async () => (await notified()) === 1, 20_000);
    await eventually(async () => (await emailed()) === 1, 5_000);

    await receiveInvitation(t, email);

    // A relay that crashed after handing over but before marking re-adds the same job id: BullMQ keeps the one it
    // has (still completed, not run again). A copy under another id — a delivery BullMQ could not recognise — runs
    // the handler again; wait for that job to finish, then count.
    const queue = t.app.get<Queue<DomainEventJob>>(EVENTS_PRODUCER);
    const [{ id: eventId }] = await inTenant(owner, d.tenantId, `SELECT id FROM outbox_events WHERE payload->>'invitationId' = $1`, [invitationId]);
    const original = (await queue.getJob(`${eventId}_notify-invitee`))!;
    expect(await original.getState()).toBe('completed');
    const readded = await queue.add(original.name, original.data, { jobId: original.id });
    expect(readded.id).toBe(original.id);
    expect(await original.getState()).toBe('completed');
    expect((await queue.getJob(original.id!))!.finishedOn).toBe(original.finishedOn);
    const copy = await queue.add(original.name, original.data, { jobId: `${original.id}_copy` });
    await eventually(async () => (await queue.getJob(copy.id!))?.finishedOn, 20_000);
    expect(await (await queue.getJob(copy.id!))!.getState()).toBe('completed');
    expect(await notified()).toBe(1);
    expect(await emailed()).toBe(1);
    expect(await eventCount()).toBe(1);
    expect(t.mailbox.to(email)).toHaveLength(1);
    const healthy = await t.http.get('/api/health').expect(200);
    expect(healthy.body.status).toBe('ok');
  });

  it('a job delivered twice (same event id) notifies once and keeps the link that was sent working', async () => {
    const phone = uniquePhone();
    const res = await d.admin.post('/api/v1/members/invitations', { name: '两次', phone, roles: ['reviewer'] }).expect(201);
    const userId: string = res.body.member.userId;
    const sent = await receiveInvitation(t, phone);
    const [event] = await inTenant(owner, d.tenantId, `SELECT id, tenant_id, type, payload FROM outbox_events WHERE payload->>'invitationId' = $1`, [res.body.invitation.id]);
    // Run the handler again for the same event: it finds its notification and must not replace the mailed secret.
    await t.app.get(TenantTransactionRunner).run({ tenantId: d.tenantId }, () =>
      t.app.get(MembershipInvitedHandler).handle({ id: event.id, tenantId: event.tenant_id, type: event.type, payload: event.payload }));
    expect(await countInTenant(owner, d.tenantId, `SELECT count(*)::int AS n FROM notifications WHERE user_id = $1`, [userId])).toBe(1);
    expect(t.mailbox.to(phone)).toHaveLength(1);
    await t.http.post('/api/v1/invitations/accept').send({ token: sent.token, password: PASSWORD }).expect(200);
  });
});
