//! One survey item: its lead sentence, its control, its error and its 回答要領.

use leptos::ev::FocusEvent;
use leptos::html::Div;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::advisory_notes::AdvisoryNotes;
use super::choice_group::ChoiceGroup;
use super::focus::item_anchor;
use super::form_state::FormState;
use super::guidance_view::GuidanceBlocks;
use super::number_field::NumberField;
use super::text_field::TextField;
use crate::survey::{AnswerKind, Item};

#[component]
pub fn ItemView(state: FormState, item: &'static Item) -> impl IntoView {
    let id = item.id.as_str();
    let control_area = NodeRef::<Div>::new();
    let lead_id = format!("lead-{id}");
    let error_id = format!("error-{id}");
    let badge_id = format!("badge-{id}");
    // A group of checkboxes cannot carry aria-required, so its 必須 badge describes it instead.
    let badge_describes = matches!(item.answer, AnswerKind::Multiple { .. }) && item.required;
    let described_by = [
        item.lead.as_ref().map(|_| lead_id.clone()),
        badge_describes.then(|| badge_id.clone()),
        Some(error_id.clone()),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" ");
    let error = move || state.shown_error(id);

    // Leaving the control (not moving between its own radio buttons) makes its error due.
    let on_focusout = move |ev: FocusEvent| {
        let still_inside = match (control_area.get(), ev.related_target()) {
            (Some(area), Some(next)) => next
                .dyn_into::<web_sys::Node>()
                .is_ok_and(|next| area.contains(Some(&next))),
            _ => false,
        };
        if !still_inside {
            state.leave(id);
        }
    };

    let control = match item.answer {
        AnswerKind::Text { .. } => view! { <TextField state item described_by /> }.into_any(),
        AnswerKind::Integer { .. } => view! { <NumberField state item described_by /> }.into_any(),
        AnswerKind::YesNo | AnswerKind::Single { .. } | AnswerKind::Multiple { .. } => {
            view! { <ChoiceGroup state item described_by /> }.into_any()
        }
    };

    view! {
        <div
            class="item"
            class:item-invalid=move || error().is_some()
            class:item-follow-up=item.when.is_some()
            id=item_anchor(id)
        >
            <div class="item-badges">
                {if item.required {
                    view! { <span class="badge badge-required" id=badge_id>"必須"</span> }.into_any()
                } else {
                    view! { <span class="badge badge-optional">"任意"</span> }.into_any()
                }}
            </div>
            {item.lead.as_deref().map(|lead| view! { <p class="item-lead" id=lead_id>{lead}</p> })}
            <div class="item-control" node_ref=control_area on:focusout=on_focusout>
                {control}
            </div>
            <p class="item-error" id=error_id>
                {move || {
                    error()
                        .map(|error| {
                            view! {
                                <span class="error-mark" aria-hidden="true">"！"</span>
                                <span class="visually-hidden">"エラー："</span>
                                {error.to_string()}
                            }
                        })
                }}
            </p>
            <AdvisoryNotes form=state item />
            <details class="guidance">
                <summary>{format!("回答要領（{}）", item.number)}</summary>
                <div class="guidance-body">
                    <GuidanceBlocks blocks=&item.guidance />
                </div>
            </details>
        </div>
    }
}
