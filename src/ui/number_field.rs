//! A whole-number answer typed in half-width digits, with its unit beside it.

use leptos::prelude::*;

use super::focus::field_id;
use super::form_state::FormState;
use super::item_label::ItemLabel;
use crate::survey::{AnswerKind, Item};

#[component]
pub fn NumberField(state: FormState, item: &'static Item, described_by: String) -> impl IntoView {
    let id = item.id.as_str();
    let (min, max, unit) = match &item.answer {
        AnswerKind::Integer { min, max, unit } => (*min, *max, unit.as_str()),
        _ => (0, 0, ""),
    };
    let hint_id = format!("hint-{id}");
    let value = Memo::new(move |_| state.answers.with(|a| a.text(id).to_owned()));
    let invalid = move || state.shown_error(id).is_some().then_some("true");
    view! {
        <ItemLabel item for_control=field_id(id) />
        <p class="field-hint" id=hint_id.clone()>
            {format!("半角数字で入力してください（{min}～{max}{unit}）。")}
        </p>
        <div class="number-row">
            <input
                type="text"
                inputmode="numeric"
                class="number-input"
                id=field_id(id)
                autocomplete="off"
                aria-required=item.required.then_some("true")
                aria-invalid=invalid
                aria-describedby=format!("{hint_id} {described_by}")
                prop:value=move || value.get()
                on:input:target=move |ev| state.set_text(id, ev.target().value())
                on:change=move |_| state.settle_number(id)
            />
            <span class="unit" aria-hidden="true">{unit}</span>
        </div>
        {move || {
            state
                .notice(id)
                .map(|notice| view! { <p class="field-notice" role="status">{notice.to_string()}</p> })
        }}
    }
}
