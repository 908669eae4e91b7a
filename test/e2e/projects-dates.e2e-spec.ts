import { randomUUID } from 'node:crypto';
import { currentContext } from '@sanshe/common';
import { TenantTransactionRunner } from '@sanshe/tenancy';
import { TestApp, startTestApp } from '../support/test-app';
import { clockOf } from '../support/calls';
import { ProjectWorld, fundedProject, projectWorld } from '../support/projects';

type Problem = { status: number; code: string; detail?: Record<string, unknown>; message: { 'zh-CN': string; en: string } };

/**
 * A project's dates make sense, judged on the business clock: reports speak about periods inside the project that
 * have begun, evaluations look back on a period that is over, and a project closes after its end or as an early
 * termination with its reason on record. The default project runs 2027-01-01 to 2027-12-31.
 */
describe('project dates that make sense', () => {
  let t: TestApp;
  let w: ProjectWorld;

  beforeAll(async () => {
    t = await startTestApp();
    w = await projectWorld(t);
  });
  afterAll(async () => {
    await t.close();
  });
  afterEach(() => clockOf(t).set(undefined));

  const at = (iso: string) => clockOf(t).set(new Date(iso));
  function refused(body: Problem, code: string) {
    expect(body.code).toBe(code);
    expect(body.message['zh-CN']).toMatch(/[\u4e00-\u9fff]/);
    expect(body.message.en).toMatch(/[a-z]/);
  }

  it('a report period must lie inside the project and be due after it ends', async () => {
    at('2027-03-01T02:00:00Z');
    const { id } = await fundedProject(t, w);
    const add = (body: Record<string, string>) => w.officer.post(`/api/v1/projects/${id}/reports`, body);

    refused((await add({ kind: 'interim', periodStart: '2026-12-01', periodEnd: '2027-02-28', dueOn: '2027-03-15' }).expect(400)).body, 'REPORT_PERIOD_OUTSIDE_PROJECT');
    refused((await add({ kind: 'interim', periodStart: '2027-10-01', periodEnd: '2028-03-31', dueOn: '2028-04-15' }).expect(400)).body, 'REPORT_PERIOD_OUTSIDE_PROJECT');
    refused((await add({ kind: 'interim', periodStart: '2027-03-01', periodEnd: '2027-05-31', dueOn: '2027-05-30' }).expect(400)).body, 'REPORT_PERIOD_OUTSIDE_PROJECT');

    const ok = (await add({ kind: 'interim', periodStart: '2027-03-01', periodEnd: '2027-05-31', dueOn: '2027-05-31' }).expect(201)).body;
    expect(ok).toMatchObject({ periodStart: '2027-03-01', periodEnd: '2027-05-31', dueOn: '2027-05-31', status: 'due' });
    const reports = (await w.officer.get(`/api/v1/projects/${id}/reports`).expect(200)).body.items;
    expect(reports.filter((r: { periodStart: string }) => r.periodStart < '2027-01-01' || r.periodStart > '2027-12-31')).toEqual([]);
  });

  it('a report cannot be submitted, nor approved, before its period has begun', async () => {
    at('2026-12-15T02:00:00Z');
    const { id, detail } = await fundedProject(t, w);
    const feb = detail.reports.find((r: { kind: string; periodStart: string }) => r.kind === 'monthly' && r.periodStart === '2027-02-01');
    let r = (await w.orgAdminA.get(`/api/v1/project-reports/${feb.id}`).expect(200)).body;
    r = (await w.orgAdminA.patch(`/api/v1/project-reports/${feb.id}`, { narrative: '本月入户探访 40 人次', version: r.version }).expect(200)).body;

    const early = (await w.orgAdminA.post(`/api/v1/project-reports/${feb.id}/submit`, { version: r.version }).expect(409)).body;
    refused(early, 'REPORT_PERIOD_NOT_STARTED');
    expect(early.detail).toMatchObject({ periodStart: '2027-02-01', today: '2026-12-15' });

    at('2027-03-02T02:00:00Z');
    r = (await w.orgAdminA.post(`/api/v1/project-reports/${feb.id}/submit`, { version: r.version }).expect(200)).body;
    // An officer whose clock stood before February (a replayed request, a wrong server date) cannot approve it either.
    at('2027-01-20T02:00:00Z');
    refused((await w.officer.post(`/api/v1/project-reports/${feb.id}/approve`, { version: r.version }).expect(409)).body, 'REPORT_PERIOD_NOT_STARTED');
    at('2027-03-03T02:00:00Z');
    expect((await w.officer.post(`/api/v1/project-reports/${feb.id}/approve`, { version: r.version }).expect(200)).body.status).toBe('approved');
    expect((await w.officer.get(`/api/v1/projects/${id}`).expect(200)).body.id).toBe(id);
  });

  it('an evaluation is dated after the period it evaluates and not after today', async () => {
    at('2027-07-12T02:00:00Z');
    const { id } = await fundedProject(t, w);
    await w.officer.post(`/api/v1/projects/${id}/evaluation-assignments`, { evaluatorMembershipId: w.evaluator.memberId }).expect(201);
    const evaluate = (stage: string, evaluatedOn: string) =>
      w.evaluator.post(`/api/v1/projects/${id}/evaluations`, { stage, score: 86, grade: 'good', findings: '服务记录完整', evaluatedOn });

    const future = (await evaluate('midterm', '2027-07-20').expect(400)).body;
    refused(future, 'EVALUATION_DATE_IN_FUTURE');
    expect(future.detail).toMatchObject({ today: '2027-07-12' });
    // The mid-term evaluation looks at the first half (to 2027-07-02): dated on or before it, it is refused.
    const midEarly = (await evaluate('midterm', '2027-07-02').expect(400)).body;
    refused(midEarly, 'EVALUATION_BEFORE_PERIOD_END');
    expect(midEarly.detail).toMatchObject({ stage: 'midterm', periodEnd: '2027-07-02' });
    refused((await evaluate('midterm', '2026-12-20').expect(400)).body, 'EVALUATION_BEFORE_PERIOD_END');
    // A final evaluation dated before the project even started, or before its end, is refused.
    const finalEarly = (await evaluate('final', '2026-12-31').expect(400)).body;
    refused(finalEarly, 'EVALUATION_BEFORE_PERIOD_END');
    expect(finalEarly.detail).toMatchObject({ stage: 'final', periodEnd: '2027-12-31' });
    refused((await evaluate('final', '2027-07-10').expect(400)).body, 'EVALUATION_BEFORE_PERIOD_END');
    expect((await w.officer.get(`/api/v1/projects/${id}/evaluations`).expect(200)).body.total).toBe(0);

    expect((await evaluate('midterm', '2027-07-03').expect(201)).body).toMatchObject({ stage: 'midterm', evaluatedOn: '2027-07-03', passed: true });
    at('2028-01-05T02:00:00Z');
    expect((await evaluate('final', '2028-01-04').expect(201)).body).toMatchObject({ stage: 'final', evaluatedOn: '2028-01-04' });
  });

  it('a project closes only after its end date, or earlier as an early termination whose reason is kept and shown', async () => {
    // On its last day the project is still running: closing needs a reason.
    at('2027-12-31T10:00:00Z');
    const { id, detail } = await fundedProject(t, w);
    const sameDay = (await w.finance.post(`/api/v1/projects/${id}/close`, { version: detail.version }).expect(409)).body;
    refused(sameDay, 'CLOSURE_BEFORE_END');
    expect(sameDay.detail).toMatchObject({ endsOn: '2027-12-31', today: '2027-12-31' });

    // Before it starts, with a reason: an early termination. The final report and evaluation are not asked for (there
    // is no completed project to look back on); the unpaid tranches go back to the fund.
    at('2026-12-20T02:00:00Z');
    const { id: early, detail: earlyDetail } = await fundedProject(t, w);
    const badReason = (await w.finance.post(`/api/v1/projects/${early}/close`, { version: earlyDetail.version, earlyTerminationReason: 'x' }).expect(400)).body;
    expect(badReason.code).toBe('VALIDATION_FAILED');
    const reason = '服务对象整体搬迁，项目无法执行';
    const closed = (await w.finance.post(`/api/v1/projects/${early}/close`, { version: earlyDetail.version, earlyTerminationReason: reason })
      .set('Idempotency-Key', randomUUID()).expect(200)).body;
    expect(closed).toMatchObject({ status: 'closed', terminationReason: reason, cancelledTranches: [1, 2, 3], refundFen: '0' });
    const shown = (await w.officer.get(`/api/v1/projects/${early}`).expect(200)).body;
    expect(shown).toMatchObject({ status: 'closed', terminationReason: reason });
    expect(new Date(shown.closedAt).toISOString()).toBe('2026-12-20T02:00:00.000Z');
    const audit = await t.app.get(TenantTransactionRunner).run({ tenantId: w.d.tenantId }, () => currentContext()!.manager!.query(
      `SELECT after->>'terminationReason' AS reason FROM audit_log WHERE action = 'project.closed' AND entity_id = $1`, [early]));
    expect(audit).toEqual([{ reason }]);

    // After the end, a project closes without a reason (and a reason sent anyway is not recorded as a termination).
    at('2028-01-01T02:00:00Z');
    const after = (await w.finance.post(`/api/v1/projects/${id}/close`, { version: detail.version, earlyTerminationReason: '按期结项' }).expect(409)).body;
    // Past the end date the usual conditions apply: the final report and evaluation are missing.
    expect(after.code).toBe('CLOSURE_NOT_READY');
    expect((after.detail as { unmet: Array<{ code: string }> }).unmet.map((u) => u.code)).toEqual(['final_evaluation', 'final_report']);
    expect((await w.officer.get(`/api/v1/projects/${id}`).expect(200)).body).toMatchObject({ status: 'active', terminationReason: null });
  });
});
