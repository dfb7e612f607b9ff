type Setting = string | number | boolean | null | undefined;

/**
 * What an admin change changed, for its audit row: each setting that differs, old → new, in the order given. A secret
 * is named, never shown ("webhookSecret changed"), and so is anything the caller passes as secret, such as a URL that
 * may carry credentials (pass its origin as another setting to show where it points).
 */
export function changedSettings(
  before: Record<string, Setting> | undefined,
  after: Record<string, Setting>,
  { secret = [] }: { secret?: readonly string[] } = {},
): string {
  const changes: string[] = [];
  for (const [name, value] of Object.entries(after)) {
    const old = before?.[name] ?? null;
    const now = value ?? null;
    if (old === now) continue;
    if (secret.includes(name)) changes.push(`${name} ${old === null ? 'set' : now === null ? 'removed' : 'changed'}`);
    else changes.push(`${name} ${shown(old)} → ${shown(now)}`);
  }
  return changes.length === 0 ? 'no change' : changes.join('; ');
}

const shown = (value: Setting) => (value === null || value === undefined ? '(none)' : String(value));

/** Where a URL points (scheme, host and port), without any path, query or credentials it may carry. */
export function originOf(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    return new URL(url).origin;
  } catch {
    return '(not a URL)';
  }
}
