//! The drafts of this browser as the pages see them: the core's draft protocol
//! (`crate::draft::DraftSession`) over localStorage and the browser's clock, with signals for what
//! the pages show. Every operation is the core's; this file only forwards events, applies what
//! the core says the form must show, and copies the core's state into signals.

use super::rx::*;

use super::browser_storage::Backend;
use super::clock::BrowserClock;
use super::form_state::FormState;
use super::screens::FORM_HANDOVER;
#[cfg(feature = "tools")]
use crate::draft::DraftActionError;
#[cfg(feature = "tools")]
use crate::draft::StoredProblem;
use crate::draft::{self, Shown, StoreError};
use crate::survey::Answers;
#[cfg(feature = "tools")]
use crate::survey::Progress;

pub use crate::draft::SaveStatus;

type Core = draft::DraftSession<Backend, BrowserClock>;

/// One line of the draft list.
#[cfg(feature = "tools")]
#[derive(Debug, Clone, PartialEq)]
pub struct DraftSummary {
    pub id: String,
    pub name: String,
    pub hospital: String,
    pub saved_at: String,
    pub progress: Progress,
}

/// The open draft as the pages show it.
#[derive(Clone)]
struct OpenView {
    status: SaveStatus,
    #[cfg(feature = "tools")]
    id: String,
    /// The name given, saved or not; `None` follows the hospital name.
    name: Option<String>,
    /// When it was last saved.
    saved_at: String,
    /// Whether some stored draft is a newer app's or another survey's, left as it is.
    left_alone: bool,
}

impl OpenView {
    fn of(core: &Core) -> Self {
        Self {
            status: core.status().clone(),
            #[cfg(feature = "tools")]
            id: core.id().to_owned(),
            name: core.name().map(str::to_owned),
            saved_at: core.base().saved_at.clone(),
            left_alone: core.problems().iter().any(|p| p.recovery_key.is_none()),
        }
    }
}

#[derive(Clone, Copy)]
pub struct DraftSession {
    form: FormState,
    core: StoredValue<Core, LocalStorage>,
    /// What the pages show of the open draft, copied from the core after every operation: one
    /// signal, not one per field (each signal's code costs the answering page's first load).
    view: RwSignal<OpenView>,
    /// The draft list (the tools module's; the form lists no drafts).
    #[cfg(feature = "tools")]
    pub summaries: RwSignal<Vec<DraftSummary>>,
    /// Whether the tools screens show the answers the form handed over (the form's last save
    /// failed): never saved from here, since storage does not hold what they
    /// replace, and a file saved from them is the form's.
    #[cfg(feature = "tools")]
    showing_handover: StoredValue<bool>,
    /// Drafts found unreadable, set aside, or left alone because they are not this app's to open.
    pub recovered: RwSignal<Vec<(String, String)>>,
    /// Stored drafts found unreadable, set aside, or left alone (the draft list shows them).
    #[cfg(feature = "tools")]
    pub problems: RwSignal<Vec<StoredProblem>>,
    pub memory_only: bool,
    pub unavailable_reason: StoredValue<Option<StoreError>>,
}

/// The core over the browser's storage (or memory, with the reason), as a page load opens it.
/// One call site for both starts, so the wasm holds the core's start once.
#[inline(never)]
fn open_core(form: FormState) -> (Core, Option<StoreError>) {
    let (backend, unavailable_reason) = Backend::open();
    (
        Core::start(backend, BrowserClock, &form.survey.id),
        unavailable_reason,
    )
}

impl DraftSession {
    #[cfg(feature = "tools")]
    /// Opens the draft this browser had open last (or the newest, or a new one) into the form.
    pub fn start(form: FormState) -> Self {
        let session = Self::start_autosave(form);
        session.refresh_list();
        session
    }

    /// What the form needs: the open draft and its autosave, without the list of every draft
    /// (the tools module keeps that).
    pub fn start_autosave(form: FormState) -> Self {
        let (core, unavailable_reason) = open_core(form);
        let memory_only = unavailable_reason.is_some();
        form.replace_answers(core.base().answers.clone());
        Self {
            form,
            view: RwSignal::new(OpenView::of(&core)),
            #[cfg(feature = "tools")]
            problems: RwSignal::new(core.problems().to_vec()),
            recovered: RwSignal::new(core.recovered()),
            core: StoredValue::new_local(core),
            #[cfg(feature = "tools")]
            summaries: RwSignal::new(Vec::new()),
            #[cfg(feature = "tools")]
            showing_handover: StoredValue::new(false),
            memory_only,
            unavailable_reason: StoredValue::new(unavailable_reason),
        }
    }

    /// Runs one operation of the core with the answers on the page, then shows its outcome.
    fn with_core<T>(&self, operation: impl FnOnce(&mut Core, &Answers) -> T) -> Option<T> {
        let answers = self.form.answers.get_untracked();
        let result = self.core.try_update_value(|core| operation(core, &answers));
        self.sync();
        result
    }

    /// Copies the core's state into the signal.
    fn sync(&self) {
        let view = self.core.with_value(OpenView::of);
        self.view.set(view);
    }

    /// How the open draft stands against storage (tracked).
    pub fn status(&self) -> SaveStatus {
        self.view.with(|view| view.status.clone())
    }

    /// The open draft's id (tracked).
    #[cfg(feature = "tools")]
    pub fn current_id(&self) -> String {
        self.view.with(|view| view.id.clone())
    }

    /// Whether some stored draft is a newer app's or another survey's, left as it is (tracked).
    pub fn has_drafts_left_alone(&self) -> bool {
        self.view.with(|view| view.left_alone)
    }

    fn show(&self, shown: Shown) {
        if let Shown::Answers(answers) = shown {
            self.form.replace_answers(answers);
        }
    }

    /// The open draft's name as the pages show it: the name given, else the hospital name typed
    /// on the page.
    pub fn open_name(&self) -> String {
        let given = self.view.with(|view| view.name.clone());
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

    /// When the open draft was last saved (the status line after opening).
    pub fn open_saved_at(&self) -> String {
        self.view.with(|view| view.saved_at.clone())
    }

    /// Another tab wrote to storage (`key`; `None`: it cleared storage). A newer version of the
    /// open draft is taken quietly when nothing here is unsaved, else the user chooses.
    pub fn open_draft_changed(&self, key: Option<String>) {
        let shown = self.with_core(|core, answers| core.notice(key.as_deref(), answers));
        if let Some(shown) = shown {
            self.show(shown);
        }
    }

    /// Saves the form's answers if they differ from what was last saved.
    pub fn save_now(&self) {
        #[cfg(feature = "tools")]
        if self.showing_handover.get_value() {
            return;
        }
        if let Some(shown) = self.with_core(|core, answers| core.save(answers)) {
            self.show(shown);
        }
    }

    #[cfg(feature = "tools")]
    /// Another tab wrote to storage: the open draft is checked, and the list refreshed.
    pub fn storage_changed(&self, key: Option<String>) {
        let refresh = key.as_deref().is_none_or(|key| {
            key.starts_with(crate::draft::store::DRAFT_PREFIX)
                || key.starts_with(crate::draft::store::RECOVERY_PREFIX)
        });
        self.open_draft_changed(key);
        if refresh {
            self.refresh_list();
        }
    }

    /// Takes the other tab's newer version, replacing this tab's unsaved changes.
    pub fn take_newer(&self) {
        if let Some(shown) = self.with_core(|core, answers| core.take_theirs(answers)) {
            self.show(shown);
        }
        #[cfg(feature = "tools")]
        self.refresh_after_change();
    }

    /// Keeps this tab's answers: over the other tab's version, or stored again after the draft
    /// was deleted elsewhere or storage was cleared.
    pub fn keep_mine(&self) {
        if let Some(shown) = self.with_core(|core, answers| core.keep_mine(answers)) {
            self.show(shown);
        }
        #[cfg(feature = "tools")]
        self.refresh_after_change();
    }

    /// Lets a draft deleted elsewhere go, on the form: the session starts again, as a
    /// page load would, opening the newest other draft or a new one.
    pub fn let_go_and_restart(&self) {
        self.core.update_value(|core| core.release());
        self.restart();
    }

    /// Follows what the tools screens did to stored drafts (opened, created, renamed, loaded or
    /// deleted one, or another tab while they were shown): the session starts again from storage
    /// (with storage refused, the page's shared memory: browser_storage.rs). Not when something
    /// here is not stored (a failed save): then the page keeps it and the protocol's own notices
    /// apply.
    pub fn follow_storage(&self) {
        let stored = self.view.with_untracked(|view| view.status.is_stored());
        if stored {
            self.restart();
        }
    }

    /// Leaves the form's answers for the tools screens when storage does not hold them (see
    /// `FORM_HANDOVER`); clears what an earlier switch left otherwise.
    pub fn hand_over(&self) {
        let answers = self.form.answers.get_untracked();
        let handover = self.core.with_value(|core| {
            matches!(core.status(), SaveStatus::Failed(_)).then(|| {
                let mut draft = core.base().clone();
                draft.answers = answers;
                draft.name = core.name().map(str::to_owned);
                format!("{}\n{}", core.id(), draft.to_json())
            })
        });
        let value = handover.map_or(wasm_bindgen::JsValue::UNDEFINED, Into::into);
        let _ = js_sys::Reflect::set(&window(), &FORM_HANDOVER.into(), &value);
    }

    #[cfg(feature = "tools")]
    /// Shows, on the tools screens, the answers the form left after a failed save (see
    /// `FORM_HANDOVER`), when they belong to the open draft.
    fn take_handover(&self) {
        let Some(handover) = js_sys::Reflect::get(&window(), &FORM_HANDOVER.into())
            .ok()
            .and_then(|value| value.as_string())
        else {
            return;
        };
        let Some((id, text)) = handover.split_once('\n') else {
            return;
        };
        let open = self.core.with_value(|core| core.id() == id);
        let now = super::clock::now_iso();
        if open && let Ok(draft) = crate::draft::Draft::from_json(text, &self.form.survey.id, &now)
        {
            self.showing_handover.set_value(true);
            self.form.replace_answers(draft.answers);
        }
    }

    /// Back on the form after the tools screens showed (other tabs may have written meanwhile,
    /// unheard): the open draft is checked as a storage event would have it (deleted elsewhere
    /// is noticed, never replaced silently), then storage is followed.
    pub fn follow_storage_after_away(&self) {
        let key =
            crate::draft::store::draft_key(&self.core.with_value(|core| core.id().to_owned()));
        self.open_draft_changed(Some(key));
        self.follow_storage();
    }

    #[cfg(feature = "tools")]
    /// A tools screen opens after the form showed: what storage holds now (the form saved as it
    /// hid; nothing of an earlier visit here is kept), then what the form handed over.
    pub fn open_for_screens(&self) {
        self.restart();
        self.showing_handover.set_value(false);
        self.take_handover();
    }

    #[cfg(feature = "tools")]
    /// Whether the answers shown are the ones the form handed over (see `showing_handover`).
    pub fn shows_form_handover(&self) -> bool {
        self.showing_handover.get_value()
    }

    /// Starts the session again from storage, as a page load would.
    fn restart(&self) {
        let (core, _) = open_core(self.form);
        // The same version of the same draft keeps what the page shows of it (the check's
        // summary, errors due); another draft starts clean, with nothing of the previous one.
        let same = self.core.with_value(|open| {
            open.id() == core.id() && open.base().saved_at == core.base().saved_at
        });
        if !same {
            self.form.replace_answers(core.base().answers.clone());
        }
        self.recovered.set(core.recovered());
        // With storage refused, the same version of the same draft keeps its session: only it
        // remembers that the answers were saved to a file (leaving then asks nothing).
        if !(same && self.memory_only) {
            self.core.set_value(core);
        }
        self.sync();
        #[cfg(feature = "tools")]
        self.refresh_list();
    }

    #[cfg(feature = "tools")]
    /// After the tools screens changed stored drafts: the list shows it, and the form module
    /// (the draft bar, the progress, the form) follows at once.
    fn refresh_after_change(&self) {
        // An operation here opened or stored a draft of this session's own.
        self.showing_handover.set_value(false);
        self.refresh_list();
        if let Ok(event) = web_sys::Event::new(super::screens::DRAFTS_CHANGED_EVENT) {
            let _ = window().dispatch_event(&event);
        }
    }

    #[cfg(feature = "tools")]
    /// Lets a draft deleted elsewhere go: the newest other draft opens, or a new one.
    pub fn let_go(&self) {
        if let Some(shown) = self.with_core(|core, _| core.let_go()) {
            self.show(shown);
        }
        #[cfg(feature = "tools")]
        self.refresh_after_change();
    }

    /// The user saved these answers to a file: leaving the page no longer loses them.
    pub fn saved_to_file(&self, answers: Answers) {
        self.core.update_value(|core| core.saved_to_file(&answers));
    }

    /// Whether answers typed here are kept nowhere but this page (and not saved to a file).
    pub fn unsaved_in_memory(&self) -> bool {
        let answers = self.form.answers.get_untracked();
        self.core
            .with_value(|core| core.unsaved_in_memory(&answers, self.memory_only))
    }

    #[cfg(feature = "tools")]
    pub fn refresh_list(&self) {
        let survey = self.form.survey;
        let Some(listing) = self.core.try_update_value(|core| core.list()) else {
            return;
        };
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
        let open_id = self.view.with_untracked(|view| view.id.clone());
        if let Some(open) = summaries.iter_mut().find(|s| s.id == open_id) {
            let mut draft = self.core.with_value(|core| {
                let mut draft = core.base().clone();
                draft.name = core.name().map(str::to_owned);
                draft
            });
            draft.answers = self.form.answers.get_untracked();
            open.name = draft.display_name(survey).to_owned();
            open.hospital = draft.hospital(survey).to_owned();
            open.progress = draft.progress(survey);
        }
        self.summaries.set(summaries);
        self.recovered
            .set(self.core.with_value(|core| core.recovered()));
        self.problems
            .set(self.core.with_value(|core| core.problems().to_vec()));
        self.sync();
    }

    #[cfg(feature = "tools")]
    /// Opens another draft, after saving the one that is open.
    pub fn switch_to(&self, id: &str) -> Result<(), DraftActionError> {
        let result = self
            .with_core(|core, answers| core.open(id, answers))
            .unwrap_or(Ok(Shown::Same));
        let outcome = result.map(|shown| self.show(shown));
        self.refresh_after_change();
        outcome
    }

    #[cfg(feature = "tools")]
    /// Creates a draft holding `answers` (empty for a new draft) and opens it.
    pub fn create(&self, answers: Answers, name: Option<String>) -> Result<(), DraftActionError> {
        let result = self
            .with_core(|core, shown| core.create(answers, name, shown))
            .unwrap_or(Ok(Shown::Same));
        let outcome = result.map(|shown| self.show(shown));
        self.refresh_after_change();
        outcome
    }

    #[cfg(feature = "tools")]
    pub fn duplicate(&self, id: &str) -> Result<(), DraftActionError> {
        let survey = self.form.survey;
        let result = self
            .with_core(|core, shown| {
                core.duplicate(id, shown, |draft| draft.display_name(survey).to_owned())
            })
            .unwrap_or(Ok(Shown::Same));
        let outcome = result.map(|shown| self.show(shown));
        self.refresh_after_change();
        outcome
    }

    #[cfg(feature = "tools")]
    /// An empty name goes back to following the hospital name.
    pub fn rename(&self, id: &str, name: &str) -> Result<(), DraftActionError> {
        let result = self
            .with_core(|core, shown| core.rename(id, name, shown))
            .unwrap_or(Ok(Shown::Same));
        let outcome = result.map(|shown| self.show(shown));
        self.refresh_after_change();
        outcome
    }

    #[cfg(feature = "tools")]
    /// Deletes a draft; deleting the open one opens the next, or a new empty one.
    pub fn delete(&self, id: &str) -> Result<(), DraftActionError> {
        let result = self
            .with_core(|core, _| core.delete(id))
            .unwrap_or(Ok(Shown::Same));
        let outcome = result.map(|shown| self.show(shown));
        self.refresh_after_change();
        outcome
    }

    #[cfg(feature = "tools")]
    pub fn discard_recovered(&self, key: &str) {
        self.core.update_value(|core| {
            let _ = core.discard_recovered(key);
        });
        self.refresh_after_change();
    }

    #[cfg(feature = "tools")]
    pub fn survey(&self) -> &'static crate::survey::Survey {
        self.form.survey
    }

    #[cfg(feature = "tools")]
    pub fn current_name_untracked(&self) -> String {
        self.open_name_untracked()
    }

    #[cfg(feature = "tools")]
    fn open_name_untracked(&self) -> String {
        reactive_graph::graph::untrack(|| self.open_name())
    }
}

#[cfg(feature = "tools")]
/// What the user reads when a draft operation was not done.
pub fn save_error_message(error: &DraftActionError) -> String {
    error.to_string()
}
