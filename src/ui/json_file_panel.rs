//! The answers as a JSON answer file: save the open draft, or load files as new drafts. The file is
//! the way to move answers to another PC or keep them outside the browser.

use leptos::prelude::*;

use super::screens::headings;

use super::clock::{now_iso, today_compact};
use super::download::offer_download;
use super::draft_session::DraftSession;
use super::file_import::{FileOutcome, files_of, import_files};
use super::file_outcomes::FileOutcomes;
use super::form_state::FormState;
use crate::export::{export_file_name, write_answer_file};

#[component]
pub fn JsonFilePanel(
    form: FormState,
    drafts: DraftSession,
    outcomes: RwSignal<Vec<FileOutcome>>,
) -> impl IntoView {
    let saved = RwSignal::new(None::<Result<String, String>>);
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
        let handed_over = offer_download(&name, "application/json", contents.as_bytes());
        if handed_over {
            drafts.saved_to_file(answers.clone());
            // The file holds what the form handed over, or, with storage refused, the draft the
            // form has open (both modules keep it in the page's shared memory): the form's
            // answers are now kept in it. (Otherwise they are in storage, or are not what this
            // file holds.)
            if (drafts.shows_form_handover() || drafts.memory_only)
                && let Ok(event) = web_sys::Event::new(super::screens::SAVED_TO_FILE_EVENT)
            {
                let _ = window().dispatch_event(&event);
            }
        }
        saved.set(Some(if handed_over { Ok(name) } else { Err(name) }));
    };
    view! {
        <section class="json-file-panel" id="files" aria-labelledby=headings::JSON_FILE>
            <h2 id=headings::JSON_FILE tabindex="-1">"JSONファイルの保存・読み込み"</h2>
            <p class="export-note">
                "回答をJSONファイルに保存すると、別のパソコンやブラウザで読み込んで続きを入力できます。"
                "読み込んだファイルは新しい下書きになり、いまの下書きはそのまま残ります。"
            </p>
            <div class="notice-actions">
                <button type="button" class="button button-primary" on:click=save_json>
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
            <div aria-live="polite">
                {move || saved.get().map(|outcome| match outcome {
                    Ok(name) => view! {
                        <p class="notice notice-success">{format!("「{name}」を保存しました。")}</p>
                    }.into_any(),
                    Err(name) => view! {
                        <p class="notice notice-error" role="alert">
                            {format!("「{name}」を保存できませんでした。ブラウザがファイルの保存を許可しているか確認してください。")}
                        </p>
                    }.into_any(),
                })}
            </div>
            <FileOutcomes outcomes />
        </section>
    }
}
