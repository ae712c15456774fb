//! Items by position in survey order, worked out once per survey. Judging a hospital then looks
//! its answers up in one pass over them, instead of a search by item id for every item and every
//! rule (string comparisons that, for 10,000 files, cost as much as parsing the files).

use crate::survey::visibility::condition_holds;
use crate::survey::{Answer, Answers, Survey};

#[derive(Debug, Clone)]
pub struct ItemPositions<'a> {
    survey: &'a Survey,
    /// Item ids in the order [`Answers`] keeps them (sorted), each with its position.
    by_id: Vec<(&'a str, usize)>,
    /// For each item with a condition, the position of the item the condition names.
    parents: Vec<Option<usize>>,
}

impl<'a> ItemPositions<'a> {
    pub fn of(survey: &'a Survey) -> Self {
        let mut by_id: Vec<(&str, usize)> = survey
            .items()
            .enumerate()
            .map(|(position, item)| (item.id.as_str(), position))
            .collect();
        by_id.sort_unstable();
        let parents = survey
            .items()
            .map(|item| {
                let condition = item.when.as_ref()?;
                survey
                    .items()
                    .position(|parent| parent.id == condition.item)
            })
            .collect();
        Self {
            survey,
            by_id,
            parents,
        }
    }

    pub fn survey(&self) -> &'a Survey {
        self.survey
    }

    /// Each item's answer, in survey order: a merge of two lists sorted alike. Answers to ids the
    /// survey lacks are passed over (the reader has left them out already).
    pub fn answers_in_order<'b>(&self, answers: &'b Answers) -> Vec<Option<&'b Answer>> {
        let mut in_order = vec![None; self.by_id.len()];
        let mut known = self.by_id.iter().peekable();
        for (id, answer) in answers.iter() {
            while known
                .next_if(|(known_id, _)| *known_id < id.as_str())
                .is_some()
            {}
            if let Some(&&(known_id, position)) = known.peek()
                && known_id == id
                && let Some(slot) = in_order.get_mut(position)
            {
                *slot = Some(answer);
            }
        }
        in_order
    }

    /// Whether each item is asked, in survey order: the rule of
    /// [`crate::survey::Visibility::of`] (asked when unconditional, or when the item its condition
    /// names is asked and its answer passes the test), read by position.
    pub fn asked(&self, answers_in_order: &[Option<&Answer>]) -> Vec<bool> {
        let mut asked = Vec::with_capacity(self.parents.len());
        for (item, parent) in self.survey.items().zip(&self.parents) {
            let is_asked = match (&item.when, parent) {
                (None, _) => true,
                (Some(condition), Some(parent)) => {
                    asked.get(*parent).copied().unwrap_or(false)
                        && condition_holds(
                            condition,
                            answers_in_order.get(*parent).copied().flatten(),
                        )
                }
                (Some(_), None) => false,
            };
            asked.push(is_asked);
        }
        asked
    }
}
