//! The screens of the one page and their addresses. The page is one document: the form is always
//! there (static markup, bound by form_page.rs); the other screens (review, report, files, drafts)
//! are the tools module's, loaded into the same document on demand. Both modules read the screen
//! from the address with this one function, so a link, a bookmark, Back and Forward all agree.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    Form,
    Review,
    Report,
    Files,
    Drafts,
}

impl Screen {
    /// Every screen, in the order of the tabs.
    pub const ALL: [Screen; 5] = [
        Screen::Form,
        Screen::Review,
        Screen::Report,
        Screen::Files,
        Screen::Drafts,
    ];

    /// The screen an address (`location.hash`) asks for: `#review`, `#report`, `#files` (and
    /// `#export`, the CSV panel on it), `#drafts`; anything else (`#form`, `#check`, `#item-…`, a
    /// section, none) is the form.
    pub fn from_hash(hash: &str) -> Screen {
        match hash {
            "#review" => Screen::Review,
            "#report" => Screen::Report,
            "#files" | "#export" => Screen::Files,
            "#drafts" => Screen::Drafts,
            _ => Screen::Form,
        }
    }

    /// Whether an address changes no screen: the skip link's (「本文へ移動」, `#main`), which
    /// only moves to the content of the screen that shows.
    pub fn keeps_screen(hash: &str) -> bool {
        hash == "#main"
    }

    /// The words of the screen's tab: the one way to the screen, named the same everywhere.
    pub fn tab_label(self) -> &'static str {
        match self {
            Screen::Form => "回答を入力する",
            Screen::Review => "回答を確認・印刷する",
            Screen::Report => "対策状況レポート",
            Screen::Files => "ファイルの保存・出力",
            Screen::Drafts => "下書きの一覧",
        }
    }

    /// The screen's own address: what its tab links to (markup::answering_page).
    pub fn address(self) -> &'static str {
        match self {
            Screen::Form => "#form",
            Screen::Review => "#review",
            Screen::Report => "#report",
            Screen::Files => "#files",
            Screen::Drafts => "#drafts",
        }
    }

    #[cfg(feature = "tools")]
    /// The heading that takes focus when a tools screen opens (the address `#export` names the
    /// CSV panel's heading instead of the files screen's).
    pub fn heading(hash: &str) -> &'static str {
        match Screen::from_hash(hash) {
            Screen::Review => headings::REVIEW,
            Screen::Report => headings::REPORT,
            Screen::Files if hash == "#export" => headings::EXPORT,
            Screen::Files => headings::JSON_FILE,
            Screen::Drafts => headings::DRAFT_LIST,
            Screen::Form => crate::markup::form_ids::page::MAIN,
        }
    }
}

/// The ids of the tools screens' headings: the components write them, and a screen opened by its
/// address takes focus there (`Screen::heading`).
pub mod headings {
    pub const REVIEW: &str = "review-heading";
    pub const REPORT: &str = "report-heading";
    pub const JSON_FILE: &str = "json-file-title";
    pub const EXPORT: &str = "export-title";
    pub const DRAFT_LIST: &str = "draft-list-title";
}

/// What the form module leaves for the tools screens when storage does not hold what the form
/// shows (its last save failed): `<draft id>\n<the draft's stored form>`, in
/// a property of the window. Without it they would show, and save to a file, an older version.
pub const FORM_HANDOVER: &str = "cyberSurveyFormDraft";
/// Where the page keeps its drafts when the browser refuses storage: an object both modules read
/// and write as they would localStorage (ui/browser_storage.rs).
pub const SHARED_MEMORY: &str = "cyberSurveyDrafts";
/// The event the tools module sends after the user saved the answers to a JSON file, so that
/// leaving the page no longer warns that they are kept nowhere.
pub const SAVED_TO_FILE_EVENT: &str = "cyber-survey-saved-to-file";
/// The event the tools module sends after it changed stored drafts (opened, created, renamed,
/// loaded or deleted one), so that the form, the draft bar and the progress follow at once.
pub const DRAFTS_CHANGED_EVENT: &str = "cyber-survey-drafts-changed";
