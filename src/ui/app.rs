//! The tools module: the screens of the one page besides the form (review, readiness report,
//! files, drafts), mounted into the page's holder for them (index.html). The header, the draft
//! bar, the progress, the tabs and the form are the page's own, bound by the form module; the two
//! modules meet in storage and in the address (screens.rs).

use leptos::ev;
use leptos::prelude::*;

use super::draft_list::DraftList;
use super::draft_notices::DraftNotices;
use super::draft_session::DraftSession;
use super::export_panel::ExportPanel;
use super::file_import::{FileOutcome, files_of, import_files};
use super::form_state::FormState;
use super::json_file_panel::JsonFilePanel;
use super::page_drop::listen_for_drops;
use super::readiness_report::ReadinessReport;
use super::review_view::ReviewView;
use super::screen::open_heading;
use super::screens::Screen;
use crate::survey::{Survey, served_survey};

#[component]
pub fn App() -> impl IntoView {
    // The survey lives as long as the page; leaking it lets every component borrow it freely.
    let survey: &'static Survey = Box::leak(Box::new(served_survey()));
    view! { <ToolsScreens survey /> }
}

fn address() -> String {
    window().location().hash().unwrap_or_default()
}

#[component]
fn ToolsScreens(survey: &'static Survey) -> impl IntoView {
    let state = FormState::new(survey);
    let drafts = DraftSession::start(state);
    let screen = RwSignal::new(Screen::from_hash(&address()));
    let showing = move || screen.get_untracked() != Screen::Form;
    // Files loaded and drafts switched here are saved at once; leaving or hiding the page while
    // these screens show saves whatever a pending effect has not yet written. (While the form
    // shows, it is the form's to save: this session may hold an older copy.)
    Effect::new(move |_| {
        state.answers.track();
        drafts.save_now();
    });
    let _ = window_event_listener(ev::pagehide, move |_| {
        if showing() {
            drafts.save_now();
        }
    });
    let _ = window_event_listener(ev::visibilitychange, move |_| {
        if showing() && document().hidden() {
            drafts.save_now();
        }
    });
    // Answers kept nowhere but here (a draft deleted elsewhere and not yet kept, storage off):
    // leaving asks first, as the form does for its own.
    let _ = window_event_listener(ev::beforeunload, move |ev| {
        if showing() && drafts.unsaved_in_memory() {
            ev.prevent_default();
            ev.set_return_value("unsaved");
        }
    });
    // Back to this page restored from the browser's cache: what storage holds now.
    let _ = window_event_listener(ev::pageshow, move |ev| {
        if ev.persisted() && showing() {
            drafts.open_for_screens();
        }
    });
    // While the form shows, its session answers other tabs' writes; these screens start again
    // from storage when they show.
    let _ = window_event_listener(ev::storage, move |ev| {
        if showing() {
            drafts.storage_changed(ev.key());
        }
    });
    // The form module saved before it hid the form (its listener was added first, so it runs
    // first): what these screens show is read from storage as they open.
    let _ = window_event_listener(ev::hashchange, move |_| {
        let hash = address();
        if Screen::keeps_screen(&hash) {
            return;
        }
        let next = Screen::from_hash(&hash);
        if next != Screen::Form {
            if !showing() {
                drafts.open_for_screens();
            }
            open_heading(&hash);
        }
        screen.set(next);
    });
    if showing() {
        drafts.open_for_screens();
        open_heading(&address());
    }
    let outcomes = RwSignal::new(Vec::<FileOutcome>::new());
    let dragging = listen_for_drops(move |data| {
        if showing() {
            import_files(
                files_of(data.and_then(|data| data.files())),
                drafts,
                outcomes,
            );
        }
    });
    view! {
        <div class="drop-hint" class:drop-hint-visible=move || dragging.get() && screen.get() != Screen::Form aria-hidden="true">
            "ここにJSONファイルをドロップすると、新しい下書きとして読み込みます"
        </div>
        <DraftNotices drafts />
        {move || match screen.get() {
            Screen::Form => ().into_any(),
            Screen::Review => view! { <ReviewView form=state /> }.into_any(),
            Screen::Report => view! { <ReadinessReport form=state /> }.into_any(),
            Screen::Drafts => view! { <DraftList drafts /> }.into_any(),
            Screen::Files => view! {
                <div class="files-screen">
                    <JsonFilePanel form=state drafts outcomes />
                    <ExportPanel form=state />
                </div>
            }.into_any(),
        }}
    }
}
