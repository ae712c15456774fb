//! The files added so far: the kept hospitals, the duplicates dropped in favour of a newer file,
//! and the files that could not be used. Files arrive one at a time, so that the page can read
//! 10,000 of them without holding them all and can show progress; a bad file is recorded and the
//! next one is read as if nothing had happened.

use std::collections::HashMap;

use crate::export::read_answer_file;
use crate::survey::Survey;

use super::answer_filter::AnswerFilter;
use super::hospital::Hospital;
use super::item_positions::ItemPositions;
use super::rejection::{RejectedFile, Rejection};
use super::summary::{Summary, summarize};

/// What became of one added file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// A hospital not seen before (or one without a name, which is never matched).
    NewHospital,
    /// The same hospital as an earlier file, and at least as new: it takes that file's place.
    ReplacedOlder,
    /// The same hospital as a file already kept, which is newer: this one is dropped.
    OlderThanKept,
    Rejected,
}

#[derive(Debug, Clone)]
pub struct Collection<'a> {
    positions: ItemPositions<'a>,
    /// In the order each hospital was first seen; a newer file replaces an older one in place.
    hospitals: Vec<Hospital<'a>>,
    /// Hospital key to its index in `hospitals`: a duplicate is found in constant time, not by
    /// comparing with every hospital so far.
    by_key: HashMap<String, usize>,
    dropped: Vec<Dropped>,
    rejected: Vec<RejectedFile>,
}

/// A dropped file remembers where its hospital is kept rather than which file was kept there,
/// since a third, newer file may replace that one later.
#[derive(Debug, Clone)]
struct Dropped {
    file_name: String,
    exported_at: Option<String>,
    kept_at: usize,
}

/// A file left out because a newer file of the same hospital is kept.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct DroppedDuplicate<'c, 'a> {
    pub file_name: &'c str,
    pub exported_at: Option<&'c str>,
    /// The file kept instead.
    pub kept: &'c Hospital<'a>,
}

impl<'a> Collection<'a> {
    pub fn new(survey: &'a Survey) -> Self {
        Self {
            positions: ItemPositions::of(survey),
            hospitals: Vec::new(),
            by_key: HashMap::new(),
            dropped: Vec::new(),
            rejected: Vec::new(),
        }
    }

    pub fn survey(&self) -> &'a Survey {
        self.positions.survey()
    }

    /// Adds a file read as text.
    pub fn add(&mut self, file_name: &str, text: &str) -> Outcome {
        match read_answer_file(self.survey(), text) {
            Ok(file) => self.keep_newest(Hospital::from_file(&self.positions, file_name, file)),
            Err(error) => self.add_unreadable(file_name, Rejection::Refused(error)),
        }
    }

    /// Adds a file read as bytes, which must be UTF-8 (with or without a byte order mark).
    pub fn add_bytes(&mut self, file_name: &str, bytes: &[u8]) -> Outcome {
        if bytes.len() > crate::export::MAX_FILE_BYTES {
            return self.add_unreadable(file_name, Rejection::too_large(bytes.len()));
        }
        match std::str::from_utf8(bytes) {
            Ok(text) => self.add(file_name, text),
            Err(_) => self.add_unreadable(file_name, Rejection::NotUtf8),
        }
    }

    /// Records a file the page could not read, or chose not to (see [`Rejection::too_large`]).
    pub fn add_unreadable(&mut self, file_name: &str, reason: Rejection) -> Outcome {
        self.rejected.push(RejectedFile {
            file_name: file_name.to_owned(),
            reason,
        });
        Outcome::Rejected
    }

    /// The newer file of a hospital is kept, judged by the moment `exported_at` names. A file
    /// without a readable time loses to one with it, since nothing says it is newer. On a tie the
    /// file added later wins: the page adds files in the order the user chose them, so adding a
    /// file again after correcting it replaces the first; and for two identical files, which one
    /// is kept changes nothing, but the dropped list then always names the earlier one.
    fn keep_newest(&mut self, hospital: Hospital<'a>) -> Outcome {
        let Some(key) = hospital.key() else {
            self.hospitals.push(hospital);
            return Outcome::NewHospital;
        };
        let Some(&index) = self.by_key.get(key) else {
            self.by_key.insert(key.to_owned(), self.hospitals.len());
            self.hospitals.push(hospital);
            return Outcome::NewHospital;
        };
        let kept = &mut self.hospitals[index];
        let (outcome, loser) = if hospital.saved_at() >= kept.saved_at() {
            let older = std::mem::replace(kept, hospital);
            (Outcome::ReplacedOlder, older)
        } else {
            (Outcome::OlderThanKept, hospital)
        };
        self.dropped.push(Dropped {
            file_name: loser.file_name,
            exported_at: loser.exported_at,
            kept_at: index,
        });
        outcome
    }

    /// The kept hospitals, in the order each was first seen.
    pub fn hospitals(&self) -> &[Hospital<'a>] {
        &self.hospitals
    }

    /// The kept hospitals the filter lets through, in the order each was first seen.
    pub fn matching(&self, filter: &AnswerFilter) -> Vec<&Hospital<'a>> {
        self.hospitals
            .iter()
            .filter(|hospital| filter.matches(hospital))
            .collect()
    }

    /// Item by item counts over the hospitals the filter lets through.
    pub fn summary(&self, filter: &AnswerFilter) -> Summary<'a> {
        summarize(self.survey(), self.matching(filter))
    }

    /// Files dropped as older duplicates, in the order they were dropped, each with the file kept
    /// instead.
    pub fn dropped_duplicates(&self) -> Vec<DroppedDuplicate<'_, 'a>> {
        self.dropped
            .iter()
            .map(|dropped| DroppedDuplicate {
                file_name: &dropped.file_name,
                exported_at: dropped.exported_at.as_deref(),
                kept: &self.hospitals[dropped.kept_at],
            })
            .collect()
    }

    pub fn rejected(&self) -> &[RejectedFile] {
        &self.rejected
    }

    /// Every file added: kept, dropped as a duplicate, or rejected.
    pub fn files_added(&self) -> usize {
        self.hospitals.len() + self.dropped.len() + self.rejected.len()
    }
}
