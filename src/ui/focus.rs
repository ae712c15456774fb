//! The one place that moves keyboard focus. Focus moves only where the user asked for it: to the
//! error summary after a check, and to an item from the summary's links.

use super::rx::*;
use wasm_bindgen::JsCast;

use crate::markup::form_ids;

/// Focuses an element once the current render has reached the page.
pub fn focus_after_render(element_id: String) {
    request_animation_frame(move || focus_now(&element_id));
}

/// Focuses the control of an item: the chosen option of a choice group, else its first control.
pub fn focus_item(id: &str) {
    let document = document();
    let chosen = document
        .query_selector(&format!("#{} input:checked", form_ids::item(id)))
        .ok()
        .flatten();
    let target = chosen.or_else(|| document.get_element_by_id(&form_ids::field(id)));
    if let Some(element) = target.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = element.focus();
        scroll_into_view(&element);
    }
}

fn focus_now(element_id: &str) {
    if let Some(element) = document()
        .get_element_by_id(element_id)
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = element.focus();
        scroll_into_view(&element);
    }
}

fn scroll_into_view(element: &web_sys::HtmlElement) {
    let options = web_sys::ScrollIntoViewOptions::new();
    options.set_block(web_sys::ScrollLogicalPosition::Center);
    element.scroll_into_view_with_scroll_into_view_options(&options);
}

/// Keeps the control being typed in clear of a notice pinned to the bottom of the window (the
/// notice that what is typed is not being saved). Scrolls, never moves focus.
pub fn keep_focused_in_view() {
    let active = document()
        .active_element()
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    // Called once the notice is shown; scrolling asks the browser for the new layout itself.
    if let Some(element) = active {
        scroll_into_view(&element);
    }
}
