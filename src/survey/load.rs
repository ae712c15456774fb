//! Where the app gets its survey: the definition file compiled into the binary, parsed and checked.

use super::check::{DefinitionError, check};
use super::definition::Survey;

/// The R6 survey as the seed states it. Kept as data so that a new survey year is a new file here.
const R6_DEFINITION: &str = include_str!("../../data/r6/survey.json");

/// Parses a definition and refuses it unless every consistency rule holds.
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

pub fn r6_survey() -> Result<Survey, Vec<DefinitionError>> {
    parse_definition(R6_DEFINITION)
}
