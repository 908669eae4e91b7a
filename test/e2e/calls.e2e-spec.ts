import { ownerClient, startTestApp, openDistrict, addMember, eventually, TestApp } from '../support/test-app';
import { DAY, applicantOrganisation, callBody, clockOf, publishedCall, put, scoreAll, submitApplication, venturePeople, applicationContent } from '../support/calls';
import { CallClosingScheduler } from '../../src/modules/calls/call-closing.scheduler';

// One journey through a whole call with about twenty people, each invited and activating through a real mail
// round trip (outbox relay, job, SMTP): well over the global 60 s on a loaded 2-core machine.
jest.setTimeout(180_000);

describe('a venture call from publication to awards', () => {
  let t: TestApp;
  beforeAll(async () => { t = await startTestApp(); });
  afterAll(async () => { clockOf(t).set(undefined); await t.close(); });

  it('three organisations apply, five reviewers score, the notice runs its working days, objections are answered and the grants are awarded', async () => {
    const clock = clockOf(t);
    const start = new Date('2026-05-06T02:00:00Z'); // Wednesday 6 May 2026, 10:00 in Chengdu
    clock.set(start);
    const d = await openDistrict(t);
    const { communityId, officer, reviewers } = await venturePeople(t, d, 5);

    // The officer drafts, the admin publishes; the portal shows the open call.
    const draft = await officer.post('/api/v1/calls', callBody(start, { communityIds: [communityId] })).expect(201);
    expect(draft.body).toMatchObject({ status: 'draft', fundPoolFen: '200000000', acceptingApplications: false });
    await officer.post(`/api/v1/calls/${draft.body.id}/publish`, { version: draft.body.version }).expect(403);
    const call = (await d.admin.post(`/api/v1/calls/${draft.body.id}/publish`, { version: draft.body.version }).expect(200)).body;
    expect(call).toMatchObject({ status: 'published', acceptingApplications: true });
    const portal = await t.http.get(`/api/v1/public/districts/${d.code}/calls`).expect(200);
    expect(portal.body.items.map((c: { id: string }) => c.id)).toEqual([call.id]);
    const publicCall = await t.http.get(`/api/v1/public/districts/${d.code}/calls/${call.id}`).expect(200);
    expect(publicCall.body.form.sections[0].questions).toHaveLength(5);
    expect(JSON.stringify(publicCall.body)).not.toContain('officerUserId');

    // Organisation A drafts, saves twice, invites a colleague who finishes it, and submits with an Idempotency-Key.
    const a = await applicantOrganisation(t, d, '晋阳社会工作服务中心');
    const colleague = await addMember(t, d, ['org_staff'], { organisationId: a.organisationId, name: '孙干事' });
    const started = await a.admin.post(`/api/v1/calls/${call.id}/applications`, { title: '银龄互助' }).expect(201);
    expect(started.body).toMatchObject({ status: 'draft', referenceNo: null, canEdit: true });
    await colleague.patch(`/api/v1/applications/${started.body.id}`, { version: started.body.version, summary: 'x' }).expect(403);
    await a.admin.post(`/api/v1/applications/${started.body.id}/editors`, { membershipId: colleague.memberId }).expect(200);
    const full = applicationContent(communityId, '18000000', '银龄互助·社区长者陪伴计划');
    const saved = await colleague.patch(`/api/v1/applications/${started.body.id}`, { version: started.body.version, ...full }).expect(200);
    const early = await a.admin.post(`/api/v1/applications/${started.body.id}/submit`, { version: saved.body.version })
      .set('Idempotency-Key', 'a-1').expect(200);
    expect(early.body).toMatchObject({ status: 'submitted', referenceNo: 'GYSB-2026-0001' });
    expect(early.body.snapshotSha256).toMatch(/^[0-9a-f]{64}$/);

    const b = await applicantOrganisation(t, d, '玉林社区发展协会');
    const c = await applicantOrganisation(t, d, '簇桥长者服务中心');
    const subB = await submitApplication(b.admin, call.id, communityId, { requestedFen: '20000000', title: '一老一小共融空间' });
    const subC = await submitApplication(c.admin, call.id, communityId, { requestedFen: '15000000', title: '长者健康驿站' });
    expect([subB.referenceNo, subC.referenceNo]).toEqual(['GYSB-2026-0002', 'GYSB-2026-0003']);

    // The submission is acknowledged in the app.
    await eventually(async () => {
      const n = await a.admin.get('/api/v1/notifications').expect(200);
      return n.body.items.find((x: { kind: string }) => x.kind === 'applications.submitted');
    });

    // Screening: automatic checks, then the officer's decisions, visible to the applicant.
    const checks = await officer.get(`/api/v1/applications/${early.body.id}/screening/checks`).expect(200);
    expect(checks.body).toMatchObject({ eligible: true, submittedBeforeClose: true });
    for (const app of [early.body, subB, subC]) {
      await officer.post(`/api/v1/applications/${app.id}/screening`, { version: app.version, decision: 'pass', reason: '材料齐全，符合申报条件' }).expect(200);
    }
    const history = await a.admin.get(`/api/v1/applications/${early.body.id}/history`).expect(200);
    expect(history.body.items.map((h: { action: string }) => h.action)).toEqual(['create', 'submit', 'pass']);
    expect(history.body.items[2].reason).toBe('材料齐全，符合申报条件');

    // The call closes by itself at its closing time: the worker's scheduler closes it once, a second pass does nothing.
    clock.set(new Date(new Date(call.closesAt).getTime() + 60_000));
    const scheduler = t.app.get(CallClosingScheduler);
    expect(await scheduler.tick()).toBe(1);
    expect(await scheduler.tick()).toBe(0);
    expect((await officer.get(`/api/v1/calls/${call.id}`).expect(200)).body.status).toBe('closed');

    // Five reviewers, five per application, assigned automatically; each sees only their own work, blind.
    await officer.post(`/api/v1/calls/${call.id}/reviewers`, { membershipIds: reviewers.map((r) => r.memberId) }).expect(200);
    const assigned = await officer.post(`/api/v1/calls/${call.id}/review-assignments`).expect(200);
    expect(assigned.body).toMatchObject({ created: 15, callStatus: 'reviewing' });
    expect(assigned.body.panel.map((p: { assignments: number }) => p.assignments)).toEqual([3, 3, 3, 3, 3]);
    const mine = await reviewers[0].get('/api/v1/reviews/assignments').expect(200);
    expect(mine.body.items).toHaveLength(3);
    expect(mine.body.items[0].organisationName).toBeUndefined();
    const detail = await reviewers[0].get(`/api/v1/reviews/assignments/${mine.body.items[0].id}`).expect(200);
    expect(detail.body.application.organisation).toBeUndefined();
    expect(JSON.stringify(detail.body)).not.toContain('晋阳社会工作服务中心');
    expect(detail.body.application.title).toBeTruthy();

    // Scores: A best, B second, C weakest; reviewer 5 is harsh and reviewer 1 lenient (dropped as highest/lowest).
    const base: Record<string, [number, number, number]> = { 'GYSB-2026-0001': [9, 8, 8], 'GYSB-2026-0002': [8, 8, 7], 'GYSB-2026-0003': [6, 6, 6] };
    for (let i = 0; i < reviewers.length; i++) {
      const shift = i === 0 ? 1 : i === 4 ? -3 : 0;
      await scoreAll(t, reviewers[i], (ref) => base[ref].map((s) => Math.max(0, Math.min(10, s + shift))) as [number, number, number]);
    }
    const ranking = await officer.get(`/api/v1/calls/${call.id}/ranking`).expect(200);
    // A: totals 94, 84, 84, 84, 54 → drop 94 and 54 → 84. B: 87, 77.0, 77, 77, 47 → 77. C: 70, 60, 60, 60, 30 → 60.
    expect(ranking.body.items.map((r: { referenceNo: string; score: number; reviewCount: number; highestAndLowestDropped: boolean }) =>
      [r.referenceNo, r.score, r.reviewCount, r.highestAndLowestDropped])).toEqual([
      ['GYSB-2026-0001', 84, 5, true], ['GYSB-2026-0002', 77, 5, true], ['GYSB-2026-0003', 60, 5, true],
    ]);
    expect(ranking.body.items.map((r: { proposed: boolean }) => r.proposed)).toEqual([true, true, true]);
    expect(ranking.body).toMatchObject({ reviewFinished: true, proposedTotalFen: '53000000' });

    // The applicant sees no score while the call runs.
    await a.admin.get(`/api/v1/calls/${call.id}/ranking`).expect(403);
    await a.admin.get(`/api/v1/applications/${early.body.id}/result`).expect(409);
    const ownView = await a.admin.get(`/api/v1/applications/${early.body.id}`).expect(200);
    expect(JSON.stringify(ownView.body)).not.toMatch(/score|weightedTotal|reviewer/i);

    // Selection: the officer funds A and B only and trims B's amount, with reasons.
    const callNow = (await officer.get(`/api/v1/calls/${call.id}`).expect(200)).body;
    const noReason = await put(t, officer, `/api/v1/calls/${call.id}/selection`, {
      version: callNow.version, items: [{ applicationId: early.body.id, amountFen: '18000000' }, { applicationId: subB.id, amountFen: '19000000' }],
    }).expect(400);
    expect(noReason.body.errors[0].field).toBe('items[1].reason');
    const selection = await put(t, officer, `/api/v1/calls/${call.id}/selection`, {
      version: callNow.version, reason: '第三名得分刚达合格线，本期优先资助前两名',
      items: [{ applicationId: early.body.id, amountFen: '18000000' }, { applicationId: subB.id, amountFen: '19000000', reason: '宣传费用偏高，核减1万元' }],
    }).expect(200);
    expect(selection.body).toMatchObject({ totalFen: '37000000' });

    // The district marks a holiday; the notice counts five working days around it.
    await put(t, d.admin, '/api/v1/district-holidays/2026-05-22', { kind: 'holiday', name: '区级调休' }).expect(200);
    clock.set(new Date('2026-05-18T02:00:00Z')); // Monday 18 May
    const notice = await officer.post(`/api/v1/calls/${call.id}/notice`, { version: selection.body.version }).expect(200);
    // Tue 19, Wed 20, Thu 21, (Fri 22 holiday), Mon 25, Tue 26 → ends at midnight after Tuesday 26 May, Beijing time.
    expect(notice.body).toMatchObject({ status: 'notice', noticeLastDay: '2026-05-26', noticeEndsAt: '2026-05-26T16:00:00.000Z' });

    // The public reads the notice and objects; the award waits for the period and for the answer.
    const pub = await t.http.get(`/api/v1/public/districts/${d.code}/notices`).expect(200);
    expect(pub.body.items[0].items.map((i: { referenceNo: string; amountFen: string }) => [i.referenceNo, i.amountFen]))
      .toEqual([['GYSB-2026-0001', '18000000'], ['GYSB-2026-0002', '19000000']]);
    const objection = await t.http.post(`/api/v1/public/districts/${d.code}/calls/${call.id}/objections`)
      .send({ name: '王女士', contact: '13912345678', content: '该机构去年项目执行情况不佳，请核实。', applicationId: subB.id }).expect(201);
    expect(JSON.stringify((await t.http.get(`/api/v1/public/districts/${d.code}/calls/${call.id}/notice`).expect(200)).body)).not.toContain('13912345678');
    const callInNotice = (await officer.get(`/api/v1/calls/${call.id}`).expect(200)).body;
    const tooEarly = await officer.post(`/api/v1/calls/${call.id}/award`, { version: callInNotice.version }).expect(409);
    expect(tooEarly.body.code).toBe('NOTICE_PERIOD_RUNNING');
    clock.set(new Date('2026-05-26T16:00:00Z'));
    const unanswered = await officer.post(`/api/v1/calls/${call.id}/award`, { version: callInNotice.version }).expect(409);
    expect(unanswered.body.code).toBe('OBJECTIONS_UNANSWERED');
    const track = (receipt: string) => t.http.get(`/api/v1/public/districts/${d.code}/calls/${call.id}/objections/${objection.body.id}`).query({ receipt });
    expect((await track(objection.body.receiptCode).expect(200)).body).toMatchObject({ status: 'open', answer: null });
    await officer.post(`/api/v1/calls/${call.id}/objections/${objection.body.id}/answer`, { answer: '经核实，该机构去年项目结项评估为良好。' }).expect(200);
    // The person who objected reads the answer with their receipt; a wrong receipt finds nothing, and no contact leaks.
    const tracked = await track(objection.body.receiptCode).expect(200);
    expect(tracked.body).toMatchObject({ status: 'answered', answer: '经核实，该机构去年项目结项评估为良好。' });
    expect(JSON.stringify(tracked.body)).not.toContain('13912345678');
    expect((await track('x'.repeat(43)).expect(404)).body.code).toBe('OBJECTION_NOT_FOUND');
    const publicNotice = await t.http.get(`/api/v1/public/districts/${d.code}/notices`).expect(200);
    expect(publicNotice.body.items.find((n: { callId: string }) => n.callId === call.id).objections).toEqual({ total: 1, answered: 1 });
    const awarded = await officer.post(`/api/v1/calls/${call.id}/award`, { version: callInNotice.version }).expect(200);
    expect(awarded.body.awards.map((x: { referenceNo: string; amountFen: string }) => [x.referenceNo, x.amountFen]))
      .toEqual([['GY-2026-0001', '18000000'], ['GY-2026-0002', '19000000']]);

    // A's admin reads the agreement PDF and accepts it; only then is the grant handed to projects.
    const awardA = awarded.body.awards[0];
    const pdf = await a.admin.get(`/api/v1/awards/${awardA.id}/agreement.pdf`).buffer(true).parse((res, cb) => {
      const chunks: Buffer[] = [];
      res.on('data', (x: Buffer) => chunks.push(x));
      res.on('end', () => cb(null, Buffer.concat(chunks)));
    }).expect(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect((pdf.body as Buffer).subarray(0, 5).toString()).toBe('%PDF-');
    expect((pdf.body as Buffer).includes(Buffer.from('agreement-zh.txt'))).toBe(true);
    await b.admin.post(`/api/v1/awards/${awardA.id}/agreement/accept`).expect(404);
    const db = await ownerClient();
    try {
      const before = await db.query(`SELECT count(*)::int AS n FROM outbox_events WHERE tenant_id = $1 AND type = 'calls.grant_awarded'`, [d.tenantId]);
      expect(before.rows[0].n).toBe(0);
      const accepted = await a.admin.post(`/api/v1/awards/${awardA.id}/agreement/accept`).expect(200);
      expect(accepted.body).toMatchObject({ status: 'accepted' });
      await a.admin.post(`/api/v1/awards/${awardA.id}/agreement/accept`).expect(409);
      const events = await db.query(`SELECT payload FROM outbox_events WHERE tenant_id = $1 AND type = 'calls.grant_awarded'`, [d.tenantId]);
      expect(events.rows).toHaveLength(1);
      expect(events.rows[0].payload).toMatchObject({
        awardId: awardA.id, callId: call.id, referenceNo: 'GY-2026-0001', organisationId: a.organisationId, amountFen: '18000000',
        coFundingFen: '3600000', projectTitle: '银龄互助·社区长者陪伴计划', communityIds: [communityId], serviceAreas: ['elderly'],
        budgetLines: [{ code: 'B01', name: '人员劳务', amountFen: '9000000' }, { code: 'B02', name: '活动物料', amountFen: '9000000' }],
        indicators: [{ code: 'I01', name: '探访人次', unit: '人次', baseline: 0, target: 1200 }],
        tranchePlan: [{ seq: 1, percent: 50 }, { seq: 2, percent: 30 }, { seq: 3, percent: 20 }],
        milestones: [{ name: '完成需求调研', dueOn: '2026-08-31' }], startsOn: '2026-07-01', endsOn: '2027-06-30', officerUserId: officer.userId,
      });
    } finally {
      await db.end();
    }

    // C was not selected: told its score summary, and reads only its own summary — never reviewers or their scores.
    const note = await eventually(async () => {
      const n = await c.admin.get('/api/v1/notifications').expect(200);
      return n.body.items.find((x: { kind: string }) => x.kind === 'calls.application_declined');
    });
    expect(note.bodyZh).toContain('综合得分 60.00');
    const result = await c.admin.get(`/api/v1/applications/${subC.id}/result`).expect(200);
    expect(result.body).toMatchObject({ status: 'declined', score: 60, rank: 3, ranked: 3, reviewCount: 5, award: null });
    expect(JSON.stringify(result.body)).not.toMatch(/reviewer|membership/i);
    await c.admin.get(`/api/v1/applications/${early.body.id}/result`).expect(409);
  });
});
