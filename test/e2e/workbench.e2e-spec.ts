import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { CallClosingScheduler } from '../../src/modules/calls/call-closing.scheduler';
import { DAY, applicantOrganisation, callBody, clockOf, put, scoreAll, submitApplication, venturePeople, applicationContent } from '../support/calls';
import { TINY_PDF, organisationForm, organisationMember, uploadDocument } from '../support/organisations';
import { fundedProject, projectWorld } from '../support/projects';
import { residentId } from '../support/casework';
import { District, Session, TestApp, addMember, openDistrict, startTestApp } from '../support/test-app';

jest.setTimeout(120_000);

interface Item { kind: string; id: string; title: string; reference: string | null; dueAt: string | null; overdue: boolean; path: string; detail: { zh: string; en: string } | null }
interface Workbench { items: Item[]; counts: Record<string, number>; generatedAt: string }

async function bench(s: Session): Promise<Workbench> {
  const res = await s.get('/api/v1/workbench');
  if (res.status !== 200) throw new Error(`workbench: ${res.status} ${JSON.stringify(res.body)}`);
  const body: Workbench = res.body;
  // Every answer, whoever asks: dated items first in due order, undated last; never more than 50 of a kind, and
  // never an item of a kind the counts leave out.
  const dues = body.items.map((i) => i.dueAt);
  const firstUndated = dues.indexOf(null);
  if (firstUndated >= 0) expect(dues.slice(firstUndated).every((x) => x === null)).toBe(true);
  const dated = dues.filter((x): x is string => x !== null);
  expect(dated).toEqual([...dated].sort());
  for (const kind of new Set(body.items.map((i) => i.kind))) {
    const n = body.items.filter((i) => i.kind === kind).length;
    expect(n).toBeLessThanOrEqual(Math.min(50, body.counts[kind]));
  }
  return body;
}
const of = (w: Workbench, kind: string) => w.items.filter((i) => i.kind === kind);

/** A registry record the district admin filled in and submitted for verification (not verified yet). */
async function submittedOrganisation(t: TestApp, d: District, name: string): Promise<string> {
  const created = await d.admin.post('/api/v1/organisations', organisationForm({ name })).expect(201);
  const id: string = created.body.organisation.id;
  for (const kind of ['registration_certificate', 'charter']) await uploadDocument(t, d.admin, id, kind, TINY_PDF).expect(201);
  await d.admin.post(`/api/v1/organisations/${id}/submit`, { version: created.body.organisation.version }).expect(200);
  return id;
}

describe('the workbench: what is waiting for each person', () => {
  let t: TestApp;
  beforeAll(async () => { t = await startTestApp(); });
  afterAll(async () => { clockOf(t).set(undefined); await t.close(); });

  it('along a venture call, each person sees exactly their own work, it disappears once done, and overdue follows the clock', async () => {
    const clock = clockOf(t);
    const start = new Date('2026-05-06T02:00:00Z'); // Wednesday 6 May 2026, 10:00 in Beijing
    clock.set(start);
    const d = await openDistrict(t);
    const { communityId, officer, reviewers } = await venturePeople(t, d, 2);
    const finance = await addMember(t, d, ['finance_officer'], { name: '陈会计' });
    const draft = await officer.post('/api/v1/calls', callBody(start, { communityIds: [communityId], reviewersPerApplication: 2 })).expect(201);
    // The officer drafts and the district admin publishes: the draft waits on the admin's workbench, due when it opens.
    expect(of(await bench(d.admin), 'call_to_publish')).toEqual([expect.objectContaining({
      id: draft.body.id, title: draft.body.title, path: `/calls/${draft.body.id}`, dueAt: draft.body.opensAt })]);
    expect((await bench(officer)).counts.call_to_publish).toBeUndefined();
    const call = (await d.admin.post(`/api/v1/calls/${draft.body.id}/publish`, { version: draft.body.version }).expect(200)).body;
    expect((await bench(d.admin)).counts.call_to_publish).toBe(0);
    const a = await applicantOrganisation(t, d, '晋阳社会工作服务中心');
    const b = await applicantOrganisation(t, d, '玉林社区发展协会');
    const staffA = await organisationMember(t, d, a.organisationId, ['org_staff'], { name: '孙干事' });

    // A's draft on a call closing in two days is waiting for A's people, not for B, and not for the officer.
    const started = await a.admin.post(`/api/v1/calls/${call.id}/applications`, applicationContent(communityId, '18000000', '银龄互助')).expect(201);
    for (const s of [a.admin, staffA]) {
      expect(of(await bench(s), 'application_to_submit')).toEqual([{
        kind: 'application_to_submit', id: started.body.id, title: '银龄互助', reference: null, dueAt: call.closesAt, overdue: false,
        path: `/applications/${started.body.id}`, detail: { zh: '草稿', en: 'Draft' },
      }]);
    }
    expect((await bench(b.admin)).counts).toEqual({ application_to_submit: 0, report_to_submit: 0, award_to_accept: 0 });
    expect((await bench(staffA)).counts).toEqual({ application_to_submit: 1, report_to_submit: 0 });
    expect((await bench(officer)).counts.application_to_screen).toBe(0);

    // Submitted: off the applicant's list, onto the screeners' (officer and admin), due by the review deadline.
    const subA = (await a.admin.post(`/api/v1/applications/${started.body.id}/submit`, { version: started.body.version }).set('Idempotency-Key', randomUUID()).expect(200)).body;
    const subB = await submitApplication(b.admin, call.id, communityId, { requestedFen: '15000000', title: '一老一小共融空间' });
    expect((await bench(a.admin)).counts.application_to_submit).toBe(0);
    for (const s of [officer, d.admin]) {
      const w = await bench(s);
      expect(w.counts.application_to_screen).toBe(2);
      expect(of(w, 'application_to_screen').map((i) => [i.reference, i.dueAt, i.overdue, i.path]).sort()).toEqual([
        [subA.referenceNo, call.reviewBy, false, `/applications/${subA.id}`], [subB.referenceNo, call.reviewBy, false, `/applications/${subB.id}`],
      ].sort());
    }
    const financeView = await bench(finance);
    expect(financeView.counts).toEqual({ closure_ready: 0, tranche_to_release: 0 });
    expect(financeView.items).toEqual([]);
    for (const app of [subA, subB]) {
      await officer.post(`/api/v1/applications/${app.id}/screening`, { version: app.version, decision: 'pass', reason: '材料齐全' }).expect(200);
    }
    expect((await bench(officer)).counts.application_to_screen).toBe(0);

    // Review: each reviewer sees their own two assignments, due by the review deadline; overdue once it has passed.
    clock.set(new Date(new Date(call.closesAt).getTime() + 60_000));
    await t.app.get(CallClosingScheduler).tick();
    await officer.post(`/api/v1/calls/${call.id}/reviewers`, { membershipIds: reviewers.map((r) => r.memberId) }).expect(200);
    await officer.post(`/api/v1/calls/${call.id}/review-assignments`).expect(200);
    const mine = (await reviewers[0].get('/api/v1/reviews/assignments').expect(200)).body.items.map((x: { id: string }) => x.id).sort();
    const theirs = (await reviewers[1].get('/api/v1/reviews/assignments').expect(200)).body.items.map((x: { id: string }) => x.id).sort();
    const r0 = await bench(reviewers[0]);
    expect(r0.counts).toEqual({ review_to_score: 2 });
    expect(of(r0, 'review_to_score').map((i) => i.id).sort()).toEqual(mine);
    expect(of(r0, 'review_to_score').every((i) => i.dueAt === call.reviewBy && !i.overdue && i.path === `/reviews/${i.id}`)).toBe(true);
    expect(of(await bench(reviewers[1]), 'review_to_score').map((i) => i.id).sort()).toEqual(theirs);
    clock.set(new Date(new Date(call.reviewBy).getTime() + 1000));
    expect(of(await bench(reviewers[0]), 'review_to_score').map((i) => i.overdue)).toEqual([true, true]);
    clock.set(new Date(new Date(call.reviewBy).getTime() - DAY));
    await scoreAll(t, reviewers[0], () => [8, 8, 8]);
    expect((await bench(reviewers[0])).counts).toEqual({ review_to_score: 0 });
    expect((await bench(reviewers[1])).counts).toEqual({ review_to_score: 2 });
    await scoreAll(t, reviewers[1], () => [7, 7, 7]);

    // Notice: five working days from Monday 18 May end with Monday 25 May. Not "ending" on the 18th; ending from
    // Thursday 21st (three working days ahead); overdue once over and not awarded.
    const callNow = (await officer.get(`/api/v1/calls/${call.id}`).expect(200)).body;
    const selection = await put(t, officer, `/api/v1/calls/${call.id}/selection`, {
      version: callNow.version, items: [{ applicationId: subA.id, amountFen: '18000000' }, { applicationId: subB.id, amountFen: '15000000' }],
    }).expect(200);
    clock.set(new Date('2026-05-18T02:00:00Z'));
    const notice = (await officer.post(`/api/v1/calls/${call.id}/notice`, { version: selection.body.version }).expect(200)).body;
    expect(notice.noticeEndsAt).toBe('2026-05-25T16:00:00.000Z');
    expect((await bench(officer)).counts.notice_ending).toBe(0);
    clock.set(new Date('2026-05-19T02:00:00Z')); // Tuesday: three working days ahead is Friday 22nd, not yet
    expect((await bench(officer)).counts.notice_ending).toBe(0);
    clock.set(new Date('2026-05-21T02:00:00Z'));
    expect(of(await bench(officer), 'notice_ending')).toEqual([{
      kind: 'notice_ending', id: call.id, title: call.title, reference: null, dueAt: '2026-05-25T16:00:00.000Z', overdue: false, path: `/calls/${call.id}`, detail: null,
    }]);
    expect(of(await bench(d.admin), 'notice_ending')).toHaveLength(1);

    // An objection from the public waits for an answer from the officials, and goes once answered.
    const objection = await t.http.post(`/api/v1/public/districts/${d.code}/calls/${call.id}/objections`)
      .send({ name: '王女士', contact: '13912345678', content: '该机构去年项目执行情况不佳，请核实。', applicationId: subB.id }).expect(201);
    const withObjection = await bench(officer);
    expect(of(withObjection, 'objection_to_answer')).toMatchObject([{ id: objection.body.id, title: call.title, path: `/calls/${call.id}`, overdue: false }]);
    expect(JSON.stringify(withObjection)).not.toContain('13912345678');
    await officer.post(`/api/v1/calls/${call.id}/objections/${objection.body.id}/answer`, { answer: '经核实，该机构去年结项评估为良好。' }).expect(200);
    expect((await bench(officer)).counts.objection_to_answer).toBe(0);

    clock.set(new Date('2026-05-26T01:00:00Z'));
    expect(of(await bench(officer), 'notice_ending').map((i) => i.overdue)).toEqual([true]);

    // Award: off the officer's list; each organisation's admin sees only its own award to accept (staff do not).
    const inNotice = (await officer.get(`/api/v1/calls/${call.id}`).expect(200)).body;
    const awarded = (await officer.post(`/api/v1/calls/${call.id}/award`, { version: inNotice.version }).expect(200)).body;
    expect((await bench(officer)).counts.notice_ending).toBe(0);
    const awardOf = (appId: string) => awarded.awards.find((x: { applicationId: string }) => x.applicationId === appId);
    expect(of(await bench(a.admin), 'award_to_accept')).toEqual([{
      kind: 'award_to_accept', id: awardOf(subA.id).id, title: '银龄互助', reference: awardOf(subA.id).referenceNo, dueAt: null, overdue: false,
      path: `/applications/${subA.id}`, detail: null,
    }]);
    expect(of(await bench(b.admin), 'award_to_accept').map((i) => i.id)).toEqual([awardOf(subB.id).id]);
    expect((await bench(staffA)).counts.award_to_accept).toBeUndefined();
    await a.admin.post(`/api/v1/awards/${awardOf(subA.id).id}/agreement/accept`).expect(200);
    expect((await bench(a.admin)).counts.award_to_accept).toBe(0);
    expect((await bench(b.admin)).counts.award_to_accept).toBe(1);
  });

  it('along a project, finance, the officer, the evaluator and the organisation each see their part, and a report turns overdue with the clock', async () => {
    const clock = clockOf(t);
    clock.set(new Date('2027-01-10T02:00:00Z'));
    const w = await projectWorld(t);
    const { id, detail } = await fundedProject(t, w);

    // Tranche 1 waits for the agreement: nothing for finance yet; after signing it is ready, and only finance sees it.
    expect((await bench(w.finance)).counts.tranche_to_release).toBe(0);
    await w.officer.post(`/api/v1/projects/${id}/agreement`, { signedOn: '2027-01-05', version: detail.version }).expect(200);
    const t1 = detail.tranches[0];
    const fin = await bench(w.finance);
    expect(of(fin, 'tranche_to_release')).toEqual([{
      kind: 'tranche_to_release', id: t1.id, title: detail.title, reference: detail.referenceNo, dueAt: null, overdue: false, path: `/finance/tranches?ready=true&projectId=${id}`,
      detail: { zh: `第1期 ${t1.name}（50000.00 元）`, en: `Tranche 1: ${t1.name} (50000.00 yuan)` },
    }]);
    expect((await bench(w.officer)).counts.tranche_to_release).toBeUndefined();
    expect((await bench(w.orgAdminA)).counts.tranche_to_release).toBeUndefined();
    await w.finance.post(`/api/v1/projects/${id}/tranches/${t1.id}/release`).set('Idempotency-Key', randomUUID()).expect(200);
    // Tranche 2 needs a mid-term evaluation and an approved interim report: not ready.
    expect((await bench(w.finance)).counts.tranche_to_release).toBe(0);

    // The evaluator, once assigned, has the mid-term evaluation due by the middle of the project; the other has nothing.
    expect((await bench(w.evaluator)).counts).toEqual({ evaluation_due: 0 });
    await w.officer.post(`/api/v1/projects/${id}/evaluation-assignments`, { evaluatorMembershipId: w.evaluator.memberId }).expect(201);
    const ev = of(await bench(w.evaluator), 'evaluation_due');
    expect(ev).toEqual([{
      kind: 'evaluation_due', id, title: detail.title, reference: detail.referenceNo, dueAt: '2027-07-02T16:00:00.000Z', overdue: false,
      path: `/projects/${id}`, detail: { zh: '中期评估', en: 'mid-term evaluation' },
    }]);
    expect((await bench(w.otherEvaluator)).counts).toEqual({ evaluation_due: 0 });

    // January's monthly report (due 10 February): not on the organisation's list a month ahead; shown in the two
    // weeks before, overdue from the midnight after its due day in Beijing.
    const january = detail.reports.find((r: { kind: string; periodStart: string }) => r.kind === 'monthly' && r.periodStart === '2027-01-01');
    expect(january.dueOn).toBe('2027-02-10');
    expect((await bench(w.orgAdminA)).counts.report_to_submit).toBe(0);
    const dueEnd = new Date('2027-02-10T16:00:00Z').getTime();
    clock.set(new Date(dueEnd - 5 * DAY));
    expect(of(await bench(w.orgAdminA), 'report_to_submit')).toEqual([{
      kind: 'report_to_submit', id: january.id, title: detail.title, reference: detail.referenceNo, dueAt: '2027-02-10T16:00:00.000Z', overdue: false,
      path: `/project-reports/${january.id}`, detail: { zh: '月报（2027-01-01 至 2027-01-31）', en: 'monthly report (2027-01-01 to 2027-01-31)' },
    }]);
    expect((await bench(w.orgAdminB)).counts.report_to_submit).toBe(0);
    expect((await bench(w.officer)).counts.report_overdue).toBe(0);
    clock.set(new Date(dueEnd - 1000));
    expect(of(await bench(w.orgAdminA), 'report_to_submit').map((i) => i.overdue)).toEqual([false]);
    clock.set(new Date(dueEnd));
    expect(of(await bench(w.orgAdminA), 'report_to_submit').map((i) => [i.id, i.overdue])).toEqual([[january.id, true]]);
    expect(of(await bench(w.officer), 'report_overdue')).toEqual([expect.objectContaining({ id: january.id, overdue: true })]);
    expect((await bench(w.orgAdminB)).counts.report_to_submit).toBe(0);

    // Submitted: off the organisation's and the overdue list, onto the officer's approvals; approved: gone.
    const lines = Object.fromEntries(detail.plan.budgetLines.map((l: { code: string; id: string }) => [l.code, l.id]));
    const indicator = detail.plan.indicators.find((i: { code: string }) => i.code === 'visits').id;
    const fillAndSubmit = async (reportId: string, extra: Record<string, unknown> = {}) => {
      let r = (await w.orgAdminA.get(`/api/v1/project-reports/${reportId}`).expect(200)).body;
      r = (await w.orgAdminA.patch(`/api/v1/project-reports/${reportId}`, {
        narrative: '本期完成入户探访', spending: [{ budgetLineId: lines.staff, amountFen: '1000000' }], indicatorValues: [{ indicatorId: indicator, value: 100 }], version: r.version, ...extra,
      }).expect(200)).body;
      await t.http.post('/api/v1/attachments').set('Authorization', `Bearer ${w.orgAdminA.accessToken}`)
        .field('ownerType', 'project_report').field('ownerId', reportId).field('kind', 'receipt')
        .attach('file', TINY_PDF, { filename: '发票.pdf', contentType: 'application/pdf' }).expect(201);
      return (await w.orgAdminA.post(`/api/v1/project-reports/${reportId}/submit`, { version: r.version }).expect(200)).body;
    };
    const submitted = await fillAndSubmit(january.id);
    expect((await bench(w.orgAdminA)).counts.report_to_submit).toBe(0);
    const officerView = await bench(w.officer);
    expect(officerView.counts.report_overdue).toBe(0);
    expect(of(officerView, 'report_to_approve')).toEqual([expect.objectContaining({ id: january.id, path: `/project-reports/${january.id}`, dueAt: null })]);
    await w.officer.post(`/api/v1/project-reports/${january.id}/approve`, { version: submitted.version }).expect(200);
    expect((await bench(w.officer)).counts.report_to_approve).toBe(0);

    // The interim report approved early: tranche 2 still waits for the mid-term evaluation.
    const interim = detail.reports.find((r: { kind: string }) => r.kind === 'interim');
    const interimIn = await fillAndSubmit(interim.id);
    await w.officer.post(`/api/v1/project-reports/${interim.id}/approve`, { version: interimIn.version }).expect(200);
    expect((await bench(w.finance)).counts.tranche_to_release).toBe(0);

    // Mid-term evaluation recorded after the first half: the evaluator's item moves on to the final one; tranche 2 becomes ready.
    clock.set(new Date('2027-07-10T02:00:00Z'));
    await w.evaluator.post(`/api/v1/projects/${id}/evaluations`, { stage: 'midterm', score: 85, grade: 'good', findings: '服务记录完整', evaluatedOn: '2027-07-05' }).expect(201);
    expect(of(await bench(w.evaluator), 'evaluation_due')).toEqual([expect.objectContaining({ id, dueAt: '2027-12-31T16:00:00.000Z', detail: { zh: '结项评估', en: 'final evaluation' } })]);
    expect(of(await bench(w.finance), 'tranche_to_release').map((i) => i.id)).toEqual([detail.tranches[1].id]);

    // A change needing approval waits for the programme officer only.
    const ext = (await w.orgAdminA.post(`/api/v1/projects/${id}/changes`, { kind: 'extension', reason: '疫情影响延期', newEndsOn: '2028-01-31' }).expect(201)).body;
    expect(of(await bench(w.officer), 'change_to_approve')).toEqual([expect.objectContaining({ id: ext.id, path: `/projects/${id}`, detail: { zh: '项目延期', en: 'extension' } })]);
    expect((await bench(w.d.admin)).counts.change_to_approve).toBeUndefined();
    await w.officer.post(`/api/v1/projects/${id}/changes/${ext.id}/approve`, { version: ext.version }).expect(200);
    expect((await bench(w.officer)).counts.change_to_approve).toBe(0);

    // Final report approved and final evaluation recorded: ready to close, for finance (who closes) and the officer.
    const final = detail.reports.find((r: { kind: string }) => r.kind === 'final');
    const finalIn = await fillAndSubmit(final.id, { milestoneStatuses: detail.plan.milestones.map((m: { id: string }) => ({ milestoneId: m.id, status: 'done' })) });
    await w.officer.post(`/api/v1/project-reports/${final.id}/approve`, { version: finalIn.version }).expect(200);
    expect((await bench(w.finance)).counts.closure_ready).toBe(0);
    // The final evaluation looks back on the whole (extended) project: it is dated after the end, and so is closure.
    clock.set(new Date('2028-02-15T02:00:00Z'));
    await w.evaluator.post(`/api/v1/projects/${id}/evaluations`, { stage: 'final', score: 80, grade: 'good', findings: '达成目标', evaluatedOn: '2028-02-10' }).expect(201);
    expect((await bench(w.evaluator)).counts.evaluation_due).toBe(0);
    for (const s of [w.finance, w.officer]) {
      expect(of(await bench(s), 'closure_ready')).toEqual([expect.objectContaining({ id, path: `/projects/${id}`, reference: detail.referenceNo })]);
    }
    expect((await bench(w.orgAdminA)).counts.closure_ready).toBeUndefined();
    const p = (await w.officer.get(`/api/v1/projects/${id}`).expect(200)).body;
    await w.finance.post(`/api/v1/projects/${id}/close`, { version: p.version }).set('Idempotency-Key', randomUUID()).expect(200);
    const afterClose = await bench(w.finance);
    expect(afterClose.counts).toEqual({ closure_ready: 0, tranche_to_release: 0 });
  });

  it('the registry and the district: records to verify, qualifications to review and invitations pending, never another district\'s', async () => {
    const clock = clockOf(t);
    clock.set(undefined);
    const d1 = await openDistrict(t);
    const d2 = await openDistrict(t);
    const org1 = await submittedOrganisation(t, d1, '一区待核实社工中心');
    const org2 = await submittedOrganisation(t, d2, '二区待核实社工中心');
    const w1 = await bench(d1.admin);
    expect(of(w1, 'organisation_to_verify')).toEqual([expect.objectContaining({ id: org1, title: '一区待核实社工中心', path: `/organisations/${org1}`, dueAt: null, overdue: false })]);
    expect(of(await bench(d2.admin), 'organisation_to_verify').map((i) => i.id)).toEqual([org2]);

    // Verified: gone. Its admin applies for a qualification: the district reviews it.
    const current = (await d1.admin.get(`/api/v1/organisations/${org1}`).expect(200)).body;
    await d1.admin.post(`/api/v1/organisations/${org1}/verify`, { version: current.version }).expect(200);
    expect((await bench(d1.admin)).counts.organisation_to_verify).toBe(0);
    const orgAdmin = await organisationMember(t, d1, org1, ['org_admin']);
    const applied = (await orgAdmin.post(`/api/v1/organisations/${org1}/qualifications`, { serviceAreas: ['elderly'] }).expect(201)).body;
    expect(of(await bench(d1.admin), 'qualification_to_review')).toEqual([expect.objectContaining({ id: applied.id, path: `/organisations/${org1}` })]);
    expect((await bench(d2.admin)).counts.qualification_to_review).toBe(0);
    expect((await bench(orgAdmin)).counts.qualification_to_review).toBeUndefined();
    await d1.admin.post(`/api/v1/organisation-qualifications/${applied.id}/approve`, { version: applied.version }).expect(200);
    expect((await bench(d1.admin)).counts.qualification_to_review).toBe(0);

    // An invitation not accepted yet waits for the district admin, overdue once it expires.
    const invited = await d1.admin.post('/api/v1/members/invitations', { name: '待接受成员', phone: `1390000${String(Math.floor(Math.random() * 1e4)).padStart(4, '0')}`, roles: ['reviewer'] }).expect(201);
    const pending = of(await bench(d1.admin), 'invitation_pending');
    expect(pending).toEqual([expect.objectContaining({ id: invited.body.member.id, title: '待接受成员', path: '/settings/members', overdue: false })]);
    expect(new Date(pending[0].dueAt!).getTime()).toBe(new Date(invited.body.invitation.expiresAt).getTime());
    expect((await bench(d2.admin)).counts.invitation_pending).toBe(0);
    clock.set(new Date(new Date(invited.body.invitation.expiresAt).getTime() + 1000));
    expect(of(await bench(d1.admin), 'invitation_pending').map((i) => i.overdue)).toEqual([true]);
    clock.set(undefined);

    // At most 50 items of a kind travel; the count says how many there are.
    for (let i = 0; i < 51; i++) {
      await d2.admin.post('/api/v1/members/invitations', { name: `成员${i}`, phone: `1380${String(i).padStart(3, '0')}${String(Math.floor(Math.random() * 1e4)).padStart(4, '0')}`, roles: ['reviewer'] }).expect(201);
    }
    const many = await bench(d2.admin);
    expect(many.counts.invitation_pending).toBe(51);
    const listed = of(many, 'invitation_pending');
    expect(listed).toHaveLength(50);
    expect(listed.map((i) => i.dueAt)).toEqual(listed.map((i) => i.dueAt).sort());

    // A role with nothing to do here gets an empty workbench, not an error; no sign-in is 401.
    const street = await d1.admin.post('/api/v1/places', { parentId: d1.rootPlaceId, kind: 'street', name: '玉林街道' }).expect(201);
    const place = await d1.admin.post('/api/v1/places', { parentId: street.body.id, kind: 'community', name: '玉林北路社区' }).expect(201);
    const community = await addMember(t, d1, ['community_staff'], { placeId: place.body.id });
    expect(await bench(community)).toEqual({ items: [], counts: {}, generatedAt: expect.any(String) });
    await t.http.get('/api/v1/workbench').expect(401);
  });

  it('social work: a worker sees their cases with what is due, overdue once the day has passed; their supervisor the stage gates waiting; officials and other workers neither', async () => {
    const clock = clockOf(t);
    clock.set(new Date('2026-06-01T02:00:00Z')); // Monday 1 June 2026, 10:00 in Beijing
    const w = await projectWorld(t);
    const worker = await addMember(t, w.d, ['social_worker'], { organisationId: w.orgA, name: '吴社工' });
    const colleague = await addMember(t, w.d, ['social_worker'], { organisationId: w.orgA, name: '周社工' });
    const supervisor = await addMember(t, w.d, ['supervisor'], { organisationId: w.orgA, name: '郑督导' });
    await w.orgAdminA.post('/api/v1/casework/supervision/assignments', { supervisorMembershipId: supervisor.memberId, workerMembershipId: worker.memberId }).expect(201);
    const openCase = async (name: string) => {
      const b = await worker.post('/api/v1/casework/beneficiaries', { name, idNumber: residentId(), communityId: w.communityId }).expect(201);
      await worker.post(`/api/v1/casework/beneficiaries/${b.body.beneficiary.id}/consents`, { purpose: 'service', formVersion: '2026版', givenOn: '2026-06-01', givenBy: 'self' }).expect(201);
      return (await worker.post('/api/v1/casework/cases', { beneficiaryId: b.body.beneficiary.id, source: 'outreach', presentingProblem: '独居，需要定期探访' }).expect(201)).body;
    };
    // Opened on 1 June (by the clock, like every date here): the intake decision is due within three days, so late
    // from the start of 5 June in Beijing.
    const intake = await openCase('王阿婆');
    expect(of(await bench(worker), 'case_due')).toEqual([expect.objectContaining({
      id: intake.id, title: '王阿婆', reference: intake.caseNo, path: `/casework/cases/${intake.id}`,
      dueAt: '2026-06-04T16:00:00.000Z', overdue: false, detail: { zh: '接案决定', en: 'Intake decision' },
    })]);
    expect((await bench(colleague)).counts.case_due).toBe(0);
    for (const official of [w.officer, w.d.admin]) expect((await bench(official)).counts.case_due).toBeUndefined();

    // A second case, accepted and its assessment sent for approval: it waits on the supervisor (undated), and the
    // worker has nothing due on it while it does.
    const gated = await openCase('李大爷');
    const accepted = (await worker.post(`/api/v1/casework/cases/${gated.id}/intake/accept`, { version: gated.version }).expect(200)).body;
    await worker.post(`/api/v1/casework/cases/${gated.id}/assessment`, {
      needs: ['情感陪伴'], risks: [{ description: '再次跌倒', level: 'high' }], strengths: ['与邻居关系好'], version: accepted.version,
    }).expect(200);
    expect(of(await bench(supervisor), 'case_to_approve')).toEqual([expect.objectContaining({
      id: gated.id, title: '李大爷', reference: gated.caseNo, path: `/casework/cases/${gated.id}`, dueAt: null,
      detail: { zh: '预估待审批', en: 'Assessment awaiting approval' },
    })]);
    expect(of(await bench(worker), 'case_due').map((i) => i.id)).toEqual([intake.id]);
    expect((await bench(worker)).counts.case_to_approve).toBeUndefined();

    // 5 June, 09:00 in Beijing: the intake decision is late.
    clock.set(new Date('2026-06-05T01:00:00Z'));
    expect(of(await bench(worker), 'case_due')).toEqual([expect.objectContaining({ id: intake.id, overdue: true })]);
    clock.set(undefined);
  });

  it('reads ready tranches with the same number of queries for one project or four (no query per project)', async () => {
    clockOf(t).set(new Date('2027-01-10T02:00:00Z'));
    const w = await projectWorld(t);
    const signed = async () => {
      const { id, detail } = await fundedProject(t, w);
      await w.officer.post(`/api/v1/projects/${id}/agreement`, { signedOn: '2027-01-05', version: detail.version }).expect(200);
    };
    // Only statements that read tranches, so the worker's own polling in the background never counts.
    const trancheQueries = async () => {
      const spy = jest.spyOn(EntityManager.prototype, 'query');
      try {
        const view = await bench(w.finance);
        return { n: spy.mock.calls.filter(([sql]) => String(sql).includes('project_tranches')).length, ready: view.counts.tranche_to_release };
      } finally {
        spy.mockRestore();
      }
    };
    await signed();
    const one = await trancheQueries();
    for (let i = 0; i < 3; i++) await signed();
    const four = await trancheQueries();
    expect(one).toEqual({ n: 2, ready: 1 });
    expect(four).toEqual({ n: 2, ready: 4 });
  });

  it('is described in the OpenAPI document', async () => {
    const doc = (await t.http.get('/api/docs-json').expect(200)).body;
    const op = doc.paths['/api/v1/workbench'].get;
    expect(op.responses['200'].content['application/json'].schema.$ref).toMatch(/WorkbenchDto$/);
    expect(Object.keys(doc.components.schemas.WorkbenchItemDto.properties).sort()).toEqual(['detail', 'dueAt', 'id', 'kind', 'overdue', 'path', 'reference', 'title']);
  });
});
