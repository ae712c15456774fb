//! Why a stored draft or a loaded file could not be used, with the message the user reads.

use std::fmt;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DraftError {
    /// Not JSON at all (a truncated write, another program's data, a text file).
    NotJson,
    /// JSON, but not one of our formats.
    NotOurs,
    /// Written by a newer version of this app; refused, and left as it is.
    NewerVersion { found: u64, supported: u64 },
    /// Our format, for another survey (another year's, say); refused, and left as it is.
    OtherSurvey { found: String, expected: String },
    /// Our format and survey, but a field is missing or of the wrong type.
    Damaged(String),
}

impl fmt::Display for DraftError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::NotJson => write!(f, "JSON形式のデータではありません。"),
            Self::NotOurs => write!(f, "この回答準備ツールのデータではありません。"),
            Self::NewerVersion { found, supported } => write!(
                f,
                "新しい版のツールで作られたデータです（形式 第{found}版。この版が読めるのは第{supported}版まで）。ツールを更新してから開いてください。"
            ),
            Self::OtherSurvey { found, expected } => write!(
                f,
                "別の調査（{found}）のデータです。この画面の調査（{expected}）には読み込めません。"
            ),
            Self::Damaged(detail) => write!(f, "データの一部が壊れています（{detail}）。"),
        }
    }
}

/// A failure of the browser's storage itself.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StoreError {
    /// localStorage is disabled, blocked by policy or missing (some private modes).
    Unavailable,
    QuotaExceeded,
    Other(String),
}

impl fmt::Display for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Unavailable => write!(
                f,
                "このブラウザでは下書きを保存できません（保存領域が無効になっているか、制限されています）。入力内容はこの画面を閉じるまで保持されます。失わないよう、JSONファイルに保存してください。"
            ),
            Self::QuotaExceeded => write!(
                f,
                "ブラウザの保存領域がいっぱいで、下書きを保存できませんでした。入力内容はこの画面に残っています。不要な下書きを削除するか、JSONファイルに保存してください。"
            ),
            Self::Other(detail) => write!(
                f,
                "下書きを保存できませんでした（{detail}）。入力内容はこの画面に残っています。JSONファイルに保存してください。"
            ),
        }
    }
}
