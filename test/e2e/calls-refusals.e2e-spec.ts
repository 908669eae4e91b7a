import { addMember, openDistrict, ownerClient, startTestApp, TestApp } from '../support/test-app';
import { DAY, applicantOrganisation, applicationContent, callBody, clockOf, publishedCall, put, submitApplication, venturePeople } from '../support/calls';


describe('venture calls refuse what they must', () => {
  let t: TestApp;
  beforeAll(async () => { t = await startTestApp(); });
  afterEach(() => clockOf(t).set(undefined));
  afterAll(async () => { await t.close(); });

  it('a submission after the closing instant is refused on the server clock, even before the closing job ran', async () => {
    const d = await openDistrict(t);
    const { communityId, officer } = await venturePeople(t, d, 0);
    const call = await publishedCall(t, d, officer);
    const a = await applicantOrganisation(t, d);
    const draft = await a.admin.post(`/api/v1/calls/${call.id}/applications`, applicationContent(communityId)).expect(201);
    clockOf(t).set(new Date(call.closesAt));
    const late = await a.admin.post(`/api/v1/applications/${draft.body.id}/submit`, { version: draft.body.version }).set('Idempotency-Key', 'late').expect(409);
    expect(late.body.code).toBe('CALL_CLOSED');
    expect(late.body.message['zh-CN']).toContain('截止');
    expect((await officer.get(`/api/v1/calls/${call.id}`).expect(200)).body).toMatchObject({ status: 'closed', acceptingApplications: false });
    expect((await a.admin.post(`/api/v1/calls/${call.id}/applications`, {}).expect(409)).body.code).toBe('CALL_CLOSED');
    expect((await a.admin.get(`/api/v1/applications/${draft.body.id}`).expect(200)).body).toMatchObject({ status: 'draft', referenceNo: null });
  });

  it('submitting twice: the same key returns the first answer, another key is 409, a key reused for another request is 409', async () => {
    const d = await openDistrict(t);
    const { communityId, officer } = await venturePeople(t, d, 0);
    const call = await publishedCall(t, d, officer);
    const a = await applicantOrganisation(t, d);
    const draft = await a.admin.post(`/api/v1/calls/${call.id}/applications`, applicationContent(communityId)).expect(201);
    const submit = (key: string, version = draft.body.version) =>
      a.admin.post(`/api/v1/applications/${draft.body.id}/submit`, { version }).set('Idempotency-Key', key);
    const [first, twin] = await Promise.all([submit('k-1'), submit('k-1')]);
    expect([first.status, twin.status]).toEqual([200, 200]);
    expect(twin.body).toEqual(first.body);
    expect((await submit('k-1')).body).toEqual(first.body);
    expect((await submit('k-2').expect(409)).body.code).toBe('ALREADY_SUBMITTED');
    expect((await submit('k-1', draft.body.version + 5).expect(409)).body.code).toBe('IDEMPOTENCY_KEY_REUSED');
    const db = await ownerClient();
    try {
      await db.query(`SELECT set_config('app.tenant_id', $1, false)`, [d.tenantId]);
      const r = await db.query(`SELECT count(*)::int AS n FROM application_history WHERE application_id = $1 AND action = 'submit'`, [draft.body.id]);
      expect(r.rows[0].n).toBe(1);
    } finally {
      await db.end();
    }
  });

  it('an ineligible or blacklisted organisation cannot submit, with the reasons, and nothing is written', async () => {
    const d = await openDistrict(t);
    const { communityId, officer } = await venturePeople(t, d, 0);
    const call = await publishedCall(t, d, officer, { eligibility: { minGrade: 3, minYearsRegistered: 1 } });
    const a = await applicantOrganisation(t, d);
    const draft = await a.admin.post(`/api/v1/calls/${call.id}/applications`, applicationContent(communityId)).expect(201);
    const refused = await a.admin.post(`/api/v1/applications/${draft.body.id}/submit`, { version: draft.body.version }).expect(409);
    expect(refused.body.code).toBe('NOT_ELIGIBLE');
    expect(refused.body.detail.reasons.map((r: { code: string }) => r.code)).toEqual(['NO_GRADE']);

    const open = await publishedCall(t, d, officer);
    const b = await applicantOrganisation(t, d);
    const draftB = await b.admin.post(`/api/v1/calls/${open.id}/applications`, applicationContent(communityId)).expect(201);
    const org = await d.admin.get(`/api/v1/organisations/${b.organisationId}`).expect(200);
    await d.admin.post(`/api/v1/organisations/${b.organisationId}/blacklist`, { version: org.body.version, reason: '虚假材料骗取补贴' }).expect(200);
    const black = await b.admin.post(`/api/v1/applications/${draftB.body.id}/submit`, { version: draftB.body.version }).expect(409);
    expect(black.body.detail.reasons.map((r: { code: string }) => r.code)).toEqual(['BLACKLISTED']);
    expect((await b.admin.get(`/api/v1/applications/${draftB.body.id}`).expect(200)).body).toMatchObject({ status: 'draft', referenceNo: null });

    // Budget lines must add up to the amount; the amount within limits; the co-funding share met.
    const c = await applicantOrganisation(t, d);
    const bad = { ...applicationContent(communityId, '15000000'), coFundingFen: '100', budgetLines: [{ code: 'B01', name: '人员', amountFen: '1' }] };
    const draftC = await c.admin.post(`/api/v1/calls/${open.id}/applications`, bad).expect(201);
    const invalid = await c.admin.post(`/api/v1/applications/${draftC.body.id}/submit`, { version: draftC.body.version }).expect(400);
    expect(invalid.body.code).toBe('APPLICATION_INVALID');
    expect(invalid.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['coFundingFen', 'core.budgetLines']);
    // The form's required answers and types are checked on the server.
    const wrongType = await c.admin.patch(`/api/v1/applications/${draftC.body.id}`, { version: draftC.body.version, answers: { volunteers: 'many', nope: 1 } }).expect(400);
    expect(wrongType.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['answers.nope', 'answers.volunteers']);
  });

  it('reviewers see and score only their assignments; a declared conflict is replaced and cannot be scored; staff of an applicant never review it', async () => {
    const d = await openDistrict(t);
    const { communityId, officer, reviewers } = await venturePeople(t, d, 3);
    const call = await publishedCall(t, d, officer, { reviewersPerApplication: 2, blindReview: false });
    const a = await applicantOrganisation(t, d);
    const b = await applicantOrganisation(t, d);
    const linked = await addMember(t, d, ['reviewer'], { organisationId: a.organisationId, name: '兼职专家' });
    const appA = await submitApplication(a.admin, call.id, communityId);
    const appB = await submitApplication(b.admin, call.id, communityId);
    for (const app of [appA, appB]) await officer.post(`/api/v1/applications/${app.id}/screening`, { version: app.version, decision: 'pass', reason: '符合条件' }).expect(200);
    // Review cannot start before the close.
    expect((await officer.post(`/api/v1/calls/${call.id}/review-assignments`).expect(409)).body.code).toBe('REVIEW_NOT_OPEN');
    clockOf(t).set(new Date(new Date(call.closesAt).getTime() + 1000));
    await officer.post(`/api/v1/calls/${call.id}/reviewers`, { membershipIds: [...reviewers.map((r) => r.memberId), linked.memberId] }).expect(200);
    await officer.post(`/api/v1/calls/${call.id}/review-assignments`).expect(200);

    const linkedView = await linked.get('/api/v1/reviews/assignments').expect(200);
    expect(linkedView.body.items.map((x: { referenceNo: string }) => x.referenceNo)).not.toContain(appA.referenceNo);

    const all = await Promise.all(reviewers.map((r) => r.get('/api/v1/reviews/assignments').expect(200)));
    const holder = reviewers.findIndex((_, i) => all[i].body.items.some((x: { referenceNo: string }) => x.referenceNo === appB.referenceNo));
    const other = reviewers.findIndex((_, i) => !all[i].body.items.some((x: { referenceNo: string }) => x.referenceNo === appB.referenceNo));
    const assignment = all[holder].body.items.find((x: { referenceNo: string }) => x.referenceNo === appB.referenceNo);
    if (other >= 0) {
      // Someone else's assignment does not exist for this reviewer.
      await reviewers[other].get(`/api/v1/reviews/assignments/${assignment.id}`).expect(404);
      const foreign = await put(t, reviewers[other], `/api/v1/reviews/assignments/${assignment.id}/scores`, { version: 1, scores: [{ code: 'need', score: 9 }] }).expect(404);
      expect(foreign.body.code).toBe('ASSIGNMENT_NOT_FOUND');
    }
    // Out-of-range scores are refused; then the holder declares a conflict and cannot score any more.
    const range = await put(t, reviewers[holder], `/api/v1/reviews/assignments/${assignment.id}/scores`, { version: 1, scores: [{ code: 'need', score: 11 }] }).expect(400);
    expect(range.body.code).toBe('SCORES_INVALID');
    const declared = await reviewers[holder].post(`/api/v1/reviews/assignments/${assignment.id}/conflict`, { reason: '曾为该机构提供督导' }).expect(200);
    expect(declared.body).toMatchObject({ status: 'conflict' });
    const after = await put(t, reviewers[holder], `/api/v1/reviews/assignments/${assignment.id}/scores`, { version: 2, scores: [{ code: 'need', score: 9 }] }).expect(409);
    expect(after.body.code).toBe('CONFLICT_DECLARED');
    const progress = await officer.get(`/api/v1/calls/${call.id}/review-progress`).expect(200);
    const rowB = progress.body.items.find((x: { referenceNo: string }) => x.referenceNo === appB.referenceNo);
    expect(rowB).toMatchObject({ pending: declared.body.replaced ? 2 : 1, conflicts: 1 });
    // The officer sees who conflicts with which application and why, not only a count.
    const conflicts = await officer.get(`/api/v1/calls/${call.id}/review-conflicts`).expect(200);
    expect(conflicts.body.items).toEqual(expect.arrayContaining([
      expect.objectContaining({ membershipId: reviewers[holder].memberId, applicationId: appB.id, referenceNo: appB.referenceNo, organisationId: b.organisationId, kind: 'declared', reason: '曾为该机构提供督导' }),
      expect.objectContaining({ membershipId: linked.memberId, applicationId: appA.id, organisationId: a.organisationId, kind: 'staff', reason: null, declaredAt: null }),
    ]));
    expect(conflicts.body.items).toHaveLength(2);
    await reviewers[holder].get(`/api/v1/calls/${call.id}/review-conflicts`).expect(403);

    // Applicants read neither others' applications nor any score.
    await a.admin.get(`/api/v1/applications/${appB.id}`).expect(404);
    await a.admin.get(`/api/v1/calls/${call.id}/ranking`).expect(403);
    await a.admin.get(`/api/v1/reviews/assignments/${assignment.id}`).expect(403);
    const listed = await a.admin.get(`/api/v1/applications?callId=${call.id}`).expect(200);
    expect(listed.body.items.map((x: { id: string }) => x.id)).toEqual([appA.id]);

    // After the review deadline nothing can be scored.
    clockOf(t).set(new Date(new Date(call.reviewBy).getTime() + 1000));
    const mine = all[other >= 0 ? other : 0].body.items[0];
    const reviewer = reviewers[other >= 0 ? other : 0];
    const late = await put(t, reviewer, `/api/v1/reviews/assignments/${mine.id}/scores`, { version: 1, scores: [{ code: 'need', score: 9 }] }).expect(409);
    expect(late.body.code).toBe('REVIEW_DEADLINE_PASSED');
  });

  it('the call list searches titles case-insensitively, with LIKE wildcards as plain text and a NUL byte refused', async () => {
    const d = await openDistrict(t);
    const { officer } = await venturePeople(t, d, 0);
    const now = clockOf(t).now();
    for (const title of ['2026年Elder Care创投', '儿童之家100%覆盖计划', '社区治理微创投']) await officer.post('/api/v1/calls', callBody(now, { title })).expect(201);
    const titles = async (q: string) => (await officer.get(`/api/v1/calls?q=${encodeURIComponent(q)}`).expect(200)).body.items.map((c: { title: string }) => c.title);
    expect(await titles('elder care')).toEqual(['2026年Elder Care创投']);
    expect(await titles('创投')).toEqual(expect.arrayContaining(['2026年Elder Care创投', '社区治理微创投']));
    expect(await titles('创投')).toHaveLength(2);
    expect(await titles('0%')).toEqual(['儿童之家100%覆盖计划']);
    expect(await titles('_')).toEqual([]);
    const nul = await officer.get('/api/v1/calls?q=a%00').expect(400);
    expect(nul.body.code).toBe('INVALID_CHARACTERS');
  });

  it('a person of another district finds none of it (404)', async () => {
    const d = await openDistrict(t);
    const { communityId, officer } = await venturePeople(t, d, 0);
    const call = await publishedCall(t, d, officer);
    const a = await applicantOrganisation(t, d);
    const app = await submitApplication(a.admin, call.id, communityId);
    const other = await openDistrict(t);
    const stranger = await addMember(t, other, ['programme_officer']);
    expect((await stranger.get(`/api/v1/calls/${call.id}`).expect(404)).body.code).toBe('CALL_NOT_FOUND');
    await stranger.get(`/api/v1/applications/${app.id}`).expect(404);
    await stranger.post(`/api/v1/applications/${app.id}/screening`, { version: app.version, decision: 'pass', reason: '越权操作' }).expect(404);
    await stranger.post(`/api/v1/calls/${call.id}/award`, { version: 1 }).expect(404);
    await stranger.get(`/api/v1/calls/${call.id}/ranking`).expect(404);
    await t.http.get(`/api/v1/public/districts/${other.code}/calls/${call.id}`).expect(404);
    await t.http.post(`/api/v1/public/districts/${other.code}/calls/${call.id}/objections`).send({ name: '路人', contact: '13900000000', content: '跨区县提出异议' }).expect(404);
    expect((await stranger.get('/api/v1/applications').expect(200)).body.total).toBe(0);
    // A draft call is not on the portal, nor readable by organisations.
    const draft = await officer.post('/api/v1/calls', callBody(clockOf(t).now())).expect(201);
    await t.http.get(`/api/v1/public/districts/${d.code}/calls/${draft.body.id}`).expect(404);
    await a.admin.get(`/api/v1/calls/${draft.body.id}`).expect(404);
    // Bad settings are 400 with every problem listed, never a 500.
    const bad = await officer.post('/api/v1/calls', callBody(clockOf(t).now(), {
      minAmountFen: '30000000', rubric: { scoreMin: 0, scoreMax: 10, criteria: [{ code: 'x', name: 'x', weight: 60 }] }, closesAt: new Date(Date.now() - 2 * DAY).toISOString(),
    })).expect(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['closesAt', 'minAmountFen', 'rubric.criteria']);
  });
});
