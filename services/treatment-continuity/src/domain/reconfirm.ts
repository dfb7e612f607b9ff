/**
 * Whether a provider confirms for the release as this service knows it: `asked` is the release revision the provider
 * names (absent: the one known here). A newer one means the move is still on its way here (try again in a moment); an
 * older one means the release has moved again since (read the handoff and confirm for the current release).
 */
export type ConfirmingFor = 'current' | 'not-yet-known' | 'moved-again';

export function confirmingFor(asked: number | undefined, known: number): ConfirmingFor {
  if (asked === undefined || asked === known) return 'current';
  return asked > known ? 'not-yet-known' : 'moved-again';
}
