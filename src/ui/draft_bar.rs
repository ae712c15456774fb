//! The open draft, whether it is saved, and the way to the list of drafts. (Saving and loading
//! files is the files screen's: json_file_panel.rs.)

use leptos::prelude::*;

use super::clock::status_time;
use super::draft_session::{DraftSession, SaveStatus};

pub const DRAFT_LIST_ID: &str = "draft-list";

#[component]
pub fn DraftBar(drafts: DraftSession, list_open: RwSignal<bool>) -> impl IntoView {
    let status_text = move || {
        drafts
            .status()
            .shown(drafts.memory_only, &drafts.open_saved_at(), status_time)
    };
    view! {
        <section class="draft-bar" aria-label="下書き">
            <div class="draft-bar-inner">
                <p class="draft-current">
                    <span class="draft-label">"下書き："</span>
                    <strong class="draft-name">{move || drafts.current_name()}</strong>
                    <span class="save-status" aria-hidden="true" class:save-problem=move || {
                        !drafts.with_status(SaveStatus::is_stored)
                    }>{status_text}</span>
                    // Announced only when the state changes, not each time the clock does.
                    <span class="visually-hidden" role="status">{move || {
                        drafts.with_status(|status| status.spoken(drafts.memory_only))
                    }}</span>
                </p>
                <div class="draft-actions">
                    <button
                        type="button"
                        class="button button-secondary"
                        aria-expanded=move || if list_open.get() { "true" } else { "false" }
                        aria-controls=DRAFT_LIST_ID
                        on:click=move |_| list_open.update(|open| *open = !*open)
                    >
                        "下書きの一覧・切り替え"
                    </button>
                </div>
            </div>
        </section>
    }
}
