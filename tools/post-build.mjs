// Trunk post_build hook, run in the staging directory of each page's build: puts the survey's
// static markup into the answering page (tools/splice-pages.mjs; called from here because Trunk runs
// the hooks of one stage concurrently, so a second hook could not be ordered before this one), then
// moves Trunk's inline start-up script, guarded so that a page which cannot start says so
// (web/load-failure.js), its wasm fetched by web/program-fetch.js, plus the service-worker client,
// into a content-hashed file,
// so the Content-Security-Policy can forbid inline scripts. sw.js is written once both pages are built
// (scripts/build), because it lists the files of the whole site.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { splicePages } from './splice-pages.mjs';
import { withoutCommentLines } from './strip-comments.mjs';

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) {
  console.error('post-build: TRUNK_STAGING_DIR is not set (run through trunk)');
  process.exit(1);
}
const root = join(fileURLToPath(import.meta.url), '..', '..');
const htmlPath = join(staging, 'index.html');
// The answering page and the overview take the markup build.rs wrote; tools.html is left as it is.
splicePages(htmlPath);
const html = readFileSync(htmlPath, 'utf8');
const inline = /<script type="module"(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g;
const found = [...html.matchAll(inline)];
if (found.length !== 1) {
  console.error(`post-build: expected one inline module script, found ${found.length}`);
  process.exit(1);
}
const [tag, body] = found[0];
// Trunk's start-up imports the page's program statically, so a failed download would stop the
// whole module before any handler could run: it becomes a dynamic import inside try, and a
// failure shows web/load-failure.js's message.
const staticImport = /^import init, \* as bindings from '(\.\/[^']+)';$/m;
const program = body.match(staticImport);
if (!program) {
  console.error("post-build: Trunk's start-up script no longer has the expected import line");
  process.exit(1);
}
// Trunk preloads the wasm (<link rel="preload" as="fetch" crossorigin integrity>) and hands
// wasm-bindgen the bare address. WebKit gives that preload to no fetch() at all (measured, with and
// without integrity or crossorigin), so it downloaded the wasm twice. The answering page drops the
// preload instead: its start-up script is async, so it runs as soon as it has arrived, while the
// page is still being parsed, starts the wasm's download (with the integrity Trunk computed, so
// the check applies to the file that runs) and the glue's import at once, and binds the page
// once it is parsed. Every engine then downloads each file once, as early as the preload did.
const initArgument = /init\(\{ module_or_path: '(\.\/[^']+\.wasm)' \}\)/;
const wasm = body.match(initArgument);
const escaped = wasm?.[1].replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const preload = wasm && html.match(new RegExp(`<link rel="preload" href="${escaped}"[^>]*>`));
const preloadIntegrity = preload?.[0].match(/\bintegrity="([^"]+)"/);
if (!preloadIntegrity || !/\bcrossorigin="anonymous"/.test(preload[0])) {
  console.error("post-build: Trunk's start-up script or its wasm preload no longer has the expected form");
  process.exit(1);
}
// The wasm is named relative to this script, not to the document: the tools module's script runs
// on the answering page, one directory up.
const wasmAddress = `new URL('${wasm[1]}', import.meta.url).href`;
const toolsStart = body
  .trim()
  .replace(staticImport, `const bindings = await import('${program[1]}');\nconst init = bindings.default;`)
  .replace(initArgument, `init({ module_or_path: fetchProgram(${wasmAddress}, '${preloadIntegrity[1]}') })`);
const formEarly =
  `const programFetch = fetchProgram(${wasmAddress}, '${preloadIntegrity[1]}');\n` +
  `const bindingsImport = import('${program[1]}');\n` +
  // Handled where they are awaited, below; not reported as unhandled in between.
  `programFetch.catch(() => {});\nbindingsImport.catch(() => {});\n`;
const formStart = body
  .trim()
  .replace(staticImport, `await pageParsed();\nconst bindings = await bindingsImport;\nconst init = bindings.default;`)
  .replace(initArgument, 'init({ module_or_path: programFetch })');
// The tools module (tools.html, marked data-screens-of) is not a page: its script brings its
// stylesheet and program into the answering page (web/tools-boot.js); the service worker is the
// answering page's to register.
const screensOf = /<html[^>]*\bdata-screens-of=/.test(html);
const stylesheets = [...html.matchAll(/<link rel="stylesheet" href="(\.\/[^"]+\.css)" integrity="([^"]+)"\/?>/g)];
if (screensOf && stylesheets.length !== 1) {
  console.error(`post-build: the tools module should have one stylesheet, found ${stylesheets.length}`);
  process.exit(1);
}
const code = withoutCommentLines(
  screensOf
    ? readFileSync(join(root, 'web', 'tools-boot.js'), 'utf8') +
        `if (toolsScreen) {\n  addToolsStylesheet('${stylesheets[0][1]}', '${stylesheets[0][2]}');\n  try {\n${toolsStart}\n  } catch {\n    showLoadFailure();\n  }\n} else {\n  location.replace('../' + location.hash);\n}\n`
    : readFileSync(join(root, 'web', 'load-failure.js'), 'utf8') +
        readFileSync(join(root, 'web', 'program-fetch.js'), 'utf8') +
        formEarly +
        `try {\n${formStart}\n} catch {\n  await pageParsed();\n  showLoadFailure();\n}\n\n` +
        readFileSync(join(root, 'web', 'sw-client.js'), 'utf8'),
);
const name = `boot-${createHash('sha256').update(code).digest('hex').slice(0, 16)}.js`;
const integrity = 'sha384-' + createHash('sha384').update(code).digest('base64');
writeFileSync(join(staging, name), code);
const startUp = screensOf
  ? `<script type="module" src="./${name}" integrity="${integrity}"></script>`
  : `<script type="module" async src="./${name}" integrity="${integrity}"></script>`;
writeFileSync(
  htmlPath,
  (screensOf ? html : html.replace(preload[0], '')).replace(tag, startUp),
);
console.log(`post-build: ${name}`);
