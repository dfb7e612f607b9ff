import { runServiceProcess } from '@resettle/platform';
import { releaseScheduling } from './app.js';

await runServiceProcess(releaseScheduling);
