// The tools module's start on the one page (index.html), which holds its screens in
// #screen-tools: its stylesheet, then its program, both named relative to this script (tools/).
// Opened as a page of its own (an old bookmark of tools/), it goes to the one page, at the same
// screen. A failure says so in the screens' holder, and the next switch to one of its screens
// tries again; the form and its draft are not touched.
const toolsScreen = document.getElementById('screen-tools');
function showLoadFailure() {
  document.getElementById('tools-loading')?.setAttribute('hidden', '');
  document.getElementById('tools-failed')?.removeAttribute('hidden');
  // The next switch to one of these screens tries again (src/ui/screen_switch.rs).
  document.getElementById('tools-boot')?.setAttribute('data-failed', '');
}
function addToolsStylesheet(href, integrity) {
  const sheet = document.createElement('link');
  sheet.rel = 'stylesheet';
  sheet.href = new URL(href, import.meta.url).href;
  sheet.integrity = integrity;
  document.head.append(sheet);
}
// The program's own fetch with its integrity (no preload to match here, and no hand-over to the
// service worker, which caches these files as they are fetched: web/service-worker.js).
const fetchProgram = (address, integrity) => fetch(address, { integrity });
