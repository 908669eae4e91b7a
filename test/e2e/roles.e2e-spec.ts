import { District, Session, TestApp, addMember, openDistrict, operatorSession, startTestApp } from '../support/test-app';
import { createVerifiedOrganisation } from '../support/organisations';

/**
 * Each role is refused (403 FORBIDDEN_ROLE) on the foundation routes it may not use, and still reaches what it
 * may. District admin: manage places and people. Programme officer: read people. Everyone: the place tree.
 */
describe('role checks on the foundation routes', () => {
  let t: TestApp;
  let d: District;
  let organisationId: string;
  let communityId: string;

  beforeAll(async () => {
    t = await startTestApp();
    d = await openDistrict(t);
    organisationId = (await createVerifiedOrganisation(t, d)).id;
    const street = await d.admin.post('/api/v1/places', { parentId: d.rootPlaceId, kind: 'street', name: '角色街道' }).expect(201);
    communityId = (await d.admin.post('/api/v1/places', { parentId: street.body.id, kind: 'community', name: '角色社区' }).expect(201)).body.id;
  });
  afterAll(async () => { await t.close(); });

  async function member(role: string): Promise<Session> {
    const org = ['org_admin', 'org_staff', 'social_worker', 'supervisor'].includes(role) ? { organisationId } : {};
    const place = role === 'community_staff' ? { placeId: communityId } : {};
    return addMember(t, d, [role], { ...org, ...place });
  }

  async function expectForbidden(s: Session, method: 'get' | 'post' | 'patch', path: string, body?: object) {
    const res = await (method === 'get' ? s.get(path) : s[method](path, body));
    expect({ path, status: res.status, code: res.body.code }).toEqual({ path, status: 403, code: 'FORBIDDEN_ROLE' });
  }

  const nonAdmins = ['programme_officer', 'finance_officer', 'reviewer', 'evaluator', 'community_staff', 'org_admin', 'org_staff', 'social_worker', 'supervisor', 'fund_manager'];

  it.each(nonAdmins)('%s may not add places, invite people, change roles or suspend anyone', async (role) => {
    const s = await member(role);
    await expectForbidden(s, 'post', '/api/v1/places', { parentId: d.rootPlaceId, kind: 'street', name: `${role}街道` });
    await expectForbidden(s, 'post', '/api/v1/members/invitations', { name: 'x', phone: '13912340000', roles: ['reviewer'] });
    const me = await s.get('/api/v1/me').expect(200);
    await expectForbidden(s, 'patch', `/api/v1/members/${me.body.membershipId}/roles`, { roles: ['district_admin'], version: 1 });
    await expectForbidden(s, 'post', `/api/v1/members/${me.body.membershipId}/suspend`, { reason: '越权操作', version: 1 });
    // …but every member reads the place tree.
    await s.get('/api/v1/places/tree').expect(200);
  });

  it.each(nonAdmins.filter((r) => r !== 'programme_officer'))('%s may not list or read the district\'s people', async (role) => {
    const s = await member(role);
    await expectForbidden(s, 'get', '/api/v1/members');
    await expectForbidden(s, 'get', `/api/v1/users/${d.admin.userId}`);
  });

  it('a programme officer reads people but cannot change them', async () => {
    const s = await member('programme_officer');
    await s.get('/api/v1/members').expect(200);
    await s.get(`/api/v1/users/${d.admin.userId}`).expect(200);
  });

  it('a district admin is not the platform operator: opening a district is refused', async () => {
    const res = await d.admin.post('/api/v1/platform/districts', { code: '110105', name: '朝阳区', firstAdmin: { name: 'x', phone: '13912340001' } });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('PLATFORM_OPERATOR_ONLY');
    expect((await d.admin.get('/api/v1/platform/districts')).status).toBe(403);
  });

  it('the platform operator, with no district, cannot use district routes', async () => {
    const op = await operatorSession(t);
    const res = await op.get('/api/v1/places/tree');
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('DISTRICT_REQUIRED');
  });

  it('without signing in, every district route is 401', async () => {
    for (const path of ['/api/v1/places/tree', '/api/v1/members', '/api/v1/me', '/api/v1/notifications', '/api/v1/platform/districts']) {
      const res = await t.http.get(path);
      expect({ path, status: res.status }).toEqual({ path, status: 401 });
    }
  });
});
