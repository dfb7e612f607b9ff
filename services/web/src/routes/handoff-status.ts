/** A handoff's status in words, with a symbol, and what happens next. */
const STATUSES: Record<string, { text: string; symbol: string; tag: string; next: string }> = {
  sent: {
    text: 'Sent to the provider',
    symbol: '◐',
    tag: 'govuk-tag--blue',
    next: 'Waiting for the provider to accept or decline.',
  },
  booked: { text: 'Booked', symbol: '◐', tag: 'govuk-tag--blue', next: 'Waiting to be sent to the provider.' },
  accepted: {
    text: 'Accepted',
    symbol: '✓',
    tag: 'govuk-tag--green',
    next: 'The provider has accepted and named her key worker.',
  },
  declined: { text: 'Declined', symbol: '✗', tag: 'govuk-tag--red', next: 'Book a handoff to another provider.' },
  'needs-reconfirmation': {
    text: 'Needs re-confirmation',
    symbol: '⚠',
    tag: 'govuk-tag--orange',
    next: 'The release moved: the provider must confirm again.',
  },
  'blocked-no-consent': {
    text: 'Blocked: no consent',
    symbol: '⚠',
    tag: 'govuk-tag--red',
    next: 'Nothing is sent to the provider without her consent.',
  },
};

export function handoffStatus(status: string) {
  return STATUSES[status] ?? { text: status, symbol: '', tag: 'govuk-tag--grey', next: '' };
}
