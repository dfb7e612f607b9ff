import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Apis } from '../app.js';
import { takeFlash } from '../auth/session.js';
import { type Area, type RecordedArea, safeguarding } from '../clients/safeguarding.js';
import { type FormErrors, fieldsByPrefix, formErrors, problemErrors } from '../forms/errors.js';
import { ENTER_PRISON_NUMBER, isPrisonNumber, typedPrisonNumber } from '../forms/identifiers.js';
import { type FormValues, formValues } from '../forms/values.js';
import { forRoles, tokenOf } from './access.js';

const KINDS = [
  { value: 'local-authority', text: 'Local authority', hint: 'The council area, for example Bristol or Cardiff' },
  { value: 'postcode-district', text: 'Postcode district', hint: 'The first part of the postcode, for example BS7' },
] as const;
const fieldFor = fieldsByPrefix({ 'body.kind': 'kind', 'body.value': 'value', 'body.reason': 'reason' });

type OnPerson = { Params: { personId: string } };
type OnArea = { Params: { personId: string; areaId: string } };

/**
 * Probation of her region: her restricted areas (where she must not live), added one at a time with a reason and
 * removed one at a time with a reason, after a confirmation. The API refuses anyone else with a 404.
 */
export async function restrictedAreaRoutes(app: FastifyInstance, { apis }: { apis: Apis }) {
  const onlyProbation = { preHandler: forRoles('probation') };
  const api = (request: FastifyRequest) => safeguarding(apis.accommodation, tokenOf(request));
  const pathOf = (personId: string) => `/restricted-areas/${personId}`;

  app.get<{ Querystring: { personId?: string } }>('/restricted-areas', onlyProbation, async (request, reply) => {
    if (request.query.personId === undefined) return findPage(reply);
    const asked = typedPrisonNumber(request.query.personId);
    if (!isPrisonNumber(asked)) {
      const errors = formErrors([{ field: 'personId', text: ENTER_PRISON_NUMBER }]);
      return findPage(reply, { personId: request.query.personId }, errors, 400);
    }
    return reply.redirect(pathOf(asked), 303);
  });

  const areasPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    personId: string,
    values: FormValues = {},
    errors?: FormErrors,
    status = 200,
  ) => {
    if (!isPrisonNumber(personId)) return notInRegion(reply);
    const answer = await api(request).restrictedAreas(personId);
    if (!answer.ok) return notInRegion(reply);
    return reply.page(
      'safeguarding/restricted-areas.njk',
      {
        title: `Restricted areas for ${personId}`,
        personId,
        areas: answer.body.restrictedAreas.map(withWords),
        kinds: KINDS,
        values,
        flash: takeFlash(request),
        ...(errors && { errors }),
        breadcrumbs: [
          { text: 'Resettle', href: '/' },
          { text: 'Restricted areas', href: '/restricted-areas' },
        ],
      },
      status,
    );
  };

  app.get<OnPerson>('/restricted-areas/:personId', onlyProbation, async (request, reply) =>
    areasPage(request, reply, request.params.personId),
  );

  app.post<OnPerson>('/restricted-areas/:personId', onlyProbation, async (request, reply) => {
    const { personId } = request.params;
    const values = formValues(request.body);
    const kind = KINDS.find((option) => option.value === values.kind)?.value;
    const value = (values.value ?? '').trim();
    const reason = (values.reason ?? '').trim();
    const problems: { field: string; text: string }[] = [];
    if (!kind) problems.push({ field: 'kind', text: 'Select whether it is a local authority or a postcode district' });
    if (value === '') problems.push({ field: 'value', text: 'Enter the area' });
    if (reason === '') problems.push({ field: 'reason', text: 'Enter why she must not live there' });
    if (!kind || problems.length > 0) return areasPage(request, reply, personId, values, formErrors(problems), 400);
    const answer = await api(request).addArea(personId, { kind, value, reason });
    if (answer.status === 404) return notInRegion(reply);
    if (!answer.ok) {
      const errors = problemErrors(answer.problem, fieldFor, 'value');
      return areasPage(request, reply, personId, values, errors, answer.status);
    }
    request.session.set('flash', `Restricted area added: ${answer.body.value}`);
    return reply.redirect(pathOf(personId), 303);
  });

  const removePage = async (
    request: FastifyRequest<OnArea>,
    reply: FastifyReply,
    values: FormValues = {},
    errors?: FormErrors,
    status = 200,
  ) => {
    const { personId, areaId } = request.params;
    if (!isPrisonNumber(personId)) return notInRegion(reply);
    const answer = await api(request).restrictedAreas(personId);
    const area = answer.ok ? answer.body.restrictedAreas.find((one) => one.id === areaId) : undefined;
    if (!area) return notInRegion(reply);
    return reply.page(
      'safeguarding/remove-area.njk',
      {
        title: `Remove a restricted area for ${personId}`,
        personId,
        area: withWords(area),
        values,
        ...(errors && { errors }),
        breadcrumbs: [
          { text: 'Resettle', href: '/' },
          { text: `Restricted areas for ${personId}`, href: pathOf(personId) },
        ],
      },
      status,
    );
  };

  app.get<OnArea>('/restricted-areas/:personId/:areaId/remove', onlyProbation, async (request, reply) =>
    removePage(request, reply),
  );

  app.post<OnArea>('/restricted-areas/:personId/:areaId/remove', onlyProbation, async (request, reply) => {
    const { personId, areaId } = request.params;
    const values = formValues(request.body);
    const reason = (values.reason ?? '').trim();
    if (reason === '') {
      const errors = formErrors([{ field: 'reason', text: 'Enter why she may now live there' }]);
      return removePage(request, reply, values, errors, 400);
    }
    const answer = await api(request).removeArea(personId, areaId, reason);
    if (answer.status === 404) return notInRegion(reply);
    if (!answer.ok) return removePage(request, reply, values, problemErrors(answer.problem, fieldFor, 'reason'), 409);
    request.session.set('flash', 'Restricted area removed');
    return reply.redirect(pathOf(personId), 303);
  });
}

function withWords(area: RecordedArea | Area) {
  return { ...area, kindText: KINDS.find((kind) => kind.value === area.kind)?.text ?? area.kind };
}

function findPage(reply: FastifyReply, values: FormValues = {}, errors?: FormErrors, status = 200) {
  return reply.page(
    'safeguarding/find-person.njk',
    {
      title: 'Restricted areas',
      values,
      ...(errors && { errors }),
      breadcrumbs: [{ text: 'Resettle', href: '/' }],
    },
    status,
  );
}

function notInRegion(reply: FastifyReply) {
  return reply.page(
    'error.njk',
    {
      title: 'Not found',
      message: 'There is no woman with that prison number released to your region.',
    },
    404,
  );
}
