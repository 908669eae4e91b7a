import 'reflect-metadata';
import os from 'node:os';
import type { Browser, BrowserContext } from 'playwright-core';
import { loadConfig } from '@sanshe/common';
import { createApp } from '../src/bootstrap';
import { DemoSeeder } from '../src/demo/demo-seeder';
import { launchBrowser } from './chromium';

/**
 * Page load of the main pages on the demo data, in Debian's Chromium against the real app (built web app, API,
 * PostgreSQL, Redis), as a person signed in with the demo accounts sees it.
 *
 * A page is "loaded" when the network has gone quiet and no spinner is left; the figure is the moment the last
 * resource of that load answered (`responseEnd`, from the Resource Timing API), counted from navigation start — so
 * it does not include the quiet period waited for. Baseline in the same run: the sign-in page, which is the app's
 * code and no data; the ratios (page ÷ sign-in) are what compares across machines and days.
 *
 * Warm loads (a returning person: browser cache filled, session cookie present) are the median of BENCH_PAGE_ROUNDS
 * (default 9); the cold load (empty cache, a new browser profile, signing in first) is reported once per page.
 */
const ROUNDS = Number(process.env.BENCH_PAGE_ROUNDS ?? 9);
const DEMO_PASSWORD = 'Sanshe@2026';

interface Load { ms: number; jsKb: number; requests: number; apiCalls: number }

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function measure(context: BrowserContext, path: string): Promise<Load> {
  const page = await context.newPage();
  try {
    await page.goto(path, { waitUntil: 'load' });
    await page.waitForLoadState('networkidle');
    await page.locator('.ant-spin-spinning').first().waitFor({ state: 'detached', timeout: 30_000 }).catch(() => undefined);
    // Runs in the page; the server's tsconfig has no DOM types, so the timing entries are described here.
    type Timing = { name: string; responseEnd: number; encodedBodySize: number; loadEventEnd: number };
    return await page.evaluate(() => {
      const perf = (globalThis as unknown as { performance: { getEntriesByType(t: string): Timing[] } }).performance;
      const res = perf.getEntriesByType('resource');
      const nav = perf.getEntriesByType('navigation')[0];
      const end = Math.max(nav.loadEventEnd, ...res.map((r) => r.responseEnd));
      const js = res.filter((r) => r.name.endsWith('.js')).reduce((a, r) => a + r.encodedBodySize, 0);
      return { ms: Math.round(end), jsKb: Math.round(js / 102.4) / 10, requests: res.length, apiCalls: res.filter((r) => r.name.includes('/api/')).length };
    });
  } finally {
    await page.close();
  }
}

async function signedInContext(browser: Browser, base: string, phone: string): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL: base, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto('/sign-in');
  await page.getByLabel('手机号或电子邮箱').fill(phone);
  await page.getByLabel('密码', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: /^登\s?录$/ }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/sign-in'));
  await page.close();
  return context;
}

async function main(): Promise<void> {
  const config = { ...loadConfig({ ...process.env, LOG_LEVEL: 'error' }), runWorker: false };
  const app = await createApp(config, { logger: false });
  await app.get(DemoSeeder).seed();
  await app.listen(0, '127.0.0.1');
  const base = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}`;
  const browser = await launchBrowser();
  const pages: Array<{ path: string; who: string; phone: string }> = [
    { path: '/workbench', who: 'programme officer', phone: '13800510102' },
    { path: '/calls', who: 'programme officer', phone: '13800510102' },
    { path: '/workbench', who: 'organisation staff', phone: '13800510108' },
    { path: '/calls', who: 'organisation staff', phone: '13800510108' },
  ];
  try {
    const anonymous = await browser.newContext({ baseURL: base, locale: 'zh-CN', viewport: { width: 1280, height: 900 } });
    const coldSignIn = await measure(anonymous, '/sign-in');
    const signIn: Load[] = [];
    for (let i = 0; i < ROUNDS; i++) signIn.push(await measure(anonymous, '/sign-in'));
    await anonymous.close();
    const baseline = median(signIn.map((l) => l.ms));
    const results = [];
    for (const p of pages) {
      const context = await signedInContext(browser, base, p.phone);
      const cold = await measure(context, p.path); // first visit of this page: its chunk not cached yet
      const warm: Load[] = [];
      for (let i = 0; i < ROUNDS; i++) warm.push(await measure(context, p.path));
      await context.close();
      const ms = median(warm.map((l) => l.ms));
      results.push({ page: p.path, who: p.who, warmMedianMs: ms, warmRunsMs: warm.map((l) => l.ms), firstVisitMs: cold.ms,
        firstVisitJsKb: cold.jsKb, apiCalls: warm[0].apiCalls, ratioToSignIn: Math.round((ms / baseline) * 100) / 100 });
    }
    console.log(JSON.stringify({
      date: new Date().toISOString(),
      machine: `${os.cpus().length} x ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
      rounds: ROUNDS,
      signIn: { coldMs: coldSignIn.ms, coldJsKb: coldSignIn.jsKb, warmMedianMs: baseline, warmRunsMs: signIn.map((l) => l.ms) },
      pages: results,
    }, null, 2));
  } finally {
    await browser.close();
    await app.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
