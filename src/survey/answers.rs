//! What the user has answered, kept apart from what is asked: answers of items that are hidden by a
//! branch stay here, so that switching the parent back restores them.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::definition::{Item, ItemId};

/// One answer as the user left it. Numbers are kept as typed, so that a malformed number is still
/// shown back to the user to correct rather than lost.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Answer {
    Text(String),
    Choice(String),
    Choices(Vec<String>),
}

impl Answer {
    /// Whether the user gave anything at all; whether it is valid is validation's question.
    pub fn is_given(&self) -> bool {
        match self {
            Answer::Text(text) => !text.trim().is_empty(),
            Answer::Choice(choice) => !choice.is_empty(),
            Answer::Choices(choices) => !choices.is_empty(),
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Answers(BTreeMap<ItemId, Answer>);

impl Answers {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn get(&self, id: &str) -> Option<&Answer> {
        self.0.get(id)
    }

    pub fn text(&self, id: &str) -> &str {
        match self.0.get(id) {
            Some(Answer::Text(text)) => text,
            _ => "",
        }
    }

    pub fn choice(&self, id: &str) -> Option<&str> {
        match self.0.get(id) {
            Some(Answer::Choice(choice)) => Some(choice),
            _ => None,
        }
    }

    pub fn has_choice(&self, id: &str, choice: &str) -> bool {
        match self.0.get(id) {
            Some(Answer::Choices(choices)) => choices.iter().any(|c| c == choice),
            Some(Answer::Choice(chosen)) => chosen == choice,
            _ => false,
        }
    }

    pub fn set_text(&mut self, id: &str, text: String) {
        self.0.insert(id.to_owned(), Answer::Text(text));
    }

    pub fn set_choice(&mut self, id: &str, choice: String) {
        self.0.insert(id.to_owned(), Answer::Choice(choice));
    }

    /// Ticks or unticks one choice of a multiple-choice item, keeping the choices in the order the
    /// survey offers them so that exports and comparisons do not depend on click order.
    pub fn set_choice_ticked(&mut self, item: &Item, choice: &str, ticked: bool) {
        let chosen: Vec<String> = item
            .choices()
            .iter()
            .filter(|offered| {
                if offered.as_str() == choice {
                    ticked
                } else {
                    self.has_choice(&item.id, offered)
                }
            })
            .cloned()
            .collect();
        self.0.insert(item.id.clone(), Answer::Choices(chosen));
    }

    /// Sets an answer as read from a stored draft.
    pub fn insert(&mut self, id: String, answer: Answer) {
        self.0.insert(id, answer);
    }

    pub fn iter(&self) -> impl Iterator<Item = (&ItemId, &Answer)> {
        self.0.iter()
    }
}
