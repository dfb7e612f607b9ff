import { spawnSync } from 'node:child_process';

/** True only when a Docker engine answers (the client alone is not enough). */
export function dockerEngineAvailable(): boolean {
  if (process.env.RESETTLE_NO_DOCKER === '1') return false;
  const result = spawnSync('docker', ['info', '--format', '{{.ServerVersion}}'], { encoding: 'utf8', timeout: 5000 });
  return result.status === 0 && result.stdout.trim().length > 0;
}
