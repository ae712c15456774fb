//! The drafts kept in one browser: listing, saving without overwriting newer work, and setting aside
//! what cannot be read so that nothing stored is ever silently destroyed.

use super::envelope::{APP_VERSION, DRAFT_VERSION, Draft};
use super::error::{DraftError, StoreError};
use super::key_value::KeyValueStore;

pub const DRAFT_PREFIX: &str = "cyber-survey/draft/";
pub const RECOVERY_PREFIX: &str = "cyber-survey/recovery/";
pub const CURRENT_KEY: &str = "cyber-survey/current";

pub fn draft_key(id: &str) -> String {
    format!("{DRAFT_PREFIX}{id}")
}

/// A stored draft that could not be used, and what became of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredProblem {
    pub id: String,
    pub error: DraftError,
    /// Where the unreadable text was moved, so that it can still be recovered; `None` when it was
    /// left in place (a newer version's or another survey's draft, which must not be touched).
    pub recovery_key: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Listing {
    /// Usable drafts, most recently saved first.
    pub drafts: Vec<(String, Draft)>,
    pub problems: Vec<StoredProblem>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveError {
    Store(StoreError),
    /// Another tab saved this draft after this tab last read it: here is that newer draft.
    NewerInStorage(Box<Draft>),
    /// What is stored under this id is a newer version's or another survey's draft.
    Refused(DraftError),
}

pub struct DraftStore<S> {
    store: S,
    survey: String,
}

impl<S: KeyValueStore> DraftStore<S> {
    pub fn new(store: S, survey: &str) -> Self {
        Self {
            store,
            survey: survey.to_owned(),
        }
    }

    pub fn backend(&self) -> &S {
        &self.store
    }

    pub fn backend_mut(&mut self) -> &mut S {
        &mut self.store
    }

    /// Every draft of this survey. Unreadable ones are moved under a recovery key (their raw text
    /// kept), so that the page starts cleanly and the user can still get the text back.
    pub fn list(&mut self, now: &str) -> Result<Listing, StoreError> {
        let mut listing = Listing::default();
        for key in self.store.keys()? {
            // strip_prefix, not slicing: a slice's panic message would link Unicode tables (~10 KB).
            let Some(id) = key.strip_prefix(DRAFT_PREFIX).map(str::to_owned) else {
                continue;
            };
            let Some(text) = self.store.get(&key)? else {
                continue;
            };
            match Draft::from_json(&text, &self.survey, now) {
                Ok(draft) => listing.drafts.push((id, draft)),
                Err(error) => {
                    let recovery_key = self.set_aside(&id, &key, &text, &error, now);
                    listing.problems.push(StoredProblem {
                        id,
                        error,
                        recovery_key,
                    });
                }
            }
        }
        listing
            .drafts
            .sort_unstable_by(|(_, a), (_, b)| b.saved_at.cmp(&a.saved_at));
        Ok(listing)
    }

    fn set_aside(
        &mut self,
        id: &str,
        key: &str,
        text: &str,
        error: &DraftError,
        now: &str,
    ) -> Option<String> {
        if matches!(
            error,
            DraftError::NewerVersion { .. } | DraftError::OtherSurvey { .. }
        ) {
            return None;
        }
        let recovery_key = format!("{RECOVERY_PREFIX}{id}/{now}");
        // Only remove the draft once its text is safely elsewhere.
        self.store.set(&recovery_key, text).ok()?;
        self.store.remove(key).ok()?;
        Some(recovery_key)
    }

    pub fn load(&self, id: &str, now: &str) -> Result<Option<Draft>, SaveError> {
        match self.store.get(&draft_key(id)).map_err(SaveError::Store)? {
            None => Ok(None),
            Some(text) => Draft::from_json(&text, &self.survey, now)
                .map(Some)
                .map_err(SaveError::Refused),
        }
    }

    /// Writes `draft` unless another tab has saved a newer revision since `draft` was read. Returns
    /// the draft as stored (next revision, saved now).
    pub fn save(&mut self, id: &str, draft: &Draft, now: &str) -> Result<Draft, SaveError> {
        match self.load(id, now) {
            Ok(Some(stored)) if stored.revision > draft.revision => {
                return Err(SaveError::NewerInStorage(Box::new(stored)));
            }
            Err(SaveError::Refused(
                error @ (DraftError::NewerVersion { .. } | DraftError::OtherSurvey { .. }),
            )) => return Err(SaveError::Refused(error)),
            Err(SaveError::Store(error)) => return Err(SaveError::Store(error)),
            // Unreadable text under this id is replaced: `list` set readable copies aside first.
            Ok(_) | Err(_) => {}
        }
        self.write(id, draft, now)
    }

    /// Writes `draft` over whatever is stored: for when the user chose this tab's version over a
    /// newer one from another tab.
    pub fn overwrite(&mut self, id: &str, draft: &Draft, now: &str) -> Result<Draft, SaveError> {
        let stored_revision = match self.load(id, now) {
            Ok(Some(stored)) => stored.revision,
            _ => 0,
        };
        let mut draft = draft.clone();
        draft.revision = draft.revision.max(stored_revision);
        self.write(id, &draft, now)
    }

    fn write(&mut self, id: &str, draft: &Draft, now: &str) -> Result<Draft, SaveError> {
        let mut saved = draft.clone();
        saved.revision += 1;
        saved.saved_at = now.to_owned();
        saved.version = DRAFT_VERSION;
        saved.app_version = APP_VERSION.to_owned();
        self.store
            .set(&draft_key(id), &saved.to_json())
            .map_err(SaveError::Store)?;
        Ok(saved)
    }

    pub fn delete(&mut self, id: &str) -> Result<(), StoreError> {
        self.store.remove(&draft_key(id))
    }

    /// The draft this browser had open last.
    pub fn current(&self) -> Option<String> {
        self.store.get(CURRENT_KEY).ok().flatten()
    }

    pub fn set_current(&mut self, id: &str) -> Result<(), StoreError> {
        self.store.set(CURRENT_KEY, id)
    }

    /// Raw texts set aside by `list`, oldest first, for the user to save as files.
    pub fn recovered(&self) -> Result<Vec<(String, String)>, StoreError> {
        let mut found = Vec::new();
        for key in self.store.keys()? {
            if key.starts_with(RECOVERY_PREFIX)
                && let Some(text) = self.store.get(&key)?
            {
                found.push((key, text));
            }
        }
        Ok(found)
    }

    pub fn discard_recovered(&mut self, key: &str) -> Result<(), StoreError> {
        if key.starts_with(RECOVERY_PREFIX) {
            self.store.remove(key)
        } else {
            Ok(())
        }
    }
}
