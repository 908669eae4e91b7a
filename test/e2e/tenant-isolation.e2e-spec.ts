import { District, Session, TestApp, addMember, openDistrict, startTestApp } from '../support/test-app';

describe('one district never reaches another over HTTP', () => {
  let t: TestApp;
  let a: District;
  let b: District;
  let bStreet: { id: string; version: number };
  let bCommunity: { id: string };
  let bMember: Session & { memberId: string; phone: string };

  beforeAll(async () => {
    t = await startTestApp();
    a = await openDistrict(t);
    b = await openDistrict(t);
    bStreet = (await b.admin.post('/api/v1/places', { parentId: b.rootPlaceId, kind: 'street', name: '芙蓉街道' }).expect(201)).body;
    bCommunity = (await b.admin.post('/api/v1/places', { parentId: bStreet.id, kind: 'community', name: '芙蓉社区' }).expect(201)).body;
    bMember = await addMember(t, b, ['programme_officer']);
  });
  afterAll(async () => { await t.close(); });

  it('a user of A asking for B\'s street, community, user or membership by id gets 404', async () => {
    for (const path of [
      `/api/v1/places/${bStreet.id}`,
      `/api/v1/places/${bCommunity.id}`,
      `/api/v1/places/${b.rootPlaceId}`,
      `/api/v1/users/${bMember.userId}`,
      `/api/v1/members/${bMember.memberId}`,
    ]) {
      const res = await a.admin.get(path);
      expect({ path, status: res.status }).toEqual({ path, status: 404 });
      expect(res.body.code).toMatch(/NOT_FOUND$/);
    }
  });

  it('and cannot change them: every write answers 404 and B\'s data stays as it was', async () => {
    expect((await a.admin.patch(`/api/v1/places/${bStreet.id}`, { name: '被改名', version: bStreet.version })).status).toBe(404);
    expect((await a.admin.post(`/api/v1/places/${bCommunity.id}/archive`, { version: 1 })).status).toBe(404);
    expect((await a.admin.post('/api/v1/places', { parentId: bStreet.id, kind: 'community', name: '偷挂社区' })).status).toBe(404);
    expect((await a.admin.patch(`/api/v1/members/${bMember.memberId}/roles`, { roles: ['district_admin'], version: 1 })).status).toBe(404);
    expect((await a.admin.post(`/api/v1/members/${bMember.memberId}/suspend`, { reason: '越权停用', version: 1 })).status).toBe(404);
    const street = await b.admin.get(`/api/v1/places/${bStreet.id}`).expect(200);
    expect(street.body.name).toBe('芙蓉街道');
    expect(street.body.childCount).toBe(1);
    const member = await b.admin.get(`/api/v1/members/${bMember.memberId}`).expect(200);
    expect(member.body.status).toBe('active');
    expect(member.body.roles.map((r: { role: string }) => r.role)).toEqual(['programme_officer']);
    await bMember.get('/api/v1/me').expect(200);
  });

  it('a request body carrying tenantId is refused, never obeyed, and writes nothing', async () => {
    const res = await a.admin.post('/api/v1/places', { parentId: a.rootPlaceId, kind: 'street', name: '带租户街道', tenantId: b.tenantId }).expect(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain('tenantId');
    const listA = await a.admin.get('/api/v1/places?q=带租户').expect(200);
    const listB = await b.admin.get('/api/v1/places?q=带租户').expect(200);
    expect(listA.body.total + listB.body.total).toBe(0);
    const invite = await a.admin.post('/api/v1/members/invitations', { name: '某人', phone: '13912345678', roles: ['reviewer'], tenantId: b.tenantId }).expect(400);
    expect(invite.body.errors.map((e: { field: string }) => e.field)).toContain('tenantId');
  });

  it('the same query string from A never lists B\'s rows', async () => {
    const places = await a.admin.get('/api/v1/places?q=芙蓉').expect(200);
    expect(places.body.total).toBe(0);
    const members = await a.admin.get(`/api/v1/members?q=${bMember.phone}`).expect(200);
    expect(members.body.total).toBe(0);
  });
});

describe('200 interleaved concurrent requests from two districts over a small pool', () => {
  let t: TestApp;
  beforeAll(async () => { t = await startTestApp({ databasePoolSize: 3 }); });
  afterAll(async () => { await t.close(); });

  it('each district sees only its own rows in every response', async () => {
    const a = await openDistrict(t);
    const b = await openDistrict(t);
    const own = { a: new Set<string>([a.rootPlaceId]), b: new Set<string>([b.rootPlaceId]) };
    for (let i = 0; i < 5; i++) {
      own.a.add((await a.admin.post('/api/v1/places', { parentId: a.rootPlaceId, kind: 'street', name: `甲街道${i}` }).expect(201)).body.id);
      own.b.add((await b.admin.post('/api/v1/places', { parentId: b.rootPlaceId, kind: 'town', name: `乙镇${i}` }).expect(201)).body.id);
    }
    const calls = Array.from({ length: 200 }, (_, i) => {
      const who = i % 2 === 0 ? 'a' : 'b';
      const district = who === 'a' ? a : b;
      const path = i % 4 < 2 ? '/api/v1/places?limit=200' : '/api/v1/places/tree';
      return district.admin.get(path).then((res) => ({ who, path, res }));
    });
    const results = await Promise.all(calls);
    let checkedRows = 0;
    for (const { who, path, res } of results) {
      expect(res.status).toBe(200);
      const ids: string[] = path.includes('tree')
        ? [res.body.id, ...res.body.children.map((c: { id: string }) => c.id)]
        : res.body.items.map((p: { id: string }) => p.id);
      expect(ids.length).toBe(6);
      for (const id of ids) expect(own[who as 'a' | 'b'].has(id)).toBe(true);
      checkedRows += ids.length;
    }
    expect(checkedRows).toBe(1200);
  });
});
