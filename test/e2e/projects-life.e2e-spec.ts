import { randomUUID } from 'node:crypto';
import { currentContext } from '@sanshe/common';
import { LedgerService } from '@sanshe/ledger';
import { TenantTransactionRunner } from '@sanshe/tenancy';
import { ReportDeadlinesService } from '../../src/modules/project-reports/report-deadlines.service';
import { Session, TestApp, eventually, startTestApp } from '../support/test-app';
import { clockOf } from '../support/calls';
import { TINY_PDF } from '../support/organisations';
import { ProjectWorld, appropriate, awardPayload, fundedProject, projectWorld, publishAward } from '../support/projects';

function uploadReceipt(t: TestApp, s: Session, reportId: string) {
  return t.http.post('/api/v1/attachments').set('Authorization', `Bearer ${s.accessToken}`)
    .field('ownerType', 'project_report').field('ownerId', reportId).field('kind', 'receipt')
    .attach('file', TINY_PDF, { filename: '发票.pdf', contentType: 'application/pdf' });
}

describe('the full life of a project over HTTP', () => {
  let t: TestApp;
  let w: ProjectWorld;

  beforeAll(async () => {
    t = await startTestApp();
    w = await projectWorld(t);
  });
  afterAll(async () => {
    await t.close();
  });
  // Each test stands the business clock where its story happens; the next starts from the machine's clock again.
  afterEach(() => clockOf(t).set(undefined));

  const fund = async () => (await w.finance.get('/api/v1/funds/programme').expect(200)).body;
  const project = async (id: string, s: Session = w.officer) => (await s.get(`/api/v1/projects/${id}`).expect(200)).body;
  async function grantBalance(id: string): Promise<string> {
    return t.app.get(TenantTransactionRunner).run({ tenantId: w.d.tenantId }, async () => {
      const [row] = await currentContext()!.manager!.query(`SELECT a.balance_fen::text AS b FROM projects p JOIN ledger_accounts a ON a.id = p.grant_account_id WHERE p.id = $1`, [id]);
      return row.b;
    });
  }
  async function fillAndSubmit(reportId: string, spending: Array<[string, string]>, lines: Record<string, string>, extra: Record<string, unknown> = {}) {
    let r = (await w.orgAdminA.get(`/api/v1/project-reports/${reportId}`).expect(200)).body;
    r = (await w.orgAdminA.patch(`/api/v1/project-reports/${reportId}`, {
      narrative: '本期完成入户探访与助餐服务', spending: spending.map(([code, amountFen]) => ({ budgetLineId: lines[code], amountFen })), version: r.version, ...extra,
    }).expect(200)).body;
    await uploadReceipt(t, w.orgAdminA, reportId).expect(201);
    return (await w.orgAdminA.post(`/api/v1/project-reports/${reportId}/submit`, { version: r.version }).expect(200)).body;
  }

  it('award → project → first tranche → report → mid-term evaluation → second tranche → changes → final report and evaluation → last tranche → closure with a refund', async () => {
    // Mid-July 2027: the first half of the project (2027) is over, so its reports can be written.
    clockOf(t).set(new Date('2027-07-12T02:00:00Z'));
    // Money in: 财政专项 of 120,000 yuan.
    await appropriate(w.finance, '12000000').expect(201);
    expect(await fund()).toMatchObject({ balanceFen: '12000000', reservedFen: '0', availableFen: '12000000' });

    // Award of 100,000 yuan → project; the award is reserved.
    const payload = awardPayload(w);
    const id = await publishAward(t, w.d.tenantId, payload);
    let p = await project(id);
    expect(p.status).toBe('active');
    expect(await fund()).toMatchObject({ balanceFen: '12000000', reservedFen: '10000000', availableFen: '2000000' });
    const lines: Record<string, string> = Object.fromEntries(p.plan.budgetLines.map((l: { code: string; id: string }) => [l.code, l.id]));
    const [t1, t2, t3] = p.tranches.map((x: { id: string }) => x.id);
    const indicator = p.plan.indicators.find((i: { code: string }) => i.code === 'visits').id;

    // First tranche: refused before the agreement, paid after it.
    expect((await w.finance.post(`/api/v1/projects/${id}/tranches/${t1}/release`).expect(409)).body.detail.unmet.map((c: { type: string }) => c.type)).toEqual(['agreement_signed']);
    await w.officer.post(`/api/v1/projects/${id}/agreement`, { signedOn: '2027-01-05', version: p.version }).expect(200);
    await w.finance.post(`/api/v1/projects/${id}/tranches/${t1}/release`).set('Idempotency-Key', randomUUID()).expect(200);
    expect(await fund()).toMatchObject({ balanceFen: '7000000', reservedFen: '5000000', availableFen: '2000000' });
    expect(await grantBalance(id)).toBe('5000000');
    await eventually(async () => {
      const n = (await w.orgAdminA.get('/api/v1/notifications').expect(200)).body.items;
      return n.find((x: { kind: string; data: { projectId: string } }) => x.kind === 'project.tranche_released' && x.data.projectId === id);
    });

    // Interim report: incomplete is refused, returned once, then approved.
    p = await project(id);
    const interim = p.reports.find((r: { kind: string }) => r.kind === 'interim');
    let r = (await w.orgAdminA.get(`/api/v1/project-reports/${interim.id}`).expect(200)).body;
    const incomplete = await w.orgAdminA.post(`/api/v1/project-reports/${interim.id}/submit`, { version: r.version }).expect(409);
    expect(incomplete.body.code).toBe('REPORT_INCOMPLETE');
    await w.orgAdminB.get(`/api/v1/project-reports/${interim.id}`).expect(404);
    r = await fillAndSubmit(interim.id, [['staff', '2000000'], ['activity', '1500000']], lines, { indicatorValues: [{ indicatorId: indicator, value: 520 }] });
    expect(r.status).toBe('submitted');
    r = (await w.officer.post(`/api/v1/project-reports/${interim.id}/return`, { version: r.version, comment: '请补充活动照片' }).expect(200)).body;
    expect(r).toMatchObject({ status: 'returned', reviewComment: '请补充活动照片' });
    r = (await w.orgAdminA.post(`/api/v1/project-reports/${interim.id}/submit`, { version: r.version }).expect(200)).body;
    r = (await w.officer.post(`/api/v1/project-reports/${interim.id}/approve`, { version: r.version }).expect(200)).body;
    expect(r.status).toBe('approved');
    expect(r.receipts.length).toBe(1);
    p = await project(id);
    expect(p.money).toMatchObject({ awardedFen: '10000000', releasedFen: '5000000', reportedSpentFen: '3500000', remainingFen: '5000000' });
    expect(p.plan.indicators.find((i: { id: string }) => i.id === indicator).reportedValue).toBe(520);

    // Second tranche waits for the mid-term evaluation by the assigned evaluator.
    expect((await w.finance.post(`/api/v1/projects/${id}/tranches/${t2}/release`).expect(409)).body.detail.unmet.map((c: { type: string }) => c.type)).toEqual(['evaluation_passed']);
    const evalBody = { stage: 'midterm', score: 85, grade: 'good', findings: '服务记录完整，满意度高', evaluatedOn: '2027-07-10' };
    expect((await w.evaluator.post(`/api/v1/projects/${id}/evaluations`, evalBody).expect(404)).body.code).toBe('PROJECT_NOT_FOUND');
    await w.officer.post(`/api/v1/projects/${id}/evaluation-assignments`, { evaluatorMembershipId: w.evaluator.memberId }).expect(201);
    await w.evaluator.post(`/api/v1/projects/${id}/evaluations`, evalBody).expect(201);
    expect((await w.evaluator.post(`/api/v1/projects/${id}/evaluations`, evalBody).expect(409)).body.code).toBe('EVALUATION_EXISTS');
    await w.finance.post(`/api/v1/projects/${id}/tranches/${t2}/release`).expect(200);
    expect(await fund()).toMatchObject({ balanceFen: '4000000', reservedFen: '2000000', availableFen: '2000000' });
    expect(await grantBalance(id)).toBe('8000000');

    // Changes: a small reallocation takes effect at once; a large one and an extension wait for the officer.
    const small = (await w.orgAdminA.post(`/api/v1/projects/${id}/changes`, {
      kind: 'reallocation', reason: '管理费节余调入活动费', reallocations: [{ fromBudgetLineId: lines.admin, toBudgetLineId: lines.activity, amountFen: '50000' }],
    }).expect(201)).body;
    expect(small).toMatchObject({ status: 'applied', needsApproval: false, planVersion: 2 });
    const big = (await w.orgAdminA.post(`/api/v1/projects/${id}/changes`, {
      kind: 'reallocation', reason: '场地由社区提供，活动费调入人员费', reallocations: [{ fromBudgetLineId: lines.activity, toBudgetLineId: lines.staff, amountFen: '1000000' }],
    }).expect(201)).body;
    expect(big).toMatchObject({ status: 'pending', needsApproval: true, planVersion: null });
    const ext = (await w.orgAdminA.post(`/api/v1/projects/${id}/changes`, { kind: 'extension', reason: '疫情影响延期', newEndsOn: '2028-01-31' }).expect(201)).body;
    // The detail carries only the kind's own field, as the response schema declares (the page shows what is asked).
    expect(ext.detail).toEqual({ newEndsOn: '2028-01-31' });
    expect((await w.orgAdminA.post(`/api/v1/projects/${id}/changes`, { kind: 'extension', reason: '再次延期', newEndsOn: '2028-02-28' }).expect(409)).body.code).toBe('CHANGE_PENDING');
    expect((await w.orgAdminA.post(`/api/v1/projects/${id}/changes/${big.id}/approve`, { version: big.version }).expect(403)).body.code).toBe('FORBIDDEN_ROLE');
    await w.officer.post(`/api/v1/projects/${id}/changes/${big.id}/approve`, { version: big.version, comment: '同意' }).expect(200);
    await w.officer.post(`/api/v1/projects/${id}/changes/${ext.id}/approve`, { version: ext.version }).expect(200);
    p = await project(id);
    expect(p.endsOn).toBe('2028-01-31');
    expect(p.planVersion).toBe(4);
    expect(Object.fromEntries(p.plan.budgetLines.map((l: { code: string; amountFen: string }) => [l.code, l.amountFen]))).toEqual({ staff: '6000000', activity: '3050000', admin: '950000' });
    const versions = (await w.orgAdminA.get(`/api/v1/projects/${id}/plan-versions`).expect(200)).body.items;
    expect(versions.map((v: { versionNo: number }) => v.versionNo)).toEqual([4, 3, 2, 1]);
    expect(versions[3].plan.budgetLines.find((l: { code: string }) => l.code === 'activity').amountFen).toBe('4000000');
    expect(versions[3].plan.endsOn).toBe('2027-12-31');

    // Closure is refused before the (extended) end date unless it is an early termination ...
    const beforeEnd = await w.finance.post(`/api/v1/projects/${id}/close`, { version: p.version }).expect(409);
    expect(beforeEnd.body).toMatchObject({ code: 'CLOSURE_BEFORE_END', detail: { endsOn: '2028-01-31', today: '2027-07-12' } });
    // ... and after the end, until the final report and evaluation are in.
    clockOf(t).set(new Date('2028-02-25T02:00:00Z'));
    const early = await w.finance.post(`/api/v1/projects/${id}/close`, { version: p.version }).expect(409);
    expect(early.body.detail.unmet.map((u: { code: string }) => u.code)).toEqual(['final_evaluation', 'final_report']);

    // Final report and evaluation, then the last tranche.
    const final = p.reports.find((x: { kind: string }) => x.kind === 'final');
    expect(final.dueOn).toBe('2028-03-01');
    const milestones = p.plan.milestones.map((m: { id: string }) => ({ milestoneId: m.id, status: 'done' }));
    r = await fillAndSubmit(final.id, [['staff', '3000000'], ['activity', '1400000'], ['admin', '500000']], lines, { milestoneStatuses: milestones, indicatorValues: [{ indicatorId: indicator, value: 1250 }] });
    await w.officer.post(`/api/v1/project-reports/${final.id}/approve`, { version: r.version }).expect(200);
    await w.evaluator.post(`/api/v1/projects/${id}/evaluations`, { stage: 'final', score: 78, grade: 'qualified', findings: '基本达成目标', evaluatedOn: '2028-02-20' }).expect(201);
    await w.finance.post(`/api/v1/projects/${id}/tranches/${t3}/release`).expect(200);
    expect(await fund()).toMatchObject({ balanceFen: '2000000', reservedFen: '0', availableFen: '2000000' });
    expect(await grantBalance(id)).toBe('10000000');

    const budget = (await w.orgAdminA.get(`/api/v1/projects/${id}/budget`).expect(200)).body;
    expect(budget.lines.map((l: { code: string; plannedFen: string; spentFen: string }) => [l.code, l.plannedFen, l.spentFen])).toEqual([
      ['activity', '3050000', '2900000'], ['admin', '950000', '500000'], ['staff', '6000000', '5000000']]);
    expect(budget.total).toMatchObject({ plannedFen: '10000000', spentFen: '8400000' });

    // Close: 16,000 yuan unspent comes back to the fund.
    p = await project(id);
    expect(p.plan.milestones.every((m: { status: string }) => m.status === 'done')).toBe(true);
    const key = randomUUID();
    const closed = (await w.finance.post(`/api/v1/projects/${id}/close`, { version: p.version }).set('Idempotency-Key', key).expect(200)).body;
    expect(closed).toMatchObject({ status: 'closed', releasedFen: '10000000', reportedSpentFen: '8400000', refundFen: '1600000', cancelledTranches: [], terminationReason: null });
    expect((await w.finance.post(`/api/v1/projects/${id}/close`, { version: p.version }).set('Idempotency-Key', key).expect(200)).body).toEqual(closed);
    expect(await fund()).toMatchObject({ balanceFen: '3600000', reservedFen: '0', availableFen: '3600000' });
    expect(await grantBalance(id)).toBe('8400000');

    // A closed project is read-only, and still readable.
    p = await project(id, w.orgAdminA);
    expect(p.status).toBe('closed');
    expect(p.money).toMatchObject({ releasedFen: '10000000', refundedFen: '1600000', remainingFen: '0' });
    const monthly = p.reports.find((x: { kind: string; status: string }) => x.kind === 'monthly' && x.status === 'due');
    expect((await w.orgAdminA.patch(`/api/v1/project-reports/${monthly.id}`, { narrative: 'x', version: 1 }).expect(409)).body.code).toBe('PROJECT_CLOSED');
    expect((await w.orgAdminA.post(`/api/v1/projects/${id}/changes`, { kind: 'extension', reason: '再延期', newEndsOn: '2028-06-30' }).expect(409)).body.code).toBe('PROJECT_CLOSED');
    expect((await w.finance.post(`/api/v1/projects/${id}/close`, { version: p.version }).expect(409)).body.code).toBe('PROJECT_CLOSED');
    // The attachments module answers a refused write as 404 (ATTACHMENT_OWNER_NOT_FOUND): it reveals nothing.
    expect((await uploadReceipt(t, w.orgAdminA, monthly.id)).status).toBe(404);

    const verification = await t.app.get(TenantTransactionRunner).run({ tenantId: w.d.tenantId }, () => t.app.get(LedgerService).verify());
    expect(verification.ok).toBe(true);
  });

  it('a failed evaluation freezes the unpaid tranches and tells the organisation and the officer; an officer may unfreeze', async () => {
    clockOf(t).set(new Date('2027-07-12T02:00:00Z'));
    const { id, detail } = await fundedProject(t, w);
    await w.officer.post(`/api/v1/projects/${id}/agreement`, { signedOn: '2027-01-05', version: detail.version }).expect(200);
    await w.finance.post(`/api/v1/projects/${id}/tranches/${detail.tranches[0].id}/release`).expect(200);
    await w.officer.post(`/api/v1/projects/${id}/evaluation-assignments`, { evaluatorMembershipId: w.evaluator.memberId }).expect(201);
    const res = await w.evaluator.post(`/api/v1/projects/${id}/evaluations`, { stage: 'midterm', score: 52, grade: 'unqualified', findings: '服务记录缺失', evaluatedOn: '2027-07-05' }).expect(201);
    expect(res.body).toMatchObject({ passed: false, frozenTranches: [2, 3] });
    const tranches = (await w.officer.get(`/api/v1/projects/${id}/tranches`).expect(200)).body.items;
    expect(tranches.map((x: { status: string }) => x.status)).toEqual(['released', 'frozen', 'frozen']);
    // Why and when (the business clock's instant of the evaluation), on the project's list and on the district's.
    expect(tranches[1]).toMatchObject({ frozenReason: '中期评估不合格（52 分）', frozenAt: '2027-07-12T02:00:00.000Z' });
    const listed = (await w.finance.get(`/api/v1/projects/tranches?projectId=${id}&status=frozen`).expect(200)).body.items;
    expect(listed.map((x: { frozenAt: string }) => x.frozenAt)).toEqual(['2027-07-12T02:00:00.000Z', '2027-07-12T02:00:00.000Z']);
    const refused = await w.finance.post(`/api/v1/projects/${id}/tranches/${tranches[1].id}/release`).expect(409);
    expect(refused.body.detail.unmet.map((c: { type: string }) => c.type)).toEqual(['not_frozen', 'evaluation_passed', 'report_approved']);
    for (const s of [w.orgAdminA, w.officer]) {
      await eventually(async () => (await s.get('/api/v1/notifications').expect(200)).body.items
        .find((n: { kind: string; data: { projectId: string } }) => n.kind === 'project.evaluation_failed' && n.data.projectId === id));
    }
    await w.orgAdminA.post(`/api/v1/projects/${id}/tranches/${tranches[1].id}/unfreeze`, { reason: '整改完成' }).expect(403);
    const un = await w.officer.post(`/api/v1/projects/${id}/tranches/${tranches[1].id}/unfreeze`, { reason: '整改完成，复核合格' }).expect(200);
    expect(un.body).toMatchObject({ status: 'pending', frozenReason: null, frozenAt: null });
    expect((await w.officer.post(`/api/v1/projects/${id}/tranches/${tranches[1].id}/unfreeze`, { reason: '再解冻' }).expect(409)).body.code).toBe('INVALID_STATE_TRANSITION');
  });

  it('reports due soon are reminded once, overdue ones are flagged once on the project and to the officer, as the clock moves', async () => {
    const clock = clockOf(t);
    clock.set(new Date('2026-02-05T02:00:00Z'));
    const payload = awardPayload(w, { startsOn: '2026-01-01', endsOn: '2026-03-31', milestones: [{ name: '启动', dueOn: '2026-01-15' }] });
    await appropriate(w.finance, payload.amountFen).expect(201);
    const id = await publishAward(t, w.d.tenantId, payload);
    const deadlines = t.app.get(ReportDeadlinesService);
    // On 2026-02-05 (the clock's day: the scheduled scan passes no day) the January report (due 02-10) is within the
    // 7-day reminder window; nothing of this project is overdue yet, on the list or in the scan.
    const first = await deadlines.scanToday();
    expect(first.reminders).toBeGreaterThanOrEqual(1);
    const again = await deadlines.scanToday();
    expect(again.reminders).toBe(0);
    const before = (await w.officer.get(`/api/v1/projects/${id}`).expect(200)).body;
    expect(before.overdue).toMatchObject({ reports: 0, milestones: 1, any: true });
    expect(before.reports.some((x: { overdue: boolean }) => x.overdue)).toBe(false);
    await eventually(async () => (await w.orgAdminA.get('/api/v1/notifications').expect(200)).body.items
      .find((n: { kind: string; data: { projectId: string } }) => n.kind === 'project.report_reminder' && n.data.projectId === id));
    // The clock moves to June (the database's own clock says otherwise): every report of that project is overdue, flagged once.
    clock.set(new Date('2026-06-01T02:00:00Z'));
    const late = await deadlines.scanToday();
    expect(late.overdue).toBeGreaterThanOrEqual(5);
    expect((await deadlines.scanToday()).overdue).toBe(0);
    const list = (await w.officer.get('/api/v1/projects?overdue=true').expect(200)).body;
    const row = list.items.find((x: { id: string }) => x.id === id);
    expect(row.overdue).toMatchObject({ reports: 5, milestones: 1, any: true });
    expect(row.nextDue).toMatchObject({ type: 'milestone', dueOn: '2026-01-15' });
    const reports = (await w.orgAdminA.get(`/api/v1/projects/${id}/reports`).expect(200)).body.items;
    expect(reports.every((x: { overdue: boolean; overdueSince: string }) => x.overdue && x.overdueSince)).toBe(true);
    await eventually(async () => (await w.officer.get('/api/v1/notifications').expect(200)).body.items
      .find((n: { kind: string; data: { projectId: string } }) => n.kind === 'project.report_overdue' && n.data.projectId === id));
    const mine = (await w.orgAdminA.get('/api/v1/projects').expect(200)).body.items.find((x: { id: string }) => x.id === id);
    expect(mine.nextDue).toBeTruthy();
  });
});
