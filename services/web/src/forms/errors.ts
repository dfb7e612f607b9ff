import type { Problem } from '../clients/api.js';

/** What a page shows when a form is refused: the GOV.UK error summary and the message beside each field. */
export interface FormErrors {
  summary: { text: string; href: string }[];
  fields: Record<string, { text: string }>;
}

export const NO_ERRORS: FormErrors = { summary: [], fields: {} };

/** A form read into the API's request, or the errors that stop it being sent. */
export type Read<T> = { errors: FormErrors } | { detail: T };

export function formErrors(entries: { field: string; text: string }[]): FormErrors {
  const errors: FormErrors = { summary: [], fields: {} };
  for (const { field, text } of entries) {
    errors.summary.push({ text, href: `#${field}` });
    errors.fields[field] ??= { text };
  }
  return errors;
}

/**
 * A service's refusal as form errors. `fieldFor` maps the API's field names (`body.gateTime`) to the form's field
 * ids; a refusal naming no field we show goes in the summary, linked to the first field.
 */
export function problemErrors(
  problem: Problem,
  fieldFor: (apiField: string) => string | undefined,
  firstField: string,
) {
  const entries: { field: string; text: string }[] = [];
  for (const issue of problem.errors ?? []) {
    entries.push({ field: fieldFor(issue.field) ?? firstField, text: plainValidation(issue.field, issue.message) });
  }
  for (const broken of problem.violations ?? []) {
    entries.push({
      field: fieldFor(`body.${broken.field}`) ?? fieldFor(broken.field) ?? firstField,
      text: broken.message,
    });
  }
  if (entries.length === 0) {
    const field = problem.field ? (fieldFor(problem.field) ?? firstField) : firstField;
    entries.push({ field, text: problem.detail ?? problem.title ?? 'The service refused this' });
  }
  return formErrors(entries);
}

/**
 * A service learns of a release from the planner's events a moment after it is scheduled, and until then refuses
 * its id; that refusal is said in words on `field`, as something to try again, not as a broken rule.
 */
export function notYetKnown(problem: Problem, service: string, field: string): FormErrors | undefined {
  if (problem.status !== 400 || !JSON.stringify(problem).includes('body.releaseId')) return undefined;
  return formErrors([
    { field, text: `The ${service} service has not heard of this release yet. Try again in a minute.` },
  ]);
}

/** Validation messages come from the schema ("must match format \"date\""): say which field, in words. */
function plainValidation(field: string, message: string): string {
  const name = field.replace(/^body\./, '').replaceAll('.', ' ');
  if (/format "date"|must match format/.test(message)) return `Enter a real ${name}`;
  if (/must have required property/.test(message)) return `Enter ${name}`;
  return `${name} ${message}`;
}

/** Maps the API's field names to form field ids by the longest matching prefix (`body.firstAppointment.at` …). */
export function fieldsByPrefix(map: Record<string, string>): (apiField: string) => string | undefined {
  const prefixes = Object.keys(map).sort((a, b) => b.length - a.length);
  return (apiField) => {
    const field = apiField.startsWith('body.') ? apiField : `body.${apiField}`;
    const prefix = prefixes.find((candidate) => field === candidate || field.startsWith(`${candidate}.`));
    return prefix ? map[prefix] : undefined;
  };
}
