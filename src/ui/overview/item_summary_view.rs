//! One item's counts across the hospitals: asked, answered, blank, invalid, and what was answered:
//! a table of choices with bars, a distribution for whole numbers, nothing more for free text.

use leptos::prelude::*;

use super::share_bar::ShareBar;
use crate::overview::{Distribution, ItemDetail, ItemSummary, Share};
use crate::survey::AnswerKind;

fn percent_text(share: Share) -> String {
    share
        .percent()
        .map_or_else(|| "－".to_owned(), |percent| format!("{percent}%"))
}

fn bar_of(share: Share) -> u64 {
    share.percent().map_or(0, |percent| percent.tenths())
}

#[component]
pub fn ItemSummaryView(summary: ItemSummary<'static>) -> impl IntoView {
    let item = summary.item;
    let heading_id = format!("overview-{}-heading", item.id);
    let labelled_by = heading_id.clone();
    let counts = format!(
        "対象 {}病院（回答 {}・未回答 {}・無効 {}）",
        summary.asked, summary.answered, summary.unanswered, summary.invalid
    );
    let detail = match summary.detail {
        ItemDetail::Choices(choices) => {
            let several = matches!(item.answer, AnswerKind::Multiple { .. });
            let note = if several {
                "割合は、この設問に回答した病院のうち、その選択肢を選んだ病院の割合です（複数選択のため合計は100%を超えることがあります）。"
            } else {
                "割合は、この設問に回答した病院に対する割合です。"
            };
            let rows = choices
                .into_iter()
                .map(|count| (count.choice.to_owned(), count.share))
                .collect();
            view! {
                <ShareTable caption=format!("{} の回答の内訳", item.number) rows />
                <p class="table-note">{note}</p>
            }
            .into_any()
        }
        ItemDetail::Numbers(distribution) => {
            let unit = match &item.answer {
                AnswerKind::Integer { unit, .. } => unit.clone(),
                _ => String::new(),
            };
            match distribution {
                Some(distribution) => {
                    view! { <DistributionView distribution unit number=item.number.clone() /> }
                        .into_any()
                }
                None => view! { <p class="table-note">"有効な回答はまだありません。"</p> }.into_any(),
            }
        }
        ItemDetail::Text => view! {
            <p class="table-note">"自由記述のため、回答した病院の数だけを数えます（内容は集計しません）。"</p>
        }
        .into_any(),
    };
    view! {
        <section class="overview-item" aria-labelledby=labelled_by>
            <h4 id=heading_id>
                <span class="item-number">{item.number.as_str()}</span>
                " "
                <span class="item-text">{item.text.as_str()}</span>
            </h4>
            <p class="overview-counts">{counts}</p>
            {detail}
        </section>
    }
}

#[component]
fn DistributionView(distribution: Distribution, unit: String, number: String) -> impl IntoView {
    let n = distribution.count;
    let stats = format!(
        "{n}病院：最小 {min}{unit}、第1四分位 {q1}{unit}、中央値 {median}{unit}、平均 {mean}{unit}、第3四分位 {q3}{unit}、最大 {max}{unit}",
        min = distribution.min,
        q1 = distribution.lower_quartile,
        median = distribution.median,
        mean = distribution.mean,
        q3 = distribution.upper_quartile,
        max = distribution.max,
    );
    let rows = distribution
        .bins
        .iter()
        .map(|bin| {
            let share = Share {
                count: bin.count,
                of: n,
            };
            (bin.label(&unit), share)
        })
        .collect();
    view! {
        <p class="distribution-stats">{stats}</p>
        <ShareTable caption=format!("{number} の回答の分布") rows />
        <p class="table-note">"割合は、有効な数値を回答した病院に対する割合です。"</p>
    }
}

/// Answers (choices or histogram bars) with how many hospitals gave each, the share and a bar.
#[component]
fn ShareTable(caption: String, rows: Vec<(String, Share)>) -> impl IntoView {
    let rows = rows
        .into_iter()
        .map(|(label, share)| {
            view! {
                <tr>
                    <th scope="row">{label}</th>
                    <td class="number">{share.count}</td>
                    <td class="number">{percent_text(share)}</td>
                    <td class="bar-cell"><ShareBar tenths_of_percent=bar_of(share) /></td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <table class="share-table">
            <caption class="visually-hidden">{caption}</caption>
            <thead>
                <tr>
                    <th scope="col">"回答"</th>
                    <th scope="col" class="number">"病院数"</th>
                    <th scope="col" class="number">"割合"</th>
                    <th scope="col" class="bar-cell"><span class="visually-hidden">"グラフ"</span></th>
                </tr>
            </thead>
            <tbody>{rows}</tbody>
        </table>
    }
}
