import Redis from 'ioredis';
import { Client } from 'pg';
import { District, PASSWORD, TestApp, login, openDistrict, operatorSession, ownerClient, receiveInvitation, startTestApp, uniquePhone } from '../support/test-app';
import { organisationForm, organisationMember, createVerifiedOrganisation } from '../support/organisations';

/** Every row of every table this district can see, as text: what a database dump would hold. */
async function dumpDatabase(owner: Client, tenantId: string): Promise<string> {
  const { rows: tables } = await owner.query(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`);
  const parts: string[] = [];
  await owner.query('BEGIN');
  try {
    await owner.query(`SELECT set_config('app.tenant_id', $1, true)`, [tenantId]);
    for (const { tablename } of tables) {
      const { rows } = await owner.query(`SELECT x::text AS t FROM "${tablename}" x`);
      parts.push(...rows.map((r) => `${tablename}: ${r.t}`));
    }
  } finally {
    await owner.query('ROLLBACK');
  }
  return parts.join('\n');
}

/** Every key and value under the app's queue prefix: what a Redis dump would hold. */
async function dumpRedis(url: string, prefix: string): Promise<string> {
  const redis = new Redis(url, { maxRetriesPerRequest: 3 });
  try {
    const parts: string[] = [];
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
      cursor = next;
      for (const key of keys) {
        const type = await redis.type(key);
        const value =
          type === 'hash' ? await redis.hgetall(key)
          : type === 'list' ? await redis.lrange(key, 0, -1)
          : type === 'set' ? await redis.smembers(key)
          : type === 'zset' ? await redis.zrange(key, 0, -1)
          : type === 'stream' ? await redis.xrange(key, '-', '+')
          : type === 'string' ? await redis.get(key)
          : null;
        parts.push(`${key}: ${JSON.stringify(value)}`);
      }
    } while (cursor !== '0');
    return parts.join('\n');
  } finally {
    redis.disconnect();
  }
}

const pick = (o: Record<string, unknown>, keys: string[]) => Object.fromEntries(keys.map((k) => [k, o[k]]));

/** The secret part of a token (`tenant.invitation.secret`), and the part only the link holds. */
const secretOf = (token: string) => token.split('.')[2];

describe('an invitation reaches only the invited person', () => {
  let t: TestApp;
  let d: District;
  let owner: Client;
  beforeAll(async () => {
    t = await startTestApp();
    d = await openDistrict(t);
    owner = await ownerClient();
  });
  afterAll(async () => {
    await owner.end();
    await t.close();
  });

  it('the invitee receives an e-mail with a link to the accept page and activates the account over HTTP', async () => {
    const email = `invitee-${Date.now()}@example.cn`;
    const res = await d.admin.post('/api/v1/members/invitations', { name: '王邮件', email, roles: ['reviewer'] }).expect(201);
    const { link, token, mail } = await receiveInvitation(t, email);
    expect(mail.subject).toContain(d.name);
    expect(mail.raw).toMatch(/^From: .*no-reply@sanshe\.test/m);
    expect(link).toBe(`${t.config.publicBaseUrl}/invitations/accept#token=${token}`);
    expect(token.split('.')).toEqual([d.tenantId, res.body.invitation.id, expect.stringMatching(/^[A-Za-z0-9_-]{43}$/)]);
    await t.http.post('/api/v1/invitations/accept').send({ token, password: PASSWORD, name: '王邮件' }).expect(200);
    const s = await login(t, email, PASSWORD, d.code);
    expect((await s.get('/api/v1/me').expect(200)).body.roles.map((r: { role: string }) => r.role)).toEqual(['reviewer']);
  });

  it('neither the operator, the district admin nor an organisation admin can obtain the link from any response', async () => {
    const op = await operatorSession(t);
    const responses: unknown[] = [];
    // The operator opens a district: the first admin's invitation is a record, not a link.
    const code = `61${String(10 + Math.floor(Math.random() * 89))}${String(10 + Math.floor(Math.random() * 89))}`;
    const adminPhone = uniquePhone();
    const opened = await op.post('/api/v1/platform/districts', { code, name: '令牌测试区', firstAdmin: { name: '首任管理员', phone: adminPhone } });
    if (opened.status === 201) {
      responses.push(opened.body);
      expect(opened.body.firstAdmin.invitation).toEqual({ id: expect.any(String), expiresAt: expect.any(String), state: 'pending' });
    }
    // The district admin invites, looks at the member, re-sends.
    const phone = uniquePhone();
    const inv = await d.admin.post('/api/v1/members/invitations', { name: '李短信', phone, roles: ['evaluator'] }).expect(201);
    responses.push(inv.body);
    const resent = (await d.admin.post(`/api/v1/members/${inv.body.member.id}/invitations`).expect(201)).body;
    responses.push(resent);
    const sent = await receiveInvitation(t, phone, 30_000, { invitationId: resent.id });
    responses.push((await d.admin.get(`/api/v1/members/${inv.body.member.id}`).expect(200)).body);
    responses.push((await d.admin.get(`/api/v1/members?status=invited`).expect(200)).body);
    responses.push((await d.admin.get('/api/v1/notifications').expect(200)).body);
    // An organisation admin invites their staff.
    const org = await createVerifiedOrganisation(t, d);
    const orgAdmin = await organisationMember(t, d, org.id);
    const staffPhone = uniquePhone();
    responses.push((await orgAdmin.post(`/api/v1/organisations/${org.id}/members`, { name: '孙干事', phone: staffPhone, roles: ['org_staff'] }).expect(201)).body);
    const staffMail = await receiveInvitation(t, staffPhone);

    const all = JSON.stringify(responses);
    expect(all).not.toContain(secretOf(sent.token));
    expect(all).not.toContain(secretOf(staffMail.token));
    expect(all).not.toMatch(/token|acceptUrl|accept#|[0-9a-f-]{36}\.[0-9a-f-]{36}\./i);
    // The link still works for the person who received it.
    await t.http.post('/api/v1/invitations/accept').send({ token: sent.token, password: PASSWORD }).expect(200);
    await t.http.post('/api/v1/invitations/accept').send({ token: staffMail.token, password: PASSWORD }).expect(200);
  });

  it('no stored row and no queue entry holds a usable link: the outbox carries the invitation id only', async () => {
    const phone = uniquePhone();
    const email = `dump-${Date.now()}@example.cn`;
    const inv = await d.admin.post('/api/v1/members/invitations', { name: '赵存储', phone, email, roles: ['evaluator'] }).expect(201);
    const { token } = await receiveInvitation(t, email);
    const db = await dumpDatabase(owner, d.tenantId);
    const queue = await dumpRedis(t.config.redisUrl, t.config.queuePrefix);
    // The dumps are real: they hold this invitation's event and its finished job.
    expect(db).toContain(inv.body.invitation.id);
    expect(queue).toContain(inv.body.invitation.id);
    for (const dump of [db, queue]) {
      expect(dump).not.toContain(secretOf(token));
      expect(dump).not.toContain('acceptToken');
      expect(dump).not.toContain('#token=');
    }
    await owner.query('BEGIN');
    await owner.query(`SELECT set_config('app.tenant_id', $1, true)`, [d.tenantId]);
    const { rows: [event] } = await owner.query(`SELECT payload FROM outbox_events WHERE type = 'membership.invited' AND payload->>'invitationId' = $1`, [inv.body.invitation.id]);
    await owner.query('ROLLBACK');
    expect(event.payload).toEqual({ invitationId: inv.body.invitation.id });
    await t.http.post('/api/v1/invitations/accept').send({ token, password: PASSWORD }).expect(200);
  });

  it('an organisation that registers on the portal: the applicant receives the e-mail and activates the account', async () => {
    const phone = uniquePhone();
    const email = `applicant-${Date.now()}@example.cn`;
    const reg = await t.http.post(`/api/v1/public/districts/${d.code}/organisation-registrations`)
      .send({ ...pick(organisationForm(), ['name', 'creditCode', 'orgType', 'registrationAuthority', 'registeredOn', 'legalRepresentative']), applicant: { name: '申请人', phone, email } })
      .expect(201);
    expect(JSON.stringify(reg.body)).not.toMatch(/token/i);
    const { token } = await receiveInvitation(t, email);
    await t.http.post('/api/v1/invitations/accept').send({ token, password: PASSWORD }).expect(200);
    const admin = await login(t, phone, PASSWORD, d.code);
    expect((await admin.get('/api/v1/organisations/mine').expect(200)).body.id).toBe(reg.body.registrationId);
  });
});
