//! What 「回答内容を確認する」 found: a summary of every failing item with a link to it, or a
//! confirmation that everything required is answered.

#[cfg(feature = "tools")]
use leptos::prelude::*;

#[cfg(feature = "tools")]
use super::form_state::FormState;
#[cfg(feature = "tools")]
use super::item_link::ItemLink;

pub const CHECK_RESULT_ID: &str = "check-result";

#[cfg(feature = "tools")]
#[component]
pub fn CheckResult(state: FormState) -> impl IntoView {
    let survey = state.survey;
    view! {
        <div id=CHECK_RESULT_ID class="check-result" tabindex="-1">
            {move || {
                if !state.check_requested.get() {
                    return ().into_any();
                }
                let problems = state.problems.get();
                if problems.is_empty() {
                    return view! {
                        <div class="notice notice-success" role="status">
                            <h2>"入力内容に問題はありません"</h2>
                            <p>"表示されているすべての必須項目に回答済みです。G-MIS への入力に進めます。"</p>
                        </div>
                    }
                    .into_any();
                }
                let links = problems
                    .into_iter()
                    .map(|problem| {
                        let item = survey.item(&problem.item);
                        let number = item.map(|i| i.number.clone()).unwrap_or_default();
                        let text = item.map(|i| i.text.clone()).unwrap_or_default();
                        let error = problem.error.to_string();
                        view! {
                            <li>
                                <ItemLink item=problem.item>
                                    <span class="summary-number">{number}</span>
                                    " "
                                    <span class="summary-text">{text}</span>
                                    "："
                                    <span class="summary-error">{error}</span>
                                </ItemLink>
                            </li>
                        }
                    })
                    .collect_view();
                view! {
                    <div class="error-summary" role="alert" aria-labelledby="error-summary-title">
                        <h2 id="error-summary-title">
                            {format!("回答内容を確認してください（{}件）", state.problems.get().len())}
                        </h2>
                        <ul>{links}</ul>
                    </div>
                }
                .into_any()
            }}
        </div>
    }
}
