import type { Browser } from 'playwright-core';
import { CallClosingScheduler } from '../../src/modules/calls/call-closing.scheduler';
import { TINY_PDF } from '../support/organisations';
import { DAY, Applicant, applicantOrganisation, clockOf, venturePeople } from '../support/calls';
import { District, Member, TestApp, addMember, eventually } from '../support/test-app';
import { Tab, WIDTHS, browserWorld, countIs, day, openTab, pick, screenshot, signedInTab } from './support/browser';
import { Proposal, acceptAward, draftRow, fillApplication, openAwardToAccept, passScreening, saveDraftWithTitle, startApplication, submitOnPage } from './support/application-form';
import {
  addNumberQuestion, answerObjection, award, callStatus, confirmSelection, expectRanking, fillCallSettings, formPanelAndAssign, openAwardTab,
  openCallList, publishNotice, saveCallDraft, startNewCall, weighFirstCriterion,
} from './support/call-editor';
import { scoreOnPage } from './support/review-form';

// Issue 10, proof 1: the whole grant-making path, every step by its person in their own browser session, through the
// pages only. The people are set up over the API beforehand; time passing is the server's business clock. Eleven
// sessions one after another on a shared 2-core box: the journey gets room, every wait inside is for the page.
jest.setTimeout(900_000);

/** What one organisation asks for: requested = the two budget lines, co-funding the call's 20%. */
const summary = '为社区居民提供入户探访与集中活动。';
const PROPOSAL_A: Proposal & { title: string } = {
  title: '银龄互助·长者陪伴计划', summary, requestedYuan: 180000, lines: [100000, 80000], coFundingYuan: 36000, milestoneOn: '2027-03-31',
};
const PROPOSAL_B: Proposal & { title: string } = {
  title: '四点半课堂·儿童托管', summary, requestedYuan: 150000, lines: [100000, 50000], coFundingYuan: 30000, milestoneOn: '2027-03-31',
};

describe('the whole grant-making path through the pages only (issue 10, proof 1)', () => {
  const world = browserWorld();
  let t: TestApp;
  let d: District;
  let browser: Browser;

  // The people, created over the API beforehand (set-up, not the path).
  let officer: Member;
  let finance: Member;
  let evaluator: Member;
  let reviewers: Member[];
  let orgA: Applicant;
  let orgB: Applicant;

  // What the path produces, carried from stage to stage.
  const callTitle = '2027年社区公益创投（全流程）';
  let callId = '';
  let closesAt: Date;
  let appA = '';
  let appB = '';
  let noticeEndsAt = '';
  let awardA: { id: string; referenceNo: string } | undefined;
  let projectId = '';

  /** The officer works through the whole call in one session, as at a desk; everyone else signs in when it is their turn. */
  let desk: Tab;
  const open: Tab[] = [];

  async function signedIn(phone: string, width: number = WIDTHS.desktop): Promise<Tab> {
    const tab = await signedInTab(browser, t.baseUrl!, phone, width);
    open.push(tab);
    return tab;
  }

  /** A person's session ends: nothing went wrong on their pages, and the tab goes. */
  async function done(tab: Tab): Promise<void> {
    expect(tab.errors).toEqual([]);
    open.splice(open.indexOf(tab), 1);
    await tab.close();
  }

  beforeAll(async () => {
    ({ t, d, browser } = world);
    const people = await venturePeople(t, d, 2);
    officer = people.officer;
    reviewers = people.reviewers;
    finance = await addMember(t, d, ['finance_officer'], { name: '陈会计' });
    evaluator = await addMember(t, d, ['evaluator'], { name: '评估中心' });
    orgA = await applicantOrganisation(t, d, '晋阳社会工作服务中心');
    orgB = await applicantOrganisation(t, d, '玉林社区发展协会');
  });
  afterEach(async () => {
    // A failed stage leaves its tabs: keep the last screen as an artefact, then close them.
    for (const tab of [...open]) {
      if (tab === desk) continue;
      await screenshot(tab.page, 'grant-path-failed').catch(() => undefined);
      open.splice(open.indexOf(tab), 1);
      await tab.close();
    }
  });
  afterAll(async () => {
    clockOf(t)?.set(undefined);
    for (const tab of open) await tab.close();
  });

  it('the officer builds the call with its form and rubric; the district admin publishes it', async () => {
    desk = await signedIn(officer.phone);
    const { page } = desk;
    await openCallList(page);
    await startNewCall(page);

    const now = new Date();
    closesAt = new Date(now.getTime() + 2 * DAY);
    await fillCallSettings(page, { title: callTitle, opensAt: new Date(now.getTime() - DAY), closesAt, reviewersPerApplication: 2 }, now);

    // The form builder: a second question, a number; the rubric reweighted to add up to 100 again.
    await addNumberQuestion(page, 2, '志愿者人数');
    await weighFirstCriterion(page, 30, 90);
    await weighFirstCriterion(page, 40, 100);
    await page.getByText('权重合计应为 100').waitFor({ state: 'detached' });
    callId = await saveCallDraft(page);

    // The district admin, in their own session, reads the draft and publishes it.
    const admin = await signedIn(d.adminPhone);
    await admin.page.goto(`/calls/${callId}`);
    await callStatus(admin.page, 'draft').waitFor();
    expect(await admin.page.getByLabel('第 2 题名称').inputValue()).toBe('志愿者人数');
    await admin.page.getByRole('button', { name: '保存并发布' }).click();
    await callStatus(admin.page, 'published').waitFor();
    await done(admin);

    const published = (await officer.get(`/api/v1/calls/${callId}`).expect(200)).body;
    expect(published).toMatchObject({ status: 'published', fundPoolFen: '40000000', minAmountFen: '5000000', maxAmountFen: '20000000', coFundingPercent: 20, reviewersPerApplication: 2 });
    expect(published.form.sections[0].questions.map((q: { label: string; type: string }) => [q.label, q.type])).toEqual([['需求分析', 'long_text'], ['志愿者人数', 'number']]);
    expect(published.rubric.criteria.map((c: { weight: number }) => c.weight)).toEqual([40, 30, 30]);
  });

  it('organisation A starts a draft on a phone, saves and leaves; comes back later and submits', async () => {
    expect(callId).not.toBe('');
    let tab = await signedIn(orgA.admin.phone, WIDTHS.phone);
    appA = await startApplication(tab.page, callTitle);
    await saveDraftWithTitle(tab.page, PROPOSAL_A.title);
    expect((await orgA.admin.get(`/api/v1/applications/${appA}`).expect(200)).body).toMatchObject({ title: PROPOSAL_A.title, status: 'draft' });
    await done(tab);

    // Another session, another day: the draft is found in the list, finished and submitted.
    tab = await signedIn(orgA.admin.phone, WIDTHS.phone);
    const { page } = tab;
    const row = await draftRow(page, PROPOSAL_A.title, callTitle);
    await row.getByRole('link', { name: PROPOSAL_A.title }).click();
    await page.waitForURL(`**/applications/${appA}`);
    await page.getByTestId('draft-form').waitFor();
    expect(await page.getByLabel('项目名称', { exact: true }).inputValue()).toBe(PROPOSAL_A.title);
    await fillApplication(page, PROPOSAL_A);
    await submitOnPage(page);
    expect((await orgA.admin.get(`/api/v1/applications/${appA}`).expect(200)).body).toMatchObject({
      status: 'submitted', requestedFen: '18000000', coFundingFen: '3600000', title: PROPOSAL_A.title,
    });
    await done(tab);
  });

  it('organisation B applies in one sitting at a desk', async () => {
    expect(callId).not.toBe('');
    const tab = await signedIn(orgB.admin.phone);
    const { page } = tab;
    appB = await startApplication(page, callTitle);
    await page.getByLabel('项目名称', { exact: true }).fill(PROPOSAL_B.title);
    await fillApplication(page, PROPOSAL_B);
    await submitOnPage(page);
    expect((await orgB.admin.get(`/api/v1/applications/${appB}`).expect(200)).body).toMatchObject({ status: 'submitted', requestedFen: '15000000' });
    await done(tab);
  });

  it('the officer screens both applications, from the workbench', async () => {
    expect(appA && appB).toBeTruthy();
    const { page } = desk;
    for (const [id, title] of [[appA, PROPOSAL_A.title], [appB, PROPOSAL_B.title]]) {
      await page.goto('/workbench');
      await page.getByTestId('workbench-group-application_to_screen').getByRole('link', { name: title }).click();
      await page.waitForURL(`**/applications/${id}`);
      await passScreening(page, '材料齐全，符合申报条件');
      expect((await officer.get(`/api/v1/applications/${id}`).expect(200)).body).toMatchObject({ status: 'passed' });
    }
  });

  it('the call closes; the officer forms the panel and assigns; each reviewer scores in their own session', async () => {
    expect(appA && appB).toBeTruthy();
    clockOf(t).set(new Date(closesAt.getTime() + 60_000));
    expect(await t.app.get(CallClosingScheduler).tick()).toBeGreaterThanOrEqual(1);
    await formPanelAndAssign(desk.page, callId, ['评审专家1', '评审专家2'], 4);

    // A scores higher than B from both reviewers; the first reviewer works on a phone.
    const scores: Record<string, [string, string, string]> = { [PROPOSAL_A.title]: ['9', '8', '8'], [PROPOSAL_B.title]: ['8', '7', '7'] };
    for (const [i, reviewer] of reviewers.entries()) {
      const tab = await signedIn(reviewer.phone, i === 0 ? WIDTHS.phone : WIDTHS.desktop);
      for (const title of [PROPOSAL_A.title, PROPOSAL_B.title]) {
        await tab.page.goto('/reviews');
        const row = tab.page.getByTestId('assignment-row').filter({ hasText: title });
        await row.filter({ hasText: '待评分' }).waitFor();
        await row.getByRole('link', { name: title }).click();
        await tab.page.getByTestId('blind').waitFor();
        await tab.page.getByTestId('score-card').waitFor();
        await scoreOnPage(tab.page, scores[title], '需求分析扎实，预算基本合理。');
      }
      const mine = (await reviewer.get('/api/v1/reviews/assignments').expect(200)).body.items;
      expect(mine.map((a: { status: string }) => a.status)).toEqual(['submitted', 'submitted']);
      await done(tab);
    }
    const progress = (await officer.get(`/api/v1/calls/${callId}/review-progress`).expect(200)).body;
    expect(progress.items.map((p: { pending: number }) => p.pending)).toEqual([0, 0]);
  });

  it('the officer reads the ranking, confirms the selection and publishes the notice', async () => {
    const { page } = desk;
    const refA = (await officer.get(`/api/v1/applications/${appA}`).expect(200)).body.referenceNo;
    const refB = (await officer.get(`/api/v1/applications/${appB}`).expect(200)).body.referenceNo;
    await expectRanking(page, callId, [refA, refB]);
    // Both fit the pool: ¥400,000.00 less ¥330,000.00.
    await page.getByTestId('pool-remaining').getByText('¥70,000.00').waitFor();
    await confirmSelection(page, '¥330,000.00');
    expect((await officer.get(`/api/v1/calls/${callId}/selection`).expect(200)).body).toMatchObject({ totalFen: '33000000' });

    await publishNotice(page);
    const inNotice = (await officer.get(`/api/v1/calls/${callId}`).expect(200)).body;
    expect(inNotice.status).toBe('notice');
    noticeEndsAt = inNotice.noticeEndsAt;
  });

  it('a member of the public objects from the portal; the officer answers; the public reads the answer with the receipt code', async () => {
    expect(noticeEndsAt).not.toBe('');
    const pub = await openTab(browser, t.baseUrl!, WIDTHS.phone);
    open.push(pub);
    await pub.page.goto(`/portal/${d.code}`);
    await pub.page.getByRole('link', { name: '公示', exact: true }).click();
    await pub.page.getByRole('heading', { name: '拟资助项目公示', exact: true }).waitFor();
    await pub.page.getByTestId('portal-notice').getByRole('link', { name: new RegExp(callTitle.replace(/[()（）]/g, '.')) }).click();
    await pub.page.getByText(PROPOSAL_A.title).waitFor();
    const form = pub.page.locator('form#objection');
    await form.getByLabel('您的姓名').fill('赵先生');
    await form.getByLabel('联系方式').fill('13912345678');
    const content = '请核实申报机构的服务能力与往年项目执行情况。';
    await form.getByLabel('异议内容').fill(content);
    await form.locator('button[type=submit]').click();
    const receipt = (await pub.page.getByTestId('receipt-code').innerText()).trim();
    const [objectionId] = receipt.split('.');
    expect(objectionId).toMatch(/^[0-9a-f-]{36}$/);

    // The officer sees it on the call and answers it.
    const answer = '经核实，该机构服务能力良好，往年项目结项评估为良好。';
    await answerObjection(desk.page, callId, content, answer);

    // The member of the public comes back with the receipt code.
    const lookup = pub.page.locator('form#lookup');
    await lookup.getByLabel('回执码').fill(receipt);
    await lookup.locator('button[type=submit]').click();
    await pub.page.getByTestId('objection-answer').getByText(answer).waitFor();
    const tracked = await t.http.get(`/api/v1/public/districts/${d.code}/calls/${callId}/objections/${objectionId}`).query({ receipt: receipt.split('.')[1] });
    expect(tracked.body).toMatchObject({ status: 'answered', answer });
    await done(pub);
  });

  it('finance records the appropriation that will fund the projects', async () => {
    const tab = await signedIn(finance.phone);
    const { page } = tab;
    const before = (await finance.get('/api/v1/funds/programme').expect(200)).body;
    await page.getByRole('link', { name: '资金', exact: true }).click();
    await page.getByRole('heading', { name: '专项资金' }).waitFor();
    await page.getByLabel('拨入金额').fill('400000');
    await page.getByLabel('拨款文号').fill('武财社〔2026〕108号');
    await page.getByRole('button', { name: '登记拨入' }).click();
    await page.getByText('已登记拨入 ¥400,000.00').waitFor();
    const after = (await finance.get('/api/v1/funds/programme').expect(200)).body;
    expect(BigInt(after.appropriatedFen) - BigInt(before.appropriatedFen)).toBe(40000000n);
    await done(tab);
  });

  it('after the notice period the officer awards; organisation A accepts the award on its application page', async () => {
    expect(noticeEndsAt).not.toBe('');
    clockOf(t).set(new Date(noticeEndsAt));
    const { page } = desk;
    await page.goto(`/calls/${callId}`);
    await openAwardTab(page);
    await award(page, 2);
    const awards = (await officer.get(`/api/v1/calls/${callId}/awards`).expect(200)).body.items as Array<{ id: string; referenceNo: string; applicationId: string }>;
    awardA = awards.find((a) => a.applicationId === appA);
    expect(awardA).toBeDefined();

    const tab = await signedIn(orgA.admin.phone, WIDTHS.phone);
    await acceptAward(await openAwardToAccept(tab.page, appA, '¥180,000.00'));
    expect((await orgA.admin.get(`/api/v1/awards/${awardA!.id}`).expect(200)).body.status).toBe('accepted');
    await done(tab);

    // The project is made by the worker from the accepted award (an event, relayed): waited for, bounded.
    projectId = await eventually(async () => {
      const list = (await officer.get(`/api/v1/projects?q=${encodeURIComponent(awardA!.referenceNo)}`).expect(200)).body.items as Array<{ id: string; status: string }>;
      return list[0]?.status === 'active' ? list[0].id : undefined;
    }, 60_000);
  });

  it('the officer records the signed agreement and assigns the evaluator on the project page', async () => {
    expect(projectId).not.toBe('');
    const { page } = desk;
    await page.getByRole('link', { name: '项目', exact: true }).click();
    await page.getByTestId('projects-table').getByRole('link', { name: PROPOSAL_A.title }).click();
    await page.getByRole('heading', { name: PROPOSAL_A.title }).waitFor();
    await page.getByLabel('协议签订日期').fill(day(clockOf(t).now()));
    await page.getByRole('button', { name: '登记协议签订' }).click();
    await page.getByRole('button', { name: '登记协议签订' }).waitFor({ state: 'detached' });
    expect((await officer.get(`/api/v1/projects/${projectId}`).expect(200)).body.agreementSignedOn).toBe(day(clockOf(t).now()));

    await page.getByRole('combobox', { name: '选择评估方' }).click();
    await pick(page, '评估中心');
    await page.getByRole('button', { name: /^指\s?派$/ }).click();
    await page.getByTestId('assignment').filter({ hasText: '评估中心' }).waitFor();
  });

  it('finance releases the first tranche and sees the second refused with its unmet conditions', async () => {
    expect(projectId).not.toBe('');
    const tab = await signedIn(finance.phone);
    const { page } = tab;
    await page.getByRole('link', { name: '资金拨付' }).click();
    await page.getByRole('heading', { name: '资金拨付' }).waitFor();
    const card = page.getByTestId(`project-tranches-${awardA!.referenceNo}`);
    const first = card.getByTestId('tranche-1');
    await first.getByTestId('condition-met').first().waitFor();
    expect(await first.getByTestId('condition-unmet').count()).toBe(0);
    const balance = BigInt((await finance.get('/api/v1/funds/programme').expect(200)).body.balanceFen);
    await first.getByRole('button', { name: /^拨付: / }).click();
    await first.waitFor({ state: 'detached' });
    const tranches = (await finance.get(`/api/v1/projects/${projectId}/tranches`).expect(200)).body.items;
    expect(tranches.map((x: { status: string }) => x.status)).toEqual(['released', 'pending', 'pending']);
    // Half of ¥180,000.00 on signing (the call's default plan).
    expect(balance - BigInt((await finance.get('/api/v1/funds/programme').expect(200)).body.balanceFen)).toBe(9000000n);

    const second = card.getByTestId('tranche-2');
    const unmet = tranches[1].checks.filter((c: { met: boolean }) => !c.met);
    expect(unmet.length).toBeGreaterThan(0);
    await countIs(second.getByTestId('condition-unmet'), unmet.length);
    for (const c of unmet) await second.getByText(c.zh).waitFor();
    await second.getByRole('button', { name: /^拨付: / }).click();
    const refused = await finance.post(`/api/v1/projects/${projectId}/tranches/${tranches[1].id}/release`).expect(409);
    await second.getByRole('alert').filter({ hasText: refused.body.message['zh-CN'] }).waitFor();
    expect((await finance.get(`/api/v1/projects/${projectId}/tranches`).expect(200)).body.items[1].status).toBe('pending');
    await done(tab);
  });

  it('after the interim period organisation A submits its interim report with spending and a receipt (phone)', async () => {
    expect(projectId).not.toBe('');
    // The project runs through 2027; the interim report may go in once its period (to 2 July) has ended.
    clockOf(t).set(new Date('2027-07-15T10:00:00+08:00'));
    const tab = await signedIn(orgA.admin.phone, WIDTHS.phone);
    const { page } = tab;
    await page.goto('/projects');
    await page.getByTestId('projects-list').getByRole('link', { name: PROPOSAL_A.title }).first().click();
    await page.getByTestId('due-next').waitFor();
    await page.getByTestId('report-interim').getByRole('link').click();
    await page.getByTestId('report-form').waitFor();
    await page.getByLabel('工作进展').fill('上半年完成入户探访 520 人次');
    await page.getByLabel(/^探访人次/).fill('520');
    await page.getByLabel('人员劳务').fill('40000');
    await page.getByLabel('活动物料').fill('12000.50');
    await page.getByTestId('receipts').locator('input[type=file]').setInputFiles({ name: '发票.pdf', mimeType: 'application/pdf', buffer: TINY_PDF });
    await page.getByTestId('receipts').getByText('发票.pdf').waitFor();
    await page.getByRole('button', { name: '提交报告' }).click();
    await page.getByTestId('report-status').getByText('待审核').waitFor();
    const project = (await orgA.admin.get(`/api/v1/projects/${projectId}`).expect(200)).body;
    const interim = project.reports.find((r: { kind: string }) => r.kind === 'interim');
    const report = (await orgA.admin.get(`/api/v1/project-reports/${interim.id}`).expect(200)).body;
    expect(report.status).toBe('submitted');
    expect(report.indicatorValues).toEqual([expect.objectContaining({ value: 520 })]);
    expect(Object.fromEntries(report.spending.map((s: { code: string; amountFen: string }) => [s.code, s.amountFen]))).toEqual({ B01: '4000000', B02: '1200050' });
    await done(tab);
  });

  it('the evaluator records the mid-term evaluation, which meets the second tranche\'s condition', async () => {
    expect(projectId).not.toBe('');
    const tab = await signedIn(evaluator.phone);
    const { page } = tab;
    await page.getByRole('link', { name: '评估', exact: true }).click();
    await page.getByRole('heading', { name: '项目评估' }).waitFor();
    await page.getByRole('button', { name: `评估: ${PROPOSAL_A.title}` }).click();
    await page.getByTestId('evaluation-card').waitFor();
    await page.getByRole('radio', { name: '中期评估' }).check();
    await page.getByLabel('得分').fill('85');
    await page.getByRole('radio', { name: '良好' }).check();
    await page.getByLabel('评估日期').fill('2027-07-10');
    await page.getByLabel('评估意见').fill('服务记录完整，满意度高');
    await page.getByRole('button', { name: '提交评估' }).click();
    await page.getByTestId('evaluation-recorded').filter({ hasText: '中期评估' }).waitFor();
    const list = (await officer.get(`/api/v1/projects/${projectId}/evaluations`).expect(200)).body.items;
    expect(list).toEqual([expect.objectContaining({ stage: 'midterm', score: 85, grade: 'good', passed: true, evaluatorName: '评估中心' })]);
    const tranches = (await finance.get(`/api/v1/projects/${projectId}/tranches`).expect(200)).body.items;
    expect(tranches[1].checks.every((c: { met: boolean }) => c.met)).toBe(true);
    await done(tab);

    // The officer's session, open from the first keystroke to here, saw no error either.
    expect(desk.errors).toEqual([]);
  });
});
