//! Reads the given files' bytes, many at a time. Asking the browser for 10,000 small files one by
//! one costs a round trip each (about 0.25 ms in Chromium, 2.5 s in all); a batch is instead joined
//! into one Blob, read in one go, and cut back into files by their sizes. Each batch is handed on
//! as it arrives, so the page can count.

use js_sys::{Array, Uint8Array};
use wasm_bindgen_futures::JsFuture;

use super::file_source::GivenFile;
use crate::export::MAX_FILE_BYTES;

const BATCH: usize = 500;

/// One file's bytes, or why there are none. Whether the bytes are text is the core's to judge.
pub struct ReadFile {
    pub name: String,
    pub contents: Result<Vec<u8>, ReadProblem>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum ReadProblem {
    TooLarge { bytes: usize },
    Unreadable,
}

/// Reads every file, calling `on_batch` after each batch with that batch's results. The next
/// batch is already being read (by the browser, off the page's thread) while one is counted.
pub async fn read_all(files: Vec<GivenFile>, mut on_batch: impl FnMut(Vec<ReadFile>)) {
    let batches: Vec<&[GivenFile]> = files.chunks(BATCH).collect();
    let mut reading = batches.first().map(|batch| start_joined(batch));
    for (index, batch) in batches.iter().enumerate() {
        let current = reading.take();
        reading = batches.get(index + 1).map(|next| start_joined(next));
        let results = match current {
            Some(Some(read)) => finish_joined(batch, read).await,
            _ => None,
        };
        // One unreadable file (moved or deleted meanwhile) fails the joined read: that batch is
        // read again file by file so only the culprit is reported.
        let results = match results {
            Some(results) => results,
            None => read_one_by_one(batch).await,
        };
        on_batch(results);
    }
}

fn too_large(given: &GivenFile) -> Option<ReadFile> {
    let bytes = given.file.size() as usize;
    // A huge file is refused before it is read into memory.
    (bytes > MAX_FILE_BYTES).then(|| ReadFile {
        name: given.name.clone(),
        contents: Err(ReadProblem::TooLarge { bytes }),
    })
}

/// Starts reading the batch's files joined into one Blob.
fn start_joined(batch: &[GivenFile]) -> Option<JsFuture> {
    let parts = Array::new();
    for given in batch.iter().filter(|given| too_large(given).is_none()) {
        parts.push(&given.file);
    }
    let joined = web_sys::Blob::new_with_blob_sequence(&parts).ok()?;
    Some(JsFuture::from(joined.array_buffer()))
}

/// Cuts the joined bytes back into the batch's files.
async fn finish_joined(batch: &[GivenFile], read: JsFuture) -> Option<Vec<ReadFile>> {
    let buffer = read.await.ok()?;
    let bytes = Uint8Array::new(&buffer).to_vec();
    let mut offset = 0;
    let mut results = Vec::with_capacity(batch.len());
    for given in batch {
        if let Some(refused) = too_large(given) {
            results.push(refused);
            continue;
        }
        let end = offset + given.file.size() as usize;
        let contents = bytes.get(offset..end)?.to_vec();
        offset = end;
        results.push(ReadFile {
            name: given.name.clone(),
            contents: Ok(contents),
        });
    }
    // The joined Blob must be exactly the files laid end to end; anything else means a file
    // changed size while being read, and the cut would be wrong.
    (offset == bytes.len()).then_some(results)
}

async fn read_one_by_one(batch: &[GivenFile]) -> Vec<ReadFile> {
    let mut results = Vec::with_capacity(batch.len());
    for given in batch {
        if let Some(refused) = too_large(given) {
            results.push(refused);
            continue;
        }
        let contents = match JsFuture::from(given.file.array_buffer()).await {
            Ok(buffer) => Ok(Uint8Array::new(&buffer).to_vec()),
            Err(_) => Err(ReadProblem::Unreadable),
        };
        results.push(ReadFile {
            name: given.name.clone(),
            contents,
        });
    }
    results
}
