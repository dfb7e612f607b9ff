import { accommodation } from '../clients/accommodation.js';
import { accommodationForm } from '../forms/accommodation-form.js';
import { coordinatorJourney } from './coordinator-journey.js';
import { REVIEW_STATUS } from './safeguarding.js';

/** The accommodation coordinator: record and change release-night accommodation; refusals explained. */
export const accommodationRoutes = coordinatorJourney({
  service: 'accommodation',
  path: '/accommodation',
  title: 'Release-night accommodation',
  intro:
    'Record where she will sleep on the night of her release, or change it. Her offender manager reviews each place ' +
    'before it is approved.',
  client: accommodation,
  form: accommodationForm,
  statuses: {
    confirmed: { text: 'Confirmed', symbol: '✓', tag: 'govuk-tag--green' },
    incomplete: { text: 'Incomplete', symbol: '◐', tag: 'govuk-tag--blue' },
    'at-risk': { text: 'At risk', symbol: '⚠', tag: 'govuk-tag--red' },
    withdrawn: { text: 'Withdrawn', symbol: '–', tag: 'govuk-tag--grey' },
  },
  ended: 'withdrawn',
  // A place her offender manager found not suitable is closed: the coordinator proposes another.
  closed: (item) => item.safeguardingReview === 'not-suitable',
  saved: { recorded: 'Accommodation recorded', changed: 'Accommodation changed' },
  savedStatus: (item) => (item.safeguardingReview ? REVIEW_STATUS[item.safeguardingReview].text : 'No place to review'),
});
