import { lookup } from 'node:dns/promises';
import { request as httpRequest, type IncomingMessage, type RequestOptions } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import type { WebhookFailure } from '@resettle/contracts';
import {
  type AddressPolicy,
  checkWebhookUrl,
  classifyAddress,
  hostOf,
  mayReceive,
  signWebhook,
} from '../domain/index.js';

export interface WebhookOutcome {
  statusCode: number | null;
  /** Why it did not count (null when delivered), and its technical detail. */
  failure: WebhookFailure | null;
  error: string | null;
}

export interface ResolvedAddress {
  address: string;
  family: number;
}

/** Every address a host name resolves to (the system resolver unless a test stands in for DNS). */
export type Resolve = (host: string) => Promise<ResolvedAddress[]>;
const systemResolve: Resolve = (host) => lookup(host, { all: true, verbatim: true });

export const WEBHOOK_TIMEOUT_MS = 10_000;

export interface PostOptions {
  policy: AddressPolicy;
  /** Unix seconds of the send, signed into the message. */
  timestamp: number;
  resolve?: Resolve;
  timeoutMs?: number;
}

/**
 * POSTs one signed message (Standard Webhooks headers) to the provider's URL, checked again at send time: the URL's
 * rules, then every address its host resolves to (one internal address refuses the send), and the connection goes to
 * the address checked — the HTTP client never resolves the name again, so DNS rebinding cannot swap in an internal
 * address. Redirects are never followed: a 3xx is a failed attempt.
 */
export async function postWebhook(
  target: { url: string; secret: string },
  message: { id: string; body: string },
  options: PostOptions,
): Promise<WebhookOutcome> {
  const broken = checkWebhookUrl(target.url, options.policy);
  if (broken[0]) return refused('address-not-allowed', broken[0].message);
  const url = new URL(target.url);
  const host = hostOf(url);
  let addresses: ResolvedAddress[];
  try {
    addresses = isIP(host) ? [{ address: host, family: isIP(host) }] : await (options.resolve ?? systemResolve)(host);
  } catch (error) {
    return failed('unresolved', `could not resolve ${host}: ${codeOf(error)}`);
  }
  const internal = addresses.find(({ address }) => !mayReceive(address, options.policy));
  if (internal) {
    return refused(
      'internal-address',
      `${host} resolves to an internal address (${classifyAddress(internal.address)})`,
    );
  }
  const [pinned] = addresses;
  if (!pinned) return failed('unresolved', `could not resolve ${host}: no address`);

  const timestamp = String(options.timestamp);
  const requestOptions: RequestOptions = {
    method: 'POST',
    agent: false,
    lookup: pinnedTo(pinned),
    signal: AbortSignal.timeout(options.timeoutMs ?? WEBHOOK_TIMEOUT_MS),
    headers: {
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(message.body),
      'webhook-id': message.id,
      'webhook-timestamp': timestamp,
      'webhook-signature': signWebhook(target.secret, message.id, timestamp, message.body),
    },
  };
  try {
    const response = await send(url, requestOptions, message.body);
    const statusCode = response.statusCode ?? 0;
    response.resume();
    if (statusCode >= 200 && statusCode < 300) return { statusCode, failure: null, error: null };
    if (statusCode >= 300 && statusCode < 400) {
      return { statusCode, failure: 'redirect', error: `HTTP ${statusCode}: redirects are not followed` };
    }
    return { statusCode, failure: 'error-status', error: `HTTP ${statusCode}` };
  } catch (error) {
    return failed(isTimeout(error) ? 'timed-out' : 'unreachable', codeOf(error));
  }
}

/** An attempt that got no answer from her system. */
export function failed(failure: WebhookFailure, error: string): WebhookOutcome {
  return { statusCode: null, failure, error };
}

function refused(failure: WebhookFailure, reason: string): WebhookOutcome {
  return failed(failure, `not sent: ${reason}`);
}

/** Answers every lookup with the address already checked (both the single and the `all` form Node may ask for). */
function pinnedTo(pinned: ResolvedAddress): LookupFunction {
  return (_hostname, options, callback) => {
    if (options.all) callback(null, [pinned]);
    else callback(null, pinned.address, pinned.family);
  };
}

function send(url: URL, options: RequestOptions, body: string): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    const request = (url.protocol === 'https:' ? httpsRequest : httpRequest)(url, options, resolve);
    request.on('error', reject);
    request.end(body);
  });
}

/** The send was aborted by its timeout. */
function isTimeout(error: unknown): boolean {
  const name = error && typeof error === 'object' ? (error as { name?: unknown }).name : undefined;
  return name === 'AbortError' || name === 'TimeoutError';
}

/** A network error by its code or name (its message may quote the address); never the body. */
function codeOf(error: unknown): string {
  if (isTimeout(error)) return 'timed out';
  if (error && typeof error === 'object') {
    const { code, name } = error as { code?: unknown; name?: unknown };
    if (typeof code === 'string') return code;
    if (typeof name === 'string') return name;
  }
  return 'failed';
}
