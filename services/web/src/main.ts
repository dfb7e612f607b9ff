import { createLogger } from '@resettle/platform';
import closeWithGrace from 'close-with-grace';
import { buildWeb } from './app.js';
import { loadWebSettings } from './settings.js';

const settings = loadWebSettings();
const logger = createLogger('web', settings.LOG_LEVEL);
const app = await buildWeb(settings, logger);
const url = await app.listen({ port: settings.PORT, host: settings.HOST });
logger.info({ url }, 'web listening');
closeWithGrace({ delay: 10_000 }, async ({ err }) => {
  if (err) logger.error({ err }, 'shutting down after an error');
  await app.close();
});
