import { startScript } from '../lib/child.js';
import type { LoadRequest, LoadSummary } from './reads-load.js';

/** autocannon in a separate process (forked once), so the load does not share a process with what it measures. */
export class LoadGenerator {
  private readonly runner = startScript('measures/reads-load.ts', { ipc: true });

  run(request: LoadRequest): Promise<LoadSummary> {
    const { child } = this.runner;
    return new Promise<LoadSummary>((resolve, reject) => {
      const exited = (code: number | null) => reject(new Error(`autocannon process exited with ${code}`));
      child.once('exit', exited);
      child.once('message', (message) => {
        child.off('exit', exited);
        resolve(message as LoadSummary);
      });
      child.send(request);
    });
  }

  stop(): Promise<void> {
    return this.runner.stop();
  }
}
