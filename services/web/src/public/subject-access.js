// Progressive enhancement of a subject access request's page while services are still answering: every few seconds
// it reads the page again and puts the new progress in place (the progress is a polite live region, so a screen
// reader hears it) rather than reloading the page under her. It stops once every service has answered.
const request = document.querySelector('#subject-access-request[data-refresh-seconds]');

function sayItUpdates() {
  const how = request.querySelector('.app-refresh-how');
  if (how) how.textContent = `This page updates itself every ${request.dataset.refreshSeconds} seconds.`;
}

async function freshRequest() {
  const response = await fetch(request.dataset.refreshFrom, { headers: { accept: 'text/html' } }).catch(() => null);
  if (!response?.ok) return null;
  const page = new DOMParser().parseFromString(await response.text(), 'text/html');
  return page.querySelector('#subject-access-request');
}

async function update() {
  const fresh = await freshRequest();
  const details = fresh?.querySelector('#request-details');
  if (fresh && details) {
    const progress = request.querySelector('#progress strong');
    const now = fresh.querySelector('#progress strong')?.textContent ?? progress.textContent;
    if (progress.textContent !== now) progress.textContent = now;
    request.querySelector('#request-details').replaceWith(document.importNode(details, true));
    if (!fresh.hasAttribute('data-refresh-seconds')) return;
    sayItUpdates();
  }
  setTimeout(update, Number(request.dataset.refreshSeconds) * 1000);
}

if (request) {
  sayItUpdates();
  setTimeout(update, Number(request.dataset.refreshSeconds) * 1000);
}
