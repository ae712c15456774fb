//! What the form page's modules take from Leptos: its reactive core (reactive_graph, the crate
//! `leptos::prelude` re-exports these from) and a few browser helpers, without the leptos crate.

use std::time::Duration;

use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;

pub use reactive_graph::computed::Memo;
pub use reactive_graph::effect::Effect;
pub use reactive_graph::owner::{LocalStorage, Owner, StoredValue};
pub use reactive_graph::prelude::*;
pub use reactive_graph::signal::RwSignal;

pub fn window() -> web_sys::Window {
    web_sys::window().expect("window")
}

pub fn document() -> web_sys::Document {
    window().document().expect("document")
}

pub fn request_animation_frame(f: impl FnOnce() + 'static) {
    let closure = Closure::once_into_js(f);
    let _ = window().request_animation_frame(closure.unchecked_ref());
}

pub fn set_timeout(f: impl FnOnce() + 'static, delay: Duration) {
    let closure = Closure::once_into_js(f);
    let _ = window().set_timeout_with_callback_and_timeout_and_arguments_0(
        closure.unchecked_ref(),
        delay.as_millis() as i32,
    );
}
