/**
 * Waits for a consumer to join its group, for a caller that must not wait without end. kafkajs retries a group it
 * cannot join for ever, and on a broker with ACLs a refused group looks to it like a coordinator not found (it drops
 * the GROUP_AUTHORIZATION_FAILED behind that), so a one-off reader (the passport's rebuild) sets a limit instead.
 */
export class JoinWatch {
  private lastError: string | undefined;
  private markJoined: () => void = () => {};
  /** Settles at the first join: a join before `wait` is called counts too. */
  private readonly hasJoined = new Promise<void>((resolve) => {
    this.markJoined = resolve;
  });

  constructor(private readonly withinMs: number) {}

  joined(): void {
    this.markJoined();
  }

  failed(error: unknown): void {
    this.lastError = error instanceof Error ? error.message : String(error);
  }

  /** Resolves once joined; rejects, naming the group and the last error, when `withinMs` passes first. */
  async wait(groupId: string): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const tooLate = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(this.refusal(groupId))), this.withinMs);
    });
    try {
      await Promise.race([this.hasJoined, tooLate]);
    } finally {
      clearTimeout(timer);
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
