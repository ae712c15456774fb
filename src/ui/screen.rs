//! What the tools module's screens share: opening a screen at its heading, links to an item of the
//! form, and printing.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::screens::Screen;
use crate::markup::form_ids;

/// Shows a screen the user opened (by a tab, a link, Back or a bookmark) from its top, just below
/// the tabs, with focus on its heading, once it has been rendered.
pub fn open_heading(hash: &str) {
    let heading = Screen::heading(hash);
    request_animation_frame(move || {
        let document = document();
        if let Ok(Some(tabs)) = document.query_selector(".screen-tabs") {
            tabs.scroll_into_view();
        }
        if let Some(heading) = document
            .get_element_by_id(heading)
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let options = web_sys::FocusOptions::new();
            options.set_prevent_scroll(true);
            let _ = heading.focus_with_options(&options);
        }
    });
}

/// The address of an item on the form (the same page).
pub fn item_on_form(item: &str) -> String {
    format!("#{}", form_ids::item(item))
}

/// A link from the review, the report or the CSV panel to an item on the form, which focuses the
/// item's control when the form shows.
#[component]
pub fn ItemOnFormLink(item: String, children: Children) -> impl IntoView {
    view! { <a href=item_on_form(&item)>{children()}</a> }
}

/// Shows the form with the open draft (after the draft list opened or created one).
pub fn show_form() {
    let _ = window().location().set_hash("form");
}

/// Opens the browser's print dialog (and its "save as PDF").
pub fn print_page() {
    let _ = window().print();
}
