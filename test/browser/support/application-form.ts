import type { Locator, Page } from 'playwright-core';
import { chooseIn, pick } from './browser';

/*
 * An organisation's steps on the application pages (/applications and /applications/:id), and the officer's
 * screening there, shared by the application journeys and the whole grant-making path. Each waits for what the page
 * shows when the step has taken; the checks of what the server stored stay in the tests.
 */

/** Starts a draft for the open call titled `callTitle` from the applications list; returns the new draft's id. */
export async function startApplication(page: Page, callTitle: string): Promise<string> {
  await page.goto('/applications');
  await page.getByRole('heading', { name: '我的申报' }).waitFor();
  await page.getByRole('combobox', { name: '选择正在征集的创投活动' }).click();
  await pick(page, callTitle);
  await page.getByRole('button', { name: '开始填写申报书' }).click();
  await page.waitForURL(/\/applications\/[0-9a-f-]{36}$/);
  await page.getByTestId('draft-form').waitFor();
  return page.url().split('/').pop()!;
}

/** Types the project's title and saves the draft with nothing else. */
export async function saveDraftWithTitle(page: Page, title: string): Promise<void> {
  await page.getByLabel('项目名称', { exact: true }).fill(title);
  await page.getByRole('button', { name: '保存草稿' }).click();
  await page.getByText('草稿已保存').waitFor();
}

/** The draft's row in the applications list, once it shows its call and the time left to submit. */
export async function draftRow(page: Page, title: string, callTitle: string): Promise<Locator> {
  await page.goto('/applications');
  const row = page.getByTestId('application-row').filter({ hasText: title });
  await row.filter({ hasText: callTitle }).filter({ hasText: /剩余/ }).waitFor();
  return row;
}

/** What one organisation asks for, in yuan as typed: requested = the two budget lines. */
export interface Proposal {
  summary: string;
  requestedYuan: number;
  lines: [number, number];
  coFundingYuan: number;
  /** The first milestone's date, inside the call's project period. */
  milestoneOn: string;
}

/**
 * Everything on the application page but the title, as an organisation's admin types it: the core fields, two budget
 * lines, one indicator, one milestone, and the two questions every test call's form asks (需求分析, 志愿者人数).
 */
export async function fillApplication(page: Page, p: Proposal): Promise<void> {
  await page.getByLabel('项目概述', { exact: true }).fill(p.summary);
  await page.getByLabel('申请资助金额', { exact: true }).fill(String(p.requestedYuan));
  await page.getByLabel('配套资金', { exact: true }).fill(String(p.coFundingYuan));
  await page.getByLabel('服务对象', { exact: true }).fill('社区 60 岁以上独居老人 120 名');
  await chooseIn(page, '服务社区', '晋阳社区');
  await chooseIn(page, '服务领域', '养老服务');
  await page.getByRole('button', { name: '添加预算科目' }).click();
  await page.getByRole('button', { name: '添加预算科目' }).click();
  const budget = page.getByTestId('budgetLines-row');
  await budget.getByLabel('第 1 行编号', { exact: true }).fill('B01');
  await budget.getByLabel('第 1 行科目名称', { exact: true }).fill('人员劳务');
  await budget.getByLabel('第 1 行金额', { exact: true }).fill(String(p.lines[0]));
  await budget.getByLabel('第 2 行编号', { exact: true }).fill('B02');
  await budget.getByLabel('第 2 行科目名称', { exact: true }).fill('活动物料');
  await budget.getByLabel('第 2 行金额', { exact: true }).fill(String(p.lines[1]));
  await page.getByRole('button', { name: '添加指标' }).click();
  const indicator = page.getByTestId('indicators-row');
  await indicator.getByLabel('第 1 行编号', { exact: true }).fill('I01');
  await indicator.getByLabel('第 1 行指标名称', { exact: true }).fill('探访人次');
  await indicator.getByLabel('第 1 行单位', { exact: true }).fill('人次');
  await indicator.getByLabel('第 1 行目标值', { exact: true }).fill('1200');
  await page.getByRole('button', { name: '添加里程碑' }).click();
  await page.getByLabel('第 1 行里程碑', { exact: true }).fill('完成需求调研');
  await page.getByLabel('第 1 行完成日期', { exact: true }).fill(p.milestoneOn);
  await page.getByLabel('需求分析', { exact: true }).fill('辖区独居老人多，缺少日常陪伴。');
  await page.getByLabel('志愿者人数', { exact: true }).fill('30');
}

/** Submits the draft open on the page and waits for it to read 已提交. */
export async function submitOnPage(page: Page): Promise<void> {
  await page.getByRole('button', { name: '提交申报' }).click();
  await page.getByTestId('application-status').filter({ hasText: '已提交' }).waitFor();
}

/** The officer passes the application open on the page with `reason`, and waits for it to read 资格审查通过. */
export async function passScreening(page: Page, reason: string): Promise<void> {
  const panel = page.getByTestId('screening');
  await panel.getByLabel('通过', { exact: true }).check();
  await panel.getByLabel('审查意见', { exact: true }).fill(reason);
  await panel.getByRole('button', { name: '提交审查结论' }).click();
  await page.getByTestId('application-status').filter({ hasText: '资格审查通过' }).waitFor();
}

/** From the organisation's workbench to the award awaiting its acceptance; returns the award panel. */
export async function openAwardToAccept(page: Page, applicationId: string, amount: string): Promise<Locator> {
  await page.getByTestId('workbench-group-award_to_accept').getByRole('link').first().click();
  await page.waitForURL(`**/applications/${applicationId}`);
  const panel = page.getByTestId('award');
  await panel.getByTestId('award-status').filter({ hasText: '待确认' }).waitFor();
  await panel.getByText(amount).waitFor();
  return panel;
}

/** Accepts the award in its panel and waits for it to read 已确认. */
export async function acceptAward(panel: Locator): Promise<void> {
  await panel.getByRole('button', { name: '确认资助协议' }).click();
  await panel.getByTestId('award-status').filter({ hasText: '已确认' }).waitFor();
}
