//! Saving the answers as CSV: the layout and encoding to use, a warning listing what is missing
//! before an incomplete survey is saved, and the Shift_JIS refusal naming the answers at fault.

use leptos::prelude::*;

use super::screens::headings;

use super::clock::{now_iso, today_compact};
use super::download::offer_download;
use super::form_state::FormState;
use super::screen::ItemOnFormLink;
use super::shift_jis::browser_encoder;
use crate::export::csv_file::{
    CsvEncoding, CsvLayout, UnencodableAnswer, csv_rows, csv_text, encode_csv,
};
use crate::export::tagged_file_name;
use crate::survey::ItemProblem;

#[derive(Clone, PartialEq)]
enum Step {
    Choosing,
    /// The survey is incomplete: these are the problems; saving needs a second confirmation.
    ConfirmingIncomplete(Vec<ItemProblem>),
    ShiftJisRefused(Vec<UnencodableAnswer>),
    Saved(String),
    /// The browser refused to hand over the file.
    NotSaved(String),
}

#[component]
pub fn ExportPanel(form: FormState) -> impl IntoView {
    let layout = RwSignal::new(CsvLayout::PerItem);
    let encoding = RwSignal::new(CsvEncoding::Utf8WithBom);
    let step = RwSignal::new(Step::Choosing);
    // Another draft opened (a file loaded, a draft switched): nothing said about the one before
    // stays on screen.
    Effect::new(move |_| {
        form.answers.track();
        step.set(Step::Choosing);
    });

    let save = move |encoding: CsvEncoding| {
        let survey = form.survey;
        let answers = form.answers.get_untracked();
        let text = csv_text(&csv_rows(
            survey,
            &answers,
            layout.get_untracked(),
            &now_iso(),
        ));
        match encode_csv(survey, &answers, &text, encoding, &browser_encoder) {
            Ok(bytes) => {
                let name = tagged_file_name(
                    survey,
                    answers.text(&survey.hospital_item),
                    &today_compact(),
                    &[layout.get_untracked().file_label(), encoding.file_label()],
                    "csv",
                );
                let mime = match encoding {
                    CsvEncoding::Utf8WithBom => "text/csv;charset=utf-8",
                    CsvEncoding::ShiftJis => "text/csv;charset=shift_jis",
                };
                if offer_download(&name, mime, &bytes) {
                    step.set(Step::Saved(name));
                } else {
                    step.set(Step::NotSaved(name));
                }
            }
            Err(unencodable) => step.set(Step::ShiftJisRefused(unencodable)),
        }
    };
    let request = move |_| {
        let problems = form.problems.get_untracked();
        if problems.is_empty() {
            save(encoding.get_untracked());
        } else {
            step.set(Step::ConfirmingIncomplete(problems));
        }
    };

    view! {
        <section class="export-panel" id="export" aria-labelledby=headings::EXPORT>
            <h2 id=headings::EXPORT tabindex="-1">"確認・保管用のCSVファイル"</h2>
            <p class="export-note">
                "病院内での回答の確認・保管のためのCSVファイルです。表示されていない設問の欄は空になります。"
                "G-MIS にはこの調査のファイルを取り込む機能がないため、回答は G-MIS の画面で入力してください。"
                "都道府県などに回答を集めてもらうときは、CSVではなくJSONファイル（「JSONファイルに保存」）を渡してください。"
            </p>
            <div class="export-options">
                <fieldset class="export-choice">
                    <legend>"形式"</legend>
                    <OptionRadio name="csv-layout" label="1問1行（項番・設問・回答。確認・保管用）"
                        checked=Signal::derive(move || layout.get() == CsvLayout::PerItem)
                        on_pick=move || layout.set(CsvLayout::PerItem) />
                    <OptionRadio name="csv-layout" label="1病院1行（見出しは項番。複数病院の集計用）"
                        checked=Signal::derive(move || layout.get() == CsvLayout::PerHospital)
                        on_pick=move || layout.set(CsvLayout::PerHospital) />
                </fieldset>
                <fieldset class="export-choice">
                    <legend>"文字コード"</legend>
                    <OptionRadio name="csv-encoding" label="UTF-8（BOM付き。通常はこちら）"
                        checked=Signal::derive(move || encoding.get() == CsvEncoding::Utf8WithBom)
                        on_pick=move || encoding.set(CsvEncoding::Utf8WithBom) />
                    <OptionRadio name="csv-encoding" label="Shift_JIS（CP932。指定がある場合）"
                        checked=Signal::derive(move || encoding.get() == CsvEncoding::ShiftJis)
                        on_pick=move || encoding.set(CsvEncoding::ShiftJis) />
                </fieldset>
            </div>
            <button type="button" class="button button-primary" on:click=request>"CSVファイルに保存"</button>
            <div class="export-result" aria-live="polite">
                {move || match step.get() {
                    Step::Choosing => ().into_any(),
                    Step::Saved(name) => view! {
                        <p class="notice notice-success">{format!("「{name}」を保存しました。")}</p>
                    }.into_any(),
                    Step::NotSaved(name) => view! {
                        <p class="notice notice-error" role="alert">
                            {format!("「{name}」を保存できませんでした。ブラウザがファイルの保存を許可しているか確認してください。")}
                        </p>
                    }.into_any(),
                    Step::ConfirmingIncomplete(problems) => view! {
                        <div class="notice notice-warning" role="alert">
                            <p><strong>{format!("未回答または確認が必要な設問が{}件あります。", problems.len())}</strong>
                                "このままCSVファイルに保存することもできます（該当する欄は空欄か入力どおりになります）。"</p>
                            <ProblemLinks form problems />
                            <div class="notice-actions">
                                <button type="button" class="button button-primary"
                                    on:click=move |_| save(encoding.get_untracked())>"このまま保存する"</button>
                                <button type="button" class="button button-secondary"
                                    on:click=move |_| step.set(Step::Choosing)>"やめる"</button>
                            </div>
                        </div>
                    }.into_any(),
                    Step::ShiftJisRefused(unencodable) => view! {
                        <div class="notice notice-error" role="alert">
                            <p><strong>"Shift_JISでは保存できない文字があります。"</strong>
                                "文字を置き換えずに知らせています。回答を直すか、UTF-8で保存してください。"</p>
                            <ul>
                                {unencodable.into_iter().map(|answer| view! {
                                    <li><ItemOnFormLink item=answer.item.clone()>{answer.to_string()}</ItemOnFormLink></li>
                                }).collect_view()}
                            </ul>
                            <div class="notice-actions">
                                <button type="button" class="button button-primary" on:click=move |_| {
                                    encoding.set(CsvEncoding::Utf8WithBom);
                                    save(CsvEncoding::Utf8WithBom);
                                }>"UTF-8で保存する"</button>
                            </div>
                        </div>
                    }.into_any(),
                }}
            </div>
        </section>
    }
}

#[component]
fn OptionRadio(
    name: &'static str,
    label: &'static str,
    checked: Signal<bool>,
    on_pick: impl Fn() + Send + Sync + 'static,
) -> impl IntoView {
    view! {
        <label class="export-option">
            <input type="radio" name=name prop:checked=move || checked.get() on:change=move |_| on_pick() />
            " "
            {label}
        </label>
    }
}

#[component]
fn ProblemLinks(form: FormState, problems: Vec<ItemProblem>) -> impl IntoView {
    let survey = form.survey;
    view! {
        <ul>
            {problems.into_iter().map(|problem| {
                let number = survey.item(&problem.item).map(|i| i.number.clone()).unwrap_or_default();
                let text = format!("{number}：{}", problem.error);
                view! { <li><ItemOnFormLink item=problem.item>{text}</ItemOnFormLink></li> }
            }).collect_view()}
        </ul>
    }
}
