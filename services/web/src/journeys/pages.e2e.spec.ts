import { eventually } from '@resettle/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ordinaryFriday, planner, plusDays, probation } from '../../../../tests/shared/people.js';
import { scheduleBody } from '../../../../tests/shared/requests.js';
import { asSignedIn, openBrowser, RunningWeb, signIn } from '../test-support/running-web.js';
import { errorSummary, expectAccessible, fillDate, freshPrisonNumber, screenshot, spacedOut } from './support.js';

const legalDate = ordinaryFriday(28);
const thursday = plusDays(legalDate, -1);
const her = freshPrisonNumber('W');
let tokenSeconds = 3600;

describe('the web pages in Debian’s Chromium, against the running services and the development sign-in', () => {
  let web: RunningWeb;
  let releaseId = '';
  let handoffId = '';

  beforeAll(async () => {
    web = await RunningWeb.start({ accessTokenSeconds: () => tokenSeconds });
  }, 180_000);
  afterAll(async () => {
    await web?.stop();
  });

  /** A release scheduled through the API, for a page that starts from one; its id. */
  const scheduleByApi = async (personId: string, asked: Record<string, unknown>): Promise<string> => {
    const scheduled = await web.system.call(
      'release-scheduling',
      planner,
      'POST',
      '/api/releases',
      scheduleBody(personId, asked),
    );
    expect(scheduled.status, JSON.stringify(scheduled.body)).toBe(201);
    return (scheduled.body as { id: string }).id;
  };

  it('release planner: checks a Friday with a late gate time, takes the nearest allowed, schedules, reschedules', async () => {
    await asSignedIn(web, 'Priya Patel', '/', async (page) => {
      expect(new URL(page.url()).pathname).toBe('/releases');
      await expectAccessible(page);
      await page.getByRole('button', { name: 'Schedule a release' }).click();
      await page.getByLabel('Prison number').fill(spacedOut(her));
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
    });
  });

  it('release planner: cancels a release, giving a reason (a missing reason is asked for and nothing changes)', async () => {
    const other = freshPrisonNumber('V');
    const scheduledId = await scheduleByApi(other, { legalReleaseDate: ordinaryFriday(35) });
    await asSignedIn(web, 'Priya Patel', `/releases/${scheduledId}`, async (page) => {
      await page.getByRole('button', { name: 'Cancel release' }).click();
      await page.getByRole('button', { name: 'Cancel release' }).click();
      expect(await errorSummary(page)).toEqual(['Enter why the release is cancelled']);
      expect(
        (await web.system.call('release-scheduling', planner, 'GET', `/api/releases/${scheduledId}`)).body.status,
      ).toBe('scheduled');
      await page.getByLabel('Why is it cancelled?').fill('Sentence recalculated: released by the court');
      await page.getByRole('button', { name: 'Cancel release' }).click();
      await page.waitForURL(`${web.url}/releases`);
      expect(await page.locator('.govuk-notification-banner').textContent()).toContain(`Release of ${other} cancelled`);
      expect(
        (await web.system.call('release-scheduling', planner, 'GET', `/api/releases/${scheduledId}`)).body.status,
      ).toBe('cancelled');
    });
  });

  it('prison healthcare: books the handoff; a rule’s refusal shows as the error summary and beside the field', async () => {
    await asSignedIn(web, 'Helen Hughes', '/', async (page) => {
      expect(new URL(page.url()).pathname).toBe('/handoffs');
      await expectAccessible(page);
      await page.getByRole('link', { name: `Book treatment handoff for ${her}` }).click();
      await page.locator('#consentToShare').check();
      await page.getByLabel('Methadone').check();
      await page.getByLabel('Dose', { exact: true }).fill('60 mg daily');
      await fillDate(page, 'lastDose', thursday);
      await page.getByLabel('Time of last dose').fill('07:30');
      await page.locator('#naloxoneSupplied').check();
      await page.getByLabel('Provider', { exact: true }).selectOption('bristol-drug-project');
      await page.getByLabel('Provider’s local authority').fill('Bristol');
      await page.getByLabel('Provider’s postcode district').fill('BS1');
      await fillDate(page, 'appointment', plusDays(thursday, 1));
      await page.getByLabel('Time of first appointment').fill('13:00');
      await page.getByLabel('Where', { exact: true }).fill('Bristol Drug Project, Brunswick Square');
      await page.getByLabel('When she is expected to arrive').fill('12:00');
      await page.getByLabel('A female key worker').check();
      await page.getByLabel('A women-only service').check();
      await eventually(
        async () => {
          await page.getByRole('button', { name: 'Book handoff' }).click();
          expect((await errorSummary(page)).join(' ')).not.toContain('has not heard of this release');
        },
        30_000,
        1_000,
      );

      expect((await errorSummary(page))[0]).toContain('she would miss a daily dose');
      expect(await page.locator('#appointment-error').textContent()).toContain('she would miss a daily dose');
      await expectAccessible(page);
      await screenshot(page, 'web-healthcare-refusal');

      await fillDate(page, 'appointment', thursday);
      await page.getByRole('button', { name: 'Book handoff' }).click();
      await page.waitForURL(/\/handoffs\/[0-9a-f-]{36}$/);
      handoffId = page.url().split('/').at(-1) ?? '';
      expect(await page.locator('.govuk-notification-banner').textContent()).toContain(`Handoff booked for ${her}`);
      expect(await page.locator('.govuk-summary-list').textContent()).toContain('Sent to the provider');
      await expectAccessible(page);
    });
  });

  it('provider: finds the handoff in the inbox, is told she asked for a female key worker, accepts; healthcare sees it', async () => {
    await asSignedIn(web, 'Bea Daniels', '/', async (page) => {
      expect(new URL(page.url()).pathname).toBe('/provider/handoffs');
      await expectAccessible(page);
      await screenshot(page, 'web-provider-inbox');
      await page.getByRole('link', { name: her }).click();
      await page.getByLabel('Key worker’s name').fill('Sam Key');
      await page.getByLabel('Male', { exact: true }).check();
      await page.getByLabel('We confirm the first appointment').check();
      await page.getByRole('button', { name: 'Accept handoff' }).click();
      expect((await errorSummary(page))[0]).toContain('She asked for a female key worker');
      expect(await page.locator('#keyWorkerGender-error').textContent()).toContain('female key worker');
      await expectAccessible(page);
      await screenshot(page, 'web-provider-handoff');
      expect(await page.locator('.govuk-summary-list').textContent()).toContain('Methadone, 60 mg daily');

      await page.getByLabel('Female', { exact: true }).check();
      await page.getByRole('button', { name: 'Accept handoff' }).click();
      await page.waitForURL(`${web.url}/provider/handoffs`);
      expect(await page.locator('.govuk-notification-banner').textContent()).toContain(`Handoff for ${her} accepted`);
      expect(await page.locator('#inbox tbody tr', { hasText: her }).textContent()).toContain('Accepted');
    });
    await asSignedIn(web, 'Helen Hughes', `/handoffs/${handoffId}`, async (page) => {
      const answer = await page.locator('.govuk-summary-list').textContent();
      expect(answer).toContain('Accepted');
      expect(answer).toContain('Sam Key (female)');
    });
  });

  it('accommodation coordinator: records and changes a place, which awaits her offender manager’s review', async () => {
    await asSignedIn(web, 'Aisha Khan', '/', async (page) => {
      expect(new URL(page.url()).pathname).toBe('/accommodation');
      await page.getByLabel('Her prison number').fill(her);
      await page.getByLabel('Release reference').fill(releaseId);
      await page.getByRole('button', { name: 'Find release' }).click();
      expect(await page.locator('#whats-missing').textContent()).toContain('Nothing recorded yet');
      await page.getByLabel('Supported housing').check();
      await page.getByLabel('Local authority').fill('Bristol');
      await page.getByLabel('Postcode district').fill('BS2');
      await fillDate(page, 'confirmedFrom', thursday);
      await page.locator('#womenOnly').check();
      await page.getByLabel('Confirmed by').fill('One25 housing worker');
      await eventually(
        async () => {
          await page.getByRole('button', { name: 'Record accommodation' }).click();
          expect((await errorSummary(page)).join(' ')).not.toContain('has not heard of this release');
        },
        30_000,
        1_000,
      );
      expect(await page.locator('.govuk-notification-banner').textContent()).toContain(
        'Accommodation recorded: Awaiting safeguarding review',
      );
      await page.getByLabel('Confirmed by').fill('One25 housing manager');
      await page.getByRole('button', { name: 'Change accommodation' }).click();
      expect(await page.locator('.govuk-notification-banner').textContent()).toContain(
        'Accommodation changed: Awaiting safeguarding review',
      );
      await expectAccessible(page);
    });
  });

  it('probation: approves the place at safeguarding review, so her accommodation counts', async () => {
    await asSignedIn(web, 'Pat Morgan', '/safeguarding-reviews', async (page) => {
      await page.locator('#reviews tbody tr', { hasText: her }).getByRole('link').click();
      expect(await page.locator('#match').textContent()).toContain('not in any of her restricted areas');
      await page.getByLabel('Yes, approve it').check();
      await page.getByRole('button', { name: 'Save decision' }).click();
      await page.waitForURL(`${web.url}/safeguarding-reviews`);
      expect(await page.locator('.govuk-notification-banner').textContent()).toContain(`for ${her} was approved`);
    });
  });

  it('transport coordinator: a journey leaving before the gate is refused with the rule; then arranged', async () => {
    await asSignedIn(web, 'Tom Evans', '/', async (page) => {
      expect(new URL(page.url()).pathname).toBe('/travel');
      await page.getByLabel('Her prison number').fill(her);
      await page.getByLabel('Release reference').fill(releaseId);
      await page.getByRole('button', { name: 'Find release' }).click();
      await page.getByLabel('Met at the gate').check();
      await page.getByLabel('Who meets her at the gate').fill('Women’s centre outreach worker');
      await fillDate(page, 'departure', thursday);
      await page.getByLabel('Time she leaves the gate').fill('09:00');
      await page.getByLabel('Time she is expected to arrive').fill('12:00');
      await page.getByLabel('Her first treatment appointment').check();
      await page.getByLabel('Arranged by').fill('Resettlement team');
      await page.locator('#escorted').check();
      await eventually(
        async () => {
          await page.getByRole('button', { name: 'Arrange journey' }).click();
          expect((await errorSummary(page)).join(' ')).not.toContain('has not heard of this release');
        },
        30_000,
        1_000,
      );
      expect((await errorSummary(page))[0]).toContain('before she is released at the gate');
      expect(await page.locator('#departure-error').textContent()).toContain('before she is released at the gate');
      await expectAccessible(page);
      await screenshot(page, 'web-transport-refusal');

      await page.getByLabel('Time she leaves the gate').fill('09:45');
      await page.getByRole('button', { name: 'Arrange journey' }).click();
      expect(await page.locator('.govuk-notification-banner').textContent()).toContain('Journey arranged: Arranged');
      await expectAccessible(page);
    });
  });

  it('probation: finds her at the top of the list by keyboard, her passport complete with its timeline; filters', async () => {
    await asSignedIn(web, 'Pat Morgan', '/', async (page) => {
      expect(new URL(page.url()).pathname).toBe('/probation');
      const row = page.locator('#upcoming tbody tr', { hasText: her });
      await eventually(
        async () => {
          await page.reload();
          expect(await row.textContent()).toContain('None: complete');
        },
        60_000,
        1_000,
      );
      await expectAccessible(page);
      await screenshot(page, 'web-probation-upcoming');

      // MoJ sortable table: with JavaScript the headings become sort buttons, and aria-sort says the order.
      const released = page.locator('#upcoming thead th', { hasText: 'Release date' });
      await released.getByRole('button', { name: 'Release date' }).click();
      expect(await released.getAttribute('aria-sort')).toBe('ascending');
      const days = await page
        .locator('#upcoming tbody tr > :nth-child(3)')
        .evaluateAll((cells) => cells.map((cell) => Number(cell.getAttribute('data-sort-value'))));
      expect(days).toEqual([...days].sort((a, b) => a - b));
      await expectAccessible(page);
      await screenshot(page, 'web-probation-sorted');

      await page.getByLabel('Passport').selectOption('incomplete');
      await page.getByRole('button', { name: 'Apply filters' }).click();
      expect(await page.locator('#upcoming tbody tr', { hasText: her }).count()).toBe(0);
      await page.getByLabel('Passport').selectOption('complete');
      await page.getByLabel('Released within').selectOption('24');
      await page.getByRole('button', { name: 'Apply filters' }).click();
      expect(page.url()).toContain('show=complete');

      // Keyboard alone: tab from the filters to her passport link and open it.
      await page.locator('#upcoming').scrollIntoViewIfNeeded();
      await page.getByRole('button', { name: 'Apply filters' }).focus();
      for (let presses = 0; presses < 20; presses += 1) {
        await page.keyboard.press('Tab');
        const focused = await page.evaluate<string>("document.activeElement ? document.activeElement.textContent : ''");
        if (focused.startsWith(her)) break;
      }
      await page.keyboard.press('Enter');
      await page.waitForURL(`${web.url}/probation/passports/${releaseId}`);
      expect(await page.locator('h1').textContent()).toContain(her);
      expect(await page.locator('main').textContent()).toContain('✓ Complete.');
      expect(await page.locator('#whats-missing').count()).toBe(0);
      const timeline = page.locator('#timeline ~ ol.govuk-list');
      expect(await timeline.textContent()).toMatch(/\w+day \d{1,2} \w+ \d{4} at/);
      await expectAccessible(page);
      await screenshot(page, 'web-probation-passport');
      // Her whole journey is several pages of timeline; the planner's reason for moving her release is on one of them.
      const pages = await page.locator('.govuk-pagination__item').count();
      const entries: string[] = [];
      for (let number = 1; number <= pages; number += 1) {
        await page.goto(`${web.url}/probation/passports/${releaseId}?page=${number}`);
        entries.push((await timeline.textContent()) ?? '');
      }
      expect(pages).toBeGreaterThan(1);
      expect(entries.join('')).toContain('Transport can meet her earlier');
    });
  }, 120_000);

  it('probation: a long timeline comes 20 entries to a page, newest first, the oldest on the last page', async () => {
    const id = await scheduleByApi(freshPrisonNumber('T'), { legalReleaseDate: ordinaryFriday(42), gateTime: '10:00' });
    for (const [n, gateTime] of ['11:00', '10:00', '11:00', '10:00', '11:00', '10:00'].entries()) {
      const moved = await web.system.call('release-scheduling', planner, 'POST', `/api/releases/${id}/reschedule`, {
        gateTime,
        reason: `Escort change ${n + 1}`,
      });
      expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    }
    type Seen = { releaseRevision: number; pathways: { status: string }[]; timeline: unknown[] };
    const passportNow = async () => (await web.system.call('passport', probation, 'GET', `/api/passports/${id}`)).body;
    const timelineLength = async () => ((await passportNow()) as Seen).timeline.length;
    // Every service judges each of the seven revisions, in order on its own topic: once no pathway waits for a
    // verdict on the seventh, every verdict is in. Then wait until her timeline has stopped growing all the same.
    const entries = await eventually(
      async () => {
        const seen = (await passportNow()) as Seen;
        expect(seen.releaseRevision).toBe(7);
        expect(seen.pathways.filter((pathway) => pathway.status === 'awaiting-re-check')).toEqual([]);
        const before = seen.timeline.length;
        await new Promise((settle) => setTimeout(settle, 1_500));
        expect(await timelineLength()).toBe(before);
        expect(before).toBeGreaterThan(20);
        return before;
      },
      60_000,
      500,
    );
    await asSignedIn(web, 'Pat Morgan', '/', async (page) => {
      await page.goto(`${web.url}/probation/passports/${id}`);
      const timeline = page.locator('#timeline + p + ol.govuk-list > li');
      expect(await timeline.count()).toBe(20);
      expect(await page.locator('main').textContent()).toContain(`entries 1 to 20 of ${entries}`);
      expect(await page.locator('#timeline + p + ol').textContent()).toContain('revision 7');
      await expectAccessible(page);
      const last = Math.ceil(entries / 20);
      await page
        .locator('.govuk-pagination')
        .getByRole('link', { name: `Page ${last}` })
        .click();
      await page.waitForURL(`${web.url}/probation/passports/${id}?page=${last}#timeline`);
      expect(await timeline.count()).toBe(entries - (last - 1) * 20);
      expect(await timeline.last().textContent()).toContain('Release scheduled for');
      expect(await page.locator('#timeline + p + ol').textContent()).not.toContain('revision 7');
    });
  }, 120_000);

  it('probation with JavaScript off: the upcoming list is a plain table in risk order, with no sort buttons', async () => {
    await asSignedIn(web, 'Pat Morgan', { path: '/', javaScript: false }, async (page) => {
      expect(await page.locator('#upcoming tbody tr', { hasText: her }).count()).toBe(1);
      expect(await page.locator('#upcoming thead button').count()).toBe(0);
    });
  });

  it('another region’s practitioner, another prison’s planner and coordinator get 404 for her records, in the pages and the APIs', async () => {
    await asSignedIn(web, 'Wyn Jones', '/', async (page, browser) => {
      const passport = await page.goto(`${web.url}/probation/passports/${releaseId}`);
      expect(passport?.status()).toBe(404);
      expect(await page.locator('h1').textContent()).toBe('Passport not found');
      expect(await page.locator('main').textContent()).not.toContain(her);
      await browser.context.clearCookies();
      await signIn(page, web.url, 'Sara Lee');
      const release = await page.goto(`${web.url}/releases/${releaseId}`);
      expect(release?.status()).toBe(404);
      expect(await page.locator('main').textContent()).not.toContain(her);
      await browser.context.clearCookies();
      await signIn(page, web.url, 'Sam Okafor');
      const travel = await page.goto(`${web.url}/travel/releases/${releaseId}?personId=${her}`);
      expect(travel?.status()).toBe(404);
      expect(await page.locator('h1').textContent()).toBe('Release not found');
      expect(await page.locator('main').textContent()).not.toContain('Women’s centre');
    });
    const wales = { sub: 'probation-wales', roles: ['probation' as const], region: 'Wales' };
    const styal = { sub: 'omu-planner-styal', roles: ['release-planner' as const], prison: 'STI' };
    expect((await web.system.call('passport', wales, 'GET', `/api/passports/${releaseId}`)).status).toBe(404);
    expect((await web.system.call('release-scheduling', styal, 'GET', `/api/releases/${releaseId}`)).status).toBe(404);
    const styalTravel = { sub: 'travel-coordinator-styal', roles: ['transport-coordinator' as const], prison: 'STI' };
    const plans = await web.system.call('transport', styalTravel, 'GET', `/api/travel-plans?releaseId=${releaseId}`);
    expect(plans.status).toBe(404);
  });

  it('release planner: a form with bad input shows the error summary and saves nothing', async () => {
    const someoneElse = freshPrisonNumber('X');
    await asSignedIn(web, 'Priya Patel', '/releases/new', async (page) => {
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
    });
  });

  it('refuses a form posted without its CSRF token, and saves nothing', async () => {
    const forged = freshPrisonNumber('Y');
    await asSignedIn(web, 'Priya Patel', '/releases/new', async (page) => {
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
    });
  });

  it('with JavaScript off: signs in, checks a date and is refused with the nearest allowed; the token never reaches the page', async () => {
    await asSignedIn(web, 'Priya Patel', { path: '/releases/new', javaScript: false }, async (page, { context }) => {
      await page.getByLabel('Prison number').fill(freshPrisonNumber('Z'));
      await page.getByLabel('Probation region she will be supervised in').selectOption('Wales');
      await fillDate(page, 'legalReleaseDate', legalDate);
      await page.getByLabel('Gate time').fill('07:00');
      await page.getByLabel('Sentence length in days').fill('90');
      await page.getByLabel('Days served since sentence').fill('60');
      await page.getByRole('button', { name: 'Check date' }).click();
      expect((await errorSummary(page))[0]).toContain('before the prison’s release window opens');
      await page.getByRole('button', { name: /^Use .* at 8am$/ }).click();
      await expect.poll(() => page.locator('#verdict').textContent()).toContain('at 8am');

      const [session] = await context.cookies(web.url);
      expect(session).toMatchObject({ name: 'resettle-session', httpOnly: true, sameSite: 'Lax' });
      expect(await page.content()).not.toMatch(/eyJ[\w-]+\.eyJ/);
      expect(session?.value).not.toMatch(/eyJ[\w-]+\.eyJ/);
    });
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
