//! The drafts of one browser as stored texts: listing, setting aside unreadable drafts with their
//! text kept, leaving a newer app's drafts alone, and storage faults.

mod common;

use cyber_survey::draft::store::{CURRENT_KEY, RECOVERY_PREFIX, draft_key, recovery_key};
use cyber_survey::draft::{Draft, DraftError, DraftStore, KeyValueStore, MemoryStore, StoreError};

const T0: &str = "2026-11-24T01:00:00.000Z";
const T1: &str = "2026-11-24T01:05:00.000Z";
const T2: &str = "2026-11-24T01:10:00.000Z";

fn store() -> DraftStore<MemoryStore> {
    DraftStore::new(MemoryStore::new(), "R6")
}

fn draft(hospital: &str, saved_at: &str) -> Draft {
    let mut draft = Draft::new("R6", T0);
    draft.answers.set_text("Q1-2", hospital.into());
    draft.saved_at = saved_at.to_owned();
    draft
}

fn put(store: &mut DraftStore<MemoryStore>, id: &str, draft: &Draft) {
    assert_eq!(store.write_text(id, &draft.to_json()), Ok(()));
}

#[test]
fn two_drafts_are_kept_apart_and_listed_newest_first() {
    let mut store = store();
    put(&mut store, "a", &draft("A病院", T1));
    put(&mut store, "b", &draft("B病院", T2));
    let listing = store.list(T2).unwrap_or_default();
    let survey = common::edition("r6");
    let names: Vec<&str> = listing
        .drafts
        .iter()
        .map(|(_, d)| d.display_name(&survey))
        .collect();
    assert_eq!(names, ["B病院", "A病院"]);
    assert!(listing.problems.is_empty());
}

#[test]
fn an_unreadable_draft_is_set_aside_with_its_text_and_the_rest_still_load() {
    let mut store = store();
    put(&mut store, "good", &draft("A病院", T1));
    let broken = "{\"format\":\"cyber-survey-draft\",\"version\":2,\"surv";
    let _ = store.backend_mut().set(&draft_key("bad"), broken);
    let listing = store.list(T2).unwrap_or_default();
    assert_eq!(listing.drafts.len(), 1);
    assert_eq!(listing.problems.len(), 1);
    let problem = &listing.problems[0];
    assert_eq!(
        (problem.id.as_str(), &problem.error),
        ("bad", &DraftError::NotJson)
    );
    let key = problem.recovery_key.clone().unwrap_or_default();
    assert!(key.starts_with(RECOVERY_PREFIX));
    assert_eq!(key, recovery_key("bad", broken));
    assert_eq!(store.backend().get(&key), Ok(Some(broken.to_owned())));
    assert_eq!(store.backend().get(&draft_key("bad")), Ok(None));
    assert_eq!(
        store.recovered(),
        Ok(vec![(key.clone(), broken.to_owned())])
    );
    // Listing again finds nothing more to set aside.
    assert!(store.list(T2).unwrap_or_default().problems.is_empty());
    assert_eq!(store.discard_recovered(&key), Ok(()));
    assert_eq!(store.recovered(), Ok(vec![]));
}

#[test]
fn the_same_text_set_aside_twice_is_kept_once_and_another_text_beside_it() {
    let mut store = store();
    let first = store.set_aside("x", "damaged one");
    let again = store.set_aside("x", "damaged one");
    let other = store.set_aside("x", "damaged two");
    assert_eq!(first, again);
    assert_ne!(first, other);
    assert_eq!(store.recovered().map(|r| r.len()), Ok(2));
}

#[test]
fn a_newer_versions_or_another_surveys_draft_is_reported_and_left_untouched() {
    let mut store = store();
    let newer = draft("A病院", T1)
        .to_json()
        .replace("\"version\":2", "\"version\":9");
    let other = draft("B病院", T1)
        .to_json()
        .replace("\"survey\":\"R6\"", "\"survey\":\"R7\"");
    let _ = store.backend_mut().set(&draft_key("newer"), &newer);
    let _ = store.backend_mut().set(&draft_key("other"), &other);
    let listing = store.list(T1).unwrap_or_default();
    assert!(listing.drafts.is_empty());
    assert_eq!(listing.problems.len(), 2);
    assert!(listing.problems.iter().all(|p| p.recovery_key.is_none()));
    assert_eq!(store.backend().get(&draft_key("newer")), Ok(Some(newer)));
    assert_eq!(store.backend().get(&draft_key("other")), Ok(Some(other)));
}

#[test]
fn with_storage_full_an_unreadable_draft_cannot_be_set_aside_so_it_stays_where_it_was() {
    let mut store = store();
    let _ = store.backend_mut().set(&draft_key("bad"), "not json");
    store.backend_mut().failing_writes = Some(StoreError::QuotaExceeded);
    let listing = store.list(T2).unwrap_or_default();
    assert_eq!(listing.problems[0].recovery_key, None);
    assert_eq!(
        store.backend().get(&draft_key("bad")),
        Ok(Some("not json".to_owned()))
    );
}

#[test]
fn the_current_draft_is_remembered() {
    let mut store = store();
    assert_eq!(store.current(), None);
    assert_eq!(store.set_current("b"), Ok(()));
    assert_eq!(store.current(), Some("b".to_owned()));
    assert_eq!(store.backend().get(CURRENT_KEY), Ok(Some("b".to_owned())));
}

#[test]
fn storage_errors_read_as_japanese_and_say_the_answers_are_kept() {
    for error in [
        StoreError::Unavailable,
        StoreError::QuotaExceeded,
        StoreError::Other("x".into()),
    ] {
        let message = error.to_string();
        assert!(message.contains("JSONファイルに保存"), "{message}");
    }
    assert!(StoreError::QuotaExceeded.to_string().contains("いっぱい"));
}

#[test]
fn progress_of_a_stored_draft_matches_the_forms_rule() {
    let survey = common::edition("r6");
    let mut draft = draft("A病院", T1);
    draft.answers.set_choice("Q2-1", "はい".into());
    let progress = draft.progress(&survey);
    assert_eq!((progress.answered, progress.required), (2, 19));
}
