//! A horizontal bar for a share, drawn inline as SVG (no chart library). The numbers are in the
//! table cells beside it, so the bar is hidden from screen readers.

use leptos::prelude::*;

/// `tenths_of_percent`: 0 to 1000 (a multiple-choice share never exceeds 100% of its own base).
#[component]
pub fn ShareBar(tenths_of_percent: u64) -> impl IntoView {
    let width = tenths_of_percent.min(1000) as f64 / 10.0;
    view! {
        <svg
            class="share-bar"
            viewBox="0 0 100 10"
            preserveAspectRatio="none"
            aria-hidden="true"
            focusable="false"
        >
            <rect class="share-bar-track" x="0" y="0" width="100" height="10"></rect>
            <rect class="share-bar-fill" x="0" y="0" width=width.to_string() height="10"></rect>
        </svg>
    }
}
