import { TestApp, startTestApp } from '../support/test-app';
import { applicantOrganisation, applicationContent, callBody, clockOf, publishedCall, venturePeople } from '../support/calls';
import { ProjectWorld, appropriate, fundedProject, projectWorld } from '../support/projects';

type FieldError = { field: string; code: string; zh: string; en: string };
type Problem = { code: string; errors?: FieldError[] };

/**
 * Every money field takes the same thing: a whole number of fen as a decimal string, no leading zero, no decimals,
 * no JSON number; zero where zero means something. Before, the report form took "007", the reallocation refused
 * what the call form took, and a refund was checked by hand in the service. One case per request that disagreed.
 */
describe('money in requests: one rule everywhere', () => {
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

  /** A 400 naming exactly this field with the money rule, in both languages. */
  function refusedAsMoney(body: Problem, field: string) {
    expect(body.code).toBe('VALIDATION_FAILED');
    expect(body.errors).toEqual([expect.objectContaining({ field, code: 'isFen' })]);
    const [e] = body.errors!;
    expect(e.zh).toContain('以“分”为单位的整数金额');
    expect(e.en).toContain('whole number of fen');
  }

  it('a call draft: "007" and "1.5" are refused, a minimum of "0" is accepted', async () => {
    const officer = w.officer;
    refusedAsMoney((await officer.post('/api/v1/calls', callBody(clockOf(t).now(), { minAmountFen: '007' })).expect(400)).body, 'minAmountFen');
    refusedAsMoney((await officer.post('/api/v1/calls', callBody(clockOf(t).now(), { fundPoolFen: '1.5' })).expect(400)).body, 'fundPoolFen');
    refusedAsMoney((await officer.post('/api/v1/calls', callBody(clockOf(t).now(), { maxAmountFen: 20000000 })).expect(400)).body, 'maxAmountFen');
    const ok = (await officer.post('/api/v1/calls', callBody(clockOf(t).now(), { minAmountFen: '0' })).expect(201)).body;
    expect(ok.minAmountFen).toBe('0');
  });

  it('an application: a three-decimal request is refused, no co-funding ("0") is a valid draft', async () => {
    const { communityId, officer } = await venturePeople(t, w.d, 0);
    const call = await publishedCall(t, w.d, officer);
    const a = await applicantOrganisation(t, w.d);
    const bad = await a.admin.post(`/api/v1/calls/${call.id}/applications`, { ...applicationContent(communityId), requestedFen: '15000000.000' }).expect(400);
    refusedAsMoney(bad.body, 'requestedFen');
    refusedAsMoney((await a.admin.post(`/api/v1/calls/${call.id}/applications`, { ...applicationContent(communityId), coFundingFen: '0300' }).expect(400)).body, 'coFundingFen');
    const draft = (await a.admin.post(`/api/v1/calls/${call.id}/applications`, { ...applicationContent(communityId), coFundingFen: '0' }).expect(201)).body;
    expect(draft.coFundingFen).toBe('0');
  });

  it('an appropriation: "007", a float and zero are refused (appropriating nothing is no record)', async () => {
    refusedAsMoney((await appropriate(w.finance, '007').expect(400)).body, 'amountFen');
    refusedAsMoney((await appropriate(w.finance, '1.005').expect(400)).body, 'amountFen');
    const zero = (await appropriate(w.finance, '0').expect(400)).body;
    refusedAsMoney(zero, 'amountFen');
    expect(zero.errors![0].en).toContain('at least 1 fen');
    expect(zero.errors![0].zh).toContain('不少于 0.01 元');
    expect((await w.finance.get('/api/v1/funds/programme').expect(200)).body.appropriatedFen).toBe('0');
  });

  it('a report\'s spending ("007" used to pass), a reallocation (zero moves nothing) and a refund follow the same rule', async () => {
    clockOf(t).set(new Date('2027-03-02T02:00:00Z'));
    const { id, detail } = await fundedProject(t, w);
    const line = detail.plan.budgetLines[0].id;
    const other = detail.plan.budgetLines[1].id;
    const jan = detail.reports.find((r: { kind: string; periodStart: string }) => r.kind === 'monthly' && r.periodStart === '2027-01-01');
    const r = (await w.orgAdminA.get(`/api/v1/project-reports/${jan.id}`).expect(200)).body;
    const spend = (amountFen: unknown) => w.orgAdminA.patch(`/api/v1/project-reports/${jan.id}`, { spending: [{ budgetLineId: line, amountFen }], version: r.version });
    refusedAsMoney((await spend('007').expect(400)).body, 'spending.0.amountFen');
    refusedAsMoney((await spend('12.5').expect(400)).body, 'spending.0.amountFen');
    refusedAsMoney((await spend(1200).expect(400)).body, 'spending.0.amountFen');
    const zero = (await spend('0').expect(200)).body;
    expect(zero.spending.find((s: { budgetLineId: string }) => s.budgetLineId === line).amountFen).toBe('0');

    const move = (amountFen: string) => w.orgAdminA.post(`/api/v1/projects/${id}/changes`, {
      kind: 'reallocation', reason: '活动费调入人员费', reallocations: [{ fromBudgetLineId: other, toBudgetLineId: line, amountFen }],
    });
    refusedAsMoney((await move('0').expect(400)).body, 'reallocations.0.amountFen');
    refusedAsMoney((await move('0050000').expect(400)).body, 'reallocations.0.amountFen');

    const p = (await w.officer.get(`/api/v1/projects/${id}`).expect(200)).body;
    refusedAsMoney((await w.finance.post(`/api/v1/projects/${id}/close`, { version: p.version, refundFen: '007' }).expect(400)).body, 'refundFen');
    refusedAsMoney((await w.finance.post(`/api/v1/projects/${id}/close`, { version: p.version, refundFen: '-1' }).expect(400)).body, 'refundFen');
  });
});
