import { TestApp, acceptInvitation, openDistrict, operatorSession, startTestApp, login, PASSWORD, uniquePhone, eventually } from '../support/test-app';

describe('opening a district and managing its places', () => {
  let t: TestApp;
  beforeAll(async () => { t = await startTestApp(); });
  afterAll(async () => { await t.close(); });

  it('the operator opens a district; its first admin accepts, signs in and sees who they are', async () => {
    const d = await openDistrict(t);
    const me = await d.admin.get('/api/v1/me').expect(200);
    expect(me.body.district).toEqual({ tenantId: d.tenantId, code: d.code, name: d.name });
    expect(me.body.roles.map((r: { role: string }) => r.role)).toEqual(['district_admin']);
    expect(me.body.roles[0].label.zh).toBe('区级管理员');
  });

  it('the first admin is told in the app that they were invited', async () => {
    const d = await openDistrict(t);
    const list = await eventually(async () => {
      const res = await d.admin.get('/api/v1/notifications').expect(200);
      return res.body.items.length ? res.body : null;
    });
    expect(list.items[0].kind).toBe('membership.invited');
    expect(list.items[0].titleZh).toContain(d.name);
    expect(list.unread).toBe(1);
    expect(list.total).toBe(1);
    await d.admin.post(`/api/v1/notifications/${list.items[0].id}/read`).expect(204);
    const after = await d.admin.get('/api/v1/notifications?unread=true').expect(200);
    expect(after.body).toMatchObject({ items: [], total: 0, unread: 0 });
    const all = await d.admin.get('/api/v1/notifications').expect(200);
    expect(all.body.total).toBe(1);
    expect(all.body.items[0].readAt).not.toBeNull();
    // Someone else's notification id is simply not found.
    const other = await openDistrict(t);
    await other.admin.post(`/api/v1/notifications/${list.items[0].id}/read`).expect(404);
  });

  it('a division code that is not a county-level code is refused with the reason, and nothing is created', async () => {
    const op = await operatorSession(t);
    const before = await op.get('/api/v1/platform/districts').expect(200);
    for (const code of ['330100', '990101', '3301a2', '33010']) {
      const res = await op.post('/api/v1/platform/districts', { code, name: '错误区', firstAdmin: { name: '某人', phone: uniquePhone() } }).expect(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(res.body.errors[0].field).toBe('code');
      expect(res.body.message['zh-CN']).toBeTruthy();
    }
    const after = await op.get('/api/v1/platform/districts').expect(200);
    expect(after.body.total).toBe(before.body.total);
  });

  it('opening the same district twice is a 409', async () => {
    const op = await operatorSession(t);
    const d = await openDistrict(t, op);
    const res = await op.post('/api/v1/platform/districts', { code: d.code, name: 'x', firstAdmin: { name: '某人', phone: uniquePhone() } }).expect(409);
    expect(res.body.code).toBe('DISTRICT_EXISTS');
  });

  it('an admin builds the street and community tree; wrong parents and duplicate names are refused', async () => {
    const d = await openDistrict(t);
    const street = await d.admin.post('/api/v1/places', { parentId: d.rootPlaceId, kind: 'street', name: '晋阳街道' }).expect(201);
    const community = await d.admin.post('/api/v1/places', { parentId: street.body.id, kind: 'community', name: '晋阳社区' }).expect(201);
    expect(community.body.level).toBe('community');
    const wrong = await d.admin.post('/api/v1/places', { parentId: d.rootPlaceId, kind: 'community', name: '某社区' }).expect(400);
    expect(wrong.body.code).toBe('PLACE_PARENT_INVALID');
    const dup = await d.admin.post('/api/v1/places', { parentId: street.body.id, kind: 'community', name: '晋阳社区' }).expect(409);
    expect(dup.body.code).toBe('PLACE_NAME_TAKEN');
    const tree = await d.admin.get('/api/v1/places/tree').expect(200);
    expect(tree.body.children[0].name).toBe('晋阳街道');
    expect(tree.body.children[0].children[0].name).toBe('晋阳社区');
    const one = await d.admin.get(`/api/v1/places/${community.body.id}`).expect(200);
    expect(one.body.path.map((p: { name: string }) => p.name)).toEqual([d.name, '晋阳街道']);
    const list = await d.admin.get('/api/v1/places?level=community').expect(200);
    expect(list.body.total).toBe(1);
  });

  it('a stale version is refused with 409 and the newer change is kept', async () => {
    const d = await openDistrict(t);
    const street = await d.admin.post('/api/v1/places', { parentId: d.rootPlaceId, kind: 'street', name: '玉林街道' }).expect(201);
    await d.admin.patch(`/api/v1/places/${street.body.id}`, { name: '玉林街道办', version: street.body.version }).expect(200);
    const stale = await d.admin.patch(`/api/v1/places/${street.body.id}`, { name: '旧名称', version: street.body.version }).expect(409);
    expect(stale.body.code).toBe('STALE_VERSION');
    const now = await d.admin.get(`/api/v1/places/${street.body.id}`).expect(200);
    expect(now.body.name).toBe('玉林街道办');
  });

  it('a place with communities in it cannot be archived; an empty one can', async () => {
    const d = await openDistrict(t);
    const street = await d.admin.post('/api/v1/places', { parentId: d.rootPlaceId, kind: 'town', name: '白马镇' }).expect(201);
    const village = await d.admin.post('/api/v1/places', { parentId: street.body.id, kind: 'village', name: '豹岩村' }).expect(201);
    const refused = await d.admin.post(`/api/v1/places/${street.body.id}/archive`, { version: 1 }).expect(409);
    expect(refused.body.code).toBe('PLACE_IN_USE');
    await d.admin.post(`/api/v1/places/${village.body.id}/archive`, { version: 1 }).expect(200);
    await d.admin.post(`/api/v1/places/${street.body.id}/archive`, { version: 1 }).expect(200);
  });

  it('a person invited into two districts signs in once and switches between them', async () => {
    const op = await operatorSession(t);
    const a = await openDistrict(t, op);
    const b = await openDistrict(t, op);
    const phone = uniquePhone();
    await a.admin.post('/api/v1/members/invitations', { name: '两地人', phone, roles: ['programme_officer'] }).expect(201);
    expect((await acceptInvitation(t, phone, { password: PASSWORD })).status).toBe(200);
    await b.admin.post('/api/v1/members/invitations', { name: '两地人', phone, roles: ['finance_officer'] }).expect(201);
    // Already has a password: accepting needs only the link.
    expect((await acceptInvitation(t, phone, {})).status).toBe(200);
    const first = await t.http.post('/api/v1/auth/login').send({ login: phone, password: PASSWORD }).expect(200);
    expect(first.body.district).toBeNull();
    expect(first.body.districts.map((x: { districtCode: string }) => x.districtCode).sort()).toEqual([a.code, b.code].sort());
    const s = await login(t, phone, PASSWORD, b.code);
    const me = await s.get('/api/v1/me').expect(200);
    expect(me.body.district.code).toBe(b.code);
    expect(me.body.roles.map((r: { role: string }) => r.role)).toEqual(['finance_officer']);
  });
});
