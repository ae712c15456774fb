//! The JSON Schema of the answer file, derived from the survey definition so that the two cannot
//! drift apart. `docs/answer-file.schema.json` is this function's output, kept in the repository
//! for importers; a test fails when the definition changes and the file was not regenerated.

use serde_json::{Map, Value, json};

use super::answer_file::{ANSWER_FILE_FORMAT, ANSWER_FILE_VERSION};
use crate::survey::{AnswerKind, Item, Survey};

pub fn answer_file_schema(survey: &Survey) -> Value {
    let mut answers = Map::new();
    let mut invalid = Map::new();
    for item in survey.items() {
        answers.insert(item.id.clone(), valid_answer_schema(item));
        invalid.insert(item.id.clone(), invalid_answer_schema(item));
    }
    // Where an item id is not its 項番 (a 項番 the survey uses twice), the description says so.
    let renamed: Vec<String> = survey
        .items()
        .filter(|item| item.id != item.number)
        .map(|item| format!("{}「{}」は {}", item.number, item.text, item.id))
        .collect();
    let keys = if renamed.is_empty() {
        "キーは設問ID（項番）".to_owned()
    } else {
        format!("キーは設問ID（項番。ただし {}）", renamed.join("、"))
    };
    json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": format!("urn:cyber-survey:{ANSWER_FILE_FORMAT}:{ANSWER_FILE_VERSION}:{}", survey.id),
        "title": format!("回答準備ツール JSON回答ファイル 第{ANSWER_FILE_VERSION}版（{}）", survey.title),
        "type": "object",
        "additionalProperties": false,
        "required": ["format", "format_version", "survey", "survey_title", "app_version",
            "exported_at", "hospital", "respondent", "complete", "answers", "invalid"],
        "properties": {
            "format": { "const": ANSWER_FILE_FORMAT },
            "format_version": { "const": ANSWER_FILE_VERSION },
            "survey": { "const": survey.id },
            "survey_title": { "type": "string" },
            "app_version": { "type": "string" },
            "exported_at": { "type": "string", "format": "date-time" },
            "hospital": { "type": "string", "description": format!("{} の回答", survey.hospital_item) },
            "respondent": { "type": "string", "description": format!("{} の回答", survey.respondent_item) },
            "complete": { "type": "boolean", "description": "表示されるすべての設問に正しく回答済みか" },
            "answers": {
                "type": "object",
                "description": format!("表示される設問の正しい回答。{keys}"),
                "additionalProperties": false,
                "properties": answers
            },
            "invalid": {
                "type": "object",
                "description": "表示される設問で、入力はあるが正しくない回答（入力どおり）",
                "additionalProperties": false,
                "properties": invalid
            }
        }
    })
}

fn valid_answer_schema(item: &Item) -> Value {
    let mut schema = match &item.answer {
        AnswerKind::Text { max_chars } => {
            json!({ "type": "string", "minLength": 1, "maxLength": max_chars })
        }
        AnswerKind::YesNo | AnswerKind::Single { .. } => json!({ "enum": item.choices() }),
        AnswerKind::Multiple { .. } => json!({
            "type": "array", "minItems": 1, "uniqueItems": true,
            "items": { "enum": item.choices() }
        }),
        AnswerKind::Integer { min, max, .. } => {
            json!({ "type": "integer", "minimum": min, "maximum": max })
        }
    };
    if let Value::Object(object) = &mut schema {
        object.insert("description".into(), Value::from(item_title(item)));
    }
    schema
}

fn invalid_answer_schema(item: &Item) -> Value {
    match &item.answer {
        AnswerKind::Multiple { .. } => json!({ "type": "array", "items": { "type": "string" } }),
        _ => json!({ "type": "string" }),
    }
}

fn item_title(item: &Item) -> String {
    format!("{} {}", item.number, item.text)
}
