//! The drafts of this browser as the page sees them: which one is open, whether it is saved, and
//! every operation on them. Each change to the answers is saved at once; nothing overwrites a
//! newer save from another tab unless the user says so.

use super::rx::*;

use super::browser_storage::Backend;
use super::clock::{new_draft_id, now_iso};
use super::form_state::FormState;
#[cfg(feature = "tools")]
use crate::draft::store::DRAFT_PREFIX;
use crate::draft::store::draft_key;
use crate::draft::{Draft, DraftError, DraftStore, SaveError, StoreError, StoredProblem};
use crate::survey::{Answers, Progress};

/// How the open draft stands against storage.
#[derive(Debug, Clone, PartialEq)]
pub enum SaveStatus {
    /// Nothing typed since it was opened.
    Opened,
    Saved {
        at: String,
    },
    /// The browser refused the save; the answers are still on the page.
    Failed(StoreError),
    /// Another tab saved this draft after this tab last read it.
    NewerElsewhere(Box<Draft>),
    /// What is stored under this id belongs to a newer app or another survey.
    Refused(DraftError),
}

/// One line of the draft list.
#[derive(Debug, Clone, PartialEq)]
pub struct DraftSummary {
    pub id: String,
    pub name: String,
    pub hospital: String,
    pub saved_at: String,
    pub progress: Progress,
}

#[derive(Clone, Copy)]
pub struct DraftSession {
    form: FormState,
    store: StoredValue<DraftStore<Backend>, LocalStorage>,
    /// The open draft as last read from or written to storage: the base for the next save.
    base: StoredValue<Draft>,
    pub current_id: RwSignal<String>,
    pub status: RwSignal<SaveStatus>,
    pub summaries: RwSignal<Vec<DraftSummary>>,
    /// Drafts found unreadable, set aside, or left alone because they are not this app's to open.
    pub problems: RwSignal<Vec<StoredProblem>>,
    pub recovered: RwSignal<Vec<(String, String)>>,
    pub memory_only: bool,
    pub unavailable_reason: StoredValue<Option<StoreError>>,
    /// The answers last saved to a file from the form page, while storage was failing.
    file_saved: StoredValue<Option<Answers>>,
}

impl DraftSession {
    #[cfg(feature = "tools")]
    /// Opens the draft this browser had open last (or the newest, or a new one) into the form.
    pub fn start(form: FormState) -> Self {
        let session = Self::start_autosave(form);
        session.refresh_list();
        session
    }

    /// What the form page needs: the open draft and its autosave, without the list of every
    /// draft (the tools page keeps that), so the form page's wasm does without the list code.
    pub fn start_autosave(form: FormState) -> Self {
        let (backend, unavailable_reason) = Backend::open();
        let memory_only = backend.is_memory_only();
        let mut store = DraftStore::new(backend, &form.survey.id);
        let now = now_iso();
        let (drafts, problems) = match store.list(&now) {
            Ok(listing) => (listing.drafts, listing.problems),
            Err(_) => (Vec::new(), Vec::new()),
        };
        let remembered = store.current();
        let chosen = remembered
            .and_then(|id| drafts.iter().find(|(d, _)| *d == id).cloned())
            .or_else(|| drafts.first().cloned());
        let (id, draft) = match chosen {
            Some(found) => found,
            None => {
                let id = new_draft_id();
                let draft = Draft::new(&form.survey.id, &now);
                let draft = store.save(&id, &draft, &now).unwrap_or(draft);
                (id, draft)
            }
        };
        let _ = store.set_current(&id);
        let recovered = store.recovered().unwrap_or_default();
        form.replace_answers(draft.answers.clone());
        Self {
            form,
            store: StoredValue::new_local(store),
            base: StoredValue::new(draft),
            current_id: RwSignal::new(id),
            status: RwSignal::new(SaveStatus::Opened),
            summaries: RwSignal::new(Vec::new()),
            problems: RwSignal::new(problems),
            recovered: RwSignal::new(recovered),
            memory_only,
            unavailable_reason: StoredValue::new(unavailable_reason),
            file_saved: StoredValue::new(None),
        }
    }

    /// The open draft's name as the form page shows it: the name given, else the hospital name
    /// typed on the page.
    pub fn open_name(&self) -> String {
        self.status.track();
        let given = self.base.with_value(|base| base.name.clone());
        match given.as_deref().map(str::trim) {
            Some(name) if !name.is_empty() => name.to_owned(),
            _ => {
                let hospital = self
                    .form
                    .answers
                    .with(|a| a.text(&self.form.survey.hospital_item).trim().to_owned());
                if hospital.is_empty() {
                    crate::draft::summary::UNNAMED_DRAFT.to_owned()
                } else {
                    hospital
                }
            }
        }
    }

    /// When the open draft was last saved (the form page's status line after opening).
    pub fn open_saved_at(&self) -> String {
        self.base.with_value(|base| base.saved_at.clone())
    }

    /// Another tab wrote to storage: on the form page only the open draft matters.
    pub fn open_draft_changed(&self, key: Option<String>) {
        self.check_newer_elsewhere(key.as_deref());
    }

    /// Saves the form's answers if they differ from what was last saved.
    pub fn save_now(&self) {
        if matches!(
            self.status.get_untracked(),
            SaveStatus::NewerElsewhere(_) | SaveStatus::Refused(_)
        ) {
            // Saving now would overwrite newer work: the user decides first.
            return;
        }
        let answers = self.form.answers.get_untracked();
        let unchanged = self.base.with_value(|base| base.answers == answers);
        if unchanged && !matches!(self.status.get_untracked(), SaveStatus::Failed(_)) {
            return;
        }
        let mut draft = self.base.get_value();
        draft.answers = answers;
        let id = self.current_id.get_untracked();
        let result = self
            .store
            .try_update_value(|store| store.save(&id, &draft, &now_iso()));
        self.apply_save_result(result);
    }

    fn apply_save_result(&self, result: Option<Result<Draft, SaveError>>) {
        match result {
            Some(Ok(saved)) => {
                let at = saved.saved_at.clone();
                self.update_open_summary(&saved);
                self.base.set_value(saved);
                self.status.set(SaveStatus::Saved { at });
            }
            Some(Err(SaveError::Store(error))) => self.status.set(SaveStatus::Failed(error)),
            Some(Err(SaveError::NewerInStorage(newer))) => {
                self.status.set(SaveStatus::NewerElsewhere(newer));
            }
            Some(Err(SaveError::Refused(error))) => self.status.set(SaveStatus::Refused(error)),
            None => {}
        }
    }

    #[cfg(feature = "tools")]
    /// Another tab wrote to storage. If it was the open draft and it is newer, say so; the list is
    /// refreshed either way.
    pub fn storage_changed(&self, key: Option<String>) {
        self.check_newer_elsewhere(key.as_deref());
        if key.is_none_or(|key| key.starts_with(DRAFT_PREFIX)) {
            self.refresh_list();
        }
    }

    fn check_newer_elsewhere(&self, key: Option<&str>) {
        let current_key = draft_key(&self.current_id.get_untracked());
        if key == Some(current_key.as_str()) {
            let stored = self
                .store
                .with_value(|store| store.load(&self.current_id.get_untracked(), &now_iso()));
            let base_revision = self.base.with_value(|base| base.revision);
            if let Ok(Some(newer)) = stored
                && newer.revision > base_revision
            {
                self.status.set(SaveStatus::NewerElsewhere(Box::new(newer)));
            }
        }
    }

    /// Takes the other tab's newer version, replacing this tab's unsaved changes.
    pub fn take_newer(&self) {
        if let SaveStatus::NewerElsewhere(newer) = self.status.get_untracked() {
            self.form.replace_answers(newer.answers.clone());
            let at = newer.saved_at.clone();
            self.base.set_value(*newer);
            self.status.set(SaveStatus::Saved { at });
        }
    }

    /// The user saved these answers to a file: leaving the page no longer loses them.
    pub fn saved_to_file(&self, answers: Answers) {
        self.file_saved.set_value(Some(answers));
    }

    /// Whether answers typed here are kept nowhere but this page: storage is unavailable or
    /// refused the last save, or another tab saved this draft and the changes made here wait for
    /// the user's choice; and they were not saved to a file since they last changed.
    pub fn unsaved_in_memory(&self) -> bool {
        let at_risk = self.memory_only
            || match self.status.get_untracked() {
                SaveStatus::Failed(_) | SaveStatus::Refused(_) => true,
                SaveStatus::NewerElsewhere(_) => self.form.answers.with_untracked(|answers| {
                    self.base.with_value(|base| base.answers != *answers)
                }),
                SaveStatus::Opened | SaveStatus::Saved { .. } => false,
            };
        at_risk
            && self.form.answers.with_untracked(|answers| {
                answers.iter().next().is_some()
                    && self
                        .file_saved
                        .with_value(|saved| saved.as_ref() != Some(answers))
            })
    }

    /// Keeps this tab's answers, writing them over the other tab's newer version.
    pub fn keep_mine(&self) {
        let mut draft = self.base.get_value();
        draft.answers = self.form.answers.get_untracked();
        let id = self.current_id.get_untracked();
        let result = self
            .store
            .try_update_value(|store| store.overwrite(&id, &draft, &now_iso()));
        self.apply_save_result(result);
    }

    /// Keeps the open draft's line of the list current without re-reading every draft, which
    /// would cost more on each keystroke the more drafts there are.
    fn update_open_summary(&self, saved: &Draft) {
        let summary = DraftSummary {
            id: self.current_id.get_untracked(),
            name: saved.display_name(self.form.survey).to_owned(),
            hospital: saved.hospital(self.form.survey).to_owned(),
            saved_at: saved.saved_at.clone(),
            progress: saved.progress(self.form.survey),
        };
        self.summaries.update(|summaries| {
            summaries.retain(|s| s.id != summary.id);
            summaries.insert(0, summary);
        });
    }

    #[cfg(feature = "tools")]
    pub fn refresh_list(&self) {
        let survey = self.form.survey;
        let listing = self
            .store
            .try_update_value(|store| store.list(&now_iso()))
            .and_then(Result::ok);
        let Some(listing) = listing else { return };
        let mut summaries: Vec<DraftSummary> = listing
            .drafts
            .iter()
            .map(|(id, draft)| DraftSummary {
                id: id.clone(),
                name: draft.display_name(survey).to_owned(),
                hospital: draft.hospital(survey).to_owned(),
                saved_at: draft.saved_at.clone(),
                progress: draft.progress(survey),
            })
            .collect();
        // The open draft shows what is on the page, saved or not.
        let open_id = self.current_id.get_untracked();
        if let Some(open) = summaries.iter_mut().find(|s| s.id == open_id) {
            let mut draft = self.base.get_value();
            draft.answers = self.form.answers.get_untracked();
            open.name = draft.display_name(survey).to_owned();
            open.hospital = draft.hospital(survey).to_owned();
            open.progress = draft.progress(survey);
        }
        self.summaries.set(summaries);
        let new_problems: Vec<StoredProblem> = listing.problems;
        if !new_problems.is_empty() {
            self.problems.update(|problems| {
                for problem in new_problems {
                    if !problems.contains(&problem) {
                        problems.push(problem);
                    }
                }
            });
        }
        let recovered = self
            .store
            .with_value(|store| store.recovered())
            .unwrap_or_default();
        self.recovered.set(recovered);
    }

    #[cfg(feature = "tools")]
    /// Opens another draft, after saving the one that is open.
    pub fn switch_to(&self, id: &str) {
        self.save_now();
        let loaded = self.store.with_value(|store| store.load(id, &now_iso()));
        if let Ok(Some(draft)) = loaded {
            self.open(id, draft);
        }
    }

    #[cfg(feature = "tools")]
    fn open(&self, id: &str, draft: Draft) {
        self.form.replace_answers(draft.answers.clone());
        self.base.set_value(draft);
        self.current_id.set(id.to_owned());
        self.status.set(SaveStatus::Opened);
        self.store.update_value(|store| {
            let _ = store.set_current(id);
        });
        self.refresh_list();
    }

    #[cfg(feature = "tools")]
    /// Creates a draft holding `answers` (empty for a new draft) and opens it.
    pub fn create(&self, answers: Answers, name: Option<String>) -> Result<(), SaveError> {
        self.save_now();
        let now = now_iso();
        let id = new_draft_id();
        let mut draft = Draft::new(&self.form.survey.id, &now);
        draft.answers = answers;
        draft.name = name;
        let saved = self
            .store
            .try_update_value(|store| store.save(&id, &draft, &now))
            .unwrap_or(Ok(draft));
        match saved {
            Ok(saved) => {
                self.open(&id, saved);
                Ok(())
            }
            Err(error) => Err(error),
        }
    }

    #[cfg(feature = "tools")]
    pub fn duplicate(&self, id: &str) -> Result<(), SaveError> {
        self.save_now();
        let source = self.store.with_value(|store| store.load(id, &now_iso()));
        match source {
            Ok(Some(source)) => {
                let name = format!("{}のコピー", source.display_name(self.form.survey));
                self.create(source.answers, Some(name))
            }
            Ok(None) => Ok(()),
            Err(error) => Err(error),
        }
    }

    #[cfg(feature = "tools")]
    /// An empty name goes back to following the hospital name.
    pub fn rename(&self, id: &str, name: &str) -> Result<(), SaveError> {
        let name = Some(name.trim().to_owned()).filter(|n| !n.is_empty());
        if *id == self.current_id.get_untracked() {
            self.base.update_value(|base| base.name = name);
            self.status.set(SaveStatus::Opened);
            let mut draft = self.base.get_value();
            draft.answers = self.form.answers.get_untracked();
            let result = self
                .store
                .try_update_value(|store| store.save(id, &draft, &now_iso()));
            self.apply_save_result(result);
            return Ok(());
        }
        let now = now_iso();
        let result = self.store.try_update_value(|store| {
            let draft = store.load(id, &now)?;
            match draft {
                Some(mut draft) => {
                    draft.name = name;
                    store.save(id, &draft, &now).map(|_| ())
                }
                None => Ok(()),
            }
        });
        self.refresh_list();
        result.unwrap_or(Ok(()))
    }

    #[cfg(feature = "tools")]
    /// Deletes a draft; deleting the open one opens the next, or a new empty one.
    pub fn delete(&self, id: &str) -> Result<(), StoreError> {
        let result = self
            .store
            .try_update_value(|store| store.delete(id))
            .unwrap_or(Ok(()));
        result.clone()?;
        self.refresh_list();
        if *id != self.current_id.get_untracked() {
            return result;
        }
        // The deleted draft must not be saved back on the way out: nothing unsaved is left.
        self.base
            .update_value(|base| base.answers = self.form.answers.get_untracked());
        let next = self
            .summaries
            .with_untracked(|s| s.first().map(|s| s.id.clone()));
        match next {
            Some(next) => {
                let loaded = self.store.with_value(|store| store.load(&next, &now_iso()));
                if let Ok(Some(draft)) = loaded {
                    self.open(&next, draft);
                }
            }
            None => {
                let _ = self.create(Answers::new(), None);
            }
        }
        result
    }

    #[cfg(feature = "tools")]
    pub fn discard_recovered(&self, key: &str) {
        self.store.update_value(|store| {
            let _ = store.discard_recovered(key);
        });
        self.refresh_list();
    }

    #[cfg(feature = "tools")]
    pub fn survey(&self) -> &'static crate::survey::Survey {
        self.form.survey
    }

    #[cfg(feature = "tools")]
    pub fn current_name_untracked(&self) -> String {
        let id = self.current_id.get_untracked();
        self.summaries
            .with_untracked(|summaries| name_in(summaries, &id))
    }

    #[cfg(feature = "tools")]
    pub fn current_name(&self) -> String {
        let id = self.current_id.get();
        self.summaries.with(|summaries| name_in(summaries, &id))
    }
}

#[cfg(feature = "tools")]
fn name_in(summaries: &[DraftSummary], id: &str) -> String {
    summaries
        .iter()
        .find(|s| s.id == id)
        .map(|s| s.name.clone())
        .unwrap_or_default()
}

#[cfg(feature = "tools")]
/// What the user reads when a draft operation could not be saved.
pub fn save_error_message(error: &SaveError) -> String {
    match error {
        SaveError::Store(error) => error.to_string(),
        SaveError::NewerInStorage(_) => {
            "別のタブで新しく保存された内容があるため、保存しませんでした。".to_owned()
        }
        SaveError::Refused(error) => error.to_string(),
    }
}
