import { runServiceProcess } from '@resettle/platform';
import { passport } from './app.js';

await runServiceProcess(passport);
