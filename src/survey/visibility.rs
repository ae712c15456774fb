//! Which items are asked, given the answers so far. An item is asked when it has no condition, or
//! when the item its condition names is itself asked and its answer passes the test: hiding a parent
//! hides the whole branch below it, whatever its hidden answers say.

use std::collections::BTreeSet;

use super::answers::{Answer, Answers};
use super::definition::{Condition, ConditionTest, ItemId, Survey};

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Visibility(BTreeSet<ItemId>);

impl Visibility {
    /// Conditions only point to earlier items (the definition check enforces it), so one pass in
    /// survey order settles every item.
    pub fn of(survey: &Survey, answers: &Answers) -> Self {
        let mut asked = BTreeSet::new();
        for item in survey.items() {
            let is_asked = match &item.when {
                None => true,
                Some(condition) => {
                    asked.contains(&condition.item)
                        && condition_holds(condition, answers.get(&condition.item))
                }
            };
            if is_asked {
                asked.insert(item.id.clone());
            }
        }
        Self(asked)
    }

    pub fn is_asked(&self, id: &str) -> bool {
        self.0.contains(id)
    }
}

/// Whether the answer of the item a condition names passes its test (whether that item is asked
/// is the caller's to check).
pub fn condition_holds(condition: &Condition, answer: Option<&Answer>) -> bool {
    match (&condition.test, answer) {
        (ConditionTest::Equals(value), Some(Answer::Choice(chosen))) => chosen == value,
        (ConditionTest::Includes(value), Some(Answer::Choices(chosen))) => chosen.contains(value),
        _ => false,
    }
}
