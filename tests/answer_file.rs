//! The JSON answer file: what is written, that it loads back to the same answers, and that every
//! kind of bad file is refused or cleaned with a message that says what was wrong.

mod common;

use cyber_survey::draft::DraftError;
use cyber_survey::export::{
    FileError, FileWarning, MAX_FILE_BYTES, export_file_name, read_answer_file, write_answer_file,
};
use cyber_survey::survey::{Answer, Answers, Visibility};
use serde_json::{Value, json};

const AT: &str = "2026-11-24T10:15:00.000Z";

fn parsed(text: &str) -> Value {
    serde_json::from_str(text).unwrap_or(Value::Null)
}

/// Answers of the asked items only, with text trimmed: what a file is meant to carry.
fn asked_only(answers: &Answers) -> Answers {
    let survey = common::edition("r6");
    let visibility = Visibility::of(&survey, answers);
    let mut kept = Answers::new();
    for item in survey.items().filter(|i| visibility.is_asked(&i.id)) {
        match answers.get(&item.id) {
            Some(cyber_survey::survey::Answer::Text(t)) => kept.set_text(&item.id, t.trim().into()),
            Some(cyber_survey::survey::Answer::Choice(c)) => kept.set_choice(&item.id, c.clone()),
            Some(cyber_survey::survey::Answer::Choices(cs)) => {
                for c in cs {
                    kept.set_choice_ticked(item, c, true);
                }
            }
            None => {}
        }
    }
    kept
}

#[test]
fn a_complete_survey_is_written_with_typed_values_keyed_by_item() {
    let survey = common::edition("r6");
    let answers = common::complete_with_every_branch_open(&survey);
    let file = parsed(&write_answer_file(&survey, &answers, AT));
    assert_eq!(file["format"], "cyber-survey-answers");
    assert_eq!(file["format_version"], 1);
    assert_eq!(file["survey"], "R6");
    assert_eq!(file["exported_at"], AT);
    assert_eq!(file["hospital"], "医療法人〇〇会 〇〇病院");
    assert_eq!(file["respondent"], "山田 太郎");
    assert_eq!(file["complete"], true);
    assert_eq!(file["answers"]["Q13"], json!(12));
    assert_eq!(file["answers"]["Q17-5"], json!(7));
    assert_eq!(file["answers"]["Q2-3"], json!(["応用情報技術者", "その他"]));
    assert_eq!(file["answers"]["Q2-3-other"], "医療情報技師");
    assert_eq!(file["answers"]["Q4"], "はい");
    assert_eq!(file["invalid"], json!({}));
    let keys: Vec<&String> = file["answers"]
        .as_object()
        .map(|o| o.keys().collect())
        .unwrap_or_default();
    assert_eq!(keys.len(), 27);
    assert_eq!(keys[0], "Q1-1");
    assert_eq!(keys[26], "Q17-6");
}

#[test]
fn hidden_answers_are_not_written_and_invalid_ones_are_kept_apart() {
    let survey = common::edition("r6");
    let mut answers = common::complete_with_every_branch_open(&survey);
    answers.set_choice("Q2-1", "いいえ".into());
    answers.set_text("Q13", "8桁".into());
    let file = parsed(&write_answer_file(&survey, &answers, AT));
    assert_eq!(file["complete"], false);
    assert!(file["answers"].get("Q2-2").is_none());
    assert!(file["answers"].get("Q13").is_none());
    assert_eq!(file["invalid"], json!({"Q13": "8桁"}));
}

#[test]
fn what_is_written_loads_back_to_the_same_asked_answers() {
    let survey = common::edition("r6");
    let mut answers = common::complete_with_every_branch_open(&survey);
    answers.set_text("Q1-1", "  山田 太郎  ".into());
    answers.set_text("Q13", "8桁".into());
    answers.set_choice("Q17-2", "いいえ".into());
    let text = write_answer_file(&survey, &answers, AT);
    let loaded = read_answer_file(&survey, &text);
    assert_eq!(
        loaded.map(|l| (l.answers, l.warnings)),
        Ok((asked_only(&answers), vec![]))
    );
    let empty_but_named = {
        let mut a = Answers::new();
        a.set_text("Q1-2", "〇〇病院".into());
        a
    };
    let text = write_answer_file(&survey, &empty_but_named, AT);
    assert_eq!(
        read_answer_file(&survey, &text).map(|l| l.answers),
        Ok(empty_but_named)
    );
}

/// What a damaged draft becomes in the file: ticks once each, one value of the wrong shape in the
/// item's shape, several values for a one-value item left out.
#[test]
fn a_damaged_draft_is_written_in_the_shapes_the_schema_gives() {
    let survey = common::edition("r6");
    let mut answers = common::complete_with_every_branch_open(&survey);
    let list = |items: &[&str]| Answer::Choices(items.iter().map(|s| (*s).into()).collect());
    answers.insert("Q2-3".into(), list(&["その他", "応用情報技術者", "その他"]));
    answers.insert("Q1-2".into(), list(&["〇〇病院"]));
    answers.insert("Q17-5".into(), list(&["1", "2"]));
    answers.insert("Q13".into(), Answer::Choice("12".into()));
    let file = parsed(&write_answer_file(&survey, &answers, AT));
    assert_eq!(file["answers"]["Q2-3"], json!(["応用情報技術者", "その他"]));
    assert_eq!(
        file["invalid"],
        json!({"Q1-2": "〇〇病院", "Q13": "12"}),
        "Q17-5 left out"
    );
    let mut not_a_list = common::complete_with_every_branch_open(&survey);
    not_a_list.insert("Q2-3".into(), Answer::Text("英検".into()));
    let file = parsed(&write_answer_file(&survey, &not_a_list, AT));
    assert_eq!(file["invalid"], json!({"Q2-3": ["英検"]}));
}

fn file(answers: Value) -> String {
    json!({"format": "cyber-survey-answers", "format_version": 1, "survey": "R6", "answers": answers})
        .to_string()
}

#[test]
fn files_that_are_not_ours_are_refused_with_the_reason() {
    let survey = common::edition("r6");
    let cases = [
        ("", FileError::Empty),
        (
            "名前,回答\n山田,はい",
            FileError::Unusable(DraftError::NotJson),
        ),
        (
            "{\"format\": \"cyber-survey-answers\"",
            FileError::Unusable(DraftError::NotJson),
        ),
        ("[\"Q1-1\"]", FileError::Unusable(DraftError::NotOurs)),
        (
            "{\"name\": \"山田\"}",
            FileError::Unusable(DraftError::NotOurs),
        ),
    ];
    for (text, expected) in cases {
        assert_eq!(read_answer_file(&survey, text), Err(expected), "{text}");
    }
}

#[test]
fn another_survey_or_a_newer_format_is_refused() {
    let survey = common::edition("r6");
    let other = json!({"format": "cyber-survey-answers", "format_version": 1, "survey": "R7",
        "answers": {"Q1-1": "山田"}});
    assert_eq!(
        read_answer_file(&survey, &other.to_string()),
        Err(FileError::Unusable(DraftError::OtherSurvey {
            found: "R7".into(),
            expected: "R6".into()
        }))
    );
    let newer = json!({"format": "cyber-survey-answers", "format_version": 2, "survey": "R6",
        "answers": {"Q1-1": "山田"}});
    assert_eq!(
        read_answer_file(&survey, &newer.to_string()),
        Err(FileError::Unusable(DraftError::NewerVersion {
            found: 2,
            supported: 1
        }))
    );
}

#[test]
fn a_file_larger_than_the_limit_is_refused_before_it_is_parsed() {
    let survey = common::edition("r6");
    let huge = format!("{{\"pad\":\"{}\"}}", "x".repeat(MAX_FILE_BYTES));
    assert!(matches!(
        read_answer_file(&survey, &huge),
        Err(FileError::TooLarge {
            limit: MAX_FILE_BYTES,
            ..
        })
    ));
}

#[test]
fn unknown_items_and_impossible_values_are_left_out_and_reported() {
    let survey = common::edition("r6");
    let text = file(json!({
        "Q1-2": "〇〇病院",
        "Q99": "はい",
        "Q2-1": "たぶん",
        "Q4": true,
        "Q2-3": ["ITパスポート", "英検"],
        "Q13": -3,
        "Q17-5": "七",
    }));
    let loaded = match read_answer_file(&survey, &text) {
        Ok(loaded) => loaded,
        Err(error) => panic!("{error}"),
    };
    assert_eq!(loaded.answers.text("Q1-2"), "〇〇病院");
    assert_eq!(
        loaded.answers.text("Q17-5"),
        "七",
        "a malformed number comes back to be corrected"
    );
    assert_eq!(loaded.answers.get("Q2-1"), None);
    let messages: Vec<String> = loaded.warnings.iter().map(ToString::to_string).collect();
    assert_eq!(
        messages,
        [
            "「Q99」はこの調査にない設問のため、読み込みませんでした。",
            "Q2-1 の回答「たぶん」はこの設問に合わないため、読み込みませんでした。",
            "Q4 の回答「true」はこの設問に合わないため、読み込みませんでした。",
            "Q2-3 の回答「[\"ITパスポート\",\"英検\"]」はこの設問に合わないため、読み込みませんでした。",
            "Q13 の回答「-3」はこの設問に合わないため、読み込みませんでした。",
        ]
    );
    assert!(matches!(loaded.warnings[0], FileWarning::UnknownItem(_)));
}

#[test]
fn a_file_with_nothing_usable_is_refused() {
    let survey = common::edition("r6");
    assert_eq!(
        read_answer_file(&survey, &file(json!({"Q99": "x"}))),
        Err(FileError::NoAnswers)
    );
    let wrong_shape = json!({"format": "cyber-survey-answers", "format_version": 1, "survey": "R6",
        "answers": ["Q1-1"]});
    assert!(matches!(
        read_answer_file(&survey, &wrong_shape.to_string()),
        Err(FileError::Unusable(DraftError::Damaged(_)))
    ));
}

#[test]
fn the_time_a_file_was_saved_is_read_when_it_is_a_string() {
    let survey = common::edition("r6");
    let answers = common::complete_with_every_branch_open(&survey);
    let written = write_answer_file(&survey, &answers, AT);
    assert_eq!(
        read_answer_file(&survey, &written).map(|l| l.exported_at),
        Ok(Some(AT.to_owned()))
    );
    assert_eq!(
        read_answer_file(&survey, &file(json!({"Q1-1": "山田"}))).map(|l| l.exported_at),
        Ok(None),
        "absent"
    );
    let numeric = json!({"format": "cyber-survey-answers", "format_version": 1, "survey": "R6",
        "exported_at": 20250127, "answers": {"Q1-1": "山田"}});
    assert_eq!(
        read_answer_file(&survey, &numeric.to_string()).map(|l| l.exported_at),
        Ok(None),
        "not a string"
    );
}

#[test]
fn a_byte_order_mark_is_tolerated() {
    let survey = common::edition("r6");
    let text = format!("\u{feff}{}", file(json!({"Q1-1": "山田"})));
    assert_eq!(
        read_answer_file(&survey, &text).map(|l| l.answers.text("Q1-1").to_owned()),
        Ok("山田".into())
    );
}

#[test]
fn more_than_one_byte_order_mark_is_refused() {
    let survey = common::edition("r6");
    for marks in [2, 3] {
        let text = format!(
            "{}{}",
            "\u{feff}".repeat(marks),
            file(json!({"Q1-1": "山田"}))
        );
        assert_eq!(
            read_answer_file(&survey, &text),
            Err(FileError::SeveralByteOrderMarks { count: marks })
        );
        assert_eq!(
            read_answer_file(&survey, &text)
                .map_err(|e| e.to_string())
                .err(),
            Some(format!(
                "ファイルの先頭にBOM（バイト順マーク）が{marks}個あります（1個までです）。ほかのプログラムで書き換えられたおそれがあります。このツールで保存し直したJSONファイルを選んでください。"
            ))
        );
    }
}

/// The schema says `"format_version": 1`: a higher whole number is a newer app's file (refused
/// with that reason, tested above); anything else is no version this app ever wrote.
#[test]
fn a_format_version_other_than_1_is_refused_with_the_reason() {
    let survey = common::edition("r6");
    let with_version = |version: Value| {
        json!({"format": "cyber-survey-answers", "format_version": version, "survey": "R6",
            "answers": {"Q1-1": "山田"}})
        .to_string()
    };
    for (version, shown) in [
        (json!(0), "0"),
        (json!(-1), "-1"),
        (json!(0.5), "0.5"),
        (json!(1.5), "1.5"),
        (json!("1"), "\"1\""),
        (json!(true), "true"),
        (json!([1]), "[1]"),
    ] {
        assert_eq!(
            read_answer_file(&survey, &with_version(version.clone()))
                .map_err(|e| e.to_string())
                .err(),
            Some(format!(
                "このツールの形式にない版のファイルです（format_version が {shown}。読めるのは 1）。このツールで保存したJSONファイルを選んでください。"
            )),
            "{version}"
        );
    }
    assert_eq!(
        read_answer_file(&survey, &with_version(json!(0))),
        Err(FileError::UnknownVersion { found: "0".into() })
    );
    // 1.0 is the number 1, which the schema accepts.
    assert!(read_answer_file(&survey, &with_version(json!(1.0))).is_ok());
}

#[test]
fn an_empty_list_for_a_multiple_choice_item_is_reported_not_dropped_silently() {
    let survey = common::edition("r6");
    for section in ["answers", "invalid"] {
        let text = json!({"format": "cyber-survey-answers", "format_version": 1, "survey": "R6",
            section: {"Q1-2": "〇〇病院", "Q2-1": "はい", "Q2-3": []}})
        .to_string();
        let loaded = match read_answer_file(&survey, &text) {
            Ok(loaded) => loaded,
            Err(error) => panic!("{error}"),
        };
        assert_eq!(loaded.answers.get("Q2-3"), None, "{section}");
        assert_eq!(
            loaded.warnings,
            [FileWarning::NothingTicked {
                item: "Q2-3".into(),
                number: "Q2-3".into()
            }]
        );
        assert_eq!(
            loaded
                .warnings
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>(),
            [
                "Q2-3 の回答は選択肢が1つもない空のリストのため、読み込みませんでした（未回答として扱います）。"
            ],
            "{section}"
        );
    }
}

#[test]
fn file_names_carry_survey_hospital_and_date_and_are_safe_on_windows() {
    let survey = common::edition("r6");
    assert_eq!(
        export_file_name(&survey, "〇〇病院", "20250127", "json"),
        "R6_サイバーセキュリティ調査_〇〇病院_20250127.json"
    );
    assert_eq!(
        export_file_name(
            &survey,
            " 医療法人 A/B会: \"本院\" <東>|?*\\ ",
            "20250127",
            "csv"
        ),
        "R6_サイバーセキュリティ調査_医療法人_A／B会：_”本院”_＜東＞｜？＊＼_20250127.csv"
    );
    assert_eq!(
        export_file_name(&survey, "", "20250127", "json"),
        "R6_サイバーセキュリティ調査_病院名未入力_20250127.json"
    );
    assert_eq!(
        export_file_name(&survey, "...\t", "20250127", "json"),
        "R6_サイバーセキュリティ調査_病院名未入力_20250127.json"
    );
    let long = "長".repeat(200);
    assert!(
        export_file_name(&survey, &long, "20250127", "json")
            .chars()
            .count()
            < 100
    );
}

// jsonschema, the validator, is a native-only dev-dependency.
#[cfg(not(target_arch = "wasm32"))]
mod schema {
    use super::{AT, common, parsed};
    use cyber_survey::export::answer_schema::answer_file_schema;
    use cyber_survey::export::{FileError, read_answer_file, write_answer_file};
    use cyber_survey::survey::{Answer, Answers, Survey};
    use serde_json::{Value, json};

    const SCHEMA_PATH: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/answer-file.schema.json");

    fn checked_in_schema() -> Value {
        let text = std::fs::read_to_string(SCHEMA_PATH).unwrap_or_default();
        serde_json::from_str(&text).unwrap_or(Value::Null)
    }

    fn validator() -> jsonschema::Validator {
        match jsonschema::validator_for(&checked_in_schema()) {
            Ok(validator) => validator,
            Err(error) => panic!("docs/answer-file.schema.json is not a valid schema: {error}"),
        }
    }

    #[test]
    fn the_checked_in_schema_is_the_one_the_definition_gives() {
        let generated = answer_file_schema(&common::edition("r6"));
        if std::env::var_os("UPDATE_GOLDEN").is_some() {
            let text = serde_json::to_string_pretty(&generated).unwrap_or_default() + "\n";
            let _ = std::fs::write(SCHEMA_PATH, text);
        }
        assert!(
            checked_in_schema() == generated,
            "docs/answer-file.schema.json is out of date: run UPDATE_GOLDEN=1 cargo test"
        );
    }

    #[test]
    fn exported_files_validate_against_the_schema() {
        let survey = common::edition("r6");
        let validator = validator();
        let complete = common::complete_with_every_branch_open(&survey);
        let mut partial = complete.clone();
        partial.set_choice("Q17-1", "いいえ".into());
        partial.set_text("Q13", "8桁".into());
        partial.set_text("Q1-1", String::new());
        for answers in [complete, partial, Answers::new()] {
            let file = parsed(&write_answer_file(&survey, &answers, AT));
            let errors: Vec<String> = validator
                .iter_errors(&file)
                .map(|e| e.to_string())
                .collect();
            assert!(errors.is_empty(), "{errors:?}");
        }
    }

    /// Fixed-seed xorshift, so that a failure repeats exactly.
    struct Rng(u64);

    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            self.0
        }

        fn below(&mut self, n: usize) -> usize {
            (self.next() % n as u64) as usize
        }

        fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
            items[self.below(items.len())]
        }
    }

    /// Pieces of text a damaged draft or a careless user can leave: blanks, controls, byte order
    /// marks, digits of both widths, numbers out of range, quotes, non-BMP characters, choices.
    const PIECES: &[&str] = &[
        "",
        " ",
        "\u{3000}",
        "\t",
        "\n",
        "\u{0}",
        "\u{7f}",
        "\u{feff}",
        "\u{2028}",
        "\"",
        "\\",
        "0",
        "8",
        "12",
        "１２",
        "65",
        "999",
        "1000",
        "99999999999999999999",
        "-3",
        "8桁",
        "はい",
        "いいえ",
        "その他",
        "応用情報技術者",
        "2～4人",
        "2つ以上",
        "〇〇病院",
        "𠮷",
        "🏥",
        "=1+1",
    ];

    fn hostile_text(rng: &mut Rng) -> String {
        let mut text: String = (0..rng.below(4)).map(|_| rng.pick(PIECES)).collect();
        if rng.below(20) == 0 {
            text.push_str(&"長".repeat(195 + rng.below(10)));
        }
        text
    }

    /// A choice the item offers, another item's, or junk.
    fn hostile_choice(rng: &mut Rng, offered: &[String]) -> String {
        match (rng.below(3), offered.is_empty()) {
            (0 | 1, false) => offered[rng.below(offered.len())].clone(),
            _ => hostile_text(rng),
        }
    }

    /// Any shape for any item, as a damaged draft may hold: duplicate ticks, empty strings, empty
    /// lists, text for a choice, a list for a text item.
    fn hostile_answer(rng: &mut Rng, offered: &[String]) -> Answer {
        match rng.below(3) {
            0 => Answer::Text(hostile_text(rng)),
            1 => Answer::Choice(hostile_choice(rng, offered)),
            _ => Answer::Choices(
                (0..rng.below(5))
                    .map(|_| hostile_choice(rng, offered))
                    .collect(),
            ),
        }
    }

    fn hostile_answers(rng: &mut Rng, survey: &Survey) -> Answers {
        let mut answers = Answers::new();
        for item in survey.items() {
            let offered = item.choices();
            let answer = match rng.below(5) {
                0 => continue,
                // Mostly well-formed, so that branches open and valid answers meet damaged ones.
                1 | 2 if !offered.is_empty() => {
                    let mut answers_item = Answers::new();
                    for choice in offered {
                        answers_item.set_choice_ticked(item, choice, rng.below(2) == 0);
                    }
                    match item.answer {
                        cyber_survey::survey::AnswerKind::Multiple { .. } => answers_item
                            .get(&item.id)
                            .cloned()
                            .unwrap_or(Answer::Choices(Vec::new())),
                        _ => Answer::Choice(offered[rng.below(offered.len())].clone()),
                    }
                }
                _ => hostile_answer(rng, offered),
            };
            answers.insert(item.id.clone(), answer);
        }
        if rng.below(4) == 0 {
            answers.insert("Q99".into(), hostile_answer(rng, &[]));
        }
        answers
    }

    /// The cases the fuzzer found, and their neighbours.
    fn damaged_drafts(survey: &Survey) -> Vec<Answers> {
        let complete = common::complete_with_every_branch_open(survey);
        let with = |id: &str, answer: Answer| {
            let mut answers = complete.clone();
            answers.insert(id.into(), answer);
            answers
        };
        let list = |items: &[&str]| Answer::Choices(items.iter().map(|s| (*s).into()).collect());
        vec![
            with("Q1-2", list(&[""])),
            with("Q1-2", list(&["〇〇病院"])),
            with("Q2-3", list(&["その他", "その他"])),
            with("Q2-3", list(&["その他", "応用情報技術者", "その他"])),
            with("Q2-3", list(&["", ""])),
            with("Q2-3", list(&["英検", "英検"])),
            with("Q2-3", Answer::Text("その他".into())),
            with("Q2-3", Answer::Choice("その他".into())),
            with("Q2-1", list(&["はい"])),
            with("Q2-1", Answer::Text("はい".into())),
            with("Q13", list(&["12"])),
            with("Q13", Answer::Choice("12".into())),
            with("Q17-5", list(&["1", "2"])),
        ]
    }

    /// Whatever a draft holds, the writer produces a file the schema accepts, and the reader does
    /// not refuse it as damaged.
    #[test]
    fn no_draft_however_damaged_makes_a_file_the_schema_rejects() {
        let survey = common::edition("r6");
        let validator = match jsonschema::options()
            .should_validate_formats(true)
            .build(&checked_in_schema())
        {
            Ok(validator) => validator,
            Err(error) => panic!("docs/answer-file.schema.json is not a valid schema: {error}"),
        };
        let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
        let mut drafts = damaged_drafts(&survey);
        drafts.extend((0..3000).map(|_| hostile_answers(&mut rng, &survey)));
        for answers in &drafts {
            let text = write_answer_file(&survey, answers, AT);
            let errors: Vec<String> = validator
                .iter_errors(&parsed(&text))
                .map(|e| format!("{}: {e}", e.instance_path()))
                .collect();
            assert!(errors.is_empty(), "{answers:?}\n{errors:?}\n{text}");
            assert!(
                matches!(
                    read_answer_file(&survey, &text),
                    Ok(_) | Err(FileError::NoAnswers)
                ),
                "{text}"
            );
        }
    }

    #[test]
    fn the_schema_rejects_what_the_format_forbids() {
        let survey = common::edition("r6");
        let validator = validator();
        let good = parsed(&write_answer_file(
            &survey,
            &common::complete_with_every_branch_open(&survey),
            AT,
        ));
        let broken = |path: &str, value: Value| {
            let mut file = good.clone();
            if let Some(slot) = file.pointer_mut(path) {
                *slot = value;
            }
            file
        };
        for bad in [
            broken("/answers/Q13", json!("12")),
            broken("/answers/Q13", json!(65)),
            broken("/answers/Q4", json!("たぶん")),
            broken("/answers/Q2-3", json!(["英検"])),
            broken("/format_version", json!(2)),
            broken("/survey", json!("R7")),
        ] {
            assert!(!validator.is_valid(&bad), "{bad}");
        }
        let mut unknown = good.clone();
        if let Some(answers) = unknown["answers"].as_object_mut() {
            answers.insert("Q99".into(), json!("はい"));
        }
        assert!(!validator.is_valid(&unknown));
    }
}
