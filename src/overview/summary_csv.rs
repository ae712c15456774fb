//! The summary as a CSV: one row per item and choice (or histogram bin, or statistic), so that a
//! spreadsheet can filter and chart it. Columns and denominators are documented in
//! docs/export-format.md (「集計」).

use crate::export::cp932::Cp932Encoder;
use crate::export::csv_file::{CsvEncoding, neutralize, utf8_with_bom};
use crate::survey::AnswerKind;

use super::distribution::Distribution;
use super::share::Share;
use super::summary::{ItemDetail, ItemSummary, Summary};

const HEADER: [&str; 7] = [
    "項番",
    "設問",
    "選択肢・統計",
    "件数",
    "割合(%)",
    "値",
    "対象病院数",
];
const ANSWERED: &str = "回答あり";
const UNANSWERED: &str = "無回答";
const INVALID: &str = "無効";

pub fn summary_csv_rows(summary: &Summary<'_>) -> Vec<Vec<String>> {
    let mut rows = vec![HEADER.map(str::to_owned).to_vec()];
    for item in &summary.items {
        item_rows(item, &mut rows);
    }
    rows
}

/// Choices (or bins) first, each out of the hospitals that answered; then 回答あり, 無回答 and 無効,
/// each out of the hospitals asked; then a number item's statistics, in the 値 column.
fn item_rows(summary: &ItemSummary<'_>, rows: &mut Vec<Vec<String>>) {
    let item = summary.item;
    let row = |label: String, count: String, percent: String, value: String| {
        vec![
            item.number.clone(),
            neutralize(&item.text),
            neutralize(&label),
            count,
            percent,
            value,
            summary.asked.to_string(),
        ]
    };
    let counted = |label: String, share: Share| {
        row(
            label,
            share.count.to_string(),
            percent(share),
            String::new(),
        )
    };
    match &summary.detail {
        ItemDetail::Choices(choices) => {
            for choice in choices {
                rows.push(counted(choice.choice.to_owned(), choice.share));
            }
        }
        ItemDetail::Numbers(Some(distribution)) => {
            let unit = match &item.answer {
                AnswerKind::Integer { unit, .. } => unit.as_str(),
                _ => "",
            };
            for bin in &distribution.bins {
                let share = Share {
                    count: bin.count,
                    of: summary.answered,
                };
                rows.push(counted(bin.label(unit), share));
            }
        }
        ItemDetail::Numbers(None) | ItemDetail::Text => {}
    }
    rows.push(counted(ANSWERED.to_owned(), summary.answered_share()));
    rows.push(counted(UNANSWERED.to_owned(), summary.unanswered_share()));
    rows.push(counted(INVALID.to_owned(), summary.invalid_share()));
    if let ItemDetail::Numbers(Some(distribution)) = &summary.detail {
        for (label, value) in statistics(distribution) {
            rows.push(row(label.to_owned(), String::new(), String::new(), value));
        }
    }
}

fn statistics(distribution: &Distribution) -> [(&'static str, String); 6] {
    [
        ("最小値", distribution.min.to_string()),
        ("第1四分位数", distribution.lower_quartile.to_string()),
        ("中央値", distribution.median.to_string()),
        ("第3四分位数", distribution.upper_quartile.to_string()),
        ("最大値", distribution.max.to_string()),
        ("平均値", distribution.mean.to_string()),
    ]
}

/// Empty when there is no whole to take a share of.
fn percent(share: Share) -> String {
    share
        .percent()
        .map(|percent| percent.to_string())
        .unwrap_or_default()
}

/// The CSV text's bytes, or the characters Shift_JIS cannot hold (only possible if the survey's
/// own wording held one, since no answer text is in this file).
pub fn encode_summary_csv(
    text: &str,
    encoding: CsvEncoding,
    encoder: &dyn Fn() -> Cp932Encoder,
) -> Result<Vec<u8>, Vec<char>> {
    match encoding {
        CsvEncoding::Utf8WithBom => Ok(utf8_with_bom(text)),
        CsvEncoding::ShiftJis => encoder().encode(text),
    }
}
