//! The survey as plain Rust: its definition, the answers, and the rules over them. Nothing here
//! touches the browser, so all of it is tested natively.

pub mod advisory;
pub mod answers;
pub mod check;
pub mod definition;
pub mod editions;
pub mod evaluation;
pub mod item_order;
pub mod lean;
pub mod load;
pub mod number_input;
pub mod progress;
pub mod validation;
pub mod visibility;

pub use advisory::RaisedAdvisory;
pub use answers::{Answer, Answers};
pub use check::{DefinitionError, DefinitionFileError, parse_definition, read_definition_file};
pub use definition::{
    Advisory, AdvisoryLevel, AdvisoryTest, AnswerKind, Behavior, Block, Condition,
    ConditionFormError, ConditionTest, Item, ItemId, Section, Survey, When,
};
pub use evaluation::{AnswerValue, Evaluation, ItemState};
pub use item_order::ItemOrder;
pub use load::{every_edition, served_lean_survey, served_survey};
pub use progress::Progress;
pub use validation::{ItemError, ItemProblem, check_item};
pub use visibility::Visibility;
