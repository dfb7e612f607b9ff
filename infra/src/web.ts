// The web service and, unless a real issuer is configured, the development identity provider beside it.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { repoRoot } from './paths.js';
import type { ServiceSpec } from './services.js';

const WEB_ENTRY = join(repoRoot, 'services', 'web', 'src', 'main.ts');
const DEV_IDP_ENTRY = join(repoRoot, 'services', 'web', 'src', 'dev-idp', 'main.ts');
const DEV_CLIENT_ID = 'resettle-web';

export interface WebPlan {
  web: ServiceSpec;
  /** Absent when OIDC_ISSUER names a real issuer. */
  devIdp?: ServiceSpec;
  /** What the APIs need to trust the development identity provider's tokens. */
  apiTrust: Record<string, string>;
  webEnv: Record<string, string>;
  devIdpEnv: Record<string, string>;
}

/** How `pnpm start` runs the web service; undefined in a checkout without it. */
export function webPlan(apiUrls: Record<string, string>, devSecret: string, env = process.env): WebPlan | undefined {
  if (!existsSync(WEB_ENTRY)) return undefined;
  const webPort = Number(env.WEB_PORT ?? 3000);
  const webBaseUrl = env.WEB_BASE_URL ?? `http://127.0.0.1:${webPort}`;
  const devIdpPort = Number(env.DEV_IDP_PORT ?? 3010);
  const external = env.OIDC_ISSUER;
  const issuer = external ?? `http://127.0.0.1:${devIdpPort}`;
  // Derived from the per-checkout development key, so sessions survive a restart but differ between checkouts.
  const derived = (purpose: string) => createHash('sha256').update(`${purpose}:${devSecret}`).digest('hex');
  const clientSecret = env.OIDC_CLIENT_SECRET ?? derived('oidc-client');
  const clientId = env.OIDC_CLIENT_ID ?? DEV_CLIENT_ID;
  return {
    web: { name: 'web', port: webPort, database: '', entry: WEB_ENTRY },
    ...(!external && { devIdp: { name: 'dev-idp', port: devIdpPort, database: '', entry: DEV_IDP_ENTRY } }),
    apiTrust: external ? {} : { JWT_JWKS_URL: `${issuer}/jwks`, JWT_JWKS_ISSUER: issuer },
    webEnv: {
      WEB_BASE_URL: webBaseUrl,
      OIDC_ISSUER: issuer,
      OIDC_CLIENT_ID: clientId,
      OIDC_CLIENT_SECRET: clientSecret,
      SESSION_SECRET: env.SESSION_SECRET ?? derived('session'),
      ...apiUrls,
    },
    devIdpEnv: { WEB_BASE_URL: webBaseUrl, OIDC_CLIENT_ID: clientId, OIDC_CLIENT_SECRET: clientSecret },
  };
}

/** The development users, as the identity provider seeds them. */
export async function developmentUsers(): Promise<{ name: string; job: string; roles: string[] }[]> {
  const users = (await import(pathToFileURL(join(repoRoot, 'services', 'web', 'src', 'dev-idp', 'users.ts')).href)) as {
    DEV_USERS: { name: string; job: string; roles: string[] }[];
  };
  return users.DEV_USERS;
}
