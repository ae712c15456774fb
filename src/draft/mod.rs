//! Drafts: how answers are kept in the browser between visits. Plain Rust over a key-value trait
//! and a clock; the shell supplies localStorage and the browser's time.

pub mod clock;
pub mod envelope;
pub mod error;
pub mod json;
pub mod key_value;
pub mod session;
pub mod status;
pub mod store;
pub mod summary;

pub use clock::Clock;
pub use envelope::{APP_VERSION, DRAFT_FORMAT, DRAFT_VERSION, Draft};
pub use error::{DraftError, StoreError};
pub use key_value::{KeyValueStore, MemoryStore};
pub use session::{DraftActionError, DraftSession, Shown};
pub use status::{SaveStatus, TimeForm};
pub use store::{DraftStore, Listing, Stored, StoredProblem};
