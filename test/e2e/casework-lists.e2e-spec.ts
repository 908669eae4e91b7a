import { randomUUID } from 'node:crypto';
import type { Client } from 'pg';
import { ListStatements, asOwnerIn, pageThrough, plansNeedingASort } from '../support/lists';
import { District, Session, TestApp, addMember, openDistrict, ownerClient, startTestApp } from '../support/test-app';
import { createVerifiedOrganisation } from '../support/organisations';
import { residentId } from '../support/casework';

/**
 * The casework team's lists — groups, community events, supervision assignments, referrals — page the way every list
 * pages (`{ items, total, totalKind, nextCursor }`, keyset on an index), filter, stay inside the organisation and the
 * district, and refuse bad paging input with a 400 that names the field.
 */
const SLOW = 180_000;
jest.setTimeout(SLOW);

type Member = Session & { memberId: string };
/** Statements of the shared list helper the app ran (pages and capped counts), for the plan check at the end. */
const statements = new ListStatements();

describe('casework team lists', () => {
  let t: TestApp;
  let d: District;
  let owner: Client;
  let communityId: string;
  let otherCommunityId: string;
  let orgA: string;
  let orgB: string;
  let adminA: Member;
  let workerA1: Member;
  let workerA2: Member;
  let supervisorA: Member;
  let supervisorA2: Member;
  let adminB: Member;
  let workerB: Member;

  /** Runs SQL as the schema owner inside the district (RLS is forced for the owner too). */
  const asOwner = (sql: string, params: unknown[] = []) => asOwnerIn(owner, d.tenantId, sql, params);

  beforeAll(async () => {
    statements.install();
    t = await startTestApp();
    owner = await ownerClient();
    d = await openDistrict(t);
    const street = await d.admin.post('/api/v1/places', { parentId: d.rootPlaceId, kind: 'street', name: '玉林街道' }).expect(201);
    communityId = (await d.admin.post('/api/v1/places', { parentId: street.body.id, kind: 'community', name: '玉林北路社区' }).expect(201)).body.id;
    otherCommunityId = (await d.admin.post('/api/v1/places', { parentId: street.body.id, kind: 'community', name: '玉林南路社区' }).expect(201)).body.id;
    orgA = (await createVerifiedOrganisation(t, d)).id;
    orgB = (await createVerifiedOrganisation(t, d)).id;
    adminA = await addMember(t, d, ['org_admin'], { organisationId: orgA, name: '甲机构管理员' });
    workerA1 = await addMember(t, d, ['social_worker'], { organisationId: orgA, name: '吴社工' });
    workerA2 = await addMember(t, d, ['social_worker'], { organisationId: orgA, name: '周社工' });
    supervisorA = await addMember(t, d, ['supervisor'], { organisationId: orgA, name: '郑督导' });
    supervisorA2 = await addMember(t, d, ['supervisor'], { organisationId: orgA, name: '王督导' });
    adminB = await addMember(t, d, ['org_admin'], { organisationId: orgB, name: '乙机构管理员' });
    workerB = await addMember(t, d, ['social_worker'], { organisationId: orgB, name: '乙社工' });
  }, SLOW);

  afterAll(async () => {
    statements.uninstall();
    await owner?.end();
    await t?.close();
  }, SLOW);

  it('groups page newest first across several pages, filter by status and kind, and a worker sees only the groups they or their supervisees lead', async () => {
    const create = (s: Member, name: string, kind: string) => s.post('/api/v1/casework/groups', { name, kind, communityId, plannedSessions: 6 }).expect(201);
    const a = await create(workerA1, '独居老人互助小组', 'support');
    expect(a.body).toMatchObject({ name: '独居老人互助小组', status: 'active', version: 1, sessions: [], leaderMembershipId: workerA1.memberId });
    await create(workerA1, '儿童成长小组', 'growth');
    await create(workerA1, '照顾者支持小组', 'support');
    await create(workerA2, '兴趣手工小组', 'interest');
    await create(workerA2, '康复治疗小组', 'therapy');
    // Groups end outside this API today; the list must still tell them apart.
    await asOwner(`UPDATE casework_groups SET status = 'completed' WHERE name = '儿童成长小组'`);
    // Five created within moments: make two share an instant, so the id alone orders them.
    await asOwner(`UPDATE casework_groups SET created_at = (SELECT created_at FROM casework_groups WHERE name = '兴趣手工小组') WHERE name = '康复治疗小组'`);
    const expected = (await asOwner(`SELECT id FROM casework_groups WHERE organisation_id = $1 ORDER BY created_at DESC, id DESC`, [orgA])).map((r) => r.id);
    expect(expected).toHaveLength(5);

    const all = await pageThrough(adminA, '/api/v1/casework/groups', 2, { ids: expected, total: 5, totalKind: 'exact' });
    expect(all.pages).toHaveLength(3);
    expect(all.items.find((g) => g.id === a.body.id)).toEqual({
      id: a.body.id, name: '独居老人互助小组', kind: 'support', status: 'active', plannedSessions: 6, sessionsHeld: 0,
      leader: { membershipId: workerA1.memberId, name: '吴社工' }, communityId, projectId: null, indicatorId: null, createdAt: expect.any(String),
    });

    const completed = await adminA.get('/api/v1/casework/groups?status=completed').expect(200);
    expect(completed.body).toMatchObject({ total: 1, totalKind: 'exact', nextCursor: null });
    expect(completed.body.items.map((g: { name: string }) => g.name)).toEqual(['儿童成长小组']);
    const support = await pageThrough(adminA, '/api/v1/casework/groups?kind=support&status=active', 1, { totalKind: 'exact' });
    expect(support.items.map((g) => g.name).sort()).toEqual(['照顾者支持小组', '独居老人互助小组'].sort());
    const byLeader = await adminA.get(`/api/v1/casework/groups?leaderMembershipId=${workerA2.memberId}`).expect(200);
    expect(byLeader.body.total).toBe(2);

    // A worker sees the groups they lead; once supervising A1, a supervisor sees A1's too.
    const mine = await pageThrough(workerA1, '/api/v1/casework/groups', 2, { totalKind: 'exact' });
    expect(mine.items.map((g) => g.leader.membershipId)).toEqual([workerA1.memberId, workerA1.memberId, workerA1.memberId]);
    await adminA.post('/api/v1/casework/supervision/assignments', { supervisorMembershipId: supervisorA.memberId, workerMembershipId: workerA1.memberId }).expect(201);
    const team = await supervisorA.get('/api/v1/casework/groups').expect(200);
    expect(team.body.total).toBe(3);
    await workerA1.get(`/api/v1/casework/groups/${expected[0]}`).expect(404); // A2's group
    const detail = await workerA2.get(`/api/v1/casework/groups/${expected[0]}`).expect(200);
    expect(detail.body).toMatchObject({ id: expected[0], version: 1, sessions: [] });
    // Another organisation of the district sees none of them.
    expect((await adminB.get('/api/v1/casework/groups').expect(200)).body).toEqual({ items: [], total: 0, totalKind: 'exact', nextCursor: null });
  });

  it('community events page by the day they were held, latest first, and narrow to a community and a date range', async () => {
    const days = ['2026-01-05', '2026-01-09', '2026-01-09', '2026-01-09', '2026-01-12', '2026-01-20'];
    for (const [i, heldOn] of days.entries()) {
      await workerA1.post('/api/v1/casework/community-events', {
        communityId: i === 5 ? otherCommunityId : communityId, title: `邻里节${i + 1}`, heldOn, durationMinutes: 60 + i, headcount: 10 * (i + 1), volunteerCount: i,
      }).expect(201);
    }
    const expected = (await asOwner(`SELECT id FROM community_events WHERE organisation_id = $1 ORDER BY held_on DESC, id DESC`, [orgA])).map((r) => r.id);
    const all = await pageThrough(workerA2, '/api/v1/casework/community-events', 2, { ids: expected, total: expected.length, totalKind: 'exact' });
    expect(all.pages).toHaveLength(3);
    expect(all.items[0]).toEqual({
      id: expected[0], title: '邻里节6', heldOn: '2026-01-20', durationMinutes: 65, headcount: 60, volunteerCount: 5,
      community: { id: otherCommunityId, name: '玉林南路社区' }, summary: null, workerMembershipId: workerA1.memberId, projectId: null, indicatorId: null,
    });
    const inRange = await pageThrough(workerA2, `/api/v1/casework/community-events?communityId=${communityId}&from=2026-01-06&to=2026-01-12`, 2, { total: 4, totalKind: 'exact' });
    expect(inRange.items.map((e) => e.heldOn)).toEqual(['2026-01-12', '2026-01-09', '2026-01-09', '2026-01-09']);
    expect((await adminB.get('/api/v1/casework/community-events').expect(200)).body.total).toBe(0);
    const badDay = await workerA2.get('/api/v1/casework/community-events?from=2026-02-30').expect(400);
    expect(badDay.body.code).toBe('VALIDATION_FAILED');
  });

  it('supervision assignments list the current ones (or the ended ones), page, and ending one answers it; ending it twice is refused', async () => {
    const assign = (sup: Member, worker: Member) =>
      adminA.post('/api/v1/casework/supervision/assignments', { supervisorMembershipId: sup.memberId, workerMembershipId: worker.memberId });
    // A1 under supervisorA may already exist from the groups test; the rest are new.
    const existing = await adminA.get(`/api/v1/casework/supervision/assignments?workerMembershipId=${workerA1.memberId}&supervisorMembershipId=${supervisorA.memberId}`).expect(200);
    if (!existing.body.items.length) await assign(supervisorA, workerA1).expect(201);
    await assign(supervisorA, workerA2).expect(201);
    await assign(supervisorA2, workerA1).expect(201);
    const made = await assign(supervisorA2, workerA2).expect(201);
    expect(made.body).toEqual({
      id: made.body.id, supervisor: { membershipId: supervisorA2.memberId, name: '王督导' }, worker: { membershipId: workerA2.memberId, name: '周社工' },
      startedAt: expect.any(String), endedAt: null, active: true,
    });

    const expected = (await asOwner(`SELECT id FROM supervision_assignments WHERE organisation_id = $1 AND ended_at IS NULL ORDER BY started_at DESC, id DESC`, [orgA])).map((r) => r.id);
    expect(expected).toHaveLength(4);
    const current = await pageThrough(workerA1, '/api/v1/casework/supervision/assignments', 3, { ids: expected, total: 4, totalKind: 'exact' });
    expect(current.pages).toHaveLength(2);

    await workerA1.post(`/api/v1/casework/supervision/assignments/${made.body.id}/end`).expect(403);
    const ended = await adminA.post(`/api/v1/casework/supervision/assignments/${made.body.id}/end`).expect(200);
    expect(ended.body).toMatchObject({ id: made.body.id, active: false, endedAt: expect.any(String), supervisor: { membershipId: supervisorA2.memberId } });
    const again = await adminA.post(`/api/v1/casework/supervision/assignments/${made.body.id}/end`).expect(409);
    expect(again.body).toMatchObject({ code: 'INVALID_STATE_TRANSITION', detail: { from: 'ended' } });

    expect((await adminA.get('/api/v1/casework/supervision/assignments').expect(200)).body.total).toBe(3);
    const history = await adminA.get('/api/v1/casework/supervision/assignments?status=ended').expect(200);
    expect(history.body).toMatchObject({ total: 1, items: [{ id: made.body.id, active: false }] });
    const ofA2 = await adminA.get(`/api/v1/casework/supervision/assignments?workerMembershipId=${workerA2.memberId}`).expect(200);
    expect(ofA2.body.items.map((a: { supervisor: { name: string } }) => a.supervisor.name)).toEqual(['郑督导']);
    // Another organisation of the same district: neither listed nor endable (not found, like an id that never was).
    expect((await adminB.get('/api/v1/casework/supervision/assignments').expect(200)).body.total).toBe(0);
    const notTheirs = await adminB.post(`/api/v1/casework/supervision/assignments/${expected[0]}/end`).expect(404);
    expect(notTheirs.body.code).toBe('SUPERVISION_ASSIGNMENT_NOT_FOUND');
    expect((await adminB.post(`/api/v1/casework/supervision/assignments/${randomUUID()}/end`).expect(404)).body.code).toBe('SUPERVISION_ASSIGNMENT_NOT_FOUND');
  });

  it('referrals page newest first, incoming for the receiver and outgoing for the sender, and filter by status', async () => {
    // One real referral through the API; five more copied from it by the owner, with their own statuses and times.
    const b = await workerA1.post('/api/v1/casework/beneficiaries', { name: '张大爷', idNumber: residentId(), communityId }).expect(201);
    const beneficiaryId = b.body.beneficiary.id;
    for (const purpose of ['service', 'referral']) {
      await workerA1.post(`/api/v1/casework/beneficiaries/${beneficiaryId}/consents`, {
        purpose, formVersion: '2026版', givenOn: '2026-01-05', givenBy: 'self', ...(purpose === 'referral' ? { scope: ['name', 'presenting_problem'] } : {}),
      }).expect(201);
    }
    const c = await workerA1.post('/api/v1/casework/cases', { beneficiaryId, source: 'outreach', presentingProblem: '独居，需要康复服务' }).expect(201);
    const ref = await workerA1.post(`/api/v1/casework/cases/${c.body.id}/referrals`, { toOrganisationId: orgB, reason: '需要专业康复服务', sharedFields: ['name'] }).expect(201);
    await asOwner(
      `INSERT INTO referrals (tenant_id, case_id, beneficiary_id, consent_id, from_organisation_id, to_organisation_id, reason_enc, shared_fields, shared_enc,
                              status, created_by_membership_id, created_at)
       SELECT r.tenant_id, r.case_id, r.beneficiary_id, r.consent_id, r.from_organisation_id, r.to_organisation_id, r.reason_enc, r.shared_fields, r.shared_enc,
              (ARRAY['pending','declined','pending','cancelled','declined'])[g], r.created_by_membership_id,
              CASE WHEN g <= 2 THEN timestamptz '2026-01-03 09:00:00+08' ELSE r.created_at - (g || ' hours')::interval END
         FROM referrals r, generate_series(1, 5) g WHERE r.id = $1`, [ref.body.id]);
    const expected = (await asOwner(`SELECT id, status FROM referrals WHERE to_organisation_id = $1 ORDER BY created_at DESC, id DESC`, [orgB]));
    expect(expected).toHaveLength(6);

    const incoming = await pageThrough(adminB, '/api/v1/casework/referrals', 4, { ids: expected.map((r) => r.id), total: 6, totalKind: 'exact' });
    expect(incoming.pages).toHaveLength(2);
    expect(incoming.items[0]).toEqual({
      id: ref.body.id, status: 'pending', direction: 'incoming', sharedFields: ['name'], fromOrganisationId: orgA, toOrganisationId: orgB,
      createdAt: expect.any(String), decidedAt: null,
    });
    // What was shared is read (and logged) on the referral itself, never in the list.
    expect(JSON.stringify(incoming.items)).not.toContain('张大爷');

    await pageThrough(adminB, '/api/v1/casework/referrals?direction=incoming&status=pending', 2, {
      ids: expected.filter((r) => r.status === 'pending').map((r) => r.id), total: 3, totalKind: 'exact',
    });

    const outgoing = await pageThrough(workerA1, '/api/v1/casework/referrals?direction=outgoing', 5, { total: expected.length, totalKind: 'exact' });
    expect(outgoing.items.map((r) => [r.direction, r.caseId])).toEqual(expected.map(() => ['outgoing', c.body.id]));
    // A worker who does not hold the case sees none of its referrals; a receiving worker is not the one who decides.
    expect((await workerA2.get('/api/v1/casework/referrals?direction=outgoing').expect(200)).body.total).toBe(0);
    expect((await workerB.get('/api/v1/casework/referrals?direction=incoming').expect(200)).body).toEqual({ items: [], total: 0, totalKind: 'exact', nextCursor: null });
    expect((await adminA.get('/api/v1/casework/referrals').expect(200)).body.total).toBe(0);
    expect((await adminA.get('/api/v1/casework/referrals?direction=outgoing&status=declined').expect(200)).body.total).toBe(2);
  });

  it('a malformed cursor, a tampered one, a bad limit or an unknown filter value is a 400 naming the field, on every list', async () => {
    statements.capturing = false; // these statements are meant to fail; the plan check below is about the others
    const lists = ['/api/v1/casework/groups', '/api/v1/casework/community-events', '/api/v1/casework/supervision/assignments', '/api/v1/casework/referrals'];
    const tampered = Buffer.from(JSON.stringify(['not a time', randomUUID()])).toString('base64url');
    for (const path of lists) {
      for (const query of ['cursor=not-a-cursor', `cursor=${tampered}`, 'limit=0', 'limit=201', 'limit=ten', 'status=bogus']) {
        const res = await adminA.get(`${path}?${query}`);
        expect([path, query, res.status, res.body.code]).toEqual([path, query, 400, 'VALIDATION_FAILED']);
        expect(res.body.message).toEqual({ 'zh-CN': expect.any(String), en: expect.any(String) });
        // The malformed ones say which parameter; the tampered cursor is caught by the database's own type check.
        if (!query.startsWith(`cursor=${tampered}`)) expect([...new Set(res.body.errors?.map((e: { field: string }) => e.field))]).toEqual([query.split("=")[0]]);
      }
    }
    const res = await adminB.get('/api/v1/casework/referrals?direction=sideways').expect(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    // A worker's incoming list is always empty, and still refuses a malformed cursor rather than ignoring it.
    expect((await workerB.get('/api/v1/casework/referrals?direction=incoming&cursor=not-a-cursor').expect(400)).body.code).toBe('VALIDATION_FAILED');
    statements.capturing = true;
  });

  it('another district sees nothing of these records and reaches none of them by id', async () => {
    const other = await openDistrict(t);
    const otherOrg = (await createVerifiedOrganisation(t, other)).id;
    const stranger = await addMember(t, other, ['org_admin', 'supervisor'], { organisationId: otherOrg });
    const [group] = await asOwner(`SELECT id FROM casework_groups LIMIT 1`);
    const [assignment] = await asOwner(`SELECT id FROM supervision_assignments WHERE ended_at IS NULL LIMIT 1`);
    const [referral] = await asOwner(`SELECT id FROM referrals LIMIT 1`);
    expect((await stranger.get(`/api/v1/casework/groups/${group.id}`).expect(404)).body.code).toBe('GROUP_NOT_FOUND');
    expect((await stranger.post(`/api/v1/casework/groups/${group.id}/sessions`, { sessionNo: 9, heldOn: '2026-01-14', durationMinutes: 60, theme: '越界', attendeeIds: [] }).expect(404)).body.code)
      .toBe('GROUP_NOT_FOUND');
    expect((await stranger.post(`/api/v1/casework/supervision/assignments/${assignment.id}/end`).expect(404)).body.code).toBe('SUPERVISION_ASSIGNMENT_NOT_FOUND');
    expect((await stranger.get(`/api/v1/casework/referrals/${referral.id}`).expect(404)).body.code).toBe('REFERRAL_NOT_FOUND');
    for (const path of ['/api/v1/casework/groups', '/api/v1/casework/community-events', '/api/v1/casework/supervision/assignments',
      '/api/v1/casework/referrals?direction=incoming', '/api/v1/casework/referrals?direction=outgoing']) {
      expect([path, (await stranger.get(path).expect(200)).body.total]).toEqual([path, 0]);
    }
    // Still there and still active for its own district.
    const [still] = await asOwner(`SELECT ended_at FROM supervision_assignments WHERE id = $1`, [assignment.id]);
    expect(still.ended_at).toBeNull();
  });

  it('district officials, who see casework only as aggregates, cannot read these lists', async () => {
    const officer = await addMember(t, d, ['programme_officer']);
    for (const s of [d.admin, officer]) {
      for (const path of ['/api/v1/casework/groups', '/api/v1/casework/community-events', '/api/v1/casework/supervision/assignments', '/api/v1/casework/referrals']) {
        const res = await s.get(path);
        expect([path, res.status]).toEqual([path, 403]);
      }
    }
    // Only the organisation admin ends an assignment; a supervisor is refused before anything is looked up.
    const [assignment] = await asOwner(`SELECT id FROM supervision_assignments WHERE ended_at IS NULL LIMIT 1`);
    await supervisorA.post(`/api/v1/casework/supervision/assignments/${assignment.id}/end`).expect(403);
  });

  it('every page and capped count these lists ran is answered from an index, without a sort', async () => {
    const distinct = statements.distinct(/casework_groups|community_events|supervision_assignments|referrals/);
    // groups, events, assignments, referrals: each with and without filters, pages and counts.
    expect(distinct.length).toBeGreaterThanOrEqual(16);
    const failures = await plansNeedingASort(distinct, { tenantId: d.tenantId });
    expect(failures).toEqual([]);
  });
});
