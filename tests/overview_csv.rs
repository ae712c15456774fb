//! The overview's two CSV files: the combined data in exactly the single export's 「1病院1行」
//! layout, and the summary, both RFC 4180 with CRLF, neutralised, in UTF-8 with a BOM or
//! Shift_JIS.
// encoding_rs, the Shift_JIS oracle, is a native-only dev-dependency.
#![cfg(not(target_arch = "wasm32"))]

mod common;
mod support;

use cyber_survey::export::cp932::Cp932Encoder;
use cyber_survey::export::csv_file::{CsvEncoding, CsvLayout, csv_rows, csv_text};
use cyber_survey::export::write_answer_file;
use cyber_survey::overview::{
    AnswerFilter, Collection, FilterCondition, combined_csv_rows, encode_combined_csv,
    encode_summary_csv, summary_csv_rows,
};
use cyber_survey::survey::{Answers, Survey};
use serde_json::json;
use support::answer_files::{hand_made, saved_at};

fn encoder() -> Cp932Encoder {
    Cp932Encoder::from_decoder(|bytes| {
        encoding_rs::SHIFT_JIS
            .decode_without_bom_handling(bytes)
            .0
            .into_owned()
    })
}

fn answers(name: &str, pairs: &[(&str, &str)]) -> Answers {
    let mut answers = common::answered(pairs);
    answers.set_text("Q1-2", name.into());
    answers
}

/// Three hospitals: two complete enough to matter, one sent twice (the older copy must not appear).
fn collection(survey: &Survey) -> Collection<'_> {
    let mut collection = Collection::new(survey);
    let full = common::complete_with_every_branch_open(survey);
    collection.add(
        "full.json",
        &write_answer_file(survey, &full, &saved_at(5, 0)),
    );
    let mut old = answers("B病院", &[("Q2-1", "はい")]);
    old.set_text("Q13", "6".into());
    collection.add(
        "b-old.json",
        &write_answer_file(survey, &old, &saved_at(1, 0)),
    );
    let mut new = answers("B病院", &[("Q2-1", "いいえ"), ("Q4", "=1+1")]);
    new.set_text("Q13", "10".into());
    new.set_text("Q1-1", "=HYPERLINK(\"x\")".into());
    collection.add(
        "b-new.json",
        &write_answer_file(survey, &new, &saved_at(2, 0)),
    );
    collection.add(
        "odd-time.json",
        &hand_made(
            survey,
            json!({"exported_at": "=cmd|' /C calc'!A0",
            "answers": {"Q1-2": "C病院", "Q2-1": "はい"}}),
        ),
    );
    collection
}

#[test]
fn the_combined_csv_is_the_per_hospital_layout_with_one_row_per_kept_hospital() {
    let survey = common::edition("r6");
    let collection = collection(&survey);
    let hospitals: Vec<_> = collection.hospitals().iter().collect();
    let rows = combined_csv_rows(&survey, &hospitals);
    let single = csv_rows(&survey, &Answers::new(), CsvLayout::PerHospital, "");
    assert_eq!(rows[0], single[0], "the same header as one hospital's file");
    assert_eq!(rows.len(), 1 + 3);
    for (row, hospital) in rows[1..].iter().zip(&hospitals) {
        let own = csv_rows(
            &survey,
            &hospital.answers,
            CsvLayout::PerHospital,
            hospital.exported_at.as_deref().unwrap_or(""),
        );
        if hospital.file_name != "odd-time.json" {
            assert_eq!(
                row, &own[1],
                "{}: as its own 1病院1行 row",
                hospital.file_name
            );
        }
    }
    let column = |id: &str| rows[0].iter().position(|h| h == id).unwrap_or(usize::MAX);
    assert_eq!(rows[2][column("Q1-2")], "B病院");
    assert_eq!(rows[2][1], saved_at(2, 0), "the newer file");
    assert_eq!(rows[2][column("Q13")], "10");
    assert_eq!(rows[2][column("Q1-1")], "'=HYPERLINK(\"x\")", "neutralised");
    assert_eq!(rows[2][column("Q2-2")], "", "not asked");
    assert_eq!(rows[2][2], "未完了");
    assert_eq!(rows[1][2], "完了");
    assert_eq!(
        rows[3][1], "",
        "a time that is not a time (here a formula) is left out"
    );
    let text = csv_text(&rows);
    assert_eq!(text.matches("\r\n").count(), 4);
    assert!(text.ends_with("\r\n"));
    assert!(!text.contains("b-old"), "no file name column");
}

#[test]
fn the_combined_csv_follows_the_filter_and_encodes_both_ways() {
    let survey = common::edition("r6");
    let collection = collection(&survey);
    let filter = AnswerFilter::new(
        &survey,
        &[FilterCondition {
            item: "Q2-1".into(),
            choice: "はい".into(),
        }],
    );
    let Ok(filter) = filter else {
        panic!("{filter:?}");
    };
    let hospitals = collection.matching(&filter);
    let text = csv_text(&combined_csv_rows(&survey, &hospitals));
    assert_eq!(text.lines().count(), 1 + 2, "full.json and odd-time.json");
    let utf8 = encode_combined_csv(
        &survey,
        &hospitals,
        &text,
        CsvEncoding::Utf8WithBom,
        &encoder,
    );
    let utf8 = utf8.unwrap_or_default();
    assert_eq!(&utf8[..3], [0xEF, 0xBB, 0xBF]);
    assert_eq!(&utf8[3..], text.as_bytes());
    let sjis = encode_combined_csv(&survey, &hospitals, &text, CsvEncoding::ShiftJis, &encoder);
    let sjis = sjis.unwrap_or_default();
    let (decoded, _, errors) = encoding_rs::SHIFT_JIS.decode(&sjis);
    assert!(!errors);
    assert_eq!(decoded, text);
}

#[test]
fn shift_jis_refuses_the_combined_csv_naming_hospital_file_and_item() {
    let survey = common::edition("r6");
    let mut collection = collection(&survey);
    let mut answers = answers("𠮷野病院", &[("Q2-1", "はい")]);
    answers.set_text("Q1-1", "髙橋 🙂".into());
    collection.add(
        "yoshino.json",
        &write_answer_file(&survey, &answers, &saved_at(3, 0)),
    );
    let hospitals: Vec<_> = collection.hospitals().iter().collect();
    let text = csv_text(&combined_csv_rows(&survey, &hospitals));
    let refused = encode_combined_csv(&survey, &hospitals, &text, CsvEncoding::ShiftJis, &encoder);
    let Err(refused) = refused else {
        panic!("encoded 𠮷 and 🙂");
    };
    assert_eq!(refused.len(), 1);
    assert_eq!(refused[0].file_name, "yoshino.json");
    let items: Vec<&str> = refused[0].answers.iter().map(|a| a.item.as_str()).collect();
    assert_eq!(items, ["Q1-1", "Q1-2"]);
    assert_eq!(
        refused[0].to_string(),
        "𠮷野病院（yoshino.json）：Q1-1 の回答にある 「🙂」 はShift_JISで保存できません。Q1-2 の回答にある 「𠮷」 はShift_JISで保存できません。"
    );
}

#[test]
fn the_summary_csv_has_a_row_per_choice_count_and_statistic() {
    let survey = common::edition("r6");
    let collection = collection(&survey);
    let summary = collection.summary(&AnswerFilter::everyone());
    let text = csv_text(&summary_csv_rows(&summary));
    let lines: Vec<&str> = text.split("\r\n").collect();
    assert_eq!(
        lines[0],
        "項番,設問,選択肢・統計,件数,割合(%),値,対象病院数"
    );
    let of = |number: &str| -> Vec<&str> {
        lines
            .iter()
            .filter(|line| line.starts_with(&format!("{number},")))
            .copied()
            .collect()
    };
    assert_eq!(
        of("Q2-1"),
        [
            "Q2-1,医療情報システム安全管理責任者（CISO）を設置している,はい,2,66.7,,3",
            "Q2-1,医療情報システム安全管理責任者（CISO）を設置している,いいえ,1,33.3,,3",
            "Q2-1,医療情報システム安全管理責任者（CISO）を設置している,回答あり,3,100.0,,3",
            "Q2-1,医療情報システム安全管理責任者（CISO）を設置している,無回答,0,0.0,,3",
            "Q2-1,医療情報システム安全管理責任者（CISO）を設置している,無効,0,0.0,,3",
        ]
    );
    let q4: Vec<&str> = of("Q4")
        .iter()
        .map(|l| &l[l.find("る,").unwrap_or(0)..])
        .collect();
    assert_eq!(
        q4,
        [
            "る,はい,1,100.0,,3",
            "る,いいえ,0,0.0,,3",
            "る,回答あり,1,33.3,,3",
            "る,無回答,1,33.3,,3",
            "る,無効,1,33.3,,3",
        ],
        "「=1+1」 is not a choice: 無効"
    );
    let q13: Vec<String> = of("Q13")
        .iter()
        .map(|l| l.split(',').skip(2).collect::<Vec<_>>().join(","))
        .collect();
    assert_eq!(
        q13,
        [
            "10桁,1,50.0,,3",
            "11桁,0,0.0,,3",
            "12桁,1,50.0,,3",
            "回答あり,2,66.7,,3",
            "無回答,1,33.3,,3",
            "無効,0,0.0,,3",
            "最小値,,,10,3",
            "第1四分位数,,,10.5,3",
            "中央値,,,11.0,3",
            "第3四分位数,,,11.5,3",
            "最大値,,,12,3",
            "平均値,,,11.0,3",
        ]
    );
    assert_eq!(
        of("Q1-1"),
        [
            "Q1-1,回答者の氏名,回答あり,2,66.7,,3",
            "Q1-1,回答者の氏名,無回答,1,33.3,,3",
            "Q1-1,回答者の氏名,無効,0,0.0,,3",
        ],
        "free text: counts only, never content"
    );
    assert!(!text.contains("山田") && !text.contains("HYPERLINK"));
    let q17_5 = of("Q17-5");
    assert_eq!(
        q17_5.len(),
        1 + 3 + 6,
        "one value (7世代), three counts, six statistics"
    );
    assert!(
        of("Q7-2").iter().all(|l| l.ends_with(",1")),
        "asked of full.json only"
    );
    let rows = 1 + summary
        .items
        .iter()
        .map(|item| {
            3 + match &item.detail {
                cyber_survey::overview::ItemDetail::Choices(c) => c.len(),
                cyber_survey::overview::ItemDetail::Numbers(Some(d)) => d.bins.len() + 6,
                _ => 0,
            }
        })
        .sum::<usize>();
    assert_eq!(lines.len(), rows + 1, "rows and the final line end");
}

#[test]
fn the_summary_csv_encodes_in_both_encodings() {
    let survey = common::edition("r6");
    let collection = collection(&survey);
    let text = csv_text(&summary_csv_rows(
        &collection.summary(&AnswerFilter::everyone()),
    ));
    let utf8 = encode_summary_csv(&text, CsvEncoding::Utf8WithBom, &encoder).unwrap_or_default();
    assert_eq!(&utf8[..3], [0xEF, 0xBB, 0xBF]);
    assert_eq!(&utf8[3..], text.as_bytes());
    let sjis = encode_summary_csv(&text, CsvEncoding::ShiftJis, &encoder).unwrap_or_default();
    let (decoded, _, errors) = encoding_rs::SHIFT_JIS.decode(&sjis);
    assert!(!errors && !sjis.is_empty());
    assert_eq!(decoded, text);
}
