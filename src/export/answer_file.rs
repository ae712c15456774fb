//! The JSON answer file: what the user saves to move answers to another PC, to keep a backup, or to
//! hand to whoever collects hospitals' answers. Written and read here, so that the format lives in
//! one place; documented in docs/export-format.md.
//!
//! Only asked items are written (a hidden branch's answers are not answers to the survey). Valid
//! answers go under `answers` with their natural JSON type; answers that are given but not valid
//! (a number typed as 「8桁」) go under `invalid` as typed, so that the file loses nothing the user
//! would need to finish.

use std::fmt;

use serde_json::{Map, Value, json};

use crate::draft::{APP_VERSION, DraftError};
use crate::survey::{
    Answer, AnswerKind, AnswerValue, Answers, Evaluation, Item, ItemState, Survey,
};

pub const ANSWER_FILE_FORMAT: &str = "cyber-survey-answers";
pub const ANSWER_FILE_VERSION: u64 = 1;
/// Far above any real file (a complete survey is a few KB); a larger file is not ours.
pub const MAX_FILE_BYTES: usize = 1024 * 1024;

/// One answer as the file holds it: what both writers below write.
enum FileValue<'a> {
    Number(u32),
    Text(&'a str),
    /// The entries of `values` that `keep` holds, in `values`' order: for valid ticks, the offered
    /// choices that are ticked, so each is written once in the survey's order; for a list kept as
    /// typed, the list itself (`keep` = `values`). Filtering in place costs the form page's wasm
    /// no allocation and no second way of writing a list.
    List {
        values: &'a [String],
        keep: &'a [String],
    },
}

impl<'a> FileValue<'a> {
    fn as_typed(values: &'a [String]) -> Self {
        Self::List {
            values,
            keep: values,
        }
    }

    fn entries(values: &'a [String], keep: &'a [String]) -> impl Iterator<Item = &'a str> {
        values
            .iter()
            .filter(|value| keep.contains(value))
            .map(String::as_str)
    }
}

/// The file's contents before they are written: valid and invalid answers of the asked items, in
/// the definition's order, and whether every asked item is answered validly.
struct FileContents<'a> {
    valid: Vec<(&'a str, FileValue<'a>)>,
    invalid: Vec<(&'a str, FileValue<'a>)>,
    complete: bool,
}

fn file_contents<'a>(survey: &'a Survey, answers: &'a Answers) -> FileContents<'a> {
    let evaluation = Evaluation::of(survey, answers);
    let mut contents = FileContents {
        valid: Vec::new(),
        invalid: Vec::new(),
        complete: evaluation.is_complete(),
    };
    for (item, state) in evaluation.items() {
        let answer = answers.get(&item.id).filter(|answer| answer.is_given());
        match (state, answer) {
            (ItemState::Answered(value), Some(answer)) => {
                contents
                    .valid
                    .push((&item.id, typed_value(item, value, answer)));
            }
            (ItemState::Invalid(_), Some(answer)) => {
                if let Some(value) = raw_value(item, answer) {
                    contents.invalid.push((&item.id, value));
                }
            }
            // Not asked (never exported), unanswered, or nothing of it to write.
            _ => {}
        }
    }
    contents
}

pub fn write_answer_file(survey: &Survey, answers: &Answers, exported_at: &str) -> String {
    let contents = file_contents(survey, answers);
    let object = |entries: Vec<(&str, FileValue)>| -> Map<String, Value> {
        entries
            .into_iter()
            .map(|(id, value)| {
                let value = match value {
                    FileValue::Number(n) => Value::from(n),
                    FileValue::Text(text) => Value::from(text),
                    FileValue::List { values, keep } => {
                        Value::from_iter(FileValue::entries(values, keep))
                    }
                };
                (id.to_owned(), value)
            })
            .collect()
    };
    let file = json!({
        "format": ANSWER_FILE_FORMAT,
        "format_version": ANSWER_FILE_VERSION,
        "survey": survey.id,
        "survey_title": survey.title,
        "app_version": APP_VERSION,
        "exported_at": exported_at,
        "hospital": answers.text(&survey.hospital_item).trim(),
        "respondent": answers.text(&survey.respondent_item).trim(),
        "complete": contents.complete,
        "answers": object(contents.valid),
        "invalid": object(contents.invalid),
    });
    serde_json::to_string_pretty(&file).unwrap_or_default()
}

/// A valid answer with its natural JSON type: the number the evaluation read, text trimmed.
/// Ticks are a set: a damaged draft may hold one twice, which validation accepts but the schema's
/// `uniqueItems` does not, so each ticked choice is written once, in the survey's order.
fn typed_value<'a>(item: &'a Item, value: &AnswerValue, answer: &'a Answer) -> FileValue<'a> {
    match (value, answer) {
        (AnswerValue::Number(number), _) => FileValue::Number(*number),
        (_, Answer::Text(text)) => FileValue::Text(text.trim()),
        (_, Answer::Choices(ticked)) => FileValue::List {
            values: item.choices(),
            keep: ticked,
        },
        (_, Answer::Choice(choice)) => FileValue::Text(choice),
    }
}

/// An answer that is not valid, as typed, in the shape the schema gives the item under `invalid`:
/// a list for a multiple-choice item, a string for any other. Only a damaged draft holds an answer
/// of the other shape: one value is written in the item's shape, so the user still sees it to
/// correct; several values for a one-value item have no such shape and are left out, as the form
/// cannot show them either.
fn raw_value<'a>(item: &Item, answer: &'a Answer) -> Option<FileValue<'a>> {
    let takes_a_list = matches!(item.answer, AnswerKind::Multiple { .. });
    match answer {
        Answer::Text(text) | Answer::Choice(text) if takes_a_list => {
            Some(FileValue::as_typed(std::slice::from_ref(text)))
        }
        Answer::Text(text) | Answer::Choice(text) => Some(FileValue::Text(text)),
        Answer::Choices(values) if takes_a_list => Some(FileValue::as_typed(values)),
        Answer::Choices(values) => match values.as_slice() {
            [one] => Some(FileValue::Text(one)),
            _ => None,
        },
    }
}

/// Why a file was not loaded at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileError {
    Empty,
    TooLarge {
        bytes: usize,
        limit: usize,
    },
    /// More than one byte order mark before the JSON: one is a UTF-8 file's optional mark, more is
    /// a file damaged by another program, which JSON (RFC 8259) and the schema do not allow.
    SeveralByteOrderMarks {
        count: usize,
    },
    /// A `format_version` this app never wrote (0, negative, a fraction, not a number); a higher
    /// whole number is `Unusable(DraftError::NewerVersion)`. `found` is the value as JSON.
    UnknownVersion {
        found: String,
    },
    Unusable(DraftError),
    NoAnswers,
}

impl fmt::Display for FileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Empty => write!(f, "ファイルが空です。"),
            Self::TooLarge { bytes, limit } => write!(
                f,
                "ファイルが大きすぎます（{} KB。読み込めるのは {} KB まで）。このツールで保存したJSONファイルを選んでください。",
                bytes.div_ceil(1024),
                limit / 1024
            ),
            Self::SeveralByteOrderMarks { count } => write!(
                f,
                "ファイルの先頭にBOM（バイト順マーク）が{count}個あります（1個までです）。ほかのプログラムで書き換えられたおそれがあります。このツールで保存し直したJSONファイルを選んでください。"
            ),
            Self::UnknownVersion { found } => write!(
                f,
                "このツールの形式にない版のファイルです（format_version が {found}。読めるのは {ANSWER_FILE_VERSION}）。このツールで保存したJSONファイルを選んでください。"
            ),
            Self::Unusable(error) => write!(f, "{error}"),
            Self::NoAnswers => write!(f, "読み込める回答がありません。"),
        }
    }
}

/// Something in a file that was left out, while the rest was loaded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileWarning {
    UnknownItem(String),
    ImpossibleValue {
        item: String,
        number: String,
        value: String,
    },
    /// An empty list for a multiple-choice item: nothing ticked, so nothing to load, but the file
    /// said something about the item and the user is told (the overview counts it as unanswered).
    NothingTicked {
        item: String,
        number: String,
    },
}

impl fmt::Display for FileWarning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::UnknownItem(key) => {
                write!(
                    f,
                    "「{key}」はこの調査にない設問のため、読み込みませんでした。"
                )
            }
            Self::ImpossibleValue { number, value, .. } => write!(
                f,
                "{number} の回答「{value}」はこの設問に合わないため、読み込みませんでした。"
            ),
            Self::NothingTicked { number, .. } => write!(
                f,
                "{number} の回答は選択肢が1つもない空のリストのため、読み込みませんでした（未回答として扱います）。"
            ),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadedFile {
    pub answers: Answers,
    pub warnings: Vec<FileWarning>,
    /// When the file says it was saved, as written (ISO 8601). The overview of many hospitals keeps
    /// the newest of two files for the same hospital; `None` when absent or not a string.
    pub exported_at: Option<String>,
}

/// Reads an answer file for `survey`. What cannot belong to the survey (unknown items, values of
/// the wrong type or outside the choices) is left out and reported; a file that is not ours, for
/// another survey or from a newer version is refused whole.
pub fn read_answer_file(survey: &Survey, text: &str) -> Result<LoadedFile, FileError> {
    if text.len() > MAX_FILE_BYTES {
        return Err(FileError::TooLarge {
            bytes: text.len(),
            limit: MAX_FILE_BYTES,
        });
    }
    let marks = text.chars().take_while(|&c| c == '\u{feff}').count();
    if marks > 1 {
        return Err(FileError::SeveralByteOrderMarks { count: marks });
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(FileError::Empty);
    }
    let unusable = FileError::Unusable;
    let value: Value = serde_json::from_str(text).map_err(|_| unusable(DraftError::NotJson))?;
    let Value::Object(file) = value else {
        return Err(unusable(DraftError::NotOurs));
    };
    if file.get("format").and_then(Value::as_str) != Some(ANSWER_FILE_FORMAT) {
        return Err(unusable(DraftError::NotOurs));
    }
    check_version(file.get("format_version"))?;
    let found = file.get("survey").and_then(Value::as_str).unwrap_or("");
    if found != survey.id {
        return Err(unusable(DraftError::OtherSurvey {
            found: found.to_owned(),
            expected: survey.id.clone(),
        }));
    }
    let mut loaded = LoadedFile {
        answers: Answers::new(),
        warnings: Vec::new(),
        exported_at: file
            .get("exported_at")
            .and_then(Value::as_str)
            .map(str::to_owned),
    };
    for section in ["answers", "invalid"] {
        match file.get(section) {
            None | Some(Value::Null) => {}
            Some(Value::Object(entries)) => {
                for (key, value) in entries {
                    load_entry(survey, key, value, &mut loaded);
                }
            }
            Some(_) => {
                return Err(unusable(DraftError::Damaged(format!(
                    "「{section}」が正しい形ではありません"
                ))));
            }
        }
    }
    if loaded.answers.iter().next().is_none() {
        return Err(FileError::NoAnswers);
    }
    Ok(loaded)
}

/// The schema allows `"format_version": 1` only (and 1.0, the same number in JSON). A higher whole
/// number is a newer app's, refused with that reason so the user knows to update.
fn check_version(version: Option<&Value>) -> Result<(), FileError> {
    let Some(version) = version else {
        return Err(FileError::Unusable(DraftError::Damaged(
            "形式の版がありません".to_owned(),
        )));
    };
    match version.as_u64() {
        Some(ANSWER_FILE_VERSION) => Ok(()),
        Some(found) if found > ANSWER_FILE_VERSION => {
            Err(FileError::Unusable(DraftError::NewerVersion {
                found,
                supported: ANSWER_FILE_VERSION,
            }))
        }
        _ if version.as_f64() == Some(ANSWER_FILE_VERSION as f64) => Ok(()),
        _ => Err(FileError::UnknownVersion {
            found: version.to_string(),
        }),
    }
}

fn load_entry(survey: &Survey, key: &str, value: &Value, loaded: &mut LoadedFile) {
    let Some(item) = survey.item(key) else {
        loaded
            .warnings
            .push(FileWarning::UnknownItem(key.to_owned()));
        return;
    };
    match answer_from_value(item, value) {
        Some(answer) => match answer {
            Answer::Text(text) => loaded.answers.set_text(&item.id, text),
            Answer::Choice(choice) => loaded.answers.set_choice(&item.id, choice),
            Answer::Choices(choices) if choices.is_empty() => {
                loaded.warnings.push(FileWarning::NothingTicked {
                    item: item.id.clone(),
                    number: item.number.clone(),
                });
            }
            Answer::Choices(choices) => {
                for choice in choices {
                    loaded.answers.set_choice_ticked(item, &choice, true);
                }
            }
        },
        None => loaded.warnings.push(FileWarning::ImpossibleValue {
            item: item.id.clone(),
            number: item.number.clone(),
            value: match value {
                Value::String(text) => text.clone(),
                other => other.to_string(),
            },
        }),
    }
}

fn answer_from_value(item: &Item, value: &Value) -> Option<Answer> {
    let offered = |choice: &str| item.choices().iter().any(|c| c == choice);
    match (&item.answer, value) {
        (AnswerKind::Text { .. }, Value::String(text)) => Some(Answer::Text(text.clone())),
        (AnswerKind::Integer { .. }, Value::Number(number)) => {
            number.as_u64().map(|n| Answer::Text(n.to_string()))
        }
        // A number that was not valid when saved comes back as typed, for the user to correct.
        (AnswerKind::Integer { .. }, Value::String(text)) => Some(Answer::Text(text.clone())),
        (AnswerKind::YesNo | AnswerKind::Single { .. }, Value::String(choice))
            if offered(choice) =>
        {
            Some(Answer::Choice(choice.clone()))
        }
        (AnswerKind::Multiple { .. }, Value::Array(values)) => {
            let choices: Option<Vec<String>> = values
                .iter()
                .map(|v| v.as_str().filter(|c| offered(c)).map(str::to_owned))
                .collect();
            choices.map(Answer::Choices)
        }
        _ => None,
    }
}
