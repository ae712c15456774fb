//! Drafts: how answers are kept in the browser between visits. Plain Rust over a key-value trait;
//! the shell supplies localStorage.

pub mod envelope;
pub mod error;
pub mod json;
pub mod key_value;
pub mod store;
pub mod summary;

pub use envelope::{APP_VERSION, DRAFT_FORMAT, DRAFT_VERSION, Draft};
pub use error::{DraftError, StoreError};
pub use key_value::{KeyValueStore, MemoryStore};
pub use store::{DraftStore, Listing, SaveError, StoredProblem};
