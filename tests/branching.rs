//! The survey's branching as the seed's item table states it, one test per branch point.

mod common;

use common::{answered, asked, complete_with_every_branch_open, edition, item};
use cyber_survey::survey::{Answers, Evaluation, Visibility};

const ALWAYS_ASKED: &[&str] = &[
    "Q1-1", "Q1-2", "Q2-1", "Q3", "Q4", "Q5", "Q6", "Q7-1", "Q8", "Q9", "Q10", "Q11", "Q12", "Q13",
    "Q14", "Q15", "Q16", "Q17-1",
];

#[test]
fn with_no_answers_only_the_unconditional_items_are_asked() {
    let survey = edition("r6");
    assert_eq!(asked(&survey, &Answers::new()), ALWAYS_ASKED);
}

#[test]
fn with_every_branch_open_all_27_items_are_asked() {
    let survey = edition("r6");
    let answers = complete_with_every_branch_open(&survey);
    assert_eq!(asked(&survey, &answers).len(), 27);
}

#[test]
fn q2_2_is_asked_only_when_q2_1_is_yes() {
    let survey = edition("r6");
    let is_asked = |a: &Answers| Visibility::of(&survey, a).is_asked("Q2-2");
    assert!(is_asked(&answered(&[("Q2-1", "はい")])));
    assert!(!is_asked(&answered(&[("Q2-1", "いいえ")])));
    assert!(!is_asked(&Answers::new()));
}

#[test]
fn q2_3_is_asked_only_when_q2_2_is_yes() {
    let survey = edition("r6");
    let is_asked = |a: &Answers| Visibility::of(&survey, a).is_asked("Q2-3");
    assert!(is_asked(&answered(&[("Q2-1", "はい"), ("Q2-2", "はい")])));
    assert!(!is_asked(&answered(&[
        ("Q2-1", "はい"),
        ("Q2-2", "いいえ")
    ])));
}

#[test]
fn q2_3_other_is_asked_only_when_その他_is_ticked() {
    let survey = edition("r6");
    let mut answers = answered(&[("Q2-1", "はい"), ("Q2-2", "はい")]);
    let q2_3 = item(&survey, "Q2-3");
    answers.set_choice_ticked(q2_3, "ITパスポート", true);
    assert!(!Visibility::of(&survey, &answers).is_asked("Q2-3-other"));
    answers.set_choice_ticked(q2_3, "その他", true);
    assert!(Visibility::of(&survey, &answers).is_asked("Q2-3-other"));
    answers.set_choice_ticked(q2_3, "その他", false);
    assert!(!Visibility::of(&survey, &answers).is_asked("Q2-3-other"));
}

#[test]
fn q7_2_is_asked_only_when_q7_1_is_yes() {
    let survey = edition("r6");
    let is_asked = |a: &Answers| Visibility::of(&survey, a).is_asked("Q7-2");
    assert!(is_asked(&answered(&[("Q7-1", "はい")])));
    assert!(!is_asked(&answered(&[("Q7-1", "いいえ")])));
}

#[test]
fn q17_2_is_asked_only_when_q17_1_is_yes() {
    let survey = edition("r6");
    let is_asked = |a: &Answers| Visibility::of(&survey, a).is_asked("Q17-2");
    assert!(is_asked(&answered(&[("Q17-1", "はい")])));
    assert!(!is_asked(&answered(&[("Q17-1", "いいえ")])));
}

#[test]
fn q17_3_to_q17_6_are_asked_only_when_q17_2_is_yes() {
    let survey = edition("r6");
    let children = ["Q17-3", "Q17-4", "Q17-5", "Q17-6"];
    let yes = Visibility::of(&survey, &answered(&[("Q17-1", "はい"), ("Q17-2", "はい")]));
    let no = Visibility::of(
        &survey,
        &answered(&[("Q17-1", "はい"), ("Q17-2", "いいえ")]),
    );
    for id in children {
        assert!(yes.is_asked(id), "{id} when Q17-2 is はい");
        assert!(!no.is_asked(id), "{id} when Q17-2 is いいえ");
    }
}

#[test]
fn a_hidden_parent_hides_its_whole_branch_even_if_the_hidden_answers_say_yes() {
    let survey = edition("r6");
    let mut answers = complete_with_every_branch_open(&survey);
    answers.set_choice("Q2-1", "いいえ".into());
    answers.set_choice("Q17-1", "いいえ".into());
    let visibility = Visibility::of(&survey, &answers);
    for id in [
        "Q2-2",
        "Q2-3",
        "Q2-3-other",
        "Q17-2",
        "Q17-3",
        "Q17-4",
        "Q17-5",
        "Q17-6",
    ] {
        assert!(!visibility.is_asked(id), "{id} must be hidden");
    }
}

#[test]
fn switching_a_parent_back_restores_the_hidden_answers() {
    let survey = edition("r6");
    let full = complete_with_every_branch_open(&survey);
    let mut answers = full.clone();
    answers.set_choice("Q17-1", "いいえ".into());
    assert_eq!(
        answers.text("Q17-5"),
        "7",
        "hidden answers stay in the state"
    );
    answers.set_choice("Q17-1", "はい".into());
    assert_eq!(answers, full);
    assert_eq!(asked(&survey, &answers).len(), 27);
}

#[test]
fn hidden_answers_are_neither_validated_nor_counted() {
    let survey = edition("r6");
    let mut answers = complete_with_every_branch_open(&survey);
    answers.set_text("Q17-5", "たくさん".into());
    assert_eq!(Evaluation::of(&survey, &answers).problems().len(), 1);
    answers.set_choice("Q17-2", "いいえ".into());
    assert!(Evaluation::of(&survey, &answers).problems().is_empty());
}
