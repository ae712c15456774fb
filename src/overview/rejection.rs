//! Why a file added to the overview was left out. Such a file never stops the others: it is listed
//! with its name and the reason, in the words the single-hospital app uses for the same refusal.

use std::fmt;

use crate::export::{FileError, MAX_FILE_BYTES};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Rejection {
    /// Read as text, then refused by the answer file reader (not JSON, another survey, …).
    Refused(FileError),
    /// Bytes that are not UTF-8: this tool writes its files in UTF-8 only.
    NotUtf8,
    /// The browser could not read the file at all (moved or deleted meanwhile, no permission).
    ReadFailed,
}

impl Rejection {
    /// For a file the page does not read because its size alone rules it out.
    pub fn too_large(bytes: usize) -> Self {
        Self::Refused(FileError::TooLarge {
            bytes,
            limit: MAX_FILE_BYTES,
        })
    }
}

impl fmt::Display for Rejection {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Refused(error) => write!(f, "{error}"),
            Self::NotUtf8 => write!(
                f,
                "文字コードがUTF-8ではありません。このツールで保存したJSONファイルを選んでください。"
            ),
            Self::ReadFailed => write!(f, "ファイルを読み取れませんでした。"),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RejectedFile {
    pub file_name: String,
    pub reason: Rejection,
}
