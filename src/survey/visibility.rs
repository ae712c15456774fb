//! Which items are asked, as a set, and the test a condition puts to its parent's answer. The rule
//! that applies it, in survey order (a hidden parent hides its whole branch), is
//! [`Evaluation`]'s.

use std::collections::BTreeSet;

use super::answers::{Answer, Answers};
use super::definition::{Condition, ConditionTest, ItemId, Survey};
use super::evaluation::Evaluation;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Visibility(BTreeSet<ItemId>);

impl Visibility {
    /// Which items the answers ask: the rule is [`Evaluation`]'s, this is its set of asked items.
    pub fn of(survey: &Survey, answers: &Answers) -> Self {
        Evaluation::of(survey, answers).visibility()
    }

    pub fn from_asked(asked: impl IntoIterator<Item = ItemId>) -> Self {
        // Inserted one by one: collecting into a set would sort first, and a sort costs the
        // answering page's wasm more bytes than inserting 27 ids costs time.
        let mut set = BTreeSet::new();
        for id in asked {
            set.insert(id);
        }
        Self(set)
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
