//! Progress: valid answers among the required items that are asked.

mod common;

use common::{answered, complete_with_every_branch_open, edition};
use cyber_survey::survey::{Answers, Evaluation, Progress};

fn progress_of(answers: &Answers) -> Progress {
    let survey = edition("r6");
    Evaluation::of(&survey, answers).progress()
}

#[test]
fn an_empty_survey_has_18_required_items_none_answered() {
    let progress = progress_of(&Answers::new());
    assert_eq!(
        progress,
        Progress {
            answered: 0,
            required: 18
        }
    );
    assert_eq!(progress.remaining(), 18);
    assert_eq!(progress.percent(), 0);
}

#[test]
fn opening_a_branch_adds_its_required_items() {
    let progress = progress_of(&answered(&[("Q2-1", "はい")]));
    assert_eq!(
        progress,
        Progress {
            answered: 1,
            required: 19
        }
    );
    let progress = progress_of(&answered(&[("Q17-1", "はい"), ("Q17-2", "はい")]));
    assert_eq!(
        progress,
        Progress {
            answered: 2,
            required: 23
        }
    );
}

#[test]
fn the_optional_item_is_never_counted() {
    let survey = edition("r6");
    let mut answers = complete_with_every_branch_open(&survey);
    let full = progress_of(&answers);
    assert_eq!(
        full,
        Progress {
            answered: 26,
            required: 26
        }
    );
    answers.set_text("Q2-3-other", String::new());
    assert_eq!(progress_of(&answers), full);
    assert!(full.is_complete());
    assert_eq!(full.percent(), 100);
}

#[test]
fn an_invalid_answer_does_not_count_as_answered() {
    let survey = edition("r6");
    let mut answers = complete_with_every_branch_open(&survey);
    answers.set_text("Q13", "八".into());
    assert_eq!(
        progress_of(&answers),
        Progress {
            answered: 25,
            required: 26
        }
    );
}

#[test]
fn answers_hidden_by_a_branch_are_not_counted() {
    let survey = edition("r6");
    let mut answers = complete_with_every_branch_open(&survey);
    answers.set_choice("Q17-1", "いいえ".into());
    assert_eq!(
        progress_of(&answers),
        Progress {
            answered: 21,
            required: 21
        }
    );
}

#[test]
fn progress_of_one_section_counts_only_its_items() {
    let survey = edition("r6");
    let answers = answered(&[("Q7-1", "はい")]);
    let evaluation = Evaluation::of(&survey, &answers);
    let bcp = survey.sections.iter().find(|s| s.id == "bcp");
    let Some(bcp) = bcp else {
        panic!("no bcp section")
    };
    assert_eq!(
        evaluation.section_progress(bcp),
        Progress {
            answered: 1,
            required: 2
        }
    );
}
