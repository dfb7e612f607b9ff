import { describe, expect, it } from 'vitest';
import { outcomeFigure } from './outcome-figure.js';

const at = { prisonCode: 'EHI', month: '2026-11' };

describe('outcome figures per prison and month', () => {
  it('publishes counts of 5 or more with the share of releases already judged', () => {
    expect(outcomeFigure({ ...at, releases: 20, releasedComplete: 12, awaitingReCheck: 0 })).toEqual({
      ...at,
      releases: 20,
      releasedComplete: 12,
      awaitingReCheck: 0,
      share: 0.6,
    });
  });

  it('hides counts of 1 to 4, and the share that would give them away', () => {
    expect(outcomeFigure({ ...at, releases: 2, releasedComplete: 1, awaitingReCheck: 0 })).toEqual({
      ...at,
      releases: '<5',
      releasedComplete: '<5',
      awaitingReCheck: 0,
      share: null,
    });
  });

  it('withholds a count when the total beside it would reveal a rest under 5 by subtraction', () => {
    // 17 releases, 16 complete: one woman left with an incomplete passport.
    const figure = outcomeFigure({ ...at, releases: 17, releasedComplete: 16, awaitingReCheck: 0 });
    expect(figure).toMatchObject({ releases: 17, releasedComplete: '[c]', share: null });
  });

  it('never publishes a number from which 1 to 4 can be worked out', () => {
    for (let releases = 0; releases <= 25; releases += 1) {
      for (let awaiting = 0; awaiting <= releases; awaiting += 1) {
        for (let complete = 0; complete <= releases - awaiting; complete += 1) {
          const figure = outcomeFigure({ ...at, releases, releasedComplete: complete, awaitingReCheck: awaiting });
          const published = [figure.releases, figure.releasedComplete, figure.awaitingReCheck];
          for (const value of published) if (typeof value === 'number') expect(value === 0 || value >= 5).toBe(true);
          if (typeof figure.releases === 'number') {
            const parts = [figure.releasedComplete, figure.awaitingReCheck].filter((v) => typeof v === 'number');
            for (const part of parts) {
              const rest = (figure.releases as number) - (part as number);
              expect(rest === 0 || rest >= 5, `${releases}/${complete}/${awaiting}`).toBe(true);
            }
            if (parts.length === 2) {
              const incomplete = (figure.releases as number) - (parts[0] as number) - (parts[1] as number);
              expect(incomplete === 0 || incomplete >= 5, `${releases}/${complete}/${awaiting}`).toBe(true);
            }
          }
        }
      }
    }
  });
});
