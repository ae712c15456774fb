//! 病院における医療情報システムのサイバーセキュリティ対策に係る調査: answer preparation in the browser.
//!
//! `survey`, `draft`, `export` and `overview` are the functional core (no browser APIs, tested
//! natively); `ui` is the Leptos shell that renders them and is the only code that touches the
//! browser.

pub mod draft;
pub mod export;
pub mod markup;
pub mod overview;
pub mod survey;
pub mod ui;
