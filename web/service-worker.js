// Keeps the app usable without a network once it has been opened, and moves to a new release only
// when the user agrees. tools/service-worker.mjs fills in the release's version, pages and files.
// Drafts live in localStorage, which this worker never touches.
const VERSION = '__VERSION__';
// The site's pages, deepest first ('./overview/' before './'), and every file to cache.
const PAGES = __PAGES__;
const FILES = __FILES__;
const CACHE = `cyber-survey-${VERSION}`;
const OWN_CACHES = 'cyber-survey-';

self.addEventListener('install', (event) => {
  // `cache: 'reload'` fetches from the server, not from a stale HTTP cache.
  event.waitUntil(
    caches.open(CACHE).then((cache) => cache.addAll(FILES.map((file) => new Request(file, { cache: 'reload' })))),
  );
  // No skipWaiting here: a page running the old release keeps it until the user chooses to update.
});

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
      // releases; any address under a page's directory is that page.
      const cached = request.mode === 'navigate' ? await cache.match(pageFor(request.url)) : await cache.match(request);
      return cached || fetch(request);
    }),
  );
});

function pageFor(address) {
  const path = new URL(address).pathname;
  const page = PAGES.find((candidate) => path.startsWith(new URL(candidate, self.registration.scope).pathname));
  return page ?? './';
}
