import { randomUUID } from 'node:crypto';
import { addDays, shanghaiDay } from '@sanshe/common';
import { District, Member, Session, TestApp, addMember } from '../support/test-app';
import { createVerifiedOrganisation } from '../support/organisations';
import { inDistrict, residentId } from '../support/casework';
import { WIDTHS, atBothWidths, browserWorld, switchLanguage, tabsClosedAfterEach, posted, fits } from './support/browser';

// Three or four people's sessions with axe at two widths per page, on a loaded 2-core machine.
jest.setTimeout(480_000);

interface World {
  orgA: string;
  communityId: string;
  workerA1: Member;
  workerA2: Member;
  supervisorA: Member;
  workerB: Member;
  officer: Member;
}

interface OpenedCase { id: string; caseNo: string; version: number; beneficiaryId: string }

describe('the social worker\'s caseload and the case page in a real browser', () => {
  const world = browserWorld();
  const signedIn = tabsClosedAfterEach(world);
  let t: TestApp;
  let d: District;
  let w: World;
  // Names of their own: a retried attempt runs in the same district.
  const tag = Date.now().toString(36).slice(-4);

  beforeAll(async () => {
    ({ t, d } = world);
    const street = await d.admin.post('/api/v1/places', { parentId: d.rootPlaceId, kind: 'street', name: `个案街道${tag}` }).expect(201);
    const community = await d.admin.post('/api/v1/places', { parentId: street.body.id, kind: 'community', name: `个案社区${tag}` }).expect(201);
    const orgA = (await createVerifiedOrganisation(t, d)).id;
    const orgB = (await createVerifiedOrganisation(t, d)).id;
    const adminA = await addMember(t, d, ['org_admin'], { organisationId: orgA, name: `甲机构管理员${tag}` });
    const workerA1 = await addMember(t, d, ['social_worker'], { organisationId: orgA, name: `吴社工${tag}` });
    const workerA2 = await addMember(t, d, ['social_worker'], { organisationId: orgA, name: `周社工${tag}` });
    const supervisorA = await addMember(t, d, ['supervisor'], { organisationId: orgA, name: `郑督导${tag}` });
    const workerB = await addMember(t, d, ['social_worker'], { organisationId: orgB, name: `乙社工${tag}` });
    const officer = await addMember(t, d, ['programme_officer'], { name: `项目官员${tag}` });
    await adminA.post('/api/v1/casework/supervision/assignments', { supervisorMembershipId: supervisorA.memberId, workerMembershipId: workerA1.memberId }).expect(201);
    w = { orgA, communityId: community.body.id, workerA1, workerA2, supervisorA, workerB, officer };
  }, 240_000);

  /** A person registered by `worker` (with the service consent unless told otherwise) and a case opened at intake. */
  async function openCase(worker: Member, name: string, opts: { consent?: boolean } = {}): Promise<OpenedCase> {
    const b = await worker.post('/api/v1/casework/beneficiaries', { name, idNumber: residentId(), communityId: w.communityId });
    if (![200, 201].includes(b.status)) throw new Error(`register failed ${b.status} ${JSON.stringify(b.body)}`);
    const beneficiaryId: string = b.body.beneficiary.id;
    if (opts.consent !== false) {
      await worker.post(`/api/v1/casework/beneficiaries/${beneficiaryId}/consents`, { purpose: 'service', formVersion: '2026版', givenOn: shanghaiDay(new Date()), givenBy: 'self' }).expect(201);
    }
    const c = await worker.post('/api/v1/casework/cases', { beneficiaryId, source: 'outreach', presentingProblem: '独居，近期摔倒后情绪低落，希望有人定期探访' }).expect(201);
    return { id: c.body.id, caseNo: c.body.caseNo, version: c.body.version, beneficiaryId };
  }

  const storedStatus = async (s: Session, id: string) => (await s.get(`/api/v1/casework/cases/${id}`).expect(200)).body;

  it('the worker on a phone sees their cases with what is due (overdue first, in red), opens one, is refused a decline without reason and an accept without consent, and accepts', async () => {
    const fresh = await openCase(w.workerA1, `张大爷${tag}`);
    const late = await openCase(w.workerA1, `李阿姨${tag}`, { consent: false });
    const others = await openCase(w.workerA2, `王奶奶${tag}`);
    // A case opened ten days ago cannot be made over HTTP: its opening is moved back as a fixture (intake is due in 3 days).
    await inDistrict(d.tenantId, (q) => q(`UPDATE cases SET created_at = now() - interval '10 days', status_changed_at = now() - interval '10 days' WHERE id = $1`, [late.id]));
    const today = shanghaiDay(new Date());

    const tab = await signedIn(w.workerA1.phone, WIDTHS.phone);
    const { page } = tab;
    // Home first: the workbench lists the worker's cases with something due, each a link to its case; the late intake
    // is marked overdue, the fresh one is not, and the colleague's case is not there.
    const due = page.getByTestId('workbench-group-case_due');
    const dueRow = (name: string) => due.locator('.ant-list-item').filter({ has: page.getByRole('link', { name }) });
    expect(await dueRow(`李阿姨${tag}`).getByRole('link').getAttribute('href')).toBe(`/casework/cases/${late.id}`);
    await dueRow(`李阿姨${tag}`).getByText('已逾期').waitFor();
    await dueRow(`张大爷${tag}`).getByText('接案决定').waitFor();
    expect(await dueRow(`张大爷${tag}`).getByText('已逾期').count()).toBe(0);
    expect(await due.getByText(`王奶奶${tag}`).count()).toBe(0);
    // The menu offers 我的个案 (seen at the desktop width: a phone folds the menu away), and leads to the list.
    await page.setViewportSize({ width: WIDTHS.desktop, height: 900 });
    await page.getByRole('link', { name: '我的个案' }).first().click();
    await page.waitForURL('**/casework');
    await page.setViewportSize({ width: WIDTHS.phone, height: 900 });
    const list = page.getByTestId('my-cases');
    const freshRow = list.locator(`[data-case-no="${fresh.caseNo}"]`);
    const lateRow = list.locator(`[data-case-no="${late.caseNo}"]`);
    await freshRow.getByText(`完成接案（${addDays(today, 3)} 截止）`).waitFor();
    await freshRow.getByText(`张大爷${tag}`).waitFor();
    await freshRow.getByText('接案', { exact: true }).waitFor();
    expect(await freshRow.getByText('已逾期').count()).toBe(0);
    await lateRow.getByText('已逾期').waitFor();
    // Overdue comes first; the other worker's case is not in this list.
    await list.getByTestId('case-row').first().filter({ hasText: '已逾期' }).waitFor();
    expect(await list.getByText(others.caseNo).count()).toBe(0);
    expect(await list.getByText(`王奶奶${tag}`).count()).toBe(0);
    const mine = (await w.workerA1.get('/api/v1/casework/caseload/mine').expect(200)).body;
    expect(mine.items.find((i: { id: string }) => i.id === late.id).due).toMatchObject({ kind: 'intake', overdue: true });
    expect(await atBothWidths(page, 'caseload-mine', () => fits(page).then(() => lateRow.getByText('已逾期').waitFor()))).toEqual([]);

    // --- the overdue case: accepting without the service consent is refused in the server's words
    await lateRow.getByRole('link', { name: late.caseNo }).click();
    await page.waitForURL(`**/casework/cases/${late.id}`);
    const intake = page.getByTestId('intake');
    const [noConsent] = await Promise.all([posted(page, `/cases/${late.id}/intake/accept`), intake.getByRole('button', { name: /^接\s?案$/ }).click()]);
    expect(noConsent.status()).toBeGreaterThanOrEqual(400);
    const refusal = (await w.workerA1.post(`/api/v1/casework/cases/${late.id}/intake/accept`, { version: late.version })).body;
    expect(refusal.code).toMatch(/CONSENT/);
    await intake.getByRole('alert').filter({ hasText: refusal.message['zh-CN'] }).waitFor();
    expect((await storedStatus(w.workerA1, late.id)).status).toBe('intake');

    // --- the fresh case: a decline without a reason is refused on the page (nothing sent), then it is accepted
    await page.goto('/casework');
    await freshRow.getByRole('link', { name: fresh.caseNo }).click();
    await page.waitForURL(`**/casework/cases/${fresh.id}`);
    await page.getByTestId('case-person').filter({ hasText: `张大爷${tag}` }).waitFor();
    const steps = page.getByTestId('case-steps');
    await steps.locator('.ant-steps-item-process').filter({ hasText: '接案' }).waitFor();
    expect(await atBothWidths(page, 'caseload-case-intake', () => fits(page).then(() => page.getByTestId('intake').getByRole('button', { name: /^接\s?案$/ }).waitFor()))).toEqual([]);

    let declinesSent = 0;
    page.on('request', (r) => { if (r.url().includes('/intake/decline')) declinesSent += 1; });
    await page.getByTestId('intake').getByRole('button', { name: '不予接案' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('不予接案原因').fill('   ');
    await dialog.getByRole('button', { name: '确认不予接案' }).click();
    await dialog.getByText('请填写不予接案的原因').waitFor();
    expect(declinesSent).toBe(0);
    // (No sideways check here: while a modal is open the shell's header, under antd's scroll lock, is 8 px too wide.)
    expect(await atBothWidths(page, 'caseload-decline-dialog', () => dialog.getByText('请填写不予接案的原因').waitFor())).toEqual([]);
    await dialog.getByRole('button', { name: /^取\s?消$/ }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect((await storedStatus(w.workerA1, fresh.id)).status).toBe('intake');

    // Meanwhile the supervisor adds an assisting worker (the case's version moves on): the page's accept is refused as
    // stale in the server's words, the page reads the case again (the assistant shows), and the next accept goes through.
    await w.supervisorA.patch(`/api/v1/casework/cases/${fresh.id}/assignment`, { assistantMembershipIds: [w.workerA2.memberId], version: fresh.version }).expect(200);
    const acceptButton = page.getByTestId('intake').getByRole('button', { name: /^接\s?案$/ });
    // Not yet accepted, the case takes no service records (the server would refuse CASE_NOT_OPEN): no link to log one.
    expect(await page.getByTestId('log-service').count()).toBe(0);
    const [stale] = await Promise.all([posted(page, `/cases/${fresh.id}/intake/accept`), acceptButton.click()]);
    expect(stale.status()).toBe(409);
    const conflict = (await w.workerA1.post(`/api/v1/casework/cases/${fresh.id}/intake/accept`, { version: fresh.version }).expect(409)).body;
    await page.getByTestId('intake').getByRole('alert').filter({ hasText: conflict.message['zh-CN'] }).waitFor();
    await page.getByText(`周社工${tag}`).waitFor();
    const [accepted] = await Promise.all([posted(page, `/cases/${fresh.id}/intake/accept`), acceptButton.click()]);
    expect(accepted.status()).toBe(200);
    await page.getByTestId('case-status').getByText('预估').waitFor();
    await steps.locator('.ant-steps-item-process').filter({ hasText: '预估' }).waitFor();
    await steps.locator('.ant-steps-item-finish').filter({ hasText: '接案' }).waitFor();
    expect(await page.getByTestId('intake').count()).toBe(0);
    const stored = await storedStatus(w.workerA1, fresh.id);
    expect(stored).toMatchObject({ status: 'assessment', version: fresh.version + 2 });
    // Now open, the case offers logging a service, which opens the quick entry with this case already chosen.
    await page.getByTestId('records').getByRole('link', { name: '记录服务' }).click();
    await page.waitForURL(`**/casework/records/new?caseId=${fresh.id}`);
    await page.locator('.ant-form-item').filter({ has: page.getByLabel('个案', { exact: true }) }).getByText(fresh.caseNo).waitFor();
    expect(tab.errors).toEqual([]);
  });

  it('the supervisor sees the team and the stage gate waiting for them, and on the case the returned decision with its reason and no intake actions', async () => {
    const gated = await openCase(w.workerA1, `赵大伯${tag}`);
    const waiting = await openCase(w.workerA1, `钱阿婆${tag}`);
    const a = await w.workerA1.post(`/api/v1/casework/cases/${gated.id}/intake/accept`, { version: gated.version }).expect(200);
    const assessment = { needs: ['情感陪伴'], risks: [{ description: '再次跌倒', level: 'high' }], strengths: ['与邻居关系好'] };
    const s1 = await w.workerA1.post(`/api/v1/casework/cases/${gated.id}/assessment`, { ...assessment, version: a.body.version }).expect(200);
    expect(s1.body.status).toBe('assessment_review');
    const back = await w.supervisorA.post(`/api/v1/casework/cases/${gated.id}/approval`, { decision: 'return', comment: '请补充家庭支持情况', version: s1.body.version }).expect(200);
    await w.workerA1.post(`/api/v1/casework/cases/${gated.id}/assessment`, { ...assessment, version: back.body.version }).expect(200);

    const tab = await signedIn(w.supervisorA.phone, WIDTHS.phone);
    const { page } = tab;
    await page.goto('/casework');
    const team = page.getByTestId('team');
    await team.getByText(`吴社工${tag}`).first().waitFor();
    const pending = team.getByTestId('pending-approvals');
    await pending.getByRole('link', { name: gated.caseNo }).waitFor();
    await pending.getByText('预估待审批').waitFor();
    const teamApi = (await w.supervisorA.get('/api/v1/casework/caseload/team').expect(200)).body;
    expect(teamApi.pendingApprovals.map((p: { caseId: string }) => p.caseId)).toContain(gated.id);
    expect(await atBothWidths(page, 'caseload-team', () => fits(page).then(() => pending.getByRole('link', { name: gated.caseNo }).waitFor()))).toEqual([]);

    await pending.getByRole('link', { name: gated.caseNo }).click();
    await page.waitForURL(`**/casework/cases/${gated.id}`);
    const approvals = page.getByTestId('approvals');
    await approvals.getByText('已退回').waitFor();
    await approvals.getByText('请补充家庭支持情况').waitFor();
    await approvals.getByText('待审批').waitFor();
    await page.getByTestId('case-steps').locator('.ant-steps-item-process').filter({ hasText: '预估' }).waitFor();
    expect(await atBothWidths(page, 'caseload-case-review', () => fits(page).then(() => approvals.getByText('请补充家庭支持情况').waitFor()))).toEqual([]);
    // Not on the case, the supervisor is offered no service record to log on it (the server would refuse NOT_CASE_WORKER).
    expect(await page.getByTestId('log-service').count()).toBe(0);

    // The same page in English: the stages, the decision and the status in English words.
    await switchLanguage(page, 'English');
    await page.getByTestId('case-steps').getByText('Follow-up').waitFor();
    await approvals.getByText('Returned').waitFor();
    await page.getByTestId('case-status').getByText('Assessment awaiting approval').waitFor();
    await switchLanguage(page, '中文');

    // A supervisee's case at intake: the supervisor may read it but not decide (the server answers NOT_CASE_WORKER).
    await page.goto(`/casework/cases/${waiting.id}`);
    await page.getByTestId('case-person').filter({ hasText: `钱阿婆${tag}` }).waitFor();
    expect(await page.getByTestId('intake').count()).toBe(0);
    const notTheirs = await w.supervisorA.post(`/api/v1/casework/cases/${waiting.id}/intake/accept`, { version: waiting.version });
    expect(notTheirs.status).toBe(403);
    expect(tab.errors).toEqual([]);
  });

  it('another organisation\'s worker and a made-up id see not-found; a programme officer has no 我的个案 and is refused the page', async () => {
    const c = await openCase(w.workerA1, `孙大妈${tag}`);
    const other = await signedIn(w.workerB.phone, WIDTHS.phone);
    await other.page.goto(`/casework/cases/${c.id}`);
    await other.page.getByRole('heading', { name: '404' }).waitFor();
    await w.workerB.get(`/api/v1/casework/cases/${c.id}`).expect(404);
    expect(await other.page.getByText(`孙大妈${tag}`).count()).toBe(0);
    await other.page.goto(`/casework/cases/${randomUUID()}`);
    await other.page.getByRole('heading', { name: '404' }).waitFor();
    // Their own caseload does not hold it either.
    await other.page.goto('/casework');
    await other.page.getByTestId('my-cases').getByText('暂无在办个案').waitFor();
    expect(other.errors).toEqual([]);

    const officer = await signedIn(w.officer.phone);
    await officer.page.getByRole('link', { name: '项目' }).first().waitFor({ state: 'attached' });
    expect(await officer.page.getByRole('link', { name: '我的个案' }).count()).toBe(0);
    await officer.page.goto('/casework');
    await officer.page.getByRole('heading', { name: '403' }).waitFor();
    await w.officer.get('/api/v1/casework/caseload/mine').expect(403);
    expect(officer.errors).toEqual([]);
  });
});
