//! Files dropped anywhere on a page: the browser must be stopped from opening them itself, and the
//! page shows a hint while something is dragged over it. Both pages take drops this way.

use leptos::ev;
use leptos::prelude::*;

/// Listens on the window; returns whether something is being dragged over the page, and calls
/// `on_drop` with what was dropped.
pub fn listen_for_drops(
    on_drop: impl Fn(Option<web_sys::DataTransfer>) + 'static,
) -> RwSignal<bool> {
    let dragging = RwSignal::new(false);
    let _ = window_event_listener(ev::dragover, move |ev| {
        ev.prevent_default();
        dragging.set(true);
    });
    let _ = window_event_listener(ev::dragleave, move |ev| {
        // Leaving for another element of the page is not leaving the page.
        if ev.related_target().is_none() {
            dragging.set(false);
        }
    });
    let _ = window_event_listener(ev::drop, move |ev| {
        ev.prevent_default();
        dragging.set(false);
        on_drop(ev.data_transfer());
    });
    dragging
}
