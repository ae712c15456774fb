//! One item of one hospital, as the overview counts it: the survey's [`evaluation::ItemState`]
//! without its message, kept small because 10,000 hospitals each keep one per item. Taken once when
//! the file is added, so that counting again for every change of filter is integer work only.
//!
//! [`evaluation::ItemState`]: crate::survey::evaluation::ItemState

use crate::survey::{AnswerValue, evaluation};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ItemState {
    /// Hidden by the branching: whatever the file holds for it is not an answer to the survey.
    NotAsked,
    Unanswered,
    /// Given but not valid (a number out of range, text too long, a value the item does not offer,
    /// a value the reader left out): 無効, never counted as a choice.
    Invalid,
    /// The index of the chosen choice of a はい/いいえ or single-choice item.
    Chose(usize),
    /// The indices of the ticked choices of a multiple-choice item, in the survey's order.
    Ticked(Box<[usize]>),
    Number(u32),
    /// Valid free text: that it was answered is all the overview counts, never what it says.
    Text,
}

impl ItemState {
    /// Asked, and answered validly.
    pub fn is_valid_answer(&self) -> bool {
        matches!(
            self,
            Self::Chose(_) | Self::Ticked(_) | Self::Number(_) | Self::Text
        )
    }
}

impl From<&evaluation::ItemState> for ItemState {
    fn from(state: &evaluation::ItemState) -> Self {
        match state {
            evaluation::ItemState::NotAsked => Self::NotAsked,
            evaluation::ItemState::Unanswered { .. } => Self::Unanswered,
            evaluation::ItemState::Invalid(_) => Self::Invalid,
            evaluation::ItemState::Answered(value) => match value {
                AnswerValue::Text => Self::Text,
                AnswerValue::Number(number) => Self::Number(*number),
                AnswerValue::Chose(index) => Self::Chose(*index),
                AnswerValue::Ticked(indices) => Self::Ticked(indices.as_slice().into()),
            },
        }
    }
}
