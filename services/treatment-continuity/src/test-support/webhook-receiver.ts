import { createServer, type Server } from 'node:http';

export interface ReceivedWebhook {
  headers: Record<string, string>;
  body: string;
}

export interface ReceiverBehaviour {
  /** Answer every request with this status (after the failures), e.g. 500 to fail for ever. */
  status?: number;
  /** Answer 302 with this Location (a redirect, never to be followed). */
  redirectTo?: string;
  /** Hold each request this long before answering (so requests sent side by side overlap). */
  holdMs?: number;
}

/**
 * Stands in for a provider's webhook endpoint (outside the system): records requests, fails the first `failures`
 * with 503, then answers 204 (or as `behaviour` says).
 */
export async function webhookReceiver(failures = 0, behaviour: ReceiverBehaviour = {}) {
  const received: ReceivedWebhook[] = [];
  let toFail = failures;
  const inFlight = { now: 0, most: 0 };
  const server: Server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => {
      body += chunk;
    });
    request.on('end', () => {
      received.push({ headers: request.headers as Record<string, string>, body });
      inFlight.most = Math.max(inFlight.most, ++inFlight.now);
      if (toFail-- > 0) response.statusCode = 503;
      else if (behaviour.redirectTo) {
        response.statusCode = 302;
        response.setHeader('location', behaviour.redirectTo);
      } else response.statusCode = behaviour.status ?? 204;
      setTimeout(() => {
        inFlight.now--;
        response.end();
      }, behaviour.holdMs ?? 0);
    });
  });
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    port,
    received,
    /** The most requests it has held at once. */
    mostAtOnce: () => inFlight.most,
    close: () => new Promise((done) => server.close(done)),
  };
}
