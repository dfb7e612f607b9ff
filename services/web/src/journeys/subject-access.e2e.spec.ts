import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { Caller } from '@resettle/platform';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Release, scheduleRelease } from '../../../../tests/e2e/support/journey.js';
import { ordinaryFriday } from '../../../../tests/shared/people.js';
import { asSignedIn, RunningWeb } from '../test-support/running-web.js';
import { errorSummary, expectAccessible, freshPrisonNumber, screenshot } from './support.js';

const her = freshPrisonNumber('D');
const auditor: Caller = { sub: 'auditor', roles: ['auditor'] };

/** The progress the page shows, as it updates itself (no reload). */
const progressOf = (page: Page) => page.locator('#progress').textContent();

describe('subject access pages in Debian’s Chromium, against the running services', () => {
  let web: RunningWeb;
  let release: Release;

  beforeAll(async () => {
    web = await RunningWeb.start();
    release = await scheduleRelease(web.system, her, { legalReleaseDate: ordinaryFriday(28) });
  }, 600_000);
  afterAll(async () => {
    await web?.stop();
  });

  /** The passport's audit rows of one action, as its auditor reads them. */
  const audited = async (action: string) => {
    const log = await web.system.call('passport', auditor, 'GET', '/api/audit?sub=data-protection-officer');
    return (log.body as { items: { action: string; personId: string; resourceId: string }[] }).items.filter(
      (item) => item.action === action,
    );
  };

  it('the data protection officer asks every service for her records, watches the answers come in and downloads the export', async () => {
    await asSignedIn(web, 'Dana Osei', '/', async (page) => {
      expect(new URL(page.url()).pathname).toBe('/subject-access');
      const navigation = page.locator('.govuk-service-navigation');
      expect(await navigation.getByRole('link', { name: 'Subject access' }).count()).toBe(1);
      await expectAccessible(page);

      await page.getByRole('button', { name: 'Ask every service' }).click();
      expect(await errorSummary(page)).toEqual(['Enter her prison number']);
      await page.getByLabel('Prison number').fill('A123BC');
      await page.getByRole('button', { name: 'Ask every service' }).click();
      await expect
        .poll(() => errorSummary(page))
        .toEqual(['Prison number must be 1 letter, 4 numbers and 2 letters, like A1234BC']);
      expect(await page.locator('#personId-error').textContent()).toContain('1 letter, 4 numbers and 2 letters');
      expect(await page.getByLabel('Prison number').inputValue()).toBe('A123BC');
      await expectAccessible(page);
      expect(await audited('request-subject-access')).toEqual([]);

      // Transport is down, so its answer waits: the page shows the others' answers as they come, and who is awaited.
      web.system.kill('transport');
      await page.getByLabel('Prison number').fill(her.toLowerCase());
      await page.getByRole('button', { name: 'Ask every service' }).click();
      await page.waitForURL(/\/subject-access\/[0-9a-f-]{36}$/);
      const requestPath = new URL(page.url()).pathname;
      const requestId = requestPath.split('/').at(-1) ?? '';
      expect(await page.locator('.govuk-caption-l').textContent()).toBe(her);
      const details = page.locator('#request-details .govuk-summary-list');
      expect(await details.textContent()).toContain('You (Dana Osei)');
      expect(await details.textContent()).toMatch(/\w+day \d{1,2} \w+ \d{4} at \d{1,2}(:\d{2})?(am|pm)|midday/);
      expect(await page.locator('#refresh-note').textContent()).toContain('This page updates itself every 5 seconds.');
      await expect.poll(() => progressOf(page), { timeout: 60_000 }).toContain('4 of 5 services answered');
      expect(await page.locator('#request-details').textContent()).toMatch(/Still waiting for\s*Transport/);
      expect(await page.getByRole('button', { name: 'Download the export (JSON)' }).count()).toBe(0);
      await expectAccessible(page);

      const early = await page.goto(`${web.url}${requestPath}/export`);
      expect(early?.status()).toBe(409);
      expect(await page.locator('.govuk-notification-banner').textContent()).toContain('The export is not ready yet');
      expect(await progressOf(page)).toContain('4 of 5 services answered');
      await expectAccessible(page);
      await page.goto(`${web.url}${requestPath}`);

      await web.system.restart('transport');
      await expect.poll(() => progressOf(page), { timeout: 120_000 }).toContain('5 of 5 services answered');
      expect(await page.locator('#request-details').textContent()).toContain('Nothing: every service has answered');
      await expectAccessible(page);
      await screenshot(page, 'web-subject-access');

      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Download the export (JSON)' }).click(),
      ]);
      expect(download.suggestedFilename()).toBe(`subject-access-${her}-${requestId}.json`);
      const exported = JSON.parse(await readFile(await download.path(), 'utf8'));
      expect(exported).toMatchObject({ personId: her, requestId });
      const releaseRecords = JSON.stringify(exported.services['release-scheduling'].records);
      expect(releaseRecords).toContain(release.id);
      expect(releaseRecords).toContain(her);
      expect(await audited('download-subject-access-export')).toEqual([
        expect.objectContaining({ personId: her, resourceId: requestId }),
      ]);

      expect((await page.goto(`${web.url}/subject-access/${randomUUID()}`))?.status()).toBe(404);
      expect(await page.locator('h1').textContent()).toBe('Page not found');
      expect((await page.goto(`${web.url}/subject-access/not-a-request`))?.status()).toBe(404);
    });
  }, 300_000);

  it('probation is refused the subject access pages and is not offered them', async () => {
    await asSignedIn(web, 'Pat Morgan', '/', async (page) => {
      const navigation = page.locator('.govuk-service-navigation');
      expect(await navigation.getByRole('link', { name: 'Upcoming releases' }).count()).toBe(1);
      expect(await navigation.getByRole('link', { name: 'Subject access' }).count()).toBe(0);
      const refused = await page.goto(`${web.url}/subject-access`);
      expect(refused?.status()).toBe(403);
      expect(await page.locator('h1').textContent()).toContain('You cannot see this page');
      expect(await page.getByLabel('Prison number').count()).toBe(0);
    });
  }, 120_000);
});
