//! One hospital's file as the overview keeps it: who, which file, when it was saved, and what its
//! answers amount to (progress, completeness, advisories, each item's state), all worked out once
//! when the file is added.

use crate::export::{FileWarning, LoadedFile};
use crate::survey::{AdvisoryLevel, Answers, Evaluation, Progress, RaisedAdvisory, Survey};

use super::hospital_key::hospital_key;
use super::item_positions::ItemPositions;
use super::item_state::ItemState;
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
    /// [`Evaluation::is_complete`], as the answer file's `complete` and the CSV's 回答状況 mean it.
    pub complete: bool,
    pub advisories: Vec<RaisedAdvisory<'a>>,
    key: Option<String>,
    saved_at: Option<Timestamp>,
    items: Vec<ItemState>,
}

impl<'a> Hospital<'a> {
    /// Branching, progress, completeness and advisories are the survey's [`Evaluation`], with the
    /// values the reader left out counted as invalid answers; the answers are put in survey order
    /// by [`ItemPositions`], which halved the time to add a file against looking items up by id.
    pub fn from_file(positions: &ItemPositions<'a>, file_name: &str, file: LoadedFile) -> Self {
        let survey = positions.survey();
        let LoadedFile {
            answers,
            warnings,
            exported_at,
        } = file;
        let evaluation = positions.evaluate(&answers, refused_items(&warnings));
        let items = evaluation.states().iter().map(ItemState::from).collect();
        let name = answers.text(&survey.hospital_item).trim().to_owned();
        Self {
            file_name: file_name.to_owned(),
            key: hospital_key(&name),
            respondent: answers.text(&survey.respondent_item).trim().to_owned(),
            name,
            saved_at: exported_at.as_deref().and_then(Timestamp::parse),
            exported_at,
            progress: evaluation.progress(),
            complete: evaluation.is_complete(),
            advisories: evaluation.advisories(),
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

    /// The survey's evaluation of this file, as [`Hospital::complete`] and the rest were worked
    /// out (for the CSV of many hospitals, whose 回答状況 must be this table's).
    pub fn evaluation(&self, survey: &'a Survey) -> Evaluation<'a> {
        let refused: Vec<&str> = refused_items(&self.warnings).collect();
        Evaluation::of_read(survey, &self.answers, &refused)
    }

    /// Advisories of the 要対策 kind (falls short of the guideline).
    pub fn shortfalls(&self) -> usize {
        self.advisories
            .iter()
            .filter(|raised| raised.advisory.level == AdvisoryLevel::Shortfall)
            .count()
    }
}

/// The items whose value the reader left out as impossible for them.
fn refused_items(warnings: &[FileWarning]) -> impl Iterator<Item = &str> {
    warnings.iter().filter_map(|warning| match warning {
        FileWarning::ImpossibleValue { item, .. } => Some(item.as_str()),
        // Nothing ticked is unanswered, not invalid.
        FileWarning::UnknownItem(_) | FileWarning::NothingTicked { .. } => None,
    })
}
