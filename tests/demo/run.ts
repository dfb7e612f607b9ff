// pnpm demo — with `pnpm start` running: seeds a handful of women in different situations through the public APIs,
// prints each passport, and points to the web pages that show them.
import { commandLine } from '@resettle/infra';
import { REGION } from '../shared/people.js';
import { demoUsage, parseDemoArgs } from './args.js';
import { call, SERVICES, type ServiceName, serviceUrl, token } from './client.js';
import { type PassportView, passportTable } from './print.js';
import { daysFromToday, nextWeekday, prisonNumber, probation } from './staff.js';
import { arrangeTravel, book, handOver, house, type Release, schedule } from './steps.js';

const scenarios: [string, () => Promise<Release>][] = [
  [
    'Everything in place (Wednesday release)',
    async () => {
      const release = await schedule(prisonNumber('A'), { legalReleaseDate: nextWeekday(3, 21) });
      await handOver(release);
      await house(release);
      await arrangeTravel(release);
      return release;
    },
  ],
  [
    'Friday legal date, eligible: released on Thursday instead',
    async () => {
      const release = await schedule(prisonNumber('B'), { legalReleaseDate: nextWeekday(5, 21) });
      await handOver(release);
      await house(release);
      await arrangeTravel(release);
      return release;
    },
  ],
  [
    'Friday legal date on home detention curfew: Friday stands, with a weekend cover plan',
    async () => {
      const eligibility = {
        homeDetentionCurfew: true,
        indeterminateSentence: false,
        paroleBoardRelease: false,
        daysServedSinceSentence: 200,
      };
      const release = await schedule(prisonNumber('C'), { legalReleaseDate: nextWeekday(5, 28), eligibility });
      const monday = new Date(Date.parse(`${release.releaseDate}T12:00:00Z`) + 3 * 86_400_000).toISOString();
      const weekendCoverPlan = { prescriptionCoversUntil: monday.slice(0, 10), outOfHoursContact: true };
      await handOver(release, { weekendCoverPlan });
      await house(release);
      await arrangeTravel(release);
      return release;
    },
  ],
  [
    'Released from court at short notice: nothing arranged yet',
    () => schedule(prisonNumber('D'), { legalReleaseDate: daysFromToday(1), releaseFrom: 'COURT' }),
  ],
  [
    'Handoff booked, provider has not answered, no accommodation',
    async () => {
      const release = await schedule(prisonNumber('E'), { legalReleaseDate: nextWeekday(2, 10) });
      await book(release);
      return release;
    },
  ],
];

commandLine(demoUsage, parseDemoArgs);
const notAnswering: string[] = [];
for (const name of Object.keys(SERVICES) as ServiceName[]) {
  const ready = await fetch(`${serviceUrl(name)}/health/ready`).catch(() => undefined);
  if (ready?.status !== 200) notAnswering.push(`${name} (${serviceUrl(name)})`);
}
if (notAnswering.length > 0) {
  console.error(`error: not answering: ${notAnswering.join(', ')}. Start the system first (npm start), then run this.`);
  process.exit(1);
}

const settle = () => new Promise((wait) => setTimeout(wait, 1_500));

for (const [title, seed] of scenarios) {
  try {
    const release = await seed();
    await settle();
    const passport: PassportView = await call('passport', probation, 'GET', `/api/passports/${release.id}`);
    console.log(passportTable(title, passport));
  } catch (error) {
    const answer = (error as { answer?: { rule?: string; detail?: string } }).answer;
    console.log(`\n${title}\n  refused: ${answer?.rule ?? ''} ${answer?.detail ?? (error as Error).message}`);
  }
}

console.log(`\nSee them in the web pages: ${process.env.WEB_BASE_URL ?? 'http://127.0.0.1:3000'}`);
console.log(
  `(sign in as Pat Morgan, probation practitioner, ${REGION}: upcoming releases, each passport and its timeline)`,
);
console.log(`\nOr call the APIs with this probation token (${REGION} region):\n${token(probation)}`);
