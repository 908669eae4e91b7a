import type { Browser } from 'playwright-core';
import { District, PASSWORD, TestApp, addMember, ownerClient, receiveInvitation, uniquePhone } from '../support/test-app';
import { asOwnerIn } from '../support/lists';
import { put } from '../support/calls';
import { WIDTHS, atBothWidths, browserWorld, openTab, pick, signInThroughPage, signedInTab, switchLanguage } from './support/browser';

// Several page journeys with sign-ins and a mail round trip on a loaded 2-core machine.
jest.setTimeout(300_000);

describe('district settings in a real browser: people, places, the holiday calendar', () => {
  const world = browserWorld();
  let t: TestApp;
  let d: District;
  let browser: Browser;
  let adminPhone: string;
  beforeAll(async () => {
    ({ t, d, browser } = world);
    adminPhone = (await addMember(t, d, ['district_admin'], { name: '设置管理员' })).phone;
  });

  it('the admin invites a person through the page (a bad e-mail refused on its field) and the invitation mail arrives', async () => {
    const tab = await signedInTab(browser, t.baseUrl!, adminPhone);
    const { page } = tab;
    try {
      await page.goto('/settings/members');
      await page.getByRole('heading', { name: '人员与邀请' }).waitFor();
      await page.getByRole('row').filter({ hasText: '设置管理员' }).waitFor();
      expect(await atBothWidths(page, 'settings-members', () => page.getByRole('row').filter({ hasText: '设置管理员' }).waitFor(), [WIDTHS.desktop, WIDTHS.phone])).toEqual([]);

      const phone = uniquePhone();
      await page.getByRole('button', { name: '邀请人员' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('姓名').fill('新评审专家');
      await dialog.getByLabel('电子邮箱').fill('not-an-address');
      await dialog.getByLabel('角色').click();
      await pick(page, '评审专家');
      await dialog.locator('.ant-modal-title').click(); // closes the role list
      await dialog.locator('.ant-modal-footer .ant-btn-primary').click();
      // The server's own words for the field it refuses, under that field.
      const refused = await d.admin.post('/api/v1/members/invitations', { name: '新评审专家', email: 'not-an-address', roles: ['reviewer'] });
      expect(refused.status).toBe(400);
      const emailError = refused.body.errors.find((e: { field: string }) => e.field === 'email');
      await dialog.locator('#invite_email_help').getByText(emailError.zh).waitFor();

      await dialog.getByLabel('电子邮箱').fill('');
      await dialog.getByLabel('手机号').fill(phone);
      await dialog.locator('.ant-modal-footer .ant-btn-primary').click();
      await dialog.waitFor({ state: 'hidden' });
      const row = page.getByRole('row').filter({ hasText: '新评审专家' });
      await row.getByText('待接受邀请').waitFor();
      await page.getByTestId('pending-invitations').filter({ hasText: '1 个邀请待接受' }).waitFor();

      // The invitation travels by mail to the invited person, and the API agrees on who is waiting.
      const { link } = await receiveInvitation(t, phone, 60_000);
      expect(link).toContain('/invitations/accept#token=');
      const listed = await d.admin.get('/api/v1/members?status=invited&q=新评审专家');
      expect(listed.body.items.map((m: { name: string; roles: Array<{ role: string }> }) => [m.name, m.roles.map((r) => r.role)]))
        .toEqual([['新评审专家', ['reviewer']]]);

      // Filtering by status asks the server.
      await page.getByRole('combobox', { name: '按状态筛选' }).click();
      await pick(page, '在岗');
      await page.getByRole('row').filter({ hasText: '新评审专家' }).waitFor({ state: 'detached' });
      await page.getByRole('row').filter({ hasText: '设置管理员' }).waitFor();
      // Nobody is suspended: the empty table says so in the page's language (antd's own text follows i18n). The chosen
      // value covers the search input, so the select itself is clicked to open it again.
      await page.locator('.ant-select', { has: page.getByRole('combobox', { name: '按状态筛选' }) }).click();
      await pick(page, '已停用');
      await page.locator('.ant-table-placeholder .ant-empty-description').getByText('暂无数据').waitFor();

      await switchLanguage(page, 'English');
      await page.getByRole('button', { name: 'Invite a person' }).waitFor();
      await page.getByRole('columnheader', { name: 'Roles' }).waitFor();
      await page.locator('.ant-table-placeholder .ant-empty-description').getByText('No data').waitFor();
      expect(tab.errors).toEqual([]);
    } finally {
      await tab.close();
    }
  });

  it('the admin adds a street and a community under it and sees both in the tree; a bad division code is refused', async () => {
    const tab = await signedInTab(browser, t.baseUrl!, adminPhone);
    const { page } = tab;
    try {
      await page.goto('/settings/places');
      await page.getByRole('heading', { name: '街道与社区' }).waitFor();
      await page.getByText(d.name).first().waitFor();

      await page.getByRole('button', { name: '新增街道/乡镇' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('名称').fill('望江街道');
      await dialog.getByLabel('统计用区划代码（选填）').fill('12ab');
      await dialog.locator('.ant-modal-footer .ant-btn-primary').click();
      const refused = await d.admin.post('/api/v1/places', { parentId: d.rootPlaceId, kind: 'street', name: '望江街道', divisionCode: '12ab' });
      expect(refused.status).toBe(400);
      const codeError = refused.body.errors.find((e: { field: string }) => e.field === 'divisionCode');
      await dialog.locator('#place_divisionCode_help').getByText(codeError.zh).waitFor();
      await dialog.getByLabel('统计用区划代码（选填）').fill('');
      await dialog.locator('.ant-modal-footer .ant-btn-primary').click();
      await dialog.waitFor({ state: 'hidden' });
      await page.locator('[data-testid="place-node"][data-name="望江街道"]').waitFor();

      await page.getByRole('button', { name: '新增社区/村: 望江街道' }).click();
      await dialog.getByLabel('名称').fill('望江社区');
      await dialog.locator('.ant-modal-footer .ant-btn-primary').click();
      await dialog.waitFor({ state: 'hidden' });
      await page.locator('[data-testid="place-node"][data-name="望江社区"]').waitFor();
      expect(await atBothWidths(page, 'settings-places', () => page.locator('[data-testid="place-node"][data-name="望江社区"]').waitFor(), [WIDTHS.desktop, WIDTHS.phone])).toEqual([]);

      const tree = await d.admin.get('/api/v1/places/tree');
      const street = tree.body.children.find((c: { name: string }) => c.name === '望江街道');
      expect(street).toMatchObject({ kind: 'street' });
      expect(street.children.map((c: { name: string; kind: string }) => [c.name, c.kind])).toEqual([['望江社区', 'community']]);
      expect(tab.errors).toEqual([]);
    } finally {
      await tab.close();
    }
  });

  it('the admin adds a holiday to the calendar; a date that does not exist is refused with the server\'s message', async () => {
    const tab = await signedInTab(browser, t.baseUrl!, adminPhone, WIDTHS.phone);
    const { page } = tab;
    try {
      await page.goto('/settings/district');
      await page.getByRole('heading', { name: '节假日与调休日历' }).waitFor();

      const form = page.locator('form#holiday');
      await form.getByLabel('日期').fill('2027-02-30');
      await form.getByLabel('名称').fill('春节');
      await form.locator('button[type=submit]').click();
      const refused = await put(t, d.admin, '/api/v1/district-holidays/2027-02-30', { kind: 'holiday', name: '春节' });
      expect(refused.status).toBe(400);
      await page.getByRole('alert').filter({ hasText: refused.body.message['zh-CN'] }).waitFor();

      await form.getByLabel('日期').fill('2027-02-10');
      await form.locator('button[type=submit]').click();
      await page.getByTestId('holiday-day').filter({ hasText: '2027-02-10' }).waitFor();
      const listed = await d.admin.get('/api/v1/district-holidays?year=2027');
      expect(listed.body.items).toEqual([{ day: '2027-02-10', kind: 'holiday', name: '春节' }]);

      expect(await atBothWidths(page, 'settings-district', () => page.getByTestId('holiday-day').first().waitFor(), [WIDTHS.desktop, WIDTHS.phone])).toEqual([]);

      // The project rules: a threshold out of range is refused on its field, in the server's words.
      const settings = page.locator('form#projectSettings');
      await settings.getByLabel('预算调整审批阈值').fill('150');
      await settings.locator('button[type=submit]').click();
      const current = await d.admin.get('/api/v1/projects/settings');
      const tooHigh = await put(t, d.admin, '/api/v1/projects/settings', { ...current.body, reallocationThresholdPercent: 150 });
      expect(tooHigh.status).toBe(400);
      const fieldError = tooHigh.body.errors.find((e: { field: string }) => e.field === 'reallocationThresholdPercent');
      await settings.locator('#projectSettings_reallocationThresholdPercent_help').getByText(fieldError.zh).waitFor();
      expect(tab.errors).toEqual([]);
    } finally {
      await tab.close();
    }
  });

  it('a community worker is invited into a community beyond the first 200, found on the server by typing its name', async () => {
    // More communities than the picker used to load (it read a fixed first 200 by name and silently dropped the rest).
    const owner = await ownerClient();
    try {
      await asOwnerIn(owner, d.tenantId, `INSERT INTO places (tenant_id, parent_id, level, kind, name) VALUES ($1, $2, 'street', 'street', '批量街道')`, [d.tenantId, d.rootPlaceId]);
      await asOwnerIn(owner, d.tenantId,
        `INSERT INTO places (tenant_id, parent_id, level, kind, name)
         SELECT $1, s.id, 'community', 'community', '批量社区' || lpad(g::text, 3, '0')
           FROM (SELECT id FROM places WHERE name = '批量街道') s, generate_series(1, 210) g`, [d.tenantId]);
    } finally {
      await owner.end();
    }
    const [target] = (await d.admin.get('/api/v1/places?level=community&q=批量社区207').expect(200)).body.items;
    const first200 = (await d.admin.get('/api/v1/places?level=community&limit=100').expect(200)).body;
    const second = (await d.admin.get(`/api/v1/places?level=community&limit=100&cursor=${encodeURIComponent(first200.nextCursor)}`).expect(200)).body;
    expect([...first200.items, ...second.items].map((p: { id: string }) => p.id)).not.toContain(target.id);

    const tab = await signedInTab(browser, t.baseUrl!, adminPhone, WIDTHS.phone);
    const { page } = tab;
    try {
      await page.goto('/settings/members');
      await page.getByRole('row').filter({ hasText: '设置管理员' }).waitFor();
      await page.getByRole('button', { name: '邀请人员' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('姓名').fill('批量社区工作者');
      await dialog.getByLabel('手机号').fill(uniquePhone());
      await dialog.getByLabel('角色').click();
      await pick(page, '社区工作者');
      await dialog.locator('.ant-modal-title').click(); // closes the role list

      const community = dialog.getByLabel('所在社区');
      await community.click();
      await community.fill('207');
      // The search starts over once picked, without this community: its name is then read by id, not shown as a uuid.
      const readById = page.waitForResponse((r) => r.url().endsWith(`/api/v1/places/${target.id}`) && r.ok());
      await pick(page, '批量社区207');
      await readById;
      await dialog.locator('.ant-select-selection-item[title="批量社区207"]').waitFor();

      await dialog.locator('.ant-modal-footer .ant-btn-primary').click();
      await dialog.waitFor({ state: 'hidden' });
      const listed = await d.admin.get('/api/v1/members?status=invited&q=批量社区工作者').expect(200);
      expect(listed.body.items.map((m: { place: unknown }) => m.place)).toEqual([{ id: target.id, name: '批量社区207' }]);
      expect(tab.errors).toEqual([]);
    } finally {
      await tab.close();
    }
  });
});
