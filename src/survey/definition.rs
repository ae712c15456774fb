//! The shape of a survey definition. The content lives in `data/<survey>/survey.json`, so that next
//! year's survey is a data edit; these types only say what such a file may contain.

use serde::Deserialize;

/// Identifies an item inside one survey. Usually the 項番, except where the survey reuses a 項番 (the two
/// Q2-3 rows), which is why it is kept apart from [`Item::number`].
pub type ItemId = String;

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Survey {
    /// Short, stable identifier carried by drafts and exports (`R6` for 令和6年度), so that a file for another year's
    /// survey is recognised and refused.
    pub id: String,
    /// The fiscal year the edition is for, as a number of the Reiwa era (6 for 令和6年度): the
    /// answering page serves the edition with the greatest.
    pub fiscal_year: u32,
    pub title: String,
    /// The short name saved files carry: `<id>_<file_label>_<病院名>_<日付>.csv`.
    pub file_label: String,
    /// The guideline the readiness report compares the answers with.
    pub guideline: String,
    pub period: String,
    pub answer_method: String,
    /// The item whose answer names the person answering (exports carry it at the top).
    pub respondent_item: ItemId,
    /// The item whose answer names the hospital: it names drafts and exported files.
    pub hospital_item: ItemId,
    /// The 回答要領's general part (依頼事項), shown once above the items.
    pub guide: Vec<Block>,
    pub sections: Vec<Section>,
}

/// A group of items as the survey groups them; the grouping is the app's, the items are the seed's.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Section {
    pub id: String,
    pub title: String,
    pub items: Vec<Item>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Item {
    pub id: ItemId,
    /// 項番 as printed in the survey, e.g. "Q2-3".
    pub number: String,
    /// The sentence the item table puts before the question of a follow-up item
    /// (「Q2-1に対して「はい」を選択した方が対象となる質問です。」).
    #[serde(default)]
    pub lead: Option<String>,
    /// The question wording exactly as in the item table.
    pub text: String,
    /// The item's part of the 回答要領, block by block.
    pub guidance: Vec<Block>,
    pub answer: AnswerKind,
    pub required: bool,
    /// When absent the item is always asked.
    #[serde(default)]
    pub when: Option<When>,
    /// What the answer says about the hospital's security against the guideline. Never blocks.
    #[serde(default)]
    pub advisories: Vec<Advisory>,
}

/// A note shown when the item's own answer meets a condition: for example Q17-6 = いいえ (no offline
/// backup). The reference is the section the 回答要領 cites for the item.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Advisory {
    #[serde(flatten)]
    pub when: AdvisoryTest,
    pub level: AdvisoryLevel,
    pub message: String,
    pub reference: String,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AdvisoryTest {
    /// The chosen answer (はい/いいえ or one choice) equals the value.
    Equals(String),
    /// The whole-number answer is below the value.
    Below(u32),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AdvisoryLevel {
    /// Falls short of what the guideline asks.
    Shortfall,
    /// Meets the minimum, with something to know.
    Note,
}

impl Item {
    /// Choices a user picks from, in the order they are offered.
    pub fn choices(&self) -> &[String] {
        match &self.answer {
            AnswerKind::YesNo => yes_no_choices(),
            AnswerKind::Single { choices } | AnswerKind::Multiple { choices } => choices,
            AnswerKind::Text { .. } | AnswerKind::Integer { .. } => &[],
        }
    }
}

fn yes_no_choices() -> &'static [String] {
    static CHOICES: std::sync::OnceLock<[String; 2]> = std::sync::OnceLock::new();
    CHOICES.get_or_init(|| [YES.to_owned(), NO.to_owned()])
}

pub const YES: &str = "はい";
pub const NO: &str = "いいえ";

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum AnswerKind {
    /// Free text on one line, limited in characters (not bytes: 氏名 and 病院名 are mostly kanji).
    Text {
        max_chars: usize,
    },
    /// はい / いいえ, the two answers this survey family uses.
    YesNo,
    Single {
        choices: Vec<String>,
    },
    Multiple {
        choices: Vec<String>,
    },
    /// A whole number typed in half-width digits.
    Integer {
        min: u32,
        max: u32,
        unit: String,
    },
}

/// When an item is asked, after FHIR Questionnaire `enableWhen` and `enableBehavior`: tests on the
/// answers of items defined before it, of which all must hold ([`Behavior::All`]) or at least one
/// ([`Behavior::Any`]). A test on an item that is not asked is false, whatever its operator, so
/// hiding an item hides what depends on it alone. In JSON either one test
/// (`{"item": "Q2-1", "equals": "はい"}`, which is `all` of that one) or `{"all": [...]}` /
/// `{"any": [...]}` of tests; see docs/survey-definition.md.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(try_from = "RawCondition")]
pub struct When {
    pub behavior: Behavior,
    pub conditions: Vec<Condition>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Behavior {
    All,
    Any,
}

/// One test: the item it names and what that item's answer must be.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(try_from = "RawCondition")]
pub struct Condition {
    pub item: ItemId,
    pub test: ConditionTest,
}

/// What a test asks of the answer, as given (valid or not: ticking その他 asks for its text even if
/// another tick is a value the item does not offer). Every test but `NotAnswered` needs an answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ConditionTest {
    /// The single answer (はい/いいえ or one choice) equals the value.
    Equals(String),
    /// A single answer (はい/いいえ or one choice) is given and is not the value.
    NotEquals(String),
    /// The multiple-choice answer contains the value.
    Includes(String),
    /// Anything is given (what [`crate::survey::Answer::is_given`] says).
    Answered,
    /// Nothing is given.
    NotAnswered,
    /// The whole-number answer is below the value.
    Lt(u32),
    /// The whole-number answer is at most the value.
    Le(u32),
    /// The whole-number answer is above the value.
    Gt(u32),
    /// The whole-number answer is at least the value.
    Ge(u32),
}

impl ConditionTest {
    /// The operator's name in the definition file.
    pub fn name(&self) -> &'static str {
        match self {
            Self::Equals(_) => "equals",
            Self::NotEquals(_) => "not_equals",
            Self::Includes(_) => "includes",
            Self::Answered => "answered",
            Self::NotAnswered => "not_answered",
            Self::Lt(_) => "lt",
            Self::Le(_) => "le",
            Self::Gt(_) => "gt",
            Self::Ge(_) => "ge",
        }
    }
}

/// A condition as the file writes it, before it is known to be one test or a group of tests: every
/// key either may have. Only build.rs and tests read JSON; the pages get the survey as Rust.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCondition {
    item: Option<ItemId>,
    equals: Option<String>,
    not_equals: Option<String>,
    includes: Option<String>,
    answered: Option<bool>,
    not_answered: Option<bool>,
    lt: Option<u32>,
    le: Option<u32>,
    gt: Option<u32>,
    ge: Option<u32>,
    all: Option<Vec<Condition>>,
    any: Option<Vec<Condition>>,
}

/// Why a `when` (or one test in it) does not have a shape a condition can have.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ConditionFormError {
    /// A test without `item`.
    NoItem,
    /// A test naming an item but no operator.
    NoTest { item: ItemId },
    /// A test with two or more operators.
    SeveralTests { item: ItemId },
    /// `"answered": false` or `"not_answered": false`.
    FlagNotTrue {
        item: ItemId,
        operator: &'static str,
    },
    /// `all` or `any` inside `all` or `any`.
    Nested,
    /// `all` and `any` together, or either beside `item` or an operator.
    Mixed,
}

impl std::fmt::Display for ConditionFormError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::NoItem => write!(f, "表示条件に item（条件の対象の設問ID）がありません。"),
            Self::NoTest { item } => write!(
                f,
                "設問 {item} に対する表示条件に、条件（equals, not_equals, includes, answered, not_answered, lt, le, gt, ge のいずれか）がありません。"
            ),
            Self::SeveralTests { item } => write!(
                f,
                "設問 {item} に対する表示条件に、条件が2つ以上書かれています。1つには1つだけ書き、組み合わせるときは all か any に並べてください。"
            ),
            Self::FlagNotTrue { item, operator } => write!(
                f,
                "設問 {item} に対する表示条件の {operator} には true だけが書けます。"
            ),
            Self::Nested => write!(f, "表示条件の all・any の中に all・any は書けません。"),
            Self::Mixed => write!(
                f,
                "表示条件には、1つの条件（item と条件）か、all か any のどれか1つだけを書いてください。"
            ),
        }
    }
}

impl RawCondition {
    fn is_group(&self) -> bool {
        self.all.is_some() || self.any.is_some()
    }
}

impl TryFrom<RawCondition> for Condition {
    type Error = ConditionFormError;

    fn try_from(raw: RawCondition) -> Result<Self, Self::Error> {
        if raw.is_group() {
            return Err(ConditionFormError::Nested);
        }
        let item = raw.item.ok_or(ConditionFormError::NoItem)?;
        let flag = |set: Option<bool>, operator: &'static str, test: ConditionTest| match set {
            None => Ok(None),
            Some(true) => Ok(Some(test)),
            Some(false) => Err(ConditionFormError::FlagNotTrue {
                item: item.clone(),
                operator,
            }),
        };
        let tests = [
            raw.equals.map(ConditionTest::Equals),
            raw.not_equals.map(ConditionTest::NotEquals),
            raw.includes.map(ConditionTest::Includes),
            flag(raw.answered, "answered", ConditionTest::Answered)?,
            flag(raw.not_answered, "not_answered", ConditionTest::NotAnswered)?,
            raw.lt.map(ConditionTest::Lt),
            raw.le.map(ConditionTest::Le),
            raw.gt.map(ConditionTest::Gt),
            raw.ge.map(ConditionTest::Ge),
        ];
        let mut given = tests.into_iter().flatten();
        match (given.next(), given.next()) {
            (Some(test), None) => Ok(Self { item, test }),
            (None, _) => Err(ConditionFormError::NoTest { item }),
            (Some(_), Some(_)) => Err(ConditionFormError::SeveralTests { item }),
        }
    }
}

impl TryFrom<RawCondition> for When {
    type Error = ConditionFormError;

    fn try_from(mut raw: RawCondition) -> Result<Self, Self::Error> {
        let (all, any) = (raw.all.take(), raw.any.take());
        let single = raw.item.is_some()
            || raw.equals.is_some()
            || raw.not_equals.is_some()
            || raw.includes.is_some()
            || raw.answered.is_some()
            || raw.not_answered.is_some()
            || raw.lt.is_some()
            || raw.le.is_some()
            || raw.gt.is_some()
            || raw.ge.is_some();
        match (all, any, single) {
            (Some(conditions), None, false) => Ok(Self {
                behavior: Behavior::All,
                conditions,
            }),
            (None, Some(conditions), false) => Ok(Self {
                behavior: Behavior::Any,
                conditions,
            }),
            (None, None, _) => Ok(Self {
                behavior: Behavior::All,
                conditions: vec![Condition::try_from(raw)?],
            }),
            _ => Err(ConditionFormError::Mixed),
        }
    }
}

/// One block of 回答要領 text. The kinds exist so that a guideline quotation reads as a quotation and a
/// reference reads as a reference; the words are the seed's.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Block {
    Heading(String),
    P(String),
    /// 「参考：…」 lines and similar labels that introduce what follows.
    Reference(String),
    /// The guideline section a quotation comes from (「経営管理編 3.1.2 …」).
    Source(String),
    Quote(String),
    List(Vec<String>),
    Link(String),
}

impl Block {
    /// Every piece of text in the block, in reading order.
    pub fn texts(&self) -> Vec<&str> {
        match self {
            Block::Heading(t)
            | Block::P(t)
            | Block::Reference(t)
            | Block::Source(t)
            | Block::Quote(t)
            | Block::Link(t) => vec![t.as_str()],
            Block::List(items) => items.iter().map(String::as_str).collect(),
        }
    }
}

impl Survey {
    pub fn items(&self) -> impl Iterator<Item = &Item> {
        self.sections
            .iter()
            .flat_map(|section| section.items.iter())
    }

    pub fn item(&self, id: &str) -> Option<&Item> {
        self.items().find(|item| item.id == id)
    }

    pub fn item_count(&self) -> usize {
        self.sections
            .iter()
            .map(|section| section.items.len())
            .sum()
    }
}
