//! How much is left, in the words the progress bar (index.html) and the draft list both use.

use crate::survey::Progress;

/// How far along, in the words the progress bar and the draft list both use.
pub fn describe_progress(progress: Progress) -> String {
    if progress.is_complete() {
        format!("必須の{}問すべてに回答済みです", progress.required)
    } else {
        format!(
            "必須 {}問中 {}問 回答済み（残り {}問）",
            progress.required,
            progress.answered,
            progress.remaining(),
        )
    }
}
