//! Which screen the page shows: the form, the review (the print document), or the readiness
//! report. The form stays in the page while hidden, so nothing typed is rebuilt or lost.

use leptos::prelude::*;

use super::focus::{focus_item, item_anchor};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    Form,
    Review,
    Report,
}

impl Screen {
    fn label(self) -> &'static str {
        match self {
            Screen::Form => "回答を入力する",
            Screen::Review => "回答を確認・印刷する",
            Screen::Report => "対策状況レポート",
        }
    }
}

/// Back to the form, with focus on an item's control once the form is shown again.
pub fn edit_item(screen: RwSignal<Screen>, item: String) {
    screen.set(Screen::Form);
    request_animation_frame(move || focus_item(&item));
}

#[component]
pub fn ScreenTabs(screen: RwSignal<Screen>) -> impl IntoView {
    view! {
        <nav class="screen-tabs" aria-label="画面の切り替え">
            {[Screen::Form, Screen::Review, Screen::Report]
                .into_iter()
                .map(|target| view! {
                    <button
                        type="button"
                        class="screen-tab"
                        aria-current=move || (screen.get() == target).then_some("page")
                        on:click=move |_| {
                            screen.set(target);
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

/// A link from the review or the report back to an item in the form.
#[component]
pub fn EditItemLink(screen: RwSignal<Screen>, item: String, children: Children) -> impl IntoView {
    let href = format!("#{}", item_anchor(&item));
    view! {
        <a href=href on:click=move |ev| {
            ev.prevent_default();
            edit_item(screen, item.clone());
        }>{children()}</a>
    }
}

/// Opens the browser's print dialog (and its "save as PDF").
pub fn print_page() {
    let _ = window().print();
}
