import { CallClosingScheduler } from '../../src/modules/calls/call-closing.scheduler';
import { TestApp, addMember, eventually, openDistrict, startTestApp } from '../support/test-app';
import { applicantOrganisation, clockOf, publishedCall, put, scoreAll, submitApplication, venturePeople } from '../support/calls';
import { appropriate } from '../support/projects';

/**
 * The hand-off from venture calls, end to end over HTTP: a real call, application, review, notice and award; the
 * organisation accepts the agreement, the calls module raises calls.grant_awarded, and the project appears, funded,
 * with the call's tranche plan — then its first tranche is paid. The award and the project name each other: the award
 * says 'pending' until the worker has made the project, then carries its id; the project carries the award's id.
 */
describe('projects: from a real award', () => {
  let t: TestApp;
  beforeAll(async () => { t = await startTestApp(); });
  afterAll(async () => { clockOf(t).set(undefined); await t.close(); });

  it('an award accepted by the organisation becomes a funded project whose first tranche can be paid', async () => {
    const clock = clockOf(t);
    const start = new Date('2026-05-06T02:00:00Z');
    clock.set(start);
    const d = await openDistrict(t);
    const { communityId, officer, reviewers } = await venturePeople(t, d, 3);
    const finance = await addMember(t, d, ['finance_officer'], { name: '陈会计' });
    await appropriate(finance, '50000000').expect(201);
    const call = await publishedCall(t, d, officer, { communityIds: [communityId], reviewersPerApplication: 3 });
    const a = await applicantOrganisation(t, d, '晋阳社会工作服务中心');
    const app = await submitApplication(a.admin, call.id, communityId, { requestedFen: '18000000' });
    await officer.post(`/api/v1/applications/${app.id}/screening`, { version: app.version, decision: 'pass', reason: '符合条件' }).expect(200);
    clock.set(new Date(new Date(call.closesAt).getTime() + 60_000));
    await t.app.get(CallClosingScheduler).tick();
    await officer.post(`/api/v1/calls/${call.id}/reviewers`, { membershipIds: reviewers.map((r) => r.memberId) }).expect(200);
    await officer.post(`/api/v1/calls/${call.id}/review-assignments`).expect(200);
    for (const r of reviewers) await scoreAll(t, r, () => [8, 8, 8]);
    const c1 = (await officer.get(`/api/v1/calls/${call.id}`).expect(200)).body;
    const sel = await put(t, officer, `/api/v1/calls/${call.id}/selection`, { version: c1.version, items: [{ applicationId: app.id, amountFen: '18000000' }] }).expect(200);
    clock.set(new Date('2026-05-18T02:00:00Z'));
    await officer.post(`/api/v1/calls/${call.id}/notice`, { version: sel.body.version }).expect(200);
    clock.set(new Date('2026-06-30T02:00:00Z'));
    const c2 = (await officer.get(`/api/v1/calls/${call.id}`).expect(200)).body;
    const awarded = await officer.post(`/api/v1/calls/${call.id}/award`, { version: c2.version }).expect(200);
    const award = awarded.body.awards[0];
    expect((await a.admin.get(`/api/v1/awards/${award.id}`).expect(200)).body)
      .toMatchObject({ status: 'offered', project: null, projectStatus: 'awaiting_acceptance', projectPending: false });
    // The project is made by the worker after the outbox relays the event, never in the accepting transaction.
    const accepted = await a.admin.post(`/api/v1/awards/${award.id}/agreement/accept`).expect(200);
    expect(accepted.body).toMatchObject({ status: 'accepted', project: null, projectStatus: 'pending', projectPending: true });

    // Wait for the event's effect as the organisation sees it: its award names the project.
    const linked = await eventually(async () => {
      const body = (await a.admin.get(`/api/v1/awards/${award.id}`).expect(200)).body;
      return body.projectStatus === 'created' ? body : undefined;
    }, 30_000);
    expect(linked).toMatchObject({ status: 'accepted', projectPending: false, project: { id: expect.any(String), status: 'active' } });
    const project = (await officer.get('/api/v1/projects').expect(200)).body.items
      .find((p: { referenceNo: string }) => p.referenceNo === award.referenceNo);
    expect(project.id).toBe(linked.project.id);
    expect((await officer.get(`/api/v1/calls/${call.id}/awards`).expect(200)).body.items)
      .toEqual([expect.objectContaining({ id: award.id, project: linked.project, projectStatus: 'created', projectPending: false })]);
    expect(project).toMatchObject({
      status: 'active', organisation: { id: a.organisationId }, officer: { userId: officer.userId },
      money: { awardedFen: '18000000', releasedFen: '0', remainingFen: '18000000' }, startsOn: '2026-07-01', endsOn: '2027-06-30',
    });
    const detail = (await a.admin.get(`/api/v1/projects/${project.id}`).expect(200)).body;
    expect(detail.award).toEqual({ id: award.id, referenceNo: award.referenceNo });
    expect(detail.tranches.map((x: { percent: number; amountFen: string }) => [x.percent, x.amountFen])).toEqual([[50, '9000000'], [30, '5400000'], [20, '3600000']]);
    expect((await finance.get('/api/v1/funds/programme').expect(200)).body).toMatchObject({ balanceFen: '50000000', reservedFen: '18000000', availableFen: '32000000' });

    await officer.post(`/api/v1/projects/${project.id}/agreement`, { signedOn: '2026-06-30', version: detail.version }).expect(200);
    const paid = await finance.post(`/api/v1/projects/${project.id}/tranches/${detail.tranches[0].id}/release`).set('Idempotency-Key', 'first-tranche').expect(200);
    expect(paid.body).toMatchObject({ amountFen: '9000000', grantAccountBalanceFen: '9000000' });
    expect((await finance.get('/api/v1/funds/programme').expect(200)).body).toMatchObject({ balanceFen: '41000000', reservedFen: '9000000', availableFen: '32000000' });
  });
});
