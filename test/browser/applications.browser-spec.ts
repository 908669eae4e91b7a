import fs from 'node:fs';
import type { Browser } from 'playwright-core';
import { CallClosingScheduler } from '../../src/modules/calls/call-closing.scheduler';
import { District, PASSWORD, TestApp, addMember, openDistrict } from '../support/test-app';
import { TINY_PDF } from '../support/organisations';
import { DAY, applicantOrganisation, applicationContent, clockOf, publishedCall, put, scoreAll, submitApplication, venturePeople } from '../support/calls';
import { appropriate } from '../support/projects';
import { WIDTHS, atBothWidths, browserWorld, chooseIn, openTab, pick, signInThroughPage, signedInTab, switchLanguage } from './support/browser';
import { acceptAward, draftRow, fillApplication, openAwardToAccept, passScreening, saveDraftWithTitle, startApplication, submitOnPage } from './support/application-form';

// Whole journeys through several pages, each with set-up over the API: one took 180 s on the shared 2-core box
// at load 30, so the room is generous; every wait inside is still for an element or a response.
jest.setTimeout(420_000);

describe('applications in a real browser: draft, files, submit, screening, award', () => {
  const world = browserWorld();
  let t: TestApp;
  let d: District;
  let browser: Browser;
  beforeAll(() => ({ t, d, browser } = world));
  afterEach(() => clockOf(t).set(undefined));

  // Shared by the drafting and the screening test: the application the organisation submits through the page.
  let people: Awaited<ReturnType<typeof venturePeople>>;
  let submittedId = '';

  it('an organisation admin starts an application, saves, leaves, comes back, fills the form, uploads a file and submits (phone)', async () => {
    people = await venturePeople(t, d, 0);
    const call = await publishedCall(t, d, people.officer, { communityIds: [people.communityId], title: '2026年社区公益创投（浏览器）' });
    const a = await applicantOrganisation(t, d);
    const tab = await signedInTab(browser, t.baseUrl!, a.admin.phone, WIDTHS.phone);
    const { page } = tab;
    try {
      const id = await startApplication(page, call.title);
      await page.getByTestId('remaining').filter({ hasText: /剩余 1 天/ }).waitFor(); // closes two days from now, less the minutes spent

      // A draft saved with only the title, then the person goes away.
      await saveDraftWithTitle(page, '银龄互助·浏览器申报');
      expect((await a.admin.get(`/api/v1/applications/${id}`).expect(200)).body).toMatchObject({ title: '银龄互助·浏览器申报', status: 'draft' });
      await page.goto('/workbench');
      await page.getByRole('heading', { name: /工作台/ }).waitFor();

      // Back through the list: the draft is there with its call and the time left.
      const row = await draftRow(page, '银龄互助·浏览器申报', call.title);
      expect(await atBothWidths(page, 'applications-list', () => row.waitFor())).toEqual([]);
      await row.getByRole('link', { name: '银龄互助·浏览器申报' }).click();
      await page.waitForURL(`**/applications/${id}`);
      expect(await page.getByLabel('项目名称', { exact: true }).inputValue()).toBe('银龄互助·浏览器申报');

      // Wrong input is refused on its field before anything is sent.
      await page.getByLabel('项目名称', { exact: true }).fill('长'.repeat(101));
      await page.getByRole('button', { name: '保存草稿' }).click();
      await page.getByText('不超过 100 字').waitFor();
      await page.getByText('请先改正标红的内容').waitFor(); // said too, for the phone where the field is out of sight
      await page.getByLabel('申请资助金额', { exact: true }).fill('12.345');
      await page.getByText('请输入以元为单位的金额，最多两位小数').waitFor();
      await page.getByLabel('项目名称', { exact: true }).fill('银龄互助·浏览器申报');

      await fillApplication(page, {
        summary: '为独居长者提供入户探访与集中活动。', requestedYuan: 150000, lines: [100000, 50000], coFundingYuan: 30000, milestoneOn: '2026-08-31',
      });
      await chooseIn(page, '服务形式', '入户', '集中');

      // A file, uploaded as a person does, then chosen as the answer to the form's file question.
      await page.getByLabel('附件类型', { exact: true }).selectOption('proposal');
      await page.getByTestId('attachments').locator('input[type=file]').setInputFiles({ name: '实施方案.pdf', mimeType: 'application/pdf', buffer: TINY_PDF });
      await page.getByTestId('attachment').filter({ hasText: '实施方案.pdf' }).waitFor();
      await page.getByLabel('实施方案', { exact: true }).click();
      await pick(page, '实施方案.pdf');

      await submitOnPage(page);
      await page.getByTestId('history').getByText('提交').first().waitFor();
      const submitted = (await a.admin.get(`/api/v1/applications/${id}`).expect(200)).body;
      expect(submitted).toMatchObject({
        status: 'submitted', requestedFen: '15000000', coFundingFen: '3000000', title: '银龄互助·浏览器申报',
        core: expect.objectContaining({ communityIds: [people.communityId], serviceAreas: ['elderly'] }),
      });
      expect(submitted.answers).toMatchObject({ volunteers: 30, format: ['入户', '集中'] });
      const files = (await a.admin.get('/api/v1/attachments').query({ ownerType: 'application', ownerId: id }).expect(200)).body.items;
      expect(files.map((f: { filename: string }) => f.filename)).toEqual(['实施方案.pdf']);
      expect(submitted.answers.plan).toBe(files[0].id);
      submittedId = id;

      expect(await atBothWidths(page, 'application-organisation', () => page.getByTestId('history').waitFor())).toEqual([]);
      // Once in English: the same page speaks English.
      await switchLanguage(page, 'English');
      await page.getByRole('heading', { name: 'History' }).waitFor();
      await page.getByTestId('application-status').filter({ hasText: 'Submitted' }).waitFor();
      expect(tab.errors).toEqual([]);
    } finally {
      await tab.close();
    }
  });

  it('an officer reads the submitted application with its file and screens it on the page', async () => {
    expect(submittedId).not.toBe('');
    const tab = await signedInTab(browser, t.baseUrl!, people.officer.phone);
    const { page } = tab;
    try {
      // The workbench item leads to the page.
      await page.getByTestId('workbench-group-application_to_screen').getByRole('link', { name: '银龄互助·浏览器申报' }).click();
      await page.waitForURL(`**/applications/${submittedId}`);
      const panel = page.getByTestId('screening');
      await panel.getByText('机构符合申报条件').waitFor();
      await page.getByTestId('attachment').filter({ hasText: '实施方案.pdf' }).waitFor();
      expect(await page.getByRole('button', { name: '删除' }).count()).toBe(0); // read-only for officials
      expect(await atBothWidths(page, 'application-official', () => panel.waitFor())).toEqual([]);

      await panel.getByRole('button', { name: '提交审查结论' }).click();
      await panel.getByText('请选择审查结论').waitFor(); // refused on the field, nothing sent
      await passScreening(page, '材料齐全，符合申报条件');
      await page.getByTestId('history').getByText('材料齐全，符合申报条件').waitFor();
      expect(await page.getByTestId('screening').count()).toBe(0);
      expect((await people.officer.get(`/api/v1/applications/${submittedId}`).expect(200)).body).toMatchObject({ status: 'passed', screeningReason: '材料齐全，符合申报条件' });
      expect(tab.errors).toEqual([]);
    } finally {
      await tab.close();
    }
  });

  it('a submit after the close is refused with the server\'s message, though the page was opened before (phone)', async () => {
    const clock = clockOf(t);
    const d = await openDistrict(t); // its own district: places and people of the first tests stay theirs
    // The call was opened three days ago and closed yesterday; the draft was started while it was open.
    clock.set(new Date(Date.now() - 3 * DAY));
    const { communityId, officer } = await venturePeople(t, d, 0);
    const call = await publishedCall(t, d, officer, { communityIds: [communityId], title: '已截止的创投活动' });
    const a = await applicantOrganisation(t, d);
    const draft = await a.admin.post(`/api/v1/calls/${call.id}/applications`, applicationContent(communityId, '15000000', '迟到的申报')).expect(201);
    clock.set(undefined);
    const tab = await signedInTab(browser, t.baseUrl!, a.admin.phone, WIDTHS.phone);
    const { page } = tab;
    try {
      await page.goto(`/applications/${draft.body.id}`);
      await page.getByTestId('remaining').filter({ hasText: '已截止' }).waitFor();
      // The page saves, then submits; its refusal is awaited before the same request goes over the API (a version
      // read while the page is still saving would be one behind and answer VERSION_CONFLICT instead).
      const pageRefused = page.waitForResponse((r) => new URL(r.url()).pathname.startsWith(`/api/v1/applications/${draft.body.id}`) && r.status() >= 400);
      await page.getByRole('button', { name: '提交申报' }).click();
      await pageRefused;
      const refusal = await a.admin.post(`/api/v1/applications/${draft.body.id}/submit`, { version: (await a.admin.get(`/api/v1/applications/${draft.body.id}`)).body.version }).expect(409);
      expect(refusal.body.code).toBe('CALL_CLOSED');
      await page.getByRole('alert').filter({ hasText: refusal.body.message['zh-CN'] }).waitFor();
      expect((await a.admin.get(`/api/v1/applications/${draft.body.id}`).expect(200)).body.status).toBe('draft');
      expect(tab.errors).toEqual([]);
    } finally {
      await tab.close();
    }
  });

  it('the organisation reads its result and accepts the award on the page; the agreement PDF downloads (phone)', async () => {
    const clock = clockOf(t);
    clock.set(new Date('2026-05-06T02:00:00Z'));
    const d = await openDistrict(t);
    const { communityId, officer, reviewers } = await venturePeople(t, d, 3);
    const finance = await addMember(t, d, ['finance_officer'], { name: '陈会计' });
    await appropriate(finance, '50000000').expect(201);
    const call = await publishedCall(t, d, officer, { communityIds: [communityId], reviewersPerApplication: 3 });
    const a = await applicantOrganisation(t, d, '晋阳社会工作服务中心');
    const app = await submitApplication(a.admin, call.id, communityId, { requestedFen: '18000000', title: '立项的申报' });
    await officer.post(`/api/v1/applications/${app.id}/screening`, { version: app.version, decision: 'pass', reason: '符合条件' }).expect(200);
    clock.set(new Date(new Date(call.closesAt).getTime() + 60_000));
    await t.app.get(CallClosingScheduler).tick();
    await officer.post(`/api/v1/calls/${call.id}/reviewers`, { membershipIds: reviewers.map((r) => r.memberId) }).expect(200);
    await officer.post(`/api/v1/calls/${call.id}/review-assignments`).expect(200);
    for (const r of reviewers) await scoreAll(t, r, () => [8, 8, 8]);
    const c1 = (await officer.get(`/api/v1/calls/${call.id}`).expect(200)).body;
    const sel = await put(t, officer, `/api/v1/calls/${call.id}/selection`, { version: c1.version, items: [{ applicationId: app.id, amountFen: '18000000' }] }).expect(200);
    clock.set(new Date('2026-05-18T02:00:00Z'));
    await officer.post(`/api/v1/calls/${call.id}/notice`, { version: sel.body.version }).expect(200);
    clock.set(new Date('2026-06-30T02:00:00Z'));
    const c2 = (await officer.get(`/api/v1/calls/${call.id}`).expect(200)).body;
    const award = (await officer.post(`/api/v1/calls/${call.id}/award`, { version: c2.version }).expect(200)).body.awards[0];

    const tab = await openTab(browser, t.baseUrl!, WIDTHS.phone);
    const { page } = tab;
    try {
      await signInThroughPage(page, a.admin.phone, PASSWORD);
      const panel = await openAwardToAccept(page, app.id, '¥180,000.00');
      await page.getByTestId('result').getByText('1 / 1').waitFor();
      expect(await atBothWidths(page, 'application-award', () => panel.waitFor())).toEqual([]);
      const [download] = await Promise.all([page.waitForEvent('download'), panel.getByRole('button', { name: '下载资助协议（PDF）' }).click()]);
      expect(download.suggestedFilename()).toBe(`${award.referenceNo}.pdf`);
      expect(fs.readFileSync(await download.path()).subarray(0, 5).toString()).toBe('%PDF-');
      await acceptAward(panel);
      expect((await a.admin.get(`/api/v1/awards/${award.id}`).expect(200)).body.status).toBe('accepted');
      expect(tab.errors).toEqual([]);
    } finally {
      await tab.close();
    }
  });
});
