import type { Browser, Page } from 'playwright-core';
import { publishedCall } from '../support/calls';
import { ProjectWorld, fundedProject, projectWorld } from '../support/projects';
import { TestApp, addMember } from '../support/test-app';
import { Tab, WIDTHS, browserWorld, openTab, signedInTab, switchLanguage } from './support/browser';

// Every role's pages in one English session each: many page loads on a loaded 2-core machine.
jest.setTimeout(300_000);

/**
 * Issue 10, proof 4: every main page in English, with no text left in Chinese and no untranslated key. A missing key
 * is a console error already (web/src/app/i18n.ts) and fails through `tab.errors`. Text a translation forgot is what
 * this file looks for: the page's own words — headings, column headers, field labels, buttons, tabs, tags, card
 * titles and the menu — must hold no Chinese once the person has chosen English. Names people typed (the district,
 * the organisations, the call and project titles, places, people) are data and stay as typed, so they are taken out
 * of each text before it is judged.
 */
const CHROME = [
  'main h1', 'main h2', 'main h3', 'main h4', 'main h5', 'main th', 'main [role="columnheader"]', 'main label',
  'main button', 'main [role="tab"]', 'main .ant-tag', 'main .ant-card-head-title', 'main .ant-descriptions-item-label',
  'main .ant-empty-description', 'main .ant-statistic-title', 'main .ant-steps-item-title', 'main .ant-alert-message',
  '.ant-pro-sider [role="menuitem"]', '.ant-pro-top-nav-header [role="menuitem"]', '.ant-pro-global-header',
].join(', ');
const CJK = /[\u3400-\u9fff\uff01-\uff5e\u3001-\u3011]/;

describe('every main page in English: no Chinese left in the page\'s own words, no missing key', () => {
  const world = browserWorld();
  let t: TestApp;
  let browser: Browser;
  let w: ProjectWorld;
  let data: string[] = [];
  const paths: Record<string, string> = {};
  let untranslated: Record<string, string[]> = {};
  beforeEach(() => { untranslated = {}; });

  beforeAll(async () => {
    ({ t, browser } = world);
    w = await projectWorld(t);
    const project = await fundedProject(t, w);
    const { id: projectId, detail } = project;
    const call = await publishedCall(t, w.d, w.officer);
    paths.project = `/projects/${projectId}`;
    paths.report = `/project-reports/${detail.reports[0].id}`;
    paths.call = `/calls/${call.id}`;
    paths.organisation = `/organisations/${w.orgA}`;
    // Everything a person typed that a page of this district may show, longest first so a name is removed whole.
    const orgs = (await w.officer.get('/api/v1/organisations?limit=50').expect(200)).body.items as { name: string }[];
    const places = (await w.d.admin.get('/api/v1/places?limit=50').expect(200)).body.items as { name: string }[];
    const members = (await w.d.admin.get('/api/v1/members?limit=50').expect(200)).body.items as { name?: string; displayName?: string }[];
    const { payload } = project;
    data = [w.d.name, call.title, detail.title, payload.callTitle, payload.summary, ...orgs.map((o) => o.name),
      ...places.map((p) => p.name), ...members.flatMap((m) => [m.name, m.displayName]),
      ...payload.budgetLines.map((b) => b.name), ...payload.indicators.flatMap((i) => [i.name, i.unit]),
      ...payload.tranchePlan.map((x) => x.name), ...(payload.milestones ?? []).map((m) => m.name)]
      .filter((s): s is string => typeof s === 'string' && CJK.test(s))
      .sort((a, b) => b.length - a.length);
  });

  /** The page's own words still in Chinese once the data is taken out, kept under `name`: each test asserts them all at
   * its end, so a run names every untranslated word at once. */
  async function judge(page: Page, name: string, ready: () => Promise<unknown>) {
    await ready();
    await page.locator('main').first().waitFor();
    const texts = await page.locator(CHROME).allInnerTexts();
    const left = texts
      .map((text) => data.reduce((s, d) => s.split(d).join(''), text).trim())
      .filter((text) => CJK.test(text));
    if (left.length) untranslated[name] = [...new Set(left)];
  }

  async function visit(page: Page, name: string, path: string) {
    await page.goto(path);
    await judge(page, name, () => page.locator('main h1').first().waitFor());
  }

  async function inEnglish(login: string, width: number = WIDTHS.desktop): Promise<Tab> {
    const tab = await signedInTab(browser, t.baseUrl!, login, width);
    await switchLanguage(tab.page, 'English');
    await tab.page.getByRole('heading', { name: /Workbench/ }).waitFor();
    return tab;
  }

  it('the officials\' pages — district admin, programme officer, finance, evaluator — the call\'s every tab included', async () => {
    // One person holding the four official roles sees every official page in one session: one sign-in, not four.
    const official = await addMember(t, w.d, ['district_admin', 'programme_officer', 'finance_officer', 'evaluator'], { name: '区综合岗' });
    data.unshift('区综合岗');
    const tab = await inEnglish(official.phone);
    try {
      const { page } = tab;
      await judge(page, 'official-workbench', () => page.getByRole('heading', { name: /Workbench/ }).waitFor());
      for (const [name, path] of [['organisations', '/organisations'], ['organisation', paths.organisation],
        ['calls', '/calls'], ['call-new', '/calls/new'], ['projects', '/projects'], ['project', paths.project],
        ['report', paths.report], ['evaluations', '/evaluations'], ['fund', '/finance/fund'], ['tranches', '/finance/tranches'],
        ['members', '/settings/members'], ['places', '/settings/places'], ['district', '/settings/district'],
        ['notifications', '/notifications'], ['password', '/account/password']]) {
        await visit(page, `official-${name}`, path);
      }
      await page.goto(paths.call);
      await page.locator('main h1').first().waitFor();
      const tabs = page.locator('main [role="tab"]');
      await tabs.first().waitFor();
      const count = await tabs.count();
      expect(count).toBeGreaterThan(1);
      for (let i = 0; i < count; i++) {
        const label = (await tabs.nth(i).innerText()).trim();
        await tabs.nth(i).click();
        await page.locator('main [role="tab"][aria-selected="true"]').filter({ hasText: label }).waitFor();
        await judge(page, `official-call-tab-${i}`, () => page.locator('main [role="tabpanel"]:visible').first().waitFor());
      }
      expect(untranslated).toEqual({});
      expect(tab.errors).toEqual([]);
    } finally {
      await tab.close();
    }
  });

  it('the organisation\'s pages on a phone, and the public portal', async () => {
    // Organisation staff work on phones: their pages are judged at 375 px, where the menu folds away.
    const tab = await inEnglish(w.orgAdminA.phone, WIDTHS.phone);
    try {
      await judge(tab.page, 'org-workbench', () => tab.page.getByRole('heading', { name: /Workbench/ }).waitFor());
      for (const [name, path] of [['my-organisation', '/my-organisation'], ['calls', '/calls'], ['call', paths.call],
        ['applications', '/applications'], ['projects', '/projects'], ['project', paths.project], ['report', paths.report]]) {
        await visit(tab.page, `org-${name}`, path);
      }
      expect(tab.errors).toEqual([]);
    } finally {
      await tab.close();
    }

    const visitor = await openTab(browser, t.baseUrl!, WIDTHS.phone);
    try {
      const { page } = visitor;
      await page.goto(`/portal/${w.d.code}`);
      await page.locator('main h1').first().waitFor();
      await switchLanguage(page, 'English');
      for (const [name, path] of [['calls', ''], ['notices', '/notices'], ['directory', '/organisations'], ['register', '/register']]) {
        await visit(page, `portal-${name}`, `/portal/${w.d.code}${path}`);
      }
      expect(untranslated).toEqual({});
      expect(visitor.errors).toEqual([]);
    } finally {
      await visitor.close();
    }
  });
});
