//! The page: header, progress, the sections of the survey, and the check.

use std::time::Duration;

use leptos::ev;
use leptos::prelude::*;

use super::announcer::Announcer;
use super::check_result::{CHECK_RESULT_ID, CheckResult};
use super::draft_bar::DraftBar;
use super::draft_list::DraftList;
use super::draft_notices::DraftNotices;
use super::draft_session::DraftSession;
use super::export_panel::ExportPanel;
use super::file_import::{FileOutcome, files_of, import_files};
use super::focus::focus_after_render;
use super::form_state::FormState;
use super::page_drop::listen_for_drops;
use super::progress_panel::ProgressPanel;
use super::readiness_report::ReadinessReport;
use super::review_view::ReviewView;
use super::screen::{Screen, ScreenTabs};
use super::section_nav::SectionNav;
use super::section_view::SectionView;
use super::survey_intro::SurveyIntro;
use super::update_notice::UpdateNotice;
use crate::survey::{Survey, r6_survey};

#[component]
pub fn App() -> impl IntoView {
    // The survey lives as long as the page; leaking it lets every component borrow it freely.
    let survey: &'static Survey = Box::leak(Box::new(r6_survey()));
    view! { <SurveyPage survey /> }
}

#[component]
fn SurveyPage(survey: &'static Survey) -> impl IntoView {
    let state = FormState::new(survey);
    // Released after the click it belongs to has run, so an error shown on leaving a field cannot
    // move the thing being clicked.
    let _ = window_event_listener(ev::pointerdown, move |_| state.pointer_pressed());
    let _ = window_event_listener(ev::pointerup, move |_| {
        set_timeout(move || state.pointer_released(), Duration::ZERO);
    });
    let _ = window_event_listener(ev::pointercancel, move |_| state.pointer_released());

    let drafts = DraftSession::start(state);
    // Every change is saved as soon as it is made; leaving or hiding the page saves whatever a
    // pending effect has not yet written.
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

    // Opened from the form page's links (tools/#review, #report, #drafts, #files, #export).
    let hash = window().location().hash().unwrap_or_default();
    let screen = RwSignal::new(match hash.as_str() {
        "#review" => Screen::Review,
        "#report" => Screen::Report,
        _ => Screen::Form,
    });
    let list_open = RwSignal::new(hash == "#drafts");
    let outcomes = RwSignal::new(Vec::<FileOutcome>::new());
    let dragging = listen_for_drops(move |data| {
        import_files(
            files_of(data.and_then(|data| data.files())),
            drafts,
            outcomes,
        );
    });
    let check = Callback::new(move |()| {
        state.check_requested.set(true);
        focus_after_render(CHECK_RESULT_ID.to_owned());
    });
    view! {
        <a class="skip-link" href="#main">"本文へ移動"</a>
        <header class="site-header">
            <div class="header-inner">
                <p class="site-name">"サイバーセキュリティ対策調査 回答準備ツール"</p>
                <h1>{survey.title.as_str()}</h1>
            </div>
        </header>
        <Announcer form=state />
        <DraftBar form=state drafts list_open outcomes />
        <ProgressPanel state on_check=check />
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
                    Screen::Form => ().into_any(),
                    Screen::Review => view! { <ReviewView form=state screen /> }.into_any(),
                    Screen::Report => view! { <ReadinessReport form=state screen /> }.into_any(),
                }}
                <div class="screen-form" hidden=move || screen.get() != Screen::Form>
                <SurveyIntro survey />
                <form class="survey-form" novalidate on:submit=move |ev| {
                    ev.prevent_default();
                    check.run(());
                }>
                    {survey
                        .sections
                        .iter()
                        .enumerate()
                        .map(|(index, section)| view! { <SectionView state section position=index + 1 /> })
                        .collect_view()}
                    <div class="form-end">
                        <CheckResult state />
                        <button type="submit" class="button button-primary">"回答内容を確認する"</button>
                    </div>
                </form>
                <ExportPanel form=state />
                </div>
            </main>
        </div>
        <footer class="site-footer">
            <p>"このツールは回答の準備を助けるものです。調査への回答は G-MIS 上で行ってください。"</p>
        </footer>
    }
}
