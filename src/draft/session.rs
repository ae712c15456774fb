//! The draft protocol: the one open draft of a tab, and every operation on the drafts of this
//! browser, over any key-value store and clock. The pages call it and show what it reports.
//!
//! The rules that keep work from being lost, whatever other tabs do to the same storage:
//! - A tab writes its open draft only over the exact text it last read or wrote (compare and
//!   set). Anything else there means another tab, or something else, changed it:
//!   - nothing there: the draft was deleted elsewhere or storage was cleared. Nothing is written
//!     until the user chooses to keep the draft (`keep_mine`) or to let it go (`let_go`);
//!   - a newer app's or another survey's draft: never written over, not even when asked to;
//!   - text that cannot be read: set aside under a recovery key first, then written over;
//!   - another tab's save: taken quietly when this tab has nothing unsaved, merged when the other
//!     tab changed only the name, otherwise a conflict the user resolves.
//! - "Saved" is reported only after the store accepted the write.
//! - Revisions count saves for the user's benefit only; they saturate, and conflicts are found by
//!   comparing texts, so a huge stored revision cannot switch the protection off.

use super::clock::Clock;
use super::envelope::Draft;
use super::error::{DraftError, StoreError};
use super::key_value::KeyValueStore;
use super::status::SaveStatus;
use super::store::{CURRENT_KEY, DraftStore, Listing, Stored, StoredProblem, draft_id_of};
use crate::survey::Answers;

/// What the page must do to its form after an operation.
#[derive(Debug, Clone, PartialEq, Eq)]
#[must_use]
pub enum Shown {
    /// The form stays as it is.
    Same,
    /// The form shows these answers now (another draft opened, or another tab's version taken).
    Answers(Answers),
}

/// Why an operation on the drafts was not done. Nothing was lost: the answers are on the page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DraftActionError {
    Store(StoreError),
    /// The draft is a newer app's or another survey's, or cannot be read.
    Refused(DraftError),
    /// The draft is not stored any more.
    NotFound,
    /// Leaving the open draft now would lose what is typed in it: it is not stored.
    OpenDraftUnsaved,
}

impl std::fmt::Display for DraftActionError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Store(error) => write!(f, "{error}"),
            Self::Refused(error) => write!(f, "{error}"),
            Self::NotFound => write!(
                f,
                "この下書きは見つかりませんでした。別のタブで削除された可能性があります。"
            ),
            Self::OpenDraftUnsaved => write!(
                f,
                "開いている下書きの入力内容がまだ保存されていないため、ほかの下書きに切り替えませんでした。画面上部のお知らせに従って保存するか、JSONファイルに保存してから、もう一度操作してください。"
            ),
        }
    }
}

pub struct DraftSession<S, C> {
    store: DraftStore<S>,
    clock: C,
    id: String,
    /// The open draft as last read from or written to storage.
    base: Draft,
    /// The exact text `base` was read as or written as; `None` while it was never stored.
    base_text: Option<String>,
    /// The name the user wants for the open draft (may differ from `base` until saved).
    name: Option<String>,
    status: SaveStatus,
    /// The other tab's version while there is a conflict, with its exact text.
    conflict: Option<(Box<Draft>, String)>,
    problems: Vec<StoredProblem>,
    /// The answers last saved to a file while they were not in storage.
    file_saved: Option<Answers>,
    /// The user chose to keep the open draft after it was deleted elsewhere, and storing it again
    /// has not succeeded yet: the next save stores it again too.
    keeping_deleted: bool,
    /// Let go by `release`: the page is about to start again; nothing more is written.
    released: bool,
}

impl<S: KeyValueStore, C: Clock> DraftSession<S, C> {
    /// Opens the draft this browser had open last, else the newest, else a new one.
    pub fn start(store: S, clock: C, survey: &str) -> Self {
        let mut store = DraftStore::new(store, survey);
        let now = clock.now();
        let listing = store.list(&now).unwrap_or_default();
        let remembered = store.current();
        let chosen = remembered
            .and_then(|id| listing.drafts.iter().find(|(d, _)| *d == id).cloned())
            .or_else(|| listing.drafts.first().cloned());
        let base_text = chosen
            .as_ref()
            .and_then(|(id, _)| match store.read(id, &now) {
                Ok(Stored::Readable { text, .. }) => Some(text),
                _ => None,
            });
        let fresh = chosen.is_none();
        let (id, base) = chosen.unwrap_or_else(|| (clock.new_draft_id(), Draft::new(survey, &now)));
        let mut session = Self {
            store,
            clock,
            name: base.name.clone(),
            id,
            base,
            base_text,
            status: SaveStatus::Opened,
            conflict: None,
            problems: listing.problems,
            file_saved: None,
            keeping_deleted: false,
            released: false,
        };
        if fresh {
            // A new draft is stored at once, so that the list shows it; if storage refuses, the
            // status says so and the next change tries again.
            let answers = session.base.answers.clone();
            let _ = session.write_checked(&answers, false);
            if session.status.is_stored() {
                session.status = SaveStatus::Opened;
            }
        }
        let _ = session.store.set_current(&session.id);
        session
    }

    pub fn id(&self) -> &str {
        &self.id
    }

    pub fn status(&self) -> &SaveStatus {
        &self.status
    }

    /// The open draft as last stored (its name, times, and the answers stored).
    pub fn base(&self) -> &Draft {
        &self.base
    }

    /// The name the open draft has on this page, saved or not.
    pub fn name(&self) -> Option<&str> {
        self.name.as_deref()
    }

    /// The exact stored text this tab last saw of its draft: for tests of the protocol.
    pub fn base_text(&self) -> Option<&str> {
        self.base_text.as_deref()
    }

    pub fn problems(&self) -> &[StoredProblem] {
        &self.problems
    }

    pub fn store(&self) -> &DraftStore<S> {
        &self.store
    }

    pub fn store_mut(&mut self) -> &mut DraftStore<S> {
        &mut self.store
    }

    fn is_dirty(&self, answers: &Answers) -> bool {
        self.base.answers != *answers || self.base.name != self.name
    }

    /// Saves the answers on the page if they differ from what is stored (every change, and on
    /// leaving the page). Does nothing while the user must choose first.
    pub fn save(&mut self, answers: &Answers) -> Shown {
        if self.status.waits_for_user() || self.released {
            return Shown::Same;
        }
        if !self.is_dirty(answers) && !matches!(self.status, SaveStatus::Failed(_)) {
            return Shown::Same;
        }
        self.write_checked(answers, false)
    }

    /// The compare-and-set write of the open draft. `keep`: the user chose this tab's version
    /// over another tab's.
    fn write_checked(&mut self, answers: &Answers, keep: bool) -> Shown {
        let mut answers = answers.clone();
        let mut shown = Shown::Same;
        let now = self.clock.now();
        let stored = match self.store.read(&self.id, &now) {
            Ok(stored) => stored,
            Err(error) => {
                self.status = SaveStatus::Failed(error);
                return Shown::Same;
            }
        };
        let mut revision = self.base.revision;
        match stored {
            // Deleted since this tab last saw it: written again only once the user chose to keep
            // it after being told (a choice over another tab's version is not that choice).
            Stored::Missing if self.base_text.is_some() && !self.keeping_deleted => {
                // (Whether storage was cleared is told by the storage event, which names no key.)
                self.status = SaveStatus::Gone { cleared: false };
                return Shown::Same;
            }
            Stored::Missing => {}
            Stored::Readable { text, .. } if Some(&text) == self.base_text.as_ref() => {}
            Stored::Unreadable { error, .. } if super::store::must_not_touch(&error) => {
                self.status = SaveStatus::Refused(error);
                return Shown::Same;
            }
            Stored::Unreadable { text, .. } => {
                if let Err(error) = self.store.set_aside(&self.id, &text) {
                    self.status = SaveStatus::Failed(error);
                    return Shown::Same;
                }
            }
            Stored::Readable { text, draft } => {
                revision = revision.max(draft.revision);
                // Keeping this tab's version overwrites only the version the user was shown; a
                // later one is a new conflict.
                let chosen_over = keep
                    && self
                        .conflict
                        .as_ref()
                        .is_some_and(|(_, shown)| *shown == text);
                if !chosen_over {
                    if draft.answers == self.base.answers {
                        // The other tab changed the name only: keep its name unless this tab
                        // renamed too, and save this tab's answers on top.
                        if self.name == self.base.name {
                            self.name = draft.name.clone();
                        }
                    } else if draft.answers == answers && draft.name == self.name {
                        // The other tab saved exactly what is shown here.
                        let at = draft.saved_at.clone();
                        self.adopt(draft, text);
                        self.status = SaveStatus::Saved { at };
                        return Shown::Same;
                    } else if answers == self.base.answers {
                        // Only the name was changed here: the other tab's answers are taken and
                        // the new name saved with them.
                        let name = self.name.clone();
                        answers = draft.answers.clone();
                        shown = Shown::Answers(answers.clone());
                        self.adopt(draft, text);
                        self.name = name;
                        revision = self.base.revision;
                    } else {
                        self.status = SaveStatus::Conflict {
                            at: draft.saved_at.clone(),
                        };
                        self.conflict = Some((Box::new(draft), text));
                        return Shown::Same;
                    }
                }
            }
        }
        let mut next = self.base.clone();
        next.answers = answers;
        next.name = self.name.clone();
        next.revision = revision.saturating_add(1);
        next.saved_at = now.clone();
        next.version = super::envelope::DRAFT_VERSION;
        next.app_version = super::envelope::APP_VERSION.to_owned();
        let text = next.to_json();
        match self.store.write_text(&self.id, &text) {
            Ok(()) => {
                self.adopt(next, text);
                self.status = SaveStatus::Saved { at: now };
            }
            Err(error) => self.status = SaveStatus::Failed(error),
        }
        shown
    }

    fn adopt(&mut self, draft: Draft, text: String) {
        self.keeping_deleted = false;
        self.name = draft.name.clone();
        self.base = draft;
        self.base_text = Some(text);
        self.conflict = None;
    }

    /// Another tab changed storage (`key`: the key it changed; `None`: it cleared storage).
    /// `answers`: what the form shows now.
    pub fn notice(&mut self, key: Option<&str>, answers: &Answers) -> Shown {
        let about_open = match key {
            None => true,
            Some(key) => draft_id_of(key) == Some(self.id.as_str()),
        };
        if !about_open {
            return Shown::Same;
        }
        let now = self.clock.now();
        let Ok(stored) = self.store.read(&self.id, &now) else {
            return Shown::Same;
        };
        match stored {
            Stored::Missing => {
                if self.base_text.is_some() {
                    self.conflict = None;
                    // A storage event names the key removed, or none when storage was cleared.
                    self.status = SaveStatus::Gone {
                        cleared: key.is_none(),
                    };
                }
                Shown::Same
            }
            Stored::Readable { text, .. } if Some(&text) == self.base_text.as_ref() => {
                if matches!(
                    self.status,
                    SaveStatus::Gone { .. } | SaveStatus::Conflict { .. }
                ) {
                    // Back as this tab last saw it (another tab kept it): nothing to choose.
                    self.conflict = None;
                    self.status = SaveStatus::Saved {
                        at: self.base.saved_at.clone(),
                    };
                    return self.save(answers);
                }
                Shown::Same
            }
            Stored::Unreadable { error, .. } if super::store::must_not_touch(&error) => {
                self.status = SaveStatus::Refused(error);
                Shown::Same
            }
            Stored::Unreadable { .. } => {
                // Damaged under this tab: set aside, and the draft written again from the page.
                // (A conflict with a version now unreadable is over: this tab's is the one left.)
                if matches!(
                    self.status,
                    SaveStatus::Gone { .. } | SaveStatus::Refused(_)
                ) {
                    Shown::Same
                } else {
                    self.conflict = None;
                    self.status = SaveStatus::Saved {
                        at: self.base.saved_at.clone(),
                    };
                    self.write_checked(answers, false)
                }
            }
            Stored::Readable { text, draft } => {
                if draft.answers == *answers && !matches!(self.status, SaveStatus::Gone { .. }) {
                    let at = draft.saved_at.clone();
                    self.adopt(draft, text);
                    self.status = SaveStatus::Saved { at };
                    Shown::Same
                } else if !self.is_dirty(answers)
                    || draft.answers == self.base.answers
                    || *answers == self.base.answers
                {
                    if self.is_dirty(answers) {
                        // Only a name changed, there or here: the two are combined by the same
                        // rules as a save.
                        self.status = SaveStatus::Saved {
                            at: self.base.saved_at.clone(),
                        };
                        return self.write_checked(answers, false);
                    }
                    let at = draft.saved_at.clone();
                    let shown = draft.answers.clone();
                    self.adopt(draft, text);
                    self.status = SaveStatus::TakenFromElsewhere { at };
                    Shown::Answers(shown)
                } else {
                    self.status = SaveStatus::Conflict {
                        at: draft.saved_at.clone(),
                    };
                    self.conflict = Some((Box::new(draft), text));
                    Shown::Same
                }
            }
        }
    }

    /// The user takes the other tab's version: this tab's unsaved changes are dropped.
    pub fn take_theirs(&mut self, answers: &Answers) -> Shown {
        if !matches!(self.status, SaveStatus::Conflict { .. }) {
            return Shown::Same;
        }
        let Some((theirs, text)) = self.conflict.take() else {
            return Shown::Same;
        };
        let theirs = *theirs;
        let now = self.clock.now();
        let still_there = matches!(
            self.store.read(&self.id, &now),
            Ok(Stored::Readable { text: ref stored, .. }) if *stored == text
        );
        if !still_there {
            // Changed again since the user was shown it: look again, as on a storage event.
            self.conflict = Some((Box::new(theirs), text));
            return self.notice(Some(&super::store::draft_key(&self.id)), answers);
        }
        let at = theirs.saved_at.clone();
        let shown = theirs.answers.clone();
        self.adopt(theirs, text);
        self.status = SaveStatus::TakenFromElsewhere { at };
        Shown::Answers(shown)
    }

    /// The user keeps this tab's version: over another tab's (a conflict), or stored again
    /// (deleted elsewhere, storage cleared). A newer app's or another survey's draft is still
    /// never written over.
    pub fn keep_mine(&mut self, answers: &Answers) -> Shown {
        if !matches!(
            self.status,
            SaveStatus::Conflict { .. } | SaveStatus::Gone { .. }
        ) {
            return Shown::Same;
        }
        if matches!(self.status, SaveStatus::Gone { .. }) {
            self.keeping_deleted = true;
        }
        let shown = self.write_checked(answers, true);
        if self.status.is_stored() {
            let _ = self.store.set_current(&self.id);
        }
        shown
    }

    /// The user lets a draft deleted elsewhere go, and the page starts again (`start`) to open
    /// another: nothing of it is written from now on, and leaving the page does not ask. (The
    /// answering page does this instead of `let_go`, whose code would cost its first load
    /// about 1.2 KB.)
    pub fn release(&mut self) {
        if matches!(self.status, SaveStatus::Gone { .. }) {
            self.released = true;
        }
    }

    /// The user lets a draft deleted elsewhere go: the newest other draft opens, or a new one.
    pub fn let_go(&mut self) -> Shown {
        if !matches!(self.status, SaveStatus::Gone { .. }) {
            return Shown::Same;
        }
        self.open_newest_or_new()
    }

    fn open_newest_or_new(&mut self) -> Shown {
        let now = self.clock.now();
        let listing = self.list_now(&now);
        match listing.drafts.into_iter().find(|(id, _)| *id != self.id) {
            Some((id, _)) => match self.open_stored(&id, &now) {
                Ok(shown) => shown,
                Err(_) => self.open_new(Answers::new(), None),
            },
            None => self.open_new(Answers::new(), None),
        }
    }

    /// The user saved these answers to a file: leaving the page no longer loses them.
    pub fn saved_to_file(&mut self, answers: &Answers) {
        self.file_saved = Some(answers.clone());
    }

    /// Whether the answers on the page are kept nowhere else: not in storage (failed, refused,
    /// deleted elsewhere, or waiting on a conflict with changes here), and not saved to a file
    /// since they last changed. `memory_only`: storage is off altogether, so the store is the
    /// page's memory, and any other draft in it (one opened, created or loaded from a file on
    /// another screen, leaving this one behind) is lost with the page too: that counts as unsaved,
    /// since only the open draft's file is known.
    pub fn unsaved_in_memory(&self, answers: &Answers, memory_only: bool) -> bool {
        if memory_only && self.other_drafts_stored() {
            return true;
        }
        if self.released {
            return false;
        }
        let at_risk = memory_only
            || match &self.status {
                SaveStatus::Failed(_) | SaveStatus::Refused(_) | SaveStatus::Gone { .. } => true,
                SaveStatus::Conflict { .. } => self.is_dirty(answers),
                // Saved again as the page is left.
                SaveStatus::Opened
                | SaveStatus::Saved { .. }
                | SaveStatus::TakenFromElsewhere { .. } => false,
            };
        at_risk && answers.iter().next().is_some() && self.file_saved.as_ref() != Some(answers)
    }

    /// Whether the store holds a draft besides the open one.
    fn other_drafts_stored(&self) -> bool {
        self.store.backend().keys().is_ok_and(|keys| {
            keys.iter()
                .filter_map(|key| draft_id_of(key))
                .any(|id| id != self.id())
        })
    }

    /// Every draft of this survey; unreadable ones are set aside and reported.
    pub fn list(&mut self) -> Listing {
        let now = self.clock.now();
        self.list_now(&now)
    }

    fn list_now(&mut self, now: &str) -> Listing {
        let listing = self.store.list(now).unwrap_or_default();
        for problem in &listing.problems {
            if !self.problems.contains(problem) {
                self.problems.push(problem.clone());
            }
        }
        listing
    }

    /// Before another draft opens: the open one is saved, and if it cannot be (its changes are
    /// not stored and were not saved to a file), the other draft does not open.
    fn leave_open(&mut self, answers: &Answers) -> Result<(), DraftActionError> {
        // What it shows is about to be replaced by the other draft.
        let _ = self.save(answers);
        let stored = match &self.status {
            SaveStatus::Opened
            | SaveStatus::Saved { .. }
            | SaveStatus::TakenFromElsewhere { .. }
            | SaveStatus::Conflict { .. } => !self.is_dirty(answers),
            SaveStatus::Failed(_) => !self.is_dirty(answers) && self.base_text.is_some(),
            SaveStatus::Gone { .. } | SaveStatus::Refused(_) => false,
        };
        if stored || self.file_saved.as_ref() == Some(answers) || answers.iter().next().is_none() {
            Ok(())
        } else {
            Err(DraftActionError::OpenDraftUnsaved)
        }
    }

    /// Opens another stored draft, after saving the open one.
    pub fn open(&mut self, id: &str, answers: &Answers) -> Result<Shown, DraftActionError> {
        if id == self.id {
            return Ok(Shown::Same);
        }
        self.leave_open(answers)?;
        let now = self.clock.now();
        self.open_stored(id, &now)
    }

    fn open_stored(&mut self, id: &str, now: &str) -> Result<Shown, DraftActionError> {
        match self.store.read(id, now).map_err(DraftActionError::Store)? {
            Stored::Missing => Err(DraftActionError::NotFound),
            Stored::Unreadable { error, .. } => Err(DraftActionError::Refused(error)),
            Stored::Readable { text, draft } => {
                let shown = draft.answers.clone();
                self.id = id.to_owned();
                self.adopt(draft, text);
                self.status = SaveStatus::Opened;
                self.file_saved = None;
                let _ = self.store.set_current(id);
                Ok(Shown::Answers(shown))
            }
        }
    }

    fn open_new(&mut self, answers: Answers, name: Option<String>) -> Shown {
        let now = self.clock.now();
        self.id = self.clock.new_draft_id();
        let mut draft = Draft::new(self.store.survey(), &now);
        draft.name = name.clone();
        self.base = draft;
        self.base_text = None;
        self.conflict = None;
        self.keeping_deleted = false;
        self.name = name;
        self.file_saved = None;
        self.status = SaveStatus::Opened;
        // Written at once: an imported file's answers are stored now, or the status says why not
        // (and they stay on the page).
        let _ = self.write_checked(&answers, false);
        if self.status.is_stored() {
            let _ = self.store.set_current(&self.id);
        }
        Shown::Answers(answers)
    }

    /// Creates a draft holding `answers` (empty for a new draft, a file's for an import) and
    /// opens it, after saving the open one.
    pub fn create(
        &mut self,
        answers: Answers,
        name: Option<String>,
        shown: &Answers,
    ) -> Result<Shown, DraftActionError> {
        self.leave_open(shown)?;
        Ok(self.open_new(answers, name))
    }

    /// A copy of draft `id` (the open one as it is on the page), named 「…のコピー」, opened.
    pub fn duplicate(
        &mut self,
        id: &str,
        shown: &Answers,
        display_name: impl Fn(&Draft) -> String,
    ) -> Result<Shown, DraftActionError> {
        let source = if id == self.id {
            let mut open = self.base.clone();
            open.answers = shown.clone();
            open.name = self.name.clone();
            open
        } else {
            let now = self.clock.now();
            match self.store.read(id, &now).map_err(DraftActionError::Store)? {
                Stored::Missing => return Err(DraftActionError::NotFound),
                Stored::Unreadable { error, .. } => return Err(DraftActionError::Refused(error)),
                Stored::Readable { draft, .. } => draft,
            }
        };
        let name = format!("{}のコピー", display_name(&source));
        self.create(source.answers, Some(name), shown)
    }

    /// Renames draft `id`; an empty name goes back to following the hospital name. Renaming the
    /// open draft may take another tab's newer answers into the form (`Shown`).
    pub fn rename(
        &mut self,
        id: &str,
        name: &str,
        shown: &Answers,
    ) -> Result<Shown, DraftActionError> {
        let name = Some(name.trim().to_owned()).filter(|n| !n.is_empty());
        if id == self.id {
            self.name = name;
            let shown = self.save(shown);
            return match &self.status {
                SaveStatus::Failed(error) => Err(DraftActionError::Store(error.clone())),
                SaveStatus::Refused(error) => Err(DraftActionError::Refused(error.clone())),
                _ => Ok(shown),
            };
        }
        let now = self.clock.now();
        match self.store.read(id, &now).map_err(DraftActionError::Store)? {
            Stored::Missing => Err(DraftActionError::NotFound),
            Stored::Unreadable { error, .. } => Err(DraftActionError::Refused(error)),
            Stored::Readable { mut draft, .. } => {
                draft.name = name;
                draft.revision = draft.revision.saturating_add(1);
                draft.saved_at = now;
                self.store
                    .write_text(id, &draft.to_json())
                    .map(|()| Shown::Same)
                    .map_err(DraftActionError::Store)
            }
        }
    }

    /// Deletes draft `id`. Deleting the open one opens the newest other draft, or a new one; its
    /// answers are not saved back.
    pub fn delete(&mut self, id: &str) -> Result<Shown, DraftActionError> {
        let now = self.clock.now();
        if let Ok(Stored::Unreadable { error, text }) = self.store.read(id, &now) {
            if super::store::must_not_touch(&error) {
                return Err(DraftActionError::Refused(error));
            }
            // Unreadable text is kept for recovery even when its draft is deleted.
            self.store
                .set_aside(id, &text)
                .map_err(DraftActionError::Store)?;
        }
        self.store.remove(id).map_err(DraftActionError::Store)?;
        if id != self.id {
            return Ok(Shown::Same);
        }
        if self.store.current().as_deref() == Some(id) {
            let _ = self.store.backend_mut().remove(CURRENT_KEY);
        }
        Ok(self.open_newest_or_new())
    }

    /// Raw texts set aside, for the user to save as files.
    pub fn recovered(&self) -> Vec<(String, String)> {
        self.store.recovered().unwrap_or_default()
    }

    pub fn discard_recovered(&mut self, key: &str) -> Result<(), StoreError> {
        self.store.discard_recovered(key)
    }
}
