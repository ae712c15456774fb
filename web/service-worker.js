// Keeps the app usable without a network once it has been opened, and moves to a new release only
// when the user agrees. tools/service-worker.mjs fills in the release's version, pages and files.
// Drafts live in localStorage, which this worker never touches.
const VERSION = '__VERSION__';
// The site's pages, deepest first ('./overview/' before './'); the form's files (the top
// directory), cached when the worker installs; and the files in subdirectories, cached the first
// time they are used: the other screens' module (tools/, which the page fetches after the form is
// usable) and the overview page (which a hospital never opens). Files used under the previous
// release are cached again by the new one when it installs, so an update never takes away offline
// use of what the user has opened.
const PAGES = __PAGES__;
const FILES = __FILES__;
const ON_FIRST_USE = __ON_FIRST_USE__;
const CACHE = `cyber-survey-${VERSION}`;
const OWN_CACHES = 'cyber-survey-';
// Where a page this worker did not control left a copy of its wasm (web/program-fetch.js).
const HANDOVER = 'cyber-survey-handover';

// The page has just downloaded these files, so the worker takes them from the HTTP cache instead of
// downloading them again: every file but a page has its content's hash in its name (tools/
// service-worker.mjs refuses a build where one has not), so a cached copy is the right one
// ('force-cache'); a page keeps its address from release to release, so it is revalidated
// ('no-cache': a conditional request, answered 304 Not Modified when the cached copy is current).
const fresh = (file) => new Request(file, { cache: file.endsWith('/') ? 'no-cache' : 'force-cache' });

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      // All or nothing, as addAll: every file fetched (or handed over) before any is stored.
      const handover = await caches.open(HANDOVER);
      const responses = await Promise.all(
        FILES.map(async (file) => {
          const response = (await handover.match(file)) ?? (await fetch(fresh(file)));
          if (!response.ok) throw new Error(`${file}: ${response.status}`);
          return response;
        }),
      );
      await Promise.all(FILES.map((file, index) => cache.put(file, responses[index])));
      const used = await pagesUsedBefore();
      const again = ON_FIRST_USE.filter((file) => used.some((page) => isUnder(file, page)));
      // All or nothing (addAll), and never a reason to refuse the update: a page that could not be
      // fetched now is cached on its next use instead.
      await cache.addAll(again.map(fresh)).catch(() => {});
    })(),
  );
  // No skipWaiting here: a page running the old release keeps it until the user chooses to update.
});

/** The pages cached on first use that an earlier release's cache holds, so the user has opened. */
async function pagesUsedBefore() {
  const older = (await caches.keys()).filter((key) => key.startsWith(OWN_CACHES) && key !== CACHE && key !== HANDOVER);
  const paths = [];
  for (const key of older) {
    for (const request of await (await caches.open(key)).keys()) paths.push(new URL(request.url).pathname);
  }
  return PAGES.filter((page) => page !== './' && paths.some((path) => isUnder(path, page)));
}

function isUnder(address, page) {
  const pathOf = (a) => new URL(a, self.registration.scope).pathname;
  return pathOf(address).startsWith(pathOf(page));
}

// Every other cache of ours goes: the previous release's, and the handover.
self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((key) => key.startsWith(OWN_CACHES) && key !== CACHE).map((key) => caches.delete(key))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('message', (event) => {
  if (event.data && event.data.type === 'SKIP_WAITING') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(
    caches.open(CACHE).then(async (cache) => {
      // A page always gets this release's own copy of itself, so it never mixes files of two
      // releases; any address under a page's directory is that page. A file cached on first use
      // is the same file whatever query it is asked with (the answering page retries the tools
      // module's script under a query of its own: src/ui/screen_switch.rs).
      const firstUse = isOnFirstUse(request.url);
      const key = request.mode === 'navigate' ? pageFor(request.url) : firstUse ? withoutQuery(request.url) : request;
      const cached = await cache.match(key);
      if (cached) return cached;
      const response = await fetch(request);
      if (response.ok && firstUse) await cache.put(key, response.clone());
      return response;
    }),
  );
});

function pageFor(address) {
  const path = new URL(address).pathname;
  const page = PAGES.find((candidate) => path.startsWith(new URL(candidate, self.registration.scope).pathname));
  return page ?? './';
}

function withoutQuery(address) {
  const url = new URL(address);
  return url.origin + url.pathname;
}

function isOnFirstUse(address) {
  const path = new URL(address, self.registration.scope).pathname;
  return ON_FIRST_USE.some((file) => new URL(file, self.registration.scope).pathname === path);
}
