import type { Page } from 'playwright-core';
import { fundedProject, projectWorld } from '../support/projects';
import { TestApp } from '../support/test-app';
import { WIDTHS, atBothWidths, browserWorld, countIs, pick, switchLanguage, tabsClosedAfterEach, posted } from './support/browser';

// Two or three people's sessions with axe at two widths per page, on a loaded 2-core machine.
jest.setTimeout(480_000);

describe('project change requests and closure in a real browser', () => {
  const world = browserWorld();
  const signedIn = tabsClosedAfterEach(world);
  let t: TestApp;

  beforeAll(() => {
    ({ t } = world);
  });

  /** axe and a screenshot at both widths, the tab's own width first; no serious violation. */
  async function check(page: Page, name: string, ready: () => Promise<unknown> = () => page.locator('h1').first().waitFor()) {
    const start = page.viewportSize()!.width;
    expect(await atBothWidths(page, `project-changes-${name}`, ready, [start, start === WIDTHS.phone ? WIDTHS.desktop : WIDTHS.phone])).toEqual([]);
  }

  it('the organisation asks for an extension (a bad date refused first); the officer finds it on the workbench, pages the change list, rejects one only with a reason, approves another, and searches evaluators on the server', async () => {
    const w = await projectWorld(t);
    const { id, detail } = await fundedProject(t, w, { projectTitle: '社区变更·浏览器' });
    const [staff, activity] = detail.plan.budgetLines;
    const changesUrl = `/api/v1/projects/${id}/changes`;
    // Ten small reallocations (under the approval threshold: they take effect at once) so the list has a second page.
    for (let i = 0; i < 10; i++) {
      await w.orgAdminA.post(changesUrl, { kind: 'reallocation', reason: `小额调整${i}`, reallocations: [{ fromBudgetLineId: staff.id, toBudgetLineId: activity.id, amountFen: '100' }] }).expect(201);
    }

    // The organisation, on a phone: an end date before the current one is refused on the field, in the server's words.
    const org = await signedIn(w.orgAdminA.phone, WIDTHS.phone);
    await org.page.goto(`/projects/${id}`);
    const orgChanges = org.page.getByTestId('changes');
    await orgChanges.getByLabel('新的结束日期').fill('2027-06-30');
    await orgChanges.getByLabel('变更理由').fill('服务对象增加，需延长服务期');
    const [early] = await Promise.all([posted(org.page, changesUrl), orgChanges.getByRole('button', { name: '提交变更申请' }).click()]);
    expect(early.status()).toBe(400);
    const refused = (await w.orgAdminA.post(changesUrl, { kind: 'extension', reason: '服务对象增加，需延长服务期', newEndsOn: '2027-06-30' }).expect(400)).body;
    await orgChanges.getByRole('alert').filter({ hasText: refused.message['zh-CN'] }).waitFor();
    await orgChanges.getByText(refused.errors[0].zh).waitFor();
    await orgChanges.getByLabel('新的结束日期').fill('2028-03-31');
    await orgChanges.getByRole('button', { name: '提交变更申请' }).click();
    const orgExtension = orgChanges.getByTestId('change').filter({ hasText: '服务对象增加，需延长服务期' });
    await orgExtension.getByText('待处理').waitFor();
    await check(org.page, 'detail-organisation');
    // A second pending change, of another kind, over the API.
    const indicator = detail.plan.indicators.find((i: { name: string }) => i.name === '探访人次');
    await w.orgAdminA.post(changesUrl, { kind: 'indicator_target', reason: '探访需求上升，提高目标', indicatorTargets: [{ indicatorId: indicator.id, target: 1500 }] }).expect(201);

    // The officer: the workbench lists both waiting decisions and leads to the project.
    const officer = await signedIn(w.officer.phone);
    const waiting = officer.page.getByTestId('workbench-group-change_to_approve');
    await countIs(waiting.getByRole('link', { name: '社区变更·浏览器' }), 2);
    await waiting.getByRole('link', { name: '社区变更·浏览器' }).first().click();
    await officer.page.getByRole('heading', { name: '社区变更·浏览器' }).waitFor();
    const changes = officer.page.getByTestId('changes');
    const items = changes.getByTestId('change');

    // Twelve changes, ten a page, newest first: the two waiting ones lead page 1; page 2 holds the two oldest.
    await countIs(items, 10);
    await items.nth(0).getByText('待处理').waitFor();
    const pager = changes.getByRole('navigation', { name: '变更申请分页' });
    await pager.getByText('共 12 项').waitFor();
    await pager.getByRole('button', { name: '下一页' }).click();
    await countIs(items, 2);
    await items.filter({ hasText: '小额调整0' }).waitFor();
    await pager.getByRole('button', { name: '上一页' }).click();
    await countIs(items, 10);
    await check(officer.page, 'detail-officer');

    // Rejecting without a comment: the server refuses, and its words are on the page; with one, the change is rejected.
    const extension = items.filter({ hasText: '服务对象增加，需延长服务期' });
    // What each asks is on the item the officer decides on.
    await extension.getByText('2028-03-31').waitFor();
    await items.filter({ hasText: '探访需求上升，提高目标' }).getByText('目标值 1500 人次').waitFor();
    const pending = (await w.officer.get(`${changesUrl}?limit=2`).expect(200)).body.items as Array<{ id: string; kind: string; version: number }>;
    const ext = pending.find((c) => c.kind === 'extension')!;
    const target = pending.find((c) => c.kind === 'indicator_target')!;
    const rejectButton = extension.locator('button', { hasText: /^驳\s?回$/ });
    const [noComment] = await Promise.all([posted(officer.page, `${changesUrl}/${ext.id}/reject`), rejectButton.click()]);
    expect(noComment.status()).toBe(400);
    const why = (await w.officer.post(`${changesUrl}/${ext.id}/reject`, { version: ext.version }).expect(400)).body;
    await changes.getByRole('alert').filter({ hasText: why.message['zh-CN'] }).waitFor();
    await extension.getByLabel('审批意见').fill('延期过长，请按季度调整');
    await rejectButton.click();
    await extension.getByText('已驳回').waitFor();
    await extension.getByText('延期过长，请按季度调整').waitFor();
    const targetItem = items.filter({ hasText: '探访需求上升，提高目标' });
    await targetItem.locator('button', { hasText: /^通\s?过$/ }).click();
    await targetItem.getByText('已通过').waitFor();

    // English once, on the project page.
    await switchLanguage(officer.page, 'English');
    await officer.page.getByRole('heading', { name: 'Change requests' }).waitFor();
    await switchLanguage(officer.page, '中文');
    await officer.page.getByRole('heading', { name: '变更申请' }).waitFor();

    // The evaluator picker asks the server as the officer types, and offers only who matches.
    const picker = officer.page.getByRole('combobox', { name: '选择评估方' });
    await picker.click();
    const [searched] = await Promise.all([
      officer.page.waitForResponse((r) => r.url().includes('/api/v1/members?') && new URL(r.url()).searchParams.get('q') === '另一'),
      picker.fill('另一'),
    ]);
    expect((await searched.json()).items.map((m: { name: string }) => m.name)).toEqual(['另一评估机构']);
    await countIs(officer.page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option[title="评估中心"]'), 0);
    await pick(officer.page, '另一评估机构');
    await officer.page.getByRole('button', { name: /^指\s?派$/ }).click();
    await officer.page.getByTestId('assignment').filter({ hasText: '另一评估机构' }).waitFor();

    // The organisation sees both decisions; the API agrees, and the approved target is the plan's.
    await org.page.reload();
    await orgExtension.getByText('已驳回').waitFor();
    await orgChanges.getByTestId('change').filter({ hasText: '探访需求上升，提高目标' }).getByText('已通过').waitFor();
    const after = (await w.orgAdminA.get(`${changesUrl}?limit=2`).expect(200)).body.items as Array<{ id: string; status: string; decisionComment: string | null }>;
    expect(after.find((c) => c.id === ext.id)).toMatchObject({ status: 'rejected', decisionComment: '延期过长，请按季度调整' });
    expect(after.find((c) => c.id === target.id)).toMatchObject({ status: 'approved' });
    const p = (await w.orgAdminA.get(`/api/v1/projects/${id}`).expect(200)).body;
    expect(p.endsOn).toBe('2027-12-31');
    expect(p.plan.indicators.find((x: { id: string }) => x.id === indicator.id).target).toBe(1500);
    expect(org.errors).toEqual([]);
    expect(officer.errors).toEqual([]);
  });

  it('finance closes a project early: without an early-termination reason the server refuses in its words; with one the project is closed, and the organisation sees it', async () => {
    const w = await projectWorld(t);
    const { id } = await fundedProject(t, w, { projectTitle: '社区结项·浏览器' });
    const finance = await signedIn(w.finance.phone);
    await finance.page.goto(`/projects/${id}`);
    const closure = finance.page.getByTestId('closure');
    await closure.getByLabel('提前终止原因').waitFor();

    const closeButton = closure.locator('button', { hasText: /^结\s?项$/ });
    const url = `/api/v1/projects/${id}/close`;
    const [early] = await Promise.all([posted(finance.page, url), closeButton.click()]);
    expect(early.status()).toBe(409);
    const { version } = (await w.finance.get(`/api/v1/projects/${id}`).expect(200)).body;
    const refused = (await w.finance.post(url, { version }).expect(409)).body;
    expect(refused.code).toBe('CLOSURE_BEFORE_END');
    await closure.getByRole('alert').filter({ hasText: refused.message['zh-CN'] }).waitFor();

    await closure.getByLabel('提前终止原因').fill('服务对象整体搬迁，项目无法继续执行');
    await closeButton.click();
    await finance.page.getByTestId('project-status').getByText('已结项').waitFor();
    await countIs(finance.page.getByTestId('closure'), 0);
    const closed = (await w.finance.get(`/api/v1/projects/${id}`).expect(200)).body;
    expect(closed.status).toBe('closed');

    // The organisation, on a phone: closed, and no new change can be asked for.
    const org = await signedIn(w.orgAdminA.phone, WIDTHS.phone);
    await org.page.goto(`/projects/${id}`);
    await org.page.getByTestId('project-status').getByText('已结项').waitFor();
    await org.page.getByText('结项时间').waitFor();
    await countIs(org.page.getByRole('button', { name: '提交变更申请' }), 0);
    await check(org.page, 'closed-organisation');
    expect(finance.errors).toEqual([]);
    expect(org.errors).toEqual([]);
  });
});
