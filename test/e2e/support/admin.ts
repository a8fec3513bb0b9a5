import type { Locator, Page } from 'playwright-core';

/*
 * Steps on the admin workspace (web/src/admin) that several browser tests
 * take. antd spaces two-character button labels ("保 存"), so both
 * spellings are accepted.
 */

export const button = (scope: Page | Locator, name: string) =>
  scope
    .getByRole('button', { name })
    .or(scope.getByRole('button', { name: name.length === 2 ? `${name[0]} ${name[1]}` : name }));

/** Picks an option of the open antd Select by its label. */
export async function pick(page: Page, select: Locator, label: string): Promise<void> {
  await select.click();
  await page
    .locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${label}"]`)
    .click();
}

/** Assigns the first reviewer offered to a submitted assessment's row, and saves. */
export async function assignFirstReviewer(page: Page, row: Locator): Promise<void> {
  await row.getByRole('combobox').click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').first().click();
  await save(page, row);
}

async function save(page: Page, row: Locator): Promise<void> {
  await page.keyboard.press('Escape');
  const saved = page.waitForResponse(
    (r) => r.url().includes('/reviewers') && r.request().method() === 'PUT',
  );
  await button(row, '保存').click();
  const res = await saved;
  if (res.status() !== 200)
    throw new Error(`reviewers not saved: ${res.status()} ${await res.text()}`);
  // The list refetches after a save: a row filtered by a status the assessment
  // has now left (submitted → in review) goes away instead of confirming.
  await Promise.race([row.getByText('评审员已更新').waitFor(), row.waitFor({ state: 'detached' })]);
}

/**
 * Sets an assessment's reviewers on the admin list to exactly `names`
 * (the row is `tr[data-row-key=<id>]`), and saves.
 */
export async function setReviewers(page: Page, row: Locator, names: string[]): Promise<void> {
  const select = row.getByRole('combobox');
  // Remove whoever is there, then choose.
  for (let n = await row.locator('.ant-select-selection-item-remove').count(); n > 0; n--)
    await row.locator('.ant-select-selection-item-remove').first().click();
  for (const name of names) {
    await select.click();
    await select.fill(name);
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: name })
      .first()
      .click();
  }
  await save(page, row);
}
