//! Where the app gets its survey. The definition file is parsed and checked by build.rs, which
//! writes it out as Rust; the browser never parses JSON to learn the survey.

use super::definition::{
    Advisory, AdvisoryLevel, AdvisoryTest, AnswerKind, Behavior, Block, Condition, ConditionTest,
    Item, Section, Survey, When,
};
use super::lean;

mod r6 {
    use super::{
        Advisory, AdvisoryLevel, AdvisoryTest, AnswerKind, Behavior, Block, Condition,
        ConditionTest, Item, Section, Survey, When,
    };
    include!(concat!(env!("OUT_DIR"), "/r6_survey.rs"));
}

/// The R6 survey without the words the form page has in its HTML (see build.rs and [`lean`]).
pub fn r6_lean_survey() -> Survey {
    lean::decode(r6::LEAN)
}

/// The R6 survey as `data/r6/survey.json` states it; its checks passed when it was built.
pub fn r6_survey() -> Survey {
    r6::definition()
}
