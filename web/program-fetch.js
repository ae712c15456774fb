// Fetches the page's program (the wasm) with its integrity, so the check applies to the file that
// runs; the start-up script calls it as soon as it runs, while the page is still parsed
// (tools/post-build.mjs). On a visit the service worker does not yet control (the first), a copy
// goes to the cache 'cyber-survey-handover', where the worker's install takes it from
// (web/service-worker.js): without an HTTP cache to take it from (WebKit's private browsing and
// automation sessions have none) it would download the wasm again. The worker deletes that cache
// when it activates.
let programHandedOver = Promise.resolve();
async function fetchProgram(address, integrity) {
  const response = await fetch(address, { integrity });
  if (response.ok && 'serviceWorker' in navigator && !navigator.serviceWorker.controller && self.caches) {
    programHandedOver = caches
      .open('cyber-survey-handover')
      .then((handover) => handover.put(address, response.clone()))
      .catch(() => {});
  }
  return response;
}


// The start-up script is async (tools/post-build.mjs): it may run before the page is parsed, and
// the program binds the page's markup, so it waits for the parse to end.
function pageParsed() {
  if (document.readyState !== 'loading') return Promise.resolve();
  return new Promise((resolve) => document.addEventListener('DOMContentLoaded', resolve, { once: true }));
}
