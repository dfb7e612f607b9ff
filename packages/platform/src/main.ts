import type { TProperties } from '@sinclair/typebox';
import closeWithGrace from 'close-with-grace';
import { type ServiceDefinition, startService } from './runtime.js';

/** Entry point for a service process: start, print where it listens, and shut down cleanly on a signal. */
export async function runServiceProcess<T extends TProperties>(definition: ServiceDefinition<T>): Promise<void> {
  const service = await startService(definition);
  service.context.logger.info({ url: service.url }, `${definition.name} listening`);
  closeWithGrace({ delay: 15_000 }, async ({ err, signal }) => {
    if (err) service.context.logger.error({ err }, 'shutting down after an error');
    else service.context.logger.info({ signal }, 'shutting down');
    await service.stop();
  });
}
