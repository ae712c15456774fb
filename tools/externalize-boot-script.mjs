// Trunk post_build hook. Trunk starts the app with an inline <script type="module">; a strict
// Content-Security-Policy (script-src 'self') forbids inline scripts. This moves that script into a
// content-hashed file beside index.html, referenced with Subresource Integrity.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) {
  console.error('externalize-boot-script: TRUNK_STAGING_DIR is not set (run through trunk)');
  process.exit(1);
}
const htmlPath = join(staging, 'index.html');
const html = readFileSync(htmlPath, 'utf8');
const inline = /<script type="module"(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g;
const found = [...html.matchAll(inline)];
if (found.length !== 1) {
  console.error(`externalize-boot-script: expected one inline module script, found ${found.length}`);
  process.exit(1);
}
const [tag, body] = found[0];
const code = body.trim() + '\n';
const name = `boot-${createHash('sha256').update(code).digest('hex').slice(0, 16)}.js`;
const integrity = 'sha384-' + createHash('sha384').update(code).digest('base64');
writeFileSync(join(staging, name), code);
writeFileSync(
  htmlPath,
  html.replace(tag, `<script type="module" src="./${name}" integrity="${integrity}"></script>`),
);
console.log(`externalize-boot-script: ${name}`);
