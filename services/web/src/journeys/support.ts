import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { seriousViolations } from '../test-support/axe.js';

export const SCREENSHOTS = new URL('../../../../docs/', import.meta.url).pathname;

/** A prison number no other run has used. */
export function freshPrisonNumber(letter: string): string {
  return `${letter}${String(Math.floor(1000 + Math.random() * 9000))}${letter}${letter}`;
}

/** A prison number as it may be copied from a letter: lower case, spaced out ("a 1234 bc"). */
export function spacedOut(prisonNumber: string): string {
  return prisonNumber.toLowerCase().replace(/^(.)(\d{4})(..)$/, '$1 $2 $3');
}

/** No serious or critical accessibility violation on the page as it stands. */
export async function expectAccessible(page: Page): Promise<void> {
  const violations = await seriousViolations(page);
  expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `${SCREENSHOTS}${name}.png`, fullPage: true });
}

/** Fills a GOV.UK date input by its legend's id prefix. */
export async function fillDate(page: Page, id: string, isoDate: string): Promise<void> {
  const [year, month, day] = isoDate.split('-');
  await page.locator(`#${id}-day`).fill(String(Number(day)));
  await page.locator(`#${id}-month`).fill(String(Number(month)));
  await page.locator(`#${id}-year`).fill(year ?? '');
}

/** The error summary's messages, in order, once the page shows them. */
export async function errorSummary(page: Page): Promise<string[]> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const items = await page
      .locator('.govuk-error-summary__list li')
      .allTextContents()
      .catch(() => []);
    if (items.length > 0 || Date.now() > deadline) return items.map((item) => item.trim());
    await page.waitForTimeout(100);
  }
}
