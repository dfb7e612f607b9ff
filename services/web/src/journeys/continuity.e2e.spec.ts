import type { ContinuityFigure, Shown } from '@resettle/contracts';
import { eventually } from '@resettle/testing';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  recordFirstAppointment,
  recordTreatmentStarted,
  releasedToday,
} from '../../../../tests/e2e/support/aftercare.js';
import { probation } from '../../../../tests/shared/people.js';
import { asSignedIn, RunningWeb } from '../test-support/running-web.js';
import { errorSummary, expectAccessible, freshPrisonNumber, screenshot } from './support.js';

const MEASURES = ['releasedComplete', 'firstAppointmentAttended', 'startedWithin21Days'] as const;
const month = DateTime.now().setZone('Europe/London').toFormat('yyyy-MM');
const today = DateTime.now().setZone('Europe/London').toISODate()!;
/** What the table must say for a count the API gives. */
const asText = (count: Shown) => (count === '<5' ? 'fewer than 5' : count === '[c]' ? 'withheld' : String(count));

describe('the continuity chart in Debian’s Chromium, from releases through the running services', () => {
  let web: RunningWeb;

  beforeAll(async () => {
    web = await RunningWeb.start();
    // Five women released today from EWI, one from DWI; the first appointments a little ahead, then recorded.
    const women = [
      ...Array.from({ length: 5 }, () => ({ personId: freshPrisonNumber('K'), prison: 'EWI' })),
      { personId: freshPrisonNumber('J'), prison: 'DWI' },
    ];
    const released = [];
    for (let start = 0; start < women.length; start += 3) {
      const batch = women.slice(start, start + 3);
      released.push(
        ...(await Promise.all(
          batch.map((her) =>
            releasedToday(web.system, her.personId, { prison: her.prison, appointmentInSeconds: 3600 }),
          ),
        )),
      );
    }
    // Each was seen (or expected) a minute ago, ahead of the hour booked: the provider records the appointment as it
    // happened, with its time, so the test need not wait for the booked hour to pass.
    const at = DateTime.now().minus({ minutes: 1 }).startOf('second').toUTC().toISO({ suppressMilliseconds: true })!;
    for (const [index, her] of released.entries()) {
      const attended = women[index]?.prison === 'EWI';
      const outcome = attended ? 'attended' : 'not-attended';
      await recordFirstAppointment(web.system, her.handoffId, { outcome, at });
      if (attended) await recordTreatmentStarted(web.system, her.handoffId, today);
    }
  }, 1_200_000);
  afterAll(async () => {
    await web?.stop();
  });

  it('probation: the chart is drawn, its table holds the API’s numbers, small counts are not plotted', async () => {
    const api = await eventually(
      async () => {
        const reply = await web.system.call('passport', probation, 'GET', `/api/continuity?from=${month}&to=${month}`);
        const items = reply.body.items as ContinuityFigure[];
        const ewi = items.find((item) => item.prisonCode === 'EWI');
        expect(ewi).toMatchObject({
          releases: 5,
          releasedComplete: 5,
          withTreatmentNeed: 5,
          firstAppointmentAttended: 5,
        });
        expect(ewi?.startedWithin21Days).toBe(5);
        // Until her outcome is known: DWI's one release, complete, shown as "<5"; her missed appointment counts 0.
        expect(items.find((item) => item.prisonCode === 'DWI')).toMatchObject({
          releases: '<5',
          releasedComplete: '<5',
          firstAppointmentAttended: 0,
          startedWithin21Days: 0,
        });
        return items;
      },
      60_000,
      500,
    );
    expect(api.find((item) => item.prisonCode === 'EWI')?.shares).toMatchObject({
      firstAppointmentAttended: 1,
      startedWithin21Days: 1,
    });

    await asSignedIn(web, 'Pat Morgan', `/continuity?from=${month}&to=${month}`, async (page) => {
      expect(new URL(page.url()).pathname).toBe('/continuity');
      const chart = page.locator('svg[role="img"]');
      await expect.poll(() => chart.count()).toBe(1);
      expect(await chart.locator('title').textContent()).toContain('Continuity of care');
      // One bar per published share and England's three; a suppressed share gets none (never a 0-wide bar).
      const published = api.flatMap((item) => MEASURES.filter((measure) => item.shares[measure] !== null));
      expect(await chart.locator('rect.app-chart__bar').count()).toBe(published.length + 3);
      for (const item of api) {
        for (const measure of MEASURES) {
          const share = item.shares[measure];
          if (share !== null) expect(await chart.locator(`rect[data-share="${share}"]`).count()).toBeGreaterThan(0);
        }
      }
      expect(await chart.locator('text.app-chart__not-shown').count()).toBe(api.length * 3 - published.length);

      for (const item of api) {
        const row = page.locator(`#continuity-table tr[data-prison="${item.prisonCode}"][data-month="${item.month}"]`);
        const cell = async (selector: string) => (await row.locator(selector).textContent())?.trim();
        expect(await cell('[data-field="releases"]')).toBe(asText(item.releases));
        expect(await cell('[data-field="withTreatmentNeed"]')).toBe(asText(item.withTreatmentNeed));
        for (const measure of MEASURES) {
          expect(await cell(`[data-field="${measure}"]`)).toBe(asText(item[measure]));
          const share = item.shares[measure];
          const text = await cell(`[data-share="${measure}"]`);
          if (share === null) expect(text).toMatch(/^not shown/);
          else expect(text).toBe(`${Number((share * 100).toFixed(1))}%`);
        }
      }
      const dwi = page.locator('#continuity-table tr[data-prison="DWI"]');
      expect(await dwi.locator('[data-field="releases"]').textContent()).toBe('fewer than 5');
      expect(await page.locator('#national-table [data-share="national"]').allTextContents()).toEqual([
        '37%',
        '43%',
        '53%',
      ]);
      await expectAccessible(page);
      await screenshot(page, 'web-continuity-chart');

      // The CSV for commissioners, through the web server (the browser never holds the API token).
      const href = await page.getByRole('link', { name: /Download these figures as CSV/ }).getAttribute('href');
      const csv = await page.request.get(`${web.url}${href}`);
      expect(csv.headers()['content-type']).toMatch(/^text\/csv/);
      expect(csv.headers()['content-disposition']).toContain('attachment');
      const fromApi = await fetch(`${web.system.url('passport')}/api/continuity.csv?from=${month}&to=${month}`, {
        headers: { authorization: `Bearer ${web.system.tokenFor(probation)}` },
      });
      expect(await csv.text()).toBe(await fromApi.text());

      // Filtered to one prison; a prison that is not a code is named in the error summary and nothing is asked.
      await page.getByLabel('Prison code').fill('DWI');
      await page.getByRole('button', { name: 'Apply filters' }).click();
      await page.waitForURL(/prison=DWI/);
      expect(await page.locator('#continuity-table tbody tr').count()).toBe(1);
      expect(await page.locator('svg[role="img"] rect.app-chart__bar').count()).toBe(3);
      await page.getByLabel('Prison code').fill('Eastwood');
      await page.getByRole('button', { name: 'Apply filters' }).click();
      expect(await errorSummary(page)).toEqual(['Enter the prison as its 3-letter code, like EHI, or leave it empty']);
      await expectAccessible(page);
    });
  }, 600_000);

  it('with JavaScript off the chart and its table are the same: both are drawn by the server', async () => {
    await asSignedIn(
      web,
      'Pat Morgan',
      { path: `/continuity?from=${month}&to=${month}`, javaScript: false },
      async (page) => {
        const chart = page.locator('svg[role="img"]');
        expect(await chart.count()).toBe(1);
        const bars = await chart.locator('rect.app-chart__bar').count();
        expect(bars).toBeGreaterThan(3);
        expect(await page.locator('#continuity-table tbody tr').count()).toBeGreaterThanOrEqual(2);
      },
    );
  }, 120_000);

  it('a provider cannot open the continuity page', async () => {
    await asSignedIn(web, 'Bea Daniels', '/continuity', async (page) => {
      expect(await page.locator('h1').textContent()).toContain('You cannot see this page');
    });
  }, 120_000);
});
