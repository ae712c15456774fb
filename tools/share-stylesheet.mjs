// Run by scripts/build after every page is built: the tools and overview pages link the answering
// page's copy of main.css (../main-<hash>.css) instead of their own. Trunk names the file by its
// content, so the copies have the same name and bytes; one copy means a page opened after the
// answering page finds the stylesheet already cached and downloads only its own styles. The
// integrity attribute Trunk wrote stays valid because the bytes are the same (checked here).
//   node tools/share-stylesheet.mjs [dist]
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dist = process.argv[2] ?? 'dist';
// The tools module's own stylesheet is added by its start-up script to the answering page, which
// already has main.css.
const SUBPAGES = ['overview'];

for (const page of SUBPAGES) {
  const htmlPath = join(dist, page, 'index.html');
  const html = readFileSync(htmlPath, 'utf8');
  const links = [...html.matchAll(/href="\.\/(main-[0-9a-f]+\.css)"/g)];
  if (links.length !== 1) {
    console.error(`share-stylesheet: ${page}/index.html links ${links.length} copies of main.css, expected 1`);
    process.exit(1);
  }
  const name = links[0][1];
  const own = join(dist, page, name);
  const shared = join(dist, name);
  if (!existsSync(shared) || !readFileSync(shared).equals(readFileSync(own))) {
    console.error(`share-stylesheet: ${name} differs from the answering page's main.css`);
    process.exit(1);
  }
  writeFileSync(htmlPath, html.replace(`href="./${name}"`, `href="../${name}"`));
  rmSync(own);
  console.log(`share-stylesheet: ${page}/ links ../${name}`);
}
