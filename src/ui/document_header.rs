//! The head of the printed documents (survey, hospital, respondent, date), with the button that
//! prints them.

use leptos::prelude::*;

use super::clock::{local_time, now_iso};
use super::form_state::FormState;
use super::screen::print_page;

#[component]
pub fn DocumentHeader(form: FormState, kind: &'static str) -> impl IntoView {
    let survey = form.survey;
    let answer = move |id: &str| {
        form.answers.with(|a| {
            let text = a.text(id).trim().to_owned();
            if text.is_empty() {
                "（未入力）".to_owned()
            } else {
                text
            }
        })
    };
    view! {
        <div class="document-actions">
            <button type="button" class="button button-primary" on:click=move |_| print_page()>
                "印刷する（PDFに保存もできます）"
            </button>
        </div>
        <header class="document-header">
            <p class="document-kind">{kind}</p>
            <h2 class="document-title">{survey.title.as_str()}</h2>
            <dl class="document-facts">
                <div><dt>"病院名"</dt><dd>{move || answer(&survey.hospital_item)}</dd></div>
                <div><dt>"回答者"</dt><dd>{move || answer(&survey.respondent_item)}</dd></div>
                <div><dt>"作成日時"</dt><dd>{local_time(&now_iso())}</dd></div>
            </dl>
        </header>
    }
}
