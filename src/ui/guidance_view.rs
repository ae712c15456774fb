//! 回答要領 text, block by block: guideline quotations read as quotations, references as references.

use leptos::prelude::*;

use crate::survey::Block;

#[component]
pub fn GuidanceBlocks(blocks: &'static [Block]) -> impl IntoView {
    blocks.iter().map(render_block).collect_view()
}

fn render_block(block: &'static Block) -> AnyView {
    match block {
        Block::Heading(text) => view! { <h3 class="guide-heading">{text.as_str()}</h3> }.into_any(),
        Block::P(text) => view! { <p>{text.as_str()}</p> }.into_any(),
        Block::Reference(text) => {
            view! { <p class="guide-reference">{text.as_str()}</p> }.into_any()
        }
        Block::Source(text) => view! { <p class="guide-source">{text.as_str()}</p> }.into_any(),
        Block::Quote(text) => {
            view! { <blockquote class="guide-quote"><p>{text.as_str()}</p></blockquote> }.into_any()
        }
        Block::List(items) => view! {
            <ul class="guide-list">
                {items.iter().map(|item| view! { <li>{item.as_str()}</li> }).collect_view()}
            </ul>
        }
        .into_any(),
        // Shown as an address, opened in a new tab only if the user follows it: the app itself
        // never contacts another origin.
        Block::Link(url) => view! {
            <p class="guide-link">
                <a href=url.as_str() target="_blank" rel="noopener noreferrer">{url.as_str()}</a>
            </p>
        }
        .into_any(),
    }
}
