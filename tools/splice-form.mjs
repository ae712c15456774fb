// Puts the survey's static markup (written by build.rs to web/generated/) into the form page.
// Called by post-build.mjs first (Trunk runs hooks of one stage concurrently), or by hand:
// node tools/splice-form.mjs <index.html>
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export function spliceForm(path) {
  let html = readFileSync(path, 'utf8');
  // The answering page is the one built from the form's binary; it must have every placeholder
  // (an HTML minifier, say, would drop them and ship a page without the form).
  if (!html.includes('cyber-survey-form-')) return false;
  const generated = readFileSync(new URL('../web/generated/r6.html', import.meta.url), 'utf8');
  for (const part of ['nav', 'intro', 'form']) {
    const match = generated.match(new RegExp(`<!--${part}-->([\\s\\S]*?)<!--/${part}-->`));
    if (!match || !html.includes(`<!--${part}-->`)) throw new Error(`splice-form: no ${part}`);
    // A function, so that `$&` and the like in the survey's wording are not replacement patterns.
    html = html.replace(`<!--${part}-->`, () => match[1]);
  }
  writeFileSync(path, html);
  return true;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  spliceForm(process.argv[2]);
}
