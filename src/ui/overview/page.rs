//! The overview page: load many hospitals' answer files, see what they answered item by item,
//! narrow down by answers, list the hospitals, save or print the result.

use leptos::prelude::*;

use super::super::clock::{local_time, now_iso};
use super::file_problems::FileProblems;
use super::filter_panel::FilterPanel;
use super::hospital_table::HospitalTable;
use super::item_summary_view::ItemSummaryView;
use super::load_panel::LoadPanel;
use super::overview_export::OverviewExport;
use super::overview_state::OverviewState;
use crate::survey::{Survey, served_survey};

#[component]
pub fn OverviewPage() -> impl IntoView {
    // The survey lives as long as the page; leaking it lets every component borrow it freely.
    let survey: &'static Survey = Box::leak(Box::new(served_survey()));
    let state = OverviewState::new(survey);
    let has_files = move || state.with_collection(|c| c.files_added() > 0);
    let has_hospitals = move || state.with_collection(|c| !c.hospitals().is_empty());

    view! {
        <a class="skip-link" href="#main">"本文へ移動"</a>
        <header class="site-header">
            <div class="header-inner">
                <p class="site-name">"サイバーセキュリティ対策調査 回答準備ツール"</p>
                <h1>"回答ファイルの集計"</h1>
                <p class="survey-name">{survey.title.as_str()}</p>
            </div>
        </header>
        <div class="overview-layout">
            <main id="main" tabindex="-1">
                <p class="overview-intro">
                    "都道府県や病院団体の担当者の方が、会員病院から集めた回答ファイルをまとめて集計するためのページです。回答を作成する方は"
                    <a href="../">"回答の入力ページ"</a>
                    "をお使いください。"
                </p>
                <LoadPanel state />
                <Show when=has_files>
                    <FileCounts state />
                    <FileProblems state />
                </Show>
                <Show when=has_hospitals>
                    <FilterPanel state />
                    <OverviewExport state />
                    <ItemSummaries state />
                    <HospitalTable state />
                </Show>
            </main>
        </div>
        <footer class="site-footer">
            <p>"読み込んだファイルは、このブラウザの中だけで集計されます。どこにも送信されません。"</p>
        </footer>
    }
}

/// How many files came in and what became of them.
#[component]
fn FileCounts(state: OverviewState) -> impl IntoView {
    let counts = move || {
        state.with_collection(|c| {
            (
                c.files_added(),
                c.hospitals().len(),
                c.dropped_duplicates().len(),
                c.rejected().len(),
            )
        })
    };
    view! {
        <dl class="file-counts">
            <div><dt>"読み込んだファイル"</dt><dd>{move || format!("{}件", counts().0)}</dd></div>
            <div><dt>"集計する病院"</dt><dd>{move || format!("{}病院", counts().1)}</dd></div>
            <div><dt>"古いファイルとして除外"</dt><dd>{move || format!("{}件", counts().2)}</dd></div>
            <div><dt>"読み込めなかったファイル"</dt><dd>{move || format!("{}件", counts().3)}</dd></div>
        </dl>
    }
}

/// Every item's counts under its section's heading, with a heading for print that says when and
/// for which hospitals the counts were made.
#[component]
fn ItemSummaries(state: OverviewState) -> impl IntoView {
    let survey = state.survey;
    let summary = Memo::new(move |_| {
        let filter = state.filter().ok()?;
        Some(state.with_collection(|c| c.summary(&filter)))
    });
    let scope = move || {
        let conditions = state.conditions.get();
        let hospitals = summary.with(|s| s.as_ref().map_or(0, |s| s.hospitals));
        if conditions.is_empty() {
            format!("対象：{hospitals}病院（絞り込みなし）")
        } else {
            let listed = conditions
                .iter()
                .map(|c| {
                    let number = survey
                        .item(&c.item)
                        .map_or(c.item.as_str(), |item| item.number.as_str());
                    format!("{number} が「{}」", c.choice)
                })
                .collect::<Vec<_>>()
                .join("、");
            format!("対象：{hospitals}病院（条件：{listed}）")
        }
    };
    let print = move |_| {
        if let Some(window) = web_sys::window() {
            let _ = window.print();
        }
    };
    view! {
        <section class="overview-summary" aria-labelledby="summary-heading">
            <div class="summary-header">
                <h2 id="summary-heading">"設問ごとの集計"</h2>
                <button type="button" class="button button-secondary" on:click=print>
                    "集計結果を印刷"
                </button>
            </div>
            <p class="summary-scope">{scope}</p>
            <p class="print-only">{format!("集計日時：{}", local_time(&now_iso()))}</p>
            {move || {
                summary
                    .get()
                    .map(|summary| {
                        survey
                            .sections
                            .iter()
                            .map(|section| {
                                let items = summary
                                    .items
                                    .iter()
                                    .filter(|s| section.items.iter().any(|item| item.id == s.item.id))
                                    .cloned()
                                    .map(|item_summary| view! { <ItemSummaryView summary=item_summary /> })
                                    .collect_view();
                                view! {
                                    <div class="overview-section">
                                        <h3>{section.title.as_str()}</h3>
                                        {items}
                                    </div>
                                }
                            })
                            .collect_view()
                    })
            }}
        </section>
    }
}
