//! The pages' static markup, written at build time: build.rs includes these files and writes what
//! they return into web/generated/, which tools/splice-pages.mjs puts into the built pages. The
//! form module binds the answering page's markup by the ids of [`form_ids`], the one definition
//! both use. Plain Rust, no browser APIs: tests/form_ids.rs renders the pages natively.

pub mod answering_page;
pub mod form_ids;
pub mod html;
pub mod overview_page;
pub mod survey_form;
