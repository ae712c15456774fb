//! One item of one hospital, as the overview counts it. Judged once when the file is added, so that
//! counting 10,000 hospitals again for every change of filter is integer work only.

use crate::export::FileWarning;
use crate::survey::number_input::parse_whole_number;
use crate::survey::{Answer, AnswerKind, Item, Survey, check_item};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ItemState {
    /// Hidden by the branching: whatever the file holds for it is not an answer to the survey.
    NotAsked,
    Unanswered,
    /// Given but not valid (a number out of range, text too long, a value the item does not offer):
    /// 無効, never counted as a choice.
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

/// Every item's state, in survey order, from each item's answer and whether it is asked (both in
/// survey order, see [`super::item_positions::ItemPositions`]). `refused` are the reader's
/// warnings for the file: an asked item whose value the reader left out (「たぶん」 for a はい/いいえ
/// item) was answered, invalidly, so it counts as 無効 rather than as not answered.
pub fn judge_items(
    survey: &Survey,
    answers_in_order: &[Option<&Answer>],
    asked: &[bool],
    refused: &[FileWarning],
) -> Vec<ItemState> {
    survey
        .items()
        .zip(answers_in_order.iter().zip(asked))
        .map(|(item, (answer, &is_asked))| {
            if !is_asked {
                return ItemState::NotAsked;
            }
            match answer.filter(|answer| answer.is_given()) {
                None if was_refused(item, refused) => ItemState::Invalid,
                None => ItemState::Unanswered,
                Some(answer) if check_item(item, Some(answer)).is_err() => ItemState::Invalid,
                Some(answer) => valid_state(item, answer),
            }
        })
        .collect()
}

fn was_refused(item: &Item, refused: &[FileWarning]) -> bool {
    refused.iter().any(|warning| {
        matches!(warning, FileWarning::ImpossibleValue { item: id, .. } if *id == item.id)
    })
}

fn valid_state(item: &Item, answer: &Answer) -> ItemState {
    let choices = item.choices();
    match (&item.answer, answer) {
        (AnswerKind::Text { .. }, _) => ItemState::Text,
        (AnswerKind::Integer { .. }, Answer::Text(typed)) => {
            parse_whole_number(typed).map_or(ItemState::Invalid, ItemState::Number)
        }
        (AnswerKind::YesNo | AnswerKind::Single { .. }, Answer::Choice(chosen)) => choices
            .iter()
            .position(|choice| choice == chosen)
            .map_or(ItemState::Invalid, ItemState::Chose),
        (AnswerKind::Multiple { .. }, Answer::Choices(ticked)) => ItemState::Ticked(
            choices
                .iter()
                .enumerate()
                .filter(|(_, choice)| ticked.contains(choice))
                .map(|(index, _)| index)
                .collect(),
        ),
        // check_item has refused every other pairing already.
        _ => ItemState::Invalid,
    }
}
