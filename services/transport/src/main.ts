import { runServiceProcess } from '@resettle/platform';
import { transport } from './app.js';

await runServiceProcess(transport);
