//! An item answered by choosing: radio buttons for one answer (はい/いいえ and single choice),
//! checkboxes for several. A fieldset whose legend is the item's 項番 and wording names the group.

use leptos::prelude::*;

use super::focus::field_id;
use super::form_state::FormState;
use super::item_label::ItemLegend;
use crate::survey::{AnswerKind, Item};

#[component]
pub fn ChoiceGroup(state: FormState, item: &'static Item, described_by: String) -> impl IntoView {
    let id = item.id.as_str();
    let several = matches!(item.answer, AnswerKind::Multiple { .. });
    let invalid = move || state.shown_error(id).is_some().then_some("true");
    // Named explicitly by its legend: a fieldset given the radiogroup role keeps the legend's name
    // only by that link in some browsers.
    let legend_id = format!("legend-{id}");
    let labelled_by = legend_id.clone();
    // A radiogroup can carry aria-required; a group of checkboxes cannot, so its legend's 必須
    // badge is what tells the user.
    let role = (!several).then_some("radiogroup");
    let required = (!several && item.required).then_some("true");
    let layout = if item.choices().len() <= 2 {
        "choices choices-inline"
    } else {
        "choices"
    };
    let options = item
        .choices()
        .iter()
        .enumerate()
        .map(|(index, choice)| {
            let control_id = if index == 0 {
                field_id(id)
            } else {
                format!("{}-{index}", field_id(id))
            };
            let checked = move || state.answers.with(|a| a.has_choice(id, choice));
            let input = if several {
                view! {
                    <input
                        type="checkbox"
                        id=control_id.clone()
                        value=choice.as_str()
                        prop:checked=checked
                        on:change:target=move |ev| {
                            state.set_ticked(item, choice, ev.target().checked())
                        }
                    />
                }
                .into_any()
            } else {
                view! {
                    <input
                        type="radio"
                        id=control_id.clone()
                        name=format!("answer-{id}")
                        value=choice.as_str()
                        prop:checked=checked
                        on:change=move |_| state.set_choice(id, choice.clone())
                    />
                }
                .into_any()
            };
            view! {
                <div class="choice">
                    {input}
                    <label for=control_id>{choice.as_str()}</label>
                </div>
            }
        })
        .collect_view();
    view! {
        <fieldset
            class="choice-group"
            role=role
            aria-labelledby=labelled_by
            aria-required=required
            aria-invalid=invalid
            aria-describedby=described_by
        >
            <ItemLegend item id=legend_id />
            <div class=layout>{options}</div>
        </fieldset>
    }
}
