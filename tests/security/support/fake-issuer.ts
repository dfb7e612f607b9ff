import type { JsonWebKey } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** How the endpoint behaves: answers, answers 503, never answers, or cuts the connection. */
export type EndpointMode = 'serve' | 'fail' | 'hang' | 'drop';

/** Stands for an external identity provider: publishes its public keys at /.well-known/jwks.json. */
export class FakeIssuer {
  readonly published: JsonWebKey[] = [];
  mode: EndpointMode = 'serve';
  fetches = 0;
  private readonly server: Server = createServer((request, response) => this.answer(request, response));

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    const { port } = this.server.address() as AddressInfo;
    return `http://127.0.0.1:${port}/.well-known/jwks.json`;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }

  private answer(request: IncomingMessage, response: ServerResponse) {
    this.fetches += 1;
    if (request.url !== '/.well-known/jwks.json') return void response.writeHead(404).end();
    if (this.mode === 'hang') return;
    if (this.mode === 'drop') return void request.socket.destroy();
    const status = this.mode === 'fail' ? 503 : 200;
    const body = this.mode === 'fail' ? { error: 'unavailable' } : { keys: this.published };
    response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  }
}
