import axe from 'axe-core';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { launchBrowser } from '../../../bench/chromium';
import { District, PASSWORD, TestApp, eventually, openDistrict, startTestApp } from '../../support/test-app';

export { launchBrowser } from '../../../bench/chromium';

export const WIDTHS = { desktop: 1280, phone: 375 } as const;
/** Generous: a loaded 2-core CI box with six other jobs; every wait is for an element or a response, never a sleep. */
export const UI_TIMEOUT = 30_000;

export interface Tab {
  context: BrowserContext;
  page: Page;
  /** console errors and uncaught page errors seen so far; every test ends by expecting none. */
  errors: string[];
  close(): Promise<void>;
}

/**
 * A fresh browser profile (its own cookies) on the app. Console errors fail the test, except Chromium's own
 * "Failed to load resource … status of 4xx" line: it is printed for every refusal the test provokes on purpose
 * (a wrong password is a 401), and what the person sees of that refusal is asserted on the page itself. The same
 * line for a 503 is let go too: on a loaded machine the API may answer "briefly unavailable" (a pool wait or a
 * statement past its bound), the page asks again by itself (worthRetrying in web/src/components/problem.ts), and
 * whether it recovered is what the test's next wait on the page proves. Both stay in the failure report's refusals.
 */
export async function openTab(browser: Browser, baseUrl: string, width: number = WIDTHS.desktop): Promise<Tab> {
  const context = await browser.newContext({
    baseURL: baseUrl,
    viewport: { width, height: 900 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  context.setDefaultTimeout(UI_TIMEOUT);
  context.setDefaultNavigationTimeout(UI_TIMEOUT);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    const text = msg.text();
    if (/^Failed to load resource: the server responded with a status of (4\d\d|503)/.test(text)) return;
    errors.push(`console: ${text}`);
  });
  page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
  // The API's refusals this tab received, kept for the failure report (test/browser/support/environment.js).
  const refusals: string[] = [];
  page.on('response', (res) => {
    if (res.status() < 400 || !res.url().includes('/api/')) return;
    const line = `${res.status()} ${res.request().method()} ${new URL(res.url()).pathname}`;
    res.text().then((body) => refusals.push(`${line} ${body.slice(0, 300)}`), () => refusals.push(line));
  });
  const close = async () => {
    await reportTab(page, refusals, errors);
    await context.close();
  };
  return { context, page, errors, close };
}

/**
 * Kept per test by the browser environment and printed only if the test fails: the page's URL, the refusals, and its
 * main content (the layout's menu left out) on one line — a failure report is read from the tail of a CI log, so it
 * stays a few lines per tab.
 */
async function reportTab(page: Page, refusals: string[], errors: string[]): Promise<void> {
  const reports = (globalThis as { __sansheTabReports?: string[] }).__sansheTabReports;
  if (!reports || page.isClosed()) return;
  const main = page.locator('main');
  const where = (await main.count().catch(() => 0)) > 0 ? main.first() : page.locator('body');
  const text = await where.innerText({ timeout: 5_000 }).catch((e: Error) => `(page text unreadable: ${e.message.split('\n')[0]})`);
  reports.push([
    `url: ${page.url()}`,
    `API refusals: ${refusals.length ? `\n  ${refusals.slice(-6).map((r) => r.slice(0, 200)).join('\n  ')}` : 'none'}`,
    `console/page errors: ${errors.length ? errors.slice(-5).join(' | ') : 'none'}`,
    `page text: ${text.split(/\s*\n\s*/).filter(Boolean).join(' · ').slice(0, 1500)}`,
  ].join('\n'));
}

/** Signs in through the sign-in page, the way a person does. */
export async function signInThroughPage(page: Page, login: string, password: string): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel(/手机号或电子邮箱|Mobile phone or e-mail/).fill(login);
  await page.getByLabel(/^(密码|Password)$/).fill(password);
  await page.getByRole('button', { name: /^(登\s?录|Sign in)$/ }).click();
}

/** A new tab at `width`, signed in through the sign-in page as `login` (password PASSWORD), once its workbench shows. */
export async function signedInTab(browser: Browser, baseUrl: string, login: string, width: number = WIDTHS.desktop): Promise<Tab> {
  const tab = await openTab(browser, baseUrl, width);
  try {
    await signInThroughPage(tab.page, login, PASSWORD);
    await tab.page.getByRole('heading', { name: /工作台/ }).waitFor();
    return tab;
  } catch (e) {
    await tab.close();
    throw e;
  }
}

const ARTEFACTS = path.resolve(__dirname, '..', '..', '..', 'test-artifacts', 'screenshots');

/** Screenshot kept as a CI artefact (not committed): test-artifacts/screenshots/<page>-<width>.png. */
export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(ARTEFACTS, { recursive: true });
  const width = page.viewportSize()?.width ?? 0;
  const file = path.join(ARTEFACTS, `${name}-${width}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/**
 * axe-core run in the page itself: injected once per document (the two widths of one page share it), every rule, and
 * only the violations built into results. @axe-core/playwright did the same work at several times the cost — it
 * injects the 600 KB engine on every call and finishes each run in a new blank page it opens and injects again, about
 * 1 s of the ~1.3 s a check took (measured on the people spec; axe's own audit is 0.1–0.3 s there). Our pages have no
 * iframes, which is what its per-frame machinery is for.
 */
async function runAxe(page: Page): Promise<axe.AxeResults> {
  if (!(await page.evaluate(() => 'axe' in globalThis))) await page.evaluate(axe.source);
  return page.evaluate((options) => {
    const inPage = globalThis as unknown as { axe: typeof axe; document: axe.ElementContext };
    return inPage.axe.run(inPage.document, options);
  }, { resultTypes: ['violations'] } as axe.RunOptions);
}

/**
 * axe-core's serious and critical violations on the page as it stands, summarised for a readable failure. A success
 * toast is let go first: caught in its fade-out, its text measures as failing contrast (seen on a loaded machine,
 * where the check ran while the toast of the step before was still leaving).
 */
export async function seriousA11yViolations(page: Page): Promise<string[]> {
  await page.locator('.ant-message-notice').first().waitFor({ state: 'detached' });
  const result = await runAxe(page);
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

/**
 * Screenshot and accessibility check of the page as it stands at each width (the phone, then the desktop, unless
 * given), `ready` awaited at each; ends at the first width. Returns the serious violations, each named by its width.
 */
export async function atBothWidths(page: Page, name: string, ready: () => Promise<unknown>, widths: number[] = [WIDTHS.phone, WIDTHS.desktop]): Promise<string[]> {
  const found: string[] = [];
  for (const width of widths) {
    await page.setViewportSize({ width, height: 900 });
    await ready();
    await screenshot(page, name);
    found.push(...(await seriousA11yViolations(page)).map((v) => `${width}px ${v}`));
  }
  await page.setViewportSize({ width: widths[0], height: 900 });
  return found;
}

/** The page's own POST to `path` (wait for it, then repeat it over the API for the server's words). */
export const posted = (page: Page, path: string) =>
  page.waitForResponse((r) => r.url().endsWith(path) && r.request().method() === 'POST');

/**
 * Waits until nothing on the page scrolls sideways (the layout settles after a width change); fails naming the elements
 * that stick out if it never does.
 */
export const fits = (page: Page) => page.waitForFunction(() => {
  const inPage = globalThis as unknown as { document: { documentElement: { scrollWidth: number } }; innerWidth: number };
  return inPage.document.documentElement.scrollWidth <= inPage.innerWidth;
}, undefined, { timeout: 10_000 }).catch(async (e: Error) => {
  const wide = await page.evaluate(() => {
    const g = globalThis as unknown as { innerWidth: number; document: { querySelectorAll(s: string): ArrayLike<{ tagName: string; className: string; getBoundingClientRect(): { right: number } }> } };
    return Array.from(g.document.querySelectorAll('main *')).filter((el) => el.getBoundingClientRect().right > g.innerWidth + 1)
      .slice(0, 5).map((el) => `${el.tagName}.${el.className} right ${Math.round(el.getBoundingClientRect().right)}`);
  });
  throw new Error(`${e.message}; wider than the window: ${wide.join(' | ')}`);
});

/** The Beijing wall-clock text a `datetime-local` input takes, for an instant. */
export const beijing = (d: Date) => new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 16);
/** The Beijing date (YYYY-MM-DD) a date input takes, for an instant. */
export const day = (d: Date) => beijing(d).slice(0, 10);

/** Waits (bounded) until the locator matches exactly n elements: lists re-render after their request answers. */
export async function countIs(l: Locator, n: number): Promise<void> {
  let seen = -1;
  await eventually(async () => (seen = await l.count()) === n, UI_TIMEOUT, () => `${n} matches of ${l}, saw ${seen}`);
}

/**
 * Picks an entry of the open antd Select. Its role="option" nodes are a hidden copy for screen readers; the entries
 * a person sees and clicks are the visible items, titled with their label.
 */
export async function pick(page: Page, label: string): Promise<void> {
  await page.locator(`.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option[title="${label}"]`).click();
}

/**
 * Switches the page's language with the header's switch, as a person does, and waits until the page has switched
 * (the app sets `<html lang>` when i18next changes language). A pick that does not take is picked once more: in a
 * loaded CI run the English entry was clicked and the page stayed Chinese (the same lost pick `chooseIn` guards).
 */
export async function switchLanguage(page: Page, to: 'English' | '中文', opts: { force?: boolean } = {}): Promise<void> {
  const switched = page.locator(to === 'English' ? 'html[lang="en"]' : 'html[lang="zh-CN"]');
  for (let attempt = 1; ; attempt++) {
    await page.getByTestId('language-switch').click({ force: opts.force });
    await pick(page, to);
    if (await switched.waitFor({ state: 'attached', timeout: 10_000 }).then(() => true, () => false)) return;
    if (attempt === 2) throw new Error(`language switch: "${to}" was picked twice and the page did not switch`);
    // The list may still be open after the lost pick: close it, so the next click opens it rather than closing it.
    await page.keyboard.press('Escape');
  }
}

/**
 * Chooses entries of a multi-select field, the way a person checks the chips appear: opens the list, picks each entry,
 * and waits for its chip in the field before the next. A chip that does not appear means the pick did not register
 * (seen in full CI runs: the community field empty at submit, refused by the server), so that entry is picked once
 * more; a second miss fails here, naming the field, instead of at the server. Closes the list with Escape.
 */
export async function chooseIn(page: Page, field: string, ...labels: string[]): Promise<void> {
  const input = page.getByLabel(field, { exact: true });
  const item = page.locator('.ant-form-item').filter({ has: input }).last();
  for (const label of labels) {
    const chip = item.locator(`.ant-select-selection-item[title="${label}"]`);
    for (let attempt = 1; ; attempt++) {
      // This field's own list (another field's may still be closing): the combobox says whether it is open.
      if ((await input.getAttribute('aria-expanded')) !== 'true') await input.click();
      await pick(page, label);
      if (await chip.waitFor({ timeout: 10_000 }).then(() => true, () => false)) break;
      if (attempt === 2) throw new Error(`${field}: "${label}" was picked twice and its chip never appeared`);
    }
  }
  await page.keyboard.press('Escape');
}

/**
 * Each browser file's world: the app listening on a free port (it serves the built web app), a fresh district with
 * its admin, and one Chromium. Registers its own beforeAll/afterAll; read the fields inside tests.
 */
export function browserWorld(): { t: TestApp; d: District; browser: Browser } {
  const world = {} as { t: TestApp; d: District; browser: Browser };
  beforeAll(async () => {
    world.t = await startTestApp({}, { listen: true });
    world.d = await openDistrict(world.t);
    world.browser = await launchBrowser();
  });
  afterAll(async () => {
    await world.browser?.close();
    await world.t?.close();
  });
  return world;
}

/**
 * `signedIn(login, width)` for a file whose tests open several people's tabs: each tab is signed in through the page
 * and closed after its test (printing its failure report if the test failed), however the test ended.
 */
export function tabsClosedAfterEach(world: { t: TestApp; browser: Browser }): (login: string, width?: number) => Promise<Tab> {
  const tabs: Tab[] = [];
  afterEach(async () => {
    while (tabs.length) await tabs.pop()!.close();
  });
  return async (login, width = WIDTHS.desktop) => {
    const tab = await signedInTab(world.browser, world.t.baseUrl!, login, width);
    tabs.push(tab);
    return tab;
  };
}
