// Fetches the page's program (the wasm) with the integrity of its preload, so that Chromium and
// Firefox give it the preloaded response (tools/post-build.mjs), and the integrity check applies
// to the file that runs. On a visit the service worker does not yet control (the first), a copy
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

