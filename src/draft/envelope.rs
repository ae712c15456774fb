//! How a draft is stored: a versioned envelope around the answers. The version lets a later app read
//! what an earlier one wrote (by migration) and refuse what a later one wrote (rather than misread
//! it and destroy newer work).

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::error::DraftError;
use crate::survey::Answers;

pub const DRAFT_FORMAT: &str = "cyber-survey-draft";
pub const DRAFT_VERSION: u64 = 2;
pub const APP_VERSION: &str = env!("CARGO_PKG_VERSION");

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Draft {
    pub format: String,
    pub version: u64,
    /// The survey's id ("R6").
    pub survey: String,
    /// The app version that last wrote it, for support.
    pub app_version: String,
    /// A name the user gave; `None` follows the hospital name (Q1-2).
    pub name: Option<String>,
    /// ISO 8601 times in UTC, as the browser's `Date.toISOString` writes them.
    pub created_at: String,
    pub saved_at: String,
    /// Counts saves, so that a tab can tell that another tab saved after it last read.
    pub revision: u64,
    /// Every answer, including those of items a branch now hides.
    pub answers: Answers,
}

impl Draft {
    pub fn new(survey: &str, now: &str) -> Self {
        Self {
            format: DRAFT_FORMAT.to_owned(),
            version: DRAFT_VERSION,
            survey: survey.to_owned(),
            app_version: APP_VERSION.to_owned(),
            name: None,
            created_at: now.to_owned(),
            saved_at: now.to_owned(),
            revision: 0,
            answers: Answers::new(),
        }
    }

    pub fn to_json(&self) -> String {
        // A struct of strings, numbers and a string-keyed map cannot fail to serialise; the empty
        // object is a value `from_json` refuses rather than misreads.
        serde_json::to_string(self).unwrap_or_else(|_| "{}".to_owned())
    }

    /// Reads a stored draft for `survey`, migrating older versions. `now` stands in for times an
    /// older version did not record.
    pub fn from_json(text: &str, survey: &str, now: &str) -> Result<Self, DraftError> {
        let value: Value = serde_json::from_str(text).map_err(|_| DraftError::NotJson)?;
        let Value::Object(mut object) = value else {
            return Err(DraftError::NotOurs);
        };
        if object.get("format").and_then(Value::as_str) != Some(DRAFT_FORMAT) {
            return Err(DraftError::NotOurs);
        }
        let version = object
            .get("version")
            .and_then(Value::as_u64)
            .filter(|version| *version >= 1)
            .ok_or_else(|| DraftError::Damaged("形式の版がありません".to_owned()))?;
        if version > DRAFT_VERSION {
            return Err(DraftError::NewerVersion {
                found: version,
                supported: DRAFT_VERSION,
            });
        }
        let found_survey = object.get("survey").and_then(Value::as_str).unwrap_or("");
        if found_survey != survey {
            return Err(DraftError::OtherSurvey {
                found: found_survey.to_owned(),
                expected: survey.to_owned(),
            });
        }
        if version == 1 {
            migrate_v1_to_v2(&mut object, now);
        }
        // serde's own wording is English and technical; the user is told what kind of damage it is.
        serde_json::from_value(Value::Object(object)).map_err(|_| {
            DraftError::Damaged("必要な項目が欠けているか、値の形式が違います".to_owned())
        })
    }
}

/// Version 1 was the minimal envelope (format, version, survey, answers, optionally saved_at) that
/// other tools can still write by hand. Version 2 added the name, times, revision and app version.
fn migrate_v1_to_v2(object: &mut Map<String, Value>, now: &str) {
    let saved_at = object
        .get("saved_at")
        .and_then(Value::as_str)
        .unwrap_or(now)
        .to_owned();
    object.insert("version".into(), Value::from(2));
    object.insert("name".into(), Value::Null);
    object
        .entry("app_version")
        .or_insert_with(|| Value::from("不明"));
    object.insert("created_at".into(), Value::from(saved_at.clone()));
    object.insert("saved_at".into(), Value::from(saved_at));
    object.insert("revision".into(), Value::from(0));
    object
        .entry("answers")
        .or_insert_with(|| Value::Object(Map::new()));
}
