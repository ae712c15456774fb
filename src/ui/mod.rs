//! The browser shell: the answering page's bindings over its static markup (form_page.rs, without
//! the leptos crate) and the Leptos components of the tools and overview pages. Both render the
//! core's state and forward the user's events to it.

mod announcer;
#[cfg(feature = "tools")]
mod app;
mod browser_storage;
mod clock;
#[cfg(feature = "tools")]
mod document_header;
mod download;
#[cfg(feature = "tools")]
mod draft_bar;
#[cfg(feature = "tools")]
mod draft_list;
#[cfg(feature = "tools")]
mod draft_notices;
mod draft_session;
#[cfg(feature = "tools")]
mod export_panel;
#[cfg(feature = "tools")]
mod file_import;
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
#[cfg(feature = "tools")]
mod section_nav;
#[cfg(feature = "tools")]
mod shift_jis;
#[cfg(feature = "tools")]
mod update_notice;

mod rx;

#[cfg(feature = "tools")]
pub use app::App;

/// Replaces the static loading message with the app.
#[cfg(feature = "tools")]
pub fn start() {
    if let Some(loading) = leptos::prelude::document().get_element_by_id("loading") {
        loading.remove();
    }
    leptos::mount::mount_to_body(App);
}

/// The form page: binds behaviour to the static markup the HTML already has.
pub fn start_form_page() {
    form_page::start();
}
