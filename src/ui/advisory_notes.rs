//! The readiness advisories an item's answer raises, shown under the item as the user answers.

use leptos::prelude::*;

use super::form_state::FormState;
use super::readiness_report::level_label;
use crate::survey::{Item, advisories_for};

#[component]
pub fn AdvisoryNotes(form: FormState, item: &'static Item) -> impl IntoView {
    let raised = move || form.answers.with(|answers| advisories_for(item, answers));
    view! {
        {move || raised().into_iter().map(|advisory| view! {
            <div class="advisory" class:advisory-note=advisory.level == crate::survey::AdvisoryLevel::Note>
                <p>
                    <span class="badge advisory-level">{format!("対策状況：{}", level_label(advisory.level))}</span>
                    " "
                    {advisory.message.as_str()}
                </p>
                <p class="advisory-reference">{format!("参照：{}", advisory.reference)}</p>
            </div>
        }).collect_view()}
    }
}
