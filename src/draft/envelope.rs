//! How a draft is stored: a versioned envelope around the answers. The version lets a later app read
//! what an earlier one wrote (by migration) and refuse what a later one wrote (rather than misread
//! it and destroy newer work).

use super::error::DraftError;
use super::json::{self, Json, write_string};
use crate::survey::{Answer, Answers};

pub const DRAFT_FORMAT: &str = "cyber-survey-draft";
pub const DRAFT_VERSION: u64 = 2;
pub const APP_VERSION: &str = env!("CARGO_PKG_VERSION");

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Draft {
    pub format: String,
    pub version: u64,
    /// The survey's id: the edition the draft belongs to.
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

    /// The envelope as JSON, in the field order serde wrote it.
    pub fn to_json(&self) -> String {
        let mut out = String::from("{\"format\":");
        write_string(&mut out, &self.format);
        out.push_str(&format!(",\"version\":{},\"survey\":", self.version));
        write_string(&mut out, &self.survey);
        out.push_str(",\"app_version\":");
        write_string(&mut out, &self.app_version);
        out.push_str(",\"name\":");
        match &self.name {
            Some(name) => write_string(&mut out, name),
            None => out.push_str("null"),
        }
        out.push_str(",\"created_at\":");
        write_string(&mut out, &self.created_at);
        out.push_str(",\"saved_at\":");
        write_string(&mut out, &self.saved_at);
        out.push_str(&format!(",\"revision\":{},\"answers\":{{", self.revision));
        for (index, (id, answer)) in self.answers.iter().enumerate() {
            if index > 0 {
                out.push(',');
            }
            write_string(&mut out, id);
            let (tag, value) = match answer {
                Answer::Text(text) => ("text", Some(text)),
                Answer::Choice(choice) => ("choice", Some(choice)),
                Answer::Choices(_) => ("choices", None),
            };
            out.push_str(&format!(":{{\"{tag}\":"));
            match (value, answer) {
                (Some(value), _) => write_string(&mut out, value),
                (None, Answer::Choices(choices)) => {
                    out.push('[');
                    for (i, choice) in choices.iter().enumerate() {
                        if i > 0 {
                            out.push(',');
                        }
                        write_string(&mut out, choice);
                    }
                    out.push(']');
                }
                _ => {}
            }
            out.push('}');
        }
        out.push_str("}}");
        out
    }

    /// Reads a stored draft for `survey`, migrating older versions. `now` stands in for times an
    /// older version did not record.
    pub fn from_json(text: &str, survey: &str, now: &str) -> Result<Self, DraftError> {
        let value = json::parse(text).ok_or(DraftError::NotJson)?;
        if !matches!(value, Json::Object(_)) {
            return Err(DraftError::NotOurs);
        }
        if value.get("format").and_then(Json::as_str) != Some(DRAFT_FORMAT) {
            return Err(DraftError::NotOurs);
        }
        let version = value
            .get("version")
            .and_then(Json::as_u64)
            .filter(|version| *version >= 1)
            .ok_or_else(|| DraftError::Damaged("形式の版がありません".to_owned()))?;
        if version > DRAFT_VERSION {
            return Err(DraftError::NewerVersion {
                found: version,
                supported: DRAFT_VERSION,
            });
        }
        let found_survey = value.get("survey").and_then(Json::as_str).unwrap_or("");
        if found_survey != survey {
            return Err(DraftError::OtherSurvey {
                found: found_survey.to_owned(),
                expected: survey.to_owned(),
            });
        }
        let damaged =
            || DraftError::Damaged("必要な項目が欠けているか、値の形式が違います".to_owned());
        let text_of = |key: &str| value.get(key).and_then(Json::as_str).map(str::to_owned);
        let (name, app_version, created_at, saved_at, revision) = if version == 1 {
            // Version 1 was the minimal envelope (format, version, survey, answers, optionally
            // saved_at) that other tools can still write by hand. Version 2 added the name, times,
            // revision and app version.
            let saved_at = text_of("saved_at").unwrap_or_else(|| now.to_owned());
            let app_version = text_of("app_version").unwrap_or_else(|| "不明".to_owned());
            (None, app_version, saved_at.clone(), saved_at, 0)
        } else {
            let name = match value.get("name") {
                None | Some(Json::Null) => None,
                Some(Json::String(name)) => Some(name.clone()),
                Some(_) => return Err(damaged()),
            };
            (
                name,
                text_of("app_version").ok_or_else(damaged)?,
                text_of("created_at").ok_or_else(damaged)?,
                text_of("saved_at").ok_or_else(damaged)?,
                value
                    .get("revision")
                    .and_then(Json::as_u64)
                    .ok_or_else(damaged)?,
            )
        };
        let mut answers = Answers::new();
        match value.get("answers") {
            None if version == 1 => {}
            Some(Json::Object(fields)) => {
                // A repeated item id keeps its last answer, as serde_json read it: from the end,
                // skipping ids already read, so an earlier copy is not even checked.
                for (id, answer) in fields.iter().rev() {
                    if answers.get(id).is_some() {
                        continue;
                    }
                    let answer = match answer {
                        // One tag, possibly repeated (the last counts, as above).
                        Json::Object(tagged)
                            if tagged
                                .iter()
                                .all(|(tag, _)| Some(tag) == tagged.first().map(|(t, _)| t)) =>
                        {
                            match tagged.last() {
                                Some((tag, Json::String(text))) if tag == "text" => {
                                    Answer::Text(text.clone())
                                }
                                Some((tag, Json::String(choice))) if tag == "choice" => {
                                    Answer::Choice(choice.clone())
                                }
                                Some((tag, Json::Array(items))) if tag == "choices" => {
                                    Answer::Choices(
                                        items
                                            .iter()
                                            .map(|c| c.as_str().map(str::to_owned))
                                            .collect::<Option<Vec<_>>>()
                                            .ok_or_else(damaged)?,
                                    )
                                }
                                _ => return Err(damaged()),
                            }
                        }
                        _ => return Err(damaged()),
                    };
                    answers.insert(id.clone(), answer);
                }
            }
            _ => return Err(damaged()),
        }
        Ok(Self {
            format: DRAFT_FORMAT.to_owned(),
            version: DRAFT_VERSION,
            survey: found_survey.to_owned(),
            app_version,
            name,
            created_at,
            saved_at,
            revision,
            answers,
        })
    }
}
