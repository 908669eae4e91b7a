import fs from 'node:fs';
import type { Browser, Locator, Page } from 'playwright-core';
import { District, PASSWORD, TestApp, acceptInvitation, addMember, eventually, openDistrict, uniquePhone } from '../support/test-app';
import { TINY_PDF } from '../support/organisations';
import { applicantOrganisation, applicationContent, publishedCall, venturePeople } from '../support/calls';
import { WIDTHS, browserWorld, openTab, pick, screenshot, seriousA11yViolations, signInThroughPage, signedInTab } from './support/browser';

// Sign-in, two districts and a submitted application set up over the API, then a phone and a desktop tab.
jest.setTimeout(300_000);

/** The element's box, which must lie whole inside the page's width (nothing cut off at either edge). */
async function insideWidth(locator: Locator, width: number): Promise<{ x: number; right: number }> {
  await locator.waitFor({ state: 'visible' });
  const box = await locator.boundingBox();
  if (!box) throw new Error('no bounding box: element not rendered');
  return { x: Math.round(box.x), right: Math.round(box.x + box.width) };
}

async function a11y(page: Page, name: string): Promise<string[]> {
  await screenshot(page, name);
  const width = page.viewportSize()?.width ?? 0;
  return (await seriousA11yViolations(page)).map((v) => `${name} ${width}px ${v}`);
}

describe('the app shell and read-only views in a real browser: header at 375 px, collapsed menu, file answers', () => {
  const world = browserWorld();
  let t: TestApp;
  let d: District;
  let browser: Browser;
  beforeAll(() => ({ t, d, browser } = world));

  it('at 375 px a person in two districts with a long name reaches the district switch, bell, language and account menu; the collapsed menu shows whole icons', async () => {
    const other = await openDistrict(t);
    const phone = uniquePhone();
    const longName = '欧阳长名字项目官员测试账户名称很长很长';
    await d.admin.post('/api/v1/members/invitations', { name: longName, phone, roles: ['programme_officer'] }).expect(201);
    expect((await acceptInvitation(t, phone, { password: PASSWORD })).status).toBe(200);
    await other.admin.post('/api/v1/members/invitations', { name: longName, phone, roles: ['programme_officer'] }).expect(201);
    expect((await acceptInvitation(t, phone, {})).status).toBe(200);

    const tab = await openTab(browser, t.baseUrl!, WIDTHS.phone);
    const { page } = tab;
    const found: string[] = [];
    try {
      await signInThroughPage(page, phone, PASSWORD);
      await page.getByRole('button', { name: new RegExp(d.name) }).click();
      await page.getByRole('heading', { name: /工作台/ }).waitFor();

      const header = {
        district: page.getByTestId('district-switch'),
        bell: page.getByRole('link', { name: /^消息，\d+ 条未读$/ }),
        language: page.getByTestId('language-switch'),
        account: page.getByTestId('account-menu'),
      };
      found.push(...(await a11y(page, 'layout-header')));
      const boxes = await Promise.all(Object.entries(header).map(async ([k, l]) => ({ k, ...(await insideWidth(l, WIDTHS.phone)) })));
      expect(boxes.filter((b) => b.x < 0 || b.right > WIDTHS.phone)).toEqual([]);
      // No part of the page scrolls sideways either.
      expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(WIDTHS.phone);

      // The account menu opens, names the person, and its entries work.
      await header.account.click();
      await page.getByTestId('account-name').filter({ hasText: longName }).waitFor();
      expect((await insideWidth(page.getByTestId('account-name'), WIDTHS.phone)).right).toBeLessThanOrEqual(WIDTHS.phone);
      await page.getByRole('menuitem', { name: '修改密码' }).click();
      await page.getByLabel('当前密码').waitFor();

      // The bell leads to the notifications.
      await header.bell.click();
      await page.getByRole('heading', { name: '消息' }).waitFor();

      // The language switch works from the phone header.
      await header.language.click();
      await pick(page, 'English');
      await page.getByRole('heading', { name: 'Notifications' }).waitFor();
      await header.language.click();
      await pick(page, '中文');
      await page.getByRole('heading', { name: '消息' }).waitFor();

      // The district switch moves the session to the other district.
      await header.district.click();
      await pick(page, other.name);
      await page.getByRole('heading', { name: /工作台/ }).waitFor();
      await header.district.filter({ hasText: other.name }).waitFor();

      // Desktop, menu collapsed: every menu icon lies whole inside the narrow sider, and stays decoration.
      await page.setViewportSize({ width: WIDTHS.desktop, height: 900 });
      await page.getByRole('link', { name: '工作台' }).first().waitFor();
      await page.locator('.ant-pro-sider-collapsed-button').click();
      const sider = page.locator('.ant-pro-sider');
      await sider.locator('.ant-menu-inline-collapsed').waitFor();
      await screenshot(page, 'layout-menu-collapsed');
      const siderBox = await sider.boundingBox();
      const icons = sider.locator('.ant-menu-item .anticon');
      const count = await icons.count();
      expect(count).toBeGreaterThan(2);
      for (let i = 0; i < count; i++) {
        const box = await icons.nth(i).boundingBox();
        expect(box).not.toBeNull();
        expect(box!.x).toBeGreaterThanOrEqual(0);
        expect(box!.x + box!.width).toBeLessThanOrEqual(siderBox!.x + siderBox!.width);
        expect(await icons.nth(i).getAttribute('aria-hidden')).toBe('true');
      }
      // Centred: the icon's middle within a couple of pixels of the collapsed sider's middle.
      const first = (await icons.first().boundingBox())!;
      expect(Math.abs(first.x + first.width / 2 - (siderBox!.x + siderBox!.width / 2))).toBeLessThanOrEqual(3);
      await page.getByRole('link', { name: '工作台' }).first().waitFor(); // still named by its label while collapsed
      found.push(...(await seriousA11yViolations(page)).map((v) => `layout-menu-collapsed ${v}`));

      // Back to the phone's width (a tablet turned, a window narrowed): the header's controls come back inside the
      // screen. ProLayout keeps the actions' widest measured width as their min-width, which held the avatar and the
      // language switch off-screen after a desktop width had been seen.
      await page.setViewportSize({ width: WIDTHS.phone, height: 900 });
      let outside: unknown[] = [];
      await eventually(async () => {
        const now = await Promise.all(Object.entries(header).map(async ([k, l]) => ({ k, ...(await insideWidth(l, WIDTHS.phone)) })));
        outside = now.filter((b) => b.x < 0 || b.right > WIDTHS.phone);
        return outside.length === 0;
      }, 10_000, () => `the header's controls inside 375 px after a desktop width; outside: ${JSON.stringify(outside)}`);
      expect(tab.errors).toEqual([]);
    } finally {
      await tab.close();
    }
    expect(found).toEqual([]);
  });

  it('a submitted application shows a file answer by its file name, and the link downloads that file', async () => {
    const { communityId, officer } = await venturePeople(t, d, 0);
    const call = await publishedCall(t, d, officer, { communityIds: [communityId], title: '附件题的创投活动' });
    const a = await applicantOrganisation(t, d);
    const content = applicationContent(communityId, '15000000', '附件题的申报');
    const draft = await a.admin.post(`/api/v1/calls/${call.id}/applications`, content).expect(201);
    const file = await t.http.post('/api/v1/attachments').set('Authorization', `Bearer ${a.admin.accessToken}`)
      .field('ownerType', 'application').field('ownerId', draft.body.id).field('kind', 'proposal')
      .attach('file', TINY_PDF, { filename: '实施方案.pdf', contentType: 'application/pdf' }).expect(201);
    const answered = await a.admin.patch(`/api/v1/applications/${draft.body.id}`, {
      version: draft.body.version, answers: { ...(content.answers as object), plan: file.body.id },
    });
    expect(answered.status).toBe(200);
    await a.admin.post(`/api/v1/applications/${draft.body.id}/submit`, { version: answered.body.version })
      .set('Idempotency-Key', `layout-${draft.body.id}`).expect(200);

    const found: string[] = [];
    for (const [who, width] of [[a.admin, WIDTHS.phone], [officer, WIDTHS.desktop]] as const) {
      const tab = await signedInTab(browser, t.baseUrl!, who.phone, width);
      const { page } = tab;
      try {
        await page.goto(`/applications/${draft.body.id}`);
        const content = page.getByTestId('application-content');
        await content.waitFor();
        const link = content.getByRole('button', { name: '下载 实施方案.pdf' });
        await link.waitFor();
        expect(await content.innerText()).not.toContain(file.body.id);
        found.push(...(await a11y(page, 'application-readonly')));
        const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
        expect(download.suggestedFilename()).toBe('实施方案.pdf');
        expect(fs.readFileSync(await download.path())).toEqual(TINY_PDF);
        expect(tab.errors).toEqual([]);
      } finally {
        await tab.close();
      }
    }
    expect(found).toEqual([]);
  });
});
