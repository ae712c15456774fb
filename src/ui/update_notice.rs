//! 「新しい版があります」: shown when the service worker has a new release ready. The page keeps the
//! release it started with until the user chooses to update, so two releases never mix.

use leptos::prelude::*;

use super::draft_session::DraftSession;

/// Set and dispatched by web/sw-client.js (which may run before this component exists).
const READY_FLAG: &str = "cyberSurveyUpdateAvailable";
const READY_EVENT: &str = "cyber-survey-update-available";
const APPLY_EVENT: &str = "cyber-survey-apply-update";

fn ready_already() -> bool {
    js_sys::Reflect::get(&window(), &READY_FLAG.into()).is_ok_and(|flag| flag.is_truthy())
}

#[component]
pub fn UpdateNotice(drafts: DraftSession) -> impl IntoView {
    let ready = RwSignal::new(ready_already());
    let _ = window_event_listener_untyped(READY_EVENT, move |_| ready.set(true));
    let apply = move |_| {
        // The draft is saved before the page reloads into the new release.
        drafts.save_now();
        if let Ok(event) = web_sys::Event::new(APPLY_EVENT) {
            let _ = window().dispatch_event(&event);
        }
    };
    view! {
        <Show when=move || ready.get()>
            <div class="notice notice-info update-notice" role="status">
                <p>
                    <strong>"新しい版があります。"</strong>
                    "更新すると、このページが新しい版で開き直します。入力中の下書きはそのまま残ります。"
                </p>
                <button type="button" class="button button-primary" on:click=apply>"新しい版に更新する"</button>
            </div>
        </Show>
    }
}
