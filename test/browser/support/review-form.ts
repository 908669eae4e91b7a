import type { Page } from 'playwright-core';

/**
 * A reviewer's scores for the test rubric (需求精准, 方案设计, 预算合理) and comment on the review page open in `page`,
 * submitted; waits for the assignment to read 已提交.
 */
export async function scoreOnPage(page: Page, [need, design, budget]: [string, string, string], comment: string): Promise<void> {
  await page.getByLabel(/^需求精准/).fill(need);
  await page.getByLabel(/^方案设计/).fill(design);
  await page.getByLabel(/^预算合理/).fill(budget);
  await page.getByLabel('评审意见').fill(comment);
  await page.getByRole('button', { name: '提交评审' }).click();
  await page.getByTestId('assignment-status').filter({ hasText: '已提交' }).waitFor();
}
