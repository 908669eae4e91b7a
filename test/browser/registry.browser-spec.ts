import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { organisationForm, organisationMember, TINY_PDF, uploadDocument } from '../support/organisations';
import { District, PASSWORD, TestApp, addMember } from '../support/test-app';
import { Tab, WIDTHS, browserWorld, openTab, pick, screenshot, seriousA11yViolations, signedInTab, signInThroughPage, switchLanguage } from './support/browser';

jest.setTimeout(180_000);

/** A draft registered by the district with its required documents, its admin signed in, submitted by that admin. */
async function submittedOrganisation(t: TestApp, d: District, name: string) {
  const form = organisationForm({ name });
  const created = await d.admin.post('/api/v1/organisations', form);
  expect(created.status).toBe(201);
  const id: string = created.body.organisation.id;
  for (const kind of ['registration_certificate', 'charter']) expect((await uploadDocument(t, d.admin, id, kind)).status).toBe(201);
  const orgAdmin = await organisationMember(t, d, id, ['org_admin'], { name: '机构管理员' });
  const submitted = await orgAdmin.post(`/api/v1/organisations/${id}/submit`, { version: created.body.organisation.version });
  expect(submitted.status).toBe(200);
  return { id, orgAdmin };
}

/** A section of a record: a tab on a wide screen, a radio button on a phone. */
const section = (page: Page, name: string) =>
  page.getByRole('tab', { name }).or(page.locator('label.ant-radio-button-wrapper').filter({ hasText: new RegExp(`^${name}$`) }));

/** The button antd renders for a two-character Chinese label carries a space between the characters. */
const spaced = (label: string) => new RegExp(`^${[...label].join('\\s?')}$`);

async function a11yAndShot(page: Page, name: string, report: Record<string, string[]>): Promise<void> {
  report[`${name}-${page.viewportSize()?.width}`] = await seriousA11yViolations(page);
  await screenshot(page, name);
}

describe('registry pages in a real browser: officers decide, the organisation fixes and resubmits', () => {
  const world = browserWorld();
  let t: TestApp;
  let d: District;
  let browser: Browser;
  beforeAll(() => ({ t, d, browser } = world));

  // One journey across three sessions with axe on three pages; on a box loaded to ~20 it took 300 s, hence the room.
  it('officer filters, exports, returns with a reason; the org fixes a field and resubmits; a stale second tab is refused; verified; a qualification applied for and approved', async () => {
    const stamp = Date.now() % 100000;
    const name = `晋阳测试社工中心${stamp}`;
    const { id, orgAdmin } = await submittedOrganisation(t, d, name);
    await submittedOrganisation(t, d, `另一家测试机构${stamp}`); // the filter must leave this one out
    const officer = await addMember(t, d, ['programme_officer'], { name: '项目官员' });
    const report: Record<string, string[]> = {};

    const off = await signedInTab(browser, t.baseUrl!, officer.phone, WIDTHS.desktop);
    const org = await openTab(browser, t.baseUrl!, WIDTHS.phone);
    let second: Tab | null = null;
    try {
      // --- the registry: counts per status, a name filter, the export
      const { page } = off;
      await page.goto('/organisations');
      await page.getByRole('heading', { name: '社会组织名录' }).waitFor();
      await page.getByRole('tab', { name: '待核验 (2)' }).waitFor();
      await page.getByRole('tab', { name: '待核验 (2)' }).click();
      await page.getByRole('link', { name: `另一家测试机构${stamp}` }).waitFor();
      await page.getByRole('textbox', { name: '名称或信用代码' }).fill(`晋阳测试社工中心${stamp}`);
      await page.getByRole('button', { name: spaced('查询') }).click();
      await page.getByRole('link', { name: `另一家测试机构${stamp}` }).waitFor({ state: 'detached' });
      await page.getByRole('link', { name }).waitFor();
      expect(await page.getByTestId('organisation-link').count()).toBe(1);
      await a11yAndShot(page, 'registry-organisations', report);

      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export').click()]);
      const file = fs.readFileSync((await download.path())!);
      expect(file.subarray(0, 2).toString('latin1')).toBe('PK'); // an .xlsx is a zip
      expect(download.suggestedFilename()).toMatch(/\.xlsx$/);

      // The language switch reaches this page's own strings.
      await switchLanguage(page, 'English');
      await page.getByRole('heading', { name: 'Organisation registry' }).waitFor();
      await page.getByRole('button', { name: 'Export to Excel' }).waitFor();
      await switchLanguage(page, '中文');
      await page.getByRole('heading', { name: '社会组织名录' }).waitFor();

      // --- the record: return it with a reason
      await page.getByRole('link', { name }).click();
      await page.waitForURL(`**/organisations/${id}`);
      await page.getByTestId('organisation-name').filter({ hasText: name }).waitFor();
      await page.locator('[data-testid="organisation-status"][data-status="submitted"]').waitFor();
      expect(await page.getByTestId('action-grade').count()).toBe(0); // not offered before verification
      await a11yAndShot(page, 'registry-organisation', report);
      await page.getByTestId('action-return').click();
      await page.getByTestId('confirm-return').click();
      await page.getByText('请填写理由').waitFor(); // the form asks before sending anything
      const reason = '章程扫描件缺少第3页，联系邮箱有误，请更正后重新提交';
      await page.getByLabel('退回理由（组织可见）').fill(reason);
      await page.getByTestId('confirm-return').click();
      await page.locator('[data-testid="organisation-status"][data-status="returned"]').waitFor();
      const returned = await officer.get(`/api/v1/organisations/${id}`);
      expect(returned.body).toMatchObject({ status: 'returned', statusReason: reason });

      // --- the organisation reads the reason, a refused field, fixes it, uploads a document, resubmits (phone)
      const p2 = org.page;
      await signInThroughPage(p2, orgAdmin.phone, PASSWORD);
      await p2.getByRole('heading', { name: /工作台/ }).waitFor();
      await p2.goto('/my-organisation');
      await p2.getByTestId('status-reason').filter({ hasText: reason }).waitFor();
      await p2.locator('[data-testid="organisation-status"][data-status="returned"]').waitFor();
      await a11yAndShot(p2, 'registry-my-organisation', report);

      const refused = await orgAdmin.patch(`/api/v1/organisations/${id}`, { contactEmail: 'not-an-email', version: returned.body.version });
      expect(refused.status).toBe(400);
      const fieldError = (refused.body.errors as Array<{ field: string; zh: string }>).find((e) => e.field === 'contactEmail')!;
      await p2.getByLabel('联系邮箱').fill('not-an-email');
      await p2.getByTestId('profile-save').click();
      await p2.getByText(fieldError.zh).waitFor(); // the server's word, on the field it concerns
      await p2.getByLabel('联系邮箱').fill('fixed@example.org');
      await p2.getByTestId('profile-save').click();
      await p2.getByTestId('profile-saved').waitFor();

      await section(p2, '证照材料').click();
      await p2.getByTestId('document-kind').click();
      await pick(p2, '审计报告');
      await p2.locator('input[type=file]').setInputFiles({ name: 'audit-2025.pdf', mimeType: 'application/pdf', buffer: TINY_PDF });
      await p2.getByTestId('documents').getByText('audit-2025.pdf').waitFor();

      await p2.getByTestId('action-submit').click();
      await p2.getByTestId('confirm-submit').click();
      await p2.locator('[data-testid="organisation-status"][data-status="submitted"]').waitFor();
      const resubmitted = await officer.get(`/api/v1/organisations/${id}`);
      expect(resubmitted.body).toMatchObject({ status: 'submitted', contact: { email: 'fixed@example.org' } });
      expect((resubmitted.body.documents as Array<{ kind: string }>).map((x) => x.kind)).toContain('audit_report');

      // --- two officer tabs on the same record: the second verifies, the first's return is refused as stale
      await page.reload();
      await page.locator('[data-testid="organisation-status"][data-status="submitted"]').waitFor();
      second = await signedInTab(browser, t.baseUrl!, officer.phone, WIDTHS.desktop);
      const p3 = second.page;
      // The workbench lists the record to verify and links to the page that decides it.
      await p3.getByTestId('workbench-group-organisation_to_verify').getByRole('link', { name }).click();
      await p3.waitForURL(`**/organisations/${id}`);
      await p3.getByTestId('action-verify').click();
      await p3.getByTestId('confirm-verify').click();
      await p3.locator('[data-testid="organisation-status"][data-status="verified"]').waitFor();

      await page.getByTestId('action-return').click();
      await page.getByLabel('退回理由（组织可见）').fill('第一页已过时，仍想退回');
      await page.getByTestId('confirm-return').click();
      const stale = await officer.post(`/api/v1/organisations/${id}/return`, { version: resubmitted.body.version, reason: '第一页已过时，仍想退回' });
      expect(stale.status).toBe(409);
      await page.getByRole('dialog').getByRole('alert').filter({ hasText: stale.body.message['zh-CN'] }).waitFor();
      expect((await officer.get(`/api/v1/organisations/${id}`)).body.status).toBe('verified'); // the refusal changed nothing

      // --- a qualification: the organisation applies on its page, the officer approves on the record
      await p2.reload();
      await p2.locator('[data-testid="organisation-status"][data-status="verified"]').waitFor();
      await section(p2, '承接资质').click();
      await p2.getByLabel('养老服务').check();
      await p2.getByLabel('申请说明（服务能力、过往项目等）').fill('已承接社区养老项目三年');
      await p2.getByTestId('qualification-apply').click();
      await p2.locator('[data-testid="qualification-status"][data-status="applied"]').waitFor();

      await page.reload();
      await section(page, '承接资质').click();
      await page.getByTestId('action-qualification-approve').click();
      await page.getByTestId('confirm-qualification-approve').click();
      await page.locator('[data-testid="qualification-status"][data-status="approved"]').waitFor();
      const quals = await officer.get(`/api/v1/organisations/${id}/qualifications`);
      expect(quals.body.items).toEqual([expect.objectContaining({ status: 'approved', inForce: true, serviceAreas: [expect.objectContaining({ code: 'elderly' })] })]);

      await p2.reload();
      await section(p2, '承接资质').click();
      await p2.locator('[data-testid="qualification-status"][data-status="approved"]').waitFor();

      expect(off.errors).toEqual([]);
      expect(org.errors).toEqual([]);
      expect(second.errors).toEqual([]);
    } finally {
      await off.close();
      await org.close();
      await second?.close();
    }
    expect(report).toEqual(Object.fromEntries(Object.keys(report).map((k) => [k, []])));
  }, 600_000);

  it('the other widths; finance reads a record without decisions; staff cannot edit; an organisation admin invites staff', async () => {
    const stamp = Date.now() % 100000;
    const { id, orgAdmin } = await submittedOrganisation(t, d, `宽度测试机构${stamp}`);
    const finance = await addMember(t, d, ['finance_officer'], { name: '财务人员' });
    const report: Record<string, string[]> = {};

    const fin = await signedInTab(browser, t.baseUrl!, finance.phone, WIDTHS.phone);
    const adm = await signedInTab(browser, t.baseUrl!, orgAdmin.phone, WIDTHS.desktop);
    try {
      const { page } = fin;
      await page.goto('/organisations');
      try {
        await page.getByRole('link', { name: `宽度测试机构${stamp}` }).waitFor();
      } catch (err) {
        await screenshot(page, 'registry-debug');
        throw new Error(`${(err as Error).message}\n${(await page.locator('body').innerText()).slice(0, 1500)}`);
      }
      await a11yAndShot(page, 'registry-organisations', report);
      await page.getByRole('link', { name: `宽度测试机构${stamp}` }).click();
      await page.locator('[data-testid="organisation-status"][data-status="submitted"]').waitFor();
      await page.getByTestId('organisation-facts').waitFor();
      expect(await page.getByTestId('decisions').count()).toBe(0); // finance reads only
      await a11yAndShot(page, 'registry-organisation', report);

      const p2 = adm.page;
      await p2.goto('/my-organisation');
      await p2.locator('[data-testid="organisation-status"][data-status="submitted"]').waitFor();
      await p2.getByTestId('profile-form').waitFor();
      await a11yAndShot(p2, 'registry-my-organisation', report);
      await section(p2, '人员').click();
      await p2.getByLabel('姓名', { exact: true }).fill('新同事');
      await p2.getByLabel('手机号', { exact: true }).fill('13912345678x'); // the server judges the number
      await p2.getByTestId('member-invite').click();
      const bad = await orgAdmin.post(`/api/v1/organisations/${id}/members`, { name: '新同事', phone: '13912345678x', roles: ['org_staff'] });
      expect(bad.status).toBeGreaterThanOrEqual(400);
      expect(bad.status).toBeLessThan(500);
      const shown = (bad.body.errors as Array<{ field: string; zh: string }> | undefined)?.find((e) => e.field === 'phone')?.zh ?? bad.body.message['zh-CN'];
      await p2.getByText(shown).waitFor();
      const phone = `139${String(stamp).padStart(5, '0')}${String(Math.floor(Math.random() * 1000)).padStart(3, '0')}`;
      await p2.getByLabel('手机号', { exact: true }).fill(phone);
      await p2.getByTestId('member-invite').click();
      await p2.getByTestId('members-notice').filter({ hasText: '新同事' }).waitFor();
      await p2.getByTestId('members').getByText('新同事').waitFor();
      await p2.getByRole('button', { name: '重新发送邀请: 新同事' }).click();
      await p2.getByTestId('members-notice').filter({ hasText: '邀请已重新发送' }).waitFor();
      const members = await orgAdmin.get(`/api/v1/organisations/${id}/members`);
      expect(members.body.items).toEqual(expect.arrayContaining([expect.objectContaining({ name: '新同事', status: 'invited' })]));

      // Staff read the profile but are not offered the edit form or the submission.
      const staff = await organisationMember(t, d, id, ['org_staff'], { name: '机构职员' });
      const st = await signedInTab(browser, t.baseUrl!, staff.phone, WIDTHS.phone);
      try {
        await st.page.goto('/my-organisation');
        await st.page.getByTestId('organisation-facts').waitFor();
        expect(await st.page.getByTestId('profile-form').count()).toBe(0);
        expect(await st.page.getByTestId('action-withdraw').count()).toBe(0);
        expect(st.errors).toEqual([]);
      } finally {
        await st.close();
      }
      expect(fin.errors).toEqual([]);
      expect(adm.errors).toEqual([]);
    } finally {
      await fin.close();
      await adm.close();
    }
    expect(report).toEqual(Object.fromEntries(Object.keys(report).map((k) => [k, []])));
  }, 480_000);
});
