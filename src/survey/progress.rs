//! How much is left: required items that are asked, and how many of them hold a valid answer.

use super::answers::Answers;
use super::definition::Item;
use super::validation::check_item;
use super::visibility::Visibility;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct Progress {
    pub answered: usize,
    pub required: usize,
}

impl Progress {
    /// Counts over any run of items, so the same rule serves the whole survey and one section.
    pub fn of<'a>(
        items: impl IntoIterator<Item = &'a Item>,
        answers: &Answers,
        visibility: &Visibility,
    ) -> Self {
        items
            .into_iter()
            .filter(|item| item.required && visibility.is_asked(&item.id))
            .fold(Self::default(), |progress, item| {
                let answer = answers.get(&item.id);
                let done = answer.is_some_and(|a| a.is_given()) && check_item(item, answer).is_ok();
                Self {
                    answered: progress.answered + usize::from(done),
                    required: progress.required + 1,
                }
            })
    }

    pub fn remaining(&self) -> usize {
        self.required - self.answered
    }

    pub fn is_complete(&self) -> bool {
        self.answered == self.required
    }

    /// Whole percent, rounded down so that 100% means truly complete.
    pub fn percent(&self) -> usize {
        (self.answered * 100)
            .checked_div(self.required)
            .unwrap_or(100)
    }
}
