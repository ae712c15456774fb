//! The survey's items by position, in definition order, with the position of the item each
//! condition's tests name. Worked out once per survey so that judging answers compares positions, not
//! item ids: the overview judges 10,000 files with one of these.

use super::answers::{Answer, Answers};
use super::definition::{Item, Survey};

#[derive(Debug, Clone)]
pub struct ItemOrder<'a> {
    survey: &'a Survey,
    len: usize,
    /// For every test of every item's condition, in survey order and then in the order of the
    /// tests, the position of the item it names (always an earlier one: the definition check
    /// enforces it). A test naming no item of the survey has `None`, and is never met.
    references: Vec<Option<usize>>,
}

impl<'a> ItemOrder<'a> {
    pub fn of(survey: &'a Survey) -> Self {
        // Plain loops here and below: the answering page's wasm pays for each iterator adapter.
        let mut references = Vec::new();
        let mut len = 0;
        for item in survey.items() {
            len += 1;
            if let Some(when) = &item.when {
                for condition in &when.conditions {
                    let mut found = None;
                    for (position, named) in survey.items().enumerate() {
                        if named.id == condition.item {
                            found = Some(position);
                            break;
                        }
                    }
                    references.push(found);
                }
            }
        }
        Self {
            survey,
            len,
            references,
        }
    }

    pub fn survey(&self) -> &'a Survey {
        self.survey
    }

    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The position of the item the `test`-th test names, counting every item's tests in survey
    /// order.
    pub fn referenced(&self, test: usize) -> Option<usize> {
        self.references.get(test).copied().flatten()
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
        let mut in_order = Vec::with_capacity(self.len);
        for item in self.survey.items() {
            in_order.push(answers.get(&item.id));
        }
        in_order
    }
}
