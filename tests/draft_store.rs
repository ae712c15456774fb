//! The drafts of one browser over a key-value store: saving without losing newer work from another
//! tab, setting aside unreadable drafts with their text kept, and storage faults.

mod common;

use cyber_survey::draft::store::{CURRENT_KEY, RECOVERY_PREFIX, draft_key};
use cyber_survey::draft::{
    Draft, DraftError, DraftStore, KeyValueStore, MemoryStore, SaveError, StoreError,
};

const T0: &str = "2026-11-24T01:00:00.000Z";
const T1: &str = "2026-11-24T01:05:00.000Z";
const T2: &str = "2026-11-24T01:10:00.000Z";

fn store() -> DraftStore<MemoryStore> {
    DraftStore::new(MemoryStore::new(), "R6")
}

fn draft(hospital: &str) -> Draft {
    let mut draft = Draft::new("R6", T0);
    draft.answers.set_text("Q1-2", hospital.into());
    draft
}

fn saved(store: &mut DraftStore<MemoryStore>, id: &str, draft: &Draft, now: &str) -> Draft {
    match store.save(id, draft, now) {
        Ok(saved) => saved,
        Err(error) => panic!("save failed: {error:?}"),
    }
}

#[test]
fn saving_bumps_the_revision_and_stamps_the_time() {
    let mut store = store();
    let first = saved(&mut store, "a", &draft("A病院"), T1);
    assert_eq!((first.revision, first.saved_at.as_str()), (1, T1));
    let second = saved(&mut store, "a", &first, T2);
    assert_eq!(second.revision, 2);
    assert_eq!(store.load("a", T2), Ok(Some(second)));
}

#[test]
fn two_drafts_are_kept_apart_and_listed_newest_first() {
    let mut store = store();
    saved(&mut store, "a", &draft("A病院"), T1);
    saved(&mut store, "b", &draft("B病院"), T2);
    let listing = store.list(T2).unwrap_or_default();
    let survey = common::r6();
    let names: Vec<&str> = listing
        .drafts
        .iter()
        .map(|(_, d)| d.display_name(&survey))
        .collect();
    assert_eq!(names, ["B病院", "A病院"]);
    assert!(listing.problems.is_empty());
}

#[test]
fn an_older_tab_cannot_overwrite_newer_work_from_another_tab() {
    let mut store = store();
    let base = saved(&mut store, "a", &draft("A病院"), T1);
    // Tab 2 reads the same revision, edits and saves first.
    let mut tab2 = base.clone();
    tab2.answers.set_choice("Q2-1", "はい".into());
    let tab2_saved = saved(&mut store, "a", &tab2, T2);
    // Tab 1 still holds the older revision.
    let mut tab1 = base;
    tab1.answers.set_choice("Q2-1", "いいえ".into());
    assert_eq!(
        store.save("a", &tab1, T2),
        Err(SaveError::NewerInStorage(Box::new(tab2_saved.clone())))
    );
    assert_eq!(store.load("a", T2), Ok(Some(tab2_saved)));
    // Only when the user says so does tab 1's version win.
    let overwritten = store.overwrite("a", &tab1, T2);
    assert_eq!(
        overwritten.map(|d| (d.revision, d.answers.choice("Q2-1").map(str::to_owned))),
        Ok((3, Some("いいえ".to_owned())))
    );
}

#[test]
fn an_unreadable_draft_is_set_aside_with_its_text_and_the_rest_still_load() {
    let mut store = store();
    saved(&mut store, "good", &draft("A病院"), T1);
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
fn a_newer_versions_or_another_surveys_draft_is_reported_and_left_untouched() {
    let mut store = store();
    let newer = draft("A病院")
        .to_json()
        .replace("\"version\":2", "\"version\":9");
    let other = draft("B病院")
        .to_json()
        .replace("\"survey\":\"R6\"", "\"survey\":\"R7\"");
    let _ = store.backend_mut().set(&draft_key("newer"), &newer);
    let _ = store.backend_mut().set(&draft_key("other"), &other);
    let listing = store.list(T1).unwrap_or_default();
    assert!(listing.drafts.is_empty());
    assert_eq!(listing.problems.len(), 2);
    assert!(listing.problems.iter().all(|p| p.recovery_key.is_none()));
    assert_eq!(
        store.backend().get(&draft_key("newer")),
        Ok(Some(newer.clone()))
    );
    assert_eq!(store.backend().get(&draft_key("other")), Ok(Some(other)));
    // Nor may a save replace it.
    assert!(matches!(
        store.save("newer", &draft("C病院"), T1),
        Err(SaveError::Refused(DraftError::NewerVersion { .. }))
    ));
    assert_eq!(store.backend().get(&draft_key("newer")), Ok(Some(newer)));
}

#[test]
fn a_full_storage_fails_the_save_and_keeps_what_was_stored() {
    let mut store = store();
    let first = saved(&mut store, "a", &draft("A病院"), T1);
    store.backend_mut().failing_writes = Some(StoreError::QuotaExceeded);
    let mut edited = first.clone();
    edited.answers.set_text("Q1-1", "山田".into());
    assert_eq!(
        store.save("a", &edited, T2),
        Err(SaveError::Store(StoreError::QuotaExceeded))
    );
    assert_eq!(store.load("a", T2), Ok(Some(first)));
    // With storage full, an unreadable draft cannot be set aside, so it stays where it was.
    let _ = store.backend_mut().remove(&draft_key("a"));
    store.backend_mut().failing_writes = None;
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
fn deleting_removes_only_that_draft() {
    let mut store = store();
    saved(&mut store, "a", &draft("A病院"), T1);
    saved(&mut store, "b", &draft("B病院"), T1);
    assert_eq!(store.delete("a"), Ok(()));
    let listing = store.list(T2).unwrap_or_default();
    assert_eq!(listing.drafts.len(), 1);
    assert_eq!(listing.drafts[0].0, "b");
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
    let survey = common::r6();
    let mut draft = draft("A病院");
    draft.answers.set_choice("Q2-1", "はい".into());
    let progress = draft.progress(&survey);
    assert_eq!((progress.answered, progress.required), (2, 19));
}
