//! The review: every asked item in 項番 order, exactly as G-MIS asks it, with the answer beside it,
//! what is missing or invalid marked with a link back, and a copy button for free text. It is also
//! the document that prints.

use leptos::prelude::*;

use super::screens::headings;
use wasm_bindgen_futures::JsFuture;

use super::document_header::DocumentHeader;
use super::form_state::FormState;
use super::progress_panel::describe_progress;
use super::screen::ItemOnFormLink;
use crate::survey::{Answer, AnswerKind, Item};

#[component]
pub fn ReviewView(form: FormState) -> impl IntoView {
    let survey = form.survey;
    view! {
        <article class="document review" aria-labelledby=headings::REVIEW>
            <h2 id=headings::REVIEW class="visually-hidden" tabindex="-1">"回答の確認"</h2>
            <DocumentHeader form kind="回答内容の確認" />
            <p class="document-progress">{move || describe_progress(form.progress.get())}</p>
            {survey.sections.iter().map(|section| view! {
                <section class="review-section">
                    <h3>{section.title.as_str()}</h3>
                    <dl class="review-items">
                        {section.items.iter().map(|item| {
                            let id = item.id.as_str();
                            view! {
                                <Show when=move || form.is_asked(id)>
                                    <ReviewRow form item />
                                </Show>
                            }
                        }).collect_view()}
                    </dl>
                </section>
            }).collect_view()}
        </article>
    }
}

#[component]
fn ReviewRow(form: FormState, item: &'static Item) -> impl IntoView {
    let id = item.id.as_str();
    let answer = move || {
        form.answers
            .with(|a| a.get(id).filter(|a| a.is_given()).cloned())
    };
    let problem = move || {
        form.problems.with(|problems| {
            problems
                .iter()
                .find(|p| p.item == id)
                .map(|p| p.error.to_string())
        })
    };
    // None until a copy is tried; then whether it worked.
    let copied = RwSignal::new(None::<bool>);
    let is_free_text = matches!(item.answer, AnswerKind::Text { .. });
    view! {
        <div class="review-row" class:review-row-problem=move || problem().is_some()>
            <dt>
                <span class="item-number">{item.number.as_str()}</span>
                " "
                {item.text.as_str()}
            </dt>
            <dd>
                {move || match answer() {
                    None => view! { <span class="review-missing">"（未回答）"</span> }.into_any(),
                    Some(Answer::Choices(choices)) => view! {
                        <ul class="review-choices">
                            {choices.into_iter().map(|c| view! { <li>{c}</li> }).collect_view()}
                        </ul>
                    }.into_any(),
                    Some(Answer::Text(text)) => {
                        let text = text.trim().to_owned();
                        let to_copy = text.clone();
                        view! {
                            <span class="review-answer">{text}</span>
                            {is_free_text.then(|| view! {
                                " "
                                <button type="button" class="button button-small copy-button"
                                    aria-label=format!("{} の回答をコピー", item.number)
                                    on:click=move |_| {
                                        let clipboard = window().navigator().clipboard();
                                        let text = to_copy.clone();
                                        leptos::task::spawn_local(async move {
                                            let written = JsFuture::from(clipboard.write_text(&text)).await;
                                            copied.set(Some(written.is_ok()));
                                        });
                                    }>
                                    "コピー"
                                </button>
                                <span class="copy-status" role="status">
                                    {move || match copied.get() {
                                        Some(true) => "コピーしました",
                                        Some(false) => "コピーできませんでした。文字を選択してコピーしてください。",
                                        None => "",
                                    }}
                                </span>
                            })}
                        }.into_any()
                    }
                    Some(Answer::Choice(choice)) => view! { <span class="review-answer">{choice}</span> }.into_any(),
                }}
                {move || problem().map(|message| view! {
                    <p class="review-problem">
                        <span class="visually-hidden">"要確認："</span>
                        {message}
                        " "
                        <ItemOnFormLink item=id.to_owned()>{format!("{} を入力する", item.number)}</ItemOnFormLink>
                    </p>
                })}
            </dd>
        </div>
    }
}
