// Counting what crossed the network, from the static server's request log (tools/static-server.mjs
// records every request it answered): on a first visit every file of the answering page must come
// down once, whatever the service worker does while it installs (it takes the page's files from
// the HTTP cache; a revalidation answered 304 sends no body), and the wasm preload must be the
// download the page's program uses.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/**
 * The answering page's files as addresses relative to the site's root: the page itself ('' — it
 * is requested as the directory), every file beside it, and sw.js.
 */
export function answeringPageFiles(dist) {
  return readdirSync(dist)
    .filter((name) => !name.startsWith('.') && statSync(join(dist, name)).isFile())
    .map((name) => (name === 'index.html' ? '' : name))
    .sort();
}

/**
 * Asserts that each of `paths` was sent whole (200) exactly once among `requests` (or at most
 * `times` times), and returns the bytes of those bodies. Other answers for them may only be 304 Not
 * Modified.
 */
export function assertEachFileOnce(requests, paths, label = '', { times = 1 } = {}) {
  let bytes = 0;
  const report = requests.map((r) => `${r.method} ${r.path} ${r.status} ${r.bytes}`).join('\n');
  for (const path of paths) {
    const answers = requests.filter((request) => request.path === path);
    const whole = answers.filter((request) => request.status === 200);
    assert.ok(whole.length >= 1 && whole.length <= times, `${label}: ${path} sent whole ${times === 1 ? 'once' : `at most ${times} times`}, not ${whole.length} times\n${report}`);
    for (const other of answers) assert.ok([200, 304].includes(other.status), `${label}: ${path} answered ${other.status}\n${report}`);
    bytes += whole.reduce((sum, request) => sum + request.bytes, 0);
  }
  return bytes;
}

/**
 * The gzip -9 bytes of the answering page's files, each once: what tools/size-check.mjs counts
 * against the first visit's budget, and what a first visit must transfer.
 */
export function answeringPageGzipBytes(dist) {
  return answeringPageFiles(dist)
    .map((name) => gzipSync(readFileSync(join(dist, name || 'index.html')), { level: 9 }).length)
    .reduce((sum, size) => sum + size, 0);
}
