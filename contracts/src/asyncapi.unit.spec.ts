import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { asyncApiText, buildAsyncApiDocument } from './asyncapi.js';
import { EVENT_DEFINITIONS } from './catalog.js';

describe('the committed AsyncAPI document', () => {
  it('is the one the schemas generate (else run: pnpm --filter @resettle/contracts asyncapi)', () => {
    const committed = readFileSync(fileURLToPath(new URL('../asyncapi.json', import.meta.url)), 'utf8');
    expect(committed).toBe(asyncApiText());
  });

  it('describes every event on its topic, keyed by prison number', () => {
    const document = buildAsyncApiDocument();
    const messages = Object.values(document.components.messages).map((message) => message.name);
    expect(messages.sort()).toEqual(
      Object.values(EVENT_DEFINITIONS)
        .map((definition) => definition.type)
        .sort(),
    );
    expect(document.channels['release-scheduling-events-v1']?.address).toBe('resettle.release-scheduling.events.v1');
  });
});
