//! Which items are asked, as a set, and the test a condition puts to the answer of the item it
//! names. The rule that applies it, in survey order (a test on a hidden item is false), is
//! [`Evaluation`]'s.

use std::collections::BTreeSet;

use super::answers::{Answer, Answers};
use super::definition::{Condition, ConditionTest, ItemId, Survey};
use super::evaluation::Evaluation;
use super::number_input::parse_whole_number;

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
/// is the caller's to check). The answer is taken as given, valid or not; a number must read as a
/// whole number to be compared.
pub fn condition_holds(condition: &Condition, answer: Option<&Answer>) -> bool {
    let Some(answer) = answer.filter(|answer| answer.is_given()) else {
        return matches!(condition.test, ConditionTest::NotAnswered);
    };
    match (&condition.test, answer) {
        (ConditionTest::Answered, _) => true,
        (ConditionTest::Equals(value), Answer::Choice(chosen)) => chosen == value,
        (ConditionTest::NotEquals(value), Answer::Choice(chosen)) => chosen != value,
        (ConditionTest::Includes(value), Answer::Choices(chosen)) => chosen.contains(value),
        (test, Answer::Text(typed)) => {
            let Ok(number) = parse_whole_number(typed) else {
                return false;
            };
            match test {
                ConditionTest::Lt(value) => number < *value,
                ConditionTest::Le(value) => number <= *value,
                ConditionTest::Gt(value) => number > *value,
                ConditionTest::Ge(value) => number >= *value,
                _ => false,
            }
        }
        _ => false,
    }
}
