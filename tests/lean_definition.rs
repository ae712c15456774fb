//! The form page's lean definition (decoded from build.rs's field string) is the full definition
//! without the words that live in the page's static HTML.

use cyber_survey::survey::{served_lean_survey, served_survey};

#[test]
fn lean_definition_is_the_full_one_without_its_words() {
    let mut expected = served_survey();
    expected.title.clear();
    expected.file_label.clear();
    expected.guideline.clear();
    expected.period.clear();
    expected.answer_method.clear();
    expected.guide.clear();
    for section in &mut expected.sections {
        section.title.clear();
        for item in &mut section.items {
            item.lead = None;
            item.text.clear();
            item.guidance.clear();
            for advisory in &mut item.advisories {
                advisory.message.clear();
                advisory.reference.clear();
            }
        }
    }
    assert_eq!(served_lean_survey(), expected);
}
