//! Where the app gets its survey. The definition file is parsed and checked by build.rs, which
//! writes it out as Rust; the browser never parses JSON to learn the survey.

use super::check::{DefinitionError, check};
use super::definition::{
    Advisory, AdvisoryLevel, AdvisoryTest, AnswerKind, Block, Condition, ConditionTest, Item,
    Section, Survey,
};

mod r6 {
    use super::{
        Advisory, AdvisoryLevel, AdvisoryTest, AnswerKind, Block, Condition, ConditionTest, Item,
        Section, Survey,
    };
    include!(concat!(env!("OUT_DIR"), "/r6_survey.rs"));
}

/// The R6 survey as `data/r6/survey.json` states it; its checks passed when it was built.
/// The R6 survey without the words the form page has in its HTML (see build.rs).
pub fn r6_lean_survey() -> Survey {
    r6::lean_definition()
}

pub fn r6_survey() -> Survey {
    r6::definition()
}

/// Parses and checks a definition at run time. The app does not need this (build.rs does it);
/// tests use it to hold build.rs to the JSON file and to exercise every check.
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
