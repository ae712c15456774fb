//! Every element id and name the form's markup carries, defined once: build.rs writes the survey's
//! markup with these functions (it includes this file), and the form module binds to it with the
//! same ones, so the two cannot drift apart. The ids of the page's fixed parts (the draft bar, the
//! progress, the notices, the screens), which markup::answering_page writes, are the constants
//! below; tests/form_ids.rs holds the rendered page to them, so a mismatch fails
//! `cargo test` instead of being skipped when the page runs. Plain Rust, no browser APIs.

/// An item's container; also what a link to the item (`#item-…`) names.
pub fn item(id: &str) -> String {
    format!("item-{id}")
}

/// The item an item's container id (or a link's `#item-…`, without the `#`) names.
pub fn item_of(anchor: &str) -> Option<&str> {
    anchor.strip_prefix("item-")
}

/// An item's control: its text box, or its first choice.
pub fn field(id: &str) -> String {
    format!("field-{id}")
}

/// The control of an item's choice by position (the first is `field`).
pub fn choice(id: &str, index: usize) -> String {
    if index == 0 {
        field(id)
    } else {
        format!("field-{id}-{index}")
    }
}

/// The name shared by the radio buttons of a single-choice item.
pub fn radio_name(id: &str) -> String {
    format!("answer-{id}")
}

/// The paragraph that shows an item's error.
pub fn error(id: &str) -> String {
    format!("error-{id}")
}

/// The note beside a whole-number item after full-width digits were converted.
pub fn notice(id: &str) -> String {
    format!("notice-{id}")
}

/// The hint under a whole-number item (its range).
pub fn hint(id: &str) -> String {
    format!("hint-{id}")
}

/// An item's lead sentence (a follow-up item's context).
pub fn lead(id: &str) -> String {
    format!("lead-{id}")
}

/// An item's 必須 badge.
pub fn badge(id: &str) -> String {
    format!("badge-{id}")
}

/// The legend of a choice item's fieldset.
pub fn legend(id: &str) -> String {
    format!("legend-{id}")
}

/// One of an item's readiness notes, by position.
pub fn advisory(id: &str, index: usize) -> String {
    format!("advisory-{id}-{index}")
}

/// A section of the form; also what the section list links to.
pub fn section(id: &str) -> String {
    format!("section-{id}")
}

/// A section's heading.
pub fn section_heading(id: &str) -> String {
    format!("section-{id}-heading")
}

/// A section's line in the section list (its count is written there).
pub fn nav(section: &str) -> String {
    format!("nav-{section}")
}

/// An id and, from the same literal, a CSS selector of it (`#id`, then `$inside`).
macro_rules! id_and_selector {
    ($(#[$doc:meta])* $id:ident, $selector:ident, $value:literal, $inside:literal) => {
        $(#[$doc])*
        pub const $id: &str = $value;
        #[doc = concat!("`#", $value, $inside, "`: a selector built on [`", stringify!($id), "`].")]
        pub const $selector: &str = concat!("#", $value, $inside);
    };
}

id_and_selector!(
    /// The form itself (inert until the program has applied the draft).
    SURVEY_FORM,
    SURVEY_FORM_SELECTOR,
    "survey-form",
    ""
);
id_and_selector!(
    /// Where 「回答内容を確認する」 writes what it found.
    CHECK_RESULT,
    CHECK_RESULT_LINKS,
    "check-result",
    " a"
);
/// The intro's (visually hidden) heading.
pub const INTRO_HEADING: &str = "intro-heading";

/// The ids of the page's fixed parts (markup::answering_page writes them), each bound by the form
/// module.
pub mod page {
    pub const MAIN: &str = "main";
    pub const ANNOUNCER: &str = "announcer";
    pub const DRAFT_NAME: &str = "draft-name";
    pub const SAVE_STATUS: &str = "save-status";
    pub const SAVE_STATUS_SPOKEN: &str = "save-status-spoken";
    pub const PROGRESS_TEXT: &str = "progress-text";
    pub const PROGRESS_BAR: &str = "progress-bar";
    pub const PROGRESS_PERCENT: &str = "progress-percent";
    pub const CHECK_BUTTON: &str = "check-button";
    pub const UPDATE_NOTICE: &str = "update-notice";
    pub const UPDATE_BUTTON: &str = "update-button";
    pub const STORAGE_UNAVAILABLE: &str = "storage-unavailable";
    pub const STORAGE_UNAVAILABLE_TEXT: &str = "storage-unavailable-text";
    pub const SAVE_FAILED: &str = "save-failed";
    pub const SAVE_FAILED_TEXT: &str = "save-failed-text";
    pub const NEWER_ELSEWHERE: &str = "newer-elsewhere";
    pub const TAKE_NEWER: &str = "take-newer";
    pub const KEEP_MINE: &str = "keep-mine";
    pub const GONE_ELSEWHERE: &str = "gone-elsewhere";
    pub const GONE_ELSEWHERE_TEXT: &str = "gone-elsewhere-text";
    pub const KEEP_GONE: &str = "keep-gone";
    pub const LET_GO: &str = "let-go";
    pub const RECOVERED_NOTICE: &str = "recovered-notice";
    pub const RECOVERED_COUNT: &str = "recovered-count";
    pub const STORED_PROBLEMS: &str = "stored-problems";
    /// The form and everything about it: one of the page's screens.
    pub const SCREEN_FORM: &str = "screen-form";
    /// The holder of the other screens (the tools module renders into it).
    pub const SCREEN_TOOLS: &str = "screen-tools";
    /// The holder's text until the tools module has mounted.
    pub const TOOLS_LOADING: &str = "tools-loading";
    /// Shown in the holder when the tools module could not be loaded.
    pub const TOOLS_FAILED: &str = "tools-failed";

    /// The tools module's start-up script, which the form module adds to the page (not in the
    /// markup, so not in [`ALL`]); the script marks itself failed under this id.
    pub const TOOLS_SCRIPT: &str = "tools-boot";

    /// Every id above but [`TOOLS_SCRIPT`]: what the page's markup must carry, each once (tests/form_ids.rs).
    pub const ALL: &[&str] = &[
        MAIN,
        ANNOUNCER,
        DRAFT_NAME,
        SAVE_STATUS,
        SAVE_STATUS_SPOKEN,
        PROGRESS_TEXT,
        PROGRESS_BAR,
        PROGRESS_PERCENT,
        CHECK_BUTTON,
        UPDATE_NOTICE,
        UPDATE_BUTTON,
        STORAGE_UNAVAILABLE,
        STORAGE_UNAVAILABLE_TEXT,
        SAVE_FAILED,
        SAVE_FAILED_TEXT,
        NEWER_ELSEWHERE,
        TAKE_NEWER,
        KEEP_MINE,
        GONE_ELSEWHERE,
        GONE_ELSEWHERE_TEXT,
        KEEP_GONE,
        LET_GO,
        RECOVERED_NOTICE,
        RECOVERED_COUNT,
        STORED_PROBLEMS,
        SCREEN_FORM,
        SCREEN_TOOLS,
        TOOLS_LOADING,
        TOOLS_FAILED,
    ];
}
