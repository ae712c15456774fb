//! Where each answer goes in survey order, worked out once per survey. Putting a hospital's
//! answers in order is then one merge of two sorted lists, instead of a search by item id for every
//! item (string comparisons that, for 10,000 files, cost as much as parsing the files). What the
//! answers in order amount to is [`Evaluation::judge`]'s, the survey's one set of rules.

use crate::survey::{Answer, Answers, Evaluation, ItemOrder, Survey};

#[derive(Debug, Clone)]
pub struct ItemPositions<'a> {
    order: ItemOrder<'a>,
    /// Item ids in the order [`Answers`] keeps them (sorted), each with its position.
    by_id: Vec<(&'a str, usize)>,
}

impl<'a> ItemPositions<'a> {
    pub fn of(survey: &'a Survey) -> Self {
        let mut by_id: Vec<(&str, usize)> = survey
            .items()
            .enumerate()
            .map(|(position, item)| (item.id.as_str(), position))
            .collect();
        by_id.sort_unstable();
        Self {
            order: ItemOrder::of(survey),
            by_id,
        }
    }

    pub fn survey(&self) -> &'a Survey {
        self.order.survey()
    }

    /// The position of an item by its id.
    pub fn position(&self, id: &str) -> Option<usize> {
        self.by_id
            .binary_search_by(|(known, _)| (*known).cmp(id))
            .ok()
            .and_then(|found| self.by_id.get(found))
            .map(|(_, position)| *position)
    }

    /// Each item's answer, in survey order: a merge of two lists sorted alike. Answers to ids the
    /// survey lacks are passed over (the reader has left them out already).
    pub fn answers_in_order<'b>(&self, answers: &'b Answers) -> Vec<Option<&'b Answer>> {
        let mut in_order = vec![None; self.by_id.len()];
        let mut known = self.by_id.iter().peekable();
        for (id, answer) in answers.iter() {
            while known
                .next_if(|(known_id, _)| *known_id < id.as_str())
                .is_some()
            {}
            if let Some(&&(known_id, position)) = known.peek()
                && known_id == id
                && let Some(slot) = in_order.get_mut(position)
            {
                *slot = Some(answer);
            }
        }
        in_order
    }

    /// The survey's evaluation of one file's answers, `refused` naming the items whose value the
    /// reader left out.
    pub fn evaluate<'r>(
        &self,
        answers: &Answers,
        refused: impl IntoIterator<Item = &'r str>,
    ) -> Evaluation<'a> {
        let refused: Vec<usize> = refused
            .into_iter()
            .filter_map(|id| self.position(id))
            .collect();
        Evaluation::judge(&self.order, &self.answers_in_order(answers), &refused)
    }
}
