//! What became of the files the user chose or dropped: each loaded as a new draft (with what was
//! left out), or refused with the reason. Shown in the files panel, where the files were chosen.

use leptos::prelude::*;

use super::file_import::FileOutcome;

#[component]
pub fn FileOutcomes(outcomes: RwSignal<Vec<FileOutcome>>) -> impl IntoView {
    view! {
        <div class="file-outcomes" aria-live="polite">
            {move || outcomes.get().into_iter().map(|outcome| match outcome {
                FileOutcome::Loaded { file, draft, warnings } => view! {
                    <div class="notice notice-success">
                        <p>{format!("「{file}」を新しい下書き「{draft}」として読み込みました。")}</p>
                        {(!warnings.is_empty()).then(|| view! {
                            <p>"次の内容は読み込みませんでした："</p>
                            <ul>{warnings.iter().map(|w| view! { <li>{w.to_string()}</li> }).collect_view()}</ul>
                        })}
                    </div>
                }.into_any(),
                FileOutcome::Refused { file, reason } => view! {
                    <div class="notice notice-error">
                        <p>
                            <strong>{format!("「{file}」は読み込めませんでした。")}</strong>
                            {reason}
                            "今ある下書きは変更していません。"
                        </p>
                    </div>
                }.into_any(),
            }).collect_view()}
            {move || (!outcomes.with(Vec::is_empty)).then(|| view! {
                <button type="button" class="button button-small" on:click=move |_| outcomes.set(Vec::new())>
                    "読み込み結果の表示を閉じる"
                </button>
            })}
        </div>
    }
}
