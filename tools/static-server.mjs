// A static file server for dist/, as a prefecture's web server would host it: under a sub-path,
// with the Content-Security-Policy header, correct MIME types and gzip. Used by `scripts/start`,
// the browser tests and the benchmark. Loopback only. Like a real host it sends an ETag and answers
// a request that names it (If-None-Match) with 304 Not Modified and no body; and it records every
// request it answered (`requests`, with `logRequests`), so a test can count what crossed the network.
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; " +
  "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; " +
  "frame-ancestors 'none'";

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Serves `root` at `http://127.0.0.1:<port><base>`. Resolves once listening.
 * `logRequests`: keep every request answered in `requests` (the tests count transfers with it).
 * @param {{root: string, base?: string, port?: number, gzip?: boolean, logRequests?: boolean}} options
 */
export async function startStaticServer({ root, base = '/survey/', port = 0, gzip = true, logRequests = false }) {
  // `let`: the update test swaps one release for the next on the same address.
  let rootDir = resolve(root);
  /** Every request answered: method, path, status and body bytes sent, in order. */
  const requests = [];
  const server = createServer(async (request, response) => {
    const entry = { method: request.method, path: (request.url ?? '/').split('?')[0], status: 0, bytes: 0 };
    if (logRequests) requests.push(entry);
    // Recorded as the status is sent, before the client can see the answer.
    const writeHead = response.writeHead.bind(response);
    response.writeHead = (status, ...rest) => {
      entry.status = status;
      return writeHead(status, ...rest);
    };
    try {
      const url = new URL(request.url ?? '/', 'http://127.0.0.1');
      if (url.pathname === base.slice(0, -1) || url.pathname === '/') {
        response.writeHead(302, { Location: base });
        response.end();
        return;
      }
      if (!url.pathname.startsWith(base)) {
        response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
        response.end('not found');
        return;
      }
      let relative = decodeURIComponent(url.pathname.slice(base.length)) || 'index.html';
      if (relative.endsWith('/')) relative += 'index.html';
      const path = normalize(join(rootDir, relative));
      if (path !== rootDir && !path.startsWith(rootDir + sep)) {
        response.writeHead(403);
        response.end();
        return;
      }
      const info = await stat(path).catch(() => null);
      if (info?.isDirectory()) {
        // As static hosts do: /survey/overview → /survey/overview/, so the page's relative paths resolve.
        response.writeHead(301, { Location: `${url.pathname}/${url.search}` });
        response.end();
        return;
      }
      if (!info || !info.isFile()) {
        response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
        response.end('not found');
        return;
      }
      let body = await readFile(path);
      const type = TYPES[extname(path)] ?? 'application/octet-stream';
      const headers = {
        'Content-Type': type,
        'Content-Security-Policy': CONTENT_SECURITY_POLICY,
        'X-Content-Type-Options': 'nosniff',
        'Referrer-Policy': 'no-referrer',
        // Hashed file names never change content; the pages (index.html) and sw.js keep their names
        // across releases and must always be revalidated.
        'Cache-Control': relative === 'sw.js' || relative.endsWith('index.html') ? 'no-cache' : 'public, max-age=31536000, immutable',
      };
      const gzipped = gzip && /\bgzip\b/.test(request.headers['accept-encoding'] ?? '');
      if (gzip) headers['Vary'] = 'Accept-Encoding';
      // A strong validator of the bytes sent: the content's hash, and the encoding (a gzip body is
      // another representation).
      headers['ETag'] = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}${gzipped ? '-gz' : ''}"`;
      if (matches(request.headers['if-none-match'], headers['ETag'])) {
        response.writeHead(304, headers);
        response.end();
        return;
      }
      if (gzipped) {
        body = gzipSync(body, { level: 9 });
        headers['Content-Encoding'] = 'gzip';
      }
      headers['Content-Length'] = body.length;
      response.writeHead(200, headers);
      if (request.method !== 'HEAD') entry.bytes = body.length;
      response.end(request.method === 'HEAD' ? undefined : body);
    } catch (error) {
      response.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
      response.end(String(error));
    }
  });
  await new Promise((done) => server.listen(port, '127.0.0.1', done));
  const address = server.address();
  return {
    url: `http://127.0.0.1:${address.port}${base}`,
    requests,
    origin: `http://127.0.0.1:${address.port}`,
    /** Serves another directory from now on (a new release deployed in place). */
    setRoot(dir) {
      rootDir = resolve(dir);
    },
    close: () => new Promise((done) => {
      server.closeAllConnections?.();
      server.close(done);
    }),
  };
}

/** Whether an If-None-Match header names `etag` (or is `*`); weak tags compare by their value. */
function matches(ifNoneMatch, etag) {
  if (!ifNoneMatch) return false;
  const strip = (tag) => tag.trim().replace(/^W\//, '');
  return ifNoneMatch.split(',').some((tag) => tag.trim() === '*' || strip(tag) === etag);
}

// `node tools/static-server.mjs [dist] [port]`: serve until interrupted.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = process.argv[2] ?? 'dist';
  const port = Number(process.argv[3] ?? 8080);
  const server = await startStaticServer({ root, port });
  console.log(`回答準備ツールを配信しています: ${server.url}  （終了するには Ctrl+C）`);
}
