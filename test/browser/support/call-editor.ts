import type { Locator, Page } from 'playwright-core';
import { DAY } from '../../support/calls';
import { beijing, chooseIn, countIs, day, pick } from './browser';

/*
 * The officer's steps on the call pages (/calls/new and /calls/:id), shared by the call journeys and the whole
 * grant-making path. Each waits for what the page shows when the step has taken; the checks of what the server
 * stored stay in the tests.
 */

/** antd can leave its spinner (named "loading") in the button's name for a moment after a refusal. */
const AWARD_BUTTON = /^(loading\s*)?立\s?项$/;

/** Opens the call list (its first visit loads the ProTable chunk: seen taking over 30 s on a loaded box). */
export async function openCallList(page: Page): Promise<void> {
  await page.goto('/calls');
  await page.getByRole('heading', { name: '公益创投征集' }).waitFor({ timeout: 120_000 });
}

/** From the call list to an empty call form. */
export async function startNewCall(page: Page): Promise<void> {
  await page.getByRole('button', { name: '新建征集' }).click();
  await page.waitForURL('**/calls/new');
}

export interface CallSettings {
  title: string;
  opensAt: Date;
  closesAt: Date;
  /** The field is left at its default when not given. */
  reviewersPerApplication?: number;
}

/**
 * The call's settings as an officer types them: an elderly-care call with a ¥400,000.00 pool, grants of ¥50,000.00
 * to ¥200,000.00, 20% co-funding, projects running through 2027, and review, notice and award dates after `now`.
 */
export async function fillCallSettings(page: Page, s: CallSettings, now = new Date()): Promise<void> {
  await page.getByLabel('征集名称').fill(s.title);
  await page.getByLabel('主题', { exact: true }).fill('一老一小');
  await page.getByLabel('征集说明').fill('面向本区社区的养老服务项目征集。');
  await page.getByLabel('服务领域').click();
  await pick(page, '养老服务');
  await page.keyboard.press('Escape');
  await page.getByLabel('资金池').fill('400000');
  await page.getByLabel('单个项目最低资助额').fill('50000');
  await page.getByLabel('单个项目最高资助额').fill('200000');
  await page.getByLabel('配套资金比例（%）').fill('20');
  if (s.reviewersPerApplication !== undefined) await page.getByLabel('每份申报的评审专家数').fill(String(s.reviewersPerApplication));
  await page.getByLabel('申报开始时间').fill(beijing(s.opensAt));
  await page.getByLabel('申报截止时间').fill(beijing(s.closesAt));
  await page.getByLabel('评审截止时间').fill(beijing(new Date(now.getTime() + 10 * DAY)));
  await page.getByLabel('计划公示日期').fill(day(new Date(now.getTime() + 11 * DAY)));
  await page.getByLabel('计划立项日期').fill(day(new Date(now.getTime() + 30 * DAY)));
  await page.getByLabel('项目开始日期').fill('2027-01-01');
  await page.getByLabel('项目结束日期').fill('2027-12-31');
}

/** Who may apply and where, as the officer sets them in the editor's 申报条件与拨付安排 section. */
export interface CallConditionsInput {
  /** e.g. '3A' */
  minGrade: string;
  minYearsRegistered: number;
  /** a service area's label, e.g. '养老服务' */
  qualifiedArea: string;
  requireQualification: boolean;
  /** [what is typed into the search, the community's full name] */
  communities: Array<[string, string]>;
}

/**
 * Sets the eligibility rules and the target communities. Each community is searched on the server by what is typed
 * (the page's own request with `q` is awaited) before it is picked, and its chip is waited for.
 */
export async function setCallConditions(page: Page, c: CallConditionsInput): Promise<void> {
  await chooseOne(page, '最低评估等级', c.minGrade);
  await page.getByLabel('最少登记年限（年）').fill(String(c.minYearsRegistered));
  // Thirteen areas: typed and taken with Enter, as a person does (a click on its list was seen not to take).
  const area = page.getByLabel('须具备承接资质的领域', { exact: true });
  await area.fill(c.qualifiedArea);
  await page.locator(`.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option[title="${c.qualifiedArea}"]`).waitFor();
  await page.keyboard.press('Enter');
  await page.locator('.ant-form-item').filter({ has: area }).last().locator(`.ant-select-selection-item[title="${c.qualifiedArea}"]`).waitFor();
  const qualification = page.getByLabel('须持有有效承接资质');
  if ((await qualification.getAttribute('aria-checked')) !== String(c.requireQualification)) await qualification.click();
  const communities = page.getByLabel('目标社区', { exact: true });
  const item = page.locator('.ant-form-item').filter({ has: communities }).last();
  for (const [typed, name] of c.communities) {
    const searched = page.waitForResponse((r) => {
      const u = new URL(r.url());
      return u.pathname === '/api/v1/places' && u.searchParams.get('q') === typed && r.status() === 200;
    });
    if ((await communities.getAttribute('aria-expanded')) !== 'true') await communities.click();
    await communities.fill(typed);
    await searched;
    await pick(page, name);
    await item.locator(`.ant-select-selection-item[title="${name}"]`).waitFor();
  }
  await page.keyboard.press('Escape');
}

/**
 * Chooses one entry of a single select and waits for it to stand in the field. A list that did not open (the click
 * landing while the previous field's list was still closing: seen once) is opened once more before failing.
 */
async function chooseOne(page: Page, field: string, label: string): Promise<void> {
  const input = page.getByLabel(field, { exact: true });
  const chosen = page.locator('.ant-form-item').filter({ has: input }).last().locator(`.ant-select-selection-item[title="${label}"]`);
  const option = page.locator(`.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option[title="${label}"]`);
  const selector = page.locator('.ant-form-item').filter({ has: input }).last().locator('.ant-select-selector');
  for (let attempt = 1; ; attempt++) {
    // The field as a person clicks it (the input itself lies under the chosen value's span); the keyboard once more.
    if ((await input.getAttribute('aria-expanded')) !== 'true') {
      if (attempt === 1) await selector.click();
      else {
        await input.focus();
        await page.keyboard.press('ArrowDown');
      }
    }
    if (await option.click({ timeout: 10_000 }).then(() => chosen.waitFor({ timeout: 10_000 })).then(() => true, () => false)) return;
    if (attempt === 2) throw new Error(`${field}: "${label}" could not be chosen`);
  }
}

/** Changes tranche n of the plan: what is given is set, conditions (by label) are added to those there. */
export async function setTranche(page: Page, n: number, s: { name?: string; percent?: number; addConditions?: string[]; spendingPercent?: number }): Promise<void> {
  const section = page.getByTestId('call-conditions');
  if (s.name !== undefined) await section.getByLabel(`第 ${n} 期名称`).fill(s.name);
  if (s.percent !== undefined) await section.getByLabel(`第 ${n} 期比例（%）`).fill(String(s.percent));
  if (s.spendingPercent !== undefined) await section.getByLabel(`第 ${n} 期支出比例不低于（%）`).fill(String(s.spendingPercent));
  if (s.addConditions?.length) await chooseIn(page, `第 ${n} 期拨付条件`, ...s.addConditions);
}

/** Removes tranche n and waits for the plan to have `left` tranches. */
export async function removeTranche(page: Page, n: number, left: number): Promise<void> {
  await page.getByRole('button', { name: `删除第 ${n} 期` }).click();
  await countIs(page.getByTestId('tranche'), left);
}

/** The form builder: adds question n (after n - 1 already there) of type "number", and waits for it to stand. */
export async function addNumberQuestion(page: Page, n: number, name: string): Promise<void> {
  await page.getByRole('button', { name: '添加题目' }).click();
  await page.getByLabel(`第 ${n} 题名称`).fill(name);
  await page.getByLabel(`第 ${n} 题题型`).click({ force: true }); // the chosen value's span lies over the input
  await pick(page, '数字');
  await countIs(page.getByTestId('form-question'), n);
}

/** The rubric: sets the first criterion's weight and waits for the running sum the page shows as it is typed. */
export async function weighFirstCriterion(page: Page, weight: number, sum: number): Promise<void> {
  await page.getByLabel('第 1 项权重').fill(String(weight));
  await page.getByTestId('weight-sum').filter({ hasText: `权重合计 ${sum} / 100` }).waitFor();
}

/** Saves the new call as a draft; returns its id once its page shows it as a draft. */
export async function saveCallDraft(page: Page): Promise<string> {
  await page.getByRole('button', { name: '保存草稿' }).click();
  await page.waitForURL(/\/calls\/[0-9a-f-]{36}$/);
  await callStatus(page, 'draft').waitFor();
  return page.url().split('/').pop()!;
}

/** The call's status badge, once it says `status`. */
export function callStatus(page: Page, status: string): Locator {
  return page.locator(`[data-testid="call-status"][data-status="${status}"]`);
}

/** A closed call: forms its panel from the district's reviewers by name and assigns the reviews automatically. */
export async function formPanelAndAssign(page: Page, callId: string, reviewerNames: string[], assignments: number): Promise<void> {
  await page.goto(`/calls/${callId}`);
  await page.getByRole('tab', { name: '评审专家', selected: true }).waitFor();
  await page.getByLabel('从本区评审专家中选择').click();
  for (const name of reviewerNames) await pick(page, name);
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: '加入专家组' }).click();
  await countIs(page.getByTestId('panel').locator('tbody tr'), reviewerNames.length);
  // Assigning moves the call from closed to reviewing; once the page has re-read the call, the officer is still
  // on this tab looking at the result (the page used to jump to the ranking and lose it).
  const reread = page.waitForResponse((r) => r.request().method() === 'GET' && new URL(r.url()).pathname === `/api/v1/calls/${callId}`);
  await page.getByRole('button', { name: '自动分配评审' }).click();
  await reread;
  await page.getByRole('tab', { name: '评审专家', selected: true }).waitFor();
  await page.getByRole('status').filter({ hasText: `已分配 ${assignments} 项评审任务` }).waitFor();
}

/** Opens the ranking (the tab a scored call opens on) and checks the applications stand in `referenceNos` order. */
export async function expectRanking(page: Page, callId: string, referenceNos: string[]): Promise<void> {
  await page.goto(`/calls/${callId}`);
  await page.getByRole('tab', { name: '排名与入选', selected: true }).waitFor();
  const ranking = page.getByTestId('ranking');
  await ranking.getByText(referenceNos[referenceNos.length - 1]).waitFor();
  expect(await ranking.locator('tbody tr td:nth-child(3)').allTextContents()).toEqual(referenceNos);
}

/** Confirms the selection as it stands on the ranking tab; `total` is the grant total the page confirms, e.g. ¥330,000.00. */
export async function confirmSelection(page: Page, total: string): Promise<void> {
  await page.getByRole('button', { name: '确定入选名单' }).click();
  await page.getByRole('status').filter({ hasText: `入选名单已保存，资助总额 ${total}` }).waitFor();
}

/** Publishes the public notice of the selection. */
export async function publishNotice(page: Page): Promise<void> {
  await page.getByRole('tab', { name: '公示与异议' }).click();
  await page.getByRole('button', { name: '发布公示' }).click();
  await page.getByTestId('notice-period').waitFor();
}

/** Answers the objection whose text contains `content`, waiting while it reads 待答复 and until it reads 已答复. */
export async function answerObjection(page: Page, callId: string, content: string, answer: string): Promise<void> {
  await page.goto(`/calls/${callId}`);
  await page.getByRole('tab', { name: '公示与异议', selected: true }).waitFor();
  const item = page.getByTestId('objection').filter({ hasText: content });
  await item.getByText('待答复').waitFor();
  await item.getByLabel('答复内容').fill(answer);
  await item.getByRole('button', { name: '提交答复' }).click();
  await item.getByText('已答复').waitFor();
}

/** Opens the award tab of the call page open in `page`. */
export async function openAwardTab(page: Page): Promise<void> {
  await page.getByRole('tab', { name: '立项' }).click();
}

/** Presses 立项 (the refusal, when there is one, is the test's to read). */
export async function pressAward(page: Page): Promise<void> {
  await page.getByRole('button', { name: AWARD_BUTTON }).click();
}

/** Presses 立项 and waits for `n` awards to stand awaiting the organisations' acceptance. */
export async function award(page: Page, n: number): Promise<void> {
  await pressAward(page);
  await page.getByRole('status').filter({ hasText: `已立项 ${n} 个项目` }).waitFor();
  await countIs(page.getByTestId('awards').locator('[data-testid="award-status"][data-status="awaiting_acceptance"]'), n);
}
