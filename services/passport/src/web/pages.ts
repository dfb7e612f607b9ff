import { readFileSync } from 'node:fs';
import type { Server } from '@resettle/platform';
import { PATHWAY_LABELS, type PathwayName } from '../domain/index.js';
import { ReleaseIdParams } from '../routes/schemas.js';
import { escapeHtml, STATUS_LEGEND, shell } from './html.js';

const asset = (name: string) => readFileSync(new URL(`./assets/${name}`, import.meta.url), 'utf8');
const SCRIPT = asset('probation.js');
const STYLES = asset('probation.css');

const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "connect-src 'self'",
  "img-src 'self'",
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

const pathwayHeaders = (Object.keys(PATHWAY_LABELS) as PathwayName[])
  .map((name) => `<th scope="col">${escapeHtml(PATHWAY_LABELS[name])}</th>`)
  .join('');

const UPCOMING = `<h1>Upcoming releases</h1>
<p>Women released in your region, highest risk first: the more gaps and the fewer days to release, the higher.</p>
${STATUS_LEGEND}
<p id="status" role="status" aria-live="polite"></p>
<div class="table-wrap">
<table id="upcoming">
<caption>Upcoming releases and the status of each pathway of her passport</caption>
<thead><tr><th scope="col">Person</th><th scope="col">Prison</th><th scope="col">Release date</th>
<th scope="col">Days to go</th>${pathwayHeaders}<th scope="col">Gaps</th></tr></thead>
<tbody></tbody>
</table>
</div>
<nav id="pager" aria-label="Pages of upcoming releases"></nav>`;

const PASSPORT = `<p><a href="/probation">Back to upcoming releases</a></p>
<h1 id="passport-heading">Resettlement Passport</h1>
<p id="status" role="status" aria-live="polite"></p>
<dl id="summary" class="summary"></dl>
<h2>Pathways</h2>
${STATUS_LEGEND}
<table id="pathways">
<caption>Each pathway, its status and what is missing</caption>
<thead><tr><th scope="col">Pathway</th><th scope="col">Status</th><th scope="col">What is missing</th></tr></thead>
<tbody></tbody>
</table>
<section id="checklist-section" hidden aria-labelledby="checklist-heading">
<h2 id="checklist-heading">Short-notice checklist</h2>
<ul id="checklist" class="checklist"></ul>
</section>
<h2>Timeline</h2>
<ol id="timeline" class="timeline"></ol>`;

function sendHtml(reply: { header(name: string, value: string): unknown; type(t: string): unknown }, body: string) {
  reply.header('content-security-policy', CONTENT_SECURITY_POLICY);
  reply.header('referrer-policy', 'no-referrer');
  reply.type('text/html; charset=utf-8');
  return body;
}

/** The probation practitioner's pages: public shells, data fetched by the page with her bearer token. */
export async function probationPages(app: Server): Promise<void> {
  const hidden = { hide: true } as const;
  app.get('/probation', { schema: hidden }, async (_request, reply) =>
    sendHtml(reply, shell({ title: 'Upcoming releases', page: 'upcoming', main: UPCOMING })),
  );
  app.get(
    '/probation/passports/:releaseId',
    { schema: { ...hidden, params: ReleaseIdParams } },
    async (request, reply) =>
      sendHtml(
        reply,
        shell({
          title: 'Resettlement Passport',
          page: 'passport',
          data: { 'release-id': request.params.releaseId },
          main: PASSPORT,
        }),
      ),
  );
  app.get('/probation/assets/probation.js', { schema: hidden }, async (_request, reply) => {
    reply.type('text/javascript; charset=utf-8');
    return SCRIPT;
  });
  app.get('/probation/assets/probation.css', { schema: hidden }, async (_request, reply) => {
    reply.type('text/css; charset=utf-8');
    return STYLES;
  });
}
