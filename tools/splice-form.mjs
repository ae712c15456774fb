// Puts the survey's static markup (written by build.rs to web/generated/) into the form page.
// Usage: node tools/splice-form.mjs <index.html>   (run as a Trunk post_build hook, or by hand)
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
const path = process.argv[2] ?? join(process.env.TRUNK_STAGING_DIR, 'index.html');
const root = new URL('..', import.meta.url);
const generated = readFileSync(new URL('web/generated/r6.html', root), 'utf8');
let html = readFileSync(path, 'utf8');
for (const part of ['nav', 'intro', 'form']) {
  const match = generated.match(new RegExp(`<!--${part}-->([\\s\\S]*?)<!--/${part}-->`));
  if (!match || !html.includes(`<!--${part}-->`)) {
    console.error(`splice-form: no ${part}`);
    process.exit(1);
  }
  html = html.replace(`<!--${part}-->`, match[1]);
}
writeFileSync(path, html);
