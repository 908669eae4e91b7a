import { openDistrict, startTestApp, TestApp } from '../support/test-app';
import { applicantOrganisation, applicationContent, clockOf, publishedCall, venturePeople } from '../support/calls';
import { organisationMember } from '../support/organisations';


describe('drafting an application together, and withdrawing it', () => {
  let t: TestApp;
  beforeAll(async () => { t = await startTestApp(); });
  afterEach(() => clockOf(t).set(undefined));
  afterAll(async () => { await t.close(); });

  it('a colleague invited as co-editor saves the draft; once removed they cannot; someone of another organisation is never an editor', async () => {
    const d = await openDistrict(t);
    const { communityId, officer } = await venturePeople(t, d, 0);
    const call = await publishedCall(t, d, officer);
    const a = await applicantOrganisation(t, d);
    const colleague = await organisationMember(t, d, a.organisationId, ['org_staff'], { name: '共同编辑人' });
    const other = await applicantOrganisation(t, d);
    const draft = await a.admin.post(`/api/v1/calls/${call.id}/applications`, applicationContent(communityId)).expect(201);

    // Before being invited, a colleague of the same organisation reads the draft but may not change it.
    const refused = await colleague.patch(`/api/v1/applications/${draft.body.id}`, { summary: '未受邀的修改', version: draft.body.version }).expect(403);
    expect(refused.body.code).toBe('NOT_AN_EDITOR');

    const added = await a.admin.post(`/api/v1/applications/${draft.body.id}/editors`, { membershipId: colleague.memberId }).expect(200);
    expect(added.body.editors.map((e: { membershipId: string }) => e.membershipId)).toContain(colleague.memberId);
    const saved = await colleague.patch(`/api/v1/applications/${draft.body.id}`, { summary: '共同编辑后的摘要', version: draft.body.version }).expect(200);
    expect(saved.body.summary).toBe('共同编辑后的摘要');
    // The owner's stale copy cannot overwrite the colleague's save.
    const stale = await a.admin.patch(`/api/v1/applications/${draft.body.id}`, { summary: '旧版本', version: draft.body.version }).expect(409);
    expect(stale.body.code).toBe('STALE_VERSION');

    const foreign = await a.admin.post(`/api/v1/applications/${draft.body.id}/editors`, { membershipId: other.admin.memberId }).expect(400);
    expect(foreign.body.code).toBe('EDITOR_NOT_COLLEAGUE');
    await other.admin.get(`/api/v1/applications/${draft.body.id}`).expect(404);

    await t.http.delete(`/api/v1/applications/${draft.body.id}/editors/${colleague.memberId}`).set('Authorization', `Bearer ${a.admin.accessToken}`).expect(200);
    const after = await colleague.patch(`/api/v1/applications/${draft.body.id}`, { summary: '移除后的修改', version: saved.body.version }).expect(403);
    expect(after.body.code).toBe('NOT_AN_EDITOR');
  });

  it('an applicant withdraws a submitted application before the close; not twice, and not after the close', async () => {
    const d = await openDistrict(t);
    const { communityId, officer } = await venturePeople(t, d, 0);
    const call = await publishedCall(t, d, officer);
    const a = await applicantOrganisation(t, d);
    const b = await applicantOrganisation(t, d);

    const draftA = await a.admin.post(`/api/v1/calls/${call.id}/applications`, applicationContent(communityId)).expect(201);
    const submitted = await a.admin.post(`/api/v1/applications/${draftA.body.id}/submit`, { version: draftA.body.version }).set('Idempotency-Key', 'w-a').expect(200);
    expect(submitted.body.status).toBe('submitted');
    const withdrawn = await a.admin.post(`/api/v1/applications/${draftA.body.id}/withdraw`, { version: submitted.body.version, reason: '机构调整，暂不申报' }).expect(200);
    expect(withdrawn.body.status).toBe('withdrawn');
    const again = await a.admin.post(`/api/v1/applications/${draftA.body.id}/withdraw`, { version: withdrawn.body.version }).expect(409);
    expect(again.body.code).toBe('INVALID_STATE_TRANSITION');
    const history = await a.admin.get(`/api/v1/applications/${draftA.body.id}/history`).expect(200);
    expect(history.body.items.map((h: { action: string }) => h.action)).toEqual(expect.arrayContaining(['submit', 'withdraw']));
    expect(history.body.items.find((h: { action: string }) => h.action === 'withdraw').reason).toBe('机构调整，暂不申报');

    const draftB = await b.admin.post(`/api/v1/calls/${call.id}/applications`, applicationContent(communityId)).expect(201);
    const subB = await b.admin.post(`/api/v1/applications/${draftB.body.id}/submit`, { version: draftB.body.version }).set('Idempotency-Key', 'w-b').expect(200);
    // Another organisation cannot withdraw it.
    await a.admin.post(`/api/v1/applications/${draftB.body.id}/withdraw`, { version: subB.body.version }).expect(404);
    clockOf(t).set(new Date(call.closesAt));
    const late = await b.admin.post(`/api/v1/applications/${draftB.body.id}/withdraw`, { version: subB.body.version }).expect(409);
    expect(late.body.code).toBe('CALL_CLOSED');
    expect((await b.admin.get(`/api/v1/applications/${draftB.body.id}`).expect(200)).body.status).toBe('submitted');
  });
});
