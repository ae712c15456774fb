//! 病院における医療情報システムのサイバーセキュリティ対策に係る調査: answer preparation in the browser.
//!
//! `survey` is the functional core (no browser APIs); `ui` is the Leptos shell that renders it.

pub mod draft;
pub mod export;
pub mod survey;
pub mod ui;
