//! How the open draft stands against storage, and the words both pages show for it.

use super::error::{DraftError, StoreError};

/// How a time is written in the status line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimeForm {
    /// 2026年11月24日 10:15: when the draft was last saved, on opening it.
    DateAndTime,
    /// 10:15:02: while the user types, the status changes every few seconds.
    TimeOfDay,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveStatus {
    /// Nothing written since it was opened: what is shown is what is stored.
    Opened,
    Saved {
        at: String,
    },
    /// Another tab saved this draft while this tab had nothing unsaved: its answers are shown.
    TakenFromElsewhere {
        at: String,
    },
    /// The browser refused the save; the answers are still on the page.
    Failed(StoreError),
    /// Another tab saved this draft (at `at`) while this tab had unsaved changes: the user
    /// chooses. (The other version itself stays in the session, so that the status is cheap.)
    Conflict {
        at: String,
    },
    /// The open draft is no longer stored: deleted in another tab, or the browser's data cleared.
    Gone {
        cleared: bool,
    },
    /// What is stored under this id belongs to a newer app or another survey: never written over.
    Refused(DraftError),
}

impl SaveStatus {
    /// Whether what the page shows is in storage.
    pub fn is_stored(&self) -> bool {
        matches!(
            self,
            Self::Opened | Self::Saved { .. } | Self::TakenFromElsewhere { .. }
        )
    }

    /// Whether saving waits for the user's choice (writing now could destroy something).
    pub fn waits_for_user(&self) -> bool {
        matches!(
            self,
            Self::Conflict { .. } | Self::Gone { .. } | Self::Refused(_)
        )
    }

    /// The short status line beside the draft's name. `memory_only`: storage is off, so nothing
    /// is ever saved; `opened_at`: when the open draft was last saved; `time` writes a stored time
    /// as the user reads it.
    pub fn shown(
        &self,
        memory_only: bool,
        opened_at: &str,
        time: impl Fn(&str, TimeForm) -> String,
    ) -> String {
        match self {
            Self::Opened | Self::Saved { .. } | Self::TakenFromElsewhere { .. } if memory_only => {
                "保存されません".to_owned()
            }
            Self::Opened => format!("最終保存 {}", time(opened_at, TimeForm::DateAndTime)),
            Self::Saved { at } => format!("自動保存しました（{}）", time(at, TimeForm::TimeOfDay)),
            Self::TakenFromElsewhere { at } => format!(
                "別のタブで保存された内容を表示しています（{}）",
                time(at, TimeForm::TimeOfDay)
            ),
            Self::Failed(_) => "保存できませんでした".to_owned(),
            Self::Conflict { .. } => "別のタブで更新されています".to_owned(),
            Self::Gone { .. } => "この下書きは保存場所にありません".to_owned(),
            Self::Refused(_) => "保存できません".to_owned(),
        }
    }

    /// What a screen reader hears when the status changes (a polite live region).
    pub fn spoken(&self, memory_only: bool) -> &'static str {
        match self {
            Self::Opened | Self::Saved { .. } | Self::TakenFromElsewhere { .. } if memory_only => {
                "下書きは保存されません"
            }
            Self::Opened => "",
            Self::Saved { .. } => "下書きを自動保存しています",
            Self::TakenFromElsewhere { .. } => "別のタブで保存された内容を表示しています",
            Self::Failed(_) => "下書きを保存できませんでした",
            Self::Conflict { .. } => {
                "別のタブでこの下書きが更新されました。入力内容はまだ保存されていません"
            }
            Self::Gone { .. } => "この下書きは別のタブで削除されたか、保存データが消去されました",
            Self::Refused(_) => "この下書きは保存できません",
        }
    }

    /// The sentence of the notice for a status that needs the user (`None` for the others).
    pub fn notice(&self) -> Option<String> {
        match self {
            Self::Failed(error) => Some(error.to_string()),
            Self::Refused(error) => Some(format!(
                "この下書きは保存できません。{error}入力内容を失わないよう、JSONファイルに保存してください。"
            )),
            Self::Gone { cleared: true } => Some(
                "このブラウザの保存データが消去され、この下書きも消えました。画面の内容はまだ残っています。".to_owned(),
            ),
            Self::Gone { cleared: false } => Some(
                "この下書きは、別のタブ（またはウィンドウ）で削除されました。画面の内容はまだ残っています。".to_owned(),
            ),
            _ => None,
        }
    }
}
