//! A number shown to one decimal place (「33.3」, 「12.5」), held exactly as tenths so that totals,
//! percentages and tests do not depend on floating-point rounding.

use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct OneDecimal {
    tenths: u64,
}

impl OneDecimal {
    pub fn from_tenths(tenths: u64) -> Self {
        Self { tenths }
    }

    /// `numerator / denominator`, rounded half up to a tenth; `None` when the denominator is zero.
    pub fn of_ratio(numerator: u64, denominator: u64) -> Option<Self> {
        let doubled = numerator.checked_mul(20)?.checked_add(denominator)?;
        doubled
            .checked_div(denominator.checked_mul(2)?)
            .map(Self::from_tenths)
    }

    pub fn tenths(self) -> u64 {
        self.tenths
    }
}

impl fmt::Display for OneDecimal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{}", self.tenths / 10, self.tenths % 10)
    }
}
