import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { TINY_PDF } from '../support/organisations';
import { clockOf } from '../support/calls';
import { ProjectWorld, fundedProject, projectWorld } from '../support/projects';
import { TestApp } from '../support/test-app';
import { WIDTHS, atBothWidths, browserWorld, countIs, pick, screenshot, switchLanguage, tabsClosedAfterEach } from './support/browser';

// Several people's whole sessions, with axe at two widths per page, in one test on a loaded 2-core machine.
jest.setTimeout(480_000);

/** The money rule MoneyInput applies before anything is sent (common.json money.invalid). */
const MONEY_INVALID = '请输入以元为单位的金额，最多两位小数，例如 1234.50';

describe('projects, reports, finance and evaluations in a real browser', () => {
  const world = browserWorld();
  const signedIn = tabsClosedAfterEach(world);
  let t: TestApp;
  let w: ProjectWorld;
  const a11y: Record<string, string[]> = {};

  beforeAll(async () => {
    ({ t } = world);
    w = await projectWorld(t);
  });
  afterEach(async () => {
    clockOf(t).set(undefined);
  });

  /**
   * The project runs through 2027 and the date rules allow the interim report and the mid-term evaluation only once
   * the interim period (to 30 June) has ended: the server's business clock stands in mid-July 2027. The browser keeps
   * its real time (its cookies expire by it); only the "days left" counters count from it, and nothing here reads them.
   */
  const afterInterimPeriod = () => clockOf(t).set(new Date('2027-07-15T10:00:00+08:00'));

  /** axe and a screenshot at both widths (the tab's own first) of a page that is ready; asserted in the last test. */
  async function check(page: Page, name: string) {
    const start = page.viewportSize()!.width;
    a11y[name] = await atBothWidths(page, `projects-${name}`, () => page.locator('h1').first().waitFor(), [start, start === WIDTHS.phone ? WIDTHS.desktop : WIDTHS.phone]);
  }

  async function signAgreement(id: string) {
    const p = (await w.officer.get(`/api/v1/projects/${id}`).expect(200)).body;
    await w.officer.post(`/api/v1/projects/${id}/agreement`, { signedOn: '2027-01-05', version: p.version }).expect(200);
    return (await w.officer.get(`/api/v1/projects/${id}`).expect(200)).body;
  }

  it('finance appropriates on the fund page, releases the first tranche once despite a double click, and sees the second refused with its unmet conditions', async () => {
    const { id, detail } = await fundedProject(t, w);
    await signAgreement(id);
    const before = (await w.finance.get('/api/v1/funds/programme').expect(200)).body;
    const { page, errors } = await signedIn(w.finance.phone);

    // Fund: a three-decimal amount is refused on the field before anything is sent; then a real appropriation.
    await page.getByRole('link', { name: '资金', exact: true }).click();
    await page.getByRole('heading', { name: '专项资金' }).waitFor();
    await page.getByTestId('fund-summary').getByText('累计拨入').waitFor();
    await page.getByLabel('拨入金额').fill('1000.005');
    await page.getByLabel('拨款文号').fill('武财社〔2026〕88号');
    await page.getByRole('button', { name: '登记拨入' }).click();
    await page.getByTestId('appropriation').getByText(MONEY_INVALID).waitFor();
    await page.getByLabel('拨入金额').fill('20000.50');
    await page.getByRole('button', { name: '登记拨入' }).click();
    await page.getByText('已登记拨入 ¥20,000.50').waitFor();
    await page.getByTestId('statement').getByText('财政专项拨入 武财社〔2026〕88号').waitFor();
    const after = (await w.finance.get('/api/v1/funds/programme').expect(200)).body;
    expect(BigInt(after.appropriatedFen) - BigInt(before.appropriatedFen)).toBe(2000050n);
    await check(page, 'fund');

    // English once, on a main page.
    await switchLanguage(page, 'English');
    await page.getByRole('heading', { name: 'Programme fund' }).waitFor();
    await page.getByText('Record an appropriation').waitFor();
    await switchLanguage(page, '中文');
    await page.getByRole('heading', { name: '专项资金' }).waitFor();

    // Tranches: the first is ready; a double click releases it once.
    await page.getByRole('link', { name: '资金拨付' }).click();
    await page.getByRole('heading', { name: '资金拨付' }).waitFor();
    const card = page.getByTestId(`project-tranches-${detail.referenceNo}`);
    const first = card.getByTestId('tranche-1');
    await first.getByTestId('condition-met').first().waitFor();
    expect(await first.getByTestId('condition-unmet').count()).toBe(0);
    await check(page, 'tranches');
    await first.getByRole('button', { name: /^拨付: / }).dblclick();
    await first.waitFor({ state: 'detached' });
    const tranches = (await w.finance.get(`/api/v1/projects/${id}/tranches`).expect(200)).body.items;
    expect(tranches.map((x: { status: string }) => x.status)).toEqual(['released', 'pending', 'pending']);
    const fund = (await w.finance.get('/api/v1/funds/programme').expect(200)).body;
    expect(BigInt(after.balanceFen) - BigInt(fund.balanceFen)).toBe(5000000n); // paid once, not twice

    // The second: its unmet conditions with the server's reasons, and the refusal in the server's words.
    const second = card.getByTestId('tranche-2');
    expect(await second.getByTestId('condition-unmet').count()).toBe(2);
    for (const c of tranches[1].checks) await second.getByText(c.zh).waitFor();
    const refused = await w.finance.post(`/api/v1/projects/${id}/tranches/${tranches[1].id}/release`).expect(409);
    await second.getByRole('button', { name: /^拨付: / }).click();
    await second.getByRole('alert').filter({ hasText: refused.body.message['zh-CN'] }).waitFor();
    expect(errors).toEqual([]);
  });

  it('the organisation fills and submits a report on a phone; the officer returns it with a reason, the organisation resubmits, the officer approves', async () => {
    const { id } = await fundedProject(t, w);
    const p = await signAgreement(id);
    const interim = p.reports.find((r: { kind: string }) => r.kind === 'interim');
    afterInterimPeriod();
    const org = await signedIn(w.orgAdminA.phone, WIDTHS.phone);

    // From the project list to the project: what is due next, then the report.
    await org.page.goto('/projects');
    await org.page.getByRole('heading', { name: '项目' }).waitFor();
    await org.page.getByTestId('projects-list').getByRole('link', { name: p.title }).first().waitFor();
    await check(org.page, 'list-organisation');
    await org.page.goto(`/projects/${id}`);
    await org.page.getByTestId('due-next').waitFor();
    await check(org.page, 'detail-organisation');
    await org.page.getByTestId('report-interim').getByRole('link').click();
    await org.page.getByTestId('report-form').waitFor();

    await org.page.getByLabel('工作进展').fill('本期完成入户探访与助餐服务');
    await org.page.getByLabel(/^探访人次/).fill('520');
    await org.page.getByLabel('人员费').fill('100.005');
    await org.page.getByRole('button', { name: '提交报告' }).click();
    await org.page.getByTestId('report-form').getByText(MONEY_INVALID).waitFor();
    await org.page.getByLabel('人员费').fill('20000');
    await org.page.getByLabel('活动费').fill('15000.5');
    // Spending without a receipt: the server refuses and names what is missing, in its words.
    await org.page.getByRole('button', { name: '提交报告' }).click();
    await org.page.getByTestId('problem-details').waitFor();
    const saved = (await w.orgAdminA.get(`/api/v1/project-reports/${interim.id}`).expect(200)).body;
    const incomplete = (await w.orgAdminA.post(`/api/v1/project-reports/${interim.id}/submit`, { version: saved.version }).expect(409)).body;
    await org.page.getByRole('alert').filter({ hasText: incomplete.message['zh-CN'] }).waitFor();
    for (const e of incomplete.errors) await org.page.getByTestId('problem-details').getByText(e.zh).waitFor();
    await org.page.getByTestId('receipts').locator('input[type=file]').setInputFiles({ name: '发票.pdf', mimeType: 'application/pdf', buffer: TINY_PDF });
    await org.page.getByTestId('receipts').getByText('发票.pdf').waitFor();
    // The receipt can be opened again from the report: the bytes that went up come back.
    const [download] = await Promise.all([org.page.waitForEvent('download'), org.page.getByRole('button', { name: '下载票据 发票.pdf' }).click()]);
    expect(download.suggestedFilename()).toBe('发票.pdf');
    expect(fs.readFileSync(await download.path())).toEqual(TINY_PDF);
    await check(org.page, 'report-organisation');
    await org.page.getByRole('button', { name: '提交报告' }).click();
    await org.page.getByTestId('report-status').getByText('待审核').waitFor();
    let r = (await w.orgAdminA.get(`/api/v1/project-reports/${interim.id}`).expect(200)).body;
    expect(r.status).toBe('submitted');
    expect(r.indicatorValues).toEqual(expect.arrayContaining([expect.objectContaining({ value: 520 })]));
    expect(Object.fromEntries(r.spending.map((s: { code: string; amountFen: string }) => [s.code, s.amountFen]))).toEqual({ staff: '2000000', activity: '1500050', admin: '0' });

    // The officer returns it: without a reason the server refuses, in its words; with one it goes back.
    const officer = await signedIn(w.officer.phone);
    await officer.page.goto(`/project-reports/${interim.id}`);
    await officer.page.getByTestId('report-review').waitFor();
    const noReason = await w.officer.post(`/api/v1/project-reports/${interim.id}/return`, { version: r.version });
    expect(noReason.status).toBeGreaterThanOrEqual(400);
    // By its accessible name, as a screen reader announces it: antd's loading icon (aria-label "loading") used to stay
    // in the button after a refusal this quick, and no button was named 退回 any more (motion is off since; App.tsx).
    const returnButton = officer.page.getByTestId('report-review').getByRole('button', { name: /^退\s?回$/ });
    await returnButton.click();
    await officer.page.getByRole('alert').filter({ hasText: noReason.body.message['zh-CN'] }).waitFor();
    await officer.page.getByLabel('审核意见').fill('请补充活动照片');
    await returnButton.click();
    await officer.page.getByTestId('report-status').getByText('已退回').waitFor();

    // The organisation sees why and resubmits.
    await org.page.reload();
    await org.page.getByTestId('review-comment').getByText('请补充活动照片').waitFor();
    await org.page.getByRole('button', { name: '提交报告' }).click();
    await org.page.getByTestId('report-status').getByText('待审核').waitFor();

    await officer.page.reload();
    await officer.page.getByRole('button', { name: /^通\s?过$/ }).click();
    await officer.page.getByTestId('report-status').getByText('已通过').waitFor();
    r = (await w.officer.get(`/api/v1/project-reports/${interim.id}`).expect(200)).body;
    expect(r.status).toBe('approved');
    expect((await w.officer.get(`/api/v1/projects/${id}`).expect(200)).body.money.reportedSpentFen).toBe('3500050');
    expect(org.errors).toEqual([]);
    expect(officer.errors).toEqual([]);
  });

  it('the officer assigns an evaluator on the project page; the evaluator evaluates on /evaluations and cannot record the same stage twice', async () => {
    const { id, detail } = await fundedProject(t, w, { projectTitle: '社区儿童课后托管' });
    afterInterimPeriod();
    const officer = await signedIn(w.officer.phone);
    await officer.page.getByRole('link', { name: '项目', exact: true }).click();
    await officer.page.getByTestId('projects-table').getByRole('link', { name: '社区儿童课后托管' }).waitFor();
    await check(officer.page, 'list-officer');
    await officer.page.getByTestId('projects-table').getByRole('link', { name: '社区儿童课后托管' }).click();
    await officer.page.getByRole('heading', { name: '社区儿童课后托管' }).waitFor();
    await officer.page.getByRole('combobox', { name: '选择评估方' }).click();
    await pick(officer.page, '评估中心');
    await officer.page.getByRole('button', { name: /^指\s?派$/ }).click();
    await officer.page.getByTestId('assignment').filter({ hasText: '评估中心' }).waitFor();
    await check(officer.page, 'detail-officer');

    const evaluator = await signedIn(w.evaluator.phone);
    await evaluator.page.getByRole('link', { name: '评估', exact: true }).click();
    await evaluator.page.getByRole('heading', { name: '项目评估' }).waitFor();
    await evaluator.page.getByRole('button', { name: `评估: ${detail.title}` }).click();
    await evaluator.page.getByTestId('evaluation-card').waitFor();
    const fill = async () => {
      await evaluator.page.getByRole('radio', { name: '中期评估' }).check();
      await evaluator.page.getByLabel('得分').fill('85');
      await evaluator.page.getByRole('radio', { name: '良好' }).check();
      await evaluator.page.getByLabel('评估日期').fill('2027-07-10');
      await evaluator.page.getByLabel('评估意见').fill('服务记录完整，满意度高');
      await evaluator.page.getByRole('button', { name: '提交评估' }).click();
    };
    await fill();
    await evaluator.page.getByTestId('evaluation-recorded').filter({ hasText: '中期评估' }).waitFor();
    await check(evaluator.page, 'evaluations');
    const list = (await w.officer.get(`/api/v1/projects/${id}/evaluations`).expect(200)).body.items;
    expect(list).toEqual([expect.objectContaining({ stage: 'midterm', score: 85, grade: 'good', passed: true, evaluatorName: '评估中心' })]);

    // The same stage again: the server refuses, and says so on the page.
    const again = await w.evaluator.post(`/api/v1/projects/${id}/evaluations`, { stage: 'midterm', score: 85, grade: 'good', findings: '服务记录完整，满意度高', evaluatedOn: '2027-07-10' }).expect(409);
    await fill();
    await evaluator.page.getByRole('alert').filter({ hasText: again.body.message['zh-CN'] }).waitFor();
    expect(officer.errors).toEqual([]);
    expect(evaluator.errors).toEqual([]);
  });

  it('a failed evaluation freezes the unpaid tranches: the officer unfreezes one with a reason the server requires, the organisation has no unfreeze, finance opens a report\'s receipt', async () => {
    // Set up over the API: first tranche paid, a failed mid-term evaluation (tranches 2 and 3 frozen), a receipt on the interim report.
    const { id } = await fundedProject(t, w, { projectTitle: '社区助老餐桌' });
    const p = await signAgreement(id);
    afterInterimPeriod();
    await w.finance.post(`/api/v1/projects/${id}/tranches/${p.tranches[0].id}/release`).expect(200);
    await w.officer.post(`/api/v1/projects/${id}/evaluation-assignments`, { evaluatorMembershipId: w.evaluator.memberId }).expect(201);
    await w.evaluator.post(`/api/v1/projects/${id}/evaluations`, { stage: 'midterm', score: 52, grade: 'unqualified', findings: '服务记录缺失', evaluatedOn: '2027-07-10' }).expect(201);
    const second = (await w.officer.get(`/api/v1/projects/${id}/tranches`).expect(200)).body.items[1];
    expect(second).toMatchObject({ status: 'frozen', frozenReason: expect.stringContaining('不合格') });
    const interim = p.reports.find((r: { kind: string }) => r.kind === 'interim');
    await t.http.post('/api/v1/attachments').set('Authorization', `Bearer ${w.orgAdminA.accessToken}`)
      .field('ownerType', 'project_report').field('ownerId', interim.id).field('kind', 'receipt')
      .attach('file', TINY_PDF, { filename: '发票.pdf', contentType: 'application/pdf' }).expect(201);

    // The organisation sees the tranche frozen and why, and no unfreeze (the API refuses it).
    const org = await signedIn(w.orgAdminA.phone, WIDTHS.phone);
    await org.page.goto(`/projects/${id}`);
    const orgTranche = org.page.getByTestId('tranche-2');
    await orgTranche.getByText('已冻结').waitFor();
    await orgTranche.getByText(second.frozenReason).waitFor();
    await orgTranche.getByTestId('frozen-at').waitFor();
    await countIs(org.page.getByRole('button', { name: /^解冻/ }), 0);

    // The officer: an empty reason is refused by the server, in its words; with a reason the tranche is pending again.
    const officer = await signedIn(w.officer.phone);
    await officer.page.goto(`/projects/${id}`);
    const tranche = officer.page.getByTestId('tranche-2');
    await tranche.getByText(second.frozenReason).waitFor();
    await tranche.getByRole('button', { name: `解冻: ${second.name}` }).click();
    const url = `/api/v1/projects/${id}/tranches/${second.id}/unfreeze`;
    const [answered] = await Promise.all([
      officer.page.waitForResponse((r) => r.url().endsWith(url) && r.request().method() === 'POST'),
      tranche.getByRole('button', { name: '确认解冻' }).click(),
    ]);
    expect(answered.status()).toBe(400);
    const empty = await w.officer.post(url, { reason: '' }).expect(400);
    await tranche.getByRole('alert').filter({ hasText: empty.body.message['zh-CN'] }).first().waitFor();
    await tranche.getByLabel('解冻理由').fill('整改完成，复核合格');
    await tranche.getByRole('button', { name: '确认解冻' }).click();
    await tranche.getByText('待处理').waitFor();
    await countIs(tranche.getByRole('button', { name: /^解冻/ }), 0);
    const after = (await w.officer.get(`/api/v1/projects/${id}/tranches`).expect(200)).body.items;
    expect(after.map((x: { status: string }) => x.status)).toEqual(['released', 'pending', 'frozen']);

    // Finance reaches the receipts behind the spending from the project page: the bytes that went up come back.
    const finance = await signedIn(w.finance.phone);
    await finance.page.goto(`/projects/${id}`);
    await finance.page.getByTestId('report-interim').getByRole('link').click();
    await finance.page.getByTestId('receipts').getByText('发票.pdf').waitFor();
    const [download] = await Promise.all([finance.page.waitForEvent('download'), finance.page.getByRole('button', { name: '下载票据 发票.pdf' }).click()]);
    expect(fs.readFileSync(await download.path())).toEqual(TINY_PDF);
    expect(org.errors).toEqual([]);
    expect(officer.errors).toEqual([]);
    expect(finance.errors).toEqual([]);
  });

  it('every main page at 1280 and 375 px: no serious accessibility violation', () => {
    // Fund and tranches (finance journey); the organisation's list, detail and report (report journey); the officer's
    // list and detail and the evaluations page (evaluation journey): eight pages, each at both widths.
    expect(Object.keys(a11y).length).toBe(8);
    expect(a11y).toEqual(Object.fromEntries(Object.keys(a11y).map((k) => [k, []])));
  });
});
