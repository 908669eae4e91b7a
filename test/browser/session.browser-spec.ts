import type { Browser, Locator } from 'playwright-core';
import { District, PASSWORD, TestApp, addMember, eventually, login, openDistrict } from '../support/test-app';
import { WIDTHS, atBothWidths, browserWorld, openTab, pick, signInThroughPage, signedInTab } from './support/browser';

// Whole browser journeys need more than the suite's 60 s default on a loaded 2-core machine.
jest.setTimeout(120_000);

describe('signing in and staying signed in, in a real browser', () => {
  const world = browserWorld();
  let t: TestApp;
  let d: District;
  let browser: Browser;
  beforeAll(() => ({ t, d, browser } = world));

  it('a person signs in with their phone, lands on the workbench, and a reload keeps them signed in', async () => {
    const m = await addMember(t, d, ['programme_officer']);
    const tab = await openTab(browser, t.baseUrl!);
    try {
      await signInThroughPage(tab.page, m.phone, PASSWORD);
      await tab.page.waitForURL('**/workbench');
      await tab.page.getByRole('heading', { name: /工作台/ }).waitFor();
      // A new programme officer in a fresh district has nothing waiting.
      await tab.page.getByTestId('workbench-empty').waitFor();

      const cookies = await tab.context.cookies();
      const rt = cookies.find((c) => c.name === 'sanshe_rt');
      expect(rt).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/api/v1/auth/refresh' });
      const stored = await tab.page.evaluate<string>('JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage })');
      expect(stored).not.toMatch(/ey[A-Za-z0-9_-]{10,}\./); // no JWT kept where page script can read it
      expect(stored).not.toContain(rt!.value);

      await tab.page.reload();
      await tab.page.getByRole('heading', { name: /工作台/ }).waitFor();
      expect(new URL(tab.page.url()).pathname).toBe('/workbench');
      expect(tab.errors).toEqual([]);
    } finally {
      await tab.close();
    }
  });

  it('a refresh whose answer never arrives (a phone losing its connection, a page reloaded twice) does not sign the person out', async () => {
    const m = await addMember(t, d, ['programme_officer']);
    const tab = await signedInTab(browser, t.baseUrl!, m.phone);
    const { page, context } = tab;
    try {
      const cookie = async () => (await context.cookies()).find((c) => c.name === 'sanshe_rt')?.value;
      const before = await cookie();
      // The server rotates the token, but its answer — the new cookie with it — is lost on the way.
      let rotated = 0;
      // (Sent from here, not with route.fetch: that would store the answer's cookie in the browser.)
      await page.route('**/api/v1/auth/refresh', async (route) => {
        const res = await t.http.post('/api/v1/auth/refresh').set('X-Session-Mode', 'cookie').set('Cookie', `sanshe_rt=${before}`).send({});
        if (res.status === 200) rotated += 1;
        await route.abort('connectionreset');
      });
      await page.reload();
      // No answer: the page says the server cannot be reached (not "signed out", not a spinner for ever).
      await page.getByTestId('unreachable').getByText('无法连接服务器，请检查网络后重试').waitFor();
      await eventually(() => rotated >= 1, 30_000, 'the server to rotate the refresh token');
      await page.unroute('**/api/v1/auth/refresh');
      expect(await cookie()).toBe(before);
      // Retried, the page presents the token the server already rotated: inside the grace window that is a lost
      // answer retried, not a stolen token reused, and the person is still signed in.
      await page.getByRole('button', { name: /^重\s?试$/ }).click();
      await page.getByRole('heading', { name: /工作台/ }).waitFor();
      expect(new URL(page.url()).pathname).toBe('/workbench');
      expect(await cookie()).not.toBe(before);
      // The lost answers are the only errors the page logged.
      expect(tab.errors.filter((e) => !e.includes('ERR_CONNECTION_RESET'))).toEqual([]);
    } finally {
      await tab.close();
    }
  });

  it('a wrong password shows the server\'s Chinese message', async () => {
    const m = await addMember(t, d, ['finance_officer']);
    const tab = await openTab(browser, t.baseUrl!);
    try {
      await signInThroughPage(tab.page, m.phone, 'not-the-password-1');
      await tab.page.getByRole('alert').filter({ hasText: '账号或密码错误' }).waitFor();
      expect(new URL(tab.page.url()).pathname).toBe('/sign-in');
      expect(tab.errors).toEqual([]);
    } finally {
      await tab.close();
    }
  });

  it('the language switches between Chinese and English on every page, with no untranslated key', async () => {
    const m = await addMember(t, d, ['district_admin']);
    const tab = await openTab(browser, t.baseUrl!);
    const { page } = tab;
    // With the keyboard, as a person without a mouse would: focus the switch, open it, pick.
    const choose = async (label: RegExp, option: string) => {
      await page.getByRole('combobox', { name: label }).first().focus();
      await page.keyboard.press('ArrowDown');
      await pick(page, option);
    };
    try {
      await page.goto('/sign-in');
      await choose(/语言/, 'English');
      await page.getByRole('heading', { name: 'Sign in' }).waitFor();
      await signInThroughPage(page, m.phone, PASSWORD);
      await page.getByRole('heading', { name: /Workbench/ }).waitFor();
      await page.getByRole('link', { name: /People and invitations/ }).waitFor();
      await page.goto('/notifications');
      await page.getByRole('heading', { name: 'Notifications' }).waitFor();
      await page.goto('/account/password');
      await page.getByRole('heading', { name: 'Change password' }).waitFor();
      await page.getByLabel('Current password').waitFor();
      await choose(/Language/, '中文');
      await page.getByRole('heading', { name: '修改密码' }).waitFor();
      await page.getByLabel('当前密码').waitFor();
      // The choice is kept: a reload stays in Chinese, and the antd widgets follow (placeholder of its own locale).
      await page.reload();
      await page.getByRole('heading', { name: '修改密码' }).waitFor();
      expect(await page.evaluate<string>('document.documentElement.lang')).toBe('zh-CN');
      expect(tab.errors).toEqual([]); // a missing i18n key is reported as a console error
    } finally {
      await tab.close();
    }
  });

  it('a session revoked elsewhere (sign out everywhere) lands on the sign-in page with the reason', async () => {
    const m = await addMember(t, d, ['programme_officer']);
    const tab = await signedInTab(browser, t.baseUrl!, m.phone);
    try {
      const elsewhere = await login(t, m.phone, PASSWORD, d.code);
      await elsewhere.post('/api/v1/auth/logout-all').expect(204);
      await tab.page.getByRole('link', { name: '消息', exact: true }).click();
      await tab.page.waitForURL('**/sign-in');
      await tab.page.getByTestId('session-lost').filter({ hasText: '登录凭证无效或已过期，请重新登录' }).waitFor();
      expect(tab.errors).toEqual([]);
    } finally {
      await tab.close();
    }
  });

  it('a person in two districts chooses one after signing in and switches to the other from the header', async () => {
    const d2 = await openDistrict(t);
    const m = await addMember(t, d, ['programme_officer'], { name: '两区成员' });
    await addMember(t, d2, ['finance_officer'], { phone: m.phone });
    const tab = await openTab(browser, t.baseUrl!);
    const { page } = tab;
    try {
      await signInThroughPage(page, m.phone, PASSWORD);
      await page.waitForURL('**/choose-district');
      // Checked at both widths, ending at the desktop the header's switch below needs.
      expect(await atBothWidths(page, 'choose-district', () => page.getByRole('button', { name: new RegExp(d2.name) }).waitFor(), [WIDTHS.desktop, WIDTHS.phone])).toEqual([]);
      await page.getByRole('button', { name: new RegExp(d2.name) }).click();
      await page.waitForURL('**/workbench');
      await page.getByTestId('current-district').filter({ hasText: new RegExp(`^${d2.name}$`) }).waitFor();
      await page.getByRole('combobox', { name: '切换区县' }).focus();
      await page.keyboard.press('ArrowDown');
      await pick(page, d.name);
      await page.getByTestId('current-district').filter({ hasText: new RegExp(`^${d.name}$`) }).waitFor();
      const me = await page.evaluate<number>("fetch('/api/v1/me').then((r) => r.status)");
      expect(me).toBe(401); // the access token is not a cookie: a bare fetch carries no credential
      expect(tab.errors).toEqual([]);
    } finally {
      await tab.close();
    }
  });

  it('changing the password: the server\'s refusals show, then the new one works and the old one does not', async () => {
    const m = await addMember(t, d, ['reviewer']);
    const tab = await openTab(browser, t.baseUrl!);
    const { page } = tab;
    const fill = async (current: string, next: string, confirm = next) => {
      await page.getByLabel('当前密码').fill(current);
      await page.getByLabel('新密码', { exact: true }).fill(next);
      await page.getByLabel('再次输入新密码').fill(confirm);
      await page.getByRole('button', { name: '修改密码' }).click();
    };
    try {
      await signInThroughPage(page, m.phone, PASSWORD);
      await page.getByRole('heading', { name: /工作台/ }).waitFor();
      await page.goto('/account/password');
      await fill(PASSWORD, 'Another-pass-2026', 'Different-pass-2026');
      await page.getByText('两次输入的密码不一致').waitFor();
      await fill(PASSWORD, 'short');
      await page.getByRole('alert').filter({ hasText: '密码至少 10 位' }).waitFor();
      await fill(PASSWORD, 'Another-pass-2026');
      await page.getByTestId('password-changed').waitFor();

      await page.getByTestId('account-menu').click();
      await page.getByRole('menuitem', { name: '退出登录' }).click();
      await page.waitForURL('**/sign-in');
      await signInThroughPage(page, m.phone, PASSWORD);
      await page.getByRole('alert').filter({ hasText: '账号或密码错误' }).waitFor();
      await signInThroughPage(page, m.phone, 'Another-pass-2026');
      await page.getByRole('heading', { name: /工作台/ }).waitFor();
      expect(tab.errors).toEqual([]);
    } finally {
      await tab.close();
    }
  });
  it('with the keyboard alone a person signs in, opens the account menu, changes the password and signs out', async () => {
    const m = await addMember(t, d, ['programme_officer']);
    const tab = await openTab(browser, t.baseUrl!);
    const { page } = tab;
    const hasFocus = (target: Locator) =>
      target.evaluate((el) => el === el.ownerDocument.activeElement || el.contains(el.ownerDocument.activeElement));
    // Tab moves focus in the page's order until it reaches the element; a control that Tab never reaches fails.
    const tabTo = async (target: Locator, what: string) => {
      await target.waitFor();
      for (let i = 0; i < 60; i += 1) {
        if (await hasFocus(target)) return;
        await page.keyboard.press('Tab');
      }
      throw new Error(`Tab never reached ${what}`);
    };
    // A menu button as WAI-ARIA has it: Enter opens it, Tab enters the menu, arrows move, Enter chooses.
    const chooseFromAccountMenu = async (item: string) => {
      await tabTo(page.getByTestId('account-menu'), 'the account menu');
      await page.keyboard.press('Enter');
      const target = page.getByRole('menuitem', { name: item });
      await target.waitFor();
      await page.keyboard.press('Tab');
      for (let i = 0; i < 5; i += 1) {
        if (await hasFocus(target)) break;
        await page.keyboard.press('ArrowDown');
      }
      expect(await hasFocus(target)).toBe(true);
      await page.keyboard.press('Enter');
    };
    try {
      await page.goto('/sign-in');
      await tabTo(page.getByLabel('手机号或电子邮箱'), 'the login field');
      await page.keyboard.type(m.phone);
      await tabTo(page.getByLabel('密码', { exact: true }), 'the password field');
      await page.keyboard.type(PASSWORD);
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { name: /工作台/ }).waitFor();

      await chooseFromAccountMenu('修改密码');
      await page.getByRole('heading', { name: '修改密码' }).waitFor();
      const next = 'Keyboard-only-2026';
      await tabTo(page.getByLabel('当前密码'), 'the current password');
      await page.keyboard.type(PASSWORD);
      await tabTo(page.getByLabel('新密码', { exact: true }), 'the new password');
      await page.keyboard.type(next);
      await tabTo(page.getByLabel('再次输入新密码'), 'the confirmation');
      await page.keyboard.type(next);
      await page.keyboard.press('Enter');
      await page.getByTestId('password-changed').waitFor();

      await chooseFromAccountMenu('退出登录');
      await page.waitForURL('**/sign-in');
      // The change really happened: the new password signs in over the API.
      await login(t, m.phone, next, d.code);
      expect(tab.errors).toEqual([]);
    } finally {
      await tab.close();
    }
  });
});
