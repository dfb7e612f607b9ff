/** A provider's webhook as stored: its URL and whether a signing secret is held (the secret itself is never read). */
export interface StoredWebhook {
  webhookUrl: string | null;
  hasSecret: boolean;
}

export interface AskedWebhook {
  webhookUrl: string | null;
  /** One the provider chose; omitted, one is generated when none is held. */
  webhookSecret?: string;
}

/** What happens to the signing secret: kept, generated (and shown once), set as given, or removed with the URL. */
export type SecretChange = 'keep' | 'generate' | 'given' | 'clear';

export interface WebhookChange {
  secret: SecretChange;
  /** For the audit trail: old and new host, what happened to the secret; never a secret, a path or a query. */
  auditNote: string;
}

function hostOf(url: string | null): string {
  if (!url) return 'none';
  try {
    return new URL(url).host;
  } catch {
    return 'unreadable';
  }
}

/**
 * A registration changes the secret only when it must: a new webhook gets a generated secret, a given secret
 * replaces the one held, no URL removes it, and saving the same provider again keeps it (it is never shown again).
 */
export function webhookChange(before: StoredWebhook | undefined, asked: AskedWebhook): WebhookChange {
  const secret: SecretChange =
    asked.webhookUrl === null
      ? 'clear'
      : asked.webhookSecret !== undefined
        ? 'given'
        : before?.hasSecret
          ? 'keep'
          : 'generate';
  const oldHost = hostOf(before?.webhookUrl ?? null);
  const newHost = hostOf(asked.webhookUrl);
  const url =
    (before?.webhookUrl ?? null) === asked.webhookUrl
      ? `webhook host unchanged (${newHost})`
      : oldHost === newHost
        ? `webhook URL changed, host unchanged (${newHost})`
        : `webhook host ${oldHost} -> ${newHost}`;
  const secretNote = {
    keep: 'signing secret kept',
    generate: 'signing secret generated',
    given: before?.hasSecret ? 'signing secret replaced by one given' : 'signing secret set as given',
    clear: before?.hasSecret ? 'signing secret removed' : 'no signing secret',
  }[secret];
  return { secret, auditNote: `${url}; ${secretNote}` };
}
