import type { Browser } from 'playwright-core';
import { District, TestApp, receiveInvitation, uniquePhone } from '../support/test-app';
import { applicantOrganisation, clockOf, publishedCall, put, scoreAll, submitApplication, venturePeople } from '../support/calls';
import { syntheticCreditCode } from '../support/organisations';
import { CallClosingScheduler } from '../../src/modules/calls/call-closing.scheduler';
import { WIDTHS, atBothWidths, browserWorld, openTab, pick, screenshot, seriousA11yViolations, switchLanguage } from './support/browser';

// A call taken through review to its public notice, then a phone journey through the portal: well over 60 s here.
jest.setTimeout(300_000);

describe('the public portal on a phone, without signing in', () => {
  const world = browserWorld();
  let t: TestApp;
  let d: District;
  let browser: Browser;
  let people: Awaited<ReturnType<typeof venturePeople>>;
  beforeAll(async () => {
    ({ t, d, browser } = world);
    people = await venturePeople(t, d, 1);
  });
  afterAll(() => clockOf(t)?.set(undefined));

  it('a member of the public reads an open call and registers an organisation, which officials then see awaiting verification', async () => {
    const { communityId, officer } = people;
    const call = await publishedCall(t, d, officer, { title: '2026年望江公益创投', communityIds: [communityId] });
    const tab = await openTab(browser, t.baseUrl!, WIDTHS.phone);
    const { page } = tab;
    try {
      await page.goto(`/portal/${d.code}`);
      await page.getByTestId('portal-district').filter({ hasText: d.name }).waitFor();
      await page.getByRole('heading', { name: '公益创投征集公告' }).waitFor();
      expect(await atBothWidths(page, 'portal-calls', () => page.getByRole('link', { name: call.title }).waitFor())).toEqual([]);
      await page.getByRole('link', { name: call.title }).click();
      await page.getByRole('heading', { name: call.title }).waitFor();
      await page.getByText('¥2,000,000.00').waitFor(); // the pool, fen shown as yuan
      await page.getByTestId('time-left').filter({ hasText: /剩余 \d+ 天 \d+ 小时/ }).waitFor();
      expect(await atBothWidths(page, 'portal-call', () => page.getByRole('heading', { name: call.title }).waitFor())).toEqual([]);

      await page.getByRole('link', { name: '社会组织登记', exact: true }).click();
      await page.getByRole('heading', { name: /社会组织自助登记/ }).waitFor();
      // Checked before filling: antd marks a validated Select with an aria attribute axe rejects (a shared antd issue).
      expect(await atBothWidths(page, 'portal-register', () => page.locator('form#register').getByLabel('组织名称').waitFor())).toEqual([]);
      const name = '望江社区发展服务中心';
      const applicantPhone = uniquePhone();
      const form = page.locator('form#register');
      await form.getByLabel('组织名称').fill(name);
      await form.getByLabel('统一社会信用代码').fill('ABC123');
      await form.getByLabel('组织类型').click();
      await pick(page, '社会服务机构');
      await form.getByLabel('登记管理机关').fill('成都市武侯区民政局');
      await form.getByLabel('成立登记日期').fill('2019-04-01');
      await form.getByLabel('法定代表人').fill('周理事长');
      await form.getByLabel('申请人姓名').fill('周理事长');
      await form.getByLabel('申请人手机号').fill(applicantPhone);
      await form.locator('button[type=submit]').click();
      // The server judges the credit code; its message, not the page's guess, is what the person reads.
      const refused = await t.http.post(`/api/v1/public/districts/${d.code}/organisation-registrations`).send({
        name, creditCode: 'ABC123', orgType: 'social_service_agency', registrationAuthority: '成都市武侯区民政局',
        registeredOn: '2019-04-01', legalRepresentative: '周理事长', applicant: { name: '周理事长', phone: applicantPhone },
      });
      expect(refused.status).toBe(400);
      await page.getByRole('alert').filter({ hasText: refused.body.message['zh-CN'] }).first().waitFor();

      const creditCode = syntheticCreditCode('social_service_agency');
      await form.getByLabel('统一社会信用代码').fill(creditCode);
      await form.locator('button[type=submit]').click();
      await page.getByTestId('registration-done').filter({ hasText: '激活邀请将发送至' }).waitFor();

      // The applicant's invitation arrives, and the registry shows the draft record to the district.
      await receiveInvitation(t, applicantPhone, 60_000);
      const registry = await officer.get(`/api/v1/organisations?q=${encodeURIComponent(creditCode)}`);
      expect(registry.status).toBe(200);
      expect(registry.body.items.map((o: { name: string; status: string }) => [o.name, o.status])).toEqual([[name, 'draft']]);

      await page.getByRole('link', { name: '资质名录', exact: true }).click();
      await page.getByRole('heading', { name: '承接资质社会组织名录' }).waitFor();
      expect(await atBothWidths(page, 'portal-directory', () => page.getByRole('heading', { name: '承接资质社会组织名录' }).waitFor())).toEqual([]);
      expect(tab.errors).toEqual([]);
    } finally {
      await tab.close();
    }
  });

  it('a member of the public objects to a published notice, keeps the receipt code and later reads the answer with it', async () => {
    const clock = clockOf(t);
    const { communityId, officer, reviewers } = people;
    const call = await publishedCall(t, d, officer, { title: '2026年金花公益创投', communityIds: [communityId], reviewersPerApplication: 1 });
    const applicant = await applicantOrganisation(t, d, '金花社会工作服务中心');
    const submitted = await submitApplication(applicant.admin, call.id, communityId, { requestedFen: '18000000', title: '金花长者食堂' });
    expect((await officer.post(`/api/v1/applications/${submitted.id}/screening`, { version: submitted.version, decision: 'pass', reason: '材料齐全，符合申报条件' })).status).toBe(200);
    clock.set(new Date(new Date(call.closesAt).getTime() + 60_000));
    await t.app.get(CallClosingScheduler).tick();
    expect((await officer.post(`/api/v1/calls/${call.id}/reviewers`, { membershipIds: [reviewers[0].memberId] })).status).toBe(200);
    expect((await officer.post(`/api/v1/calls/${call.id}/review-assignments`)).status).toBe(200);
    await scoreAll(t, reviewers[0], () => [9, 8, 8]);
    const closed = (await officer.get(`/api/v1/calls/${call.id}`)).body;
    const selection = await put(t, officer, `/api/v1/calls/${call.id}/selection`, { version: closed.version, items: [{ applicationId: submitted.id, amountFen: '18000000' }] });
    expect(selection.status).toBe(200);
    const notice = await officer.post(`/api/v1/calls/${call.id}/notice`, { version: selection.body.version });
    expect(notice.status).toBe(200);

    const tab = await openTab(browser, t.baseUrl!, WIDTHS.phone);
    const { page } = tab;
    try {
      await page.goto(`/portal/${d.code}`);
      await page.getByRole('link', { name: '公示', exact: true }).click();
      await page.getByRole('heading', { name: '拟资助项目公示', exact: true }).waitFor();
      await page.getByTestId('portal-notice').getByRole('link', { name: /2026年金花公益创投/ }).click();
      await page.getByRole('heading', { name: /2026年金花公益创投 拟资助项目公示/ }).waitFor();
      await page.getByText('金花长者食堂').waitFor();
      await page.getByText('¥180,000.00').first().waitFor();
      expect(await atBothWidths(page, 'portal-notice', () => page.getByText('金花长者食堂').waitFor())).toEqual([]);

      // Too short an objection: the server's rule, under the field it concerns.
      const form = page.locator('form#objection');
      await form.getByLabel('您的姓名').fill('王女士');
      await form.getByLabel('联系方式').fill('13912345678');
      await form.getByLabel('异议内容').fill('不妥');
      await form.locator('button[type=submit]').click();
      const short = await t.http.post(`/api/v1/public/districts/${d.code}/calls/${call.id}/objections`)
        .send({ name: '王女士', contact: '13912345678', content: '不妥' });
      expect(short.status).toBe(400);
      const contentError = short.body.errors.find((e: { field: string }) => e.field === 'content');
      await form.locator('#objection_content_help').getByText(contentError.zh).waitFor();

      await form.getByLabel('异议内容').fill('该机构去年项目执行情况不佳，请核实。');
      await form.locator('button[type=submit]').click();
      const receipt = (await page.getByTestId('receipt-code').innerText()).trim();
      const [objectionId, secret] = receipt.split('.');
      expect(objectionId).toMatch(/^[0-9a-f-]{36}$/);

      // The answer is not there yet; then the officer answers (through the API), and the code finds it.
      const lookup = page.locator('form#lookup');
      await lookup.getByLabel('回执码').fill(receipt);
      await lookup.locator('button[type=submit]').click();
      await page.getByTestId('objection-answer').getByText('尚未答复，请稍后再查').waitFor();
      const answer = '经核实，该机构去年项目结项评估为良好。';
      expect((await officer.post(`/api/v1/calls/${call.id}/objections/${objectionId}/answer`, { answer })).status).toBe(200);
      await lookup.locator('button[type=submit]').click();
      await page.getByTestId('objection-answer').getByText(answer).waitFor();
      const tracked = await t.http.get(`/api/v1/public/districts/${d.code}/calls/${call.id}/objections/${objectionId}`).query({ receipt: secret });
      expect(tracked.body).toMatchObject({ status: 'answered', answer });

      // A wrong code finds nothing, in the server's words.
      const wrong = `${objectionId}.${'x'.repeat(43)}`;
      await lookup.getByLabel('回执码').fill(wrong);
      await lookup.locator('button[type=submit]').click();
      const notFound = await t.http.get(`/api/v1/public/districts/${d.code}/calls/${call.id}/objections/${objectionId}`).query({ receipt: 'x'.repeat(43) });
      expect(notFound.status).toBe(404);
      await page.getByRole('alert').filter({ hasText: notFound.body.message['zh-CN'] }).waitFor();

      await switchLanguage(page, 'English');
      await page.getByRole('heading', { name: 'Look up the answer to an objection' }).waitFor();
      await page.getByRole('link', { name: 'Sign in' }).waitFor();
      expect(tab.errors).toEqual([]);
    } finally {
      await tab.close();
    }
  });

  it('a district code that does not exist shows a clear 404 page', async () => {
    const tab = await openTab(browser, t.baseUrl!, WIDTHS.phone);
    const { page } = tab;
    try {
      await page.goto('/portal/000000/notices');
      await page.getByTestId('portal-not-found').getByRole('heading', { name: '找不到这个区县' }).waitFor();
      await page.getByText('区县代码 000000 不存在').waitFor();
      await screenshot(page, 'portal-not-found');
      expect(await seriousA11yViolations(page)).toEqual([]);
      expect(tab.errors).toEqual([]);
    } finally {
      await tab.close();
    }
  });
});
