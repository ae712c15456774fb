//! A link to an item that moves keyboard focus to its control, not just the scroll position.

use leptos::prelude::*;

use super::focus::{focus_item, item_anchor};

#[component]
pub fn ItemLink(item: String, children: Children) -> impl IntoView {
    let href = format!("#{}", item_anchor(&item));
    view! {
        <a href=href on:click=move |ev| {
            ev.prevent_default();
            focus_item(&item);
        }>{children()}</a>
    }
}
