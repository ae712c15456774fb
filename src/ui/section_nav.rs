//! The tools page's list of sections with how far each is answered; each links to its section on
//! the answering page (whose own list is static markup from build.rs).

use leptos::prelude::*;

use super::form_state::FormState;

#[component]
pub fn SectionNav(state: FormState) -> impl IntoView {
    let links = state
        .survey
        .sections
        .iter()
        .enumerate()
        .map(|(index, section)| {
            let progress = move || state.evaluation().section_progress(section);
            view! {
                <li class:section-done=move || progress().is_complete()>
                    <a href=format!("../#section-{}", section.id)>
                        <span class="nav-title">{format!("{}. {}", index + 1, section.title)}</span>
                        <span class="nav-count">
                            {move || {
                                let p = progress();
                                if p.is_complete() {
                                    "回答済み".to_owned()
                                } else {
                                    format!("{}/{}", p.answered, p.required)
                                }
                            }}
                        </span>
                    </a>
                </li>
            }
        })
        .collect_view();
    view! {
        <nav class="section-nav" aria-label="設問の区分">
            <h2 class="nav-heading">"設問の区分"</h2>
            <ol>{links}</ol>
        </nav>
    }
}
