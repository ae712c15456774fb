//! The lean definition: what the answering page's wasm needs of the survey (ids, numbers, choices
//! and rules), as one string of fields separated by U+001F. build.rs encodes it from the checked
//! definition; the page decodes it with a few hundred bytes of code instead of constructor code for
//! every String. The words the form shows live in the page's static HTML (build.rs's form_html).

use std::fmt;

use super::definition::{
    Advisory, AdvisoryLevel, AdvisoryTest, AnswerKind, Behavior, Condition, ConditionTest, Item,
    Section, Survey, When,
};

/// Separates the fields; no text of a definition may hold it.
pub const SEPARATOR: char = '\u{1f}';

/// Why a definition cannot be encoded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LeanError {
    /// A text of the definition holds [`SEPARATOR`].
    Separator(String),
}

impl fmt::Display for LeanError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Separator(text) => write!(f, "U+001F は定義に使えません: {text}"),
        }
    }
}

/// The survey without the words the form page has in its HTML: what [`decode`] gives back.
pub fn without_words(survey: &Survey) -> Survey {
    let mut lean = survey.clone();
    // The form page writes no file (the files screen does, from the full definition): the survey's
    // title, file label and guideline are not needed there either.
    lean.title.clear();
    lean.file_label.clear();
    lean.guideline.clear();
    lean.period.clear();
    lean.answer_method.clear();
    lean.guide.clear();
    for section in &mut lean.sections {
        section.title.clear();
        for item in &mut section.items {
            item.lead = None;
            item.text.clear();
            item.guidance.clear();
            for advisory in &mut item.advisories {
                advisory.message.clear();
                advisory.reference.clear();
            }
        }
    }
    lean
}

/// The fields of a survey, in the order [`decode`] reads them; the words [`without_words`] drops are
/// not written.
pub fn encode(survey: &Survey) -> Result<String, LeanError> {
    let mut f: Vec<String> = Vec::new();
    // A field holding the separator is refused after the fact (below), so that pushing stays a
    // plain call.
    let push = |f: &mut Vec<String>, t: &str| f.push(t.to_owned());
    push(&mut f, &survey.id);
    push(&mut f, &survey.fiscal_year.to_string());
    for t in [&survey.respondent_item, &survey.hospital_item] {
        push(&mut f, t);
    }
    push(&mut f, &survey.sections.len().to_string());
    for section in &survey.sections {
        push(&mut f, &section.id);
        push(&mut f, &section.items.len().to_string());
        for item in &section.items {
            push(&mut f, &item.id);
            push(&mut f, &item.number);
            push(&mut f, if item.required { "1" } else { "0" });
            match &item.answer {
                AnswerKind::Text { max_chars } => {
                    push(&mut f, "T");
                    push(&mut f, &max_chars.to_string());
                }
                AnswerKind::YesNo => push(&mut f, "Y"),
                AnswerKind::Single { choices } | AnswerKind::Multiple { choices } => {
                    push(
                        &mut f,
                        if matches!(item.answer, AnswerKind::Single { .. }) {
                            "S"
                        } else {
                            "M"
                        },
                    );
                    push(&mut f, &choices.len().to_string());
                    for c in choices {
                        push(&mut f, c);
                    }
                }
                AnswerKind::Integer { min, max, unit } => {
                    push(&mut f, "I");
                    push(&mut f, &min.to_string());
                    push(&mut f, &max.to_string());
                    push(&mut f, unit);
                }
            }
            match &item.when {
                None => push(&mut f, "-"),
                Some(when) => {
                    push(
                        &mut f,
                        match when.behavior {
                            Behavior::All => "&",
                            Behavior::Any => "|",
                        },
                    );
                    push(&mut f, &when.conditions.len().to_string());
                    for c in &when.conditions {
                        let (k, v) = match &c.test {
                            ConditionTest::Equals(v) => ("E", v.clone()),
                            ConditionTest::NotEquals(v) => ("N", v.clone()),
                            ConditionTest::Includes(v) => ("I", v.clone()),
                            ConditionTest::Answered => ("A", String::new()),
                            ConditionTest::NotAnswered => ("U", String::new()),
                            ConditionTest::Lt(n) => ("L", n.to_string()),
                            ConditionTest::Le(n) => ("l", n.to_string()),
                            ConditionTest::Gt(n) => ("G", n.to_string()),
                            ConditionTest::Ge(n) => ("g", n.to_string()),
                        };
                        push(&mut f, k);
                        push(&mut f, &c.item);
                        push(&mut f, &v);
                    }
                }
            }
            push(&mut f, &item.advisories.len().to_string());
            for a in &item.advisories {
                match &a.when {
                    AdvisoryTest::Equals(v) => {
                        push(&mut f, "E");
                        push(&mut f, v);
                    }
                    AdvisoryTest::Below(n) => {
                        push(&mut f, "B");
                        push(&mut f, &n.to_string());
                    }
                }
                push(
                    &mut f,
                    match a.level {
                        AdvisoryLevel::Shortfall => "S",
                        AdvisoryLevel::Note => "N",
                    },
                );
            }
        }
    }
    match f.iter().find(|field| field.contains(SEPARATOR)) {
        Some(field) => Err(LeanError::Separator(field.clone())),
        None => Ok(f.join("\u{1f}")),
    }
}

/// Reads the field string [`encode`] writes. The string is build output checked at build time, so
/// a malformed one is a bug: it yields empty fields rather than panicking.
pub fn decode(text: &str) -> Survey {
    let mut fields = text.split('\u{1f}');
    let mut next = move || fields.next().unwrap_or("").to_owned();
    let number = |next: &mut dyn FnMut() -> String| next().parse::<u32>().unwrap_or(0);
    let id = next();
    let fiscal_year = number(&mut next);
    let mut survey = Survey {
        id,
        fiscal_year,
        title: String::new(),
        file_label: String::new(),
        guideline: String::new(),
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
                behavior => {
                    let behavior = if behavior == "|" {
                        Behavior::Any
                    } else {
                        Behavior::All
                    };
                    // Collected, as the choices are: a push would cost a growth routine of its own.
                    let conditions = (0..number(&mut next))
                        .map(|_| {
                            let kind = next();
                            let item = next();
                            let value = next();
                            let limit = value.parse::<u32>().unwrap_or(0);
                            // By its one byte: a jump, where comparing strings costs code per arm.
                            let test = match kind.bytes().next() {
                                Some(b'E') => ConditionTest::Equals(value),
                                Some(b'N') => ConditionTest::NotEquals(value),
                                Some(b'I') => ConditionTest::Includes(value),
                                Some(b'A') => ConditionTest::Answered,
                                Some(b'U') => ConditionTest::NotAnswered,
                                Some(b'L') => ConditionTest::Lt(limit),
                                Some(b'l') => ConditionTest::Le(limit),
                                Some(b'G') => ConditionTest::Gt(limit),
                                _ => ConditionTest::Ge(limit),
                            };
                            Condition { item, test }
                        })
                        .collect();
                    Some(When {
                        behavior,
                        conditions,
                    })
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
