import { eventually } from '@resettle/testing';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { housing, ordinaryFriday, planner, plusDays } from '../../../../tests/shared/people.js';
import { scheduleBody } from '../../../../tests/shared/requests.js';
import { asSignedIn, RunningWeb } from '../test-support/running-web.js';
import { errorSummary, expectAccessible, fillDate, freshPrisonNumber, screenshot, spacedOut } from './support.js';

const legalDate = ordinaryFriday(30);
const thursday = plusDays(legalDate, -1);
const her = freshPrisonNumber('S');

describe('safeguarding review and restricted areas, in Debian’s Chromium against the running services', () => {
  let web: RunningWeb;
  let releaseId = '';

  beforeAll(async () => {
    web = await RunningWeb.start();
    const scheduled = await web.system.call(
      'release-scheduling',
      planner,
      'POST',
      '/api/releases',
      scheduleBody(her, { legalReleaseDate: legalDate }),
    );
    expect(scheduled.status, JSON.stringify(scheduled.body)).toBe(201);
    releaseId = scheduled.body.id;
  }, 180_000);
  afterAll(async () => {
    await web?.stop();
  });

  async function proposePlace(page: Page, postcodeDistrict: string, button = 'Record accommodation') {
    await page.getByLabel('Supported housing').check();
    await page.getByLabel('Local authority').fill('Bristol');
    await page.getByLabel('Postcode district').fill(postcodeDistrict);
    await fillDate(page, 'confirmedFrom', thursday);
    await page.locator('#womenOnly').check();
    await page.getByLabel('Confirmed by').fill('One25 housing worker');
    await eventually(
      async () => {
        await page.getByRole('button', { name: button }).click();
        expect((await errorSummary(page)).join(' ')).not.toContain('has not heard of this release');
      },
      30_000,
      1_000,
    );
  }

  it('probation: adds her restricted areas one at a time with a reason (a missing reason is asked for), and removes one after confirming', async () => {
    await asSignedIn(web, 'Pat Morgan', '/restricted-areas', async (page) => {
      await expectAccessible(page);
      await page.getByLabel('Prison number').fill(spacedOut(her));
      await page.getByRole('button', { name: 'Find' }).click();
      await page.waitForURL(`${web.url}/restricted-areas/${her}`);
      // Her region comes from her release's event: until accommodation has heard of it, she is not found.
      await eventually(
        async () => {
          await page.goto(`${web.url}/restricted-areas/${her}`);
          expect(await page.locator('h1').textContent()).toBe('Restricted areas');
        },
        30_000,
        1_000,
      );
      expect(await page.locator('#areas').textContent()).toContain('She has no restricted areas');

      await page.getByLabel('Postcode district').check();
      await page.getByLabel('Area', { exact: true }).fill('BS3');
      await page.getByRole('button', { name: 'Add restricted area' }).click();
      expect(await errorSummary(page)).toEqual(['Enter why she must not live there']);
      await expectAccessible(page);
      await page.getByLabel('Why she must not live there').fill('Her former partner lives in BS3');
      await page.getByRole('button', { name: 'Add restricted area' }).click();
      expect(await page.locator('.govuk-notification-banner').textContent()).toContain('Restricted area added: BS3');

      await page.getByLabel('Local authority').check();
      await page.getByLabel('Area', { exact: true }).fill('Swindon');
      await page.getByLabel('Why she must not live there').fill('His family live there');
      await page.getByRole('button', { name: 'Add restricted area' }).click();
      await expect.poll(() => page.locator('#areas tbody tr').count()).toBe(2);
      await expectAccessible(page);
      await screenshot(page, 'web-probation-restricted-areas');

      await page.getByRole('link', { name: 'Remove Swindon' }).click();
      expect(await page.locator('h1').textContent()).toContain('Remove the restricted area Swindon?');
      await page.getByRole('button', { name: 'Yes, remove it' }).click();
      expect(await errorSummary(page)).toEqual(['Enter why she may now live there']);
      await expectAccessible(page);
      await page.getByLabel('Why she may now live there').fill('His family moved away');
      await page.getByRole('button', { name: 'Yes, remove it' }).click();
      await page.waitForURL(`${web.url}/restricted-areas/${her}`);
      expect(await page.locator('.govuk-notification-banner').textContent()).toContain('Restricted area removed');
      await expect.poll(() => page.locator('#areas tbody tr').count()).toBe(1);
      expect(await page.locator('#areas').textContent()).toContain('BS3');
    });
  }, 180_000);

  it('coordinator proposes a place in her restricted area: told only that it awaits review, like any other', async () => {
    await asSignedIn(web, 'Aisha Khan', `/accommodation/releases/${releaseId}?personId=${her}`, async (page) => {
      await proposePlace(page, 'BS3');
      const banner = await page.locator('.govuk-notification-banner').textContent();
      expect(banner).toContain('Accommodation recorded: Awaiting safeguarding review');
      const main = (await page.locator('main').textContent()) ?? '';
      expect(main).toContain('Her offender manager is reviewing this place');
      expect(main).not.toMatch(/restricted|must not live/i);
      await expectAccessible(page);
    });
  }, 180_000);

  it('probation sees the match and declines with a reason; the coordinator sees only “Not suitable” and proposes another', async () => {
    await asSignedIn(web, 'Pat Morgan', '/safeguarding-reviews', async (page) => {
      await expectAccessible(page);
      await screenshot(page, 'web-probation-safeguarding-reviews');
      await page.locator('#reviews tbody tr', { hasText: her }).getByRole('link').click();
      expect(await page.locator('#match').textContent()).toContain('postcode district BS3');
      await page.getByRole('button', { name: 'Save decision' }).click();
      expect(await errorSummary(page)).toEqual(['Select whether the place is suitable for her']);
      await page.getByLabel('No, it is not suitable').check();
      await page.getByRole('button', { name: 'Save decision' }).click();
      expect(await errorSummary(page)).toEqual(['Enter why the place is not suitable (only probation will see it)']);
      await expectAccessible(page);
      await page.getByLabel('Why is it not suitable?').fill('Two streets from her former partner');
      await page.getByRole('button', { name: 'Save decision' }).click();
      await page.waitForURL(`${web.url}/safeguarding-reviews`);
      expect(await page.locator('.govuk-notification-banner').textContent()).toContain('declined as not suitable');
    });

    await asSignedIn(web, 'Aisha Khan', `/accommodation/releases/${releaseId}?personId=${her}`, async (page) => {
      const notice = (await page.locator('#not-suitable').textContent()) ?? '';
      expect(notice).toContain('Not suitable');
      expect(await page.locator('main').textContent()).not.toMatch(/former partner|restricted|must not live/i);
      await expectAccessible(page);
      await screenshot(page, 'web-accommodation-not-suitable');
      await proposePlace(page, 'BS2');
      expect(await page.locator('.govuk-notification-banner').textContent()).toContain(
        'Accommodation recorded: Awaiting safeguarding review',
      );
    });
  }, 180_000);

  it('probation approves the new place with JavaScript off; the coordinator sees “Approved”', async () => {
    await asSignedIn(web, 'Pat Morgan', { path: '/safeguarding-reviews', javaScript: false }, async (page) => {
      await page.locator('#reviews tbody tr', { hasText: her }).getByRole('link').click();
      expect(await page.locator('#match').textContent()).toContain('not in any of her restricted areas');
      expect(await page.locator('main').textContent()).toContain(
        '1 place proposed for her has been found not suitable',
      );
      await page.getByLabel('Yes, approve it').check();
      await page.getByRole('button', { name: 'Save decision' }).click();
      await page.waitForURL(`${web.url}/safeguarding-reviews`);
      expect(await page.locator('.govuk-notification-banner').textContent()).toContain(`for ${her} was approved`);
    });
    await asSignedIn(web, 'Aisha Khan', `/accommodation/releases/${releaseId}?personId=${her}`, async (page) => {
      expect(await page.locator('.govuk-summary-list').textContent()).toContain('Approved');
      await expectAccessible(page);
    });
    const listed = await web.system.call('accommodation', housing, 'GET', `/api/accommodations?releaseId=${releaseId}`);
    expect(listed.body.items.map((item: { safeguardingReview: string }) => item.safeguardingReview)).toEqual([
      'not-suitable',
      'approved',
    ]);
  }, 180_000);

  it('another region’s practitioner gets 404 for her restricted areas and her review; a decision posted without its CSRF token is refused', async () => {
    await asSignedIn(web, 'Wyn Jones', '/safeguarding-reviews?show=all', async (page) => {
      expect(await page.locator('main').textContent()).not.toContain(her);
      const areas = await page.goto(`${web.url}/restricted-areas/${her}`);
      expect(areas?.status()).toBe(404);
      expect(await page.locator('main').textContent()).not.toContain('BS3');
      const listed = await web.system.call(
        'accommodation',
        housing,
        'GET',
        `/api/accommodations?releaseId=${releaseId}`,
      );
      const approvedId = listed.body.items.at(-1).id;
      const review = await page.goto(`${web.url}/safeguarding-reviews/${approvedId}`);
      expect(review?.status()).toBe(404);
      const forged = await page.request.post(`${web.url}/safeguarding-reviews/${approvedId}`, {
        form: { decision: 'decline', reason: 'forged', revision: '1' },
      });
      expect(forged.status()).toBe(403);
    });
  }, 180_000);
});
