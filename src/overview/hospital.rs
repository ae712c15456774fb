//! One hospital's file as the overview keeps it: who, which file, when it was saved, and what its
//! answers amount to (progress, completeness, advisories, each item's state), all worked out once
//! when the file is added.

use crate::export::{FileWarning, LoadedFile};
use crate::survey::{AdvisoryLevel, AdvisoryTest, Answers, Item, Progress, RaisedAdvisory, Survey};

use super::hospital_key::hospital_key;
use super::item_positions::ItemPositions;
use super::item_state::{ItemState, judge_items};
use super::timestamp::Timestamp;

/// Shown (and sorted last) in place of a hospital name the file does not give.
pub const NAME_MISSING: &str = "病院名未入力";

#[derive(Debug, Clone, PartialEq)]
pub struct Hospital<'a> {
    pub file_name: String,
    /// The hospital item's answer, trimmed; empty when the file gives none.
    pub name: String,
    /// The respondent item's answer, trimmed; empty when the file gives none.
    pub respondent: String,
    /// As the file states it; see [`Hospital::saved_at`] for the moment it names.
    pub exported_at: Option<String>,
    pub answers: Answers,
    /// What the reader left out of the file (unknown items, impossible values).
    pub warnings: Vec<FileWarning>,
    pub progress: Progress,
    /// Every asked item has a valid answer (optional items need none), as the answer file's
    /// `complete` and the CSV's 回答状況 mean it.
    pub complete: bool,
    pub advisories: Vec<RaisedAdvisory<'a>>,
    key: Option<String>,
    saved_at: Option<Timestamp>,
    items: Vec<ItemState>,
}

impl<'a> Hospital<'a> {
    /// Branching, progress, completeness and advisories follow the single-hospital app's rules
    /// ([`crate::survey::Visibility::of`], [`Progress::of`], [`crate::survey::raised_advisories`])
    /// but are worked out by position, each answer judged once, instead of by looking items up by
    /// id for every rule: that halved the time to add a file. The 10,000-file test checks that both
    /// ways agree.
    pub fn from_file(positions: &ItemPositions<'a>, file_name: &str, file: LoadedFile) -> Self {
        let survey = positions.survey();
        let LoadedFile {
            answers,
            warnings,
            exported_at,
        } = file;
        let answers_in_order = positions.answers_in_order(&answers);
        let asked = positions.asked(&answers_in_order);
        let items = judge_items(survey, &answers_in_order, &asked, &warnings);
        let complete = survey.items().zip(&items).all(|(item, state)| match state {
            ItemState::Invalid => false,
            ItemState::Unanswered => !item.required,
            _ => true,
        });
        let advisories = survey
            .items()
            .zip(&items)
            .flat_map(|(item, state)| {
                item.advisories
                    .iter()
                    .filter(move |advisory| raises(&advisory.when, item, state))
                    .map(move |advisory| RaisedAdvisory { item, advisory })
            })
            .collect();
        let name = answers.text(&survey.hospital_item).trim().to_owned();
        Self {
            file_name: file_name.to_owned(),
            key: hospital_key(&name),
            respondent: answers.text(&survey.respondent_item).trim().to_owned(),
            name,
            saved_at: exported_at.as_deref().and_then(Timestamp::parse),
            exported_at,
            progress: progress(survey, &items),
            complete,
            advisories,
            answers,
            warnings,
            items,
        }
    }

    /// The name, or 「病院名未入力」.
    pub fn display_name(&self) -> &str {
        if self.key.is_some() {
            &self.name
        } else {
            NAME_MISSING
        }
    }

    /// A file without a hospital name cannot be matched with another file, so it is always kept.
    pub fn name_is_missing(&self) -> bool {
        self.key.is_none()
    }

    /// The name as files are matched on (see [`hospital_key`]).
    pub fn key(&self) -> Option<&str> {
        self.key.as_deref()
    }

    /// The moment `exported_at` names; `None` when absent or not a readable ISO 8601 time.
    pub fn saved_at(&self) -> Option<Timestamp> {
        self.saved_at
    }

    /// Each item's state, in survey order.
    pub fn item_states(&self) -> &[ItemState] {
        &self.items
    }

    /// Advisories of the 要対策 kind (falls short of the guideline).
    pub fn shortfalls(&self) -> usize {
        self.advisories
            .iter()
            .filter(|raised| raised.advisory.level == AdvisoryLevel::Shortfall)
            .count()
    }
}

/// [`crate::survey::advisories_for`]'s test, on the judged state: only a valid answer raises
/// anything.
fn raises(test: &AdvisoryTest, item: &Item, state: &ItemState) -> bool {
    match (test, state) {
        (AdvisoryTest::Equals(value), ItemState::Chose(index)) => {
            item.choices().get(*index) == Some(value)
        }
        (AdvisoryTest::Below(limit), ItemState::Number(number)) => number < limit,
        _ => false,
    }
}

/// Required items asked, and how many of them hold a valid answer.
fn progress(survey: &Survey, items: &[ItemState]) -> Progress {
    survey
        .items()
        .zip(items)
        .filter(|(item, state)| item.required && **state != ItemState::NotAsked)
        .fold(Progress::default(), |progress, (_, state)| Progress {
            answered: progress.answered + usize::from(state.is_valid_answer()),
            required: progress.required + 1,
        })
}
