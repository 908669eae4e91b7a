import type { Locator, Page } from 'playwright-core';
import { addDays, shanghaiDay } from '@sanshe/common';
import { District, Member, TestApp, addMember } from '../support/test-app';
import { createVerifiedOrganisation } from '../support/organisations';
import { residentId } from '../support/casework';
import { WIDTHS, atBothWidths, browserWorld, switchLanguage, tabsClosedAfterEach, posted, fits } from './support/browser';

// Two people's sessions side by side with axe at two widths per form, on a loaded 2-core machine.
jest.setTimeout(600_000);

/** Types a Beijing day into a date picker as a person does on a keyboard, and moves on (Enter would also send the form). */
async function typeDay(scope: Page | Locator, label: string, day: string) {
  const input = scope.getByLabel(label, { exact: true });
  await input.click();
  await input.fill(day);
  await input.press('Tab');
  const page = input.page();
  await page.locator('.ant-form-item').filter({ has: page.getByLabel(label, { exact: true }) }).locator(`input[value="${day}"]`).waitFor();
}

describe('the case\'s assessment and plan, and the supervisor\'s approve / return, in a real browser', () => {
  const world = browserWorld();
  const signedIn = tabsClosedAfterEach(world);
  let t: TestApp;
  let d: District;
  let communityId: string;
  let worker: Member;
  let colleague: Member;
  let supervisor: Member;
  const tag = Date.now().toString(36).slice(-4);

  beforeAll(async () => {
    ({ t, d } = world);
    const street = await d.admin.post('/api/v1/places', { parentId: d.rootPlaceId, kind: 'street', name: `阶段街道${tag}` }).expect(201);
    const community = await d.admin.post('/api/v1/places', { parentId: street.body.id, kind: 'community', name: `阶段社区${tag}` }).expect(201);
    communityId = community.body.id;
    const org = (await createVerifiedOrganisation(t, d)).id;
    const admin = await addMember(t, d, ['org_admin'], { organisationId: org, name: `阶段管理员${tag}` });
    worker = await addMember(t, d, ['social_worker'], { organisationId: org, name: `吴社工${tag}` });
    colleague = await addMember(t, d, ['social_worker'], { organisationId: org, name: `周社工${tag}` });
    supervisor = await addMember(t, d, ['supervisor'], { organisationId: org, name: `郑督导${tag}` });
    await admin.post('/api/v1/casework/supervision/assignments', { supervisorMembershipId: supervisor.memberId, workerMembershipId: worker.memberId }).expect(201);
  }, 240_000);

  /** A person with the service consent and their case, accepted at intake: it waits for its assessment. */
  async function acceptedCase(name: string) {
    const b = await worker.post('/api/v1/casework/beneficiaries', { name, idNumber: residentId(), communityId });
    if (![200, 201].includes(b.status)) throw new Error(`register failed ${b.status} ${JSON.stringify(b.body)}`);
    const beneficiaryId: string = b.body.beneficiary.id;
    await worker.post(`/api/v1/casework/beneficiaries/${beneficiaryId}/consents`, { purpose: 'service', formVersion: '2026版', givenOn: shanghaiDay(new Date()), givenBy: 'self' }).expect(201);
    const c = await worker.post('/api/v1/casework/cases', { beneficiaryId, source: 'outreach', presentingProblem: '独居，近期摔倒后情绪低落，希望有人定期探访' }).expect(201);
    const a = await worker.post(`/api/v1/casework/cases/${c.body.id}/intake/accept`, { version: c.body.version }).expect(200);
    expect(a.body.status).toBe('assessment');
    return { id: c.body.id as string, caseNo: c.body.caseNo as string };
  }

  const stored = async (id: string) => (await worker.get(`/api/v1/casework/cases/${id}`).expect(200)).body;
  const statusIs = (page: Page, label: string) => page.getByTestId('case-status').getByText(label, { exact: true }).waitFor();

  it('the worker sends the assessment on a phone, the supervisor returns it with a reason (not without), the worker corrects it, it is approved; the plan likewise, through a refused date and a stale version, to intervention', async () => {
    const c = await acceptedCase(`张大爷${tag}`);
    const w = await signedIn(worker.phone, WIDTHS.phone);
    const s = await signedIn(supervisor.phone, WIDTHS.phone);
    const wp = w.page;
    const sp = s.page;

    // --- 预估: two needs, a risk with its level, a strength
    await wp.goto(`/casework/cases/${c.id}`);
    const af = wp.getByTestId('assessment-form');
    await af.getByLabel('需求 1', { exact: true }).fill('情感陪伴');
    expect(await atBothWidths(wp, 'stages-assessment-form', () => fits(wp).then(() => af.getByLabel('需求 1', { exact: true }).waitFor()))).toEqual([]);
    await af.getByRole('button', { name: '添加需求' }).click();
    await af.getByLabel('需求 2', { exact: true }).fill('助餐');
    await af.getByRole('button', { name: '添加风险' }).click();
    await af.getByLabel('风险 1', { exact: true }).fill('再次跌倒');
    // The level is required: sent without it, the page says so and nothing goes to the server.
    let assessmentsSent = 0;
    wp.on('request', (r) => { if (r.url().endsWith(`/cases/${c.id}/assessment`)) assessmentsSent += 1; });
    await af.getByRole('button', { name: '提交预估' }).click();
    await af.getByText('请选择风险等级').waitFor();
    expect(assessmentsSent).toBe(0);
    await af.getByTestId('risk-row').locator('label').filter({ hasText: /^高$/ }).click();
    await af.getByRole('button', { name: '添加优势' }).click();
    await af.getByLabel('优势 1', { exact: true }).fill('与邻居关系好');
    expect(await atBothWidths(wp, 'stages-assessment-filled', () => fits(wp).then(() => af.getByLabel('优势 1', { exact: true }).waitFor()))).toEqual([]);
    const [sent] = await Promise.all([posted(wp, `/cases/${c.id}/assessment`), af.getByRole('button', { name: '提交预估' }).click()]);
    expect(sent.status()).toBe(200);
    await statusIs(wp, '预估待审批');
    expect(await wp.getByTestId('assessment-form').count()).toBe(0);
    // The worker sees what was sent and that it waits; they are not offered the decision, and the server would refuse it.
    const wPanel = wp.getByTestId('approval-panel');
    await wPanel.getByText('已提交，等待督导审批。').waitFor();
    await wPanel.getByText('再次跌倒').waitFor();
    expect(await wp.getByTestId('approval-form').count()).toBe(0);
    let c1 = await stored(c.id);
    expect(c1).toMatchObject({ status: 'assessment_review', riskLevel: 'high' });
    expect(c1.assessment).toMatchObject({ needs: ['情感陪伴', '助餐'], risks: [{ description: '再次跌倒', level: 'high' }], strengths: ['与邻居关系好'] });
    expect((await worker.post(`/api/v1/casework/cases/${c.id}/approval`, { decision: 'approve', version: c1.version })).status).toBe(403);

    // --- the supervisor: a return without a reason is refused on the page; with one it goes back to the worker
    await sp.goto(`/casework/cases/${c.id}`);
    const panel = sp.getByTestId('approval-panel');
    await panel.getByText('助餐').waitFor();
    await panel.getByText('高', { exact: true }).waitFor();
    expect(await atBothWidths(sp, 'stages-approval', () => fits(sp).then(() => panel.getByRole('button', { name: '退回修改' }).waitFor()))).toEqual([]);
    let decisionsSent = 0;
    sp.on('request', (r) => { if (r.url().endsWith(`/cases/${c.id}/approval`)) decisionsSent += 1; });
    await panel.getByLabel('督导意见').fill('   ');
    await panel.getByRole('button', { name: '退回修改' }).click();
    await panel.getByText('退回修改时请写明原因').waitFor();
    expect(decisionsSent).toBe(0);
    expect(await atBothWidths(sp, 'stages-approval-refused', () => panel.getByText('退回修改时请写明原因').waitFor())).toEqual([]);
    await panel.getByLabel('督导意见').fill('请补充家庭支持情况');
    const [returned] = await Promise.all([posted(sp, `/cases/${c.id}/approval`), panel.getByRole('button', { name: '退回修改' }).click()]);
    expect(returned.status()).toBe(200);
    await statusIs(sp, '预估');
    expect(await sp.getByTestId('approval-form').count()).toBe(0);
    // The supervisor is not offered the worker's form (the server would refuse them: not the case's worker).
    expect(await sp.getByTestId('assessment-form').count()).toBe(0);
    c1 = await stored(c.id);
    expect(c1.status).toBe('assessment');
    expect((await supervisor.post(`/api/v1/casework/cases/${c.id}/assessment`, { ...c1.assessment, summary: undefined, version: c1.version })).status).toBe(403);

    // --- the worker sees the reason and the form again, filled in as sent; corrects it and sends it again
    await wp.reload();
    const approvals = wp.getByTestId('approvals');
    await approvals.getByText('已退回').waitFor();
    await approvals.getByText('请补充家庭支持情况').waitFor();
    await af.getByLabel('需求 2', { exact: true }).waitFor();
    expect(await af.getByLabel('需求 2', { exact: true }).inputValue()).toBe('助餐');
    await af.getByRole('button', { name: '添加优势' }).click();
    await af.getByLabel('优势 2', { exact: true }).fill('女儿每周来电');
    await af.getByLabel('预估小结（可选）').fill('家庭支持：女儿在外地，每周来电');
    const [resent] = await Promise.all([posted(wp, `/cases/${c.id}/assessment`), af.getByRole('button', { name: '提交预估' }).click()]);
    expect(resent.status()).toBe(200);
    await statusIs(wp, '预估待审批');
    expect((await stored(c.id)).assessment).toMatchObject({ strengths: ['与邻居关系好', '女儿每周来电'], summary: '家庭支持：女儿在外地，每周来电' });

    // --- the supervisor approves (no comment needed): planning
    await sp.reload();
    await panel.getByText('女儿每周来电').waitFor();
    const [approved] = await Promise.all([posted(sp, `/cases/${c.id}/approval`), panel.getByRole('button', { name: /^通\s?过$/ }).click()]);
    expect(approved.status()).toBe(200);
    await statusIs(sp, '服务计划');
    expect((await stored(c.id)).status).toBe('planning');

    // --- 服务计划: a goal, a task, the dates; the assessment is shown read-only
    await wp.reload();
    const pf = wp.getByTestId('plan-form');
    await pf.getByLabel('目标 1', { exact: true }).fill('三个月内建立邻里探访网络');
    await wp.getByTestId('assessment-submitted').getByText('女儿每周来电').waitFor();
    expect(await atBothWidths(wp, 'stages-plan-form', () => fits(wp).then(() => pf.getByLabel('目标 1', { exact: true }).waitFor()))).toEqual([]);
    await pf.getByLabel('目标 1 的衡量方式（可选）').fill('每周至少一次邻里探访');
    await pf.getByRole('button', { name: '添加任务' }).click();
    await pf.getByLabel('任务 1', { exact: true }).fill('每周家访一次');
    const today = shanghaiDay(new Date());
    await typeDay(pf, '计划开始日期', addDays(today, 7));
    await typeDay(pf, '计划结束日期', addDays(today, 1));
    // An end before the start: the server's reason lands on the end date's field.
    const [early] = await Promise.all([posted(wp, `/cases/${c.id}/plan`), pf.getByRole('button', { name: '提交服务计划' }).click()]);
    expect(early.status()).toBe(400);
    await pf.locator('.ant-form-item').filter({ has: wp.getByLabel('计划结束日期', { exact: true }) }).getByText('计划结束日期不能早于开始日期').waitFor();
    await typeDay(pf, '计划结束日期', addDays(today, 97));
    // Meanwhile the supervisor adds an assisting worker: the case's version moves on, the page's send is refused as
    // stale in the server's words, the page reads the case again, and the next send goes through.
    const before = await stored(c.id);
    await supervisor.patch(`/api/v1/casework/cases/${c.id}/assignment`, { assistantMembershipIds: [colleague.memberId], version: before.version }).expect(200);
    const [stale] = await Promise.all([posted(wp, `/cases/${c.id}/plan`), pf.getByRole('button', { name: '提交服务计划' }).click()]);
    expect(stale.status()).toBe(409);
    const conflict = (await worker.post(`/api/v1/casework/cases/${c.id}/plan`, { goals: [{ goal: 'x' }], tasks: [], startOn: today, endOn: today, version: before.version }).expect(409)).body;
    await pf.getByRole('alert').filter({ hasText: conflict.message['zh-CN'] }).waitFor();
    await wp.getByText(`周社工${tag}`).waitFor();
    expect(await atBothWidths(wp, 'stages-plan-stale', () => pf.getByRole('alert').waitFor())).toEqual([]);
    const [planSent] = await Promise.all([posted(wp, `/cases/${c.id}/plan`), pf.getByRole('button', { name: '提交服务计划' }).click()]);
    expect(planSent.status()).toBe(200);
    await statusIs(wp, '计划待审批');
    const p1 = await stored(c.id);
    expect(p1).toMatchObject({ status: 'plan_review', plan: { startOn: addDays(today, 7), endOn: addDays(today, 97) } });
    expect(p1.plan.goals).toEqual([{ goal: '三个月内建立邻里探访网络', measure: '每周至少一次邻里探访' }]);
    expect(p1.plan.tasks).toEqual([{ task: '每周家访一次' }]);

    // --- the supervisor approves the plan: intervention; both see the assessment and plan read-only, no forms
    await sp.reload();
    await panel.getByText('三个月内建立邻里探访网络').waitFor();
    await panel.getByText(`${addDays(today, 7)} 至 ${addDays(today, 97)}`).waitFor();
    const [planApproved] = await Promise.all([posted(sp, `/cases/${c.id}/approval`), panel.getByRole('button', { name: /^通\s?过$/ }).click()]);
    expect(planApproved.status()).toBe(200);
    await statusIs(sp, '介入');
    expect((await stored(c.id)).status).toBe('intervention');
    await wp.reload();
    await statusIs(wp, '介入');
    await wp.getByTestId('plan-submitted').getByText('每周家访一次').waitFor();
    await wp.getByTestId('assessment-submitted').getByText('情感陪伴').waitFor();
    expect(await wp.getByTestId('plan-form').count()).toBe(0);
    expect(await wp.getByTestId('approval-panel').count()).toBe(0);
    expect(await atBothWidths(wp, 'stages-intervention', () => fits(wp).then(() => wp.getByTestId('plan-submitted').waitFor()))).toEqual([]);
    // The same in English: the read-only assessment and plan in English words.
    await switchLanguage(wp, 'English');
    await wp.getByTestId('assessment-submitted').getByText('Strengths').waitFor();
    await wp.getByTestId('assessment-submitted').getByText('High', { exact: true }).waitFor();
    await wp.getByTestId('plan-submitted').getByText(`${addDays(today, 7)} to ${addDays(today, 97)}`).waitFor();
    await wp.getByTestId('plan-submitted').getByText('Measured by: 每周至少一次邻里探访').waitFor();
    await switchLanguage(wp, '中文');
    expect(w.errors).toEqual([]);
    expect(s.errors).toEqual([]);
  });

  it('a colleague not on the case gets no form (not-found, as the API answers)', async () => {
    const c = await acceptedCase(`李阿姨${tag}`);
    const tab = await signedIn(colleague.phone, WIDTHS.phone);
    await tab.page.goto(`/casework/cases/${c.id}`);
    await tab.page.getByRole('heading', { name: '404' }).waitFor();
    expect(await tab.page.getByTestId('assessment-form').count()).toBe(0);
    const version = (await stored(c.id)).version;
    await colleague.post(`/api/v1/casework/cases/${c.id}/assessment`, { needs: ['情感陪伴'], risks: [], strengths: [], version }).expect(404);
    expect((await stored(c.id)).status).toBe('assessment');
    expect(tab.errors).toEqual([]);
  });
});

