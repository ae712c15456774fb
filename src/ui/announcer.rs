//! The answering page's polite live region: which items a change of answer showed or hid, read out
//! without taking focus away from what the user is doing.

use super::form_state::FormState;
use crate::survey::Visibility;

/// Announces which items a change of answer showed or hid, in survey order.
pub fn branch_changes(form: FormState, before: &Visibility, after: &Visibility) -> Option<String> {
    let survey = form.survey;
    let numbers = |shown: bool| -> Vec<String> {
        survey
            .items()
            .filter(|item| after.is_asked(&item.id) == shown && before.is_asked(&item.id) != shown)
            .map(|item| item.number.clone())
            .collect::<Vec<_>>()
    };
    let (opened, closed) = (numbers(true), numbers(false));
    let mut parts = Vec::new();
    if !opened.is_empty() {
        parts.push(format!("{} の設問が表示されました。", opened.join("、")));
    }
    if !closed.is_empty() {
        parts.push(format!(
            "{} の設問が非表示になりました（回答は残っています）。",
            closed.join("、")
        ));
    }
    (!parts.is_empty()).then(|| parts.join(""))
}
