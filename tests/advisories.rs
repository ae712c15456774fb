//! The readiness report's rules (対策状況): each advisory fires on the answer it is about and not
//! otherwise, only for asked items with valid answers, and cites its guideline section.

mod common;

use common::{answered, complete_with_every_branch_open, edition};
use cyber_survey::survey::{AdvisoryLevel, Answers, DefinitionError, Evaluation, parse_definition};

/// (item, level, reference) of every advisory the answers raise.
fn raised(answers: &Answers) -> Vec<(String, AdvisoryLevel, String)> {
    let survey = edition("r6");
    Evaluation::of(&survey, answers)
        .advisories()
        .into_iter()
        .map(|r| {
            (
                r.item.id.clone(),
                r.advisory.level,
                r.advisory.reference.clone(),
            )
        })
        .collect()
}

fn raised_items(answers: &Answers) -> Vec<String> {
    raised(answers)
        .into_iter()
        .map(|(item, _, _)| item)
        .collect()
}

#[test]
fn a_survey_answered_at_the_guidelines_level_raises_nothing() {
    let survey = edition("r6");
    let mut answers = complete_with_every_branch_open(&survey);
    answers.set_text("Q13", "13".into());
    assert_eq!(raised(&answers), vec![]);
}

#[test]
fn no_ciso_cites_management_3_1_2() {
    let fired = raised(&answered(&[("Q2-1", "いいえ")]));
    assert_eq!(fired.len(), 1);
    assert_eq!(fired[0].0, "Q2-1");
    assert!(fired[0].2.ends_with("経営管理編 3.1.2 ②"), "{}", fired[0].2);
    assert_eq!(raised(&answered(&[("Q2-1", "はい")])), vec![]);
}

#[test]
fn bcp_not_prepared_or_never_exercised_cites_3_4_1() {
    let not_prepared = raised(&answered(&[("Q7-1", "いいえ")]));
    assert_eq!(not_prepared.len(), 1);
    assert!(not_prepared[0].2.ends_with("経営管理編 3.4.1 ①"));
    let not_exercised = raised(&answered(&[("Q7-1", "はい"), ("Q7-2", "いいえ")]));
    assert_eq!(not_exercised.len(), 1);
    assert!(not_exercised[0].2.ends_with("経営管理編 3.4.1 ③"));
    assert_eq!(
        raised(&answered(&[("Q7-1", "はい"), ("Q7-2", "はい")])),
        vec![]
    );
}

#[test]
fn no_offline_backup_cites_operations_18() {
    let answers = answered(&[("Q17-1", "はい"), ("Q17-2", "はい"), ("Q17-6", "いいえ")]);
    let fired = raised(&answers);
    assert_eq!(fired.len(), 1);
    assert!(fired[0].2.ends_with("システム運用編 18 ①"));
}

#[test]
fn a_password_minimum_below_8_is_a_shortfall_and_below_13_needs_regular_change() {
    let mut answers = Answers::new();
    let levels = |answers: &Answers| -> Vec<AdvisoryLevel> {
        raised(answers)
            .into_iter()
            .map(|(_, level, _)| level)
            .collect()
    };
    answers.set_text("Q13", "6".into());
    assert_eq!(
        levels(&answers),
        [AdvisoryLevel::Shortfall, AdvisoryLevel::Note]
    );
    answers.set_text("Q13", "8".into());
    assert_eq!(levels(&answers), [AdvisoryLevel::Note]);
    answers.set_text("Q13", "12".into());
    assert_eq!(levels(&answers), [AdvisoryLevel::Note]);
    answers.set_text("Q13", "13".into());
    assert_eq!(levels(&answers), []);
    answers.set_text("Q13", "８".into());
    assert_eq!(
        levels(&answers),
        [AdvisoryLevel::Note],
        "full-width digits count"
    );
}

#[test]
fn no_two_factor_authentication_mentions_reiwa_9() {
    let survey = edition("r6");
    let answers = answered(&[("Q14", "いいえ")]);
    let fired = Evaluation::of(&survey, &answers).advisories();
    assert_eq!(fired.len(), 1);
    assert!(fired[0].advisory.message.contains("令和9年度"));
}

#[test]
fn fewer_than_two_backup_methods_copies_or_generations_cite_operations_11() {
    let base = [("Q17-1", "はい"), ("Q17-2", "はい")];
    let mut answers = answered(&base);
    answers.set_choice("Q17-4", "1種類".into());
    answers.set_choice("Q17-3", "1つ".into());
    answers.set_text("Q17-5", "1".into());
    assert_eq!(raised_items(&answers), ["Q17-3", "Q17-4", "Q17-5"]);
    for (_, _, reference) in raised(&answers) {
        assert!(reference.contains("システム運用編 11 ①"), "{reference}");
    }
    answers.set_choice("Q17-4", "2種類以上".into());
    answers.set_choice("Q17-3", "2つ以上".into());
    answers.set_text("Q17-5", "2".into());
    assert_eq!(raised_items(&answers), Vec::<String>::new());
}

#[test]
fn every_yes_no_shortfall_fires_on_いいえ_only() {
    for id in [
        "Q4", "Q5", "Q6", "Q8", "Q9", "Q10", "Q11", "Q12", "Q15", "Q16",
    ] {
        assert_eq!(
            raised_items(&answered(&[(id, "いいえ")])),
            [id],
            "{id} いいえ"
        );
        assert_eq!(
            raised_items(&answered(&[(id, "はい")])),
            Vec::<String>::new(),
            "{id} はい"
        );
    }
}

#[test]
fn hidden_or_invalid_answers_raise_nothing() {
    // Q17-6 = いいえ is hidden once Q17-1 = いいえ.
    let hidden = answered(&[("Q17-1", "いいえ"), ("Q17-2", "はい"), ("Q17-6", "いいえ")]);
    assert_eq!(raised(&hidden), vec![]);
    let mut invalid = Answers::new();
    invalid.set_text("Q13", "6桁".into());
    assert_eq!(raised(&invalid), vec![]);
}

#[test]
fn an_advisory_that_does_not_fit_its_item_is_refused() {
    let json = r#"{"id":"T","fiscal_year":1,"title":"t","file_label":"f","guideline":"g","period":"p","answer_method":"m","guide":[],
        "respondent_item":"N","hospital_item":"N","sections":[{"id":"s","title":"s","items":[
        {"id":"N","number":"N","text":"t","guidance":[],"answer":{"text":{"max_chars":9}},"required":true,
         "advisories":[{"below":3,"level":"note","message":"m","reference":"r"}]},
        {"id":"A","number":"A","text":"t","guidance":[],"answer":"yes_no","required":true,
         "advisories":[{"equals":"No","level":"shortfall","message":"m","reference":"r"}]}]}]}"#;
    assert_eq!(
        parse_definition(json).err(),
        Some(vec![
            DefinitionError::AdvisoryDoesNotFit { item: "N".into() },
            DefinitionError::AdvisoryDoesNotFit { item: "A".into() },
        ])
    );
}
