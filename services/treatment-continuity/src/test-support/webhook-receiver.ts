import { createServer, type Server } from 'node:http';

export interface ReceivedWebhook {
  headers: Record<string, string>;
  body: string;
}

/** Stands in for a provider's webhook endpoint (outside the system): records requests, fails the first `failures`. */
export async function webhookReceiver(failures = 0) {
  const received: ReceivedWebhook[] = [];
  let toFail = failures;
  const server: Server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => {
      body += chunk;
    });
    request.on('end', () => {
      received.push({ headers: request.headers as Record<string, string>, body });
      response.statusCode = toFail-- > 0 ? 503 : 204;
      response.end();
    });
  });
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { url: `http://127.0.0.1:${port}/hooks`, received, close: () => new Promise((done) => server.close(done)) };
}
