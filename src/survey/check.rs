//! The consistency rules a survey definition must satisfy before the app will use it. They catch the
//! mistakes a data edit can make: a condition naming an item that does not exist or comes later, an
//! operator that does not fit the item it tests, a value no answer can take, a duplicated id.

use std::collections::{HashMap, HashSet};
use std::fmt;

use super::definition::{AdvisoryTest, AnswerKind, ConditionTest, NO, Survey, YES};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DefinitionError {
    /// The embedded file is not valid JSON of the expected shape.
    Unreadable(String),
    NoItems,
    /// `fiscal_year` is 0: the edition would never be the one served.
    NoFiscalYear,
    DuplicateItemId(String),
    DuplicateSectionId(String),
    /// Ids become parts of HTML ids, CSS selectors and file columns: ASCII letters, digits, `-`
    /// and `_` only.
    UnsafeId(String),
    /// An item's id equals the id of another item's n-th control (`field-{id}-{n}`), so the two
    /// would share one HTML id.
    ControlIdClash {
        item: String,
        with: String,
    },
    EmptyText {
        item: String,
    },
    NoChoices {
        item: String,
    },
    DuplicateChoice {
        item: String,
        choice: String,
    },
    ZeroTextLimit {
        item: String,
    },
    EmptyRange {
        item: String,
        min: u32,
        max: u32,
    },
    /// A condition's test names an item of the survey that is not defined before this one (a later
    /// item, or the item itself): conditions point backwards so that visibility can be decided in
    /// one pass, in order, and never loops.
    ConditionOnUnknownOrLaterItem {
        item: String,
        refers_to: String,
    },
    /// A condition's test names no item of the survey.
    ConditionOnUnknownItem {
        item: String,
        refers_to: String,
    },
    /// `all` or `any` with no test in it (`all` of nothing would always hold, `any` never).
    EmptyCondition {
        item: String,
    },
    /// The operator does not fit the kind of the item it tests: `equals` / `not_equals` need a
    /// はい/いいえ or single-choice item, `includes` a multiple-choice one, `lt` `le` `gt` `ge` a
    /// whole-number one (`answered` / `not_answered` fit every kind).
    ConditionTestDoesNotFit {
        item: String,
        refers_to: String,
    },
    /// `equals`, `not_equals` or `includes` a value the item does not offer.
    ConditionValueImpossible {
        item: String,
        refers_to: String,
        value: String,
    },
    /// `lt` `le` `gt` `ge` a number outside the whole-number item's range.
    ConditionNumberOutOfRange {
        item: String,
        refers_to: String,
        value: u32,
        min: u32,
        max: u32,
    },
    /// An advisory's test does not fit its item: `equals` a value the item does not offer, or
    /// `below` on an item that is not a number.
    AdvisoryDoesNotFit {
        item: String,
    },
    /// `respondent_item` or `hospital_item` is not a free-text item of the survey.
    RoleNotATextItem {
        role: &'static str,
        item: String,
    },
}

impl fmt::Display for DefinitionError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Unreadable(reason) => write!(f, "調査票の定義を読み込めません: {reason}"),
            Self::NoItems => write!(f, "調査票の定義に設問がありません。"),
            Self::NoFiscalYear => write!(
                f,
                "fiscal_year（調査の年度。令和6年度なら 6）を1以上の数で書いてください。"
            ),
            Self::DuplicateItemId(id) => write!(f, "設問ID {id} が重複しています。"),
            Self::DuplicateSectionId(id) => write!(f, "区分ID {id} が重複しています。"),
            Self::UnsafeId(id) => write!(
                f,
                "ID「{id}」には、半角英数字と「-」「_」以外の文字は使えません。"
            ),
            Self::ControlIdClash { item, with } => write!(
                f,
                "設問ID {item} は、設問 {with} の選択肢の欄と同じ名前になります。別のIDにしてください。"
            ),
            Self::EmptyText { item } => write!(f, "{item} の設問文が空です。"),
            Self::NoChoices { item } => write!(f, "{item} に選択肢がありません。"),
            Self::DuplicateChoice { item, choice } => {
                write!(f, "{item} の選択肢「{choice}」が重複しています。")
            }
            Self::ZeroTextLimit { item } => write!(f, "{item} の文字数上限が0です。"),
            Self::EmptyRange { item, min, max } => {
                write!(f, "{item} の範囲（{min}〜{max}）が不正です。")
            }
            Self::ConditionOnUnknownOrLaterItem { item, refers_to } => write!(
                f,
                "{item} の表示条件が、それより前にない設問 {refers_to} を参照しています。"
            ),
            Self::ConditionOnUnknownItem { item, refers_to } => write!(
                f,
                "{item} の表示条件が、調査票にない設問 {refers_to} を参照しています。"
            ),
            Self::EmptyCondition { item } => write!(
                f,
                "{item} の表示条件の all・any に、条件が1つもありません。"
            ),
            Self::ConditionTestDoesNotFit { item, refers_to } => write!(
                f,
                "{item} の表示条件の種類が、設問 {refers_to} の回答形式に合いません（equals・not_equals ははい/いいえと単一選択、includes は複数選択、lt・le・gt・ge は整数の設問に使えます）。"
            ),
            Self::ConditionValueImpossible {
                item,
                refers_to,
                value,
            } => write!(
                f,
                "{item} の表示条件の値「{value}」は、設問 {refers_to} の選択肢にありません。"
            ),
            Self::ConditionNumberOutOfRange {
                item,
                refers_to,
                value,
                min,
                max,
            } => write!(
                f,
                "{item} の表示条件の値 {value} は、設問 {refers_to} の範囲（{min}〜{max}）の外です。"
            ),
            Self::AdvisoryDoesNotFit { item } => {
                write!(f, "{item} の対策状況の条件が、この設問の回答に合いません。")
            }
            Self::RoleNotATextItem { role, item } => {
                write!(
                    f,
                    "{role} に指定された {item} は、自由記述の設問ではありません。"
                )
            }
        }
    }
}

/// A definition file that cannot be used, with every problem found in it: what build.rs stops the
/// build with, naming the file (each problem names its item).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DefinitionFileError {
    pub file: String,
    pub errors: Vec<DefinitionError>,
}

impl fmt::Display for DefinitionFileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} に誤りがあります:", self.file)?;
        for error in &self.errors {
            write!(f, "\n{error}")?;
        }
        Ok(())
    }
}

/// Parses and checks a definition. The app does not need this at run time (build.rs does it);
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

/// What build.rs does with each definition file: [`parse_definition`], with the file named.
pub fn read_definition_file(file: &str, json: &str) -> Result<Survey, DefinitionFileError> {
    parse_definition(json).map_err(|errors| DefinitionFileError {
        file: file.to_owned(),
        errors,
    })
}

/// Every problem in the definition, in item order; empty when the definition is sound.
pub fn check(survey: &Survey) -> Vec<DefinitionError> {
    let mut errors = Vec::new();
    if survey.item_count() == 0 {
        errors.push(DefinitionError::NoItems);
    }
    if survey.fiscal_year == 0 {
        errors.push(DefinitionError::NoFiscalYear);
    }
    let mut section_ids = HashSet::new();
    for section in &survey.sections {
        if !section_ids.insert(section.id.as_str()) {
            errors.push(DefinitionError::DuplicateSectionId(section.id.clone()));
        }
    }
    let safe = |id: &str| {
        !id.is_empty()
            && id
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
    };
    // The survey's own id also names drafts, saved files and the edition's generated files.
    for id in std::iter::once(&survey.id)
        .chain(survey.sections.iter().map(|s| &s.id))
        .chain(survey.items().map(|i| &i.id))
    {
        if !safe(id) {
            errors.push(DefinitionError::UnsafeId(id.clone()));
        }
    }
    // A choice item's n-th control (n ≥ 1) has the HTML id `field-{id}-{n}`.
    for owner in survey.items() {
        for n in 1..owner.choices().len() {
            let control = format!("{}-{n}", owner.id);
            if survey.items().any(|item| item.id == control) {
                errors.push(DefinitionError::ControlIdClash {
                    item: control,
                    with: owner.id.clone(),
                });
            }
        }
    }

    let all_ids: HashSet<&str> = survey.items().map(|item| item.id.as_str()).collect();
    let mut earlier: HashMap<&str, &AnswerKind> = HashMap::new();
    for item in survey.items() {
        let id = item.id.clone();
        if item.text.trim().is_empty() {
            errors.push(DefinitionError::EmptyText { item: id.clone() });
        }
        match &item.answer {
            AnswerKind::Single { choices } | AnswerKind::Multiple { choices } => {
                if choices.is_empty() {
                    errors.push(DefinitionError::NoChoices { item: id.clone() });
                }
                for (index, choice) in choices.iter().enumerate() {
                    if choices[..index].contains(choice) {
                        errors.push(DefinitionError::DuplicateChoice {
                            item: id.clone(),
                            choice: choice.clone(),
                        });
                    }
                }
            }
            AnswerKind::Text { max_chars: 0 } => {
                errors.push(DefinitionError::ZeroTextLimit { item: id.clone() });
            }
            AnswerKind::Integer { min, max, .. } if min > max => {
                errors.push(DefinitionError::EmptyRange {
                    item: id.clone(),
                    min: *min,
                    max: *max,
                });
            }
            AnswerKind::Text { .. } | AnswerKind::YesNo | AnswerKind::Integer { .. } => {}
        }
        for advisory in &item.advisories {
            let fits = match (&advisory.when, &item.answer) {
                (AdvisoryTest::Equals(value), _) => item.choices().contains(value),
                (AdvisoryTest::Below(_), AnswerKind::Integer { .. }) => true,
                (AdvisoryTest::Below(_), _) => false,
            };
            if !fits {
                errors.push(DefinitionError::AdvisoryDoesNotFit { item: id.clone() });
            }
        }
        if let Some(when) = &item.when {
            if when.conditions.is_empty() {
                errors.push(DefinitionError::EmptyCondition { item: id.clone() });
            }
            for condition in &when.conditions {
                let refers_to = condition.item.clone();
                match earlier.get(condition.item.as_str()) {
                    None if all_ids.contains(condition.item.as_str()) => {
                        errors.push(DefinitionError::ConditionOnUnknownOrLaterItem {
                            item: id.clone(),
                            refers_to,
                        });
                    }
                    None => errors.push(DefinitionError::ConditionOnUnknownItem {
                        item: id.clone(),
                        refers_to,
                    }),
                    Some(kind) => {
                        if let Some(error) =
                            check_condition_fits(&id, refers_to, kind, &condition.test)
                        {
                            errors.push(error);
                        }
                    }
                }
            }
        }
        if earlier.insert(item.id.as_str(), &item.answer).is_some() {
            errors.push(DefinitionError::DuplicateItemId(id));
        }
    }
    for (role, item) in [
        ("respondent_item", &survey.respondent_item),
        ("hospital_item", &survey.hospital_item),
    ] {
        if !matches!(earlier.get(item.as_str()), Some(AnswerKind::Text { .. })) {
            errors.push(DefinitionError::RoleNotATextItem {
                role,
                item: item.clone(),
            });
        }
    }
    errors
}

/// Whether a test fits the kind of the item it names, and its value is one that item can take.
fn check_condition_fits(
    item: &str,
    refers_to: String,
    kind: &AnswerKind,
    test: &ConditionTest,
) -> Option<DefinitionError> {
    let yes_no = [YES.to_owned(), NO.to_owned()];
    let choices: &[String] = match (test, kind) {
        (ConditionTest::Answered | ConditionTest::NotAnswered, _) => return None,
        (ConditionTest::Equals(_) | ConditionTest::NotEquals(_), AnswerKind::YesNo) => &yes_no,
        (
            ConditionTest::Equals(_) | ConditionTest::NotEquals(_),
            AnswerKind::Single { choices },
        )
        | (ConditionTest::Includes(_), AnswerKind::Multiple { choices }) => choices,
        (
            ConditionTest::Lt(value)
            | ConditionTest::Le(value)
            | ConditionTest::Gt(value)
            | ConditionTest::Ge(value),
            AnswerKind::Integer { min, max, .. },
        ) => {
            return (value < min || value > max).then(|| {
                DefinitionError::ConditionNumberOutOfRange {
                    item: item.to_owned(),
                    refers_to,
                    value: *value,
                    min: *min,
                    max: *max,
                }
            });
        }
        _ => {
            return Some(DefinitionError::ConditionTestDoesNotFit {
                item: item.to_owned(),
                refers_to,
            });
        }
    };
    let value = match test {
        ConditionTest::Equals(value)
        | ConditionTest::NotEquals(value)
        | ConditionTest::Includes(value) => value,
        _ => return None,
    };
    (!choices.contains(value)).then(|| DefinitionError::ConditionValueImpossible {
        item: item.to_owned(),
        refers_to,
        value: value.clone(),
    })
}
