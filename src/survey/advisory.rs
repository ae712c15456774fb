//! The readiness report's rules: which advisories the answers raise. Only asked items with a valid
//! answer count; an advisory informs and never blocks.

use super::answers::Answers;
use super::definition::{Advisory, AdvisoryTest, AnswerKind, Item, Survey};
use super::number_input::parse_whole_number;
use super::validation::check_item;
use super::visibility::Visibility;

#[derive(Debug, Clone, PartialEq)]
pub struct RaisedAdvisory<'a> {
    pub item: &'a Item,
    pub advisory: &'a Advisory,
}

/// The advisories one item's answer raises.
pub fn advisories_for<'a>(item: &'a Item, answers: &Answers) -> Vec<&'a Advisory> {
    let answer = answers.get(&item.id);
    if answer.is_none_or(|a| !a.is_given()) || check_item(item, answer).is_err() {
        return Vec::new();
    }
    item.advisories
        .iter()
        .filter(|advisory| match (&advisory.when, &item.answer) {
            (AdvisoryTest::Equals(value), _) => answers.choice(&item.id) == Some(value.as_str()),
            (AdvisoryTest::Below(limit), AnswerKind::Integer { .. }) => {
                parse_whole_number(answers.text(&item.id)).is_ok_and(|n| n < *limit)
            }
            (AdvisoryTest::Below(_), _) => false,
        })
        .collect()
}

/// Every advisory the answers raise, in survey order.
pub fn raised_advisories<'a>(
    survey: &'a Survey,
    answers: &Answers,
    visibility: &Visibility,
) -> Vec<RaisedAdvisory<'a>> {
    survey
        .items()
        .filter(|item| visibility.is_asked(&item.id))
        .flat_map(|item| {
            advisories_for(item, answers)
                .into_iter()
                .map(move |advisory| RaisedAdvisory { item, advisory })
        })
        .collect()
}
