//! Saving the overview: the hospitals' answers in the single export's 「1病院1行」 layout, and the
//! item-by-item counts. Both hold only the hospitals the filter lets through, as the page shows.

use leptos::prelude::*;

use super::super::clock::today_compact;
use super::super::download::offer_download;
use super::super::shift_jis::browser_encoder;
use super::overview_state::OverviewState;
use crate::export::csv_file::{CsvEncoding, csv_text};
use crate::export::export_file_name;
use crate::overview::{
    combined_csv_rows, encode_combined_csv, encode_summary_csv, summarize, summary_csv_rows,
};

#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Hospitals,
    Summary,
}

#[derive(Clone, PartialEq)]
enum Outcome {
    Saved(String),
    NotSaved(String),
    /// Who holds characters Shift_JIS cannot, one line each.
    ShiftJisRefused(Kind, Vec<String>),
}

fn mime(encoding: CsvEncoding) -> &'static str {
    match encoding {
        CsvEncoding::Utf8WithBom => "text/csv;charset=utf-8",
        CsvEncoding::ShiftJis => "text/csv;charset=shift_jis",
    }
}

#[component]
pub fn OverviewExport(state: OverviewState) -> impl IntoView {
    let encoding = RwSignal::new(CsvEncoding::Utf8WithBom);
    let outcome = RwSignal::new(None::<Outcome>);
    let survey = state.survey;

    let save = move |kind: Kind, encoding: CsvEncoding| {
        let Ok(filter) = state.filter() else {
            return;
        };
        // A file of a filtered set says so in its name; which conditions is on the page and in print.
        let label = match (kind, filter.is_everyone()) {
            (Kind::Hospitals, true) => "病院別回答",
            (Kind::Hospitals, false) => "病院別回答_絞り込み",
            (Kind::Summary, true) => "集計",
            (Kind::Summary, false) => "集計_絞り込み",
        };
        let name = export_file_name(survey, label, &today_compact(), "csv");
        let encoded = state.collection_untracked(|collection| {
            let hospitals = collection.matching(&filter);
            match kind {
                Kind::Hospitals => {
                    let text = csv_text(&combined_csv_rows(survey, &hospitals));
                    encode_combined_csv(survey, &hospitals, &text, encoding, &browser_encoder)
                        .map_err(|found| found.iter().map(ToString::to_string).collect())
                }
                Kind::Summary => {
                    let summary = summarize(survey, hospitals);
                    let text = csv_text(&summary_csv_rows(&summary));
                    encode_summary_csv(&text, encoding, &browser_encoder).map_err(|chars| {
                        vec![format!(
                            "集計の文字「{}」",
                            chars.into_iter().collect::<String>()
                        )]
                    })
                }
            }
        });
        outcome.set(Some(match encoded {
            Ok(bytes) if offer_download(&name, mime(encoding), &bytes) => Outcome::Saved(name),
            Ok(_) => Outcome::NotSaved(name),
            Err(lines) => Outcome::ShiftJisRefused(kind, lines),
        }));
    };

    view! {
        <section class="export-panel overview-export" aria-labelledby="overview-export-heading">
            <h2 id="overview-export-heading">"CSVファイルに保存"</h2>
            <p class="export-note">
                "絞り込んでいるときは、条件に合う病院だけを保存します。「病院別の回答」は、各病院が「1病院1行」で保存したCSVと同じ列です。"
            </p>
            <fieldset class="export-choice">
                <legend>"文字コード"</legend>
                <label class="choice">
                    <input
                        type="radio"
                        name="overview-encoding"
                        prop:checked=move || encoding.get() == CsvEncoding::Utf8WithBom
                        on:change=move |_| encoding.set(CsvEncoding::Utf8WithBom)
                    />
                    "UTF-8（BOM付き。通常はこちら）"
                </label>
                <label class="choice">
                    <input
                        type="radio"
                        name="overview-encoding"
                        prop:checked=move || encoding.get() == CsvEncoding::ShiftJis
                        on:change=move |_| encoding.set(CsvEncoding::ShiftJis)
                    />
                    "Shift_JIS（CP932。指定がある場合）"
                </label>
            </fieldset>
            <div class="notice-actions">
                <button
                    type="button"
                    class="button button-primary"
                    on:click=move |_| save(Kind::Summary, encoding.get_untracked())
                >
                    "集計結果をCSVで保存"
                </button>
                <button
                    type="button"
                    class="button button-primary"
                    on:click=move |_| save(Kind::Hospitals, encoding.get_untracked())
                >
                    "病院別の回答をCSVで保存"
                </button>
            </div>
            <div class="export-result" aria-live="polite">
                {move || match outcome.get() {
                    None => ().into_any(),
                    Some(Outcome::Saved(name)) => view! {
                        <p class="notice notice-success">{format!("「{name}」を保存しました。")}</p>
                    }
                    .into_any(),
                    Some(Outcome::NotSaved(name)) => view! {
                        <p class="notice notice-error" role="alert">
                            {format!("「{name}」を保存できませんでした。ブラウザがファイルの保存を許可しているか確認してください。")}
                        </p>
                    }
                    .into_any(),
                    Some(Outcome::ShiftJisRefused(kind, lines)) => view! {
                        <div class="notice notice-error" role="alert">
                            <p>
                                <strong>"Shift_JISでは保存できない文字があります。"</strong>
                                "文字を置き換えずに知らせています。UTF-8で保存してください。"
                            </p>
                            <ul>{lines.into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}</ul>
                            <div class="notice-actions">
                                <button
                                    type="button"
                                    class="button button-primary"
                                    on:click=move |_| {
                                        encoding.set(CsvEncoding::Utf8WithBom);
                                        save(kind, CsvEncoding::Utf8WithBom);
                                    }
                                >
                                    "UTF-8で保存する"
                                </button>
                            </div>
                        </div>
                    }
                    .into_any(),
                }}
            </div>
        </section>
    }
}
