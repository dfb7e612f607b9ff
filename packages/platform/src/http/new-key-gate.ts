const NEW_KID_BACKOFF_MS = 1_000;

/** One never-found `kid` looked up at a time, and none for a second after such a lookup failed. */
export function newKeyGate() {
  let inFlight = false;
  let failedAt = Number.NEGATIVE_INFINITY;
  return {
    tryEnter(): boolean {
      if (inFlight || Date.now() - failedAt < NEW_KID_BACKOFF_MS) return false;
      inFlight = true;
      return true;
    },
    leave(failed: boolean): void {
      inFlight = false;
      if (failed) failedAt = Date.now();
    },
  };
}
