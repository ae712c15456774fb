//! Time and new ids, as the draft protocol needs them: the browser's clock in the page, a fake
//! one in tests, so that the protocol can be run in any order without a browser.

pub trait Clock {
    /// Now, as `Date.toISOString` writes it (UTC): what drafts store.
    fn now(&self) -> String;
    /// An id no other tab will pick for a new draft.
    fn new_draft_id(&self) -> String;
}
