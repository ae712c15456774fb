//! An advisory the answers raise, as the readiness report lists it. Which ones are raised (only
//! asked items with a valid answer count; an advisory informs and never blocks) is
//! [`crate::survey::Evaluation`]'s rule.

use super::definition::{Advisory, Item};

#[derive(Debug, Clone, PartialEq)]
pub struct RaisedAdvisory<'a> {
    pub item: &'a Item,
    pub advisory: &'a Advisory,
}
