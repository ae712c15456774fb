//! Shared set-up for the native tests: an edition's definition as data/ holds it, and a terse way
//! to answer it. A test about one edition names its folder (`edition("r6")`).
#![allow(dead_code)]

use cyber_survey::survey::{Answers, Item, Survey, Visibility, read_definition_file};

/// The edition in `data/<folder>/survey.json`, parsed and checked as the build does.
pub fn edition(folder: &str) -> Survey {
    let path = format!("{}/data/{folder}/survey.json", env!("CARGO_MANIFEST_DIR"));
    let json = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    read_definition_file(&path, &json).unwrap_or_else(|e| panic!("{e}"))
}

pub fn item<'a>(survey: &'a Survey, id: &str) -> &'a Item {
    match survey.item(id) {
        Some(item) => item,
        None => panic!("no item {id}"),
    }
}

pub fn answered(pairs: &[(&str, &str)]) -> Answers {
    let mut answers = Answers::new();
    for (id, choice) in pairs {
        answers.set_choice(id, (*choice).to_owned());
    }
    answers
}

pub fn asked(survey: &Survey, answers: &Answers) -> Vec<String> {
    let visibility = Visibility::of(survey, answers);
    survey
        .items()
        .filter(|item| visibility.is_asked(&item.id))
        .map(|item| item.id.clone())
        .collect()
}

/// A complete, valid set of answers with every branch open.
pub fn complete_with_every_branch_open(survey: &Survey) -> Answers {
    let mut answers = Answers::new();
    answers.set_text("Q1-1", "山田 太郎".into());
    answers.set_text("Q1-2", "医療法人〇〇会 〇〇病院".into());
    for id in [
        "Q2-1", "Q2-2", "Q4", "Q5", "Q6", "Q7-1", "Q7-2", "Q8", "Q9", "Q10", "Q11", "Q12", "Q14",
        "Q15", "Q16", "Q17-1", "Q17-2", "Q17-6",
    ] {
        answers.set_choice(id, "はい".into());
    }
    answers.set_choice_ticked(item(survey, "Q2-3"), "応用情報技術者", true);
    answers.set_choice_ticked(item(survey, "Q2-3"), "その他", true);
    answers.set_text("Q2-3-other", "医療情報技師".into());
    answers.set_choice("Q3", "2～4人".into());
    answers.set_text("Q13", "12".into());
    answers.set_choice("Q17-3", "2つ以上".into());
    answers.set_choice("Q17-4", "2種類以上".into());
    answers.set_text("Q17-5", "7".into());
    answers
}
