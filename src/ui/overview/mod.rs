//! The overview page: many hospitals' answer files combined, for prefectures and associations. A
//! page and binary of its own (overview.html, src/bin/overview.rs), so the answering page never
//! loads any of it.

mod file_problems;
mod file_reading;
mod file_source;
mod filter_panel;
mod hospital_table;
mod item_summary_view;
mod load_panel;
mod overview_export;
mod overview_state;
mod page;
mod share_bar;

pub use page::OverviewPage;

/// Replaces the static loading message with the overview page.
pub fn start() {
    if let Some(loading) = leptos::prelude::document().get_element_by_id("loading") {
        loading.remove();
    }
    leptos::mount::mount_to_body(OverviewPage);
}
