//! Which screen the tools page shows: the review (the print document), the readiness report, or
//! the files (JSON answer files and the CSV for G-MIS). The form itself is the answering page, one
//! level up: its markup lives in one place, so a link to an item leaves this page for it.

use leptos::prelude::*;

use super::focus::item_anchor;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    Review,
    Report,
    Files,
}

impl Screen {
    /// The screen the answering page's links ask for (tools/#review, #report, #drafts, #files,
    /// #export); the review when none does.
    pub fn from_hash(hash: &str) -> Screen {
        match hash {
            "#report" => Screen::Report,
            "#drafts" | "#files" | "#export" => Screen::Files,
            _ => Screen::Review,
        }
    }

    /// The heading a link's hash names, which takes focus when the page opens there.
    pub fn heading_for(hash: &str) -> Option<&'static str> {
        match hash {
            "#drafts" => Some("draft-list-title"),
            "#files" => Some("json-file-title"),
            "#export" => Some("export-title"),
            _ => None,
        }
    }

    fn hash(self) -> &'static str {
        match self {
            Screen::Review => "#review",
            Screen::Report => "#report",
            Screen::Files => "#files",
        }
    }

    fn label(self) -> &'static str {
        match self {
            Screen::Review => "回答を確認・印刷する",
            Screen::Report => "対策状況レポート",
            Screen::Files => "ファイルの保存・出力",
        }
    }
}

/// The answering page's address of an item, from the tools page.
pub fn item_on_form(item: &str) -> String {
    format!("../#{}", item_anchor(item))
}

#[component]
pub fn ScreenTabs(screen: RwSignal<Screen>) -> impl IntoView {
    view! {
        <nav class="screen-tabs" aria-label="画面の切り替え">
            <a class="screen-tab" href="../">"回答を入力する"</a>
            {[Screen::Review, Screen::Report, Screen::Files]
                .into_iter()
                .map(|target| view! {
                    <button
                        type="button"
                        class="screen-tab"
                        aria-current=move || (screen.get() == target).then_some("page")
                        on:click=move |_| {
                            screen.set(target);
                            // A reload or a bookmark comes back to the same screen; replacing the
                            // entry keeps Back going to the answering page.
                            let _ = window().location().replace(target.hash());
                            window().scroll_to_with_x_and_y(0.0, 0.0);
                        }
                    >
                        {target.label()}
                    </button>
                })
                .collect_view()}
        </nav>
    }
}

/// A link from the review, the report or the CSV panel to an item on the answering page, which
/// focuses the item's control when it opens.
#[component]
pub fn ItemOnFormLink(item: String, children: Children) -> impl IntoView {
    view! { <a href=item_on_form(&item)>{children()}</a> }
}

/// Opens the browser's print dialog (and its "save as PDF").
pub fn print_page() {
    let _ = window().print();
}
