import { HELP } from '@resettle/infra';
import { describe, expect, it } from 'vitest';
import { PROBATION_REGIONS, probationRegionNamed, regionSlug } from './regions.js';
import { parseTokenArgs } from './token-args.js';

const callerOf = (argv: string[]) => {
  const parsed = parseTokenArgs(argv);
  if (parsed === HELP) throw new Error('asked for help');
  return parsed.caller;
};

describe('pnpm token: the command line', () => {
  it('gives the same region claim for the name and the slug, in the spelling releases carry', () => {
    for (const typed of ['South West', 'south-west', 'SOUTH_WEST', 'south west', 'southwest']) {
      expect(callerOf(['--role', 'probation', '--region', typed]).region).toBe('South West');
    }
    expect(callerOf(['--region', 'kent-surrey-and-sussex']).region).toBe('Kent, Surrey and Sussex');
  });

  it('refuses a region that is not one, rather than issue a token that sees nobody', () => {
    expect(() => parseTokenArgs(['--region', 'Avon'])).toThrow(/unknown region "Avon"; choose from North East/);
  });

  it('writes a prison as its upper-case code, and refuses anything else', () => {
    expect(callerOf(['--role', 'release-planner', '--prison', 'ewi']).prison).toBe('EWI');
    expect(() => parseTokenArgs(['--prison', 'Eastwood Park'])).toThrow(/three-letter code/);
  });

  it('takes several roles, refuses an unknown one, and defaults to probation', () => {
    expect(callerOf(['--role', 'admin', '--role', 'auditor']).roles).toEqual(['admin', 'auditor']);
    expect(callerOf(['--region', 'Wales']).roles).toEqual(['probation']);
    expect(() => parseTokenArgs(['--role', 'governor'])).toThrow(/unknown role "governor"/);
  });

  it('warns (without refusing) when a role lacks the claim that scopes what it sees', () => {
    const parsed = parseTokenArgs(['--role', 'probation', '--role', 'provider', '--role', 'transport-coordinator']);
    expect(parsed === HELP ? [] : parsed.warnings).toEqual([
      'note: a probation token without --region is refused by every service',
      'note: a provider token without --organisation is refused by every service',
      'note: a transport-coordinator token without --prison or --region is refused by every service',
    ]);
    const scoped = parseTokenArgs(['--role', 'accommodation-coordinator', '--prison', 'EWI']);
    expect(scoped === HELP ? ['help'] : scoped.warnings).toEqual([]);
  });

  it('asks for help with --help or -h, and refuses an unknown flag', () => {
    expect(parseTokenArgs(['--help'])).toBe(HELP);
    expect(parseTokenArgs(['-h'])).toBe(HELP);
    expect(() => parseTokenArgs(['--regoin', 'Wales'])).toThrow(
      expect.objectContaining({ code: 'ERR_PARSE_ARGS_UNKNOWN_OPTION' }),
    );
  });
});

describe('probation regions', () => {
  it('round-trips every region through its slug', () => {
    for (const region of PROBATION_REGIONS) expect(probationRegionNamed(regionSlug(region))).toBe(region);
  });
});
