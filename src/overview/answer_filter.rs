//! Narrowing the overview down by answers: 「Q2-1 が はい」 and 「Q17-6 が いいえ」. Conditions on
//! different items must all hold; conditions on the same item are alternatives (「Q3 が 0人 または
//! 1人」), since one hospital gives one answer to a single-choice item and AND would match nobody.

use std::fmt;

use crate::survey::{ItemId, Survey};

use super::hospital::Hospital;
use super::item_state::ItemState;

/// The hospitals whose valid answer to `item` is, or (multiple choice) includes, `choice`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FilterCondition {
    pub item: ItemId,
    pub choice: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FilterError {
    UnknownItem(String),
    /// A free-text or number item: there are no choices to match.
    NoChoices {
        number: String,
    },
    UnknownChoice {
        number: String,
        choice: String,
    },
}

impl fmt::Display for FilterError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::UnknownItem(id) => {
                write!(f, "絞り込みの設問「{id}」はこの調査にありません。")
            }
            Self::NoChoices { number } => write!(
                f,
                "{number} は選択式の設問ではないため、回答で絞り込めません。"
            ),
            Self::UnknownChoice { number, choice } => {
                write!(f, "{number} に選択肢「{choice}」はありません。")
            }
        }
    }
}

/// Conditions resolved to positions once, so that testing a hospital compares integers only.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AnswerFilter {
    /// Item index in survey order, and the choice indices any of which satisfies it.
    items: Vec<(usize, Vec<usize>)>,
}

impl AnswerFilter {
    /// Lets every hospital through.
    pub fn everyone() -> Self {
        Self::default()
    }

    /// Refuses, with the first fault, a condition naming an item or a choice the survey lacks: a
    /// filter that silently matched nothing would look like a real finding.
    pub fn new(survey: &Survey, conditions: &[FilterCondition]) -> Result<Self, FilterError> {
        let mut items: Vec<(usize, Vec<usize>)> = Vec::new();
        for condition in conditions {
            let Some((item_index, item)) = survey
                .items()
                .enumerate()
                .find(|(_, item)| item.id == condition.item)
            else {
                return Err(FilterError::UnknownItem(condition.item.clone()));
            };
            let choices = item.choices();
            if choices.is_empty() {
                return Err(FilterError::NoChoices {
                    number: item.number.clone(),
                });
            }
            let Some(choice_index) = choices.iter().position(|c| *c == condition.choice) else {
                return Err(FilterError::UnknownChoice {
                    number: item.number.clone(),
                    choice: condition.choice.clone(),
                });
            };
            match items.iter_mut().find(|(index, _)| *index == item_index) {
                Some((_, alternatives)) => alternatives.push(choice_index),
                None => items.push((item_index, vec![choice_index])),
            }
        }
        Ok(Self { items })
    }

    pub fn is_everyone(&self) -> bool {
        self.items.is_empty()
    }

    /// An item the hospital was not asked, did not answer or answered invalidly matches no choice.
    pub fn matches(&self, hospital: &Hospital<'_>) -> bool {
        let states = hospital.item_states();
        self.items
            .iter()
            .all(|(item_index, alternatives)| match states.get(*item_index) {
                Some(ItemState::Chose(chosen)) => alternatives.contains(chosen),
                Some(ItemState::Ticked(ticked)) => {
                    alternatives.iter().any(|choice| ticked.contains(choice))
                }
                _ => false,
            })
    }
}
