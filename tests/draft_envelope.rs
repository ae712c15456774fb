//! The stored draft's envelope: round trip, migration from version 1, and every refusal.

mod common;

use cyber_survey::draft::{DRAFT_VERSION, Draft, DraftError};

const NOW: &str = "2026-11-24T01:00:00.000Z";

fn draft_with_answers() -> Draft {
    let survey = common::edition("r6");
    let mut draft = Draft::new("R6", NOW);
    draft.answers = common::complete_with_every_branch_open(&survey);
    draft.answers.set_choice("Q17-1", "いいえ".into()); // leaves hidden answers behind
    draft
}

#[test]
fn a_draft_survives_a_round_trip_including_hidden_answers() {
    let draft = draft_with_answers();
    let read = Draft::from_json(&draft.to_json(), "R6", NOW);
    assert_eq!(read, Ok(draft.clone()));
    assert_eq!(draft.answers.text("Q17-5"), "7");
}

#[test]
fn version_1_is_migrated_to_the_current_version() {
    let v1 = r#"{"format":"cyber-survey-draft","version":1,"survey":"R6",
        "saved_at":"2026-01-10T09:00:00.000Z",
        "answers":{"Q1-2":{"text":"〇〇病院"},"Q2-1":{"choice":"はい"}}}"#;
    let draft = match Draft::from_json(v1, "R6", NOW) {
        Ok(draft) => draft,
        Err(error) => panic!("version 1 must be readable: {error}"),
    };
    assert_eq!(draft.version, DRAFT_VERSION);
    assert_eq!(draft.name, None);
    assert_eq!(draft.display_name(&common::edition("r6")), "〇〇病院");
    assert_eq!(draft.created_at, "2026-01-10T09:00:00.000Z");
    assert_eq!(draft.saved_at, "2026-01-10T09:00:00.000Z");
    assert_eq!(draft.revision, 0);
    assert_eq!(draft.answers.choice("Q2-1"), Some("はい"));
}

#[test]
fn version_1_without_a_time_takes_now() {
    let v1 = r#"{"format":"cyber-survey-draft","version":1,"survey":"R6","answers":{}}"#;
    let draft = Draft::from_json(v1, "R6", NOW).map(|d| d.created_at);
    assert_eq!(draft, Ok(NOW.to_owned()));
}

#[test]
fn a_newer_version_is_refused_with_both_versions_named() {
    let newer = draft_with_answers().to_json().replace(
        &format!("\"version\":{DRAFT_VERSION}"),
        &format!("\"version\":{}", DRAFT_VERSION + 1),
    );
    let error = Draft::from_json(&newer, "R6", NOW);
    assert_eq!(
        error,
        Err(DraftError::NewerVersion {
            found: DRAFT_VERSION + 1,
            supported: DRAFT_VERSION
        })
    );
    let message = error.err().map(|e| e.to_string()).unwrap_or_default();
    assert!(message.contains("新しい版のツール"), "{message}");
}

#[test]
fn another_surveys_draft_is_refused() {
    let other = draft_with_answers()
        .to_json()
        .replace("\"survey\":\"R6\"", "\"survey\":\"R7\"");
    assert_eq!(
        Draft::from_json(&other, "R6", NOW),
        Err(DraftError::OtherSurvey {
            found: "R7".into(),
            expected: "R6".into()
        })
    );
}

#[test]
fn text_that_is_not_json_or_not_ours_or_damaged_is_told_apart() {
    assert_eq!(
        Draft::from_json("{\"format\":", "R6", NOW),
        Err(DraftError::NotJson)
    );
    assert_eq!(
        Draft::from_json("[1,2]", "R6", NOW),
        Err(DraftError::NotOurs)
    );
    assert_eq!(
        Draft::from_json(r#"{"todos":[]}"#, "R6", NOW),
        Err(DraftError::NotOurs)
    );
    let damaged = draft_with_answers()
        .to_json()
        .replace("\"revision\":0", "\"revision\":\"many\"");
    assert!(matches!(
        Draft::from_json(&damaged, "R6", NOW),
        Err(DraftError::Damaged(_))
    ));
    let no_version = r#"{"format":"cyber-survey-draft","survey":"R6"}"#;
    assert!(matches!(
        Draft::from_json(no_version, "R6", NOW),
        Err(DraftError::Damaged(_))
    ));
}

#[test]
fn the_draft_is_named_after_the_hospital_until_the_user_names_it() {
    let survey = common::edition("r6");
    let mut draft = Draft::new("R6", NOW);
    assert_eq!(draft.display_name(&survey), "名称未設定の下書き");
    draft.answers.set_text("Q1-2", "  〇〇病院 ".into());
    assert_eq!(draft.display_name(&survey), "〇〇病院");
    draft.name = Some("本院（2025年1月）".into());
    assert_eq!(draft.display_name(&survey), "本院（2025年1月）");
    draft.name = Some("  ".into());
    assert_eq!(draft.display_name(&survey), "〇〇病院");
}
