//! The browser shell of the one page: the form module's bindings over its static markup (form_page.rs, without
//! the leptos crate) and the Leptos components of the tools and overview pages. Both render the
//! core's state and forward the user's events to it.

mod announcer;
#[cfg(feature = "tools")]
mod app;
mod browser_storage;
mod clock;
#[cfg(feature = "tools")]
mod document_header;
#[cfg(feature = "tools")]
mod download;
#[cfg(feature = "tools")]
mod draft_list;
#[cfg(feature = "tools")]
mod draft_notices;
mod draft_session;
#[cfg(feature = "tools")]
mod export_panel;
#[cfg(feature = "tools")]
mod file_import;
#[cfg(feature = "tools")]
mod file_outcomes;
mod focus;
mod form_page;
mod form_state;
#[cfg(feature = "tools")]
mod json_file_panel;
#[cfg(feature = "tools")]
pub mod overview;
#[cfg(feature = "tools")]
mod page_drop;
mod progress_panel;
#[cfg(feature = "tools")]
mod readiness_report;
#[cfg(feature = "tools")]
mod review_view;
#[cfg(feature = "tools")]
mod screen;
mod screen_switch;
pub mod screens;
#[cfg(feature = "tools")]
mod shift_jis;

mod rx;

#[cfg(feature = "tools")]
pub use app::App;

/// Mounts the tools module's screens into their holder on the one page, in place of its loading
/// message.
#[cfg(feature = "tools")]
pub fn start() {
    use wasm_bindgen::JsCast;
    let document = leptos::prelude::document();
    if let Some(loading) = document.get_element_by_id(crate::markup::form_ids::page::TOOLS_LOADING)
    {
        loading.remove();
    }
    if let Some(holder) = document
        .get_element_by_id(crate::markup::form_ids::page::SCREEN_TOOLS)
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        leptos::mount::mount_to(holder, App).forget();
    }
}

/// The form page: binds behaviour to the static markup the HTML already has.
pub fn start_form_page() {
    form_page::start();
}
