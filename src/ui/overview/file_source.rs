//! Which files the user gave: chosen one by one, as a folder, or dropped (folders included). A
//! folder's files are named by their path inside it, so two hospitals' `回答.json` stay apart.

use js_sys::{Array, Promise, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// A file to read, with the name the lists show for it.
pub struct GivenFile {
    pub name: String,
    pub file: web_sys::File,
}

/// The files of a file input (`multiple` or `webkitdirectory`).
pub fn files_of_input(list: Option<web_sys::FileList>) -> Vec<GivenFile> {
    let Some(list) = list else { return Vec::new() };
    (0..list.length())
        .filter_map(|index| list.get(index))
        .map(|file| GivenFile {
            name: display_name(&file),
            file,
        })
        .collect()
}

/// The path inside a chosen folder when there is one, else the file's name.
fn display_name(file: &web_sys::File) -> String {
    // Not in web-sys's bindings; every browser the app supports has it.
    Reflect::get(file, &JsValue::from_str("webkitRelativePath"))
        .ok()
        .and_then(|path| path.as_string())
        .filter(|path| !path.is_empty())
        .unwrap_or_else(|| file.name())
}

/// What was dropped, taken while the drop event lasts: the browser forgets the items afterwards.
pub enum Dropped {
    File(web_sys::File),
    Entry(web_sys::FileSystemEntry),
}

pub fn take_dropped(data: Option<web_sys::DataTransfer>) -> Vec<Dropped> {
    let Some(data) = data else { return Vec::new() };
    let items = data.items();
    let mut dropped = Vec::new();
    for index in 0..items.length() {
        let Some(item) = items.get(index) else {
            continue;
        };
        if item.kind() != "file" {
            continue;
        }
        match item.webkit_get_as_entry() {
            Ok(Some(entry)) => dropped.push(Dropped::Entry(entry)),
            _ => {
                if let Ok(Some(file)) = item.get_as_file() {
                    dropped.push(Dropped::File(file));
                }
            }
        }
    }
    dropped
}

/// Every file of what was dropped, folders walked to the bottom. A folder that cannot be read is
/// reported by name instead of silently missing.
pub async fn files_of_drop(dropped: Vec<Dropped>) -> (Vec<GivenFile>, Vec<String>) {
    let mut files = Vec::new();
    let mut unreadable = Vec::new();
    let mut pending: Vec<web_sys::FileSystemEntry> = Vec::new();
    for item in dropped {
        match item {
            Dropped::File(file) => files.push(GivenFile {
                name: file.name(),
                file,
            }),
            Dropped::Entry(entry) => pending.push(entry),
        }
    }
    while let Some(entry) = pending.pop() {
        let path = entry.full_path().trim_start_matches('/').to_owned();
        if entry.is_directory() {
            match directory_entries(entry.unchecked_into()).await {
                Ok(children) => pending.extend(children),
                Err(()) => unreadable.push(path),
            }
        } else if entry.is_file() {
            match file_of_entry(entry.unchecked_into()).await {
                Ok(file) => files.push(GivenFile { name: path, file }),
                Err(()) => unreadable.push(path),
            }
        }
    }
    // A folder is walked in no particular order; the lists read better sorted.
    files.sort_by(|a, b| a.name.cmp(&b.name));
    (files, unreadable)
}

async fn directory_entries(
    directory: web_sys::FileSystemDirectoryEntry,
) -> Result<Vec<web_sys::FileSystemEntry>, ()> {
    let reader = directory.create_reader();
    let mut entries = Vec::new();
    // readEntries hands out a folder in batches (100 in Chromium) until it returns none.
    loop {
        let batch = Promise::new(&mut |resolve, reject| {
            if let Err(error) = reader.read_entries_with_callback_and_callback(&resolve, &reject) {
                let _ = reject.call1(&wasm_bindgen::JsValue::NULL, &error);
            }
        });
        let batch: Array = JsFuture::from(batch)
            .await
            .map_err(|_| ())?
            .dyn_into()
            .map_err(|_| ())?;
        if batch.length() == 0 {
            return Ok(entries);
        }
        entries.extend(batch.iter().filter_map(|entry| entry.dyn_into().ok()));
    }
}

async fn file_of_entry(entry: web_sys::FileSystemFileEntry) -> Result<web_sys::File, ()> {
    let file = Promise::new(&mut |resolve, reject| {
        entry.file_with_callback_and_callback(&resolve, &reject);
    });
    JsFuture::from(file)
        .await
        .map_err(|_| ())?
        .dyn_into()
        .map_err(|_| ())
}
