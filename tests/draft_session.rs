//! The draft protocol with two tabs over one store: each of the ways work was found to be lost
//! (issue 15's list), and the everyday operations.

mod tabs;

use std::cell::RefCell;
use std::rc::Rc;

use cyber_survey::draft::store::{CURRENT_KEY, draft_key, recovery_key};
use cyber_survey::draft::{
    Draft, DraftActionError, DraftError, DraftSession, SaveStatus, Shown, StoreError,
};
use cyber_survey::survey::Answers;
use tabs::{FakeClock, Shared, TabStore};

type Session = DraftSession<TabStore, FakeClock>;

struct Tab {
    session: Session,
    shown: Answers,
    shared: Rc<RefCell<Shared>>,
    index: usize,
}

impl Tab {
    fn open(shared: &Rc<RefCell<Shared>>, clock: &FakeClock, index: usize) -> Self {
        let store = TabStore {
            shared: shared.clone(),
            tab: index,
        };
        let session = DraftSession::start(store, clock.clone(), "R6");
        let shown = session.base().answers.clone();
        Self {
            session,
            shown,
            shared: shared.clone(),
            index,
        }
    }

    fn type_text(&mut self, item: &str, text: &str) {
        self.shown.set_text(item, text.to_owned());
        let shown = self.session.save(&self.shown);
        self.apply(shown);
    }

    fn apply(&mut self, shown: Shown) {
        if let Shown::Answers(answers) = shown {
            self.shown = answers;
        }
    }

    /// Delivers the storage events this tab has not yet received.
    fn receive(&mut self) {
        loop {
            let next = self.shared.borrow_mut().pending[self.index].pop_front();
            let Some(key) = next else { break };
            let shown = self.session.notice(key.as_deref(), &self.shown);
            self.apply(shown);
        }
    }

    fn stored(&self) -> Option<Draft> {
        let text = self.shared.borrow().get(&draft_key(self.session.id()))?;
        Draft::from_json(&text, "R6", "now").ok()
    }
}

fn two_tabs() -> (Tab, Tab, Rc<RefCell<Shared>>) {
    let shared = Shared::new(2);
    let clock = FakeClock::default();
    let mut a = Tab::open(&shared, &clock, 0);
    a.type_text("Q1-1", "一郎");
    let mut b = Tab::open(&shared, &clock, 1);
    a.receive();
    b.receive();
    assert_eq!(
        a.session.id(),
        b.session.id(),
        "both tabs open the same draft"
    );
    assert_eq!(b.shown.text("Q1-1"), "一郎");
    (a, b, shared)
}

fn open_id(tab: &Tab) -> String {
    tab.session.id().to_owned()
}

#[test]
fn typing_is_saved_at_once_and_reported_only_once_stored() {
    let (mut a, _b, _shared) = two_tabs();
    a.type_text("Q1-2", "A病院");
    assert!(matches!(a.session.status(), SaveStatus::Saved { .. }));
    assert_eq!(a.stored().map(|d| d.answers), Some(a.shown.clone()));
}

// 1. A draft deleted in one tab must not come back from another tab's next keystroke.
#[test]
fn a_draft_deleted_in_another_tab_is_not_written_back_and_the_tab_says_so() {
    let (mut a, mut b, shared) = two_tabs();
    let id = open_id(&a);
    let shown = b.session.delete(&id);
    assert!(matches!(shown, Ok(Shown::Answers(_))));
    assert_ne!(open_id(&b), id, "tab B opens another draft");
    // Tab A types before its storage event arrives.
    a.type_text("Q1-2", "まだ入力中");
    assert_eq!(shared.borrow().get(&draft_key(&id)), None);
    assert_eq!(a.session.status(), &SaveStatus::Gone { cleared: false });
    a.receive();
    assert_eq!(a.session.status(), &SaveStatus::Gone { cleared: false });
    assert!(a.session.unsaved_in_memory(&a.shown, false));
    // Keeping it is the user's choice, and then it is stored again with what was typed.
    let shown = a.session.keep_mine(&a.shown.clone());
    a.apply(shown);
    assert!(matches!(a.session.status(), SaveStatus::Saved { .. }));
    assert_eq!(
        a.stored().map(|d| d.answers.text("Q1-2").to_owned()),
        Some("まだ入力中".to_owned())
    );
}

#[test]
fn letting_a_deleted_draft_go_opens_another_and_never_writes_it() {
    let (mut a, mut b, shared) = two_tabs();
    let id = open_id(&a);
    let _ = b.session.delete(&id);
    a.receive();
    assert!(matches!(a.session.status(), SaveStatus::Gone { .. }));
    let shown = a.session.let_go();
    a.apply(shown);
    assert_ne!(open_id(&a), id);
    a.type_text("Q1-1", "次の下書き");
    assert_eq!(shared.borrow().get(&draft_key(&id)), None);
}

// 2. Deleting the open draft after a failed save must not write it back.
#[test]
fn deleting_the_open_draft_after_a_failed_save_does_not_write_it_back() {
    let (mut a, _b, shared) = two_tabs();
    let id = open_id(&a);
    shared.borrow_mut().memory.failing_writes = Some(StoreError::QuotaExceeded);
    a.type_text("Q1-2", "保存できない");
    assert_eq!(
        a.session.status(),
        &SaveStatus::Failed(StoreError::QuotaExceeded)
    );
    shared.borrow_mut().memory.failing_writes = None;
    let shown = a.session.delete(&id);
    a.apply(shown.unwrap_or(Shown::Same));
    assert_eq!(shared.borrow().get(&draft_key(&id)), None);
    assert_ne!(open_id(&a), id);
    a.type_text("Q1-1", "新しい");
    assert_eq!(shared.borrow().get(&draft_key(&id)), None);
}

// 3. Unreadable stored text is set aside before anything is written over it.
#[test]
fn a_damaged_stored_draft_is_set_aside_before_the_next_save_writes_over_it() {
    let (mut a, _b, shared) = two_tabs();
    let id = open_id(&a);
    let damaged = "{\"format\":\"cyber-survey-draft\",\"versi";
    shared.borrow_mut().plant(&draft_key(&id), damaged);
    a.type_text("Q1-2", "A病院");
    assert_eq!(
        shared.borrow().get(&recovery_key(&id, damaged)).as_deref(),
        Some(damaged)
    );
    assert_eq!(
        a.stored().map(|d| d.answers.text("Q1-2").to_owned()),
        Some("A病院".to_owned())
    );
    assert_eq!(a.session.recovered().len(), 1, "offered for recovery");
}

#[test]
fn a_damaged_draft_noticed_by_an_idle_tab_is_set_aside_and_written_again_from_it() {
    let (mut a, mut b, shared) = two_tabs();
    let id = open_id(&a);
    let damaged = "garbage";
    shared.borrow_mut().plant(&draft_key(&id), damaged);
    b.receive();
    assert_eq!(
        shared.borrow().get(&recovery_key(&id, damaged)).as_deref(),
        Some(damaged)
    );
    assert_eq!(b.stored().map(|d| d.answers), Some(b.shown.clone()));
    // Tab A, whose last save was the one damaged, then sees B's copy of the same answers.
    a.receive();
    assert!(a.session.status().is_stored());
}

// 4. Keeping this tab's version never writes over a newer app's or another survey's draft.
#[test]
fn keep_mine_refuses_to_overwrite_a_newer_versions_or_another_surveys_draft() {
    for replace in [
        ("\"version\":2", "\"version\":9"),
        ("\"survey\":\"R6\"", "\"survey\":\"R7\""),
    ] {
        let (mut a, mut b, shared) = two_tabs();
        let id = open_id(&a);
        b.type_text("Q1-2", "B病院");
        a.type_text("Q1-2", "A病院");
        assert!(matches!(a.session.status(), SaveStatus::Conflict { .. }));
        let foreign = b
            .stored()
            .map(|d| d.to_json().replace(replace.0, replace.1))
            .unwrap_or_default();
        shared.borrow_mut().plant(&draft_key(&id), &foreign);
        let shown = a.session.keep_mine(&a.shown.clone());
        a.apply(shown);
        assert!(matches!(a.session.status(), SaveStatus::Refused(_)));
        assert_eq!(shared.borrow().get(&draft_key(&id)), Some(foreign));
        assert!(a.session.unsaved_in_memory(&a.shown, false));
    }
}

// 5. No conflict when this tab has nothing unsaved: the newer version is taken quietly.
#[test]
fn a_tab_with_nothing_unsaved_takes_another_tabs_save_quietly() {
    let (mut a, mut b, _shared) = two_tabs();
    b.type_text("Q1-1", "二郎");
    a.receive();
    assert!(matches!(
        a.session.status(),
        SaveStatus::TakenFromElsewhere { .. }
    ));
    assert_eq!(a.shown.text("Q1-1"), "二郎");
    // Its next change goes on top of the other tab's, with no conflict.
    a.type_text("Q1-2", "A病院");
    assert!(matches!(a.session.status(), SaveStatus::Saved { .. }));
    let stored = a.stored().unwrap_or_else(|| Draft::new("R6", "now"));
    assert_eq!(
        (stored.answers.text("Q1-1"), stored.answers.text("Q1-2")),
        ("二郎", "A病院")
    );
}

#[test]
fn a_real_conflict_is_not_saved_over_and_the_user_chooses() {
    let (mut a, mut b, _shared) = two_tabs();
    b.type_text("Q1-1", "二郎");
    // Tab A types before B's event arrives: both changed the draft.
    a.type_text("Q1-2", "A病院");
    assert!(matches!(a.session.status(), SaveStatus::Conflict { .. }));
    // Typing on is not saved over B's version.
    a.type_text("Q13", "8");
    assert_eq!(
        b.stored().map(|d| d.answers.text("Q1-2").to_owned()),
        Some(String::new())
    );
    let shown = a.session.take_theirs(&a.shown.clone());
    a.apply(shown);
    assert_eq!(a.shown.text("Q1-1"), "二郎");
    assert_eq!(a.shown.text("Q1-2"), "");
}

#[test]
fn a_rename_in_another_tab_is_merged_with_the_answers_typed_here() {
    let (mut a, mut b, _shared) = two_tabs();
    let id = open_id(&a);
    assert_eq!(b.session.rename(&id, "本院", &b.shown), Ok(Shown::Same));
    a.type_text("Q1-2", "A病院");
    assert!(matches!(a.session.status(), SaveStatus::Saved { .. }));
    let stored = a.stored().unwrap_or_else(|| Draft::new("R6", "now"));
    assert_eq!(stored.name.as_deref(), Some("本院"));
    assert_eq!(stored.answers.text("Q1-2"), "A病院");
}

// 6. Storage cleared in another tab is noticed, and the answers can be stored again.
#[test]
fn storage_cleared_elsewhere_is_noticed_and_the_answers_offered_to_be_saved_again() {
    let (mut a, _b, shared) = two_tabs();
    shared.borrow_mut().clear(Some(1));
    a.receive();
    assert_eq!(a.session.status(), &SaveStatus::Gone { cleared: true });
    assert!(
        a.session
            .status()
            .notice()
            .is_some_and(|n| n.contains("消去"))
    );
    let shown = a.session.keep_mine(&a.shown.clone());
    a.apply(shown);
    assert_eq!(a.stored().map(|d| d.answers), Some(a.shown.clone()));
    assert_eq!(
        shared.borrow().get(CURRENT_KEY).as_deref(),
        Some(a.session.id())
    );
}

// 7. A stored revision of u64::MAX neither panics nor switches conflict detection off.
#[test]
fn the_largest_revision_saturates_and_conflicts_are_still_found() {
    let shared = Shared::new(2);
    let clock = FakeClock::default();
    let mut planted = Draft::new("R6", "2026-12-01T00:00:00.000Z");
    planted.revision = u64::MAX;
    shared
        .borrow_mut()
        .plant(&draft_key("max"), &planted.to_json());
    let mut a = Tab::open(&shared, &clock, 0);
    let mut b = Tab::open(&shared, &clock, 1);
    assert_eq!(a.session.id(), "max");
    a.type_text("Q1-1", "一郎");
    assert_eq!(a.stored().map(|d| d.revision), Some(u64::MAX));
    b.type_text("Q1-1", "二郎");
    assert!(matches!(b.session.status(), SaveStatus::Conflict { .. }));
    assert_eq!(
        a.stored().map(|d| d.answers.text("Q1-1").to_owned()),
        Some("一郎".to_owned())
    );
}

#[test]
fn an_import_while_storage_is_full_stays_on_the_page_and_says_it_is_not_saved() {
    let (mut a, _b, shared) = two_tabs();
    shared.borrow_mut().memory.failing_writes = Some(StoreError::QuotaExceeded);
    let mut file = Answers::new();
    file.set_text("Q1-2", "読込病院".into());
    let shown = a.session.create(file.clone(), None, &a.shown.clone());
    a.apply(shown.unwrap_or(Shown::Same));
    assert_eq!(a.shown, file);
    assert_eq!(
        a.session.status(),
        &SaveStatus::Failed(StoreError::QuotaExceeded)
    );
    // Once storage has room, the next save stores the import as a new draft.
    shared.borrow_mut().memory.failing_writes = None;
    let shown = a.session.save(&a.shown.clone());
    a.apply(shown);
    assert_eq!(a.stored().map(|d| d.answers), Some(file));
}

#[test]
fn switching_away_from_answers_that_are_not_stored_is_refused_until_saved_to_a_file() {
    let (mut a, mut b, shared) = two_tabs();
    let other = b
        .session
        .create(Answers::new(), Some("別".into()), &b.shown.clone());
    b.apply(other.unwrap_or(Shown::Same));
    let other_id = open_id(&b);
    shared.borrow_mut().memory.failing_writes = Some(StoreError::QuotaExceeded);
    a.type_text("Q1-2", "未保存");
    assert_eq!(
        a.session.open(&other_id, &a.shown.clone()),
        Err(DraftActionError::OpenDraftUnsaved)
    );
    a.session.saved_to_file(&a.shown.clone());
    assert!(matches!(
        a.session.open(&other_id, &a.shown.clone()),
        Ok(Shown::Answers(_))
    ));
}

#[test]
fn duplicate_rename_and_delete_work_on_drafts_that_are_not_open() {
    let (mut a, _b, _shared) = two_tabs();
    let first = open_id(&a);
    a.type_text("Q1-2", "A病院");
    let shown = a.session.duplicate(&first, &a.shown.clone(), |d| {
        d.answers.text("Q1-2").to_owned()
    });
    a.apply(shown.unwrap_or(Shown::Same));
    let copy = open_id(&a);
    assert_ne!(copy, first);
    assert_eq!(a.session.name(), Some("A病院のコピー"));
    assert_eq!(
        a.session.rename(&first, "  本院 ", &a.shown.clone()),
        Ok(Shown::Same)
    );
    let listing = a.session.list();
    let names: Vec<Option<String>> = listing.drafts.iter().map(|(_, d)| d.name.clone()).collect();
    assert!(names.contains(&Some("本院".to_owned())));
    assert_eq!(a.session.delete(&first), Ok(Shown::Same));
    assert_eq!(a.session.list().drafts.len(), 1);
    assert_eq!(
        a.session.rename(&first, "x", &a.shown.clone()),
        Err(DraftActionError::NotFound)
    );
}

#[test]
fn a_newer_versions_draft_cannot_be_deleted_or_renamed_by_this_version() {
    let (mut a, _b, shared) = two_tabs();
    let newer = Draft::new("R6", "now")
        .to_json()
        .replace("\"version\":2", "\"version\":9");
    shared.borrow_mut().plant(&draft_key("newer"), &newer);
    assert!(matches!(
        a.session.delete("newer"),
        Err(DraftActionError::Refused(DraftError::NewerVersion { .. }))
    ));
    assert!(matches!(
        a.session.rename("newer", "x", &a.shown.clone()),
        Err(DraftActionError::Refused(_))
    ));
    assert_eq!(shared.borrow().get(&draft_key("newer")), Some(newer));
}

#[test]
fn with_storage_refused_a_draft_left_behind_in_memory_counts_as_unsaved() {
    // The page's memory is its store: a file loaded on another screen becomes the open draft and
    // the one typed before stays behind in memory, lost with the page. Saving the open one to a
    // file does not keep the other: leaving must still ask.
    let (mut a, _b, _shared) = two_tabs();
    a.type_text("Q1-1", "一郎");
    assert!(a.session.unsaved_in_memory(&a.shown, true));
    let mut file = Answers::new();
    file.set_text("Q1-2", "読込病院".into());
    let shown = a.session.create(file.clone(), None, &a.shown.clone());
    a.apply(shown.unwrap_or(Shown::Same));
    a.session.saved_to_file(&a.shown.clone());
    assert!(
        a.session.unsaved_in_memory(&a.shown, true),
        "the draft left behind is kept nowhere else"
    );
    // With storage on, the other draft is in storage: nothing is at risk.
    assert!(!a.session.unsaved_in_memory(&a.shown, false));
    // Alone in memory and saved to a file, the open draft is kept.
    let open = a.session.id().to_owned();
    let other = a
        .session
        .list()
        .drafts
        .into_iter()
        .map(|(id, _)| id)
        .find(|id| *id != open)
        .expect("the draft typed first");
    let _ = a.session.delete(&other);
    assert!(!a.session.unsaved_in_memory(&a.shown, true));
}
