//! How much is left: required items that are asked, and how many of them hold a valid answer
//! (counted by [`crate::survey::Evaluation`], for the survey and for each section).

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct Progress {
    pub answered: usize,
    pub required: usize,
}

impl Progress {
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
