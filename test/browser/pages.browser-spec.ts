import type { Browser, Page } from 'playwright-core';
import { publishedCall } from '../support/calls';
import { District, PASSWORD, TestApp, addMember, eventually, openDistrict } from '../support/test-app';
import { WIDTHS, browserWorld, openTab, screenshot, seriousA11yViolations, signInThroughPage, signedInTab } from './support/browser';
import { inviteAndGetToken } from './support/invitations';

// Whole browser journeys need more than the suite's 60 s default on a loaded 2-core machine.
jest.setTimeout(120_000);

describe('the main pages in a real browser: invitation, notifications, refusals, accessibility', () => {
  const world = browserWorld();
  let t: TestApp;
  let d: District;
  let browser: Browser;
  beforeAll(() => ({ t, d, browser } = world));

  it('an invited person opens the link, sets a password twice, and lands on their workbench signed in', async () => {
    const { phone, token, link } = await inviteAndGetToken(t, d, ['reviewer'], '受邀专家');
    const tab = await openTab(browser, t.baseUrl!, WIDTHS.phone);
    const { page } = tab;
    try {
      // The link exactly as the e-mail gives it, not one rebuilt from the token: a wrong host, path or encoding in the
      // mail fails here.
      await page.goto(link);
      await page.getByRole('heading', { name: '接受邀请，设置密码' }).waitFor();
      await page.getByLabel('受邀的手机号或电子邮箱').fill(phone);
      await page.getByLabel('新密码', { exact: true }).fill('short');
      await page.getByLabel('再次输入新密码').fill('short');
      await page.getByRole('button', { name: '设置密码并登录' }).click();
      await page.getByRole('alert').filter({ hasText: '密码至少 10 位' }).waitFor(); // the server's rule, its words
      await page.getByLabel('新密码', { exact: true }).fill('Invited-pass-2026');
      await page.getByLabel('再次输入新密码').fill('Invited-pass-2026');
      await page.getByRole('button', { name: '设置密码并登录' }).click();
      await page.waitForURL('**/workbench');
      await page.getByRole('heading', { name: /工作台/ }).waitFor();
      expect(new URL(page.url()).hash).toBe(''); // the spent token is gone from the address bar
      // The same link cannot be used twice.
      await page.goto(link);
      await page.getByLabel('受邀的手机号或电子邮箱').fill(phone);
      await page.getByLabel('新密码', { exact: true }).fill('Invited-pass-2026');
      await page.getByLabel('再次输入新密码').fill('Invited-pass-2026');
      await page.getByRole('button', { name: '设置密码并登录' }).click();
      const used = await t.http.post('/api/v1/invitations/accept').send({ token, password: 'Invited-pass-2026' });
      await page.getByRole('alert').filter({ hasText: used.body.message['zh-CN'] }).waitFor();
      expect(tab.errors).toEqual([]);
    } finally {
      await tab.close();
    }
  });

  it('the workbench groups what waits by kind, each item a link with its due date', async () => {
    const admin = await addMember(t, d, ['district_admin']);
    await inviteAndGetToken(t, d, ['reviewer'], '待接受的专家'); // not accepted: waits on every district admin
    const tab = await openTab(browser, t.baseUrl!);
    const { page } = tab;
    try {
      await signInThroughPage(page, admin.phone, PASSWORD);
      const group = page.getByTestId('workbench-group-invitation_pending');
      await group.getByRole('heading', { name: '未接受的邀请' }).waitFor();
      const item = group.getByRole('link', { name: '待接受的专家' });
      await item.waitFor();
      await group.getByText(/截止 \d{4}-\d{2}-\d{2} \d{2}:\d{2}/).first().waitFor(); // Beijing time
      await item.click();
      await page.waitForURL('**/settings/members');
      expect(tab.errors).toEqual([]);
    } finally {
      await tab.close();
    }
  });

  it('notifications: the header shows the unread count; marking one and then all read brings it to zero', async () => {
    const m = await addMember(t, d, ['programme_officer']);
    // Every invited person is told in the app (membership.invited, delivered by the worker).
    await eventually(async () => (await m.get('/api/v1/notifications?unread=true')).body.unread >= 1, 30_000);
    const tab = await signedInTab(browser, t.baseUrl!, m.phone);
    const { page } = tab;
    try {
      await page.getByRole('link', { name: /^消息，1 条未读$/ }).waitFor();
      await page.getByRole('link', { name: /^消息，1 条未读$/ }).click();
      await page.getByRole('heading', { name: '消息' }).waitFor();
      await page.getByTestId('notification').filter({ hasText: '邀请您加入' }).waitFor();
      await page.getByRole('button', { name: /^标为已读/ }).first().click();
      await page.getByRole('link', { name: /^消息，0 条未读$/ }).waitFor();
      // The badge and the list are two requests: wait for the list's answer to disable the button.
      await page.getByRole('button', { name: '全部标为已读', disabled: true }).waitFor();
      expect(tab.errors).toEqual([]);
    } finally {
      await tab.close();
    }
  });

  it('a page that does not exist and a role\'s page typed by hand show 404 and 403', async () => {
    const m = await addMember(t, d, ['reviewer']);
    const tab = await signedInTab(browser, t.baseUrl!, m.phone);
    const { page } = tab;
    try {
      expect(await page.getByRole('link', { name: '人员与邀请' }).count()).toBe(0); // not in a reviewer's menu
      await page.goto('/settings/members');
      await page.getByRole('heading', { name: '403' }).waitFor();
      await page.getByText('您没有访问此页面的权限').waitFor();
      await page.goto('/no-such-page');
      await page.getByRole('heading', { name: '404' }).waitFor();
      await page.goto('/reviews');
      await page.getByRole('heading', { name: '评审任务' }).waitFor(); // a reviewer's own page (issue 10)
      expect(tab.errors).toEqual([]);
    } finally {
      await tab.close();
    }
  });

  it('another district\'s call typed by hand shows the server\'s "not found", the same as a made-up id', async () => {
    const other = await openDistrict(t);
    const otherOfficer = await addMember(t, other, ['programme_officer']);
    const theirs = await publishedCall(t, other, otherOfficer);
    const m = await addMember(t, d, ['programme_officer']);
    const tab = await openTab(browser, t.baseUrl!);
    const { page } = tab;
    const shown = async (id: string) => {
      await page.goto(`/calls/${id}`);
      const alert = page.getByRole('alert').filter({ hasText: '找不到该创投项目征集' });
      await alert.waitFor();
      return alert.innerText();
    };
    try {
      await signInThroughPage(page, m.phone, PASSWORD);
      await page.getByRole('heading', { name: /工作台/ }).waitFor();
      const foreign = await shown(theirs.id);
      expect(foreign).not.toContain(theirs.title);
      expect(await shown('00000000-0000-4000-8000-000000000000')).toBe(foreign);
      expect((await m.get(`/api/v1/calls/${theirs.id}`)).status).toBe(404); // and the API agrees
      expect(tab.errors).toEqual([]);
    } finally {
      await tab.close();
    }
  });

  // axe on five pages takes a while on a loaded 2-core box: one test per width, each with room to spare.
  for (const width of [WIDTHS.desktop, WIDTHS.phone]) {
    it(`sign-in, workbench, notifications, password and invitation pages at ${width} px: no serious accessibility violation`, async () => {
      const m = await addMember(t, d, ['programme_officer', 'district_admin']);
      await eventually(async () => (await m.get('/api/v1/notifications')).body.total >= 1, 30_000);
      const report: Record<string, string[]> = {};
      const tab = await openTab(browser, t.baseUrl!, width);
      const { page } = tab;
      const check = async (name: string, ready: (p: Page) => Promise<unknown>) => {
        await ready(page);
        report[name] = await seriousA11yViolations(page);
        await screenshot(page, name);
      };
      try {
        await page.goto('/sign-in');
        await check('sign-in', (p) => p.getByRole('heading', { name: '登录' }).waitFor());
        await signInThroughPage(page, m.phone, PASSWORD);
        await check('workbench', (p) => p.getByRole('heading', { name: /工作台/ }).waitFor());
        await page.goto('/notifications');
        await check('notifications', (p) => p.getByTestId('notification').first().waitFor());
        await page.goto('/account/password');
        await check('password', (p) => p.getByLabel('当前密码').waitFor());
        await page.goto('/invitations/accept#token=not-a-real-token-but-long-enough-0123456789');
        await check('invitation-accept', (p) => p.getByLabel('受邀的手机号或电子邮箱').waitFor());
        expect(tab.errors).toEqual([]);
      } finally {
        await tab.close();
      }
      expect(report).toEqual(Object.fromEntries(Object.keys(report).map((k) => [k, []])));
    }, 300_000);
  }
});
