import { eventually } from '@resettle/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ordinaryFriday, planner, plusDays } from '../../../../tests/shared/people.js';
import { openBrowser, RunningWeb, signIn } from '../test-support/running-web.js';
import { errorSummary, expectAccessible, fillDate, freshPrisonNumber, screenshot } from './support.js';

const legalDate = ordinaryFriday(28);
const thursday = plusDays(legalDate, -1);
const her = freshPrisonNumber('W');
let tokenSeconds = 3600;

describe('the web pages in Debian’s Chromium, against the running services and the development sign-in', () => {
  let web: RunningWeb;
  let releaseId = '';

  beforeAll(async () => {
    web = await RunningWeb.start({ accessTokenSeconds: () => tokenSeconds });
  }, 180_000);
  afterAll(async () => {
    await web?.stop();
  });

  it('release planner: checks a Friday with a late gate time, takes the nearest allowed, schedules, reschedules', async () => {
    const browser = await openBrowser();
    try {
      const { page } = browser;
      await signIn(page, web.url, 'Priya Patel');
      expect(new URL(page.url()).pathname).toBe('/releases');
      await expectAccessible(page);
      await page.getByRole('button', { name: 'Schedule a release' }).click();
      await page.getByLabel('Prison number').fill(her);
      await page.getByLabel('Probation region she will be supervised in').selectOption('South West');
      await fillDate(page, 'legalReleaseDate', legalDate);
      await page.getByLabel('Gate time').fill('15:00');
      await page.getByLabel('Sentence length in days').fill('180');
      await page.getByLabel('Days served since sentence').fill('120');
      await page.getByRole('button', { name: 'Check date' }).click();

      expect((await errorSummary(page))[0]).toContain('after the prison’s release window closes');
      const nearest = page.getByRole('button', { name: /^Use .* at midday$/ });
      await expect.poll(() => nearest.textContent()).toContain('Thursday');
      await expectAccessible(page);
      await screenshot(page, 'web-planner-refusal');
      await nearest.click();

      await expect.poll(() => page.locator('#verdict').textContent()).toContain('at midday');
      expect(await page.locator('#verdict').textContent()).toMatch(/Thursday \d{1,2} \w+ \d{4}/);
      expect(await page.getByLabel('Gate time').inputValue()).toBe('12:00');
      await page.getByRole('button', { name: 'Schedule release' }).click();

      await page.waitForURL(/\/releases\/[0-9a-f-]{36}$/);
      releaseId = page.url().split('/').at(-1) ?? '';
      expect(await page.locator('.govuk-notification-banner').textContent()).toContain(`Release scheduled for ${her}`);
      expect(await page.locator('.govuk-summary-list').textContent()).toContain('midday');
      await screenshot(page, 'web-planner-release');
      const saved = await web.system.call('release-scheduling', planner, 'GET', `/api/releases/${releaseId}`);
      expect(saved.body).toMatchObject({ personId: her, releaseDate: thursday, gateTime: '12:00' });

      await page.getByRole('button', { name: 'Change date or time' }).click();
      await page.getByLabel('Gate time').fill('09:30');
      await page.getByLabel('Why is it changing?').fill('Transport can meet her earlier');
      await page.getByRole('button', { name: 'Change release' }).click();
      await page.waitForURL(`${web.url}/releases/${releaseId}`);
      expect(await page.locator('.govuk-summary-list').textContent()).toContain('9:30am');
      await expectAccessible(page);
    } finally {
      await browser.close();
    }
  });

  it('release planner: a form with bad input shows the error summary and saves nothing', async () => {
    const browser = await openBrowser();
    try {
      const { page } = browser;
      const someoneElse = freshPrisonNumber('X');
      await signIn(page, web.url, 'Priya Patel', '/releases/new');
      await page.getByLabel('Prison number').fill(someoneElse);
      await fillDate(page, 'legalReleaseDate', '2027-02-31');
      await page.getByLabel('Gate time').fill('half nine');
      await page.getByRole('button', { name: 'Schedule release' }).click();

      expect(await errorSummary(page)).toEqual([
        'Enter the legal release date as a real date, like 10 12 2026',
        'Enter the gate time as hours and minutes, like 09:30',
        'Enter the sentence length in days, like 180',
        'Enter the days she has served since sentence, like 90',
        'Select the probation region she will be supervised in',
      ]);
      expect(await page.locator('#gateTime-error').textContent()).toContain('Enter the gate time');
      expect(await page.getByLabel('Prison number').inputValue()).toBe(someoneElse);
      expect(await page.title()).toMatch(/^Error: /);
      await expectAccessible(page);
      const listed = await web.system.call('release-scheduling', planner, 'GET', '/api/releases?pageSize=200');
      expect(listed.body.items.map((release: { personId: string }) => release.personId)).not.toContain(someoneElse);
    } finally {
      await browser.close();
    }
  });

  it('refuses a form posted without its CSRF token, and saves nothing', async () => {
    const browser = await openBrowser();
    try {
      const { page } = browser;
      const forged = freshPrisonNumber('Y');
      await signIn(page, web.url, 'Priya Patel', '/releases/new');
      const form = {
        personId: forged,
        probationRegion: 'South West',
        'legalReleaseDate-day': '1',
        'legalReleaseDate-month': '3',
        'legalReleaseDate-year': '2027',
        gateTime: '09:30',
        sentenceLengthDays: '180',
        daysServedSinceSentence: '100',
        action: 'schedule',
      };
      const withoutToken = await page.request.post(`${web.url}/releases/new`, { form, maxRedirects: 0 });
      expect(withoutToken.status()).toBe(403);
      const wrongToken = await page.request.post(`${web.url}/releases/new`, {
        form: { ...form, _csrf: 'made-up' },
        maxRedirects: 0,
      });
      expect(wrongToken.status()).toBe(403);
      const listed = await web.system.call('release-scheduling', planner, 'GET', '/api/releases?pageSize=200');
      expect(listed.body.items.map((release: { personId: string }) => release.personId)).not.toContain(forged);
    } finally {
      await browser.close();
    }
  });

  it('probation: sees her in the upcoming releases with what is missing, filters, and opens her passport', async () => {
    const browser = await openBrowser();
    try {
      const { page } = browser;
      await signIn(page, web.url, 'Pat Morgan');
      expect(new URL(page.url()).pathname).toBe('/probation');
      const row = page.locator('#upcoming tbody tr', { hasText: her });
      await eventually(
        async () => {
          await page.reload();
          expect(await row.count()).toBe(1);
        },
        30_000,
        500,
      );
      expect(await row.textContent()).toContain('Not started');
      await expectAccessible(page);
      await screenshot(page, 'web-probation-upcoming');

      await page.getByLabel('Passport').selectOption('complete');
      await page.getByRole('button', { name: 'Apply filters' }).click();
      expect(await page.locator('#upcoming tbody tr', { hasText: her }).count()).toBe(0);
      await page.getByLabel('Passport').selectOption('incomplete');
      await page.getByRole('button', { name: 'Apply filters' }).click();

      await page.getByRole('link', { name: new RegExp(`^${her}`) }).click();
      await page.waitForURL(`${web.url}/probation/passports/${releaseId}`);
      expect(await page.locator('h1').textContent()).toContain(her);
      expect(await page.locator('#whats-missing').textContent()).toContain('Treatment');
      expect(await page.locator('.govuk-summary-list').textContent()).toContain('9:30am');
      expect(await page.locator('ol.govuk-list').textContent()).toMatch(/\w+day \d{1,2} \w+ \d{4} at/);
      await expectAccessible(page);
      await screenshot(page, 'web-probation-passport');
    } finally {
      await browser.close();
    }
  });

  it('an expired session goes back to the page she was on after signing in again', async () => {
    const browser = await openBrowser();
    try {
      const { page } = browser;
      tokenSeconds = 2;
      await signIn(page, web.url, 'Pat Morgan', '/probation?weeks=24&show=incomplete');
      tokenSeconds = 3600;
      expect(page.url()).toBe(`${web.url}/probation?weeks=24&show=incomplete`);
      await new Promise((resolve) => setTimeout(resolve, 2_500));
      await page.reload();
      expect(await page.title()).toContain('Sign in');
      await page.getByLabel(/^Pat Morgan —/).check();
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.waitForURL(`${web.url}/probation?weeks=24&show=incomplete`);
      expect(await page.locator('h1').textContent()).toBe('Upcoming releases');
    } finally {
      tokenSeconds = 3600;
      await browser.close();
    }
  });
});
