//! Where the app gets its survey. The definition file is parsed and checked by build.rs, which
//! writes it out as Rust; the browser never parses JSON to learn the survey.

use super::check::{DefinitionError, check};
use super::definition::{
    Advisory, AdvisoryLevel, AdvisoryTest, AnswerKind, Block, Condition, ConditionTest, Item,
    Section, Survey,
};

mod r6 {
    use super::{
        Advisory, AdvisoryLevel, AdvisoryTest, AnswerKind, Block, Condition, ConditionTest, Item,
        Section, Survey,
    };
    include!(concat!(env!("OUT_DIR"), "/r6_survey.rs"));
}

/// The R6 survey without the words the form page has in its HTML (see build.rs).
pub fn r6_lean_survey() -> Survey {
    decode_lean(r6::LEAN)
}

/// Reads the field string build.rs writes (see `lean_code` there). The string is build output
/// checked at build time, so a malformed one is a bug: it yields empty fields rather than panicking.
fn decode_lean(text: &str) -> Survey {
    let mut fields = text.split('\u{1f}');
    let mut next = move || fields.next().unwrap_or("").to_owned();
    let number = |next: &mut dyn FnMut() -> String| next().parse::<u32>().unwrap_or(0);
    let mut survey = Survey {
        id: next(),
        title: next(),
        file_label: next(),
        guideline: next(),
        period: String::new(),
        answer_method: String::new(),
        respondent_item: next(),
        hospital_item: next(),
        guide: Vec::new(),
        sections: Vec::new(),
    };
    for _ in 0..number(&mut next) {
        let mut section = Section {
            id: next(),
            title: String::new(),
            items: Vec::new(),
        };
        for _ in 0..number(&mut next) {
            let id = next();
            let item_number = next();
            let required = next() == "1";
            let answer = match next().as_str() {
                "T" => AnswerKind::Text {
                    max_chars: number(&mut next) as usize,
                },
                "Y" => AnswerKind::YesNo,
                kind @ ("S" | "M") => {
                    let choices = (0..number(&mut next)).map(|_| next()).collect();
                    if kind == "S" {
                        AnswerKind::Single { choices }
                    } else {
                        AnswerKind::Multiple { choices }
                    }
                }
                _ => AnswerKind::Integer {
                    min: number(&mut next),
                    max: number(&mut next),
                    unit: next(),
                },
            };
            let when = match next().as_str() {
                "-" => None,
                kind => {
                    let item = next();
                    let value = next();
                    let test = if kind == "E" {
                        ConditionTest::Equals(value)
                    } else {
                        ConditionTest::Includes(value)
                    };
                    Some(Condition { item, test })
                }
            };
            let advisories = (0..number(&mut next))
                .map(|_| {
                    let when = if next() == "E" {
                        AdvisoryTest::Equals(next())
                    } else {
                        AdvisoryTest::Below(number(&mut next))
                    };
                    let level = if next() == "S" {
                        AdvisoryLevel::Shortfall
                    } else {
                        AdvisoryLevel::Note
                    };
                    Advisory {
                        when,
                        level,
                        message: String::new(),
                        reference: String::new(),
                    }
                })
                .collect();
            section.items.push(Item {
                id,
                number: item_number,
                lead: None,
                text: String::new(),
                guidance: Vec::new(),
                answer,
                required,
                when,
                advisories,
            });
        }
        survey.sections.push(section);
    }
    survey
}

/// The R6 survey as `data/r6/survey.json` states it; its checks passed when it was built.
pub fn r6_survey() -> Survey {
    r6::definition()
}

/// Parses and checks a definition at run time. The app does not need this (build.rs does it);
/// tests use it to hold build.rs to the JSON file and to exercise every check.
pub fn parse_definition(json: &str) -> Result<Survey, Vec<DefinitionError>> {
    let survey: Survey = serde_json::from_str(json)
        .map_err(|error| vec![DefinitionError::Unreadable(error.to_string())])?;
    let errors = check(&survey);
    if errors.is_empty() {
        Ok(survey)
    } else {
        Err(errors)
    }
}
