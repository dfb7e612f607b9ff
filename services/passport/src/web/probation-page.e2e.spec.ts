import type { Caller } from '@resettle/platform';
import { startTestService, type TestService } from '@resettle/platform/testing';
import { eventually } from '@resettle/testing';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { passport } from '../app.js';
import { eventsFor } from '../domain/events.fixture.js';
import { upstreamFeed } from '../test-support/feed.js';

const SCREENSHOT = new URL('../../../../docs/probation-page.png', import.meta.url).pathname;
const practitioner: Caller = { sub: 'pp-7', roles: ['probation'], region: 'South West' };
// Monday 2 November 2026, 10:00 London
const clock = () => new Date('2026-11-02T10:00:00Z');
const HOSTILE_REASON = '<img src=x onerror="window.hacked=1">Room not ready';

describe('the probation practitioner’s page in a real browser', () => {
  let service: TestService;
  let browser: Browser;
  let page: Page;
  const soonest = eventsFor('A4001AA');
  const planned = eventsFor('A4002AA');
  const ready = eventsFor('A4003AA');

  beforeAll(async () => {
    service = await startTestService(passport, { clock, env: { RISK_SWEEP_SECONDS: '0' } });
    const feed = await upstreamFeed(service.namespace);
    await feed.publish(
      soonest.scheduled('2026-11-04'),
      planned.scheduled('2026-11-10'),
      ready.scheduled('2026-11-06'),
      soonest.judged('release', 'complete'),
      planned.judged('release', 'complete'),
      planned.judged('accommodation', 'complete'),
      planned.judged('treatment', 'in-progress', { reasons: ['Provider has not yet accepted the handoff'] }),
      // Her release moves: release-scheduling and treatment-continuity re-judge; accommodation has not yet.
      planned.rescheduled('2026-11-10', '2026-11-11'),
      planned.judged('release', 'complete'),
      planned.judged('treatment', 'in-progress', { reasons: ['Provider has not yet accepted the handoff'] }),
      ...ready.allComplete(),
      soonest.accommodationConfirmed('2026-11-04'),
      soonest.judged('accommodation', 'at-risk', { reasons: [HOSTILE_REASON] }),
    );
    await eventually(async () => {
      const list = await service.call(practitioner, 'GET', '/api/upcoming-releases');
      expect(list.body.items.map((item: { gaps: number }) => item.gaps)).toEqual([3, 3, 0]);
      expect(list.body.items[1].pathways[2].status).toBe('awaiting-re-check');
    });
    await feed.close();
    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    });
    page = await browser.newPage({ viewport: { width: 1600, height: 800 } });
  });
  afterAll(async () => {
    await browser?.close();
    await service?.close();
  });

  // Strings, not functions: this file is type-checked without the DOM library.
  const activeText = () => page.evaluate<string>("document.activeElement ? document.activeElement.textContent : ''");
  const personCells = () => page.locator('#upcoming tbody th[scope="row"]').allTextContents();

  it('asks for a token and shows nothing without one', async () => {
    await page.goto(`${service.url}/probation`);
    await expect.poll(() => page.locator('#status').textContent()).toContain('Paste your access token');
    expect(await personCells()).toEqual([]);
  });

  it('lists upcoming releases in risk order with each pathway’s status as text', async () => {
    await page.getByRole('textbox', { name: 'Access token' }).fill(service.tokenFor(practitioner));
    await page.getByRole('button', { name: 'Use token' }).click();
    await expect.poll(personCells).toEqual(['A4001AA', 'A4002AA', 'A4003AA']);
    expect(page.url()).toBe(`${service.url}/probation`);

    const headers = await page.locator('#upcoming thead th').allTextContents();
    const cell = (row: number, header: string) =>
      page.locator(`#upcoming tbody tr:nth-child(${row}) > :nth-child(${headers.indexOf(header) + 1})`).textContent();
    expect(await cell(1, 'Accommodation')).toBe('⚠ At risk');
    expect(await cell(1, 'Treatment')).toBe('○ Not started');
    expect(await cell(2, 'Treatment')).toBe('◐ In progress');
    // In words, not colour only: who the passport is waiting on since her release moved.
    expect(await cell(2, 'Accommodation')).toBe('↻ Awaiting re-check by accommodation');
    expect(await cell(3, 'Transport')).toBe('✓ Complete');
    expect(await cell(3, 'Mental health')).toBe('– Not needed');
    expect(await cell(1, 'Gaps')).toBe('3');
    expect(await cell(1, 'Days to go')).toBe('2');
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
  });

  it('opens her passport from the keyboard: Tab to the link, then Enter', async () => {
    let focused = '';
    for (let presses = 0; presses < 25 && focused !== 'A4001AA'; presses += 1) {
      await page.keyboard.press('Tab');
      focused = await activeText();
    }
    expect(focused).toBe('A4001AA');
    await page.keyboard.press('Enter');
    await page.waitForURL(`**/probation/passports/${soonest.releaseId}`);
    await expect.poll(() => page.locator('h1').textContent()).toBe('Resettlement Passport: A4001AA');

    const reasons = await page.locator('#pathways tbody tr').allTextContents();
    expect(reasons.find((row) => row.startsWith('Treatment'))).toContain(
      'treatment-continuity has not judged this pathway yet',
    );
    expect(reasons.find((row) => row.startsWith('Accommodation'))).toContain(HOSTILE_REASON);
    expect(await page.evaluate('typeof window.hacked')).toBe('undefined');
    expect(await page.locator('#timeline li').count()).toBeGreaterThanOrEqual(3);
    expect(await page.locator('#checklist-section').isHidden()).toBe(true);
  });

  it('starts every page with a skip link to the main content', async () => {
    await page.keyboard.press('Home');
    await page.goto(`${service.url}/probation`);
    await page.keyboard.press('Tab');
    expect(await activeText()).toBe('Skip to main content');
  });
});
