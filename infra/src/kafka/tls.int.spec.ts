import { once } from 'node:events';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect, createServer, type Server } from 'node:tls';
import { afterAll, describe, expect, it } from 'vitest';
import { ensureBrokerCertificates } from './tls.js';

// openssl only, no broker: the keystore serves TLS on 127.0.0.1 as the broker would.
describe('a local broker’s throwaway certificates', () => {
  const dir = mkdtempSync(join(tmpdir(), 'broker-tls-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('are a CA and a keystore for 127.0.0.1 that clients trusting that CA (and only it) accept', async () => {
    const made = ensureBrokerCertificates(join(dir, 'broker'));
    expect(existsSync(join(dir, 'broker', 'ca.key'))).toBe(false); // nothing else can ever be signed with it
    const other = ensureBrokerCertificates(join(dir, 'other'));
    const server = createServer({ pfx: readFileSync(made.keystoreFile), passphrase: made.keystorePassword }, (socket) =>
      socket.end(),
    );
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    try {
      expect(await handshake(server, made.caFile)).toBe('trusted');
      expect(await handshake(server, other.caFile)).toMatch(/unable to verify/);
    } finally {
      server.close();
    }
  });

  it('are kept while valid, so a restarted broker keeps the CA its clients trust', () => {
    const first = ensureBrokerCertificates(join(dir, 'kept'));
    const again = ensureBrokerCertificates(join(dir, 'kept'));
    expect(again).toEqual(first);
    expect(readFileSync(again.caFile, 'utf8')).toContain('BEGIN CERTIFICATE');
  });
});

function handshake(server: Server, caFile: string): Promise<string> {
  const { port } = server.address() as AddressInfo;
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port, ca: readFileSync(caFile) }, () => {
      socket.destroy();
      resolve('trusted');
    });
    socket.once('error', (error) => resolve(error.message));
  });
}
