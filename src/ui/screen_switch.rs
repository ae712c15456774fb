//! The form page's side of the one page's screens: it shows the form or the tools screens' holder
//! as the address says, marks the current tab, and brings in the tools module (its script, which
//! then loads its own wasm and stylesheet) the first time a tools screen is asked for, or while the
//! browser is idle after the form became usable.

use super::rx::*;
use super::screens::Screen;
use crate::markup::form_ids::page::{
    SCREEN_FORM, SCREEN_TOOLS, TOOLS_FAILED, TOOLS_LOADING, TOOLS_SCRIPT,
};

/// Shows the screen the address names and returns it.
pub fn show_screen(hash: &str) -> Screen {
    let screen = Screen::from_hash(hash);
    let tools = screen != Screen::Form;
    let document = document();
    set_hidden(SCREEN_FORM, tools);
    set_hidden(SCREEN_TOOLS, !tools);
    // The section list beside the form belongs to the form (style/main.css hides it otherwise).
    if let Some(root) = document.document_element() {
        let _ = root.set_attribute("data-screen", if tools { "tools" } else { "form" });
    }
    if let Ok(Some(previous)) = document.query_selector(".screen-tab[aria-current]") {
        let _ = previous.remove_attribute("aria-current");
    }
    let tab = format!(".screen-tab[href=\"{}\"]", screen.address());
    if let Ok(Some(tab)) = document.query_selector(&tab) {
        let _ = tab.set_attribute("aria-current", "page");
    }
    if tools {
        load_tools();
    }
    screen
}

/// Adds the tools module's script to the page, once; again after it failed to load (offline
/// before it was ever cached), under an address of its own, since the browser remembers a module
/// that failed for the page's lifetime. Its address and integrity are written into the holder by
/// the build (tools/link-tools.mjs), since they carry the content hash of the tools build.
pub fn load_tools() {
    let document = document();
    let Some(holder) = document.get_element_by_id(SCREEN_TOOLS) else {
        return;
    };
    let mut source = holder.get_attribute("data-boot");
    if let Some(earlier) = document.get_element_by_id(TOOLS_SCRIPT) {
        if earlier.get_attribute(FAILED).is_none() {
            return;
        }
        // Each retry's address adds a query (`?r`, `?r?r`, …): the server and the service worker
        // ignore it, the browser's memory of the failure does not. The failed element stays,
        // without its id.
        source = earlier.get_attribute("src").map(|earlier| earlier + "?r");
        earlier.set_id("");
        set_hidden(TOOLS_LOADING, false);
        set_hidden(TOOLS_FAILED, true);
    }
    let (Some(source), Ok(script), Some(head)) =
        (source, document.create_element("script"), document.head())
    else {
        return;
    };
    script.set_id(TOOLS_SCRIPT);
    let _ = script.set_attribute("type", "module");
    if let Some(integrity) = holder.get_attribute("data-boot-integrity") {
        let _ = script.set_attribute("integrity", &integrity);
    }
    let _ = script.set_attribute("src", &source);
    let _ = head.append_child(&script);
}

/// Set on the tools script once it failed to load, or once its program did (web/tools-boot.js).
const FAILED: &str = "data-failed";

/// After the tools module's script failed to load: the holder says so (instead of waiting for
/// ever), and the next switch to one of its screens tries again.
pub fn tools_failed(script: &web_sys::Element) {
    let _ = script.set_attribute(FAILED, "");
    set_hidden(TOOLS_LOADING, true);
    set_hidden(TOOLS_FAILED, false);
}

/// Hides or shows the page's element of that id.
pub fn set_hidden(id: &str, hidden: bool) {
    if let Some(element) = document().get_element_by_id(id) {
        let _ = element.toggle_attribute_with_force("hidden", hidden);
    }
}

/// Whether an error event is the tools module's script failing to load (offline before it was
/// ever cached): the holder then says so instead of waiting for ever.
pub fn is_tools_failure(target: &web_sys::Element) -> bool {
    target.id() == TOOLS_SCRIPT
}
