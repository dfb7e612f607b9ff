import type { DevUser } from './users.js';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (character) => ENTITIES[character] ?? character);

/** The development identity provider's sign-in page: pick a seeded user (no passwords: development only). */
export function loginPage(users: readonly DevUser[], request: Record<string, string>, error?: string): string {
  const hidden = Object.entries(request)
    .map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`)
    .join('\n');
  const choices = users
    .map(
      (user, index) => `<div><input type="radio" id="user-${index}" name="user" value="${escapeHtml(user.sub)}">
<label for="user-${index}">${escapeHtml(user.name)} — ${escapeHtml(user.job)} (${escapeHtml(user.roles.join(', '))})</label></div>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="en-GB">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Sign in – Resettle development identity provider</title></head>
<body>
<main>
<h1>Sign in to Resettle (development)</h1>
<p>This identity provider exists only for development and tests. Choose who to sign in as.</p>
${error ? `<p role="alert"><strong>${escapeHtml(error)}</strong></p>` : ''}
<form method="post" action="authorize">
${hidden}
<fieldset><legend>Development users</legend>
${choices}
</fieldset>
<p><button type="submit">Sign in</button></p>
</form>
</main>
</body>
</html>
`;
}
