//! Loading answer files chosen with the file picker or dropped on the page. Each good file becomes a
//! new draft; a bad one is refused with the reason, and no existing draft is touched either way.

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen_futures::JsFuture;

use super::draft_session::DraftSession;
use crate::export::{FileError, FileWarning, MAX_FILE_BYTES, read_answer_file};

#[derive(Debug, Clone, PartialEq)]
pub enum FileOutcome {
    Loaded {
        file: String,
        draft: String,
        warnings: Vec<FileWarning>,
    },
    Refused {
        file: String,
        reason: String,
    },
}

pub fn files_of(list: Option<web_sys::FileList>) -> Vec<web_sys::File> {
    let Some(list) = list else { return Vec::new() };
    (0..list.length()).filter_map(|i| list.get(i)).collect()
}

pub fn import_files(
    files: Vec<web_sys::File>,
    drafts: DraftSession,
    outcomes: RwSignal<Vec<FileOutcome>>,
) {
    spawn_local(async move {
        for file in files {
            let outcome = import_one(&file, drafts).await;
            outcomes.update(|all| all.push(outcome));
        }
    });
}

async fn import_one(file: &web_sys::File, drafts: DraftSession) -> FileOutcome {
    let name = file.name();
    let refused = |reason: String| FileOutcome::Refused {
        file: name.clone(),
        reason,
    };
    // Refuse a huge file before reading it into memory.
    let bytes = file.size() as usize;
    if bytes > MAX_FILE_BYTES {
        return refused(
            FileError::TooLarge {
                bytes,
                limit: MAX_FILE_BYTES,
            }
            .to_string(),
        );
    }
    // The bytes, decoded here rather than by `Blob.text()`, which drops a leading byte order mark
    // before the reader could see it: a file with two must reach the reader with both, to be
    // refused. Invalid UTF-8 becomes U+FFFD, as `text()` would make it.
    let text = match JsFuture::from(file.array_buffer()).await {
        Ok(buffer) => {
            String::from_utf8_lossy(&js_sys::Uint8Array::new(&buffer).to_vec()).into_owned()
        }
        Err(_) => return refused("ファイルを読み取れませんでした。".to_owned()),
    };
    match read_answer_file(drafts.survey(), &text) {
        Ok(loaded) => match drafts.create(loaded.answers, None) {
            // Created but not stored (storage full): the draft would be gone at the next switch,
            // so the file is reported as not loaded, with the reason.
            Ok(()) if !drafts.memory_only && !untrack(|| drafts.status()).is_stored() => refused(
                untrack(|| drafts.status())
                    .notice()
                    .unwrap_or_else(|| "新しい下書きとして保存できませんでした。".to_owned()),
            ),
            Ok(()) => FileOutcome::Loaded {
                file: name.clone(),
                draft: drafts.current_name_untracked(),
                warnings: loaded.warnings,
            },
            Err(error) => refused(super::draft_session::save_error_message(&error)),
        },
        Err(error) => refused(error.to_string()),
    }
}
