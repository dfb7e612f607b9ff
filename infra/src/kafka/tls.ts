import { spawnSync } from 'node:child_process';
import { randomBytes, X509Certificate } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Where a local broker's throwaway certificates live (in its state folder, never committed). */
export interface BrokerCertificates {
  /** PEM: the throwaway CA clients trust (`KAFKA_TLS_CA_FILE`). */
  caFile: string;
  /** PKCS#12: the broker's key and its certificate for 127.0.0.1 and localhost, signed by the CA. */
  keystoreFile: string;
  keystorePassword: string;
}

const DAYS = 30;
const RENEW_BEFORE_MS = 24 * 60 * 60 * 1_000;

/**
 * The certificates in `dir`, made now if missing or expiring within a day: a CA made for this folder alone and a
 * broker certificate it signs. The CA's key is deleted once it has signed, so nothing else can ever be signed with it.
 */
export function ensureBrokerCertificates(dir: string): BrokerCertificates {
  const certificates = {
    caFile: join(dir, 'ca.pem'),
    keystoreFile: join(dir, 'broker.p12'),
    keystorePassword: '',
  };
  const passwordFile = join(dir, 'broker.p12.password');
  if (stillValid(certificates.caFile) && existsSync(certificates.keystoreFile) && existsSync(passwordFile))
    return { ...certificates, keystorePassword: readFileSync(passwordFile, 'utf8') };
  mkdirSync(dir, { recursive: true });
  const keystorePassword = randomBytes(18).toString('base64url');
  const file = (name: string) => join(dir, name);
  writeFileSync(
    file('broker.ext'),
    'basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature,keyEncipherment\n' +
      'extendedKeyUsage=serverAuth,clientAuth\nsubjectAltName=IP:127.0.0.1,DNS:localhost\n',
  );
  try {
    openssl(
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-subj',
      '/CN=Resettle local Kafka CA (throwaway)',
      '-days',
      String(DAYS),
      '-addext',
      'basicConstraints=critical,CA:TRUE',
      '-addext',
      'keyUsage=critical,keyCertSign,cRLSign',
      '-keyout',
      file('ca.key'),
      '-out',
      file('ca.pem'),
    );
    openssl(
      'req',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-subj',
      '/CN=127.0.0.1',
      '-keyout',
      file('broker.key'),
      '-out',
      file('broker.csr'),
    );
    openssl(
      'x509',
      '-req',
      '-in',
      file('broker.csr'),
      '-CA',
      file('ca.pem'),
      '-CAkey',
      file('ca.key'),
      '-CAcreateserial',
      '-days',
      String(DAYS),
      '-extfile',
      file('broker.ext'),
      '-out',
      file('broker.crt'),
    );
    openssl(
      'pkcs12',
      '-export',
      '-in',
      file('broker.crt'),
      '-inkey',
      file('broker.key'),
      '-name',
      'broker',
      '-passout',
      `pass:${keystorePassword}`,
      '-out',
      certificates.keystoreFile,
    );
    writeFileSync(passwordFile, keystorePassword, { mode: 0o600 });
  } finally {
    for (const name of ['ca.key', 'ca.srl', 'broker.key', 'broker.csr', 'broker.crt', 'broker.ext'])
      rmSync(file(name), { force: true });
  }
  return { ...certificates, keystorePassword };
}

function stillValid(pemFile: string): boolean {
  if (!existsSync(pemFile)) return false;
  const validTo = Date.parse(new X509Certificate(readFileSync(pemFile)).validTo);
  return validTo - Date.now() > RENEW_BEFORE_MS;
}

function openssl(...args: string[]): void {
  const result = spawnSync('openssl', args, { encoding: 'utf8' });
  if (result.error)
    throw new Error(`openssl is needed for the local broker's TLS certificates: ${result.error.message}`);
  if (result.status !== 0) throw new Error(`openssl ${args[0]} failed: ${result.stderr}`);
}
