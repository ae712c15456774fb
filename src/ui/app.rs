//! The tools page: the open draft, its progress, and the screens the answering page links to
//! (review, readiness report, files). The form itself is the answering page's.

use leptos::ev;
use leptos::prelude::*;

use super::draft_bar::DraftBar;
use super::draft_list::DraftList;
use super::draft_notices::DraftNotices;
use super::draft_session::DraftSession;
use super::export_panel::ExportPanel;
use super::file_import::{FileOutcome, files_of, import_files};
use super::focus::focus_after_render;
use super::form_state::FormState;
use super::json_file_panel::JsonFilePanel;
use super::page_drop::listen_for_drops;
use super::progress_panel::ProgressPanel;
use super::readiness_report::ReadinessReport;
use super::review_view::ReviewView;
use super::screen::{Screen, ScreenTabs};
use super::section_nav::SectionNav;
use super::update_notice::UpdateNotice;
use crate::survey::{Survey, r6_survey};

#[component]
pub fn App() -> impl IntoView {
    // The survey lives as long as the page; leaking it lets every component borrow it freely.
    let survey: &'static Survey = Box::leak(Box::new(r6_survey()));
    view! { <ToolsPage survey /> }
}

#[component]
fn ToolsPage(survey: &'static Survey) -> impl IntoView {
    let state = FormState::new(survey);
    let drafts = DraftSession::start(state);
    // Files loaded and drafts switched here are saved at once; leaving or hiding the page saves
    // whatever a pending effect has not yet written.
    Effect::new(move |_| {
        state.answers.track();
        drafts.save_now();
    });
    let _ = window_event_listener(ev::pagehide, move |_| drafts.save_now());
    let _ = window_event_listener(ev::visibilitychange, move |_| {
        if document().hidden() {
            drafts.save_now();
        }
    });
    let _ = window_event_listener(ev::storage, move |ev| drafts.storage_changed(ev.key()));
    // Back from the answering page may restore this page from the browser's cache as it was
    // left: start again from storage, where the answers typed meanwhile are.
    let _ = window_event_listener(ev::pageshow, move |ev| {
        if ev.persisted() && !drafts.memory_only {
            let _ = window().location().reload();
        }
    });

    let hash = window().location().hash().unwrap_or_default();
    let screen = RwSignal::new(Screen::from_hash(&hash));
    let list_open = RwSignal::new(hash == "#drafts");
    // The link the user followed names what they came for: the list, or one of the two panels.
    if let Some(heading) = Screen::heading_for(&hash) {
        focus_after_render(heading.to_owned());
    }
    let outcomes = RwSignal::new(Vec::<FileOutcome>::new());
    let dragging = listen_for_drops(move |data| {
        import_files(
            files_of(data.and_then(|data| data.files())),
            drafts,
            outcomes,
        );
    });
    view! {
        <a class="skip-link" href="#main">"本文へ移動"</a>
        <header class="site-header">
            <div class="header-inner">
                <p class="site-name">"サイバーセキュリティ対策調査 回答準備ツール"</p>
                <h1>{survey.title.as_str()}</h1>
            </div>
        </header>
        <DraftBar drafts list_open />
        <ProgressPanel state />
        <div class="drop-hint" class:drop-hint-visible=move || dragging.get() aria-hidden="true">
            "ここにJSONファイルをドロップすると、新しい下書きとして読み込みます"
        </div>
        <div class="layout">
            <SectionNav state />
            <main id="main" tabindex="-1">
                <UpdateNotice drafts />
                <DraftNotices drafts outcomes />
                <DraftList drafts open=list_open />
                <ScreenTabs screen />
                {move || match screen.get() {
                    Screen::Review => view! { <ReviewView form=state /> }.into_any(),
                    Screen::Report => view! { <ReadinessReport form=state /> }.into_any(),
                    Screen::Files => view! {
                        <div class="files-screen">
                            <JsonFilePanel form=state drafts outcomes />
                            <ExportPanel form=state />
                        </div>
                    }.into_any(),
                }}
            </main>
        </div>
        <footer class="site-footer">
            <p>"このツールは回答の準備を助けるものです。調査への回答は G-MIS 上で行ってください。"</p>
        </footer>
    }
}
