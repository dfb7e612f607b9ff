import { describe, expect, it } from 'vitest';
import { choices, isChoice } from './choices.js';

describe('choices', () => {
  it('keeps the order given, and knows what was offered', () => {
    const modes = choices({ taxi: 'Taxi', 'met-at-gate': 'Met at the gate' });
    expect(modes).toEqual([
      { value: 'taxi', text: 'Taxi' },
      { value: 'met-at-gate', text: 'Met at the gate' },
    ]);
    expect(isChoice(modes, 'met-at-gate')).toBe(true);
    expect(isChoice(modes, 'walking')).toBe(false);
  });
});
