import { describe, expect, it } from 'vitest';
import { InStep } from './in-step.js';

const reading = (at: number) => ({ at, caughtUp: false });
const atEnd = (at: number) => ({ at, caughtUp: true });

describe('reading partitions side by side by message time', () => {
  it('pauses a partition that has got too far ahead of the slowest, and resumes it once that one catches up', () => {
    const inStep = new InStep(1_000);
    expect(inStep.handled('releases:0', reading(10_000))).toEqual({ pause: [], resume: [] });
    expect(inStep.handled('housing:0', reading(10_500))).toEqual({ pause: [], resume: [] });
    expect(inStep.handled('housing:0', reading(12_000))).toEqual({ pause: ['housing:0'], resume: [] });
    expect(inStep.handled('releases:0', reading(10_900))).toEqual({ pause: [], resume: [] });
    expect(inStep.handled('releases:0', reading(11_000))).toEqual({ pause: [], resume: ['housing:0'] });
  });

  it('never lets a partition read to its end hold the others back', () => {
    const inStep = new InStep(1_000);
    inStep.handled('releases:0', reading(50_000));
    expect(inStep.handled('housing:0', reading(10_000))).toEqual({ pause: ['releases:0'], resume: [] });
    expect(inStep.handled('housing:0', atEnd(20_000))).toEqual({ pause: [], resume: ['releases:0'] });
    expect(inStep.handled('releases:0', reading(90_000))).toEqual({ pause: [], resume: [] });
  });

  it('never pauses the slowest partition, so the read always moves on', () => {
    const inStep = new InStep(0);
    inStep.handled('a:0', reading(3));
    expect(inStep.handled('b:0', reading(2)).pause).toEqual(['a:0']);
    expect(inStep.handled('c:0', reading(1)).pause).toEqual(['b:0']);
    expect(inStep.handled('c:0', reading(5))).toEqual({ pause: ['c:0'], resume: ['b:0'] });
  });

  it('a partition read to its end is never paused, however far ahead', () => {
    const inStep = new InStep(1_000);
    inStep.handled('releases:0', reading(0));
    expect(inStep.handled('housing:0', atEnd(99_000))).toEqual({ pause: [], resume: [] });
  });
});
