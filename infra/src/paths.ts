import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const infraRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const repoRoot = resolve(infraRoot, '..');
export const cacheDir = resolve(infraRoot, '.cache');
export const kafkaDir = resolve(infraRoot, 'kafka');
export const kafkaJarsDir = resolve(kafkaDir, '.cache', 'libs');
