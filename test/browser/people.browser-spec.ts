import type { Browser, Page } from 'playwright-core';
import { District, PASSWORD, TestApp, acceptInvitation, addMember } from '../support/test-app';
import { createVerifiedOrganisation, organisationMember } from '../support/organisations';
import { applicationContent, publishedCall } from '../support/calls';
import { WIDTHS, atBothWidths, browserWorld, openTab, pick, signInThroughPage, signedInTab, switchLanguage } from './support/browser';

// Two people's tabs per test, sign-ins and a mail round trip, on a loaded 2-core machine.
jest.setTimeout(300_000);

const section = (page: Page, name: string) =>
  page.getByRole('tab', { name }).or(page.locator('label.ant-radio-button-wrapper').filter({ hasText: new RegExp(`^${name}$`) }));

describe('people and organisations in a real browser: roles, suspension, e-mail sign-in, grade and standing', () => {
  const world = browserWorld();
  let t: TestApp;
  let d: District;
  let browser: Browser;
  beforeAll(() => {
    ({ t, d, browser } = world);
  });

  it('the admin changes a role (the next page shows its menu), suspends (the open tab is signed out, sign-in refused) and reactivates; one signs in by e-mail', async () => {
    // Names of their own: a retried attempt runs in the same district.
    const tag = Date.now().toString(36).slice(-5);
    const adminName = `人员管理员${tag}`;
    const name = `角色测试员${tag}`;
    const admin = await addMember(t, d, ['district_admin'], { name: adminName });
    const person = await addMember(t, d, ['reviewer'], { name });
    const adminTab = await signedInTab(browser, t.baseUrl!, admin.phone);
    const personTab = await signedInTab(browser, t.baseUrl!, person.phone);
    const { page } = adminTab;
    const them = personTab.page;
    try {
      // The reviewer's menu: review tasks, not the registry.
      await them.getByRole('link', { name: '评审任务' }).first().waitFor({ state: 'attached' });
      expect(await them.getByRole('link', { name: '社会组织名录' }).count()).toBe(0);

      await page.goto('/settings/members');
      const row = page.getByRole('row').filter({ hasText: name });
      await row.getByText('评审专家').waitFor();

      // --- a role change: the reviewer becomes a programme officer
      await page.getByRole('button', { name: `调整角色: ${name}` }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('角色').click();
      await pick(page, '项目主管');
      await dialog.locator('.ant-modal-title').click(); // closes the role list
      await dialog.locator('.ant-select-selection-item[title="评审专家"] .ant-select-selection-item-remove').click();
      const changed = page.waitForResponse((r) => r.url().endsWith(`/api/v1/members/${person.memberId}/roles`) && r.request().method() === 'PATCH');
      await dialog.locator('.ant-modal-footer .ant-btn-primary').click();
      expect((await changed).status()).toBe(200);
      await dialog.waitFor({ state: 'hidden' });
      await row.getByText('项目官员').waitFor(); // the server's name for the role
      expect((await d.admin.get(`/api/v1/members/${person.memberId}`)).body.roles.map((r: { role: string }) => r.role)).toEqual(['programme_officer']);
      // Their next page (a new page load) offers the new role's menu and no longer the old one's.
      await them.goto('/workbench');
      await them.getByRole('link', { name: '社会组织名录' }).first().waitFor({ state: 'attached' });
      expect(await them.getByRole('link', { name: '评审任务' }).count()).toBe(0);

      // --- a refusal in the server's words: nobody suspends themselves
      await page.getByRole('button', { name: `停用: ${adminName}` }).click();
      await dialog.getByLabel('停用原因').fill('自我停用试试');
      const selfRefused = page.waitForResponse((r) => r.url().includes('/suspend') && r.request().method() === 'POST');
      await dialog.locator('.ant-modal-footer .ant-btn-primary').click();
      expect((await selfRefused).status()).toBe(409);
      const self = await admin.get(`/api/v1/members/${(await admin.get('/api/v1/me')).body.membershipId}`);
      const refusal = await admin.post(`/api/v1/members/${self.body.id}/suspend`, { reason: '自我停用试试', version: self.body.version });
      expect(refusal.body.code).toBe('CANNOT_SUSPEND_SELF');
      await dialog.getByRole('alert').filter({ hasText: refusal.body.message['zh-CN'] }).waitFor();
      await dialog.locator('.ant-modal-footer .ant-btn:not(.ant-btn-primary)').click();
      await dialog.waitFor({ state: 'hidden' });

      // --- suspension: the person's open tab is signed out on its next request, with the server's reason
      await page.getByRole('button', { name: `停用: ${name}` }).click();
      await dialog.getByLabel('停用原因').fill('调离岗位');
      await dialog.locator('.ant-modal-footer .ant-btn-primary').click();
      await dialog.waitFor({ state: 'hidden' });
      await row.getByTestId('member-status').filter({ hasText: '已停用' }).waitFor();
      await row.getByText('调离岗位').waitFor();
      expect(await atBothWidths(page, 'people-members', () => row.getByText('调离岗位').waitFor(), [WIDTHS.desktop, WIDTHS.phone])).toEqual([]);

      const inactive = await person.get('/api/v1/organisations');
      expect(inactive.body.code).toBe('MEMBERSHIP_INACTIVE');
      // Their next request ends the session: a click on the menu, or the header's unread-count poll if it comes first
      // (then the link is gone, and the click is let go).
      const signedOut = them.waitForURL('**/sign-in');
      await Promise.race([them.getByRole('link', { name: '社会组织名录' }).first().click().catch(() => undefined), signedOut]);
      await signedOut;
      await them.getByTestId('session-lost').filter({ hasText: inactive.body.message['zh-CN'] }).waitFor();
      // Signing in again is refused with the server's reason while their only district has them suspended.
      await signInThroughPage(them, person.phone, PASSWORD);
      const loginRefused = await t.http.post('/api/v1/auth/login').send({ login: person.phone, password: PASSWORD }).expect(403);
      expect(loginRefused.body.code).toBe('MEMBERSHIP_SUSPENDED');
      await them.getByRole('alert').filter({ hasText: loginRefused.body.message['zh-CN'] }).waitFor();
      expect(await atBothWidths(them, 'people-sign-in-refused', () => them.getByRole('alert').filter({ hasText: loginRefused.body.message['zh-CN'] }).waitFor(), [WIDTHS.desktop, WIDTHS.phone])).toEqual([]);

      // --- reactivation: they sign in again and work with their roles
      await row.getByRole('button', { name: `恢复: ${name}` }).click();
      await page.locator('.ant-popover:not(.ant-popover-hidden) .ant-btn-primary').click();
      await row.getByTestId('member-status').filter({ hasText: '在岗' }).waitFor();
      await signInThroughPage(them, person.phone, PASSWORD);
      await them.getByRole('heading', { name: /工作台/ }).waitFor();
      await them.getByRole('link', { name: '社会组织名录' }).first().waitFor({ state: 'attached' });

      await switchLanguage(page, 'English');
      await page.getByRole('button', { name: `Suspend: ${name}` }).waitFor();
      expect(adminTab.errors).toEqual([]);
      expect(personTab.errors).toEqual([]);
    } finally {
      await adminTab.close();
      await personTab.close();
    }

    // --- e-mail sign-in: the sign-in page takes the e-mail address as well as the phone
    const email = `people-${Date.now()}@example.cn`;
    await d.admin.post('/api/v1/members/invitations', { name: '邮箱登录者', email, roles: ['evaluator'] }).expect(201);
    expect((await acceptInvitation(t, email)).status).toBe(200);
    const mailTab = await openTab(browser, t.baseUrl!);
    try {
      await signInThroughPage(mailTab.page, email.toUpperCase(), PASSWORD);
      await mailTab.page.getByRole('heading', { name: /工作台/ }).waitFor();
      await mailTab.page.getByRole('link', { name: '评估' }).first().waitFor({ state: 'attached' });
      expect(mailTab.errors).toEqual([]);
    } finally {
      await mailTab.close();
    }
  });

  it('the programme officer records a grade and blacklists (a too-short reason refused by the server) and delists; the organisation sees each', async () => {
    const officer = await addMember(t, d, ['programme_officer'], { name: '名录官员' });
    const org = await createVerifiedOrganisation(t, d);
    const orgAdmin = await organisationMember(t, d, org.id, ['org_admin'], { name: '机构负责人' });
    const offTab = await signedInTab(browser, t.baseUrl!, officer.phone);
    const orgTab = await signedInTab(browser, t.baseUrl!, orgAdmin.phone, WIDTHS.phone);
    const { page } = offTab;
    const theirs = orgTab.page;
    try {
      await page.goto(`/organisations/${org.id}`);
      await page.getByTestId('organisation-name').waitFor();

      // --- the grade
      await page.getByTestId('action-grade').click();
      const dialog = page.getByRole('dialog', { name: '记录评估等级' });
      await dialog.getByLabel('评估等级').click();
      await pick(page, '4A');
      await dialog.getByLabel('有效期自').fill('2026-01-01');
      await page.keyboard.press('Enter');
      await dialog.getByLabel('有效期至').fill('2030-12-31');
      await page.keyboard.press('Enter');
      await dialog.getByLabel('评估机构或文号').fill('区民政局评估〔2026〕3号');
      await page.getByTestId('confirm-grade').click();
      await dialog.waitFor({ state: 'hidden' });
      await page.getByTestId('organisation-facts').getByText('4A (2026-01-01 – 2030-12-31)').waitFor();

      // --- the blacklist: a one-character reason is refused by the server, on its field
      await page.getByTestId('action-blacklist').click();
      const black = page.getByRole('dialog', { name: '列入严重违法失信名单' });
      await black.getByLabel('理由（组织可见）').fill('假');
      const refusedOnPage = page.waitForResponse((r) => r.url().endsWith(`/api/v1/organisations/${org.id}/blacklist`));
      await page.getByTestId('confirm-blacklist').click();
      expect((await refusedOnPage).status()).toBe(400);
      const current = (await officer.get(`/api/v1/organisations/${org.id}`)).body;
      const tooShort = await officer.post(`/api/v1/organisations/${org.id}/blacklist`, { version: current.version, reason: '假' });
      expect(tooShort.status).toBe(400);
      const reasonError = tooShort.body.errors.find((e: { field: string }) => e.field === 'reason');
      await black.locator('#blacklist_reason_help').getByText(reasonError.zh).waitFor();
      await black.getByLabel('理由（组织可见）').fill('虚报服务人次，经查属实');
      await page.getByTestId('confirm-blacklist').click();
      await black.waitFor({ state: 'hidden' });
      await page.locator('[data-testid="organisation-standing"][data-status="blacklisted"]').waitFor();
      expect(await atBothWidths(page, 'people-organisation', () => page.locator('[data-testid="organisation-standing"][data-status="blacklisted"]').waitFor(), [WIDTHS.desktop, WIDTHS.phone])).toEqual([]);

      // Its people, a page at a time from the server.
      await section(page, '人员').click();
      await page.getByTestId('members').getByRole('row').filter({ hasText: '机构负责人' }).waitFor();

      // The organisation's own tab shows the grade, the standing and the reason.
      await theirs.goto('/my-organisation');
      await theirs.locator('[data-testid="organisation-standing"][data-status="blacklisted"]').waitFor();
      await theirs.getByTestId('standing-reason').filter({ hasText: '虚报服务人次，经查属实' }).waitFor();
      await theirs.getByTestId('organisation-grade').filter({ hasText: '4A (2026-01-01 – 2030-12-31)' }).waitFor();
      expect(await atBothWidths(theirs, 'people-my-organisation', () => theirs.getByTestId('standing-reason').waitFor())).toEqual([]);

      // --- taken off the list again, and the organisation sees it on its next page
      await page.getByTestId('action-delist').click();
      const delist = page.getByRole('dialog', { name: '移出严重违法失信名单' });
      await delist.getByLabel('理由（组织可见）').fill('复核后移出');
      await page.getByTestId('confirm-delist').click();
      await delist.waitFor({ state: 'hidden' });
      await page.locator('[data-testid="organisation-standing"][data-status="good"]').waitFor();
      await theirs.reload();
      await theirs.locator('[data-testid="organisation-standing"][data-status="good"]').waitFor();
      const after = (await officer.get(`/api/v1/organisations/${org.id}`)).body;
      expect([after.standing, after.grade.grade]).toEqual(['good', 4]);

      await switchLanguage(page, 'English');
      await page.getByTestId('action-blacklist').filter({ hasText: /blacklist/i }).waitFor();
      expect(offTab.errors).toEqual([]);
      expect(orgTab.errors).toEqual([]);
    } finally {
      await offTab.close();
      await orgTab.close();
    }
  });
  it('the organisation admin finds a co-editor by typing a name: the colleagues are searched on the server', async () => {
    const tag = Date.now().toString(36).slice(-5);
    const street = await d.admin.post('/api/v1/places', { parentId: d.rootPlaceId, kind: 'street', name: `编辑街道${tag}` }).expect(201);
    const community = await d.admin.post('/api/v1/places', { parentId: street.body.id, kind: 'community', name: `编辑社区${tag}` }).expect(201);
    const officer = await addMember(t, d, ['programme_officer']);
    const call = await publishedCall(t, d, officer);
    const org = await createVerifiedOrganisation(t, d);
    const orgAdmin = await organisationMember(t, d, org.id, ['org_admin'], { name: '申报负责人' });
    await organisationMember(t, d, org.id, ['org_staff'], { name: '同事张三' });
    const wanted = await organisationMember(t, d, org.id, ['org_staff'], { name: '同事李四' });
    const draft = await orgAdmin.post(`/api/v1/calls/${call.id}/applications`, applicationContent(community.body.id)).expect(201);

    const tab = await signedInTab(browser, t.baseUrl!, orgAdmin.phone);
    const { page } = tab;
    try {
      await page.goto(`/applications/${draft.body.id}`);
      const panel = page.getByTestId('editors');
      const picker = panel.getByRole('combobox', { name: '选择本机构同事' });
      await picker.click();
      const searched = page.waitForResponse((r) => {
        const u = new URL(r.url());
        return u.pathname === `/api/v1/organisations/${org.id}/members` && u.searchParams.get('q') === '李四' && r.ok();
      });
      await picker.fill('李四');
      await searched;
      // Only the server's match is offered: antd does not filter the answer again.
      await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option[title="同事李四"]').waitFor();
      expect(await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option[title="同事张三"]').count()).toBe(0);
      await pick(page, '同事李四');
      await panel.getByRole('button', { name: '添加为编辑人' }).click();
      await panel.getByRole('listitem').filter({ hasText: '同事李四' }).waitFor();
      const read = await orgAdmin.get(`/api/v1/applications/${draft.body.id}`).expect(200);
      expect(read.body.editors.map((e: { membershipId: string }) => e.membershipId)).toContain(wanted.memberId);
      expect(tab.errors).toEqual([]);
    } finally {
      await tab.close();
    }
  });
});
