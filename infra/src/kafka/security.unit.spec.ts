import { describe, expect, it } from 'vitest';
import { scramSecurityFor } from './broker.js';
import { securityFits } from './security.js';

describe('whether a kept broker can be reused', () => {
  const saved = scramSecurityFor(['accommodation', 'transport'], '/tmp/x');

  it('reuses a broker with the same users, in any order', () => {
    expect(securityFits(saved, { users: ['transport', 'accommodation'] })).toBe(true);
    expect(securityFits(undefined, undefined)).toBe(true);
  });

  it('makes a new one when a user is added, security is switched on or off, or the open listener differs', () => {
    expect(securityFits(saved, { users: ['accommodation', 'transport', 'passport'] })).toBe(false);
    expect(securityFits(undefined, { users: ['accommodation'] })).toBe(false);
    expect(securityFits(saved, undefined)).toBe(false);
    expect(securityFits(saved, { users: ['accommodation', 'transport'], openListener: true })).toBe(false);
  });
});
