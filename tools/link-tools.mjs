// Run by scripts/build once both are built: writes the address of the tools module's start-up
// script (dist/tools/boot-<hash>.js, named by its content) into the answering page's holder for
// the tools screens (data-boot on #screen-tools), with its integrity (data-boot-integrity), which
// the form module reads to load it.
//   node tools/link-tools.mjs [dist]
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dist = process.argv[2] ?? 'dist';
const tools = readFileSync(join(dist, 'tools', 'index.html'), 'utf8');
const boot = [...tools.matchAll(/<script type="module" src="\.\/(boot-[0-9a-f]{16}\.js)" integrity="([^"]+)"/g)];
if (boot.length !== 1) {
  console.error(`link-tools: tools/index.html has ${boot.length} start-up scripts, expected 1`);
  process.exit(1);
}
const pagePath = join(dist, 'index.html');
const page = readFileSync(pagePath, 'utf8');
const holder = 'id="screen-tools" data-boot=""';
if (page.split(holder).length !== 2) {
  console.error('link-tools: index.html has no empty holder for the tools screens (id="screen-tools" data-boot="")');
  process.exit(1);
}
writeFileSync(
  pagePath,
  page.replace(holder, `id="screen-tools" data-boot="tools/${boot[0][1]}" data-boot-integrity="${boot[0][2]}"`),
);
console.log(`link-tools: index.html loads tools/${boot[0][1]}`);
