//! What the survey's rules say about one set of answers, worked out in one place: for every item,
//! whether it is asked and its state (answered, unanswered, invalid with its message), and for the
//! whole survey the progress, whether it is complete and the advisories raised. The form, the
//! review, the report, the JSON and CSV writers, the draft list and the overview all read this, so
//! that they cannot disagree (tests/one_set_of_rules.rs holds each of them to it).
//!
//! The rules, in the order they are applied to each item (in definition order):
//!
//! - **asked**: an item is asked when it has no condition, or when all of its condition's tests
//!   hold (with `any`, at least one). A test holds when the item it names is asked and that item's
//!   answer, as given, passes it (valid or not: ticking その他 asks for its text even if another
//!   tick is a value the item does not offer). A test on a hidden item fails, whatever it asks
//!   (`not_answered` too), so a hidden parent hides its whole branch. Answers of items not asked stay in [`Answers`] but are never judged, counted,
//!   raise no advisory and are never exported.
//! - **state** of an asked item: nothing given (empty text, no choice, no tick) is unanswered; a
//!   given answer is answered when [`check_item`] accepts it, invalid otherwise. A value the answer
//!   file reader had to leave out (see [`Evaluation::of_read`]) leaves the item invalid, not
//!   unanswered: the file did answer it, in a way the item cannot take.
//! - **progress**: required asked items, and how many of them are answered.
//! - **complete**: every asked required item is answered and no asked item is invalid (an optional
//!   item may be left blank, but not answered invalidly). It is what the answer file's `complete`,
//!   the CSV's 回答状況 and the overview's 完了 all mean, and it holds exactly when there are no
//!   [`Evaluation::problems`].
//! - **advisories**: those of answered items whose test the valid answer passes.

use super::advisory::RaisedAdvisory;
use super::answers::{Answer, Answers};
use super::definition::{AdvisoryTest, AnswerKind, Behavior, Item, Section, Survey};
use super::item_order::ItemOrder;
use super::number_input::parse_whole_number;
use super::progress::Progress;
use super::validation::{ItemError, ItemProblem, check_item, missing};
use super::visibility::{Visibility, condition_holds};

/// One item's state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ItemState {
    /// Hidden by the branching: whatever the answers hold for it is not an answer to the survey.
    NotAsked,
    /// Asked, and nothing given. Only a required item is then a problem.
    Unanswered { required: bool },
    /// Asked, given, and not acceptable, with the message the user reads.
    Invalid(ItemError),
    /// Asked and validly answered.
    Answered(AnswerValue),
}

impl ItemState {
    pub fn is_asked(&self) -> bool {
        *self != Self::NotAsked
    }

    /// An invalid answer, or a required item left unanswered.
    pub fn is_problem(&self) -> bool {
        matches!(self, Self::Invalid(_) | Self::Unanswered { required: true })
    }

    /// The message to show for the item, if it is a problem: an invalid answer, or a required
    /// item left unanswered.
    pub fn problem(&self, item: &Item) -> Option<ItemError> {
        match self {
            Self::Invalid(error) => Some(error.clone()),
            Self::Unanswered { required: true } => Some(missing(&item.answer)),
            _ => None,
        }
    }
}

/// What a valid answer amounts to, by position in the item's choices: what the overview counts and
/// what advisories test, without comparing strings again.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AnswerValue {
    /// Free text; what it says is the answers' to tell.
    Text,
    Number(u32),
    /// The index of the chosen choice of a はい/いいえ or single-choice item.
    Chose(usize),
    /// The indices of the ticked choices of a multiple-choice item, in the survey's order.
    Ticked(Vec<usize>),
}

/// The evaluation of one set of answers against one survey.
#[derive(Debug, Clone)]
pub struct Evaluation<'a> {
    survey: &'a Survey,
    /// In definition order, one per item.
    states: Vec<ItemState>,
    progress: Progress,
    complete: bool,
    /// Raised advisories, in survey order: (item position, advisory index within the item).
    advisories: Vec<(usize, usize)>,
}

/// Two evaluations of the same survey are equal when they say the same (the survey is compared by
/// address: comparing every item's wording on each change of answer would be wasted work).
impl PartialEq for Evaluation<'_> {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self.survey, other.survey)
            && self.states == other.states
            && self.progress == other.progress
            && self.complete == other.complete
            && self.advisories == other.advisories
    }
}

impl<'a> Evaluation<'a> {
    /// The answers as the user holds them (the form, a draft).
    pub fn of(survey: &'a Survey, answers: &Answers) -> Self {
        // Not through of_read: the answering page then carries none of its code.
        let order = ItemOrder::of(survey);
        Self::judge(&order, &order.answers_in_order(answers), &[])
    }

    /// The answers as read from an answer file, with the ids of the items whose value the reader
    /// left out as impossible (「たぶん」 for a はい/いいえ item, a number for a text item): such an
    /// item, when asked and holding no other answer, is invalid.
    pub fn of_read(survey: &'a Survey, answers: &Answers, refused: &[&str]) -> Self {
        let order = ItemOrder::of(survey);
        let refused: Vec<usize> = refused.iter().filter_map(|id| order.position(id)).collect();
        Self::judge(&order, &order.answers_in_order(answers), &refused)
    }

    /// The rules themselves, over answers already put in survey order (`answers_in_order[i]` is
    /// the answer of the `i`-th item) and the positions of refused items. The other constructors
    /// and the overview, which puts 10,000 files' answers in order its own faster way, come here.
    pub fn judge(
        order: &ItemOrder<'a>,
        answers_in_order: &[Option<&Answer>],
        refused: &[usize],
    ) -> Self {
        let survey = order.survey();
        let answer_at = |position: usize| answers_in_order.get(position).copied().flatten();
        let mut evaluation = Self {
            survey,
            states: Vec::with_capacity(order.len()),
            progress: Progress::default(),
            complete: true,
            advisories: Vec::new(),
        };
        // One pass in survey order settles everything: an item's state needs only the states of
        // the items its condition names, which come earlier, and the whole's counts need only
        // each item's own state. (Plain loops: the answering page's wasm pays for every iterator
        // adapter's code.)
        // Which test is next, counting every item's tests in survey order (see ItemOrder).
        let mut test = 0;
        for (position, item) in survey.items().enumerate() {
            let mut asked = true;
            if let Some(when) = &item.when {
                // All: asked unless a test fails; any: not asked unless a test holds. A test on
                // an item not asked fails. (Every test is looked at, to keep count of them.)
                let any = when.behavior == Behavior::Any;
                asked = !any;
                for condition in &when.conditions {
                    let holds = order.referenced(test).is_some_and(|named| {
                        evaluation
                            .states
                            .get(named)
                            .is_some_and(ItemState::is_asked)
                            && condition_holds(condition, answer_at(named))
                    });
                    test += 1;
                    if holds == any {
                        asked = any;
                    }
                }
            }
            let state = if asked {
                judge_answer(item, answer_at(position), refused.contains(&position))
            } else {
                ItemState::NotAsked
            };
            evaluation.progress = counted(evaluation.progress, item, &state);
            evaluation.complete &= !state.is_problem();
            for (index, advisory) in item.advisories.iter().enumerate() {
                if raises(&advisory.when, item, &state) {
                    evaluation.advisories.push((position, index));
                }
            }
            evaluation.states.push(state);
        }
        evaluation
    }

    pub fn survey(&self) -> &'a Survey {
        self.survey
    }

    /// Each item's state, in definition order.
    pub fn states(&self) -> &[ItemState] {
        &self.states
    }

    /// Each item with its state, in definition order.
    pub fn items(&self) -> impl Iterator<Item = (&'a Item, &ItemState)> + '_ {
        self.survey.items().zip(&self.states)
    }

    pub fn state(&self, id: &str) -> Option<&ItemState> {
        self.items()
            .find(|(item, _)| item.id == id)
            .map(|(_, state)| state)
    }

    pub fn is_asked(&self, id: &str) -> bool {
        self.state(id).is_some_and(ItemState::is_asked)
    }

    /// The asked items as a set, for code that compares what was asked before and after a change.
    pub fn visibility(&self) -> Visibility {
        let mut asked = Vec::new();
        for (item, state) in self.survey.items().zip(&self.states) {
            if state.is_asked() {
                asked.push(item.id.clone());
            }
        }
        Visibility::from_asked(asked)
    }

    /// The asked items' problems (invalid answers, required items unanswered), in survey order.
    pub fn problems(&self) -> Vec<ItemProblem> {
        let mut problems = Vec::new();
        for (item, state) in self.survey.items().zip(&self.states) {
            if let Some(error) = state.problem(item) {
                problems.push(ItemProblem {
                    item: item.id.clone(),
                    error,
                });
            }
        }
        problems
    }

    pub fn progress(&self) -> Progress {
        self.progress
    }

    /// The progress over one section's items; an empty count for a section of another survey.
    pub fn section_progress(&self, section: &Section) -> Progress {
        let mut start = 0;
        for candidate in &self.survey.sections {
            let end = start + candidate.items.len();
            if candidate.id == section.id {
                let states = self.states.get(start..end).unwrap_or_default();
                let mut progress = Progress::default();
                for (item, state) in candidate.items.iter().zip(states) {
                    progress = counted(progress, item, state);
                }
                return progress;
            }
            start = end;
        }
        Progress::default()
    }

    /// See the module's rules: no problem anywhere.
    pub fn is_complete(&self) -> bool {
        self.complete
    }

    /// Every advisory the answers raise, in survey order.
    pub fn advisories(&self) -> Vec<RaisedAdvisory<'a>> {
        let items: Vec<&'a Item> = self.survey.items().collect();
        self.advisories
            .iter()
            .filter_map(|&(position, index)| {
                let item = *items.get(position)?;
                Some(RaisedAdvisory {
                    item,
                    advisory: item.advisories.get(index)?,
                })
            })
            .collect()
    }

    /// Whether the `index`-th advisory of the item at `position` is raised.
    pub fn raises(&self, position: usize, index: usize) -> bool {
        self.advisories.contains(&(position, index))
    }
}

fn judge_answer(item: &Item, answer: Option<&Answer>, refused: bool) -> ItemState {
    let Some(answer) = answer.filter(|answer| answer.is_given()) else {
        return if refused {
            ItemState::Invalid(ItemError::LeftOutOfFile)
        } else {
            ItemState::Unanswered {
                required: item.required,
            }
        };
    };
    if let Err(error) = check_item(item, Some(answer)) {
        return ItemState::Invalid(error);
    }
    let choices = item.choices();
    let value = match (&item.answer, answer) {
        (AnswerKind::Text { .. }, _) => Some(AnswerValue::Text),
        (AnswerKind::Integer { .. }, Answer::Text(typed)) => {
            parse_whole_number(typed).ok().map(AnswerValue::Number)
        }
        (AnswerKind::YesNo | AnswerKind::Single { .. }, Answer::Choice(chosen)) => choices
            .iter()
            .position(|choice| choice == chosen)
            .map(AnswerValue::Chose),
        (AnswerKind::Multiple { .. }, Answer::Choices(ticked)) => Some(AnswerValue::Ticked(
            choices
                .iter()
                .enumerate()
                .filter(|(_, choice)| ticked.contains(choice))
                .map(|(index, _)| index)
                .collect(),
        )),
        _ => None,
    };
    // check_item accepted the answer, so every pairing it lets through has a value; the fallback
    // only keeps a future mismatch between the two from passing as valid.
    value.map_or(
        ItemState::Invalid(ItemError::WrongShape),
        ItemState::Answered,
    )
}

/// Progress with one more item counted: required asked items, and how many of them are answered.
fn counted(progress: Progress, item: &Item, state: &ItemState) -> Progress {
    if !item.required || !state.is_asked() {
        return progress;
    }
    Progress {
        answered: progress.answered + usize::from(matches!(state, ItemState::Answered(_))),
        required: progress.required + 1,
    }
}

/// Whether a valid answer passes an advisory's test.
fn raises(test: &AdvisoryTest, item: &Item, state: &ItemState) -> bool {
    match (test, state) {
        (AdvisoryTest::Equals(value), ItemState::Answered(AnswerValue::Chose(index))) => {
            item.choices().get(*index) == Some(value)
        }
        (AdvisoryTest::Below(limit), ItemState::Answered(AnswerValue::Number(number))) => {
            number < limit
        }
        _ => false,
    }
}
