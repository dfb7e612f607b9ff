import { describe, expect, it } from 'vitest';
import { verifyWebhook, webhookSecretFrom } from '../domain/index.js';
import { webhookReceiver } from '../test-support/webhook-receiver.js';
import { postWebhook, type Resolve } from './webhook-post.js';

const secret = webhookSecretFrom(Buffer.alloc(32, 3));
const message = { id: 'b1c4f7e2-0d8a-4f55-9a7e-3c2b1a0f9e8d', body: '{"type":"treatment.handoff.sent"}' };
const timestamp = () => Math.floor(Date.now() / 1000);
const development = { allowLoopback: true };
const production = { allowLoopback: false };

/** DNS as a test says it is: the name resolves to these addresses; counts the lookups. */
function dns(...addresses: string[]) {
  const lookups: string[] = [];
  const resolve: Resolve = async (host) => {
    lookups.push(host);
    return addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
  };
  return { resolve, lookups };
}

// A real POST to a fake provider on 127.0.0.1; DNS is the test's (no network name resolves to the fake).
describe('sending a webhook', () => {
  it('connects to the address it checked, resolving the name once, with Standard Webhooks headers', async () => {
    const receiver = await webhookReceiver(); // listens on 127.0.0.1 only
    try {
      const url = `http://localhost:${receiver.port}/hooks`;
      // The check resolved localhost to 127.0.0.2, where nothing listens: the connection goes there (refused), not to
      // wherever the system resolver would send it.
      const elsewhere = dns('127.0.0.2');
      const refused = await postWebhook({ url, secret }, message, {
        policy: development,
        timestamp: timestamp(),
        resolve: elsewhere.resolve,
      });
      expect(refused).toEqual({ statusCode: null, failure: 'unreachable', error: 'ECONNREFUSED' });
      expect(receiver.received).toEqual([]);

      const { resolve, lookups } = dns('127.0.0.1');
      const outcome = await postWebhook({ url, secret }, message, {
        policy: development,
        timestamp: timestamp(),
        resolve,
      });
      expect(outcome).toEqual({ statusCode: 204, failure: null, error: null });
      expect(lookups).toEqual(['localhost']);
      const [received] = receiver.received;
      expect(received!.headers.host).toBe(`localhost:${receiver.port}`);
      const headers = {
        id: received!.headers['webhook-id'],
        timestamp: received!.headers['webhook-timestamp'],
        signature: received!.headers['webhook-signature'],
      };
      expect(headers.id).toBe(message.id);
      expect(verifyWebhook(secret, headers, received!.body, new Date().toISOString())).toEqual([]);
    } finally {
      await receiver.close();
    }
  });

  it('refuses at send time a name that now resolves to an internal address (DNS rebinding), sending nothing', async () => {
    const receiver = await webhookReceiver();
    try {
      for (const addresses of [['127.0.0.1'], ['10.0.0.7'], ['8.8.8.8', '169.254.169.254'], ['::ffff:127.0.0.1']]) {
        const { resolve } = dns(...addresses);
        const outcome = await postWebhook({ url: `https://provider.invalid:${receiver.port}/hooks`, secret }, message, {
          policy: production,
          timestamp: timestamp(),
          resolve,
        });
        expect(outcome.statusCode, addresses.join()).toBeNull();
        expect(outcome.failure, addresses.join()).toBe('internal-address');
        expect(outcome.error, addresses.join()).toMatch(/^not sent: provider\.invalid resolves to an internal address/);
      }
      expect(receiver.received).toEqual([]);
    } finally {
      await receiver.close();
    }
  });

  it('refuses a URL the registration rules now refuse (http, or loopback outside development)', async () => {
    const receiver = await webhookReceiver();
    try {
      const outcome = await postWebhook({ url: receiver.url, secret }, message, {
        policy: production,
        timestamp: timestamp(),
      });
      expect(outcome).toEqual({
        statusCode: null,
        failure: 'address-not-allowed',
        error: 'not sent: The webhook URL must use https.',
      });
      expect(receiver.received).toEqual([]);
    } finally {
      await receiver.close();
    }
  });

  it('never follows a redirect: the internal address it points to receives nothing', async () => {
    const internal = await webhookReceiver();
    const redirecting = await webhookReceiver(0, { redirectTo: `${internal.url}/admin` });
    try {
      const outcome = await postWebhook({ url: redirecting.url, secret }, message, {
        policy: development,
        timestamp: timestamp(),
      });
      expect(outcome).toEqual({ statusCode: 302, failure: 'redirect', error: 'HTTP 302: redirects are not followed' });
      expect(redirecting.received).toHaveLength(1);
      expect(internal.received).toEqual([]);
    } finally {
      await Promise.all([internal.close(), redirecting.close()]);
    }
  });

  it('names why an attempt did not count: an error status, no answer in time, a name that does not resolve', async () => {
    const failing = await webhookReceiver(1);
    const slow = await webhookReceiver(0, { holdMs: 500 });
    try {
      const options = { policy: development, timestamp: timestamp() };
      expect(await postWebhook({ url: failing.url, secret }, message, options)).toEqual({
        statusCode: 503,
        failure: 'error-status',
        error: 'HTTP 503',
      });
      expect(await postWebhook({ url: slow.url, secret }, message, { ...options, timeoutMs: 100 })).toEqual({
        statusCode: null,
        failure: 'timed-out',
        error: 'timed out',
      });
      const nowhere: Resolve = async () => {
        throw Object.assign(new Error('getaddrinfo ENOTFOUND provider.invalid'), { code: 'ENOTFOUND' });
      };
      const url = `https://provider.invalid:${failing.port}/hooks`;
      expect(await postWebhook({ url, secret }, message, { ...options, resolve: nowhere })).toEqual({
        statusCode: null,
        failure: 'unresolved',
        error: 'could not resolve provider.invalid: ENOTFOUND',
      });
    } finally {
      await Promise.all([failing.close(), slow.close()]);
    }
  });
});
