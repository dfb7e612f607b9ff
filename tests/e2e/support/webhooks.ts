import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Caller } from '@resettle/platform';
import { expect } from 'vitest';
import { PROVIDER } from '../../shared/people.js';
import type { RunningSystem } from './system.js';

export interface Delivery {
  headers: Record<string, string | string[] | undefined>;
  body: string;
  // biome-ignore lint/suspicious/noExplicitAny: the provider reads the envelope as JSON
  event: any;
}

/**
 * Stands in for a provider's own system (outside Resettle): records every webhook POST and answers 204 (or
 * `answering`).
 */
export class WebhookReceiver {
  readonly received: Delivery[] = [];
  /** The status it answers with: set a 5xx to play a provider whose system is down. */
  answering = 204;
  private readonly server: Server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => {
      body += chunk;
    });
    request.on('end', () => {
      this.received.push({ headers: request.headers, body, event: JSON.parse(body) });
      response.writeHead(this.answering).end();
    });
  });

  async listen(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/webhooks`;
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

const admin: Caller = { sub: 'e2e-admin', roles: ['admin'] };

/** Registers `webhookUrl` as Bristol Drug Project's webhook, as an admin would; returns its signing secret. */
export async function registerProviderWebhook(system: RunningSystem, webhookUrl: string): Promise<string> {
  const registered = await system.call('treatment-continuity', admin, 'PUT', `/api/providers/${PROVIDER}`, {
    name: 'Bristol Drug Project',
    webhookUrl,
  });
  expect(registered.status, JSON.stringify(registered.body)).toBe(200);
  return registered.body.webhookSecret;
}
