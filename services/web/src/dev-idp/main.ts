// The development identity provider as its own process (`pnpm start` runs it beside the web service).
import { createLogger } from '@resettle/platform';
import closeWithGrace from 'close-with-grace';
import { buildDevIdp } from './provider.js';

const port = Number(process.env.PORT ?? 3010);
const host = process.env.HOST ?? '127.0.0.1';
const webBaseUrl = process.env.WEB_BASE_URL ?? 'http://127.0.0.1:3000';
const logger = createLogger('dev-idp', process.env.LOG_LEVEL ?? 'info');
const idp = await buildDevIdp({
  issuer: process.env.DEV_IDP_ISSUER ?? `http://${host}:${port}`,
  clients: [
    {
      clientId: process.env.OIDC_CLIENT_ID ?? 'resettle-web',
      clientSecret: process.env.OIDC_CLIENT_SECRET ?? 'resettle-web-development-secret',
      redirectUris: [`${webBaseUrl}/auth/callback`],
      postLogoutRedirectUris: [`${webBaseUrl}/signed-out`],
    },
  ],
  accessTokenSeconds: Number(process.env.DEV_IDP_TOKEN_SECONDS ?? 3600),
  logger,
});
await idp.listen({ port, host });
closeWithGrace({ delay: 5_000 }, async () => {
  await idp.close();
});
