//! The definition's own consistency rules: the R6 file passes them, and each mistake a data edit can
//! make is caught with its own error.

mod common;

use cyber_survey::survey::{DefinitionError, parse_definition};
use std::collections::HashSet;

#[test]
fn the_survey_built_into_the_app_is_exactly_the_json_file() {
    let parsed = parse_definition(include_str!("../data/r6/survey.json"));
    assert_eq!(parsed, Ok(common::edition("r6")));
}

#[test]
fn the_r6_definition_is_sound_with_unique_ids() {
    let survey = common::edition("r6");
    assert_eq!(survey.id, "R6");
    let ids: HashSet<&str> = survey.items().map(|item| item.id.as_str()).collect();
    assert_eq!(ids.len(), 27);
    assert!(ids.contains("Q2-3") && ids.contains("Q2-3-other"));
}

#[test]
fn six_items_open_branches_as_the_seed_states() {
    let survey = common::edition("r6");
    let mut parents: Vec<&str> = survey
        .items()
        .flat_map(|item| item.when.iter().flat_map(|when| &when.conditions))
        .map(|c| c.item.as_str())
        .collect();
    parents.dedup();
    assert_eq!(parents, ["Q2-1", "Q2-2", "Q2-3", "Q7-1", "Q17-1", "Q17-2"]);
}

fn definition(items: &str) -> String {
    format!(
        r#"{{"id":"T","fiscal_year":1,"title":"t","file_label":"f","guideline":"g","period":"p","answer_method":"m","guide":[],
            "respondent_item":"N","hospital_item":"N",
            "sections":[{{"id":"s","title":"s","items":[{NAME_ITEM}{comma}{items}]}}]}}"#,
        comma = if items.is_empty() { "" } else { "," }
    )
}

/// The free-text item every test definition starts with: the roles must name a text item.
const NAME_ITEM: &str = r#"{"id":"N","number":"N","text":"t","guidance":[],"answer":{"text":{"max_chars":10}},"required":true}"#;

fn yes_no(id: &str, when: &str) -> String {
    format!(
        r#"{{"id":"{id}","number":"{id}","text":"t","guidance":[],"answer":"yes_no","required":true{when}}}"#
    )
}

fn errors_of(json: &str) -> Vec<DefinitionError> {
    match parse_definition(json) {
        Ok(_) => vec![],
        Err(errors) => errors,
    }
}

#[test]
fn a_minimal_definition_is_accepted() {
    assert_eq!(errors_of(&definition(&yes_no("A", ""))), vec![]);
}

#[test]
fn malformed_json_is_unreadable_not_a_panic() {
    assert!(matches!(
        errors_of("{\"id\": ")[..],
        [DefinitionError::Unreadable(_)]
    ));
    assert!(matches!(
        errors_of(&definition(
            r#"{"id":"A","number":"A","text":"t","guidance":[],"answer":"yes_no","required":true,"colour":"red"}"#
        ))[..],
        [DefinitionError::Unreadable(_)]
    ));
}

#[test]
fn a_definition_without_items_is_refused() {
    let empty = r#"{"id":"T","fiscal_year":1,"title":"t","file_label":"f","guideline":"g","period":"p","answer_method":"m","guide":[],
        "respondent_item":"N","hospital_item":"N","sections":[]}"#;
    let errors = errors_of(empty);
    assert_eq!(errors[0], DefinitionError::NoItems);
}

#[test]
fn the_respondent_and_hospital_must_be_free_text_items() {
    let json =
        definition(&yes_no("A", "")).replace(r#""hospital_item":"N""#, r#""hospital_item":"A""#);
    assert_eq!(
        errors_of(&json),
        vec![DefinitionError::RoleNotATextItem {
            role: "hospital_item",
            item: "A".into()
        }]
    );
    let missing = definition("").replace(r#""respondent_item":"N""#, r#""respondent_item":"Q0""#);
    assert_eq!(
        errors_of(&missing),
        vec![DefinitionError::RoleNotATextItem {
            role: "respondent_item",
            item: "Q0".into()
        }]
    );
}

#[test]
fn duplicate_ids_are_refused() {
    let json = definition(&format!("{},{}", yes_no("A", ""), yes_no("A", "")));
    assert_eq!(
        errors_of(&json),
        vec![DefinitionError::DuplicateItemId("A".into())]
    );
}

#[test]
fn a_condition_must_name_an_earlier_item() {
    let later = definition(&format!(
        "{},{}",
        yes_no("A", r#","when":{"item":"B","equals":"はい"}"#),
        yes_no("B", "")
    ));
    assert_eq!(
        errors_of(&later),
        vec![DefinitionError::ConditionOnUnknownOrLaterItem {
            item: "A".into(),
            refers_to: "B".into()
        }]
    );
    let itself = definition(&yes_no("A", r#","when":{"item":"A","equals":"はい"}"#));
    assert_eq!(errors_of(&itself).len(), 1);
}

#[test]
fn a_condition_value_must_be_one_the_item_can_take() {
    let json = definition(&format!(
        "{},{}",
        yes_no("A", ""),
        yes_no("B", r#","when":{"item":"A","equals":"Yes"}"#)
    ));
    assert_eq!(
        errors_of(&json),
        vec![DefinitionError::ConditionValueImpossible {
            item: "B".into(),
            refers_to: "A".into(),
            value: "Yes".into()
        }]
    );
}

#[test]
fn includes_only_fits_multiple_choice() {
    let json = definition(&format!(
        "{},{}",
        yes_no("A", ""),
        yes_no("B", r#","when":{"item":"A","includes":"はい"}"#)
    ));
    assert_eq!(
        errors_of(&json),
        vec![DefinitionError::ConditionTestDoesNotFit {
            item: "B".into(),
            refers_to: "A".into()
        }]
    );
}

#[test]
fn choice_lists_must_be_non_empty_and_unique() {
    let json = definition(
        r#"{"id":"A","number":"A","text":"t","guidance":[],"answer":{"single":{"choices":[]}},"required":true},
           {"id":"B","number":"B","text":"t","guidance":[],"answer":{"multiple":{"choices":["x","x"]}},"required":true}"#,
    );
    assert_eq!(
        errors_of(&json),
        vec![
            DefinitionError::NoChoices { item: "A".into() },
            DefinitionError::DuplicateChoice {
                item: "B".into(),
                choice: "x".into()
            }
        ]
    );
}

#[test]
fn limits_must_make_sense() {
    let json = definition(
        r#"{"id":"A","number":"A","text":"t","guidance":[],"answer":{"text":{"max_chars":0}},"required":true},
           {"id":"B","number":"B","text":" ","guidance":[],"answer":{"integer":{"min":5,"max":1,"unit":"桁"}},"required":true}"#,
    );
    assert_eq!(
        errors_of(&json),
        vec![
            DefinitionError::ZeroTextLimit { item: "A".into() },
            DefinitionError::EmptyText { item: "B".into() },
            DefinitionError::EmptyRange {
                item: "B".into(),
                min: 5,
                max: 1
            }
        ]
    );
}

#[test]
fn ids_must_be_safe_in_html_ids_and_selectors() {
    let json = definition(&format!("{},{}", yes_no("A 1", ""), yes_no("B\\\"", "")));
    assert_eq!(
        errors_of(&json),
        vec![
            DefinitionError::UnsafeId("A 1".into()),
            DefinitionError::UnsafeId("B\"".into()),
        ]
    );
}

#[test]
fn an_item_id_may_not_equal_another_items_control_id() {
    // A yes/no item "A" has controls field-A and field-A-1; an item "A-1" would take field-A-1.
    let json = definition(&format!("{},{}", yes_no("A", ""), yes_no("A-1", "")));
    assert_eq!(
        errors_of(&json),
        vec![DefinitionError::ControlIdClash {
            item: "A-1".into(),
            with: "A".into(),
        }]
    );
    assert_eq!(
        errors_of(&definition(&format!(
            "{},{}",
            yes_no("A", ""),
            yes_no("A-2", "")
        ))),
        vec![],
        "a yes/no item has two controls, so A-2 is free"
    );
}

#[test]
fn every_definition_error_reads_as_japanese() {
    let error = DefinitionError::ConditionOnUnknownOrLaterItem {
        item: "A".into(),
        refers_to: "B".into(),
    };
    assert_eq!(
        error.to_string(),
        "A の表示条件が、それより前にない設問 B を参照しています。"
    );
}
