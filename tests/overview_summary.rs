//! What the overview counts: per item, hospitals asked, answered, not answered and invalid, and
//! per choice a count and a percentage; a distribution for whole numbers; free text only as
//! answered. Hidden answers are ignored, invalid ones are 無効, filters narrow everything down, and
//! the hospital table's rows carry progress and advisories.

mod common;
mod support;

use cyber_survey::export::write_answer_file;
use cyber_survey::overview::{
    AnswerFilter, Bin, Collection, Distribution, FilterCondition, FilterError, HospitalOrder,
    ItemDetail, ItemSummary, OneDecimal, Share, Summary, sort_hospitals,
};
use cyber_survey::survey::{AdvisoryLevel, Answers, Survey};
use serde_json::json;
use support::answer_files::{hand_made, saved_at};

/// Five hospitals, answered by hand so each count below can be checked by reading this.
fn five_hospitals(survey: &Survey) -> Vec<(String, String)> {
    let q2_3 = common::item(survey, "Q2-3");
    let make = |name: &str, setup: &dyn Fn(&mut Answers)| {
        let mut answers = Answers::new();
        answers.set_text("Q1-2", name.into());
        setup(&mut answers);
        (
            format!("{name}.json"),
            write_answer_file(survey, &answers, &saved_at(1, 0)),
        )
    };
    vec![
        make("A病院", &|a| {
            a.set_text("Q1-1", "山田".into());
            a.set_choice("Q2-1", "はい".into());
            a.set_choice("Q2-2", "はい".into());
            a.set_choice_ticked(q2_3, "ITパスポート", true);
            a.set_choice_ticked(q2_3, "その他", true);
            a.set_text("Q2-3-other", "医療情報技師".into());
            a.set_choice("Q3", "1人".into());
            a.set_text("Q13", "8".into());
        }),
        make("B病院", &|a| {
            a.set_choice("Q2-1", "はい".into());
            a.set_choice("Q2-2", "はい".into());
            a.set_choice_ticked(q2_3, "ITパスポート", true);
            a.set_choice("Q3", "1人".into());
            a.set_text("Q13", "12".into());
        }),
        make("C病院", &|a| {
            a.set_choice("Q2-1", "はい".into());
            a.set_choice("Q3", "0人".into());
            a.set_text("Q13", "１２".into());
        }),
        make("D病院", &|a| {
            a.set_choice("Q2-1", "いいえ".into());
            a.set_choice("Q3", "2～4人".into());
            a.set_text("Q13", "20".into());
        }),
        make("E病院", &|a| {
            a.set_text("Q13", "8桁".into());
        }),
    ]
}

fn collection_of<'a>(survey: &'a Survey, files: &[(String, String)]) -> Collection<'a> {
    let mut collection = Collection::new(survey);
    for (name, text) in files {
        collection.add(name, text);
    }
    collection
}

fn item<'s>(summary: &'s Summary<'_>, id: &str) -> &'s ItemSummary<'s> {
    match summary.items.iter().find(|s| s.item.id == id) {
        Some(item) => item,
        None => panic!("no summary for {id}"),
    }
}

/// (asked, answered, unanswered, invalid)
fn counts(summary: &Summary<'_>, id: &str) -> (usize, usize, usize, usize) {
    let s = item(summary, id);
    (s.asked, s.answered, s.unanswered, s.invalid)
}

/// Each choice with its count and percentage text.
fn choices(summary: &Summary<'_>, id: &str) -> Vec<(String, usize, String)> {
    match &item(summary, id).detail {
        ItemDetail::Choices(choices) => choices
            .iter()
            .map(|c| {
                let percent = c.share.percent().map(|p| p.to_string()).unwrap_or_default();
                (c.choice.to_owned(), c.share.count, percent)
            })
            .collect(),
        other => panic!("{id} is not a choice item: {other:?}"),
    }
}

fn triples(list: &[(&str, usize, &str)]) -> Vec<(String, usize, String)> {
    list.iter()
        .map(|(c, n, p)| ((*c).to_owned(), *n, (*p).to_owned()))
        .collect()
}

#[test]
fn choice_items_are_counted_out_of_the_hospitals_that_answered() {
    let survey = common::edition("r6");
    let collection = collection_of(&survey, &five_hospitals(&survey));
    let summary = collection.summary(&AnswerFilter::everyone());
    assert_eq!(summary.hospitals, 5);
    assert_eq!(counts(&summary, "Q2-1"), (5, 4, 1, 0));
    assert_eq!(
        choices(&summary, "Q2-1"),
        triples(&[("はい", 3, "75.0"), ("いいえ", 1, "25.0")])
    );
    assert_eq!(
        counts(&summary, "Q2-2"),
        (3, 2, 1, 0),
        "asked when Q2-1 = はい"
    );
    assert_eq!(counts(&summary, "Q2-3"), (2, 2, 0, 0));
    assert_eq!(
        choices(&summary, "Q2-3"),
        triples(&[
            ("ITパスポート", 2, "100.0"),
            ("基本情報技術者", 0, "0.0"),
            ("応用情報技術者", 0, "0.0"),
            ("情報セキュリティマネジメント", 0, "0.0"),
            ("情報処理安全確保支援士", 0, "0.0"),
            ("その他", 1, "50.0"),
        ]),
        "multiple choice: out of the hospitals that answered, so more than 100% in all"
    );
    assert_eq!(counts(&summary, "Q3"), (5, 4, 1, 0));
    assert_eq!(
        choices(&summary, "Q3"),
        triples(&[
            ("0人", 1, "25.0"),
            ("1人", 2, "50.0"),
            ("2～4人", 1, "25.0"),
            ("5～9人", 0, "0.0"),
            ("10人以上", 0, "0.0"),
        ])
    );
    assert_eq!(counts(&summary, "Q7-2"), (0, 0, 0, 0), "asked of nobody");
    assert_eq!(
        choices(&summary, "Q7-2"),
        triples(&[("はい", 0, ""), ("いいえ", 0, "")]),
        "no percentage out of nobody"
    );
}

#[test]
fn free_text_is_only_counted_as_answered() {
    let survey = common::edition("r6");
    let collection = collection_of(&survey, &five_hospitals(&survey));
    let summary = collection.summary(&AnswerFilter::everyone());
    assert_eq!(counts(&summary, "Q1-1"), (5, 1, 4, 0));
    assert_eq!(counts(&summary, "Q1-2"), (5, 5, 0, 0));
    assert_eq!(counts(&summary, "Q2-3-other"), (1, 1, 0, 0));
    assert_eq!(item(&summary, "Q2-3-other").detail, ItemDetail::Text);
}

#[test]
fn whole_numbers_get_a_distribution_and_invalid_ones_are_apart() {
    let survey = common::edition("r6");
    let collection = collection_of(&survey, &five_hospitals(&survey));
    let summary = collection.summary(&AnswerFilter::everyone());
    assert_eq!(counts(&summary, "Q13"), (5, 4, 0, 1), "「8桁」 is 無効");
    let ItemDetail::Numbers(Some(distribution)) = &item(&summary, "Q13").detail else {
        panic!("no distribution for Q13");
    };
    // 8, 12, 12 (typed full-width), 20
    assert_eq!(
        (distribution.count, distribution.min, distribution.max),
        (4, 8, 20)
    );
    let shown = [
        distribution.lower_quartile,
        distribution.median,
        distribution.upper_quartile,
        distribution.mean,
    ]
    .map(|v| v.to_string());
    assert_eq!(shown, ["11.0", "12.0", "14.0", "13.0"]);
    assert_eq!(
        distribution.bins.len(),
        7,
        "8 to 20 spans 13 values: bins of 2"
    );
    assert_eq!(
        item(&summary, "Q17-5").detail,
        ItemDetail::Numbers(None),
        "asked of nobody"
    );
}

#[test]
fn the_distribution_has_exact_quartiles_and_sensible_bins() {
    let bins = |values: &[u32]| -> Vec<(u32, u32, usize)> {
        Distribution::of(values.to_vec())
            .map(|d| d.bins.iter().map(|b| (b.from, b.to, b.count)).collect())
            .unwrap_or_default()
    };
    assert_eq!(
        bins(&[12, 8, 8, 10]),
        [(8, 8, 2), (9, 9, 0), (10, 10, 1), (11, 11, 0), (12, 12, 1)],
        "few values: one bar each, empty ones included"
    );
    assert_eq!(bins(&[7]), [(7, 7, 1)]);
    assert_eq!(
        bins(&[1, 3, 15, 27, 150]),
        [
            (1, 19, 3),
            (20, 39, 1),
            (40, 59, 0),
            (60, 79, 0),
            (80, 99, 0),
            (100, 119, 0),
            (120, 139, 0),
            (140, 150, 1),
        ],
        "width 20 from a multiple of 20, clipped to the values seen"
    );
    assert_eq!(bins(&[1, 12]).len(), 12, "a span of 12: one bar per value");
    assert_eq!(
        bins(&[1, 13]).len(),
        7,
        "a span of 13: bins of 2 (0-1 … 12-13)"
    );
    let spread = bins(&[1, 999]);
    assert!(spread.len() <= 12 && spread.len() >= 6, "{spread:?}");
    assert_eq!(Distribution::of(Vec::new()), None);

    let Some(d) = Distribution::of(vec![1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 17])
    else {
        panic!("no distribution");
    };
    // Positions 3.75, 7.5 and 11.25 of 0…15: 4.75, 8.5, 12.25.
    assert_eq!(
        [d.lower_quartile, d.median, d.upper_quartile, d.mean].map(OneDecimal::tenths),
        [48, 85, 123, 86],
        "mean 137/16 = 8.5625"
    );
    assert_eq!(
        Bin {
            from: 10,
            to: 19,
            count: 3
        }
        .label("桁"),
        "10～19桁"
    );
    assert_eq!(
        Bin {
            from: 8,
            to: 8,
            count: 1
        }
        .label("桁"),
        "8桁"
    );
}

#[test]
fn percentages_round_half_up_to_one_decimal() {
    let percent = |count, of| Share { count, of }.percent().map(|p| p.to_string());
    assert_eq!(percent(1, 3), Some("33.3".into()));
    assert_eq!(percent(2, 3), Some("66.7".into()));
    assert_eq!(percent(1, 16), Some("6.3".into()), "6.25");
    assert_eq!(percent(1, 8), Some("12.5".into()));
    assert_eq!(percent(0, 7), Some("0.0".into()));
    assert_eq!(percent(7, 7), Some("100.0".into()));
    assert_eq!(percent(0, 0), None);
    assert_eq!(
        OneDecimal::of_ratio(10, 4),
        Some(OneDecimal::from_tenths(25))
    );
}

#[test]
fn answers_of_items_not_asked_are_ignored() {
    let survey = common::edition("r6");
    // Made by hand: the app never writes a hidden branch's answers.
    let hidden = hand_made(
        &survey,
        json!({"exported_at": saved_at(1, 0), "answers": {
        "Q1-2": "F病院", "Q2-1": "いいえ", "Q2-2": "はい", "Q2-3": ["ITパスポート"],
        "Q17-1": "いいえ", "Q17-5": 3}}),
    );
    let mut collection = Collection::new(&survey);
    collection.add("f.json", &hidden);
    let summary = collection.summary(&AnswerFilter::everyone());
    assert_eq!(counts(&summary, "Q2-1"), (1, 1, 0, 0));
    assert_eq!(counts(&summary, "Q2-2"), (0, 0, 0, 0));
    assert_eq!(counts(&summary, "Q2-3"), (0, 0, 0, 0));
    assert_eq!(counts(&summary, "Q17-5"), (0, 0, 0, 0));
    let filter = AnswerFilter::new(
        &survey,
        &[FilterCondition {
            item: "Q2-2".into(),
            choice: "はい".into(),
        }],
    );
    assert_eq!(filter.map(|f| collection.matching(&f).len()), Ok(0));
}

#[test]
fn invalid_answers_are_counted_as_invalid_never_as_a_choice() {
    let survey = common::edition("r6");
    let file = hand_made(
        &survey,
        json!({"exported_at": saved_at(1, 0),
        "answers": {"Q1-2": "G病院", "Q4": "たぶん", "Q3": "3人", "Q13": 99, "Q2-1": "はい",
            "Q1-1": "x".repeat(101)},
        "invalid": {"Q17-1": "どちらとも", "Q5": "はい"}}),
    );
    let mut collection = Collection::new(&survey);
    collection.add("g.json", &file);
    let summary = collection.summary(&AnswerFilter::everyone());
    for id in ["Q4", "Q3", "Q13", "Q1-1", "Q17-1"] {
        assert_eq!(counts(&summary, id), (1, 0, 0, 1), "{id}");
    }
    assert_eq!(counts(&summary, "Q2-1"), (1, 1, 0, 0));
    assert_eq!(
        counts(&summary, "Q5"),
        (1, 1, 0, 0),
        "a valid answer is valid whatever section it sits in"
    );
    assert!(choices(&summary, "Q3").iter().all(|(_, n, _)| *n == 0));
    assert_eq!(item(&summary, "Q13").detail, ItemDetail::Numbers(None));
    let hospital = &collection.hospitals()[0];
    assert!(!hospital.complete);
    assert_eq!(hospital.warnings.len(), 3, "Q4, Q3 and Q17-1 were left out");
}

fn condition(item: &str, choice: &str) -> FilterCondition {
    FilterCondition {
        item: item.into(),
        choice: choice.into(),
    }
}

fn matching_names(collection: &Collection<'_>, conditions: &[FilterCondition]) -> Vec<String> {
    let filter = match AnswerFilter::new(collection.survey(), conditions) {
        Ok(filter) => filter,
        Err(error) => panic!("{error}"),
    };
    collection
        .matching(&filter)
        .iter()
        .map(|h| h.name.clone())
        .collect()
}

#[test]
fn filters_combine_items_with_and_and_choices_of_one_item_with_or() {
    let survey = common::edition("r6");
    let collection = collection_of(&survey, &five_hospitals(&survey));
    assert_eq!(
        matching_names(&collection, &[condition("Q2-1", "はい")]),
        ["A病院", "B病院", "C病院"]
    );
    assert_eq!(
        matching_names(
            &collection,
            &[condition("Q2-1", "はい"), condition("Q3", "1人")]
        ),
        ["A病院", "B病院"]
    );
    assert_eq!(
        matching_names(
            &collection,
            &[condition("Q3", "0人"), condition("Q3", "2～4人")]
        ),
        ["C病院", "D病院"]
    );
    assert_eq!(
        matching_names(&collection, &[condition("Q2-3", "その他")]),
        ["A病院"]
    );
    assert_eq!(
        matching_names(
            &collection,
            &[
                condition("Q2-3", "その他"),
                condition("Q2-3", "ITパスポート")
            ]
        ),
        ["A病院", "B病院"]
    );
    assert_eq!(matching_names(&collection, &[]).len(), 5);

    let filter = AnswerFilter::new(&survey, &[condition("Q2-1", "はい")]);
    let Ok(filter) = filter else {
        panic!("{filter:?}");
    };
    let summary = collection.summary(&filter);
    assert_eq!(summary.hospitals, 3);
    assert_eq!(counts(&summary, "Q2-2"), (3, 2, 1, 0));
    assert_eq!(
        choices(&summary, "Q3"),
        triples(&[
            ("0人", 1, "33.3"),
            ("1人", 2, "66.7"),
            ("2～4人", 0, "0.0"),
            ("5～9人", 0, "0.0"),
            ("10人以上", 0, "0.0"),
        ])
    );
    assert!(!filter.is_everyone());
    assert!(AnswerFilter::everyone().is_everyone());
}

#[test]
fn a_filter_naming_what_the_survey_lacks_is_refused() {
    let survey = common::edition("r6");
    let refused = |conditions: &[FilterCondition]| {
        AnswerFilter::new(&survey, conditions).map_err(|e| (e.clone(), e.to_string()))
    };
    assert_eq!(
        refused(&[condition("Q2-1", "はい"), condition("Q99", "はい")]),
        Err((
            FilterError::UnknownItem("Q99".into()),
            "絞り込みの設問「Q99」はこの調査にありません。".into()
        ))
    );
    assert_eq!(
        refused(&[condition("Q13", "8")]),
        Err((
            FilterError::NoChoices {
                number: "Q13".into()
            },
            "Q13 は選択式の設問ではないため、回答で絞り込めません。".into()
        ))
    );
    assert_eq!(
        refused(&[condition("Q3", "3人")]),
        Err((
            FilterError::UnknownChoice {
                number: "Q3".into(),
                choice: "3人".into()
            },
            "Q3 に選択肢「3人」はありません。".into()
        ))
    );
}

#[test]
fn table_rows_carry_who_which_file_progress_and_advisories() {
    let survey = common::edition("r6");
    let mut collection = Collection::new(&survey);
    collection.add(
        "complete.json",
        &write_answer_file(
            &survey,
            &common::complete_with_every_branch_open(&survey),
            &saved_at(2, 0),
        ),
    );
    for (name, text) in five_hospitals(&survey) {
        collection.add(&name, &text);
    }
    collection.add(
        "nameless.json",
        &hand_made(&survey, json!({"answers": {"Q4": "いいえ"}})),
    );
    let hospitals = collection.hospitals();
    let complete = &hospitals[0];
    assert_eq!(
        (
            complete.display_name(),
            complete.respondent.as_str(),
            complete.file_name.as_str(),
            complete.exported_at.clone(),
        ),
        (
            "医療法人〇〇会 〇〇病院",
            "山田 太郎",
            "complete.json",
            Some(saved_at(2, 0))
        )
    );
    assert_eq!(
        (complete.progress.answered, complete.progress.required),
        (26, 26)
    );
    assert!(complete.complete);
    let raised: Vec<(&str, AdvisoryLevel)> = complete
        .advisories
        .iter()
        .map(|r| (r.item.id.as_str(), r.advisory.level))
        .collect();
    assert_eq!(
        raised,
        [("Q13", AdvisoryLevel::Note)],
        "はい everywhere and 7世代; 12桁 is below the 13-character note"
    );
    assert_eq!(complete.shortfalls(), 0);

    let d = &hospitals[4];
    assert_eq!(d.display_name(), "D病院");
    assert_eq!(d.respondent, "");
    assert_eq!(
        (d.progress.answered, d.progress.required),
        (4, 18),
        "Q1-2, Q2-1, Q3, Q13"
    );
    assert!(!d.complete);
    let raised: Vec<(&str, AdvisoryLevel)> = d
        .advisories
        .iter()
        .map(|r| (r.item.id.as_str(), r.advisory.level))
        .collect();
    assert_eq!(
        raised,
        [("Q2-1", AdvisoryLevel::Shortfall)],
        "20桁 raises nothing"
    );
    assert_eq!(d.shortfalls(), 1);
    let nameless = &hospitals[6];
    assert_eq!(nameless.display_name(), "病院名未入力");
    assert_eq!(nameless.exported_at, None);
    assert_eq!(nameless.shortfalls(), 1, "Q4 = いいえ");
}

#[test]
fn the_table_sorts_by_name_time_progress_and_shortfalls() {
    let survey = common::edition("r6");
    let mut collection = Collection::new(&survey);
    let add = |c: &mut Collection, file: &str, fields: serde_json::Value| {
        c.add(file, &hand_made(&survey, fields));
    };
    add(
        &mut collection,
        "1",
        json!({"exported_at": saved_at(3, 0),
        "answers": {"Q1-2": "ｂ病院", "Q2-1": "いいえ", "Q4": "いいえ"}}),
    );
    add(&mut collection, "2", json!({"answers": {"Q4": "はい"}}));
    add(
        &mut collection,
        "3",
        json!({"exported_at": saved_at(1, 0),
        "answers": {"Q1-2": "A病院", "Q2-1": "はい", "Q4": "いいえ"}}),
    );
    add(
        &mut collection,
        "4",
        json!({"exported_at": saved_at(2, 0),
        "answers": {"Q1-2": "c病院", "Q4": "はい", "Q5": "はい", "Q6": "はい"}}),
    );
    let order = |by: HospitalOrder, descending: bool| -> Vec<String> {
        let mut rows: Vec<_> = collection.hospitals().iter().collect();
        sort_hospitals(&mut rows, by, descending);
        rows.iter().map(|h| h.file_name.clone()).collect()
    };
    assert_eq!(
        order(HospitalOrder::Name, false),
        ["3", "1", "4", "2"],
        "nameless last"
    );
    assert_eq!(order(HospitalOrder::Name, true), ["2", "4", "1", "3"]);
    assert_eq!(
        order(HospitalOrder::ExportedAt, false),
        ["2", "3", "4", "1"]
    );
    assert_eq!(order(HospitalOrder::FileName, true), ["4", "3", "2", "1"]);
    // Answered of required: 1: 3/18, 2: 1/18, 3: 3/19 (Q2-2 opened), 4: 4/18.
    assert_eq!(order(HospitalOrder::Progress, false), ["2", "3", "1", "4"]);
    assert_eq!(
        order(HospitalOrder::Shortfalls, false),
        ["2", "4", "3", "1"]
    );
}
