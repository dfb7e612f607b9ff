import { transport } from '../clients/transport.js';
import { travelForm } from '../forms/travel-form.js';
import { coordinatorJourney } from './coordinator-journey.js';

/** The transport coordinator: arrange and change the journey from the gate; the rules it breaks explained. */
export const travelRoutes = coordinatorJourney({
  service: 'transport',
  path: '/travel',
  title: 'Travel from the gate',
  intro: 'Arrange how she gets from the gate to her first appointment or her accommodation, or change it.',
  client: (call, token) => {
    const plans = transport(call, token);
    return { ...plans, record: plans.arrange };
  },
  form: travelForm,
  statuses: {
    arranged: { text: 'Arranged', symbol: '✓', tag: 'govuk-tag--green' },
    'at-risk': { text: 'At risk', symbol: '⚠', tag: 'govuk-tag--red' },
    cancelled: { text: 'Cancelled', symbol: '–', tag: 'govuk-tag--grey' },
  },
  ended: 'cancelled',
  saved: { recorded: 'Journey arranged', changed: 'Journey changed' },
});
