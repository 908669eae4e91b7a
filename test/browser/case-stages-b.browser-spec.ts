import type { Page } from 'playwright-core';
import { addDays, shanghaiDay } from '@sanshe/common';
import { Member, addMember } from '../support/test-app';
import { createVerifiedOrganisation } from '../support/organisations';
import { residentId } from '../support/casework';
import { WIDTHS, atBothWidths, browserWorld, chooseIn, switchLanguage, tabsClosedAfterEach, posted, fits } from './support/browser';

// Three people's sessions with axe at two widths per form, on a loaded 2-core machine.
jest.setTimeout(480_000);

const ASSESSMENT = { needs: ['情感陪伴', '居家安全'], risks: [{ description: '再次跌倒', level: 'high' }], strengths: ['与邻居关系好'] };
const PLAN = { goals: [{ goal: '三个月内建立邻里探访网络' }], tasks: [{ task: '每周家访一次' }], startOn: '2026-01-10', endOn: '2026-04-10' };

/** A button-style radio (goals met, satisfaction, method) by its exact text, within `scope`. */
const choose = (scope: ReturnType<Page['getByTestId']>, text: string) =>
  scope.locator('label.ant-radio-button-wrapper').filter({ hasText: new RegExp(`^${text}$`) }).click();

describe('evaluation, closure and follow-up on the case page in a real browser', () => {
  const world = browserWorld();
  const signedIn = tabsClosedAfterEach(world);
  let communityId: string;
  let worker: Member;
  let colleague: Member;
  let supervisor: Member;
  // Names of their own: a retried attempt runs in the same district.
  const tag = Date.now().toString(36).slice(-4);

  beforeAll(async () => {
    const { t, d } = world;
    const street = await d.admin.post('/api/v1/places', { parentId: d.rootPlaceId, kind: 'street', name: `阶段街道${tag}` }).expect(201);
    const community = await d.admin.post('/api/v1/places', { parentId: street.body.id, kind: 'community', name: `阶段社区${tag}` }).expect(201);
    communityId = community.body.id;
    const org = (await createVerifiedOrganisation(t, d)).id;
    const admin = await addMember(t, d, ['org_admin'], { organisationId: org, name: `机构管理员${tag}` });
    worker = await addMember(t, d, ['social_worker'], { organisationId: org, name: `吴社工${tag}` });
    colleague = await addMember(t, d, ['social_worker'], { organisationId: org, name: `周社工${tag}` });
    supervisor = await addMember(t, d, ['supervisor'], { organisationId: org, name: `郑督导${tag}` });
    await admin.post('/api/v1/casework/supervision/assignments', { supervisorMembershipId: supervisor.memberId, workerMembershipId: worker.memberId }).expect(201);
  }, 240_000);

  /** A person with the service consent and a case taken through intake, assessment and plan (each approved): in intervention. */
  async function caseInIntervention(name: string): Promise<{ id: string; caseNo: string; version: number }> {
    const b = await worker.post('/api/v1/casework/beneficiaries', { name, idNumber: residentId(), communityId });
    if (![200, 201].includes(b.status)) throw new Error(`register failed ${b.status} ${JSON.stringify(b.body)}`);
    const beneficiaryId: string = b.body.beneficiary.id;
    await worker.post(`/api/v1/casework/beneficiaries/${beneficiaryId}/consents`, { purpose: 'service', formVersion: '2026版', givenOn: shanghaiDay(new Date()), givenBy: 'self' }).expect(201);
    let c = (await worker.post('/api/v1/casework/cases', { beneficiaryId, source: 'outreach', presentingProblem: '独居，近期摔倒后情绪低落，希望有人定期探访' }).expect(201)).body;
    c = (await worker.post(`/api/v1/casework/cases/${c.id}/intake/accept`, { version: c.version }).expect(200)).body;
    c = (await worker.post(`/api/v1/casework/cases/${c.id}/assessment`, { ...ASSESSMENT, version: c.version }).expect(200)).body;
    c = (await supervisor.post(`/api/v1/casework/cases/${c.id}/approval`, { decision: 'approve', version: c.version }).expect(200)).body;
    c = (await worker.post(`/api/v1/casework/cases/${c.id}/plan`, { ...PLAN, version: c.version }).expect(200)).body;
    c = (await supervisor.post(`/api/v1/casework/cases/${c.id}/approval`, { decision: 'approve', version: c.version }).expect(200)).body;
    expect(c.status).toBe('intervention');
    return { id: c.id, caseNo: c.caseNo, version: c.version };
  }

  const stored = async (id: string) => (await worker.get(`/api/v1/casework/cases/${id}`).expect(200)).body;

  it('the worker on a phone records the evaluation (a stale one refused), then the closure; once approved, a follow-up dated before the closing day is refused in the server\'s words and one dated today completes the case (and a further one is offered)', async () => {
    const c = await caseInIntervention(`张大爷${tag}`);
    const tab = await signedIn(worker.phone, WIDTHS.phone);
    const { page } = tab;
    await page.goto(`/casework/cases/${c.id}`);
    const status = page.getByTestId('case-status');
    await status.getByText('介入').waitFor();

    // --- 评估: meanwhile the supervisor adds an assisting worker (the version moves on); the page's evaluation is
    // refused as stale in the server's words, the case is read again, and the same form sent again goes through.
    const evaluation = page.getByTestId('evaluation-form');
    expect(await atBothWidths(page, 'case-stage-evaluation', () => fits(page).then(() => evaluation.getByRole('button', { name: '提交评估' }).waitFor()))).toEqual([]);
    await choose(evaluation, '大部分达成');
    await choose(evaluation, '4');
    await evaluation.getByLabel('评估小结').fill('目标基本达成，已建立邻里探访网络');
    await supervisor.patch(`/api/v1/casework/cases/${c.id}/assignment`, { assistantMembershipIds: [colleague.memberId], version: c.version }).expect(200);
    const [stale] = await Promise.all([posted(page, `/cases/${c.id}/evaluation`), evaluation.getByRole('button', { name: '提交评估' }).click()]);
    expect(stale.status()).toBe(409);
    const conflict = (await worker.post(`/api/v1/casework/cases/${c.id}/evaluation`, { goalsAchieved: 'most', satisfaction: 4, summary: '过期', version: c.version }).expect(409)).body;
    await evaluation.getByRole('alert').filter({ hasText: conflict.message['zh-CN'] }).waitFor();
    await page.getByText(`周社工${tag}`).waitFor();
    expect((await stored(c.id)).status).toBe('intervention');
    const [evaluated] = await Promise.all([posted(page, `/cases/${c.id}/evaluation`), evaluation.getByRole('button', { name: '提交评估' }).click()]);
    expect(evaluated.status()).toBe(200);
    await status.getByText('评估').waitFor();
    await page.getByTestId('case-steps').locator('.ant-steps-item-process').filter({ hasText: '评估' }).waitFor();
    expect(await evaluation.count()).toBe(0);
    // The evaluation as recorded, read-only.
    const shown = page.getByTestId('evaluation');
    await shown.getByText('大部分达成').waitFor();
    await shown.getByText('4 分（满分 5 分）').waitFor();
    await shown.getByText('目标基本达成，已建立邻里探访网络').waitFor();
    expect((await stored(c.id))).toMatchObject({ status: 'evaluation', evaluation: { goalsAchieved: 'most', satisfaction: 4, summary: '目标基本达成，已建立邻里探访网络' } });

    // --- 结案: the organisation requires the supervisor's approval, so the case waits in closure_review.
    const closure = page.getByTestId('closure-form');
    expect(await atBothWidths(page, 'case-stage-closure', () => fits(page).then(() => closure.getByRole('button', { name: '提交结案' }).waitFor()))).toEqual([]);
    await chooseIn(page, '结案原因', '服务目标已达成');
    await closure.getByLabel('结案小结').fill('服务对象状况稳定，邻里定期探访');
    const [closed] = await Promise.all([posted(page, `/cases/${c.id}/closure`), closure.getByRole('button', { name: '提交结案' }).click()]);
    expect(closed.status()).toBe(200);
    await status.getByText('结案待审批').waitFor();
    expect(await closure.count()).toBe(0);
    await page.getByTestId('closure').getByText('服务目标已达成').waitFor();
    await page.getByTestId('closure').getByText('服务对象状况稳定，邻里定期探访').waitFor();
    await page.getByTestId('approvals').getByText('待审批').waitFor();
    // Nothing to fill in while the supervisor decides: the workers are told it waits (not that a form is missing).
    await page.getByTestId('approval-panel').getByText('已提交，等待督导审批。').waitFor();
    expect(await page.getByText('本阶段的表单将在后续版本中提供').count()).toBe(0);
    const review = await stored(c.id);
    expect(review).toMatchObject({ status: 'closure_review', closure: { reason: 'goals_achieved', summary: '服务对象状况稳定，邻里定期探访' } });

    // The supervisor approves the closure (through the API: the approval panel is another page's part).
    const approved = (await supervisor.post(`/api/v1/casework/cases/${c.id}/approval`, { decision: 'approve', version: review.version }).expect(200)).body;
    expect(approved.status).toBe('closed');
    expect(approved.followUpDueOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    // The caseload gives the same follow-up due date as the page shows.
    const mine = (await worker.get('/api/v1/casework/caseload/mine').expect(200)).body;
    expect(mine.items.find((i: { id: string }) => i.id === c.id).due).toMatchObject({ kind: 'follow_up', dueOn: approved.followUpDueOn });

    // --- 回访
    await page.reload();
    await status.getByText('已结案').waitFor();
    const followUp = page.getByTestId('follow-up-form');
    await followUp.getByTestId('follow-up-due').getByText(approved.followUpDueOn).waitFor();
    expect(await atBothWidths(page, 'case-stage-follow-up', () => fits(page).then(() => followUp.getByRole('button', { name: '提交回访' }).waitFor()))).toEqual([]);
    // In English the form speaks English (every string through the locale files).
    await switchLanguage(page, 'English');
    await followUp.getByText('Follow-up due:').waitFor();
    await followUp.getByRole('button', { name: 'Submit the follow-up' }).waitFor();
    await followUp.getByText('Phone', { exact: true }).waitFor();
    await switchLanguage(page, '中文');
    const today = shanghaiDay(new Date());
    const dayBefore = addDays(today, -1);
    await followUp.getByLabel('回访日期').fill(dayBefore);
    await followUp.getByLabel('时长（分钟）').fill('20');
    await choose(followUp, '电话');
    await followUp.getByLabel('回访情况').fill('电话回访：老人状况良好，邻里每周探访');
    const [early] = await Promise.all([posted(page, `/cases/${c.id}/follow-ups`), followUp.getByRole('button', { name: '提交回访' }).click()]);
    expect(early.status()).toBeGreaterThanOrEqual(400);
    const refusal = (await worker.post(`/api/v1/casework/cases/${c.id}/follow-ups`, { serviceDate: dayBefore, durationMinutes: 20, mode: 'phone', content: '过早', version: approved.version })).body;
    expect(refusal.code).toBe('SERVICE_DATE_OUTSIDE_CASE');
    await followUp.getByRole('alert').filter({ hasText: refusal.message['zh-CN'] }).waitFor();
    expect((await stored(c.id)).status).toBe('closed');

    await followUp.getByLabel('回访日期').fill(today);
    const [recorded] = await Promise.all([posted(page, `/cases/${c.id}/follow-ups`), followUp.getByRole('button', { name: '提交回访' }).click()]);
    expect(recorded.status()).toBe(201);
    await status.getByText('已回访').waitFor();
    await page.getByTestId('case-steps').locator('.ant-steps-item-finish').filter({ hasText: '回访' }).waitFor();
    // The due date is met; the form now offers a further follow-up, emptied.
    await followUp.getByRole('heading', { name: '再次回访' }).waitFor();
    expect(await followUp.getByTestId('follow-up-due').count()).toBe(0);
    expect(await followUp.getByLabel('回访情况').inputValue()).toBe('');
    await page.getByTestId('records').getByText('电话回访：老人状况良好，邻里每周探访').waitFor();
    const done = await stored(c.id);
    expect(done.status).toBe('followed_up');
    const records = (await worker.get(`/api/v1/casework/cases/${c.id}/service-records`).expect(200)).body.items;
    expect(records.filter((r: { kind: string }) => r.kind === 'follow_up')).toEqual([
      expect.objectContaining({ serviceDate: today, durationMinutes: 20, mode: 'phone', content: '电话回访：老人状况良好，邻里每周探访' })]);
    expect(tab.errors).toEqual([]);
  });

  it('the supervisor reads the case but gets no stage form (the server refuses them NOT_CASE_WORKER); a colleague who is not on the case sees not-found', async () => {
    const c = await caseInIntervention(`李阿姨${tag}`);
    const tab = await signedIn(supervisor.phone, WIDTHS.phone);
    const { page } = tab;
    await page.goto(`/casework/cases/${c.id}`);
    await page.getByTestId('case-person').filter({ hasText: `李阿姨${tag}` }).waitFor();
    await page.getByTestId('case-status').getByText('介入').waitFor();
    expect(await page.getByTestId('evaluation-form').count()).toBe(0);
    const refused = await supervisor.post(`/api/v1/casework/cases/${c.id}/evaluation`, { goalsAchieved: 'all', satisfaction: 5, summary: '督导代填', version: c.version });
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('NOT_CASE_WORKER');
    expect((await stored(c.id)).status).toBe('intervention');
    expect(tab.errors).toEqual([]);

    const other = await signedIn(colleague.phone, WIDTHS.phone);
    await other.page.goto(`/casework/cases/${c.id}`);
    await other.page.getByRole('heading', { name: '404' }).waitFor();
    expect(await other.page.getByTestId('evaluation-form').count()).toBe(0);
    expect(await other.page.getByText(`李阿姨${tag}`).count()).toBe(0);
    await colleague.post(`/api/v1/casework/cases/${c.id}/evaluation`, { goalsAchieved: 'all', satisfaction: 5, summary: '同事代填', version: c.version }).expect(404);
    expect(other.errors).toEqual([]);
  });
});
