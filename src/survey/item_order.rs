//! The survey's items by position, in definition order, with the position of the item each
//! condition names. Worked out once per survey so that judging answers compares positions, not
//! item ids: the overview judges 10,000 files with one of these.

use super::answers::{Answer, Answers};
use super::definition::{Item, Survey};

#[derive(Debug, Clone)]
pub struct ItemOrder<'a> {
    survey: &'a Survey,
    /// For each item with a condition, the position of the item the condition names (always an
    /// earlier one: the definition check enforces it); `None` for an unconditional item, or for a
    /// condition naming no item of the survey, which is then never met.
    parents: Vec<Option<usize>>,
}

impl<'a> ItemOrder<'a> {
    pub fn of(survey: &'a Survey) -> Self {
        // Plain loops here and below: the answering page's wasm pays for each iterator adapter.
        let mut parents = Vec::with_capacity(survey.item_count());
        for item in survey.items() {
            parents.push(item.when.as_ref().and_then(|condition| {
                let mut found = None;
                for (position, parent) in survey.items().enumerate() {
                    if parent.id == condition.item {
                        found = Some(position);
                        break;
                    }
                }
                found
            }));
        }
        Self { survey, parents }
    }

    pub fn survey(&self) -> &'a Survey {
        self.survey
    }

    pub fn len(&self) -> usize {
        self.parents.len()
    }

    pub fn is_empty(&self) -> bool {
        self.parents.is_empty()
    }

    /// The position of the item its condition names.
    pub fn parent(&self, position: usize) -> Option<usize> {
        self.parents.get(position).copied().flatten()
    }

    /// The position of an item by its id.
    pub fn position(&self, id: &str) -> Option<usize> {
        self.survey.items().position(|item| item.id == id)
    }

    pub fn item(&self, position: usize) -> Option<&'a Item> {
        self.survey.items().nth(position)
    }

    /// Each item's answer, in survey order, looked up by id: fine for one set of answers (the
    /// overview merges instead, see [`crate::overview::ItemPositions`]).
    pub fn answers_in_order<'b>(&self, answers: &'b Answers) -> Vec<Option<&'b Answer>> {
        let mut in_order = Vec::with_capacity(self.parents.len());
        for item in self.survey.items() {
            in_order.push(answers.get(&item.id));
        }
        in_order
    }
}
