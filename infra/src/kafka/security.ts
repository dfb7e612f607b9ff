import { join } from 'node:path';
import type { BrokerSecurity, ScramUser } from './broker.js';

/** SASL_SSL and ACLs on the brokers we run: the users to create (one per service; `admin` is added). */
export interface WantedSecurity {
  users: string[];
  /** Also a PLAINTEXT listener whose clients are all super users (the test run's shared broker only). */
  openListener?: boolean;
}

/** How clients reach brokers we run with SASL_SSL and ACLs. */
export interface ClientSecurity {
  /** The throwaway CA to trust (`KAFKA_TLS_CA_FILE`). */
  caFile: string;
  /** The super user that creates topics and ACLs. */
  admin: ScramUser;
  /** Every user, by name (admin included). */
  users: ScramUser[];
}

/** Whether a saved broker's users (and open listener) are the ones wanted now. */
export function securityFits(saved: BrokerSecurity | undefined, wanted: WantedSecurity | undefined): boolean {
  if (!saved || !wanted) return !saved && !wanted;
  const names = (users: string[]) => [...new Set(users)].sort().join(',');
  return (
    names(saved.users.map((user) => user.name)) === names(['admin', ...wanted.users]) &&
    (saved.openPort !== undefined) === (wanted.openListener ?? false)
  );
}

/** What a client needs of a broker's security: its CA and the users' passwords. */
export function clientSecurity(security: BrokerSecurity): ClientSecurity {
  const admin = security.users.find((user) => user.name === 'admin');
  if (!admin) throw new Error('a secured local broker always has an admin user');
  return { caFile: join(security.certificatesDir, 'ca.pem'), admin, users: security.users };
}

/** The settings (docs/security.md) that make a service reach a SASL_SSL broker as `user`, trusting `caFile`. */
export function secureKafkaEnv(user: ScramUser, caFile: string): Record<string, string> {
  return {
    KAFKA_SASL_MECHANISM: 'scram-sha-512',
    KAFKA_SASL_USERNAME: user.name,
    KAFKA_SASL_PASSWORD: user.password,
    KAFKA_TLS: 'true',
    KAFKA_TLS_CA_FILE: caFile,
  };
}
