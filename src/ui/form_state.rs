//! The page's reactive state: the answers and what the user has done so far, with the core's rules
//! derived from them. Components read from here and send every change through here.

use std::collections::BTreeSet;

use super::rx::*;

use crate::survey::number_input::{InputNotice, to_half_width_digits};
use crate::survey::{
    Answers, Evaluation, Item, ItemError, ItemId, ItemProblem, Progress, Survey, Visibility,
};

#[derive(Clone, Copy)]
pub struct FormState {
    pub survey: &'static Survey,
    pub answers: RwSignal<Answers>,
    /// Items the user has left at least once: their errors are shown from then on.
    touched: RwSignal<BTreeSet<ItemId>>,
    /// Set by 「回答内容を確認する」: from then on every asked item shows its error.
    pub check_requested: RwSignal<bool>,
    notices: RwSignal<Vec<(ItemId, InputNotice)>>,
    /// Whether a mouse button or finger is down. Showing an error moves everything below it; doing
    /// that between press and release would make the release land elsewhere and lose the click.
    pointer_down: StoredValue<bool>,
    /// Items left while the pointer was down, marked touched once the click has happened.
    left_during_press: StoredValue<Vec<ItemId>>,
    /// Parts of [`FormState::evaluation`], each a memo so that a change of one part (an error) does
    /// not rerun what reads another (progress).
    pub visibility: Memo<Visibility>,
    pub problems: Memo<Vec<ItemProblem>>,
    pub progress: Memo<Progress>,
}

impl FormState {
    pub fn new(survey: &'static Survey) -> Self {
        let answers = RwSignal::new(Answers::new());
        // No memo of the whole evaluation: one more memo type costs the answering page's wasm
        // more bytes than evaluating 27 items again costs time.
        let visibility =
            Memo::new(move |_| answers.with(|a| Evaluation::of(survey, a).visibility()));
        let problems = Memo::new(move |_| answers.with(|a| Evaluation::of(survey, a).problems()));
        let progress = Memo::new(move |_| answers.with(|a| Evaluation::of(survey, a).progress()));
        Self {
            survey,
            answers,
            touched: RwSignal::new(BTreeSet::new()),
            check_requested: RwSignal::new(false),
            notices: RwSignal::new(Vec::new()),
            pointer_down: StoredValue::new(false),
            left_during_press: StoredValue::new(Vec::new()),
            visibility,
            problems,
            progress,
        }
    }

    /// The survey's rules applied to the answers (tracked: a memo or effect calling it reruns when
    /// the answers change).
    pub fn evaluation(&self) -> Evaluation<'static> {
        self.answers.with(|a| Evaluation::of(self.survey, a))
    }

    #[cfg(feature = "tools")]
    pub fn is_asked(&self, id: &str) -> bool {
        self.visibility.with(|v| v.is_asked(id))
    }

    /// The error to show beside an item: only once the user has left it or asked for a check, and
    /// never for an item that is not asked.
    pub fn shown_error(&self, id: &str) -> Option<ItemError> {
        let due = self.check_requested.get() || self.touched.with(|t| t.contains(id));
        if !due {
            return None;
        }
        self.problems.with(|problems| {
            problems
                .iter()
                .find(|problem| problem.item == id)
                .map(|problem| problem.error.clone())
        })
    }

    pub fn notice(&self, id: &str) -> Option<InputNotice> {
        self.notices.with(|notices| {
            notices
                .iter()
                .find(|(item, _)| item == id)
                .map(|(_, notice)| *notice)
        })
    }

    /// The user has left an item's control: its error becomes due.
    pub fn leave(&self, id: &str) {
        if self.pointer_down.get_value() {
            self.left_during_press
                .update_value(|left| left.push(id.to_owned()));
        } else {
            self.touch(id);
        }
    }

    pub fn pointer_pressed(&self) {
        self.pointer_down.set_value(true);
    }

    /// Called after the release's click has been handled.
    pub fn pointer_released(&self) {
        self.pointer_down.set_value(false);
        let left = self.left_during_press.try_update_value(std::mem::take);
        for id in left.unwrap_or_default() {
            self.touch(&id);
        }
    }

    fn touch(&self, id: &str) {
        if !self.touched.with_untracked(|t| t.contains(id)) {
            self.touched.update(|t| {
                t.insert(id.to_owned());
            });
        }
    }

    /// Puts another draft's answers in the form, as if the page had just been opened with them.
    pub fn replace_answers(&self, answers: Answers) {
        self.touched.set(BTreeSet::new());
        self.check_requested.set(false);
        self.notices.set(Vec::new());
        self.answers.set(answers);
    }

    pub fn set_text(&self, id: &str, text: String) {
        self.answers.update(|a| a.set_text(id, text));
    }

    pub fn set_choice(&self, id: &str, choice: String) {
        self.answers.update(|a| a.set_choice(id, choice));
    }

    pub fn set_ticked(&self, item: &Item, choice: &str, ticked: bool) {
        self.answers
            .update(|a| a.set_choice_ticked(item, choice, ticked));
    }

    /// Called when the user has finished typing a number (the `change` event): converting earlier
    /// would fight the IME while it is still composing.
    pub fn settle_number(&self, id: &str) {
        let typed = self.answers.with_untracked(|a| a.text(id).to_owned());
        let converted = to_half_width_digits(&typed);
        self.notices.update(|notices| {
            notices.retain(|(item, _)| item != id);
            if converted.is_some() {
                notices.push((id.to_owned(), InputNotice::DigitsConvertedToHalfWidth));
            }
        });
        if let Some(converted) = converted {
            self.set_text(id, converted);
        }
    }
}
