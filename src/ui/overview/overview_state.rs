//! The overview page's state: the files added so far (the core's `Collection`), the answer filter,
//! and how far a load has got. Components read from here and send every action through here.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::file_reading::{ReadFile, ReadProblem, read_all};
use super::file_source::GivenFile;
use crate::overview::{AnswerFilter, Collection, FilterCondition, FilterError, Rejection};
use crate::survey::Survey;

/// How far the current load has got.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LoadProgress {
    pub read: usize,
    pub total: usize,
}

#[derive(Clone, Copy)]
pub struct OverviewState {
    pub survey: &'static Survey,
    collection: StoredValue<Collection<'static>>,
    /// Files given but not yet read.
    queue: StoredValue<Vec<GivenFile>, LocalStorage>,
    /// Bumped whenever the collection changes: what reads the collection tracks this.
    revision: RwSignal<u64>,
    pub loading: RwSignal<Option<LoadProgress>>,
    pub conditions: RwSignal<Vec<FilterCondition>>,
    /// Files or folders the browser would not hand over (a dropped folder it could not list).
    pub unlisted: RwSignal<Vec<String>>,
    /// Set when a load ends, for the live region: 「…件を読み込みました」.
    pub last_load: RwSignal<Option<String>>,
}

impl OverviewState {
    pub fn new(survey: &'static Survey) -> Self {
        Self {
            survey,
            collection: StoredValue::new(Collection::new(survey)),
            queue: StoredValue::new_local(Vec::new()),
            revision: RwSignal::new(0),
            loading: RwSignal::new(None),
            conditions: RwSignal::new(Vec::new()),
            unlisted: RwSignal::new(Vec::new()),
            last_load: RwSignal::new(None),
        }
    }

    /// Reads the collection, tracking its changes.
    pub fn with_collection<T>(&self, read: impl FnOnce(&Collection<'static>) -> T) -> T {
        self.revision.track();
        self.collection.with_value(read)
    }

    /// Reads the collection without tracking: for actions such as saving a file.
    pub fn collection_untracked<T>(&self, read: impl FnOnce(&Collection<'static>) -> T) -> T {
        self.collection.with_value(read)
    }

    /// The filter the conditions make. Conditions are only ever built from the survey's own items
    /// and choices, so an error here means a bug; it is shown rather than silently ignored.
    pub fn filter(&self) -> Result<AnswerFilter, FilterError> {
        self.conditions
            .with(|conditions| AnswerFilter::new(self.survey, conditions))
    }

    /// Adds the files to those already loaded. Files given while a load runs (dropped meanwhile)
    /// join the queue and are read after it, never dropped.
    pub fn add_files(&self, files: Vec<GivenFile>) {
        if files.is_empty() {
            return;
        }
        let state = *self;
        state.queue.update_value(|queue| queue.extend(files));
        if let Some(progress) = state.loading.get_untracked() {
            let total = state.queue.with_value(Vec::len) + progress.read;
            state.loading.set(Some(LoadProgress { total, ..progress }));
            return;
        }
        let total = state.queue.with_value(Vec::len);
        state.loading.set(Some(LoadProgress { read: 0, total }));
        state.last_load.set(None);
        let before = state.collection.with_value(Collection::files_added);
        spawn_local(async move {
            let mut read = 0;
            loop {
                let files = state
                    .queue
                    .try_update_value(std::mem::take)
                    .unwrap_or_default();
                if files.is_empty() {
                    break;
                }
                read_all(files, |batch| {
                    read += batch.len();
                    state
                        .collection
                        .update_value(|collection| add_batch(collection, batch));
                    let queued = state.queue.with_value(Vec::len);
                    state.loading.update(|progress| {
                        if let Some(progress) = progress {
                            progress.read = read;
                            progress.total = progress.total.max(read + queued);
                        }
                    });
                })
                .await;
            }
            state.loading.set(None);
            state.revision.update(|revision| *revision += 1);
            let added = state.collection.with_value(Collection::files_added) - before;
            state.last_load.set(Some(format!(
                "{added}件のファイルを読み込み、集計しました。"
            )));
        });
    }

    pub fn note_unlisted(&self, names: Vec<String>) {
        if !names.is_empty() {
            self.unlisted.update(|all| all.extend(names));
        }
    }

    /// Forgets every file, to start a new overview.
    pub fn clear(&self) {
        if self.loading.get_untracked().is_some() {
            return;
        }
        self.collection.set_value(Collection::new(self.survey));
        self.conditions.set(Vec::new());
        self.unlisted.set(Vec::new());
        self.last_load
            .set(Some("読み込んだファイルをすべて消去しました。".to_owned()));
        self.revision.update(|revision| *revision += 1);
    }

    pub fn add_condition(&self, condition: FilterCondition) {
        self.conditions.update(|conditions| {
            if !conditions.contains(&condition) {
                conditions.push(condition);
            }
        });
    }

    pub fn remove_condition(&self, condition: &FilterCondition) {
        self.conditions
            .update(|conditions| conditions.retain(|c| c != condition));
    }
}

fn add_batch(collection: &mut Collection<'static>, batch: Vec<ReadFile>) {
    for file in batch {
        match file.contents {
            Ok(bytes) => {
                collection.add_bytes(&file.name, &bytes);
            }
            Err(ReadProblem::TooLarge { bytes }) => {
                collection.add_unreadable(&file.name, Rejection::too_large(bytes));
            }
            Err(ReadProblem::Unreadable) => {
                collection.add_unreadable(&file.name, Rejection::ReadFailed);
            }
        }
    }
}
