import { Agent, request } from 'node:http';
import { personIdOf, UPCOMING_DATES } from './calendar.js';
import { REGIONS } from './journeys.js';
import { tokenFor } from './services.js';

const agent = new Agent({ keepAlive: true, maxSockets: 256 });
export const plannerToken = tokenFor({ sub: 'bench-planner', roles: ['release-planner'], prison: 'DWI' });

/** A release as a planner at Downview schedules it (cf. releases.int.spec.ts): person `n`, a date no rule moves. */
export function scheduleBody(n: number) {
  return {
    personId: personIdOf(n),
    prisonCode: 'DWI',
    probationRegion: REGIONS[n % REGIONS.length],
    legalReleaseDate: UPCOMING_DATES[n % UPCOMING_DATES.length],
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

export interface WriteReply {
  status: number;
  releaseId?: string;
  ms: number;
}

/** `POST /api/releases` over a keep-alive connection, with the correlation id the event will carry. */
export function postRelease(baseUrl: string, n: number, correlationId: string): Promise<WriteReply> {
  const body = JSON.stringify(scheduleBody(n));
  const started = performance.now();
  return new Promise((resolve) => {
    const req = request(
      `${baseUrl}/api/releases`,
      {
        method: 'POST',
        agent,
        headers: {
          authorization: `Bearer ${plannerToken}`,
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          'x-correlation-id': correlationId,
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          const status = response.statusCode ?? 0;
          let releaseId: string | undefined;
          if (status === 201) releaseId = (JSON.parse(Buffer.concat(chunks).toString()) as { id?: string }).id;
          resolve({ status, releaseId, ms: performance.now() - started });
        });
      },
    );
    req.on('error', () => resolve({ status: 0, ms: performance.now() - started }));
    req.setTimeout(30_000, () => req.destroy());
    req.end(body);
  });
}

/** N writes from `from`, `concurrency` at a time; returns the replies. */
export async function writeMany(baseUrl: string, from: number, count: number, concurrency: number) {
  const replies: WriteReply[] = [];
  let next = from;
  const worker = async () => {
    while (next < from + count) {
      const n = next++;
      replies.push(await postRelease(baseUrl, n, `bench-${n}`));
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return replies;
}
