//! A count out of a whole (「はい」 out of the hospitals that answered), with its percentage.

use super::one_decimal::OneDecimal;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Share {
    pub count: usize,
    pub of: usize,
}

impl Share {
    /// The percentage to one decimal place, rounded half up; `None` when the whole is zero (0 of 0
    /// is no percentage at all, not 0%).
    pub fn percent(self) -> Option<OneDecimal> {
        OneDecimal::of_ratio(self.count as u64 * 100, self.of as u64)
    }
}
