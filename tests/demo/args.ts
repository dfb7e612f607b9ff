import { parseArgs } from 'node:util';
import { HELP, helpOption } from '@resettle/infra';
import { REGION } from '../shared/people.js';

export const demoUsage = `Seeds a handful of women in different situations through the public APIs of a running system (start it
first with \`npm start\`), prints each passport, and ends with the probation page and a token for it.
Run it again to add more women; each run uses fresh prison numbers.

usage: pnpm demo [-h | --help]

The women are released from EWI to the ${REGION} probation region. Services are looked for on their usual ports
(3001-3005), or on RELEASE_SCHEDULING_PORT, TREATMENT_CONTINUITY_PORT, ACCOMMODATION_PORT, TRANSPORT_PORT and
PASSPORT_PORT when set; tokens are signed with JWT_SECRET, else the checkout's dev key.`;

export function parseDemoArgs(argv: string[]): Record<string, never> | typeof HELP {
  const { values } = parseArgs({ args: argv, options: { ...helpOption } });
  return values.help ? HELP : {};
}
