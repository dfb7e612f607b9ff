import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort, type ServiceProcess, spawnService, stopProcess, waitUntilReady } from '@resettle/infra';
import type { FastifyInstance } from 'fastify';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { RunningSystem } from '../../../../tests/e2e/support/system.js';
import { buildDevIdp } from '../dev-idp/provider.js';

const CLIENT_ID = 'resettle-web';
const WEB_ENTRY = fileURLToPath(new URL('../main.ts', import.meta.url));
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Everything as `pnpm start` runs it: the five services as processes on the run's broker, trusting the development
 * identity provider's keys through JWT_JWKS_URL, and the web service as its own process signing in through it.
 */
export class RunningWeb {
  private constructor(
    readonly system: RunningSystem,
    readonly idp: FastifyInstance,
    readonly web: ServiceProcess,
  ) {}

  get url(): string {
    return this.web.url;
  }

  /** `env` goes to the five services (e.g. shorter webhook retries). */
  static async start(
    options: { accessTokenSeconds?: () => number; env?: Record<string, string> } = {},
  ): Promise<RunningWeb> {
    const idpPort = await freePort();
    const webPort = await freePort();
    const issuer = `http://127.0.0.1:${idpPort}`;
    const webBaseUrl = `http://127.0.0.1:${webPort}`;
    const secret = randomBytes(24).toString('hex');
    const idp = await buildDevIdp({
      issuer,
      clients: [
        {
          clientId: CLIENT_ID,
          clientSecret: secret,
          redirectUris: [`${webBaseUrl}/auth/callback`],
          postLogoutRedirectUris: [`${webBaseUrl}/signed-out`],
        },
      ],
      accessTokenSeconds: options.accessTokenSeconds ?? 3600,
    });
    await idp.listen({ port: idpPort, host: '127.0.0.1' });
    const system = await RunningSystem.start({
      env: { ...options.env, JWT_JWKS_URL: `${issuer}/jwks`, JWT_JWKS_ISSUER: issuer },
    });
    const web = spawnService(
      { name: 'web', port: webPort, database: '', entry: WEB_ENTRY },
      {
        WEB_BASE_URL: webBaseUrl,
        OIDC_ISSUER: issuer,
        OIDC_CLIENT_ID: CLIENT_ID,
        OIDC_CLIENT_SECRET: secret,
        SESSION_SECRET: randomBytes(32).toString('hex'),
        RELEASE_SCHEDULING_URL: system.url('release-scheduling'),
        TREATMENT_CONTINUITY_URL: system.url('treatment-continuity'),
        ACCOMMODATION_URL: system.url('accommodation'),
        TRANSPORT_URL: system.url('transport'),
        PASSPORT_URL: system.url('passport'),
        LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'warn',
      },
    );
    await waitUntilReady(web, Number(process.env.E2E_START_TIMEOUT_MS ?? 60_000));
    return new RunningWeb(system, idp, web);
  }

  async stop(): Promise<void> {
    if (this.web.child.pid && this.web.child.exitCode === null) await stopProcess(this.web.child.pid, 10_000);
    await this.system.stop();
    await this.idp.close();
  }
}

/** A browser of one's own: its context, its one page, and the way to close it (and drop its profile). */
export interface OpenBrowser {
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
}

/** Debian's Chromium with a fresh profile: nothing downloaded, nothing shared between users. */
export async function openBrowser(options: { javaScript?: boolean } = {}): Promise<OpenBrowser> {
  const profile = await mkdtemp(join(tmpdir(), 'resettle-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
    headless: true,
    viewport: { width: 1280, height: 900 },
    javaScriptEnabled: options.javaScript ?? true,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  // A missing element fails the test with its locator within 20 s, not at the test's own (longer) timeout.
  context.setDefaultTimeout(20_000);
  return {
    context,
    page,
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/** Signs in through the development identity provider as the user with this name. */
export async function signIn(page: Page, webUrl: string, name: string, path = '/'): Promise<void> {
  await page.goto(`${webUrl}${path}`);
  await page.getByLabel(new RegExp(`^${name} —`)).check();
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => url.href.startsWith(webUrl) && !url.pathname.startsWith('/auth/'));
}

/** Runs `journey` in a fresh browser, signed in as `name` at a path (and JavaScript off if asked); always closes it. */
export async function asSignedIn<T>(
  web: { url: string },
  name: string,
  at: string | { path: string; javaScript: boolean },
  journey: (page: Page, browser: OpenBrowser) => Promise<T>,
): Promise<T> {
  const { path, javaScript } = typeof at === 'string' ? { path: at, javaScript: true } : at;
  const browser = await openBrowser({ javaScript });
  try {
    await signIn(browser.page, web.url, name, path);
    return await journey(browser.page, browser);
  } finally {
    await browser.close();
  }
}
