import { parseArgs } from 'node:util';
import { availableServices, databaseUrl, HELP, helpOption, UsageError } from '@resettle/infra';

export const auditVerifyUsage = `Checks a service's audit log hash chain and names the first broken link (docs/operations.md).

usage: pnpm audit:verify <service> [--database-url URL]

  <service>                    release-scheduling, treatment-continuity, accommodation, transport or passport
  --database-url URL           the service's database (default: resettle_<service> on the server pnpm start uses:
                               DATABASE_URL's, else postgres://postgres@127.0.0.1:5432); its service role is enough
  -h, --help                   this text

Exits 0 when the chain is intact, 1 when it is broken.`;

const LOCAL_SERVER = 'postgres://postgres@127.0.0.1:5432/postgres';

export function parseAuditVerifyArgs(
  argv: string[],
  env: NodeJS.ProcessEnv = process.env,
): { service: string; databaseUrl: string } | typeof HELP {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { 'database-url': { type: 'string' }, ...helpOption },
  });
  if (values.help) return HELP;
  const [service, ...rest] = positionals;
  if (!service || rest.length > 0) throw new UsageError('name one service');
  const spec = availableServices().find((candidate) => candidate.name === service);
  if (!spec) throw new UsageError(`no service called "${service}"`);
  const url = values['database-url'] ?? databaseUrl(env.DATABASE_URL ?? LOCAL_SERVER, spec.database);
  return { service, databaseUrl: url };
}
