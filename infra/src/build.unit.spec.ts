import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { builtEntryOf, isStale } from './build.js';

describe('builtEntryOf', () => {
  it('maps a service main to dist/main.js and a further entry to its own file', () => {
    expect(builtEntryOf('/r/services/passport/src/main.ts')).toBe('/r/services/passport/dist/main.js');
    expect(builtEntryOf('/r/services/passport/src/rebuild.ts')).toBe('/r/services/passport/dist/rebuild.js');
    expect(builtEntryOf('/r/services/web/src/dev-idp/main.ts')).toBe('/r/services/web/dist/dev-idp.js');
  });
});

describe('isStale', () => {
  let root = '';
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  const write = (path: string, secondsAgo: number) => {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), '');
    const at = new Date(Date.now() - secondsAgo * 1000);
    utimesSync(join(root, path), at, at);
  };

  it('is stale without a build, fresh after one, stale again when a source or a shared package changes', () => {
    root = mkdtempSync(join(tmpdir(), 'resettle-build-'));
    write('services/passport/src/main.ts', 100);
    write('packages/platform/src/index.ts', 100);
    expect(isStale('passport', root)).toBe(true);
    write('services/passport/dist/main.js', 50);
    expect(isStale('passport', root)).toBe(false);
    write('services/passport/src/rules.unit.spec.ts', 10);
    expect(isStale('passport', root), 'a test file is not built').toBe(false);
    write('packages/platform/src/index.ts', 10);
    expect(isStale('passport', root)).toBe(true);
  });
});
