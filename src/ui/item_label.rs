//! The 項番 and wording of an item, as the label of its control or the legend of its group, so that
//! the accessible name starts with the 項番 and carries the survey's wording.

use leptos::prelude::*;

use crate::survey::Item;

#[component]
fn NumberAndText(item: &'static Item) -> impl IntoView {
    view! {
        <span class="item-number">{item.number.as_str()}</span>
        " "
        <span class="item-text">{item.text.as_str()}</span>
    }
}

/// A `<label>` for a single control.
#[component]
pub fn ItemLabel(item: &'static Item, for_control: String) -> impl IntoView {
    view! {
        <label class="item-title" for=for_control>
            <NumberAndText item />
        </label>
    }
}

/// A `<legend>`: the first child of the fieldset that groups an item's choices.
#[component]
pub fn ItemLegend(item: &'static Item, id: String) -> impl IntoView {
    view! {
        <legend class="item-title" id=id>
            <NumberAndText item />
        </legend>
    }
}
