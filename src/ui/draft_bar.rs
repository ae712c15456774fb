//! The open draft, whether it is saved, and the way to the list of drafts. (Saving and loading
//! files is the files screen's: json_file_panel.rs.)

use leptos::prelude::*;

use super::clock::{local_time, local_time_of_day};
use super::draft_session::{DraftSession, SaveStatus};

pub const DRAFT_LIST_ID: &str = "draft-list";

#[component]
pub fn DraftBar(drafts: DraftSession, list_open: RwSignal<bool>) -> impl IntoView {
    let status_text = move || match drafts.status.get() {
        SaveStatus::Opened if drafts.memory_only => "保存されません".to_owned(),
        SaveStatus::Opened => {
            let id = drafts.current_id.get();
            drafts.summaries.with(|all| {
                all.iter()
                    .find(|s| s.id == id)
                    .map(|s| format!("最終保存 {}", local_time(&s.saved_at)))
                    .unwrap_or_default()
            })
        }
        SaveStatus::Saved { .. } if drafts.memory_only => "保存されません".to_owned(),
        SaveStatus::Saved { at } => format!("自動保存しました（{}）", local_time_of_day(&at)),
        SaveStatus::Failed(_) => "保存できませんでした".to_owned(),
        SaveStatus::NewerElsewhere(_) => "別のタブで更新されています".to_owned(),
        SaveStatus::Refused(_) => "保存できません".to_owned(),
    };
    view! {
        <section class="draft-bar" aria-label="下書き">
            <div class="draft-bar-inner">
                <p class="draft-current">
                    <span class="draft-label">"下書き："</span>
                    <strong class="draft-name">{move || drafts.current_name()}</strong>
                    <span class="save-status" aria-hidden="true" class:save-problem=move || !matches!(
                        drafts.status.get(),
                        SaveStatus::Opened | SaveStatus::Saved { .. }
                    )>{status_text}</span>
                    // Announced only when the state changes, not each time the clock does.
                    <span class="visually-hidden" role="status">{move || match drafts.status.get() {
                        SaveStatus::Opened if drafts.memory_only => "下書きは保存されません",
                        SaveStatus::Opened => "",
                        SaveStatus::Saved { .. } if drafts.memory_only => "下書きは保存されません",
                        SaveStatus::Saved { .. } => "下書きを自動保存しています",
                        SaveStatus::Failed(_) => "下書きを保存できませんでした",
                        SaveStatus::NewerElsewhere(_) => "別のタブでこの下書きが更新されました",
                        SaveStatus::Refused(_) => "この下書きは保存できません",
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
