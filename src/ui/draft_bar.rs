//! The open draft, whether it is saved, and what can be done with it: list and switch drafts, save
//! the answers as a JSON file, load a file.

use leptos::prelude::*;

use super::clock::{local_time, local_time_of_day, now_iso, today_compact};
use super::download::offer_download;
use super::draft_session::{DraftSession, SaveStatus};
use super::file_import::{FileOutcome, files_of, import_files};
use super::form_state::FormState;
use crate::export::{export_file_name, write_answer_file};

pub const DRAFT_LIST_ID: &str = "draft-list";

#[component]
pub fn DraftBar(
    form: FormState,
    drafts: DraftSession,
    list_open: RwSignal<bool>,
    outcomes: RwSignal<Vec<FileOutcome>>,
) -> impl IntoView {
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
    let save_json = move |_| {
        let answers = form.answers.get_untracked();
        let survey = form.survey;
        let contents = write_answer_file(survey, &answers, &now_iso());
        let name = export_file_name(
            survey,
            answers.text(&survey.hospital_item),
            &today_compact(),
            "json",
        );
        offer_download(&name, "application/json", contents.as_bytes());
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
                    <button type="button" class="button button-secondary" on:click=save_json>
                        "JSONファイルに保存"
                    </button>
                    <label class="button button-secondary file-button">
                        "JSONファイルを読み込む"
                        <input
                            type="file"
                            class="visually-hidden"
                            accept=".json,application/json"
                            multiple
                            on:change:target=move |ev| {
                                let input = ev.target();
                                import_files(files_of(input.files()), drafts, outcomes);
                                // The same file can be chosen again after it was refused.
                                input.set_value("");
                            }
                        />
                    </label>
                </div>
            </div>
        </section>
    }
}
