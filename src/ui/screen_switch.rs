//! The form page's side of the one page's screens: it shows the form or the tools screens' holder
//! as the address says, marks the current tab, and brings in the tools module (its script, which
//! then loads its own wasm and stylesheet) the first time a tools screen is asked for, or while the
//! browser is idle after the form became usable.

use super::form_ids::page::{SCREEN_FORM, SCREEN_TOOLS};
use super::rx::*;
use super::screens::Screen;

/// The tools module's start-up script, once added to the page.
const TOOLS_SCRIPT_ID: &str = "tools-boot";

/// Shows the screen the address names and returns it.
pub fn show_screen(hash: &str) -> Screen {
    let screen = Screen::from_hash(hash);
    let tools = screen != Screen::Form;
    let document = document();
    for (id, hidden) in [(SCREEN_FORM, tools), (SCREEN_TOOLS, !tools)] {
        if let Some(element) = document.get_element_by_id(id) {
            let _ = element.toggle_attribute_with_force("hidden", hidden);
        }
    }
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

/// Adds the tools module's script to the page, once. Its address is written into the holder by
/// the build (scripts/build), since it carries the content hash of the tools build.
pub fn load_tools() {
    let document = document();
    if document.get_element_by_id(TOOLS_SCRIPT_ID).is_some() {
        return;
    }
    let Some(source) = document
        .get_element_by_id(SCREEN_TOOLS)
        .and_then(|holder| holder.get_attribute("data-boot"))
    else {
        return;
    };
    let (Ok(script), Some(head)) = (document.create_element("script"), document.head()) else {
        return;
    };
    script.set_id(TOOLS_SCRIPT_ID);
    let _ = script.set_attribute("type", "module");
    let _ = script.set_attribute("src", &source);
    let _ = head.append_child(&script);
}

/// Whether an error event is the tools module's script failing to load (offline before it was
/// ever cached): the holder then says so instead of waiting for ever.
pub fn is_tools_failure(target: &web_sys::Element) -> bool {
    target.id() == TOOLS_SCRIPT_ID
}
