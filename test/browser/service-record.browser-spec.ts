import type { Page, Request } from 'playwright-core';
import { Member, TestApp, addMember } from '../support/test-app';
import { ProjectWorld, fundedProject, projectWorld } from '../support/projects';
import { residentId } from '../support/casework';
import { WIDTHS, atBothWidths, browserWorld, day, pick, switchLanguage, tabsClosedAfterEach } from './support/browser';

// Sign-ins, a funded project and several round trips per test, on a loaded 2-core machine.
jest.setTimeout(300_000);

interface Kept { key: string; pending?: boolean; values: Record<string, unknown> }

const isPost = (caseId: string) => (r: { url(): string; request(): Request }) =>
  r.url().endsWith(`/api/v1/casework/cases/${caseId}/service-records`) && r.request().method() === 'POST';

/** The drafts the page keeps: sessionStorage (per tab), and whatever localStorage holds that looks like one (nothing). */
async function storedDrafts(page: Page): Promise<{ session: Kept[]; local: string[] }> {
  // A string: the test code is typed without the DOM library.
  return page.evaluate<{ session: Kept[]; local: string[] }>(`({
    session: Object.keys(sessionStorage).filter((k) => k.includes('recordDraft')).map((k) => JSON.parse(sessionStorage.getItem(k))),
    local: Object.keys(localStorage).filter((k) => /draft|record/i.test(k) || /服务|探访|家访|电话/.test(localStorage.getItem(k) ?? '')),
  })`);
}

/**
 * A field of the page by its label. Radio buttons (the method) are clicked on their visible label, as a person taps them.
 */
const field = (page: Page, label: string) => page.getByLabel(label, { exact: true });
const method = (page: Page, name: string) => page.locator('label.ant-radio-button-wrapper').filter({ hasText: new RegExp(`^${name}$`) }).click();

describe('quick entry of a service record on a phone, with a draft that survives a lost connection', () => {
  const world = browserWorld();
  const signedIn = tabsClosedAfterEach(world);
  let t: TestApp;
  let w: ProjectWorld;
  let worker: Member;
  let project: { id: string; title: string; indicator: { id: string; name: string } };
  let people = 0;

  /** A person (with the consents given) and their accepted case: the stages before records may be added. */
  async function acceptedCase(purposes = ['service']): Promise<{ id: string; label: string; name: string }> {
    const name = `服务对象${++people}号`;
    const b = await worker.post('/api/v1/casework/beneficiaries', { name, idNumber: residentId(), communityId: w.communityId });
    if (b.status !== 201) throw new Error(`register failed ${b.status} ${JSON.stringify(b.body)}`);
    for (const purpose of purposes) {
      await worker.post(`/api/v1/casework/beneficiaries/${b.body.beneficiary.id}/consents`, { purpose, formVersion: '2026版', givenOn: '2026-01-05', givenBy: 'self' }).expect(201);
    }
    const c = await worker.post('/api/v1/casework/cases', { beneficiaryId: b.body.beneficiary.id, source: 'outreach', presentingProblem: '独居，需要定期探访' }).expect(201);
    await worker.post(`/api/v1/casework/cases/${c.body.id}/intake/accept`, { version: c.body.version }).expect(200);
    const mine = await worker.get('/api/v1/casework/caseload/mine').expect(200);
    const item = mine.body.items.find((i: { id: string }) => i.id === c.body.id);
    return { id: c.body.id, name, label: `${name} · ${item.caseNo} · ${item.statusLabel.zh}` };
  }
  const records = async (caseId: string) => (await worker.get(`/api/v1/casework/cases/${caseId}/service-records`).expect(200)).body.items;

  beforeAll(async () => {
    t = world.t;
    w = await projectWorld(t);
    worker = await addMember(t, w.d, ['social_worker'], { organisationId: w.orgA, name: '吴社工' });
    const funded = await fundedProject(t, w, { organisationId: w.orgA, projectTitle: '独居老人关爱行动（快速记录）' });
    const indicator = funded.detail.plan.indicators.find((i: { code: string }) => i.code === 'visits');
    project = { id: funded.id, title: funded.detail.title, indicator: { id: indicator.id, name: indicator.name } };
  }, 240_000);

  it('at 375 px the worker logs a visit linked to a project indicator in one screen; the server holds exactly that record', async () => {
    const c = await acceptedCase(['service', 'funder_aggregate']);
    const { page, errors } = await signedIn(worker.phone, WIDTHS.phone);
    // The menu offers it (read at the desktop width: at 375 px the menu is a drawer, drawn only when opened).
    await page.setViewportSize({ width: WIDTHS.desktop, height: 900 });
    await page.getByRole('link', { name: '记录服务' }).first().click();
    await page.getByRole('heading', { name: '记录服务' }).waitFor();
    await page.setViewportSize({ width: WIDTHS.phone, height: 900 });
    expect(await field(page, '服务日期').inputValue()).toBe(day(new Date())); // today, Beijing

    await field(page, '个案').click();
    await pick(page, c.label);
    await field(page, '开始时间').fill('09:30');
    await page.getByRole('button', { name: '60 分钟' }).click();
    expect(await field(page, '时长（分钟）').inputValue()).toBe('60');
    await method(page, '家访');
    await field(page, '地点').fill('晋阳路88号');
    await field(page, '服务内容').fill('上门探访，了解用药和饮食情况');
    await field(page, '服务对象反应').fill('情绪平稳，愿意参加小组');
    await field(page, '下一步计划').fill('下周电话回访');
    await field(page, '资助项目').click();
    await pick(page, project.title);
    await field(page, '项目指标').click();
    await pick(page, project.indicator.name);

    // One screen at 375 px: nothing wider than the phone.
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(WIDTHS.phone);
    expect(await atBothWidths(page, 'service-record', () => field(page, '服务内容').waitFor())).toEqual([]);

    const posted = page.waitForResponse(isPost(c.id));
    await page.getByRole('button', { name: '提交记录' }).click();
    const res = await posted;
    expect(res.status()).toBe(201);
    expect(res.request().headers()['idempotency-key']).toMatch(/^[\x21-\x7e]{8,}$/);
    const saved = page.getByTestId('record-saved');
    await saved.getByText('服务记录已保存').waitFor();
    expect(await saved.getByRole('link', { name: '查看个案' }).getAttribute('href')).toBe(`/casework/cases/${c.id}`);
    await saved.getByText('上门探访，了解用药和饮食情况').waitFor();
    expect(await atBothWidths(page, 'service-record-saved', () => saved.getByText('服务记录已保存').waitFor())).toEqual([]);

    expect(await records(c.id)).toEqual([expect.objectContaining({
      serviceDate: day(new Date()), startTime: '09:30', durationMinutes: 60, mode: 'home_visit', place: '晋阳路88号',
      content: '上门探访，了解用药和饮食情况', response: '情绪平稳，愿意参加小组', nextStep: '下周电话回访',
      projectId: project.id, indicatorId: project.indicator.id,
    })]);
    // Sent: no draft is left behind in the tab, and none was ever put in localStorage.
    expect(await storedDrafts(page)).toEqual({ session: [], local: [] });
    expect(errors).toEqual([]);
  });

  it('offline: the send is kept as a draft with its key, and goes once when the network returns', async () => {
    const c = await acceptedCase();
    const { page, context, errors } = await signedIn(worker.phone, WIDTHS.phone);
    await page.goto(`/casework/records/new?caseId=${c.id}`);
    // Opened from a case: it is chosen already.
    await page.locator('.ant-form-item').filter({ has: field(page, '个案') }).getByText(c.label).waitFor();
    await field(page, '时长（分钟）').fill('45');
    await method(page, '电话');
    await field(page, '服务内容').fill('电话了解近况，约定下次家访');

    await context.setOffline(true);
    await page.getByRole('button', { name: '提交记录' }).click();
    await page.getByText('已保存草稿，联网后自动提交').waitFor();
    const [kept] = (await storedDrafts(page)).session;
    expect(kept).toEqual(expect.objectContaining({ pending: true, values: expect.objectContaining({ caseId: c.id, content: '电话了解近况，约定下次家访' }) }));
    expect((await storedDrafts(page)).local).toEqual([]);
    expect(await records(c.id)).toEqual([]);

    // Back online: the page sends by itself, with the key the draft was made with.
    const posted = page.waitForResponse(isPost(c.id));
    await context.setOffline(false);
    const res = await posted;
    expect(res.status()).toBe(201);
    expect(res.request().headers()['idempotency-key']).toBe(kept.key);
    await page.getByTestId('record-saved').getByText('服务记录已保存').waitFor();
    expect(await records(c.id)).toEqual([expect.objectContaining({ durationMinutes: 45, mode: 'phone', content: '电话了解近况，约定下次家访' })]);
    expect((await storedDrafts(page)).session).toEqual([]);
    // The browser's own line for the request that could not leave is expected; nothing else.
    expect(errors.filter((e) => !/ERR_INTERNET_DISCONNECTED/.test(e))).toEqual([]);
  });

  it('a reload restores the draft; a bad value shows the server\'s reason and keeps it; the corrected draft goes with its key', async () => {
    const c = await acceptedCase();
    const { page, errors } = await signedIn(worker.phone, WIDTHS.phone);
    await page.goto(`/casework/records/new?caseId=${c.id}`);
    await page.locator('.ant-form-item').filter({ has: field(page, '个案') }).getByText(c.label).waitFor();
    await page.getByRole('button', { name: '90 分钟' }).click();
    await method(page, '面谈');
    await field(page, '地点').fill('社区活动室');
    await field(page, '服务内容').fill('访');
    const before = (await storedDrafts(page)).session[0];
    expect(before.values).toEqual(expect.objectContaining({ content: '访', place: '社区活动室', durationMinutes: 90, mode: 'face_to_face' }));

    await page.reload();
    await page.getByTestId('draft-restored').getByText('已恢复未提交的草稿').waitFor();
    expect(await field(page, '服务内容').inputValue()).toBe('访');
    expect(await field(page, '地点').inputValue()).toBe('社区活动室');
    expect(await field(page, '时长（分钟）').inputValue()).toBe('90');
    await page.locator('label.ant-radio-button-wrapper-checked').filter({ hasText: /^面谈$/ }).waitFor();
    expect((await storedDrafts(page)).session[0].key).toBe(before.key);

    // Content of one character: the server refuses, in its own words, and the draft stays.
    const refused = page.waitForResponse(isPost(c.id));
    await page.getByRole('button', { name: '提交记录' }).click();
    expect((await refused).status()).toBe(400);
    const reason = await worker.post(`/api/v1/casework/cases/${c.id}/service-records`, { serviceDate: day(new Date()), durationMinutes: 90, mode: 'face_to_face', content: '访' }).expect(400);
    const contentError = reason.body.errors.find((e: { field: string }) => e.field === 'content');
    await page.locator('.ant-form-item').filter({ has: field(page, '服务内容') }).getByText(contentError.zh).waitFor();
    await page.getByRole('alert').filter({ hasText: reason.body.message['zh-CN'] }).first().waitFor();
    expect(await records(c.id)).toEqual([]);
    expect((await storedDrafts(page)).session[0]).toEqual(expect.objectContaining({ key: before.key, values: expect.objectContaining({ content: '访' }) }));

    // Corrected, it goes under the same key (a refusal spends none) and is written once.
    await field(page, '服务内容').fill('面谈：梳理家庭支持网络');
    const posted = page.waitForResponse(isPost(c.id));
    await page.getByRole('button', { name: '提交记录' }).click();
    const res = await posted;
    expect(res.status()).toBe(201);
    expect(res.request().headers()['idempotency-key']).toBe(before.key);
    await page.getByTestId('record-saved').waitFor();
    expect(await records(c.id)).toEqual([expect.objectContaining({ content: '面谈：梳理家庭支持网络', place: '社区活动室', durationMinutes: 90, mode: 'face_to_face' })]);

    // The next record is a new draft with a new key.
    await page.getByRole('button', { name: '再记一条' }).click();
    expect(await field(page, '服务内容').inputValue()).toBe('');
    await field(page, '服务内容').fill('下一条');
    const next = (await storedDrafts(page)).session[0];
    expect(next.key).not.toBe(before.key);

    // In English (every string through i18n: a missing key would be a console error), and still one screen at 375 px.
    await switchLanguage(page, 'English');
    await page.getByRole('heading', { name: 'Log a service' }).waitFor();
    await page.getByRole('button', { name: '60 min' }).click();
    await method(page, 'Home visit');
    expect(await field(page, 'What was done').inputValue()).toBe('下一条');
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(WIDTHS.phone);
    expect(await atBothWidths(page, 'service-record-en', () => page.getByRole('button', { name: 'Submit the record' }).waitFor())).toEqual([]);

    // Signing out leaves no draft in the tab for the next person on a shared phone.
    expect((await storedDrafts(page)).session).toHaveLength(1);
    await page.getByTestId('account-menu').click();
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
    await page.waitForURL('**/sign-in');
    expect((await storedDrafts(page)).session).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('a programme officer has no menu entry, and the page typed by hand is refused', async () => {
    const { page, errors } = await signedIn(w.officer.phone);
    await page.getByRole('link', { name: '项目' }).first().waitFor({ state: 'attached' });
    expect(await page.getByRole('link', { name: '记录服务' }).count()).toBe(0);
    await page.goto('/casework/records/new');
    await page.getByRole('heading', { name: '403' }).waitFor();
    expect(errors).toEqual([]);
  });

});
