// The probation pages' only script: keeps the token in sessionStorage (never in a URL), fetches the JSON API with
// Authorization: Bearer, and renders with textContent only.
(() => {
  const TOKEN_KEY = 'resettle.probation.token';
  const SYMBOLS = {
    complete: ['✓', 'Complete'],
    'in-progress': ['◐', 'In progress'],
    'at-risk': ['⚠', 'At risk'],
    'not-started': ['○', 'Not started'],
    'awaiting-re-check': ['↻', 'Awaiting re-check'],
  };
  const CHECKLIST = { done: ['✓', 'Done'], missing: ['✗', 'Missing'], 'not-needed': ['–', 'Not needed'] };
  const OUTCOMES = {
    'awaiting-re-check': (reasons) => `↻ Awaiting re-check: ${reasons.join('; ')}`,
    complete: () => '✓ Released with a complete passport',
    incomplete: (reasons) => `⚠ Released without a complete passport: ${reasons.join('; ')}`,
  };
  const REFUSALS = {
    403: 'Your token does not allow you to see passports.',
    404: 'No such passport in your region.',
  };
  const body = document.body;
  const byId = (id) => document.getElementById(id);

  function element(tag, text, attributes) {
    const node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    for (const [name, value] of Object.entries(attributes || {})) node.setAttribute(name, value);
    return node;
  }

  function say(message) {
    byId('status').textContent = message;
  }

  // The words say everything the symbol and colour say: 'Awaiting re-check by accommodation'.
  function statusCell(tag, pathway) {
    if (!pathway.required) return element(tag, '– Not needed', { class: 'status-not-needed' });
    const [symbol, fallback] = SYMBOLS[pathway.status] || ['?', pathway.status];
    const cell = element(tag, null, { class: `status-${pathway.status}` });
    const words = pathway.statusText || fallback;
    cell.append(element('span', symbol, { 'aria-hidden': 'true' }), document.createTextNode(` ${words}`));
    return cell;
  }

  function londonDate(isoDate) {
    if (!isoDate) return 'Not yet scheduled';
    const date = new Date(`${isoDate}T12:00:00Z`);
    return date.toLocaleDateString('en-GB', {
      timeZone: 'Europe/London',
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      year: 'numeric',
    });
  }

  function londonInstant(iso) {
    return new Date(iso).toLocaleString('en-GB', {
      timeZone: 'Europe/London',
      dateStyle: 'medium',
      timeStyle: 'short',
    });
  }

  async function getJson(path) {
    const token = sessionStorage.getItem(TOKEN_KEY);
    if (!token) {
      say('Paste your access token above to see passports.');
      return null;
    }
    const response = await fetch(path, { headers: { authorization: `Bearer ${token}`, accept: 'application/json' } });
    if (response.status === 401) {
      sessionStorage.removeItem(TOKEN_KEY);
      say('Your token was not accepted (it may have expired). Paste a new one.');
      return null;
    }
    const refusal =
      REFUSALS[response.status] || (!response.ok && `Something went wrong (${response.status}). Try again.`);
    if (refusal) {
      say(refusal);
      return null;
    }
    return response.json();
  }

  function renderUpcoming(result) {
    const rows = byId('upcoming').tBodies[0];
    rows.replaceChildren();
    for (const release of result.items) {
      const row = element('tr');
      const person = element('th', null, { scope: 'row' });
      person.append(
        element('a', release.personId, { href: `/probation/passports/${encodeURIComponent(release.releaseId)}` }),
      );
      row.append(person, element('td', release.prisonCode), element('td', londonDate(release.releaseDate)));
      row.append(element('td', release.daysToRelease));
      for (const pathway of release.pathways) row.append(statusCell('td', pathway));
      row.append(element('td', release.gaps));
      rows.append(row);
    }
    const first = (result.page - 1) * result.pageSize + 1;
    say(
      result.total === 0
        ? 'No upcoming releases in your region.'
        : `Showing ${first} to ${first + result.items.length - 1} of ${result.total} upcoming releases.`,
    );
    renderPager(result);
  }

  function renderPager(result) {
    const pager = byId('pager');
    pager.replaceChildren();
    const pages = Math.ceil(result.total / result.pageSize);
    if (pages <= 1) return;
    const button = (label, page) => {
      const control = element('button', label, { type: 'button' });
      control.addEventListener('click', () => loadUpcoming(page));
      return control;
    };
    if (result.page > 1) pager.append(button('Previous page', result.page - 1));
    if (result.page < pages) pager.append(button('Next page', result.page + 1));
  }

  async function loadUpcoming(page = 1) {
    const result = await getJson(`/api/upcoming-releases?page=${page}&pageSize=50`);
    if (result) renderUpcoming(result);
  }

  function renderPassport(passport) {
    byId('passport-heading').textContent = `Resettlement Passport: ${passport.personId}`;
    document.title = `Passport ${passport.personId} – Resettle`;
    const summary = byId('summary');
    summary.replaceChildren();
    const facts = [
      ['Prison', passport.prisonCode || 'Not yet known'],
      ['Release date', londonDate(passport.releaseDate)],
      ['Gate time', passport.gateTime || 'Not yet known'],
      ['Days to go', passport.daysToRelease ?? 'Not yet known'],
      ['Passport', passport.complete ? '✓ Complete' : `Incomplete: ${passport.gaps} gaps`],
      ['At risk', passport.risk.atRisk ? `⚠ Yes: ${passport.risk.reason}` : 'No'],
      ['Short notice', passport.shortNotice ? 'Yes' : 'No'],
    ];
    if (passport.outcome) facts.push(['Release outcome', OUTCOMES[passport.outcome.status](passport.outcome.reasons)]);
    for (const [term, value] of facts) summary.append(element('dt', term), element('dd', value));
    const rows = byId('pathways').tBodies[0];
    rows.replaceChildren();
    for (const pathway of passport.pathways) {
      const row = element('tr');
      row.append(element('th', pathway.label, { scope: 'row' }), statusCell('td', pathway));
      row.append(
        element(
          'td',
          (pathway.reasons && pathway.reasons.length > 0 ? pathway.reasons.join('; ') : pathway.reason) || '',
        ),
      );
      rows.append(row);
    }
    renderChecklist(passport.shortNoticeChecklist);
    const timeline = byId('timeline');
    timeline.replaceChildren();
    for (const entry of passport.timeline) {
      const item = element('li');
      item.append(
        element('time', londonInstant(entry.at), { datetime: entry.at }),
        document.createTextNode(entry.summary),
      );
      timeline.append(item);
    }
    say('');
  }

  function renderChecklist(items) {
    const section = byId('checklist-section');
    section.hidden = !items;
    const list = byId('checklist');
    list.replaceChildren();
    for (const item of items || []) {
      const [symbol, words] = CHECKLIST[item.status] || ['?', item.status];
      const entry = element('li');
      entry.append(
        element('span', symbol, { 'aria-hidden': 'true' }),
        document.createTextNode(` ${item.label}: ${words}`),
      );
      list.append(entry);
    }
  }

  async function loadPassport() {
    const passport = await getJson(`/api/passports/${encodeURIComponent(body.dataset.releaseId)}`);
    if (passport) renderPassport(passport);
  }

  const load = () => (body.dataset.page === 'passport' ? loadPassport() : loadUpcoming());

  function showTokenState() {
    byId('token-state').textContent = sessionStorage.getItem(TOKEN_KEY)
      ? 'A token is in use for this browser tab.'
      : 'Paste your access token to see the passports in your region. It is kept only in this browser tab.';
  }

  byId('token-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const input = byId('token');
    const token = input.value.trim();
    input.value = '';
    if (token) sessionStorage.setItem(TOKEN_KEY, token);
    showTokenState();
    load().then(() => byId('main').focus());
  });
  byId('forget-token').addEventListener('click', () => {
    sessionStorage.removeItem(TOKEN_KEY);
    showTokenState();
    window.location.reload();
  });
  showTokenState();
  load();
})();
