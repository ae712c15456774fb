//! A one-line free-text answer.

use leptos::prelude::*;

use super::focus::field_id;
use super::form_state::FormState;
use super::item_label::ItemLabel;
use crate::survey::Item;

#[component]
pub fn TextField(state: FormState, item: &'static Item, described_by: String) -> impl IntoView {
    let id = item.id.as_str();
    let value = Memo::new(move |_| state.answers.with(|a| a.text(id).to_owned()));
    let invalid = move || state.shown_error(id).is_some().then_some("true");
    view! {
        <ItemLabel item for_control=field_id(id) />
        <input
            type="text"
            class="text-input"
            id=field_id(id)
            autocomplete="off"
            aria-required=item.required.then_some("true")
            aria-invalid=invalid
            aria-describedby=described_by
            prop:value=move || value.get()
            on:input:target=move |ev| state.set_text(id, ev.target().value())
        />
    }
}
