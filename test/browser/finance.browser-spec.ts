import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { ProjectWorld, fundedProject, projectWorld } from '../support/projects';
import { TestApp } from '../support/test-app';
import { WIDTHS, atBothWidths, browserWorld, pick, screenshot, seriousA11yViolations, switchLanguage, tabsClosedAfterEach } from './support/browser';

jest.setTimeout(300_000);

interface Row { id: string; seq: number; status: string; ready: boolean; checks: Array<{ met: boolean; zh: string }>; project: { id: string; referenceNo: string } }

describe('finance: every project\'s tranches in one list, released from the row', () => {
  const world = browserWorld();
  const signedIn = tabsClosedAfterEach(world);
  let t: TestApp;
  let w: ProjectWorld;

  beforeAll(async () => {
    ({ t } = world);
    w = await projectWorld(t);
  });

  async function signed(overrides: Parameters<typeof fundedProject>[2]) {
    const p = await fundedProject(t, w, overrides);
    await w.officer.post(`/api/v1/projects/${p.id}/agreement`, { signedOn: '2027-01-05', version: p.detail.version }).expect(200);
    return p;
  }

  /** axe and a screenshot at both widths of the page as it stands (on a phone, once the rows show as cards). */
  async function check(page: Page, name: string) {
    expect(await atBothWidths(page, `finance-${name}`, async () => {
      await page.locator('h1').first().waitFor();
      if (page.viewportSize()!.width === WIDTHS.phone) await page.getByTestId('tranches-table').locator('.ant-table-row').first().waitFor();
    }, [WIDTHS.desktop, WIDTHS.phone])).toEqual([]);
  }

  it('the officer sees two projects\' tranches in one list, releases one, and sees another refused with its unmet conditions', async () => {
    const a = await signed({ organisationId: w.orgA, projectTitle: '独居老人关爱行动', startsOn: '2027-01-01' });
    const b = await fundedProject(t, w, { organisationId: w.orgB, projectTitle: '一老一小共融空间', startsOn: '2026-12-01' });
    const c = await signed({ organisationId: w.orgB, projectTitle: '社区儿童托管', startsOn: '2027-02-01' });
    const { page, errors } = await signedIn(w.finance.phone);

    // From the workbench item straight to the list, filtered to that project's tranche ready to release.
    await page.getByRole('link', { name: '独居老人关爱行动' }).click();
    await page.getByRole('heading', { name: '资金拨付' }).waitFor();
    await page.getByTestId('project-filter').waitFor();
    const rowsOf = (ref: string) => page.getByTestId(`project-tranches-${ref}`);
    await rowsOf(a.payload.referenceNo).getByTestId('tranche-1').waitFor();
    expect(await page.getByTestId('tranches-table').locator('.ant-table-row').count()).toBe(1);
    await page.getByRole('button', { name: '看全部项目' }).click();

    // Unfiltered (open tranches): both organisations' projects in one list, the ready ones first.
    await rowsOf(b.payload.referenceNo).getByTestId('tranche-3').waitFor();
    const listed = (await w.finance.get('/api/v1/projects/tranches?status=open').expect(200)).body.items as Row[];
    expect(listed.slice(0, 2).map((r) => [r.project.id, r.seq, r.ready])).toEqual([[a.id, 1, true], [c.id, 1, true]]);
    const shown = await page.getByTestId('tranches-table').locator('.ant-table-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-testid')));
    expect(shown).toEqual(listed.map((r) => `project-tranches-${r.project.referenceNo}`));
    await check(page, 'tranches');

    // B is not signed: its first tranche lists the unmet condition in the server's words, and the button says why.
    const bFirst = rowsOf(b.payload.referenceNo).getByTestId('tranche-1');
    const bChecks = listed.find((r) => r.project.id === b.id && r.seq === 1)!.checks;
    const unmet = bChecks.filter((x) => !x.met);
    expect(unmet.map((x) => x.zh)).toEqual(['资助协议已签订']);
    expect(await bFirst.getByTestId('condition-unmet').count()).toBe(1);
    await bFirst.getByText('资助协议已签订').waitFor();
    await bFirst.getByText('条件未全部满足，暂不能拨付').waitFor();

    // A: released from the row; it leaves the open list; paid once.
    const before = BigInt((await w.finance.get('/api/v1/funds/programme').expect(200)).body.balanceFen);
    const aFirst = rowsOf(a.payload.referenceNo).getByTestId('tranche-1');
    await aFirst.getByRole('button', { name: /^拨付: / }).dblclick();
    await page.getByText(`已拨付：${a.payload.referenceNo}`).first().waitFor(); // one toast per click: the retry is replayed, not paid again
    await aFirst.waitFor({ state: 'detached' });
    const aTranches = (await w.finance.get(`/api/v1/projects/${a.id}/tranches`).expect(200)).body.items as Row[];
    expect(aTranches.map((x) => x.status)).toEqual(['released', 'pending', 'pending']);
    expect(before - BigInt((await w.finance.get('/api/v1/funds/programme').expect(200)).body.balanceFen)).toBe(5000000n);

    // B refused: the server's 409 names the unmet condition, shown on the row.
    await bFirst.getByRole('button', { name: /^拨付: / }).click();
    const refused = await w.finance.post(`/api/v1/projects/${b.id}/tranches/${listed.find((r) => r.project.id === b.id)!.id}/release`)
      .set('Idempotency-Key', randomUUID()).expect(409);
    expect(refused.body.message['zh-CN']).toContain('资助协议已签订');
    await bFirst.getByRole('alert').filter({ hasText: refused.body.message['zh-CN'] }).waitFor();

    // C was paid by a colleague after this page loaded: the stale row's release is refused with the server's words.
    const cFirst = rowsOf(c.payload.referenceNo).getByTestId('tranche-1');
    await cFirst.getByRole('button', { name: /^拨付: / }).waitFor();
    const cId = listed.find((r) => r.project.id === c.id && r.seq === 1)!.id;
    await w.finance.post(`/api/v1/projects/${c.id}/tranches/${cId}/release`).set('Idempotency-Key', randomUUID()).expect(200);
    const again = await w.finance.post(`/api/v1/projects/${c.id}/tranches/${cId}/release`).set('Idempotency-Key', randomUUID()).expect(409);
    await cFirst.getByRole('button', { name: /^拨付: / }).click();
    await cFirst.getByRole('alert').filter({ hasText: again.body.message['zh-CN'] }).waitFor();
    expect((await w.finance.get(`/api/v1/projects/${b.id}/tranches`).expect(200)).body.items.map((x: Row) => x.status)).toEqual(['pending', 'pending', 'pending']);

    // Filters go to the server: released only, then English once.
    // The filter form is at the top, under the fixed header; the chosen value's chip is what a person clicks.
    await page.evaluate('window.scrollTo(0, 0)');
    await page.locator('.ant-form-item').filter({ has: page.getByLabel('拨款状态') }).locator('.ant-select-selector').click();
    await pick(page, '已拨付');
    // A full CI run under load once found no button named 查询 for 30 s while the page showed it; the table's own
    // loading state puts a "loading" icon into the button's name. Take the form's submit button once it is not loading.
    await page.keyboard.press('Escape');
    const query = page.locator('.ant-pro-query-filter button.ant-btn-primary:not(.ant-btn-loading)');
    expect((await query.innerText()).replace(/\s/g, '')).toBe('查询');
    await query.click();
    await rowsOf(a.payload.referenceNo).getByText('拨付时间').waitFor();
    await rowsOf(c.payload.referenceNo).getByText('拨付时间').waitFor();
    expect(await page.getByTestId('tranches-table').locator('.ant-table-row').count()).toBe(2);
    await switchLanguage(page, 'English');
    await page.getByRole('heading', { name: 'Tranche release' }).waitFor();
    await page.getByText('Released at').first().waitFor();
    expect(errors).toEqual([]);
  });

  it('on a phone each tranche is a card; a programme officer reads the list but has no release button', async () => {
    const p = await fundedProject(t, w, { projectTitle: '手机上看的项目' });
    const { page, errors } = await signedIn(w.officer.phone, WIDTHS.phone);
    await page.goto(`/finance/tranches?projectId=${p.id}`);
    await page.getByRole('heading', { name: '资金拨付' }).waitFor();
    const first = page.getByTestId(`project-tranches-${p.payload.referenceNo}`).getByTestId('tranche-1');
    await first.getByText('资助协议已签订').waitFor();
    expect(await page.getByTestId('tranches-table').locator('thead th').count()).toBe(1);
    expect(await page.getByRole('button', { name: /^拨付: / }).count()).toBe(0);
    const width = await page.evaluate<number>('document.documentElement.scrollWidth');
    expect(width).toBeLessThanOrEqual(WIDTHS.phone + 1);
    expect({ violations: await seriousA11yViolations(page) }).toEqual({ violations: [] });
    await screenshot(page, 'finance-tranches-officer');
    expect(errors).toEqual([]);
  });
});
