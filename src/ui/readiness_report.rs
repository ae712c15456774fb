//! 対策状況レポート: what the answers say about the hospital against the guideline (第6.0版) and the
//! 回答要領, each point with the section it cites. It informs; it never blocks anything.

use leptos::prelude::*;

use super::screens::headings;

use super::document_header::DocumentHeader;
use super::form_state::FormState;
use super::screen::ItemOnFormLink;
use crate::survey::AdvisoryLevel;

pub fn level_label(level: AdvisoryLevel) -> &'static str {
    match level {
        AdvisoryLevel::Shortfall => "要対策",
        AdvisoryLevel::Note => "留意",
    }
}

#[component]
pub fn ReadinessReport(form: FormState) -> impl IntoView {
    let survey = form.survey;
    let raised = Memo::new(move |_| {
        form.evaluation()
            .advisories()
            .into_iter()
            .map(|r| (r.item, r.advisory))
            .collect::<Vec<_>>()
    });
    let count = move |level: AdvisoryLevel| {
        raised.with(|all| all.iter().filter(|(_, a)| a.level == level).count())
    };
    view! {
        <article class="document report" aria-labelledby=headings::REPORT>
            <h2 id=headings::REPORT class="visually-hidden" tabindex="-1">"対策状況レポート"</h2>
            <DocumentHeader form kind="対策状況レポート" />
            <p class="report-intro">
                {format!(
                    "回答内容を「{}」と回答要領に照らし、確認が必要な点をまとめたものです。調査への回答や保存を妨げるものではありません。",
                    survey.guideline
                )}
            </p>
            <p class="report-summary">
                {move || format!(
                    "要対策 {}件、留意 {}件",
                    count(AdvisoryLevel::Shortfall),
                    count(AdvisoryLevel::Note)
                )}
            </p>
            {move || (!form.progress.get().is_complete()).then(|| view! {
                <p class="notice notice-warning">
                    "未回答または確認が必要な設問があるため、このレポートは回答済みの設問だけに基づく途中のものです。"
                </p>
            })}
            {move || {
                let all = raised.get();
                if all.is_empty() {
                    return view! {
                        <p class="report-none">"回答済みの設問からは、確認が必要な点は見つかりませんでした。"</p>
                    }.into_any();
                }
                view! {
                    <ol class="report-list">
                        {all.into_iter().map(|(item, advisory)| {
                            view! {
                                <li class="report-point" class:report-note=advisory.level == AdvisoryLevel::Note>
                                    <p class="report-point-head">
                                        <span class="badge advisory-level">{level_label(advisory.level)}</span>
                                        " "
                                        <span class="item-number">{item.number.as_str()}</span>
                                        " "
                                        {item.text.as_str()}
                                    </p>
                                    <p>{advisory.message.as_str()}</p>
                                    <p class="report-reference">{format!("参照：{}", advisory.reference)}</p>
                                    <p class="report-edit">
                                        <ItemOnFormLink item=item.id.clone()>{format!("{} の回答を見る", item.number)}</ItemOnFormLink>
                                    </p>
                                </li>
                            }
                        }).collect_view()}
                    </ol>
                }.into_any()
            }}
        </article>
    }
}
