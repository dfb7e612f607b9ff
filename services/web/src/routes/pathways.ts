import type { PathwayView } from '../clients/passport.js';

/** Each status in words and a symbol, so no meaning rests on colour. */
const STATUS: Record<string, { text: string; symbol: string; tag: string }> = {
  complete: { text: 'Complete', symbol: '✓', tag: 'govuk-tag--green' },
  'in-progress': { text: 'In progress', symbol: '◐', tag: 'govuk-tag--blue' },
  'at-risk': { text: 'At risk', symbol: '⚠', tag: 'govuk-tag--red' },
  'not-started': { text: 'Not started', symbol: '○', tag: 'govuk-tag--grey' },
};

export function pathwayStatus(pathway: PathwayView) {
  const status = pathway.required
    ? (STATUS[pathway.status] ?? { text: pathway.status, symbol: '', tag: 'govuk-tag--grey' })
    : { text: 'Not needed', symbol: '–', tag: 'govuk-tag--grey' };
  return { ...pathway, ...status };
}

/** The required pathways not complete, each with its reason: the page's "what's missing" summary. */
export function whatIsMissing(pathways: PathwayView[]) {
  return pathways
    .filter((pathway) => pathway.required && pathway.status !== 'complete')
    .map((pathway) => ({ label: pathway.label, reason: pathway.reason ?? 'Not complete yet' }));
}
