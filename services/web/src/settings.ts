import { type Static, Type } from '@sinclair/typebox';
import { envSchema } from 'env-schema';

const Url = (description: string, fallback?: string) =>
  Type.String({ pattern: '^https?://[^/\\s]+(/[^\\s]*)?$', description, ...(fallback && { default: fallback }) });

export const WebSettings = Type.Object({
  HOST: Type.String({ default: '127.0.0.1' }),
  PORT: Type.Integer({ minimum: 0, maximum: 65_535, default: 3000 }),
  WEB_BASE_URL: Url(
    'where staff reach this service; the sign-in callback is WEB_BASE_URL/auth/callback',
    'http://127.0.0.1:3000',
  ),
  OIDC_ISSUER: Url('the OpenID Connect issuer (its discovery document is ISSUER/.well-known/openid-configuration)'),
  OIDC_CLIENT_ID: Type.String({ minLength: 1 }),
  OIDC_CLIENT_SECRET: Type.String({ minLength: 1 }),
  SESSION_SECRET: Type.String({ minLength: 32, description: 'encrypts the session cookie (≥ 32 characters)' }),
  SESSION_HOURS: Type.Number({ minimum: 0.01, default: 12, description: 'longest a signed-in session lasts' }),
  RELEASE_SCHEDULING_URL: Url('release-scheduling API', 'http://127.0.0.1:3001'),
  TREATMENT_CONTINUITY_URL: Url('treatment-continuity API', 'http://127.0.0.1:3002'),
  ACCOMMODATION_URL: Url('accommodation API', 'http://127.0.0.1:3003'),
  TRANSPORT_URL: Url('transport API', 'http://127.0.0.1:3004'),
  PASSPORT_URL: Url('passport API', 'http://127.0.0.1:3005'),
  API_TIMEOUT_MS: Type.Integer({ minimum: 100, default: 10_000 }),
  LOG_LEVEL: Type.Union(
    ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].map((level) => Type.Literal(level)),
    { default: 'info' },
  ),
});
export type WebSettings = Static<typeof WebSettings>;

/** Reads and validates the environment; a missing or malformed setting stops the web service naming it. */
export function loadWebSettings(env: NodeJS.ProcessEnv = process.env): WebSettings {
  const settings = envSchema({ schema: WebSettings, data: env, dotenv: false }) as WebSettings;
  return { ...settings, WEB_BASE_URL: settings.WEB_BASE_URL.replace(/\/+$/, '') };
}
