//! Whether an answer is acceptable, with the message the user reads. Which items are judged at all
//! (only asked ones: an answer hidden by a branch is kept but never judged) is
//! [`crate::survey::Evaluation`]'s rule.

use std::fmt;

use super::answers::Answer;
use super::definition::{AnswerKind, Item, ItemId};
use super::number_input::{NumberError, parse_whole_number};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ItemError {
    NotEntered,
    NotSelected,
    NoneTicked,
    TooLong {
        max: usize,
        actual: usize,
    },
    ControlCharacter,
    NotWholeNumber,
    OutOfRange {
        min: u32,
        max: u32,
        unit: String,
    },
    /// A value the item does not offer; only a loaded file or an edited definition can cause it.
    NotAChoice(String),
    /// An answer of another shape than the item takes (text for a はい/いいえ item, say).
    WrongShape,
    /// An answer file held a value the item cannot take, which the reader left out.
    LeftOutOfFile,
}

impl fmt::Display for ItemError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::NotEntered => write!(f, "入力してください。"),
            Self::NotSelected => write!(f, "いずれかを選択してください。"),
            Self::NoneTicked => write!(f, "1つ以上選択してください。"),
            Self::TooLong { max, actual } => {
                write!(f, "{max}文字以内で入力してください（現在{actual}文字）。")
            }
            Self::ControlCharacter => {
                write!(
                    f,
                    "改行やタブなどの制御文字は使えません。削除してください。"
                )
            }
            Self::NotWholeNumber => {
                write!(f, "数字だけを半角で入力してください（例：8）。")
            }
            Self::OutOfRange { min, max, unit } => {
                write!(f, "{min}～{max}{unit}の範囲で入力してください。")
            }
            Self::NotAChoice(value) => {
                write!(f, "「{value}」は選択肢にありません。選択し直してください。")
            }
            Self::WrongShape => {
                write!(
                    f,
                    "この設問に合わない形式の回答です。回答し直してください。"
                )
            }
            Self::LeftOutOfFile => {
                write!(
                    f,
                    "ファイルの回答がこの設問に合わないため、読み込めませんでした。回答し直してください。"
                )
            }
        }
    }
}

/// Judges one item's answer as if the item were asked.
pub fn check_item(item: &Item, answer: Option<&Answer>) -> Result<(), ItemError> {
    let Some(answer) = answer.filter(|answer| answer.is_given()) else {
        return if item.required {
            Err(missing(&item.answer))
        } else {
            Ok(())
        };
    };
    match (&item.answer, answer) {
        (AnswerKind::Text { max_chars }, Answer::Text(text)) => check_text(text, *max_chars),
        (AnswerKind::Integer { min, max, unit }, Answer::Text(typed)) => {
            match parse_whole_number(typed) {
                Ok(number) if (*min..=*max).contains(&number) => Ok(()),
                Ok(_) | Err(NumberError::TooLarge) => Err(ItemError::OutOfRange {
                    min: *min,
                    max: *max,
                    unit: unit.clone(),
                }),
                Err(NumberError::Empty | NumberError::NotDigits) => Err(ItemError::NotWholeNumber),
            }
        }
        (AnswerKind::YesNo | AnswerKind::Single { .. }, Answer::Choice(choice)) => {
            offered(item, choice)
        }
        (AnswerKind::Multiple { .. }, Answer::Choices(choices)) => {
            choices.iter().try_for_each(|choice| offered(item, choice))
        }
        _ => Err(ItemError::WrongShape),
    }
}

/// The message for a required item left unanswered.
pub fn missing(kind: &AnswerKind) -> ItemError {
    match kind {
        AnswerKind::Text { .. } | AnswerKind::Integer { .. } => ItemError::NotEntered,
        AnswerKind::YesNo | AnswerKind::Single { .. } => ItemError::NotSelected,
        AnswerKind::Multiple { .. } => ItemError::NoneTicked,
    }
}

fn check_text(text: &str, max_chars: usize) -> Result<(), ItemError> {
    let text = text.trim();
    if text.chars().any(char::is_control) {
        return Err(ItemError::ControlCharacter);
    }
    let actual = text.chars().count();
    if actual > max_chars {
        return Err(ItemError::TooLong {
            max: max_chars,
            actual,
        });
    }
    Ok(())
}

fn offered(item: &Item, choice: &str) -> Result<(), ItemError> {
    if item.choices().iter().any(|offered| offered == choice) {
        Ok(())
    } else {
        Err(ItemError::NotAChoice(choice.to_owned()))
    }
}

/// A problem of an asked item, as [`crate::survey::Evaluation::problems`] lists them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemProblem {
    pub item: ItemId,
    pub error: ItemError,
}
