import { Session, TestApp, addMember, openDistrict, startTestApp } from '../support/test-app';
import { TINY_PDF } from '../support/organisations';
import { Applicant, applicantOrganisation, applicationContent, clockOf, publishedCall, venturePeople } from '../support/calls';

// Several people each activated through a real mail round trip, two calls and a conflict replacement: far over the
// global timeout on a loaded 2-core machine.
jest.setTimeout(300_000);

function upload(t: TestApp, s: Session, applicationId: string, kind: string, filename: string) {
  return t.http.post('/api/v1/attachments').set('Authorization', `Bearer ${s.accessToken}`)
    .field('ownerType', 'application').field('ownerId', applicationId).field('kind', kind)
    .attach('file', TINY_PDF, { filename, contentType: 'application/pdf' });
}

/** Drafts an application with a plan and a registration certificate attached, then submits it. */
async function applyWithFiles(t: TestApp, a: Applicant, callId: string, communityId: string) {
  const draft = await a.admin.post(`/api/v1/calls/${callId}/applications`, applicationContent(communityId)).expect(201);
  const plan = await upload(t, a.admin, draft.body.id, 'proposal', '实施方案.pdf').expect(201);
  const certificate = await upload(t, a.admin, draft.body.id, 'other', '登记证书.pdf').expect(201);
  const submitted = await a.admin.post(`/api/v1/applications/${draft.body.id}/submit`, { version: draft.body.version })
    .set('Idempotency-Key', `files-${draft.body.id}`).expect(200);
  return { app: submitted.body, plan: plan.body.id as string, certificate: certificate.body.id as string };
}

const content = (s: Session, id: string) => s.get(`/api/v1/attachments/${id}/content`);

describe('reviewers read the files they score', () => {
  let t: TestApp;
  beforeAll(async () => { t = await startTestApp(); });
  afterAll(async () => { clockOf(t).set(undefined); await t.close(); });

  it('an assigned reviewer opens the plan; the unassigned, the conflicted and another district get 404; blind calls hide the files that name the applicant', async () => {
    const clock = clockOf(t);
    const start = new Date('2026-05-06T02:00:00Z');
    clock.set(start);
    const d = await openDistrict(t);
    const { communityId, officer, reviewers } = await venturePeople(t, d, 4);
    const blindCall = await publishedCall(t, d, officer, { communityIds: [communityId], reviewersPerApplication: 2, blindReview: true });
    const openCall = await publishedCall(t, d, officer, { communityIds: [communityId], reviewersPerApplication: 1, blindReview: false });
    const a = await applicantOrganisation(t, d, '晋阳社会工作服务中心');
    const blind = await applyWithFiles(t, a, blindCall.id, communityId);
    const open = await applyWithFiles(t, a, openCall.id, communityId);
    for (const x of [blind, open]) {
      await officer.post(`/api/v1/applications/${x.app.id}/screening`, { version: x.app.version, decision: 'pass', reason: '材料齐全' }).expect(200);
    }

    // Both calls close; the blind one gets two of the four reviewers, the open one the second reviewer alone.
    clock.set(new Date(new Date(blindCall.closesAt).getTime() + 60_000));
    await officer.post(`/api/v1/calls/${blindCall.id}/reviewers`, { membershipIds: reviewers.map((r) => r.memberId) }).expect(200);
    await officer.post(`/api/v1/calls/${blindCall.id}/review-assignments`).expect(200);
    const assignmentsOf = async (r: Session) => (await r.get('/api/v1/reviews/assignments').expect(200)).body.items as Array<{ id: string; callId: string }>;
    const onBlind: typeof reviewers = [];
    for (const r of reviewers) if ((await assignmentsOf(r)).some((x) => x.callId === blindCall.id)) onBlind.push(r);
    expect(onBlind).toHaveLength(2);
    const [assigned, conflicted] = onBlind;
    const unassigned = reviewers.filter((r) => !onBlind.includes(r));

    // The assigned reviewer: the plan opens, the registration certificate is as absent as any other file.
    const plan = await content(assigned, blind.plan).buffer(true).parse((res, cb) => {
      const chunks: Buffer[] = [];
      res.on('data', (x: Buffer) => chunks.push(x));
      res.on('end', () => cb(null, Buffer.concat(chunks)));
    }).expect(200);
    expect((plan.body as Buffer).equals(TINY_PDF)).toBe(true);
    const hidden = await content(assigned, blind.certificate).expect(404);
    expect(hidden.body.code).toBe('ATTACHMENT_NOT_FOUND');
    // The listing and the assignment view show only what the reviewer may open.
    const listed = await assigned.get('/api/v1/attachments').query({ ownerType: 'application', ownerId: blind.app.id }).expect(200);
    expect(listed.body.items.map((f: { id: string }) => f.id)).toEqual([blind.plan]);
    const mine = (await assignmentsOf(assigned)).find((x) => x.callId === blindCall.id)!;
    const view = await assigned.get(`/api/v1/reviews/assignments/${mine.id}`).expect(200);
    expect(view.body.application.attachments).toEqual([expect.objectContaining({
      id: blind.plan, kind: 'proposal', filename: '实施方案.pdf', downloadUrl: `/api/v1/attachments/${blind.plan}/content`,
    })]);
    expect(JSON.stringify(view.body)).not.toContain('登记证书');
    // Blind: the applicant's name is left out of the application, not sent empty.
    expect(view.body.application).not.toHaveProperty('organisationName');
    expect(JSON.stringify(view.body)).not.toContain('晋阳社会工作服务中心');

    // A reviewer who declares a conflict is replaced and loses the files with the assignment.
    const conflictedAssignment = (await assignmentsOf(conflicted)).find((x) => x.callId === blindCall.id)!;
    await content(conflicted, blind.plan).expect(200);
    await conflicted.post(`/api/v1/reviews/assignments/${conflictedAssignment.id}/conflict`, { reason: '曾在该机构兼职' }).expect(200);
    expect((await content(conflicted, blind.plan).expect(404)).body.code).toBe('ATTACHMENT_NOT_FOUND');
    const replacement: typeof reviewers = [];
    for (const r of unassigned) if ((await assignmentsOf(r)).some((x) => x.callId === blindCall.id)) replacement.push(r);
    expect(replacement).toHaveLength(1);
    await content(replacement[0], blind.plan).expect(200);
    const stillUnassigned = unassigned.filter((r) => r !== replacement[0]);
    expect(stillUnassigned).toHaveLength(1);
    expect((await content(stillUnassigned[0], blind.plan).expect(404)).body.code).toBe('ATTACHMENT_NOT_FOUND');
    await stillUnassigned[0].get('/api/v1/attachments').query({ ownerType: 'application', ownerId: blind.app.id }).expect(404);

    // A reviewer of another district, whatever their role there, finds nothing.
    const other = await openDistrict(t);
    const stranger = await addMember(t, other, ['reviewer'], { name: '外区专家' });
    expect((await content(stranger, blind.plan).expect(404)).body.code).toBe('ATTACHMENT_NOT_FOUND');

    // Not blind: the reviewer assigned there opens the registration certificate too; on the blind call it stays hidden.
    await officer.post(`/api/v1/calls/${openCall.id}/reviewers`, { membershipIds: [assigned.memberId] }).expect(200);
    await officer.post(`/api/v1/calls/${openCall.id}/review-assignments`).expect(200);
    await content(assigned, open.certificate).expect(200);
    await content(assigned, blind.certificate).expect(404);
    const openAssignment = (await assignmentsOf(assigned)).find((x) => x.callId === openCall.id)!;
    const openView = await assigned.get(`/api/v1/reviews/assignments/${openAssignment.id}`).expect(200);
    expect(openView.body.application.attachments.map((f: { id: string }) => f.id).sort()).toEqual([open.plan, open.certificate].sort());
    expect(openView.body.application.organisationName).toBe('晋阳社会工作服务中心');
  });
});
