import { Client } from 'pg';
import { District, TestApp, openDistrict, ownerClient, startTestApp } from '../support/test-app';

/** Row counts of the tables a bad request could have touched, read as the owner inside the district. */
async function snapshot(owner: Client, tenantId: string): Promise<Record<string, number>> {
  await owner.query('BEGIN');
  try {
    await owner.query(`SELECT set_config('app.tenant_id', $1, true)`, [tenantId]);
    const out: Record<string, number> = {};
    for (const table of ['places', 'memberships', 'invitations', 'outbox_events', 'audit_log']) {
      out[table] = (await owner.query(`SELECT count(*)::int AS n FROM ${table}`)).rows[0].n;
    }
    out.users = (await owner.query(`SELECT count(*)::int AS n FROM users`)).rows[0].n;
    out.tenants = (await owner.query(`SELECT count(*)::int AS n FROM tenants`)).rows[0].n;
    return out;
  } finally {
    await owner.query('ROLLBACK');
  }
}

describe('bad input is a clear 4xx with a stable code, and changes nothing', () => {
  let t: TestApp;
  let d: District;
  let owner: Client;
  const auth = () => ({ Authorization: `Bearer ${d.admin.accessToken}` });

  beforeAll(async () => {
    t = await startTestApp({ bodyLimit: '64kb' });
    d = await openDistrict(t);
    owner = await ownerClient();
  });
  afterAll(async () => {
    await owner.end();
    await t.close();
  });

  async function expectUnchanged(send: () => Promise<{ status: number; body: { code?: string; message?: Record<string, string> } }>, status: number, code: string) {
    const before = await snapshot(owner, d.tenantId);
    const res = await send();
    expect({ status: res.status, code: res.body.code }).toEqual({ status, code });
    expect(res.body.message?.['zh-CN']).toBeTruthy();
    expect(res.body.message?.en).toBeTruthy();
    expect(await snapshot(owner, d.tenantId)).toEqual(before);
  }

  it('malformed JSON', async () => {
    await expectUnchanged(() => t.http.post('/api/v1/places').set(auth()).set('Content-Type', 'application/json').send('{"parentId": "x", "kind": '), 400, 'MALFORMED_JSON');
  });

  it('wrong types, with each field named in both languages', async () => {
    const res = await t.http.post('/api/v1/places').set(auth()).send({ parentId: 42, kind: 'street', name: ['数组'] });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    const fields = res.body.errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['parentId', 'name']));
    expect(res.body.errors[0].zh).toMatch(/：/);
    await expectUnchanged(() => t.http.post('/api/v1/places').set(auth()).send({ parentId: 42, kind: 'street', name: ['数组'] }), 400, 'VALIDATION_FAILED');
  });

  it('unknown fields', async () => {
    await expectUnchanged(() => t.http.post('/api/v1/places').set(auth()).send({ parentId: d.rootPlaceId, kind: 'street', name: '多字段街道', status: 'archived' }), 400, 'VALIDATION_FAILED');
  });

  it('an oversize body is refused before it is parsed (413)', async () => {
    const big = { parentId: d.rootPlaceId, kind: 'street', name: 'x'.repeat(100_000) };
    await expectUnchanged(() => t.http.post('/api/v1/places').set(auth()).send(big), 413, 'PAYLOAD_TOO_LARGE');
  });

  it('an invalid division code when opening a district', async () => {
    const { operatorSession } = await import('../support/test-app');
    const op = await operatorSession(t);
    await expectUnchanged(() => op.post('/api/v1/platform/districts', { code: '000000', name: '无效区', firstAdmin: { name: '某人', phone: '13900000001' } }), 400, 'VALIDATION_FAILED');
  });

  it('an invalid phone number in an invitation says what is wrong', async () => {
    const res = await t.http.post('/api/v1/members/invitations').set(auth()).send({ name: '某人', phone: '12345', roles: ['reviewer'] });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].field).toBe('phone');
    await expectUnchanged(() => t.http.post('/api/v1/members/invitations').set(auth()).send({ name: '某人', phone: '12345', roles: ['reviewer'] }), 400, 'VALIDATION_FAILED');
  });

  it('an unknown role, an empty role list, a malformed id, a bad cursor and a bad page size', async () => {
    await expectUnchanged(() => t.http.post('/api/v1/members/invitations').set(auth()).send({ name: '某人', phone: '13900000002', roles: ['king'] }), 400, 'VALIDATION_FAILED');
    await expectUnchanged(() => t.http.post('/api/v1/members/invitations').set(auth()).send({ name: '某人', phone: '13900000002', roles: [] }), 400, 'VALIDATION_FAILED');
    await expectUnchanged(() => t.http.get('/api/v1/places/not-a-uuid').set(auth()), 400, 'VALIDATION_FAILED');
    await expectUnchanged(() => t.http.get('/api/v1/places?cursor=garbage').set(auth()), 400, 'VALIDATION_FAILED');
    await expectUnchanged(() => t.http.get('/api/v1/places?limit=100000').set(auth()), 400, 'VALIDATION_FAILED');
    await expectUnchanged(() => t.http.get('/api/v1/places?limit=abc').set(auth()), 400, 'VALIDATION_FAILED');
  });

  it('a failure half-way through a request rolls back what the request had already written', async () => {
    // Opening a district writes the tenant, its root place and an audit row before inviting the first admin; an
    // invalid admin phone is only found then. Nothing of the district may remain.
    const { operatorSession } = await import('../support/test-app');
    const op = await operatorSession(t);
    const code = '659001';
    await expectUnchanged(() => op.post('/api/v1/platform/districts', { code, name: '回滚区', firstAdmin: { name: '某人', phone: '12345' } }), 400, 'VALIDATION_FAILED');
    const list = await op.get('/api/v1/platform/districts').expect(200);
    expect(list.body.items.some((x: { code: string }) => x.code === code)).toBe(false);
  });

  it('unknown routes and methods are problem details too', async () => {
    const res = await t.http.get('/api/v1/nothing-here').set(auth());
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('ROUTE_NOT_FOUND');
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.body.requestId).toBeTruthy();
  });
});
