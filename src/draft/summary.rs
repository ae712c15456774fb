//! What the list of drafts shows for each: a name, the hospital, when it was saved, how far along.

use super::envelope::Draft;
use crate::survey::{Evaluation, Progress, Survey};

pub const UNNAMED_DRAFT: &str = "名称未設定の下書き";

impl Draft {
    /// The hospital's name as answered (the survey's `hospital_item`).
    pub fn hospital<'a>(&'a self, survey: &Survey) -> &'a str {
        self.answers.text(&survey.hospital_item).trim()
    }

    /// The name the user gave, else the hospital name once it is typed.
    pub fn display_name<'a>(&'a self, survey: &Survey) -> &'a str {
        match self.name.as_deref().map(str::trim) {
            Some(name) if !name.is_empty() => name,
            _ if !self.hospital(survey).is_empty() => self.hospital(survey),
            _ => UNNAMED_DRAFT,
        }
    }

    pub fn progress(&self, survey: &Survey) -> Progress {
        Evaluation::of(survey, &self.answers).progress()
    }
}
