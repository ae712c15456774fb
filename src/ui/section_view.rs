//! A group of items under its heading. Items not asked are not rendered; their answers stay in the
//! state, so they come back as they were when the branch opens again.

use leptos::prelude::*;

use super::form_state::FormState;
use super::item_view::ItemView;
use crate::survey::Section;

pub fn section_anchor(id: &str) -> String {
    format!("section-{id}")
}

#[component]
pub fn SectionView(state: FormState, section: &'static Section, position: usize) -> impl IntoView {
    let heading_id = format!("{}-heading", section_anchor(&section.id));
    let labelled_by = heading_id.clone();
    view! {
        <section class="survey-section" id=section_anchor(&section.id) aria-labelledby=labelled_by>
            <h2 id=heading_id>
                <span class="section-position">{format!("{position}.")}</span>
                " "
                {section.title.as_str()}
            </h2>
            {section
                .items
                .iter()
                .map(|item| {
                    let id = item.id.as_str();
                    view! {
                        <Show when=move || state.is_asked(id)>
                            <ItemView state item />
                        </Show>
                    }
                })
                .collect_view()}
        </section>
    }
}
