import { type Violation, violation } from '@resettle/platform/rules';

export const HANDOFF_STATUSES = [
  'blocked-no-consent',
  'booked',
  'sent',
  'accepted',
  'declined',
  'needs-reconfirmation',
  'withdrawn',
] as const;
export type HandoffStatus = (typeof HANDOFF_STATUSES)[number];

/** Handoffs the provider holds for her: a moved or cancelled release must be re-confirmed. */
export const HELD_BY_PROVIDER: readonly HandoffStatus[] = ['sent', 'accepted', 'needs-reconfirmation'];

/** A release has at most one live handoff: a declined or withdrawn one no longer stands for her treatment. */
export const LIVE: readonly HandoffStatus[] = [
  'blocked-no-consent',
  'booked',
  'sent',
  'accepted',
  'needs-reconfirmation',
];

/** What the provider's inbox lists: everything it has been sent, its refusals included. */
export const SEEN_BY_PROVIDER: readonly HandoffStatus[] = [...HELD_BY_PROVIDER, 'declined', 'withdrawn'];

/**
 * book / rebook: healthcare records or changes the handoff (it must be sent again); send: it goes to the provider;
 * accept / decline / reconfirm: the provider answers; releaseRescheduled / releaseCancelled: the release moved;
 * withdraw: prison healthcare ends a live handoff (a wrong provider), with a reason.
 */
export type HandoffAction =
  | 'book'
  | 'rebook'
  | 'send'
  | 'accept'
  | 'decline'
  | 'reconfirm'
  | 'releaseRescheduled'
  | 'releaseCancelled'
  | 'withdraw';

export interface Transition {
  /** The new status; unchanged when the transition is illegal. */
  status: HandoffStatus | null;
  violations: Violation[];
}

const RECONFIRM = 'needs-reconfirmation';
// Release changes are facts from another service: never refused, they leave unsent handoffs as they are.
const unchangedByRelease = <S extends HandoffStatus>(s: S) => ({ releaseRescheduled: s, releaseCancelled: s });
const releaseNeedsReconfirmation = { releaseRescheduled: RECONFIRM, releaseCancelled: RECONFIRM } as const;

const withdraw = { withdraw: 'withdrawn' } as const;

const TRANSITIONS: Record<HandoffStatus, Partial<Record<HandoffAction, HandoffStatus>>> = {
  'blocked-no-consent': { book: 'booked', rebook: 'booked', ...unchangedByRelease('blocked-no-consent'), ...withdraw },
  booked: { book: 'booked', rebook: 'booked', send: 'sent', ...unchangedByRelease('booked'), ...withdraw },
  sent: { accept: 'accepted', decline: 'declined', rebook: 'booked', ...releaseNeedsReconfirmation, ...withdraw },
  accepted: { rebook: 'booked', ...releaseNeedsReconfirmation, ...withdraw },
  declined: { book: 'booked', rebook: 'booked', ...unchangedByRelease('declined') },
  'needs-reconfirmation': {
    reconfirm: 'accepted',
    accept: 'accepted',
    decline: 'declined',
    rebook: 'booked',
    ...releaseNeedsReconfirmation,
    ...withdraw,
  },
  withdrawn: unchangedByRelease('withdrawn'),
};

/** `current` is null for a handoff not yet recorded. Booking without consent to share blocks it. */
export function nextStatus(current: HandoffStatus | null, action: HandoffAction, consentToShare = true): Transition {
  const next = current === null ? (action === 'book' ? 'booked' : undefined) : TRANSITIONS[current][action];
  if (next === undefined) {
    return {
      status: current,
      violations: [
        violation(
          'ILLEGAL_TRANSITION',
          'status',
          `A handoff that is ${current ?? 'not yet recorded'} cannot ${action}.`,
        ),
      ],
    };
  }
  const blocked = next === 'booked' && (action === 'book' || action === 'rebook') && !consentToShare;
  return { status: blocked ? 'blocked-no-consent' : next, violations: [] };
}

/** The provider is told when a handoff it holds newly needs re-confirmation. */
export function providerMustBeTold(before: HandoffStatus | null, after: HandoffStatus | null): boolean {
  return after === RECONFIRM && before !== RECONFIRM;
}
