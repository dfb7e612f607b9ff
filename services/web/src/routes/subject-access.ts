import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Apis } from '../app.js';
import { subjectAccess } from '../clients/subject-access.js';
import { type FormErrors, problemErrors } from '../forms/errors.js';
import { isReference } from '../forms/identifiers.js';
import { readSubjectAccessForm } from '../forms/subject-access-form.js';
import { type FormValues, formValues } from '../forms/values.js';
import { exportFileName, REFRESH_SECONDS, requestInWords } from '../subject-access/request-view.js';
import { forRoles, tokenOf, userOf } from './access.js';

type OnRequest = { Params: { requestId: string } };

const breadcrumbs = [
  { text: 'Resettle', href: '/' },
  { text: 'Subject access', href: '/subject-access' },
];

/**
 * The data protection officer: asks every service for everything it holds about a woman, watches the answers come
 * in, and downloads the passport's export once all have answered. The passport audits the request and each download.
 */
export async function subjectAccessRoutes(app: FastifyInstance, { apis }: { apis: Apis }) {
  const onlyDataProtection = { preHandler: forRoles('data-protection') };
  const api = (request: FastifyRequest) => subjectAccess(apis.passport, tokenOf(request));
  const pathOf = (requestId: string) => `/subject-access/${requestId}`;

  app.get('/subject-access', onlyDataProtection, async (_request, reply) => askPage(reply));

  app.post('/subject-access', onlyDataProtection, async (request, reply) => {
    const values = formValues(request.body);
    const read = readSubjectAccessForm(values);
    if ('errors' in read) return askPage(reply, values, read.errors, 400);
    const answer = await api(request).ask(read.detail);
    if (!answer.ok) {
      const errors = problemErrors(answer.problem, () => 'personId', 'personId');
      return askPage(reply, values, errors, answer.status);
    }
    return reply.redirect(pathOf(answer.body.id), 303);
  });

  const requestPage = async (request: FastifyRequest<OnRequest>, reply: FastifyReply, notReady = false) => {
    const { requestId } = request.params;
    if (!isReference(requestId)) return reply.callNotFound();
    const answer = await api(request).get(requestId);
    if (!answer.ok) return refused(reply, answer.status);
    return reply.page(
      'subject-access/request.njk',
      {
        title: `Subject access request for ${answer.body.personId}`,
        request: requestInWords(answer.body, userOf(request)),
        pageHref: pathOf(requestId),
        exportHref: `${pathOf(requestId)}/export`,
        refreshSeconds: answer.body.complete ? undefined : REFRESH_SECONDS,
        notReady,
        breadcrumbs,
      },
      notReady ? 409 : 200,
    );
  };

  app.get<OnRequest>('/subject-access/:requestId', onlyDataProtection, async (request, reply) =>
    requestPage(request, reply),
  );

  app.get<OnRequest>('/subject-access/:requestId/export', onlyDataProtection, async (request, reply) => {
    const { requestId } = request.params;
    if (!isReference(requestId)) return reply.callNotFound();
    const answer = await api(request).export(requestId);
    if (answer.status === 409) return requestPage(request, reply, true);
    if (!answer.ok) return refused(reply, answer.status);
    return reply
      .type('application/json; charset=utf-8')
      .header('content-disposition', `attachment; filename="${exportFileName(answer.body)}"`)
      .send(JSON.stringify(answer.body, null, 2));
  });
}

function askPage(reply: FastifyReply, values: FormValues = {}, errors?: FormErrors, status = 200) {
  return reply.page(
    'subject-access/ask.njk',
    { title: 'Subject access', values, ...(errors && { errors }), breadcrumbs: [{ text: 'Resettle', href: '/' }] },
    status,
  );
}

/** No such request (or no such id) is the service's ordinary not-found page; anything else is the passport's fault. */
function refused(reply: FastifyReply, status: number) {
  if (status === 404 || status === 400) return reply.callNotFound();
  throw new Error(`the passport refused a subject access page: ${status}`);
}
