//! The one place that talks to localStorage, through gloo-storage. Every failure becomes a
//! `StoreError`; nothing here panics or throws, because a browser that refuses storage must still
//! let the user answer.
//!
//! gloo-storage's typed `get`/`set` would store every value wrapped as a serde_json string (a
//! different stored format, and serde_json in the answering page's first load); the drafts are
//! already JSON texts, so this uses its `LocalStorage::raw()` handle and maps the browser's
//! exceptions to our errors itself.

use gloo_storage::{LocalStorage, Storage};
use wasm_bindgen::{JsCast, JsValue};

use js_sys::{Object, Reflect};

use super::screens::SHARED_MEMORY;
use crate::draft::{KeyValueStore, StoreError};

/// Where drafts live: the browser's localStorage, or, when the browser refuses it, an object of the
/// page's memory (a property of the window, `SHARED_MEMORY`) that both of the page's modules use,
/// so that a draft opened or a file loaded on the tools screens reaches the form as it would
/// through storage.
pub enum Backend {
    Browser(web_sys::Storage),
    Memory(Object),
}

/// The page's memory store, made by whichever module asks first.
fn shared_memory() -> Object {
    let window = js_sys::global();
    if let Ok(existing) = Reflect::get(&window, &SHARED_MEMORY.into())
        && existing.is_object()
    {
        return existing.unchecked_into();
    }
    let memory = Object::new();
    let _ = Reflect::set(&window, &SHARED_MEMORY.into(), &memory);
    memory
}

impl Backend {
    /// localStorage if the browser grants it; the error says why not.
    pub fn open() -> (Self, Option<StoreError>) {
        // gloo-storage's `raw()` throws (it cannot return an error) when storage is disabled or
        // blocked, so the browser is asked first whether it grants storage at all.
        let granted = web_sys::window()
            .ok_or(StoreError::Unavailable)
            .and_then(|window| window.local_storage().map_err(|e| store_error(&e)))
            .and_then(|storage| storage.ok_or(StoreError::Unavailable));
        match granted {
            Ok(_) => (Self::Browser(LocalStorage::raw()), None),
            Err(error) => (Self::Memory(shared_memory()), Some(error)),
        }
    }
}

impl KeyValueStore for Backend {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        match self {
            Self::Browser(storage) => storage.get_item(key).map_err(|e| store_error(&e)),
            Self::Memory(memory) => Ok(Reflect::get(memory, &key.into())
                .ok()
                .and_then(|value| value.as_string())),
        }
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), StoreError> {
        match self {
            Self::Browser(storage) => storage.set_item(key, value).map_err(|e| store_error(&e)),
            Self::Memory(memory) => Reflect::set(memory, &key.into(), &value.into())
                .map(|_| ())
                .map_err(|e| store_error(&e)),
        }
    }

    fn remove(&mut self, key: &str) -> Result<(), StoreError> {
        match self {
            Self::Browser(storage) => storage.remove_item(key).map_err(|e| store_error(&e)),
            Self::Memory(memory) => Reflect::delete_property(memory, &key.into())
                .map(|_| ())
                .map_err(|e| store_error(&e)),
        }
    }

    fn keys(&self) -> Result<Vec<String>, StoreError> {
        match self {
            Self::Browser(storage) => {
                let length = storage.length().map_err(|e| store_error(&e))?;
                let mut keys = Vec::with_capacity(length as usize);
                for index in 0..length {
                    if let Some(key) = storage.key(index).map_err(|e| store_error(&e))? {
                        keys.push(key);
                    }
                }
                Ok(keys)
            }
            Self::Memory(memory) => Ok(Object::keys(memory)
                .iter()
                .filter_map(|key| key.as_string())
                .collect()),
        }
    }
}

/// The browser's exception as our error: a full storage, a disabled one, or something else.
fn store_error(error: &JsValue) -> StoreError {
    match error.dyn_ref::<web_sys::DomException>() {
        Some(exception) if exception.name() == "QuotaExceededError" || exception.code() == 22 => {
            StoreError::QuotaExceeded
        }
        Some(exception) if exception.name() == "SecurityError" => StoreError::Unavailable,
        Some(exception) => StoreError::Other(exception.name()),
        None => StoreError::Other(
            error
                .as_string()
                .unwrap_or_else(|| "不明なエラー".to_owned()),
        ),
    }
}
