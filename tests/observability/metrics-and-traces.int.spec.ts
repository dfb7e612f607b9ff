import { InMemorySpanExporter } from '@opentelemetry/sdk-trace';
import type { Caller } from '@resettle/platform';
import { startTestService, type TestService } from '@resettle/platform/testing';
import { eventually, uniqueTopicPrefix } from '@resettle/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { passport } from '../../services/passport/src/app.js';
import { releaseScheduling } from '../../services/release-scheduling/src/app.js';

const planner: Caller = { sub: 'planner-1', roles: ['release-planner'], prison: 'DWI' };
const clock = () => new Date('2026-11-02T10:00:00Z');
const spans = new InMemorySpanExporter();

function releaseFor(personId: string) {
  return {
    personId,
    prisonCode: 'DWI',
    probationRegion: 'London',
    legalReleaseDate: '2026-11-18',
    gateTime: '09:30',
    releaseFrom: 'PRISON',
    eligibility: {
      homeDetentionCurfew: false,
      indeterminateSentence: false,
      paroleBoardRelease: false,
      daysServedSinceSentence: 120,
    },
    sentenceLengthDays: 180,
  };
}

/** One figure from a Prometheus text page, e.g. `resettle_passports{prison="DWI",state="incomplete"}`. */
async function figure(service: TestService, name: string, labels: Record<string, string> = {}): Promise<number> {
  const page = await (await fetch(`${service.url}/metrics`)).text();
  const wanted = Object.entries(labels).map(([label, value]) => `${label}="${value}"`);
  const line = page.split('\n').find((row) => row.startsWith(`${name}{`) && wanted.every((pair) => row.includes(pair)));
  return line ? Number(line.slice(line.lastIndexOf(' ') + 1)) : Number.NaN;
}

describe('what an operator sees', () => {
  let scheduling: TestService;
  let passports: TestService;

  beforeAll(async () => {
    const topicPrefix = uniqueTopicPrefix('observability');
    const options = { topicPrefix, clock, spanExporter: spans, env: { RISK_SWEEP_SECONDS: '0' } };
    scheduling = await startTestService(releaseScheduling, options);
    passports = await startTestService(passport, options);
  });
  afterAll(async () => {
    await passports?.close();
    await scheduling?.close();
  });

  it('finds the outbox, consumer and passport figures on /metrics changing as events flow', async () => {
    const before = await figure(passports, 'resettle_consumer_events', { outcome: 'applied' });
    expect(await figure(passports, 'resettle_passports', { prison: 'DWI', state: 'incomplete' })).toBeNaN();
    for (const personId of ['M1001AA', 'M1002AA']) {
      expect((await scheduling.call(planner, 'POST', '/api/releases', releaseFor(personId))).status).toBe(201);
    }
    await eventually(async () => {
      expect(await figure(passports, 'resettle_passports', { prison: 'DWI', state: 'incomplete' })).toBe(2);
    });
    // Each booking is two events for the passport: release.scheduled and release-scheduling's verdict on it.
    await eventually(async () => {
      expect(await figure(passports, 'resettle_consumer_events', { outcome: 'applied' })).toBe(before + 4);
    });
    await eventually(async () => expect(await figure(passports, 'resettle_consumer_lag')).toBe(0));
    // The relay counts a batch once its update is answered, which may be after the passport has read the events.
    await eventually(async () =>
      expect(await figure(scheduling, 'resettle_outbox_published')).toBeGreaterThanOrEqual(4),
    );
    await eventually(async () => expect(await figure(scheduling, 'resettle_outbox_pending')).toBe(0));
    expect(await figure(scheduling, 'http_request_duration_seconds_count', { route: '/api/releases' })).toBe(2);
  });

  it("follows one request's trace from the planner's HTTP span into the passport's consumer span", async () => {
    spans.reset();
    const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
    const response = await fetch(`${scheduling.url}/api/releases`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${scheduling.tokenFor(planner)}`,
        'content-type': 'application/json',
        traceparent: `00-${traceId}-00f067aa0ba902b7-01`,
      },
      body: JSON.stringify(releaseFor('M1003AA')),
    });
    expect(response.status).toBe(201);
    await eventually(() => {
      const names = spans.getFinishedSpans().map((span) => span.name);
      expect(names).toContain('POST /api/releases');
      expect(names.some((name) => name.startsWith('fold '))).toBe(true);
    });
    const finished = spans.getFinishedSpans();
    const request = finished.find((span) => span.name === 'POST /api/releases')!;
    const consumed = finished.find((span) => span.name.startsWith('fold '))!;
    expect(request.spanContext().traceId).toBe(traceId);
    expect(consumed.spanContext().traceId).toBe(traceId);
    expect(consumed.parentSpanContext?.spanId).toBe(request.spanContext().spanId);
  });
});
