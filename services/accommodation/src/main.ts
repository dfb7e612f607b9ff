import { runServiceProcess } from '@resettle/platform';
import { accommodation } from './app.js';

await runServiceProcess(accommodation);
