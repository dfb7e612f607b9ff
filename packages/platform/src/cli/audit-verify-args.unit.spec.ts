import { UsageError } from '@resettle/infra';
import { describe, expect, it } from 'vitest';
import { parseAuditVerifyArgs } from './audit-verify-args.js';

const hash = 'a'.repeat(64);

describe('pnpm audit:verify arguments', () => {
  it('takes one service, and any heads witnessed in its log as SEQ:HASH', () => {
    const parsed = parseAuditVerifyArgs(
      ['accommodation', '--witnessed', `30:${hash}`, '--witnessed', `7:${'b'.repeat(64)}`],
      {},
    );
    expect(parsed).toMatchObject({
      service: 'accommodation',
      witnessed: [
        { chainSeq: '30', hash },
        { chainSeq: '7', hash: 'b'.repeat(64) },
      ],
    });
    expect(parseAuditVerifyArgs(['passport'], {})).toMatchObject({ witnessed: [] });
  });

  it('refuses a witnessed head that is not as the service logs it, naming the flag', () => {
    for (const value of ['30', `30-${hash}`, `0:${hash}`, `30:${hash.slice(1)}`, `30:${hash.toUpperCase()}`]) {
      expect(() => parseAuditVerifyArgs(['accommodation', '--witnessed', value], {}), value).toThrow(UsageError);
      expect(() => parseAuditVerifyArgs(['accommodation', '--witnessed', value], {}), value).toThrow(/--witnessed/);
    }
  });
});
