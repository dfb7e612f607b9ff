import { describe, expect, it } from 'vitest';
import { checkWebhookUrl, classifyAddress, mayReceive } from './webhook-address.js';

const production = { allowLoopback: false };
const development = { allowLoopback: true };
const rules = (url: string, policy = production) => checkWebhookUrl(url, policy).map((broken) => broken.rule);

describe('classifying a webhook address', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.255.0.9', 'loopback'],
    ['::1', 'loopback'],
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.1', 'private'],
    ['169.254.169.254', 'link-local'],
    ['fe80::1', 'link-local'],
    ['fc00::1', 'unique-local'],
    ['fd12:3456::1', 'unique-local'],
    ['::ffff:127.0.0.1', 'ipv4-mapped'],
    ['::ffff:10.0.0.1', 'ipv4-mapped'],
    ['::ffff:a00:1', 'ipv4-mapped'],
    ['::ffff:8.8.8.8', 'ipv4-mapped'],
    ['64:ff9b::a00:1', 'ipv4-mapped'],
    ['2002:a00:1::1', 'ipv4-mapped'],
    ['100.64.0.1', 'shared-cgnat'],
    ['100.127.255.254', 'shared-cgnat'],
    ['224.0.0.1', 'multicast'],
    ['239.255.255.250', 'multicast'],
    ['ff02::1', 'multicast'],
    ['0.0.0.0', 'unspecified'],
    ['::', 'unspecified'],
    ['255.255.255.255', 'reserved'],
    ['192.0.2.10', 'reserved'],
    ['2001:db8::1', 'reserved'],
  ])('%s is %s', (address, kind) => {
    expect(classifyAddress(address)).toBe(kind);
    expect(mayReceive(address, production)).toBe(false);
  });

  it.each([
    '8.8.8.8',
    '172.15.255.255',
    '172.32.0.1',
    '100.63.255.255',
    '100.128.0.1',
    '192.169.0.1',
    '2a00:1450:4009:81f::200e',
  ])('%s is public', (address) => {
    expect(classifyAddress(address)).toBe('public');
    expect(mayReceive(address, production)).toBe(true);
  });

  it('lets loopback receive only in development, and nothing else internal even then', () => {
    expect(mayReceive('127.0.0.1', development)).toBe(true);
    expect(mayReceive('::1', development)).toBe(true);
    expect(mayReceive('10.0.0.1', development)).toBe(false);
    expect(mayReceive('::ffff:127.0.0.1', development)).toBe(false);
  });

  it('names a host name as not an address (it is resolved and checked at send time)', () => {
    expect(classifyAddress('provider.example')).toBe('not-an-address');
  });
});

describe('a webhook URL at registration', () => {
  it('accepts https to a host name or a public address', () => {
    expect(rules('https://hooks.provider.example/resettle')).toEqual([]);
    expect(rules('https://8.8.8.8:8443/hooks')).toEqual([]);
    expect(rules('https://[2a00:1450:4009:81f::200e]/hooks')).toEqual([]);
  });

  it('refuses plain http, other schemes and credentials in the URL', () => {
    expect(rules('http://hooks.provider.example/resettle')).toEqual(['WEBHOOK_URL_NOT_HTTPS']);
    expect(rules('http://hooks.provider.example/resettle', development)).toEqual(['WEBHOOK_URL_NOT_HTTPS']);
    expect(rules('ftp://hooks.provider.example/')).toEqual(['WEBHOOK_URL_NOT_HTTPS']);
    expect(rules('https://user:pass@hooks.provider.example/')).toEqual(['WEBHOOK_URL_CREDENTIALS']);
    expect(rules('not a url')).toEqual(['WEBHOOK_URL_INVALID']);
  });

  it('refuses internal addresses whatever the scheme', () => {
    for (const url of [
      'https://127.0.0.1/hooks',
      'https://localhost/hooks',
      'https://10.0.0.5/hooks',
      'https://169.254.169.254/latest/meta-data',
      'https://[::1]/hooks',
      'https://[fd00::1]/hooks',
      'https://[::ffff:10.0.0.1]/hooks',
      'https://100.64.1.1/hooks',
      'https://0.0.0.0/hooks',
      'https://[ff02::1]/hooks',
    ]) {
      expect(rules(url), url).toEqual(['WEBHOOK_URL_INTERNAL']);
    }
  });

  it('allows http to loopback only with the development setting', () => {
    expect(rules('http://127.0.0.1:4000/hooks')).toEqual(['WEBHOOK_URL_NOT_HTTPS']);
    expect(rules('http://127.0.0.1:4000/hooks', development)).toEqual([]);
    expect(rules('http://localhost:4000/hooks', development)).toEqual([]);
    expect(rules('http://[::1]:4000/hooks', development)).toEqual([]);
    expect(rules('http://10.0.0.5/hooks', development)).toEqual(['WEBHOOK_URL_NOT_HTTPS']);
    expect(rules('https://10.0.0.5/hooks', development)).toEqual(['WEBHOOK_URL_INTERNAL']);
  });
});
