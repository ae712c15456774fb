// Writes sw.js for a built site: the release's files (the top directory's, the form's, to cache at
// install; those in subdirectories, the other screens' module and the overview page, on first use) and a version derived from all of their contents, so that any change to any file makes a new release.
// `node tools/service-worker.mjs <dir>` does it for an existing directory (scripts/build, and the
// update test uses it to make a second release).
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { withoutCommentLines } from './strip-comments.mjs';

const TEMPLATE = join(fileURLToPath(import.meta.url), '..', '..', 'web', 'service-worker.js');
const WORKER = 'sw.js';

/** Paths relative to `dir`, with '/' separators, sorted: the same list on every machine. */
function filesUnder(dir, prefix = '') {
  return readdirSync(join(dir, prefix), { withFileTypes: true })
    .filter((entry) => !entry.name.startsWith('.'))
    .flatMap((entry) => {
      const path = prefix ? `${prefix}/${entry.name}` : entry.name;
      if (entry.isDirectory()) return filesUnder(dir, path);
      return entry.isFile() && path !== WORKER ? [path] : [];
    })
    .sort();
}

export function writeServiceWorker(dir) {
  const files = filesUnder(dir);
  const hash = createHash('sha256');
  for (const name of files) hash.update(name).update('\0').update(readFileSync(join(dir, name)));
  const version = hash.digest('hex').slice(0, 16);
  // A page is cached under its directory's address ('./', './overview/'), as it is navigated to.
  // Deepest first, so a navigation picks the most specific page.
  const pages = files
    .filter((name) => name === 'index.html' || name.endsWith('/index.html'))
    .map((name) => `./${name.slice(0, -'index.html'.length)}`)
    .sort((a, b) => b.length - a.length || a.localeCompare(b));
  // The answering page (the top directory) is cached at install; the other pages on first use.
  const address = (name) => (name.endsWith('index.html') ? `./${name.slice(0, -'index.html'.length)}` : `./${name}`);
  // The worker takes every file but the pages from the HTTP cache without asking the server
  // (web/service-worker.js), which is right only for a name that changes with the content.
  // Trunk writes its hash as a hex number without leading zeros (15 digits one build in 16).
  const unhashed = files.filter((name) => !name.endsWith('index.html') && !/-[0-9a-f]{8,16}(?:_bg)?\.[a-z]+$/.test(name));
  if (unhashed.length > 0) throw new Error(`files without a content hash in their name: ${unhashed.join(', ')}`);
  const atInstall = files.filter((name) => !name.includes('/')).map(address);
  const onFirstUse = files.filter((name) => name.includes('/')).map(address);
  const worker = withoutCommentLines(readFileSync(TEMPLATE, 'utf8'))
    .replace("'__VERSION__'", JSON.stringify(version))
    .replace('__PAGES__', JSON.stringify(pages))
    .replace('__FILES__', JSON.stringify(atInstall))
    .replace('__ON_FIRST_USE__', JSON.stringify(onFirstUse));
  writeFileSync(join(dir, WORKER), worker);
  return version;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2];
  if (!dir) {
    console.error('usage: node tools/service-worker.mjs <built site directory>');
    process.exit(2);
  }
  console.log(`sw.js version ${writeServiceWorker(dir)}`);
}
