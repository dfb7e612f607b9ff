const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Every value that goes into HTML goes through here. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (character) => ENTITIES[character] ?? character);
}

export interface Shell {
  title: string;
  page: 'upcoming' | 'passport';
  data?: Record<string, string>;
  main: string;
}

/** The public HTML shell: no personal data; the page script fetches the API with the practitioner's token. */
export function shell({ title, page, data = {}, main }: Shell): string {
  const attributes = Object.entries({ page, ...data })
    .map(([name, value]) => ` data-${escapeHtml(name)}="${escapeHtml(value)}"`)
    .join('');
  return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} – Resettle</title>
<link rel="stylesheet" href="/probation/assets/probation.css">
<script src="/probation/assets/probation.js" defer></script>
</head>
<body${attributes}>
<a class="skip-link" href="#main">Skip to main content</a>
<header class="banner"><a class="service-name" href="/probation">Resettle · Resettlement Passports</a></header>
${TOKEN_PANEL}
<main id="main" tabindex="-1">
${main}
</main>
</body>
</html>
`;
}

const TOKEN_PANEL = `<section class="token-panel" aria-labelledby="token-heading">
<h2 id="token-heading">Your access token</h2>
<p id="token-state">Paste your access token to see the passports in your region. It is kept only in this browser tab.</p>
<form id="token-form">
<label for="token">Access token</label>
<input id="token" name="token" type="password" autocomplete="off" spellcheck="false" required>
<button type="submit">Use token</button>
<button type="button" id="forget-token">Forget token</button>
</form>
</section>`;

export const STATUS_LEGEND = `<p class="legend">Key: <span>✓ Complete</span> <span>◐ In progress</span>
<span>⚠ At risk</span> <span>↻ Awaiting re-check (the owner has not judged the latest release change)</span>
<span>○ Not started</span> <span>– Not needed</span></p>`;
