import { describe, expect, it } from 'vitest';
import { relayLockSession } from './relay.js';

describe("the relay lock's session", () => {
  it('is one connection that is never recycled, so the lock is not silently given up after 30-60 minutes', async () => {
    const session = relayLockSession('postgres://nobody@127.0.0.1:1/none')();
    try {
      expect(session.options).toMatchObject({ max: 1, max_lifetime: 0 });
      expect(session.options.idle_timeout).toBeFalsy();
    } finally {
      await session.end({ timeout: 0 });
    }
  });
});
