import { parseArgs } from 'node:util';
import { availableServices, databaseUrl, HELP, helpOption, UsageError } from '@resettle/infra';
import type { ChainHead } from '../audit/chain.js';

const WITNESSED = /^([1-9][0-9]*):([0-9a-f]{64})$/;

export const auditVerifyUsage = `Checks a service's audit log hash chain and names the first broken link (docs/operations.md).

usage: pnpm audit:verify <service> [--database-url URL] [--witnessed SEQ:HASH]…

  <service>                    release-scheduling, treatment-continuity, accommodation, transport or passport
  --database-url URL           the service's database (default: resettle_<service> on the server pnpm start uses:
                               DATABASE_URL's, else postgres://postgres@127.0.0.1:5432); its service role is enough
  --witnessed SEQ:HASH         a head the service logged (its "auditHead" lines): the chain must still hold it, or it
                               was rewritten from there or before; repeat for several
  -h, --help                   this text

Exits 0 when the chain is intact, 1 when it is broken.`;

const LOCAL_SERVER = 'postgres://postgres@127.0.0.1:5432/postgres';

export function parseAuditVerifyArgs(
  argv: string[],
  env: NodeJS.ProcessEnv = process.env,
): { service: string; databaseUrl: string; witnessed: ChainHead[] } | typeof HELP {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { 'database-url': { type: 'string' }, witnessed: { type: 'string', multiple: true }, ...helpOption },
  });
  if (values.help) return HELP;
  const [service, ...rest] = positionals;
  if (!service || rest.length > 0) throw new UsageError('name one service');
  const spec = availableServices().find((candidate) => candidate.name === service);
  if (!spec) throw new UsageError(`no service called "${service}"`);
  const url = values['database-url'] ?? databaseUrl(env.DATABASE_URL ?? LOCAL_SERVER, spec.database);
  return { service, databaseUrl: url, witnessed: (values.witnessed ?? []).map(witnessedHead) };
}

function witnessedHead(value: string): ChainHead {
  const [, chainSeq, hash] = WITNESSED.exec(value.trim()) ?? [];
  if (!chainSeq || !hash) throw new UsageError(`--witnessed takes SEQ:HASH as the service logged it, not "${value}"`);
  return { chainSeq, hash };
}
