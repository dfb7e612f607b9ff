// Progressive enhancement only: every page works without this.
import { initAll } from '/govuk/govuk-frontend.min.js';
import { initAll as initMoj } from '/moj/moj-frontend.min.js';

initAll();
// MoJ Frontend: the probation list's sortable table (column headings become sort buttons).
initMoj();
