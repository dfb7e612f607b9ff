import { describe, expect, it } from 'vitest';
import { instanceLabel, instancesOf, instancesWanted, type ServiceSpec } from './services.js';

const passport: ServiceSpec = { name: 'passport', port: 3005, database: 'resettle_passport', entry: 'main.ts' };

describe('instances of a service', () => {
  it('runs one, unnumbered, unless asked for more', () => {
    expect(instancesWanted({})).toBe(1);
    expect(instancesOf(passport, 1)).toEqual([passport]);
    expect(instanceLabel(passport)).toBe('passport');
  });

  it('numbers several, on ports 100 apart, sharing the database', () => {
    const [first, second, third] = instancesOf(passport, instancesWanted({ INSTANCES: '3' }));
    expect([first?.port, second?.port, third?.port]).toEqual([3005, 3105, 3205]);
    expect(new Set([first, second, third].map((spec) => spec?.database))).toEqual(new Set(['resettle_passport']));
    expect(second && instanceLabel(second)).toBe('passport#2');
  });

  it('refuses a count that is not 1 to 9', () => {
    for (const INSTANCES of ['0', '10', '1.5', 'two'])
      expect(() => instancesWanted({ INSTANCES })).toThrow(/INSTANCES/);
  });
});
