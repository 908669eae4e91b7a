import type { Browser } from 'playwright-core';
import { CallClosingScheduler } from '../../src/modules/calls/call-closing.scheduler';
import { PASSWORD, TestApp, addMember, openDistrict } from '../support/test-app';
import { organisationMember } from '../support/organisations';
import { DAY, applicantOrganisation, applicationContent, clockOf, publishedCall, submitApplication, venturePeople } from '../support/calls';
import { WIDTHS, atBothWidths, browserWorld, countIs, openTab, pick, signInThroughPage, signedInTab, switchLanguage } from './support/browser';

// Set-up over the API, then the steps being proved through the pages; each test opens its own district.
jest.setTimeout(420_000);

/** The options the open select list shows right now. */
const shownOptions = (page: import('playwright-core').Page) =>
  page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option');

/** Types into a server-searched select and waits for the server's answer to that text. */
async function search(page: import('playwright-core').Page, field: import('playwright-core').Locator, path: string, text: string) {
  const answered = page.waitForResponse((r) => { const u = new URL(r.url()); return u.pathname === path && u.searchParams.get('q') === text; });
  await field.fill(text);
  await answered;
}

describe('reviewer conflicts, co-editors and withdrawal in a real browser', () => {
  const world = browserWorld();
  let t: TestApp;
  let browser: Browser;
  beforeAll(() => ({ t, browser } = world));
  afterEach(() => clockOf(t).set(undefined));

  it('the officer finds reviewers by name, sees a staff link and a declared conflict with its reason; the reviewer\'s empty reason is refused (phone)', async () => {
    const d = await openDistrict(t);
    const { communityId, officer, reviewers } = await venturePeople(t, d, 3);
    const call = await publishedCall(t, d, officer, { communityIds: [communityId], reviewersPerApplication: 2, blindReview: false, title: '回避测试的创投活动' });
    const a = await applicantOrganisation(t, d, '晋阳长者服务中心');
    const b = await applicantOrganisation(t, d, '锦江儿童之家');
    const linked = await addMember(t, d, ['reviewer'], { organisationId: a.organisationId, name: '兼职专家' });
    const appA = await submitApplication(a.admin, call.id, communityId, { title: '长者陪伴' });
    const appB = await submitApplication(b.admin, call.id, communityId, { title: '儿童托管' });
    for (const app of [appA, appB]) await officer.post(`/api/v1/applications/${app.id}/screening`, { version: app.version, decision: 'pass', reason: '符合条件' }).expect(200);
    clockOf(t).set(new Date(new Date(call.closesAt).getTime() + 60_000));
    await t.app.get(CallClosingScheduler).tick();

    const tab = await signedInTab(browser, t.baseUrl!, officer.phone);
    const reviewer = await openTab(browser, t.baseUrl!, WIDTHS.phone);
    const { page } = tab;
    try {
      // The panel, formed on the page: the server searches the district's reviewers by the typed name.
      await page.goto(`/calls/${call.id}`);
      await page.getByRole('tab', { name: '评审专家', selected: true }).waitFor();
      const field = page.getByLabel('从本区评审专家中选择');
      await field.click();
      await search(page, field, '/api/v1/members', '兼职');
      await countIs(shownOptions(page), 1);
      await pick(page, '兼职专家');
      await search(page, field, '/api/v1/members', '评审专家');
      for (const r of ['评审专家1', '评审专家2', '评审专家3']) await pick(page, r);
      await page.keyboard.press('Escape');
      await page.getByRole('button', { name: '加入专家组' }).click();
      await countIs(page.getByTestId('panel').locator('tbody tr'), 4);
      // Before any assignment the staff link is named: who, which application, why.
      const conflicts = page.getByTestId('conflicts');
      await conflicts.locator('tr').filter({ hasText: '兼职专家' }).filter({ hasText: appA.referenceNo }).filter({ hasText: '任职关系' }).waitFor();
      await page.getByRole('button', { name: '自动分配评审' }).click();
      await page.getByRole('status').filter({ hasText: '已分配 4 项评审任务' }).waitFor();
      // Assignment kept the linked reviewer away from the organisation they work for.
      expect((await linked.get('/api/v1/reviews/assignments').expect(200)).body.items.map((x: { referenceNo: string }) => x.referenceNo)).not.toContain(appA.referenceNo);

      // A reviewer declares a conflict on their phone: an empty reason is refused with the server's words first.
      const lists = await Promise.all(reviewers.map((r) => r.get('/api/v1/reviews/assignments').expect(200)));
      const holder = lists.findIndex((l) => l.body.items.length > 0);
      const assignment = lists[holder].body.items[0];
      const declarer = reviewers[holder];
      await signInThroughPage(reviewer.page, declarer.phone, PASSWORD);
      await reviewer.page.getByRole('heading', { name: /工作台/ }).waitFor();
      await reviewer.page.goto(`/reviews/${assignment.id}`);
      await reviewer.page.getByTestId('score-card').waitFor();
      expect(await atBothWidths(reviewer.page, 'review-conflict', () => reviewer.page.getByTestId('score-card').waitFor())).toEqual([]);
      await reviewer.page.getByRole('button', { name: '申报利益冲突' }).click();
      const dialog = reviewer.page.getByRole('dialog');
      const refused = reviewer.page.waitForResponse((r) => new URL(r.url()).pathname === `/api/v1/reviews/assignments/${assignment.id}/conflict` && r.status() === 400);
      await dialog.getByRole('button', { name: '确认申报' }).click();
      await refused;
      const empty = await declarer.post(`/api/v1/reviews/assignments/${assignment.id}/conflict`, { reason: '' }).expect(400);
      await dialog.getByRole('alert').filter({ hasText: empty.body.message['zh-CN'] }).waitFor();
      await dialog.getByLabel('冲突原因').fill('曾为该机构提供督导');
      await dialog.getByRole('button', { name: '确认申报' }).click();
      await reviewer.page.waitForURL('**/reviews');
      await reviewer.page.getByTestId('assignment-row').filter({ hasText: assignment.referenceNo }).filter({ hasText: '已申报利益冲突' }).waitFor();

      // The officer sees the declared conflict with its reason beside the staff link — as the API has them.
      const api = (await officer.get(`/api/v1/calls/${call.id}/review-conflicts`).expect(200)).body.items;
      expect(api).toHaveLength(2);
      expect(api).toEqual(expect.arrayContaining([
        expect.objectContaining({ membershipId: declarer.memberId, referenceNo: assignment.referenceNo, kind: 'declared', reason: '曾为该机构提供督导' }),
        expect.objectContaining({ membershipId: linked.memberId, referenceNo: appA.referenceNo, kind: 'staff' }),
      ]));
      await page.goto(`/calls/${call.id}?tab=reviewers`);
      await page.getByRole('tab', { name: '评审专家', selected: true }).waitFor();
      const declared = () => conflicts.getByText('曾为该机构提供督导').waitFor();
      await conflicts.locator('tr').filter({ hasText: assignment.referenceNo }).filter({ hasText: '专家声明' }).filter({ hasText: '曾为该机构提供督导' }).waitFor();
      expect(await atBothWidths(page, 'call-reviewers-conflicts', declared)).toEqual([]);
      await switchLanguage(page, 'English');
      await conflicts.getByText('Conflicts of interest (2)').waitFor();
      await conflicts.getByText('Declared by the reviewer').first().waitFor();
      expect(tab.errors).toEqual([]);
      expect(reviewer.errors).toEqual([]);
    } finally {
      await tab.close();
      await reviewer.close();
    }
  });

  it('the admin finds the call by its title, adds a co-editor who edits in their own session, withdraws once; a withdrawal after the close is refused', async () => {
    const clock = clockOf(t);
    const d = await openDistrict(t);
    // A call opened three days ago and closed yesterday, applied to while it was open; set up before anyone signs in,
    // so no session straddles a clock change.
    clock.set(new Date(Date.now() - 3 * DAY));
    const { communityId, officer } = await venturePeople(t, d, 0);
    const a = await applicantOrganisation(t, d, '晋阳社会工作服务中心');
    const late = await publishedCall(t, d, officer, { communityIds: [communityId], title: '已截止的创投活动' });
    const lateApp = await submitApplication(a.admin, late.id, communityId, { title: '来不及撤回的申报' });
    clock.set(undefined);
    const call = await publishedCall(t, d, officer, { communityIds: [communityId], title: '协同编辑的创投活动' });
    await publishedCall(t, d, officer, { communityIds: [communityId], title: '社区治理微创投' }); // open too, but not what is typed
    const colleague = await organisationMember(t, d, a.organisationId, ['org_staff'], { name: '王同事' });

    const tab = await signedInTab(browser, t.baseUrl!, a.admin.phone);
    const co = await openTab(browser, t.baseUrl!, WIDTHS.phone);
    const { page } = tab;
    try {
      // The open-call picker asks the server for calls whose title has what was typed.
      await page.goto('/applications');
      const picker = page.getByRole('combobox', { name: '选择正在征集的创投活动' });
      await picker.click();
      await search(page, picker, '/api/v1/calls', '协同');
      await countIs(shownOptions(page), 1);
      await pick(page, call.title);
      await page.getByRole('button', { name: '开始填写申报书' }).click();
      await page.waitForURL(/\/applications\/[0-9a-f-]{36}$/);
      const id = page.url().split('/').pop()!;
      const draft = (await a.admin.get(`/api/v1/applications/${id}`).expect(200)).body;
      await a.admin.patch(`/api/v1/applications/${id}`, { ...applicationContent(communityId, '15000000', '共同编辑前'), version: draft.version }).expect(200);
      await page.reload();

      // The admin makes a colleague a co-editor.
      const editors = page.getByTestId('editors');
      await editors.getByRole('combobox', { name: '选择本机构同事' }).click();
      await pick(page, '王同事');
      await editors.getByRole('button', { name: '添加为编辑人' }).click();
      await editors.getByRole('listitem').filter({ hasText: '王同事' }).waitFor();
      expect(await atBothWidths(page, 'application-editors', () => editors.getByRole('listitem').filter({ hasText: '王同事' }).waitFor())).toEqual([]);

      // The colleague edits the draft in their own session, on a phone.
      await signInThroughPage(co.page, colleague.phone, PASSWORD);
      await co.page.getByRole('heading', { name: /工作台/ }).waitFor();
      await co.page.goto(`/applications/${id}`);
      await co.page.getByTestId('draft-form').waitFor();
      await co.page.getByLabel('项目名称', { exact: true }).fill('共同编辑后的标题');
      await co.page.getByRole('button', { name: '保存草稿' }).click();
      await co.page.getByText('草稿已保存').waitFor();
      const edited = (await a.admin.get(`/api/v1/applications/${id}`).expect(200)).body;
      expect(edited).toMatchObject({ title: '共同编辑后的标题', status: 'draft' });

      // Submitted over the API; the admin withdraws it on the page after confirming.
      await a.admin.post(`/api/v1/applications/${id}/submit`, { version: edited.version }).set('Idempotency-Key', `s-${id}`).expect(200);
      await page.reload();
      await page.getByTestId('application-status').filter({ hasText: '已提交' }).waitFor();
      await page.getByRole('button', { name: '撤回申报' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('撤回原因（可选）').fill('合作方变更');
      await dialog.getByRole('button', { name: '确认撤回' }).click();
      await page.getByTestId('application-status').filter({ hasText: '已撤回' }).waitFor();
      // Withdrawn is final: the page offers no second withdrawal.
      expect(await page.getByRole('button', { name: '撤回申报' }).count()).toBe(0);
      expect((await a.admin.get(`/api/v1/applications/${id}`).expect(200)).body.status).toBe('withdrawn');

      // After the close the server refuses a withdrawal, and the page shows its words.
      await page.goto(`/applications/${lateApp.id}`);
      await page.getByTestId('application-status').filter({ hasText: '已提交' }).waitFor();
      await page.getByRole('button', { name: '撤回申报' }).click();
      const refused = page.waitForResponse((r) => new URL(r.url()).pathname === `/api/v1/applications/${lateApp.id}/withdraw` && r.status() === 409);
      await dialog.getByRole('button', { name: '确认撤回' }).click();
      await refused;
      const closed = await a.admin.post(`/api/v1/applications/${lateApp.id}/withdraw`, { version: lateApp.version }).expect(409);
      expect(closed.body.code).toBe('CALL_CLOSED');
      await dialog.getByRole('alert').filter({ hasText: closed.body.message['zh-CN'] }).waitFor();
      expect((await a.admin.get(`/api/v1/applications/${lateApp.id}`).expect(200)).body.status).toBe('submitted');

      // The officer's submissions tab shows the withdrawn application as withdrawn.
      const officerTab = await signedInTab(browser, t.baseUrl!, officer.phone);
      try {
        await officerTab.page.goto(`/calls/${call.id}?tab=submissions`);
        await officerTab.page.getByRole('tab', { name: '申报书', selected: true }).waitFor();
        const row = officerTab.page.getByTestId('submissions-table').locator('tr').filter({ hasText: '共同编辑后的标题' });
        await row.getByTestId('application-status').filter({ hasText: '已撤回' }).waitFor();
        expect(await atBothWidths(officerTab.page, 'call-submissions-withdrawn', () => row.waitFor())).toEqual([]);
        expect(officerTab.errors).toEqual([]);
      } finally {
        await officerTab.close();
      }
      expect(tab.errors).toEqual([]);
      expect(co.errors).toEqual([]);
    } finally {
      await tab.close();
      await co.close();
    }
  });
});
