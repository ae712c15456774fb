//! The shape of a survey definition. The content lives in `data/<survey>/survey.json`, so that next
//! year's survey is a data edit; these types only say what such a file may contain.

use serde::Deserialize;

/// Identifies an item inside one survey. Usually the 項番, except where the survey reuses a 項番 (the two
/// Q2-3 rows), which is why it is kept apart from [`Item::number`].
pub type ItemId = String;

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Survey {
    /// Short, stable identifier carried by drafts and exports ("R6"), so that a file for another year's
    /// survey is recognised and refused.
    pub id: String,
    pub title: String,
    /// The short name saved files carry: `R6_<file_label>_<病院名>_<日付>.csv`.
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
    pub when: Option<Condition>,
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

/// When an item is asked, after FHIR Questionnaire `enableWhen`: the item it depends on and the test
/// its answer must pass. A condition on a hidden item is false, so hiding a parent hides its children.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Condition {
    pub item: ItemId,
    #[serde(flatten)]
    pub test: ConditionTest,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ConditionTest {
    /// The single answer (はい/いいえ or one choice) equals the value.
    Equals(String),
    /// The multiple-choice answer contains the value.
    Includes(String),
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
