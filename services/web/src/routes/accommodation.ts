import { accommodation } from '../clients/accommodation.js';
import { accommodationForm } from '../forms/accommodation-form.js';
import { coordinatorJourney } from './coordinator-journey.js';

/** The accommodation coordinator: record and change release-night accommodation; refusals explained. */
export const accommodationRoutes = coordinatorJourney({
  service: 'accommodation',
  path: '/accommodation',
  title: 'Release-night accommodation',
  intro: 'Record where she will sleep on the night of her release, or change it.',
  client: accommodation,
  form: accommodationForm,
  statuses: {
    confirmed: { text: 'Confirmed', symbol: '✓', tag: 'govuk-tag--green' },
    incomplete: { text: 'Incomplete', symbol: '◐', tag: 'govuk-tag--blue' },
    'at-risk': { text: 'At risk', symbol: '⚠', tag: 'govuk-tag--red' },
    withdrawn: { text: 'Withdrawn', symbol: '–', tag: 'govuk-tag--grey' },
  },
  ended: 'withdrawn',
  saved: { recorded: 'Accommodation recorded', changed: 'Accommodation changed' },
});
