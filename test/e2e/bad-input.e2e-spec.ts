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
    t = await startTestApp();
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
    const big = { parentId: d.rootPlaceId, kind: 'street', name: 'x'.repeat(1_100_000) };
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

  it('a body with 60,000 keys is refused at once and does not stall other requests', async () => {
    const keys: Record<string, number> = {};
    for (let i = 0; i < 60_000; i++) keys[`k${i}`] = 1;
    const body = JSON.stringify({ refreshToken: 'x', ...keys });
    expect(body.length).toBeGreaterThan(600_000);
    // Anonymous: the small public limit refuses it before reading it all.
    const anonymous = await t.http.post('/api/v1/auth/refresh').set('Content-Type', 'application/json').send(body);
    expect({ status: anonymous.status, code: anonymous.body.code }).toEqual({ status: 413, code: 'PAYLOAD_TOO_LARGE' });
    // With any bearer token the body is read under the normal limit, and its shape is refused before it is parsed.
    const started = Date.now();
    const [hostile, health] = await Promise.all([
      t.http.post('/api/v1/auth/refresh').set('Authorization', 'Bearer whatever').set('Content-Type', 'application/json').send(body),
      (async () => {
        const at = Date.now();
        const res = await t.http.get('/api/health');
        return { status: res.status, ms: Date.now() - at };
      })(),
    ]);
    const hostileMs = Date.now() - started;
    process.stdout.write(`60,000 keys: refused in ${hostileMs} ms; /api/health beside it in ${health.ms} ms\n`);
    expect({ status: hostile.status, code: hostile.body.code }).toEqual({ status: 400, code: 'JSON_TOO_COMPLEX' });
    expect(health.status).toBe(200);
    // Before the guard this took 4.2 s on a quiet machine; the guard's work is a byte scan of milliseconds. The bound
    // is generous for a loaded 2-core box and still far below the old stall.
    expect(hostileMs).toBeLessThan(2500);
    expect(health.ms).toBeLessThan(2500);
  });

  it('deep nesting is 400, not a stack overflow, on every JSON route', async () => {
    const deep = '['.repeat(5000) + ']'.repeat(5000);
    for (const path of ['/api/v1/places', '/api/v1/members/invitations', '/api/v1/auth/login']) {
      const res = await t.http.post(path).set(auth()).set('Content-Type', 'application/json').send(deep);
      expect({ path, status: res.status, code: res.body.code }).toEqual({ path, status: 400, code: 'JSON_TOO_COMPLEX' });
    }
    let nested: unknown = 'x';
    for (let i = 0; i < 40; i++) nested = { a: nested };
    await expectUnchanged(() => t.http.post('/api/v1/places').set(auth()).send({ parentId: d.rootPlaceId, kind: 'street', name: nested }), 400, 'JSON_TOO_COMPLEX');
    // Brackets inside strings are text, not nesting.
    const res = await t.http.post('/api/v1/places').set(auth()).send({ parentId: d.rootPlaceId, kind: 'street', name: '[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["' });
    expect(res.status).toBe(201);
  });

  it('a NUL byte or a lone surrogate anywhere is 400 INVALID_CHARACTERS, never a 500', async () => {
    const nul = '\u0000';
    const cases: Array<[string, () => Promise<{ status: number; body: { code?: string } }>]> = [
      ['organisations q', () => t.http.get('/api/v1/organisations?q=%00').set(auth())],
      ['places q', () => t.http.get('/api/v1/places?q=a%00b').set(auth())],
      ['members q', () => t.http.get('/api/v1/members?q=%00').set(auth())],
      ['cases status', () => t.http.get('/api/v1/casework/cases?status=%00').set(auth())],
      ['beneficiaries q', () => t.http.get('/api/v1/casework/beneficiaries?q=%00').set(auth())],
      ['public directory', () => t.http.get(`/api/v1/public/districts/${d.code}/qualified-organisations?q=%00`)],
      ['path parameter', () => t.http.get('/api/v1/places/%00').set(auth())],
      ['encoded lone surrogate in the path', () => t.http.get('/api/v1/places/%ED%A0%80').set(auth())],
      ['sign-in', () => t.http.post('/api/v1/auth/login').send({ login: `138${nul}`, password: 'x' })],
      ['place name', () => t.http.post('/api/v1/places').set(auth()).send({ parentId: d.rootPlaceId, kind: 'street', name: `街道${nul}` })],
      ['a key', () => t.http.post('/api/v1/places').set(auth()).send({ parentId: d.rootPlaceId, kind: 'street', name: '街道', [`x${nul}`]: 1 })],
      ['nested in a list', () => t.http.post('/api/v1/members/invitations').set(auth()).send({ name: '某人', phone: '13900000003', roles: ['reviewer', `x${nul}`] })],
      ['lone surrogate e-mail', () => t.http.post('/api/v1/members/invitations').set(auth()).send({ name: '某人', email: '\ud800', roles: ['reviewer'] })],
      ['lone surrogate in a query', () => t.http.get(`/api/v1/members?q=${encodeURIComponent('a')}%ED%A0%80`).set(auth())],
    ];
    for (const [name, send] of cases) {
      const res = await send();
      // An undecodable query byte becomes U+FFFD in Express's parser (harmless text); everything else is refused.
      if (name === 'lone surrogate in a query') {
        expect({ name, status: res.status < 500 }).toEqual({ name, status: true });
        continue;
      }
      expect({ name, status: res.status, code: res.body.code }).toEqual({ name, status: 400, code: 'INVALID_CHARACTERS' });
    }
    await expectUnchanged(() => t.http.post('/api/v1/places').set(auth()).send({ parentId: d.rootPlaceId, kind: 'street', name: `街道${nul}` }), 400, 'INVALID_CHARACTERS');
  });

  it('null is not "absent": a null field is a 400 naming it', async () => {
    const res = await t.http.post('/api/v1/members/invitations').set(auth()).send({ name: '某人', phone: '13900000004', roles: ['community_staff'], placeId: null });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'placeId', code: 'isNotNull' })]);
  });

  it('refusals by the database never name a constraint, table or column', async () => {
    const res = await t.http.post('/api/v1/members/invitations').set(auth())
      .send({ name: '某人', phone: '13900000005', roles: ['org_staff'], organisationId: '7d0c1b1e-0000-4000-8000-000000000000' });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect(res.body.detail?.constraint).toBeUndefined();
    expect(JSON.stringify(res.body)).not.toMatch(/_fk|_key|_check|_pkey|memberships|organisations/);
  });

  it('one message per field even when a field breaks several rules', async () => {
    const res = await t.http.post('/api/v1/members/invitations').set(auth()).send({ name: 42, phone: '13900000006', roles: ['reviewer'] });
    expect(res.status).toBe(400);
    expect(res.body.errors.filter((e: { field: string }) => e.field === 'name')).toHaveLength(1);
  });
});
