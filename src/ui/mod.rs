//! The Leptos shell: components render the form state and forward the user's events to it.

mod advisory_notes;
mod announcer;
mod app;
mod browser_storage;
mod check_result;
mod choice_group;
mod clock;
mod document_header;
mod download;
mod draft_bar;
mod draft_list;
mod draft_notices;
mod draft_session;
mod export_panel;
mod file_import;
mod focus;
mod form_state;
mod guidance_view;
mod item_label;
mod item_link;
mod item_view;
mod number_field;
pub mod overview;
mod page_drop;
mod progress_panel;
mod readiness_report;
mod review_view;
mod screen;
mod section_nav;
mod section_view;
mod shift_jis;
mod survey_intro;
mod text_field;
mod update_notice;

pub use app::App;

/// Replaces the static loading message with the app.
pub fn start() {
    if let Some(loading) = leptos::prelude::document().get_element_by_id("loading") {
        loading.remove();
    }
    leptos::mount::mount_to_body(App);
}
