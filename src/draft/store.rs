//! The drafts kept in one browser, as stored texts: listing them, reading one, and setting aside
//! what cannot be read so that nothing stored is ever silently destroyed. Writing the open draft
//! is the protocol's (session.rs): it compares what is stored with what the tab last saw.

use super::envelope::Draft;
use super::error::{DraftError, StoreError};
use super::key_value::KeyValueStore;

pub const DRAFT_PREFIX: &str = "cyber-survey/draft/";
pub const RECOVERY_PREFIX: &str = "cyber-survey/recovery/";
pub const CURRENT_KEY: &str = "cyber-survey/current";

pub fn draft_key(id: &str) -> String {
    format!("{DRAFT_PREFIX}{id}")
}

/// The draft id a storage key names, if it names one.
pub fn draft_id_of(key: &str) -> Option<&str> {
    // strip_prefix, not slicing: a slice's panic message would link Unicode tables (~10 KB).
    key.strip_prefix(DRAFT_PREFIX)
}

/// Where the unreadable text of draft `id` is kept. Named by the text's hash, so that two tabs
/// setting the same text aside keep one copy, and a different text never replaces it.
pub fn recovery_key(id: &str, text: &str) -> String {
    format!("{RECOVERY_PREFIX}{id}/{:016x}", fnv1a(text))
}

fn fnv1a(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |hash, byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// Whether a stored draft must be left exactly as it is: a newer app's or another survey's.
pub fn must_not_touch(error: &DraftError) -> bool {
    matches!(
        error,
        DraftError::NewerVersion { .. } | DraftError::OtherSurvey { .. }
    )
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

/// What is stored under one draft's key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Stored {
    Missing,
    Readable {
        text: String,
        draft: Draft,
    },
    /// Text that cannot be read as a draft of this survey, with the reason.
    Unreadable {
        text: String,
        error: DraftError,
    },
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

    pub fn survey(&self) -> &str {
        &self.survey
    }

    /// Every draft of this survey. Unreadable ones are moved under a recovery key (their raw text
    /// kept), so that the page starts cleanly and the user can still get the text back.
    pub fn list(&mut self, now: &str) -> Result<Listing, StoreError> {
        let mut listing = Listing::default();
        for key in self.store.keys()? {
            let Some(id) = draft_id_of(&key).map(str::to_owned) else {
                continue;
            };
            match self.read(&id, now)? {
                Stored::Missing => {}
                Stored::Readable { draft, .. } => listing.drafts.push((id, draft)),
                Stored::Unreadable { text, error } => {
                    let recovery_key = if must_not_touch(&error) {
                        None
                    } else {
                        self.move_aside(&id, &text).ok()
                    };
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

    /// What is stored under draft `id`, exactly.
    pub fn read(&self, id: &str, now: &str) -> Result<Stored, StoreError> {
        Ok(match self.store.get(&draft_key(id))? {
            None => Stored::Missing,
            Some(text) => match Draft::from_json(&text, &self.survey, now) {
                Ok(draft) => Stored::Readable { text, draft },
                Err(error) => Stored::Unreadable { text, error },
            },
        })
    }

    /// A usable draft, or `None` when there is none under `id` or it cannot be read.
    pub fn load(&self, id: &str, now: &str) -> Option<Draft> {
        match self.read(id, now) {
            Ok(Stored::Readable { draft, .. }) => Some(draft),
            _ => None,
        }
    }

    /// Copies unreadable `text` of draft `id` under its recovery key. Writing over it, or removing
    /// it, is safe only once this succeeded.
    pub fn set_aside(&mut self, id: &str, text: &str) -> Result<String, StoreError> {
        let key = recovery_key(id, text);
        if self.store.get(&key)?.as_deref() != Some(text) {
            self.store.set(&key, text)?;
        }
        Ok(key)
    }

    fn move_aside(&mut self, id: &str, text: &str) -> Result<String, StoreError> {
        let key = self.set_aside(id, text)?;
        self.store.remove(&draft_key(id))?;
        Ok(key)
    }

    pub fn write_text(&mut self, id: &str, text: &str) -> Result<(), StoreError> {
        self.store.set(&draft_key(id), text)
    }

    pub fn remove(&mut self, id: &str) -> Result<(), StoreError> {
        self.store.remove(&draft_key(id))
    }

    /// The draft this browser had open last.
    pub fn current(&self) -> Option<String> {
        self.store.get(CURRENT_KEY).ok().flatten()
    }

    pub fn set_current(&mut self, id: &str) -> Result<(), StoreError> {
        if self.current().as_deref() == Some(id) {
            return Ok(());
        }
        self.store.set(CURRENT_KEY, id)
    }

    /// Raw texts set aside, for the user to save as files, in the store's order (unsorted: a sort
    /// here would cost the answering page ~1 KB).
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
