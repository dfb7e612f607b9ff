import { BlockList, isIP } from 'node:net';
import { type Violation, violation } from '@resettle/platform/rules';

/** Why an address may not receive a webhook; `public` when it may. */
export type AddressClass =
  | 'public'
  | 'loopback'
  | 'private'
  | 'link-local'
  | 'unique-local'
  | 'ipv4-mapped'
  | 'shared-cgnat'
  | 'multicast'
  | 'unspecified'
  | 'reserved'
  | 'not-an-address';

// Checked in order; the first match names the class. IPv4-mapped, NAT64 and 6to4 IPv6 addresses carry an IPv4
// address inside them (a way round a v4-only list), so they are refused whole.
const RANGES: Array<[Exclude<AddressClass, 'public' | 'not-an-address'>, string, number, 'ipv4' | 'ipv6']> = [
  ['unspecified', '0.0.0.0', 8, 'ipv4'],
  ['unspecified', '::', 128, 'ipv6'],
  ['loopback', '127.0.0.0', 8, 'ipv4'],
  ['loopback', '::1', 128, 'ipv6'],
  ['private', '10.0.0.0', 8, 'ipv4'],
  ['private', '172.16.0.0', 12, 'ipv4'],
  ['private', '192.168.0.0', 16, 'ipv4'],
  ['shared-cgnat', '100.64.0.0', 10, 'ipv4'],
  ['link-local', '169.254.0.0', 16, 'ipv4'],
  ['link-local', 'fe80::', 10, 'ipv6'],
  ['unique-local', 'fc00::', 7, 'ipv6'],
  ['ipv4-mapped', '::ffff:0:0', 96, 'ipv6'],
  ['ipv4-mapped', '::', 96, 'ipv6'], // IPv4-compatible (deprecated), ::a.b.c.d
  ['ipv4-mapped', '64:ff9b::', 96, 'ipv6'], // NAT64
  ['ipv4-mapped', '64:ff9b:1::', 48, 'ipv6'], // local-use NAT64
  ['ipv4-mapped', '2002::', 16, 'ipv6'], // 6to4
  ['multicast', '224.0.0.0', 4, 'ipv4'],
  ['multicast', 'ff00::', 8, 'ipv6'],
  ['reserved', '192.0.0.0', 24, 'ipv4'], // IETF protocol assignments
  ['reserved', '192.0.2.0', 24, 'ipv4'], // documentation
  ['reserved', '198.18.0.0', 15, 'ipv4'], // benchmarking
  ['reserved', '198.51.100.0', 24, 'ipv4'],
  ['reserved', '203.0.113.0', 24, 'ipv4'],
  ['reserved', '240.0.0.0', 4, 'ipv4'], // future use and 255.255.255.255 broadcast
  ['reserved', '100::', 64, 'ipv6'], // discard-only
  ['reserved', '2001:db8::', 32, 'ipv6'], // documentation
  ['reserved', 'fec0::', 10, 'ipv6'], // site-local (deprecated)
];

const LISTS = RANGES.map(([kind, network, prefix, family]) => {
  const list = new BlockList();
  list.addSubnet(network, prefix, family);
  return { kind, family, list };
});

/** The class of an IP address literal (`203.0.113.9`, `2001:db8::1`, no brackets). */
export function classifyAddress(address: string): AddressClass {
  const family = isIP(address);
  if (family === 0) return 'not-an-address';
  const type = family === 4 ? 'ipv4' : 'ipv6';
  // BlockList.check answers for the other family too (an IPv4 rule matches its IPv4-mapped form), so a v4 address
  // is only checked against v4 rules and a v6 one against v6 rules: the first rule of its own family wins.
  return LISTS.find((entry) => entry.family === type && entry.list.check(address, type))?.kind ?? 'public';
}

export interface AddressPolicy {
  /** Development only: a receiver on this machine (127.0.0.0/8, ::1, `localhost`) may be used, over plain http. */
  allowLoopback: boolean;
}

/** Whether a webhook may be sent to this address under the policy. */
export function mayReceive(address: string, policy: AddressPolicy): boolean {
  const kind = classifyAddress(address);
  return kind === 'public' || (kind === 'loopback' && policy.allowLoopback);
}

const LOOPBACK_NAMES = new Set(['localhost', 'localhost.']);

/** The host of a URL without IPv6 brackets. */
export function hostOf(url: URL): string {
  return url.hostname.replace(/^\[(.*)\]$/, '$1');
}

function isLoopbackHost(host: string): boolean {
  return LOOPBACK_NAMES.has(host.toLowerCase()) || classifyAddress(host) === 'loopback';
}

/**
 * The rules a webhook URL must meet when it is registered: https (plain http only to this machine, in development),
 * no user name or password in it, and a host that is not an internal address. A host name is checked again, resolved,
 * at every send (DNS can change); only literal addresses and `localhost` can be judged here.
 */
export function checkWebhookUrl(raw: string, policy: AddressPolicy): Violation[] {
  const field = 'webhookUrl';
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return [violation('WEBHOOK_URL_INVALID', field, 'The webhook URL is not a valid absolute URL.')];
  }
  const host = hostOf(url);
  const loopback = isLoopbackHost(host);
  if (url.username || url.password) {
    return [violation('WEBHOOK_URL_CREDENTIALS', field, 'The webhook URL must not carry a user name or password.')];
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback && policy.allowLoopback)) {
    return [violation('WEBHOOK_URL_NOT_HTTPS', field, 'The webhook URL must use https.')];
  }
  if (loopback && !policy.allowLoopback) {
    return [violation('WEBHOOK_URL_INTERNAL', field, 'The webhook URL points at this machine (loopback).')];
  }
  const kind = classifyAddress(host);
  if (kind !== 'not-an-address' && !mayReceive(host, policy)) {
    return [violation('WEBHOOK_URL_INTERNAL', field, `The webhook URL points at an internal address (${kind}).`)];
  }
  return [];
}
