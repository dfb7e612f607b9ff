import { describe, expect, it } from 'vitest';
import { remembered } from './memo.js';

describe('remembered', () => {
  it('computes each input once, remembers false answers, and forgets everything when full', () => {
    const calls: string[] = [];
    const isLong = remembered((text) => {
      calls.push(text);
      return text.length > 3;
    }, 2);
    expect([isLong('ab'), isLong('ab'), isLong('abcd'), isLong('abcd')]).toEqual([false, false, true, true]);
    expect(calls).toEqual(['ab', 'abcd']);
    isLong('xyz'); // a third answer: the first two are forgotten
    isLong('ab');
    expect(calls).toEqual(['ab', 'abcd', 'xyz', 'ab']);
  });

  it('does not remember a failure', () => {
    let attempts = 0;
    const strict = remembered((text) => {
      attempts += 1;
      if (text === 'bad') throw new RangeError('bad');
      return text;
    });
    expect(() => strict('bad')).toThrow(RangeError);
    expect(() => strict('bad')).toThrow(RangeError);
    expect(attempts).toBe(2);
  });
});
