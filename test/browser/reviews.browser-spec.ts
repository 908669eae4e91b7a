import type { Browser } from 'playwright-core';
import { CallClosingScheduler } from '../../src/modules/calls/call-closing.scheduler';
import { District, PASSWORD, Session, TestApp } from '../support/test-app';
import { TINY_PDF } from '../support/organisations';
import { applicantOrganisation, applicationContent, clockOf, publishedCall, put, venturePeople } from '../support/calls';
import { WIDTHS, atBothWidths, browserWorld, openTab, signInThroughPage, switchLanguage } from './support/browser';
import { scoreOnPage } from './support/review-form';

// A call taken through submission, screening, closing and assignment over the API, then two browser tabs.
jest.setTimeout(420_000);

function upload(t: TestApp, s: Session, applicationId: string, kind: string, filename: string) {
  return t.http.post('/api/v1/attachments').set('Authorization', `Bearer ${s.accessToken}`)
    .field('ownerType', 'application').field('ownerId', applicationId).field('kind', kind)
    .attach('file', TINY_PDF, { filename, contentType: 'application/pdf' });
}

describe('reviews in a real browser: a reviewer scores a blind application on a phone', () => {
  const world = browserWorld();
  let t: TestApp;
  let d: District;
  let browser: Browser;
  beforeAll(() => ({ t, d, browser } = world));
  afterAll(() => clockOf(t)?.set(undefined));

  it('sees no applicant name or naming file, has an out-of-range score flagged, submits once; a second submit is refused', async () => {
    const clock = clockOf(t);
    const { communityId, officer, reviewers: [reviewer] } = await venturePeople(t, d, 1);
    const call = await publishedCall(t, d, officer, { communityIds: [communityId], reviewersPerApplication: 1, blindReview: true, title: '盲审的创投活动' });
    const orgName = '锦江长者关爱服务中心';
    const a = await applicantOrganisation(t, d, orgName);
    const draft = await a.admin.post(`/api/v1/calls/${call.id}/applications`, applicationContent(communityId, '15000000', '盲审的申报')).expect(201);
    await upload(t, a.admin, draft.body.id, 'proposal', '实施方案.pdf').expect(201);
    await upload(t, a.admin, draft.body.id, 'other', '登记证书.pdf').expect(201);
    const submitted = await a.admin.post(`/api/v1/applications/${draft.body.id}/submit`, { version: draft.body.version }).set('Idempotency-Key', `r-${draft.body.id}`).expect(200);
    await officer.post(`/api/v1/applications/${draft.body.id}/screening`, { version: submitted.body.version, decision: 'pass', reason: '材料齐全' }).expect(200);
    clock.set(new Date(new Date(call.closesAt).getTime() + 60_000));
    await t.app.get(CallClosingScheduler).tick();
    await officer.post(`/api/v1/calls/${call.id}/reviewers`, { membershipIds: [reviewer.memberId] }).expect(200);
    await officer.post(`/api/v1/calls/${call.id}/review-assignments`).expect(200);
    const [assignment] = (await reviewer.get('/api/v1/reviews/assignments').expect(200)).body.items;

    const tab = await openTab(browser, t.baseUrl!, WIDTHS.phone);
    const stale = await openTab(browser, t.baseUrl!, WIDTHS.phone);
    const { page } = tab;
    try {
      await signInThroughPage(page, reviewer.phone, PASSWORD);
      await page.getByRole('heading', { name: /工作台/ }).waitFor();
      await page.goto('/reviews');
      const row = page.getByTestId('assignment-row').filter({ hasText: '盲审的申报' });
      await row.filter({ hasText: '待评分' }).filter({ hasText: /剩余/ }).waitFor();
      expect(await row.textContent()).not.toContain(orgName);
      expect(await atBothWidths(page, 'reviews-list', () => row.waitFor())).toEqual([]);
      await row.getByRole('link', { name: '盲审的申报' }).click();
      await page.waitForURL(`**/reviews/${assignment.id}`);
      await page.getByTestId('blind').waitFor();
      await page.getByTestId('review-file').filter({ hasText: '实施方案.pdf' }).waitFor();
      const shown = await page.locator('body').textContent();
      expect(shown).not.toContain(orgName);
      expect(shown).not.toContain('登记证书'); // the file that names the applicant is not offered at all
      expect(await atBothWidths(page, 'review', () => page.getByTestId('score-card').waitFor())).toEqual([]);

      // A page opened in another tab before the review goes in.
      await signInThroughPage(stale.page, reviewer.phone, PASSWORD);
      await stale.page.getByRole('heading', { name: /工作台/ }).waitFor();
      await stale.page.goto(`/reviews/${assignment.id}`);
      await stale.page.getByTestId('score-card').waitFor();

      // Out of the rubric's range: flagged on the field as it is typed.
      const need = page.getByLabel(/^需求精准/);
      await need.fill('12');
      await page.getByText('应在 0–10 分之间，最多一位小数').waitFor();
      await need.fill('8');
      await page.getByText('应在 0–10 分之间，最多一位小数').waitFor({ state: 'detached' });
      await scoreOnPage(page, ['8', '7', '9'], '需求分析扎实，预算基本合理。');
      expect(await page.getByRole('button', { name: '提交评审' }).isDisabled()).toBe(true);
      const after = (await reviewer.get(`/api/v1/reviews/assignments/${assignment.id}`).expect(200)).body;
      expect(after).toMatchObject({ status: 'submitted', comment: '需求分析扎实，预算基本合理。' });
      expect(after.scores.map((s: { code: string; score: number }) => [s.code, s.score])).toEqual([['need', 8], ['design', 7], ['budget', 9]]);

      // The stale tab tries again: the server refuses, and the page shows its words.
      await stale.page.getByLabel(/^需求精准/).fill('6');
      await stale.page.getByLabel(/^方案设计/).fill('6');
      await stale.page.getByLabel(/^预算合理/).fill('6');
      await stale.page.getByRole('button', { name: '提交评审' }).click();
      const again = await put(t, reviewer, `/api/v1/reviews/assignments/${assignment.id}/scores`, {
        version: after.version, scores: [{ code: 'need', score: 6 }, { code: 'design', score: 6 }, { code: 'budget', score: 6 }],
      }).expect(409);
      expect(again.body.code).toBe('REVIEW_ALREADY_SUBMITTED');
      await stale.page.getByRole('alert').filter({ hasText: again.body.message['zh-CN'] }).waitFor();
      expect((await reviewer.get(`/api/v1/reviews/assignments/${assignment.id}`).expect(200)).body.scores[0].score).toBe(8);

      // Once in English.
      await switchLanguage(page, 'English');
      await page.getByRole('heading', { name: 'Scores' }).waitFor();
      await page.getByTestId('assignment-status').filter({ hasText: 'Submitted' }).waitFor();
      expect(tab.errors).toEqual([]);
      expect(stale.errors).toEqual([]);
    } finally {
      await tab.close();
      await stale.close();
    }
  });
});
