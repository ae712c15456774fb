//! The consistency rules a survey definition must satisfy before the app will use it. They catch the
//! mistakes a data edit can make: a condition naming an item that does not exist yet, a value no
//! answer can take, a duplicated id.

use std::collections::{HashMap, HashSet};
use std::fmt;

use super::definition::{AdvisoryTest, AnswerKind, ConditionTest, Survey};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DefinitionError {
    /// The embedded file is not valid JSON of the expected shape.
    Unreadable(String),
    NoItems,
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
    /// A condition names an item that is not defined before this one: conditions point backwards so
    /// that visibility can be decided in one pass, in order, and never loops.
    ConditionOnUnknownOrLaterItem {
        item: String,
        refers_to: String,
    },
    /// `equals` on a multiple choice, or `includes` on anything else.
    ConditionTestDoesNotFit {
        item: String,
        refers_to: String,
    },
    ConditionValueImpossible {
        item: String,
        refers_to: String,
        value: String,
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
            Self::ConditionTestDoesNotFit { item, refers_to } => write!(
                f,
                "{item} の表示条件の種類が、設問 {refers_to} の回答形式に合いません。"
            ),
            Self::ConditionValueImpossible {
                item,
                refers_to,
                value,
            } => write!(
                f,
                "{item} の表示条件の値「{value}」は、設問 {refers_to} の選択肢にありません。"
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

/// Every problem in the definition, in item order; empty when the definition is sound.
pub fn check(survey: &Survey) -> Vec<DefinitionError> {
    let mut errors = Vec::new();
    if survey.item_count() == 0 {
        errors.push(DefinitionError::NoItems);
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
    for id in survey
        .sections
        .iter()
        .map(|s| &s.id)
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
        if let Some(condition) = &item.when {
            let refers_to = condition.item.clone();
            match earlier.get(condition.item.as_str()) {
                None => errors.push(DefinitionError::ConditionOnUnknownOrLaterItem {
                    item: id.clone(),
                    refers_to,
                }),
                Some(kind) => {
                    if let Some(error) = check_condition_fits(&id, refers_to, kind, &condition.test)
                    {
                        errors.push(error);
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

fn check_condition_fits(
    item: &str,
    refers_to: String,
    kind: &AnswerKind,
    test: &ConditionTest,
) -> Option<DefinitionError> {
    let (value, choices): (&String, Vec<&str>) = match (test, kind) {
        (ConditionTest::Equals(value), AnswerKind::YesNo) => {
            (value, vec![super::definition::YES, super::definition::NO])
        }
        (ConditionTest::Equals(value), AnswerKind::Single { choices })
        | (ConditionTest::Includes(value), AnswerKind::Multiple { choices }) => {
            (value, choices.iter().map(String::as_str).collect())
        }
        _ => {
            return Some(DefinitionError::ConditionTestDoesNotFit {
                item: item.to_owned(),
                refers_to,
            });
        }
    };
    (!choices.contains(&value.as_str())).then(|| DefinitionError::ConditionValueImpossible {
        item: item.to_owned(),
        refers_to,
        value: value.clone(),
    })
}
