import { createSigner } from 'fast-jwt';
import type { Caller } from './http/auth.js';

/** The local issuer, for development and tests: signs what the services verify. */
export function localTokenIssuer(options: { secret: string; audience?: string; issuer?: string }) {
  const sign = createSigner({
    key: options.secret,
    algorithm: 'HS256',
    aud: options.audience ?? 'resettle',
    iss: options.issuer ?? 'resettle-local-issuer',
    expiresIn: 3_600_000,
  });
  return (caller: Caller): string => sign({ ...caller });
}
