// Puts the pages' markup (written by build.rs from the served edition into web/generated/) into a
// built page: the answering page (index.html) gets its head and its whole body, the overview page
// its head. Called by post-build.mjs first (Trunk runs hooks of one stage concurrently), or by
// hand: node tools/splice-pages.mjs <built index.html>
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// Which markup a page takes, told apart by the program its Trunk build links.
const PAGES = [
  { program: 'cyber-survey-form-', markup: 'answering-page.html', parts: ['head', 'body'] },
  { program: 'overview-', markup: 'overview-page.html', parts: ['head'] },
];

export function splicePages(path) {
  let html = readFileSync(path, 'utf8');
  const page = PAGES.find((candidate) => html.includes(`/${candidate.program}`) || html.includes(`./${candidate.program}`));
  if (!page) return false;
  const generated = readFileSync(new URL(`../web/generated/${page.markup}`, import.meta.url), 'utf8');
  for (const part of page.parts) {
    const match = generated.match(new RegExp(`<!--${part}-->([\\s\\S]*?)<!--/${part}-->`));
    // Every placeholder must be there (an HTML minifier, say, would drop them and ship a page
    // without its form).
    if (!match || !html.includes(`<!--${part}-->`)) throw new Error(`splice-pages: ${page.markup}: no ${part}`);
    // A function, so that `$&` and the like in the survey's wording are not replacement patterns.
    html = html.replace(`<!--${part}-->`, () => match[1]);
  }
  writeFileSync(path, html);
  return true;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  splicePages(process.argv[2]);
}
