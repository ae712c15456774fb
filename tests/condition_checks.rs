//! The checks build.rs puts to every condition (issue 16, requirement 2): each rejects a bad
//! definition with its own error and a Japanese message naming the item, and the build's message
//! names the file as well.

use cyber_survey::survey::{DefinitionError, DefinitionFileError, read_definition_file};

/// N (text), then A (はい/いいえ), S (single: a, b), M (multiple: x, y), I (whole number 1–10) and
/// T (text), then X with the condition under test, then L, defined after X.
fn definition(when: &str) -> String {
    let item = |id: &str, answer: &str, when: &str| {
        format!(
            r#"{{"id":"{id}","number":"{id}","text":"t","guidance":[],"answer":{answer},"required":true{when}}}"#
        )
    };
    let items = [
        item("N", r#"{"text":{"max_chars":10}}"#, ""),
        item("A", r#""yes_no""#, ""),
        item("S", r#"{"single":{"choices":["a","b"]}}"#, ""),
        item("M", r#"{"multiple":{"choices":["x","y"]}}"#, ""),
        item("I", r#"{"integer":{"min":1,"max":10,"unit":"件"}}"#, ""),
        item("T", r#"{"text":{"max_chars":10}}"#, ""),
        item("X", r#""yes_no""#, &format!(r#","when":{when}"#)),
        item("L", r#""yes_no""#, ""),
    ];
    format!(
        r#"{{"id":"T","fiscal_year":1,"title":"t","file_label":"f","guideline":"g","period":"p","answer_method":"m","guide":[],
            "respondent_item":"N","hospital_item":"N",
            "sections":[{{"id":"s","title":"s","items":[{}]}}]}}"#,
        items.join(",\n")
    )
}

fn errors_of(when: &str) -> Vec<DefinitionError> {
    match read_definition_file("data/test/survey.json", &definition(when)) {
        Ok(_) => vec![],
        Err(error) => error.errors,
    }
}

/// The one error a condition yields, and its message.
fn the_error(when: &str) -> (DefinitionError, String) {
    let errors = errors_of(when);
    assert_eq!(errors.len(), 1, "{when}: {errors:?}");
    let message = errors[0].to_string();
    (errors[0].clone(), message)
}

#[test]
fn every_operator_is_accepted_where_it_fits() {
    for when in [
        r#"{"item":"A","equals":"はい"}"#,
        r#"{"item":"A","not_equals":"いいえ"}"#,
        r#"{"item":"S","equals":"a"}"#,
        r#"{"item":"S","not_equals":"b"}"#,
        r#"{"item":"M","includes":"y"}"#,
        r#"{"item":"I","lt":1}"#,
        r#"{"item":"I","le":10}"#,
        r#"{"item":"I","gt":5}"#,
        r#"{"item":"I","ge":10}"#,
        r#"{"item":"N","answered":true}"#,
        r#"{"item":"T","not_answered":true}"#,
        r#"{"item":"M","answered":true}"#,
        r#"{"item":"I","not_answered":true}"#,
        r#"{"all":[{"item":"A","equals":"はい"},{"item":"I","ge":3}]}"#,
        r#"{"any":[{"item":"S","equals":"a"},{"item":"M","includes":"x"},{"item":"T","answered":true}]}"#,
    ] {
        assert_eq!(errors_of(when), vec![], "{when}");
    }
}

#[test]
fn a_test_on_an_unknown_item_is_refused() {
    let (error, message) = the_error(r#"{"item":"Q99","equals":"はい"}"#);
    assert_eq!(
        error,
        DefinitionError::ConditionOnUnknownItem {
            item: "X".into(),
            refers_to: "Q99".into()
        }
    );
    assert_eq!(
        message,
        "X の表示条件が、調査票にない設問 Q99 を参照しています。"
    );
    // Inside a group too.
    let (error, _) =
        the_error(r#"{"any":[{"item":"A","equals":"はい"},{"item":"Q99","answered":true}]}"#);
    assert!(matches!(
        error,
        DefinitionError::ConditionOnUnknownItem { .. }
    ));
}

#[test]
fn a_test_on_a_later_item_or_the_item_itself_is_refused() {
    for (when, refers_to) in [
        (r#"{"item":"L","equals":"はい"}"#, "L"),
        (r#"{"item":"X","answered":true}"#, "X"),
        (
            r#"{"all":[{"item":"A","equals":"はい"},{"item":"L","not_answered":true}]}"#,
            "L",
        ),
    ] {
        let (error, message) = the_error(when);
        assert_eq!(
            error,
            DefinitionError::ConditionOnUnknownOrLaterItem {
                item: "X".into(),
                refers_to: refers_to.into()
            },
            "{when}"
        );
        assert_eq!(
            message,
            format!("X の表示条件が、それより前にない設問 {refers_to} を参照しています。")
        );
    }
}

#[test]
fn a_value_the_item_cannot_take_is_refused() {
    for (when, refers_to, value) in [
        (r#"{"item":"A","equals":"Yes"}"#, "A", "Yes"),
        (r#"{"item":"A","not_equals":"はい "}"#, "A", "はい "),
        (r#"{"item":"S","equals":"c"}"#, "S", "c"),
        (r#"{"item":"S","not_equals":"A"}"#, "S", "A"),
        (r#"{"item":"M","includes":"z"}"#, "M", "z"),
    ] {
        let (error, message) = the_error(when);
        assert_eq!(
            error,
            DefinitionError::ConditionValueImpossible {
                item: "X".into(),
                refers_to: refers_to.into(),
                value: value.into()
            },
            "{when}"
        );
        assert_eq!(
            message,
            format!("X の表示条件の値「{value}」は、設問 {refers_to} の選択肢にありません。")
        );
    }
}

#[test]
fn a_number_outside_the_items_range_is_refused() {
    for (when, value) in [
        (r#"{"item":"I","lt":0}"#, 0),
        (r#"{"item":"I","le":11}"#, 11),
        (r#"{"item":"I","gt":100}"#, 100),
        (r#"{"item":"I","ge":0}"#, 0),
    ] {
        let (error, message) = the_error(when);
        assert_eq!(
            error,
            DefinitionError::ConditionNumberOutOfRange {
                item: "X".into(),
                refers_to: "I".into(),
                value,
                min: 1,
                max: 10
            },
            "{when}"
        );
        assert_eq!(
            message,
            format!("X の表示条件の値 {value} は、設問 I の範囲（1〜10）の外です。")
        );
    }
}

#[test]
fn an_operator_that_does_not_fit_the_items_kind_is_refused() {
    for (when, refers_to) in [
        (r#"{"item":"M","equals":"x"}"#, "M"),
        (r#"{"item":"M","not_equals":"x"}"#, "M"),
        (r#"{"item":"T","equals":"x"}"#, "T"),
        (r#"{"item":"I","equals":"3"}"#, "I"),
        (r#"{"item":"A","includes":"はい"}"#, "A"),
        (r#"{"item":"S","includes":"a"}"#, "S"),
        (r#"{"item":"A","lt":1}"#, "A"),
        (r#"{"item":"S","le":1}"#, "S"),
        (r#"{"item":"M","gt":1}"#, "M"),
        (r#"{"item":"T","ge":1}"#, "T"),
    ] {
        let (error, message) = the_error(when);
        assert_eq!(
            error,
            DefinitionError::ConditionTestDoesNotFit {
                item: "X".into(),
                refers_to: refers_to.into()
            },
            "{when}"
        );
        assert!(
            message.starts_with(&format!(
                "X の表示条件の種類が、設問 {refers_to} の回答形式に合いません"
            )),
            "{message}"
        );
    }
}

#[test]
fn an_empty_group_is_refused() {
    for when in [r#"{"all":[]}"#, r#"{"any":[]}"#] {
        let (error, message) = the_error(when);
        assert_eq!(error, DefinitionError::EmptyCondition { item: "X".into() });
        assert_eq!(
            message,
            "X の表示条件の all・any に、条件が1つもありません。"
        );
    }
}

#[test]
fn every_test_of_a_group_is_checked() {
    let errors = errors_of(
        r#"{"all":[{"item":"A","equals":"Yes"},{"item":"M","lt":1},{"item":"L","answered":true}]}"#,
    );
    assert_eq!(
        errors,
        vec![
            DefinitionError::ConditionValueImpossible {
                item: "X".into(),
                refers_to: "A".into(),
                value: "Yes".into()
            },
            DefinitionError::ConditionTestDoesNotFit {
                item: "X".into(),
                refers_to: "M".into()
            },
            DefinitionError::ConditionOnUnknownOrLaterItem {
                item: "X".into(),
                refers_to: "L".into()
            },
        ]
    );
}

/// The message a malformed condition stops the build with.
fn unreadable(when: &str) -> String {
    match read_definition_file("data/test/survey.json", &definition(when)) {
        Ok(_) => panic!("{when} was accepted"),
        Err(error) => {
            assert!(
                matches!(error.errors[..], [DefinitionError::Unreadable(_)]),
                "{when}"
            );
            error.to_string()
        }
    }
}

#[test]
fn a_condition_of_no_known_shape_is_refused_with_its_reason() {
    for (when, reason) in [
        (
            r#"{"item":"A"}"#,
            "設問 A に対する表示条件に、条件（equals, not_equals, includes, answered, not_answered, lt, le, gt, ge のいずれか）がありません。",
        ),
        (
            r#"{"item":"I","gt":1,"lt":5}"#,
            "設問 I に対する表示条件に、条件が2つ以上書かれています。",
        ),
        (
            r#"{"equals":"はい"}"#,
            "表示条件に item（条件の対象の設問ID）がありません。",
        ),
        (
            r#"{"item":"T","answered":false}"#,
            "設問 T に対する表示条件の answered には true だけが書けます。",
        ),
        (
            r#"{"item":"T","not_answered":false}"#,
            "設問 T に対する表示条件の not_answered には true だけが書けます。",
        ),
        (
            r#"{"all":[{"any":[{"item":"A","equals":"はい"}]}]}"#,
            "表示条件の all・any の中に all・any は書けません。",
        ),
        (
            r#"{"all":[{"item":"A","equals":"はい"}],"any":[{"item":"A","equals":"はい"}]}"#,
            "表示条件には、1つの条件（item と条件）か、all か any のどれか1つだけを書いてください。",
        ),
        (
            r#"{"item":"A","equals":"はい","all":[{"item":"A","equals":"はい"}]}"#,
            "表示条件には、1つの条件（item と条件）か、all か any のどれか1つだけを書いてください。",
        ),
        (r#"{"item":"A","equal":"はい"}"#, "unknown field `equal`"),
        (r#"{"item":"I","lt":-1}"#, "invalid value"),
    ] {
        let message = unreadable(when);
        assert!(
            message.starts_with(
                "data/test/survey.json に誤りがあります:\n調査票の定義を読み込めません: "
            ),
            "{message}"
        );
        assert!(message.contains(reason), "{when}: {message}");
        assert!(message.contains(" line "), "the line is named: {message}");
    }
}

#[test]
fn the_build_message_names_the_file_and_the_item() {
    let error = match read_definition_file(
        "data/r7/survey.json",
        &definition(r#"{"all":[{"item":"Q99","equals":"はい"},{"item":"I","gt":0}]}"#),
    ) {
        Ok(_) => panic!("accepted"),
        Err(error) => error,
    };
    assert_eq!(
        error,
        DefinitionFileError {
            file: "data/r7/survey.json".into(),
            errors: vec![
                DefinitionError::ConditionOnUnknownItem {
                    item: "X".into(),
                    refers_to: "Q99".into()
                },
                DefinitionError::ConditionNumberOutOfRange {
                    item: "X".into(),
                    refers_to: "I".into(),
                    value: 0,
                    min: 1,
                    max: 10
                },
            ]
        }
    );
    assert_eq!(
        error.to_string(),
        "data/r7/survey.json に誤りがあります:\n\
         X の表示条件が、調査票にない設問 Q99 を参照しています。\n\
         X の表示条件の値 0 は、設問 I の範囲（1〜10）の外です。"
    );
}

#[test]
fn the_r6_file_reads_as_build_rs_reads_it() {
    assert!(
        read_definition_file(
            "data/r6/survey.json",
            include_str!("../data/r6/survey.json")
        )
        .is_ok()
    );
}
