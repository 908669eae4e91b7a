import { shanghaiDay } from '@sanshe/common';
import { District, Member, TestApp, addMember } from '../support/test-app';
import { createVerifiedOrganisation } from '../support/organisations';
import { residentId } from '../support/casework';
import { WIDTHS, atBothWidths, browserWorld, pick, switchLanguage, tabsClosedAfterEach, fits, posted } from './support/browser';

// Several people's sessions with axe at two widths per page, on a loaded 2-core machine.
jest.setTimeout(480_000);

/** The same ID number with a wrong check character. */
const wrongCheck = (id: string) => id.slice(0, 17) + (id[17] === '1' ? '2' : '1');

describe('people served in a real browser: register, masked list, reveal with a reason, consents, opening a case', () => {
  const world = browserWorld();
  const signedIn = tabsClosedAfterEach(world);
  let t: TestApp;
  let d: District;
  let admin: Member;
  let worker: Member;
  let workerB: Member;
  let officer: Member;
  let communityName: string;
  // Names of their own: a retried attempt runs in the same district.
  const tag = Date.now().toString(36).slice(-4);

  beforeAll(async () => {
    ({ t, d } = world);
    communityName = `服务社区${tag}`;
    const street = await d.admin.post('/api/v1/places', { parentId: d.rootPlaceId, kind: 'street', name: `服务街道${tag}` }).expect(201);
    await d.admin.post('/api/v1/places', { parentId: street.body.id, kind: 'community', name: communityName }).expect(201);
    const orgA = (await createVerifiedOrganisation(t, d)).id;
    const orgB = (await createVerifiedOrganisation(t, d)).id;
    admin = await addMember(t, d, ['org_admin'], { organisationId: orgA, name: `甲管理员${tag}` });
    worker = await addMember(t, d, ['social_worker'], { organisationId: orgA, name: `吴社工${tag}` });
    workerB = await addMember(t, d, ['social_worker'], { organisationId: orgB, name: `乙社工${tag}` });
    officer = await addMember(t, d, ['programme_officer'], { name: `项目官员${tag}` });
  }, 240_000);

  let personId: string;

  it('a worker on a phone registers a person (a bad ID number refused in the server\'s words), sees them masked, reveals the ID number with a reason, records and withdraws consents and opens a case once', async () => {
    const tab = await signedIn(worker.phone, WIDTHS.phone);
    const { page } = tab;
    // The menu offers 服务对象 (seen at the desktop width: a phone folds the menu away), and leads to the list.
    await page.setViewportSize({ width: WIDTHS.desktop, height: 900 });
    await page.getByRole('link', { name: '服务对象' }).first().click();
    await page.waitForURL('**/casework/people');
    await page.setViewportSize({ width: WIDTHS.phone, height: 900 });
    await page.getByRole('heading', { name: '服务对象' }).waitFor();
    await page.getByRole('button', { name: '登记服务对象' }).click();
    const form = page.getByTestId('register-person');
    const name = `陈秀英${tag}`;
    const idNumber = residentId();

    // A wrong check character: the server refuses, and the page shows its reason.
    await form.getByLabel('姓名', { exact: true }).fill(name);
    await form.getByLabel('身份证号').fill(wrongCheck(idNumber));
    const submit = form.getByRole('button', { name: /^登\s?记$/ });
    const [bad] = await Promise.all([posted(page, '/api/v1/casework/beneficiaries'), submit.click()]);
    expect(bad.status()).toBe(400);
    const refusal = (await worker.post('/api/v1/casework/beneficiaries', { name, idNumber: wrongCheck(idNumber) }).expect(400)).body;
    expect(refusal.errors[0].field).toBe('idNumber');
    await form.getByRole('alert').filter({ hasText: refusal.errors[0].zh }).waitFor();
    expect((await worker.get('/api/v1/casework/beneficiaries').query({ name }).expect(200)).body.items).toEqual([]);

    // The right number, a phone and the community picked by name.
    await form.getByLabel('身份证号').fill(idNumber);
    await form.getByLabel('电话', { exact: true }).fill('13912345678');
    await form.getByLabel('所在社区').fill(communityName);
    await pick(page, communityName);
    await form.locator(`.ant-select-selection-item[title="${communityName}"]`).waitFor();
    expect(await atBothWidths(page, 'people-register', () => fits(page).then(() => submit.waitFor()))).toEqual([]);
    const [good] = await Promise.all([posted(page, '/api/v1/casework/beneficiaries'), submit.click()]);
    expect(good.status()).toBe(201);
    personId = (await good.json()).beneficiary.id;
    await page.waitForURL(`**/casework/people/${personId}`);
    await page.getByTestId('person-name').filter({ hasText: name }).waitFor();

    const listed = (await worker.get('/api/v1/casework/beneficiaries').query({ name }).expect(200)).body.items;
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({ id: personId, community: { name: communityName } });
    const masked: string = listed[0].idNumber;
    expect(masked).not.toContain(idNumber.slice(4, 14));

    // The list shows them masked (searched by their exact name), never the clear number or phone.
    await page.goto('/casework/people');
    await page.getByLabel('按姓名查找').fill(name);
    await page.getByLabel('按姓名查找').press('Enter');
    const row = page.locator(`[data-testid="person-row"][data-id="${personId}"]`);
    await row.getByText(masked).waitFor();
    await row.getByText(listed[0].phone).waitFor();
    expect(await page.getByText(idNumber).count()).toBe(0);
    expect(await page.getByText('13912345678').count()).toBe(0);
    expect(await atBothWidths(page, 'people-list', () => fits(page).then(() => row.getByText(masked).waitFor()))).toEqual([]);

    // Registering the same ID number again: the page says 已登记 and goes to the person on record.
    await page.getByRole('button', { name: '登记服务对象' }).click();
    await form.getByLabel('姓名', { exact: true }).fill(name);
    await form.getByLabel('身份证号').fill(idNumber);
    const [again] = await Promise.all([posted(page, '/api/v1/casework/beneficiaries'), submit.click()]);
    expect(again.status()).toBe(200);
    await page.waitForURL(`**/casework/people/${personId}?existing=1`);
    await page.getByTestId('already-registered').getByText('已登记').waitFor();

    // A referral consent given earlier (recorded through the API), to be withdrawn on the page.
    await worker.post(`/api/v1/casework/beneficiaries/${personId}/consents`, { purpose: 'referral', formVersion: '2025版', givenOn: shanghaiDay(new Date()), givenBy: 'self', scope: ['name', 'age'] }).expect(201);
    await page.goto(`/casework/people/${personId}`);
    const identity = page.getByTestId('identity');
    await identity.getByTestId('field-id_number').getByText(masked).waitFor();
    expect(await page.getByText(idNumber).count()).toBe(0);
    expect(await atBothWidths(page, 'person-page', () => fits(page).then(() => identity.getByText(masked).waitFor()))).toEqual([]);

    // Reveal: a reason is asked, too short is refused on the page (nothing sent), then the clear value shows.
    let reveals = 0;
    page.on('request', (r) => { if (r.url().endsWith('/reveal')) reveals += 1; });
    await identity.getByRole('button', { name: '查看身份证号明文' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('查看理由').fill('核对');
    await dialog.getByRole('button', { name: /^查\s?看$/ }).click();
    await dialog.getByText('理由至少 4 个字').waitFor();
    expect(reveals).toBe(0);
    const reason = `核对身份办理低保转介${tag}`;
    await dialog.getByLabel('查看理由').fill(reason);
    const [revealed] = await Promise.all([posted(page, `/beneficiaries/${personId}/reveal`), dialog.getByRole('button', { name: /^查\s?看$/ }).click()]);
    expect(revealed.status()).toBe(200);
    await identity.getByTestId('field-id_number').getByTestId('clear-value').filter({ hasText: idNumber }).waitFor();
    // The access log, as the organisation admin reads it, has the reveal with its reason.
    const log = (await admin.get('/api/v1/casework/access-log').query({ beneficiaryId: personId, action: 'reveal' }).expect(200)).body.items;
    expect(log).toEqual([expect.objectContaining({ field: 'id_number', reason, action: 'reveal', actor: expect.objectContaining({ name: `吴社工${tag}` }) })]);

    // Leaving and coming back: the clear value is gone, masked again.
    // (In-app navigation: two page loads in a row would race each other's session refresh.)
    await page.getByRole('link', { name: '← 服务对象' }).click();
    await page.waitForURL('**/casework/people');
    await row.getByRole('link', { name }).click();
    await page.waitForURL(`**/casework/people/${personId}`);
    await identity.getByTestId('field-id_number').getByText(masked).waitFor();
    expect(await page.getByText(idNumber).count()).toBe(0);

    // Record the service consent on the page.
    const consents = page.getByTestId('consents');
    await consents.getByRole('button', { name: '登记同意' }).click();
    const rec = page.getByTestId('record-consent');
    await rec.getByLabel('同意书版本').fill('2026版');
    const [recorded] = await Promise.all([posted(page, `/beneficiaries/${personId}/consents`), rec.getByRole('button', { name: /^保\s?存$/ }).click()]);
    expect(recorded.status()).toBe(201);
    const serviceRow = consents.locator('[data-testid="consent-row"][data-purpose="service"][data-active="true"]');
    await serviceRow.getByText('2026版').waitFor();

    // Withdraw the referral consent with a reason.
    await consents.getByRole('button', { name: '撤回转介同意' }).click();
    await dialog.getByLabel('撤回理由').fill(`本人不再同意转介${tag}`);
    const [withdrawn] = await Promise.all([posted(page, '/withdraw'), dialog.getByRole('button', { name: /^撤\s?回$/ }).click()]);
    expect(withdrawn.status()).toBe(200);
    const referralRow = consents.locator('[data-testid="consent-row"][data-purpose="referral"][data-active="false"]');
    await referralRow.getByText(`本人不再同意转介${tag}`).waitFor();
    await referralRow.getByText('已撤回').waitFor();
    const stored = (await worker.get(`/api/v1/casework/beneficiaries/${personId}/consents`).expect(200)).body.items;
    expect(stored).toEqual(expect.arrayContaining([
      expect.objectContaining({ purpose: 'service', formVersion: '2026版', givenBy: 'self', active: true }),
      expect.objectContaining({ purpose: 'referral', active: false, endKind: 'withdrawn', endReason: `本人不再同意转介${tag}` }),
    ]));
    expect(await atBothWidths(page, 'person-consents', () => fits(page).then(() => referralRow.getByText('已撤回').waitFor()))).toEqual([]);

    // Open a case: the page goes to it.
    const cases = page.getByTestId('person-cases');
    await cases.getByRole('button', { name: /^开\s?案$/ }).click();
    const opening = page.getByTestId('open-case');
    await opening.getByLabel('求助问题').fill('独居老人，近期摔倒后不敢出门，希望有人定期探访');
    const [opened] = await Promise.all([posted(page, '/api/v1/casework/cases'), opening.getByRole('button', { name: /^开\s?案$/ }).click()]);
    expect(opened.status()).toBe(201);
    const caseId: string = (await opened.json()).id;
    await page.waitForURL(`**/casework/cases/${caseId}`);
    const theCase = (await worker.get(`/api/v1/casework/cases/${caseId}`).expect(200)).body;
    expect(theCase.beneficiary.id).toBe(personId);

    // A second case while the first is open: refused (409) in the server's words, with a link to the open case.
    await page.goto(`/casework/people/${personId}`);
    await cases.getByRole('link', { name: theCase.caseNo }).waitFor();
    await cases.getByRole('button', { name: /^开\s?案$/ }).click();
    await opening.getByLabel('求助问题').fill('再次求助');
    const [second] = await Promise.all([posted(page, '/api/v1/casework/cases'), opening.getByRole('button', { name: /^开\s?案$/ }).click()]);
    expect(second.status()).toBe(409);
    const conflict = (await worker.post('/api/v1/casework/cases', { beneficiaryId: personId, source: 'self', presentingProblem: '再次求助' }).expect(409)).body;
    expect(conflict.code).toBe('CASE_ALREADY_OPEN');
    await opening.getByRole('alert').filter({ hasText: conflict.message['zh-CN'] }).waitFor();
    expect(await opening.getByTestId('open-case-link').getAttribute('href')).toBe(`/casework/cases/${caseId}`);
    expect(await atBothWidths(page, 'person-case-conflict', () => fits(page).then(() => opening.getByTestId('open-case-link').waitFor()))).toEqual([]);
    // The same page in English (a missing key would be a console error).
    await switchLanguage(page, 'English');
    await consents.getByText('Withdrawn').waitFor();
    await identity.getByRole('button', { name: 'Reveal the ID number' }).waitFor();
    await opening.getByRole('link', { name: 'Go to the open case' }).waitFor();
    await switchLanguage(page, '中文');
    await opening.getByTestId('open-case-link').click();
    await page.waitForURL(`**/casework/cases/${caseId}`);
    const open = (await worker.get('/api/v1/casework/cases').query({ beneficiaryId: personId }).expect(200)).body.items;
    expect(open).toHaveLength(1);
    expect(tab.errors).toEqual([]);
  });

  it('another organisation\'s worker gets not-found for the person; a programme officer has no 服务对象 entry and is refused the page', async () => {
    expect(personId).toBeDefined();
    const other = await signedIn(workerB.phone, WIDTHS.phone);
    await other.page.goto(`/casework/people/${personId}`);
    await other.page.getByRole('heading', { name: '404' }).waitFor();
    await workerB.get(`/api/v1/casework/beneficiaries/${personId}`).expect(404);
    expect(await other.page.getByText(`陈秀英${tag}`).count()).toBe(0);
    expect(other.errors).toEqual([]);

    const officerTab = await signedIn(officer.phone);
    await officerTab.page.getByRole('link', { name: '项目' }).first().waitFor({ state: 'attached' });
    expect(await officerTab.page.getByRole('link', { name: '服务对象' }).count()).toBe(0);
    await officerTab.page.goto('/casework/people');
    await officerTab.page.getByRole('heading', { name: '403' }).waitFor();
  });
});
