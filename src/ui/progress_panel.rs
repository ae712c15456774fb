//! How much is left, always in view while the user scrolls.

#[cfg(feature = "tools")]
use leptos::prelude::*;

#[cfg(feature = "tools")]
use super::form_state::FormState;
use crate::survey::Progress;

/// How far along, in the words the progress bar and the draft list both use.
pub fn describe_progress(progress: Progress) -> String {
    if progress.is_complete() {
        format!("必須の{}問すべてに回答済みです", progress.required)
    } else {
        format!(
            "必須 {}問中 {}問 回答済み（残り {}問）",
            progress.required,
            progress.answered,
            progress.remaining(),
        )
    }
}

#[cfg(feature = "tools")]
#[component]
pub fn ProgressPanel(state: FormState) -> impl IntoView {
    let progress = state.progress;
    view! {
        <div class="progress-panel">
            <div class="progress-inner">
                <p class="progress-text" id="progress-text">
                    {move || describe_progress(progress.get())}
                </p>
                <progress
                    class="progress-bar"
                    aria-labelledby="progress-text"
                    max=move || progress.get().required.max(1)
                    value=move || progress.get().answered
                ></progress>
                <span class="progress-percent" aria-hidden="true">
                    {move || format!("{}%", progress.get().percent())}
                </span>
                // The check is the form's: the answering page runs it when opened at #check.
                <a class="button button-secondary" href="../#check">"回答内容を確認する"</a>
            </div>
        </div>
    }
}
