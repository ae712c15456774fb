//! Validation rules and their Japanese messages.

mod common;

use common::{complete_with_every_branch_open, edition, item};
use cyber_survey::survey::number_input::{InputNotice, to_half_width_digits};
use cyber_survey::survey::{Answer, Answers, Evaluation, ItemError, check_item};

fn text(value: &str) -> Option<Answer> {
    Some(Answer::Text(value.to_owned()))
}

#[test]
fn a_complete_survey_has_no_problems() {
    let survey = edition("r6");
    let answers = complete_with_every_branch_open(&survey);
    assert_eq!(Evaluation::of(&survey, &answers).problems(), vec![]);
}

#[test]
fn an_empty_survey_lists_every_required_asked_item_in_order() {
    let survey = edition("r6");
    let answers = Answers::new();
    let found = Evaluation::of(&survey, &answers).problems();
    let ids: Vec<&str> = found.iter().map(|p| p.item.as_str()).collect();
    assert_eq!(ids.len(), 18);
    assert_eq!(ids[0], "Q1-1");
    assert_eq!(ids[17], "Q17-1");
    assert_eq!(found[0].error, ItemError::NotEntered);
    assert_eq!(found[2].error, ItemError::NotSelected);
}

#[test]
fn required_items_say_what_is_missing_by_kind() {
    let survey = edition("r6");
    assert_eq!(
        check_item(item(&survey, "Q1-1"), None),
        Err(ItemError::NotEntered)
    );
    assert_eq!(
        check_item(item(&survey, "Q13"), None),
        Err(ItemError::NotEntered)
    );
    assert_eq!(
        check_item(item(&survey, "Q2-1"), None),
        Err(ItemError::NotSelected)
    );
    assert_eq!(
        check_item(item(&survey, "Q3"), None),
        Err(ItemError::NotSelected)
    );
    assert_eq!(
        check_item(item(&survey, "Q2-3"), None),
        Err(ItemError::NoneTicked)
    );
    let nothing_ticked = Some(Answer::Choices(vec![]));
    assert_eq!(
        check_item(item(&survey, "Q2-3"), nothing_ticked.as_ref()),
        Err(ItemError::NoneTicked)
    );
}

#[test]
fn text_that_is_only_spaces_is_not_an_answer() {
    let survey = edition("r6");
    let q = item(&survey, "Q1-1");
    assert_eq!(
        check_item(q, text("　 ").as_ref()),
        Err(ItemError::NotEntered)
    );
    assert_eq!(check_item(q, text(" 山田 ").as_ref()), Ok(()));
}

#[test]
fn q2_3_other_is_optional() {
    let survey = edition("r6");
    let q = item(&survey, "Q2-3-other");
    assert!(!q.required);
    assert_eq!(check_item(q, None), Ok(()));
    assert_eq!(check_item(q, text("").as_ref()), Ok(()));
}

#[test]
fn text_is_limited_in_characters_after_trimming() {
    let survey = edition("r6");
    let q = item(&survey, "Q1-1");
    let hundred = "あ".repeat(100);
    assert_eq!(
        check_item(q, text(&format!("  {hundred}  ")).as_ref()),
        Ok(())
    );
    assert_eq!(
        check_item(q, text(&format!("{hundred}あ")).as_ref()),
        Err(ItemError::TooLong {
            max: 100,
            actual: 101
        })
    );
}

#[test]
fn control_characters_are_refused_in_text() {
    let survey = edition("r6");
    assert_eq!(
        check_item(item(&survey, "Q1-2"), text("〇〇\t病院").as_ref()),
        Err(ItemError::ControlCharacter)
    );
}

#[test]
fn q13_takes_a_whole_number_within_its_range() {
    let survey = edition("r6");
    let q = item(&survey, "Q13");
    assert_eq!(check_item(q, text("8").as_ref()), Ok(()));
    assert_eq!(check_item(q, text(" 13 ").as_ref()), Ok(()));
    assert_eq!(check_item(q, text("64").as_ref()), Ok(()));
    let out_of_range = Err(ItemError::OutOfRange {
        min: 1,
        max: 64,
        unit: "桁".into(),
    });
    assert_eq!(check_item(q, text("0").as_ref()), out_of_range);
    assert_eq!(check_item(q, text("65").as_ref()), out_of_range);
    assert_eq!(
        check_item(q, text("99999999999999999999").as_ref()),
        out_of_range
    );
    for malformed in ["8桁", "-8", "+8", "8.5", "eight", "８ 桁"] {
        assert_eq!(
            check_item(q, text(malformed).as_ref()),
            Err(ItemError::NotWholeNumber),
            "{malformed}"
        );
    }
}

#[test]
fn full_width_digits_are_accepted_and_converted_with_a_notice() {
    let survey = edition("r6");
    assert_eq!(
        check_item(item(&survey, "Q13"), text("１２").as_ref()),
        Ok(())
    );
    assert_eq!(to_half_width_digits("１２"), Some("12".to_owned()));
    assert_eq!(to_half_width_digits("1２桁"), Some("12桁".to_owned()));
    assert_eq!(to_half_width_digits("12"), None);
    assert_eq!(
        InputNotice::DigitsConvertedToHalfWidth.to_string(),
        "全角数字を半角数字に変換しました。"
    );
}

#[test]
fn choices_must_be_offered_by_the_item() {
    let survey = edition("r6");
    let yes_no = item(&survey, "Q4");
    assert_eq!(
        check_item(yes_no, Some(&Answer::Choice("はい".into()))),
        Ok(())
    );
    assert_eq!(
        check_item(yes_no, Some(&Answer::Choice("たぶん".into()))),
        Err(ItemError::NotAChoice("たぶん".into()))
    );
    let multiple = item(&survey, "Q2-3");
    assert_eq!(
        check_item(
            multiple,
            Some(&Answer::Choices(vec!["その他".into(), "英検".into()]))
        ),
        Err(ItemError::NotAChoice("英検".into()))
    );
}

#[test]
fn an_answer_of_the_wrong_shape_is_refused() {
    let survey = edition("r6");
    assert_eq!(
        check_item(item(&survey, "Q4"), text("はい").as_ref()),
        Err(ItemError::WrongShape)
    );
    assert_eq!(
        check_item(item(&survey, "Q1-1"), Some(&Answer::Choice("x".into()))),
        Err(ItemError::WrongShape)
    );
}

#[test]
fn ticked_choices_keep_the_surveys_order_whatever_the_click_order() {
    let survey = edition("r6");
    let q = item(&survey, "Q2-3");
    let mut answers = Answers::new();
    answers.set_choice_ticked(q, "その他", true);
    answers.set_choice_ticked(q, "ITパスポート", true);
    answers.set_choice_ticked(q, "その他", true);
    assert_eq!(
        answers.get("Q2-3"),
        Some(&Answer::Choices(vec![
            "ITパスポート".into(),
            "その他".into()
        ]))
    );
    answers.set_choice_ticked(q, "ITパスポート", false);
    assert_eq!(
        answers.get("Q2-3"),
        Some(&Answer::Choices(vec!["その他".into()]))
    );
}

#[test]
fn every_message_is_japanese_and_names_the_fix() {
    let messages = [
        (ItemError::NotEntered, "入力してください。"),
        (ItemError::NotSelected, "いずれかを選択してください。"),
        (ItemError::NoneTicked, "1つ以上選択してください。"),
        (
            ItemError::TooLong {
                max: 100,
                actual: 120,
            },
            "100文字以内で入力してください（現在120文字）。",
        ),
        (
            ItemError::ControlCharacter,
            "改行やタブなどの制御文字は使えません。削除してください。",
        ),
        (
            ItemError::NotWholeNumber,
            "数字だけを半角で入力してください（例：8）。",
        ),
        (
            ItemError::OutOfRange {
                min: 1,
                max: 64,
                unit: "桁".into(),
            },
            "1～64桁の範囲で入力してください。",
        ),
        (
            ItemError::NotAChoice("英検".into()),
            "「英検」は選択肢にありません。選択し直してください。",
        ),
        (
            ItemError::WrongShape,
            "この設問に合わない形式の回答です。回答し直してください。",
        ),
    ];
    for (error, message) in messages {
        assert_eq!(error.to_string(), message);
    }
}
