/**
 * Waits for a consumer to join its group, for a caller that must not wait without end. kafkajs retries a group it
 * cannot join for ever, and on a broker with ACLs a refused group looks to it like a coordinator not found (it drops
 * the GROUP_AUTHORIZATION_FAILED behind that), so a one-off reader (the passport's rebuild) sets a limit instead.
 */
export class JoinWatch {
  private lastError: string | undefined;
  private settle: (() => void) | undefined;
  private hasJoined = false;

  constructor(private readonly withinMs: number) {}

  joined(): void {
    this.hasJoined = true;
    this.settle?.();
  }

  failed(error: unknown): void {
    this.lastError = error instanceof Error ? error.message : String(error);
  }

  /** Resolves once joined; rejects, naming the group and the last error, when `withinMs` passes first. */
  async wait(groupId: string): Promise<void> {
    if (this.hasJoined) return;
    let timer: NodeJS.Timeout | undefined;
    try {
      await new Promise<void>((resolve, reject) => {
        this.settle = resolve;
        timer = setTimeout(() => reject(new Error(this.refusal(groupId))), this.withinMs);
      });
    } finally {
      clearTimeout(timer);
      this.settle = undefined;
    }
  }

  private refusal(groupId: string): string {
    const seconds = Math.round(this.withinMs / 1000);
    const last = this.lastError ? ` (last error: ${this.lastError})` : '';
    return (
      `could not join consumer group "${groupId}" within ${seconds} s: the broker is unreachable or refused the group ` +
      `(on a broker with ACLs, this principal needs Read on it)${last}`
    );
  }
}
