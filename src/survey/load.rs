//! Where the app gets its survey. Every edition under data/ is parsed and checked by build.rs,
//! which writes it out as Rust; the browser never parses JSON to learn the survey.

use super::definition::{
    Advisory, AdvisoryLevel, AdvisoryTest, AnswerKind, Behavior, Block, Condition, ConditionTest,
    Item, Section, Survey, When,
};
use super::lean;

mod editions {
    use super::{
        Advisory, AdvisoryLevel, AdvisoryTest, AnswerKind, Behavior, Block, Condition,
        ConditionTest, Item, Section, Survey, When,
    };
    include!(concat!(env!("OUT_DIR"), "/editions.rs"));
}

/// The served edition (the greatest fiscal year under data/) without the words the answering
/// page has in its markup (see build.rs and [`lean`]).
pub fn served_lean_survey() -> Survey {
    lean::decode(editions::SERVED_LEAN)
}

/// The served edition as its survey.json states it; its checks passed when it was built.
pub fn served_survey() -> Survey {
    editions::served()
}

/// Every edition under data/, newest first.
pub fn every_edition() -> Vec<Survey> {
    editions::every_edition()
}
