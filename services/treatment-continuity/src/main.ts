import { runServiceProcess } from '@resettle/platform';
import { treatmentContinuity } from './app.js';

await runServiceProcess(treatmentContinuity);
