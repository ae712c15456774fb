//! The form's markup and the code that binds it agree on every element id and name: build.rs
//! writes the answering page with `markup::form_ids`, the form module binds with the same
//! functions and constants, and index.html holds no markup of its own. A mismatch fails here
//! instead of being skipped when the page runs (where a missing element is simply not found).

use std::collections::{BTreeMap, BTreeSet};
use std::fs;

use cyber_survey::markup::answering_page::answering_page;
use cyber_survey::markup::form_ids::{self, page};
use cyber_survey::markup::survey_form::{SurveyMarkup, survey_form};
use cyber_survey::survey::{AnswerKind, Survey, served_survey};

/// Every `id="…"` in a piece of markup, with how often it occurs.
fn ids_in(markup: &str) -> BTreeMap<String, usize> {
    let mut ids = BTreeMap::new();
    for (at, _) in markup.match_indices(" id=\"") {
        let rest = &markup[at + 5..];
        let end = rest.find('"').expect("an id attribute ends");
        *ids.entry(rest[..end].to_owned()).or_insert(0) += 1;
    }
    ids
}

/// The survey's part of the answering page, as build.rs writes it.
fn survey_markup(survey: &Survey) -> String {
    let SurveyMarkup { nav, intro, form } = survey_form(survey);
    nav + &intro + &form
}

/// The ids the binder derives for a survey: what the generated markup must hold, and nothing else.
fn ids_the_binder_derives(survey: &Survey) -> BTreeSet<String> {
    let mut ids: BTreeSet<String> = [
        form_ids::SURVEY_FORM,
        form_ids::CHECK_RESULT,
        form_ids::INTRO_HEADING,
    ]
    .into_iter()
    .map(str::to_owned)
    .collect();
    for section in &survey.sections {
        ids.insert(form_ids::nav(&section.id));
        ids.insert(form_ids::section(&section.id));
        ids.insert(form_ids::section_heading(&section.id));
    }
    for item in survey.items() {
        let id = item.id.as_str();
        ids.insert(form_ids::item(id));
        ids.insert(form_ids::error(id));
        if item.lead.is_some() {
            ids.insert(form_ids::lead(id));
        }
        if item.required {
            ids.insert(form_ids::badge(id));
        }
        for index in 0..item.advisories.len() {
            ids.insert(form_ids::advisory(id, index));
        }
        match &item.answer {
            AnswerKind::Text { .. } => {
                ids.insert(form_ids::field(id));
            }
            AnswerKind::Integer { .. } => {
                ids.insert(form_ids::field(id));
                ids.insert(form_ids::hint(id));
                ids.insert(form_ids::notice(id));
            }
            _ => {
                ids.insert(form_ids::legend(id));
                for index in 0..item.choices().len().max(2) {
                    ids.insert(form_ids::choice(id, index));
                }
            }
        }
    }
    ids
}

#[test]
fn the_generated_markup_has_exactly_the_ids_the_binder_looks_for_each_once() {
    let survey = served_survey();
    let found = ids_in(&survey_markup(&survey));
    let twice: Vec<_> = found.iter().filter(|(_, n)| **n > 1).collect();
    assert!(twice.is_empty(), "ids written more than once: {twice:?}");
    let found: BTreeSet<String> = found.into_keys().collect();
    let derived = ids_the_binder_derives(&survey);
    let missing: Vec<_> = derived.difference(&found).collect();
    let unknown: Vec<_> = found.difference(&derived).collect();
    assert!(
        missing.is_empty(),
        "the binder looks for ids the markup lacks: {missing:?}"
    );
    assert!(
        unknown.is_empty(),
        "the markup has ids no one derives: {unknown:?}"
    );
}

#[test]
fn single_choice_items_share_the_radio_name_the_binder_knows() {
    let survey = served_survey();
    let markup = survey_markup(&survey);
    for item in survey.items() {
        let radios = matches!(item.answer, AnswerKind::YesNo | AnswerKind::Single { .. });
        let named = markup
            .matches(&format!("name=\"{}\"", form_ids::radio_name(&item.id)))
            .count();
        let expected = if radios {
            item.choices().len().max(2)
        } else {
            0
        };
        assert_eq!(named, expected, "{}: radio buttons named for it", item.id);
    }
}

#[test]
fn the_page_carries_every_fixed_id_the_form_module_binds_once_and_no_other() {
    let survey = served_survey();
    let body = answering_page(&survey).body;
    let found = ids_in(&body);
    for id in page::ALL {
        assert_eq!(found.get(*id), Some(&1), "the page: id=\"{id}\" once");
    }
    let twice: Vec<_> = found.iter().filter(|(_, n)| **n > 1).collect();
    assert!(twice.is_empty(), "ids written more than once: {twice:?}");
    let known: BTreeSet<String> = page::ALL
        .iter()
        .map(|id| (*id).to_owned())
        .chain(ids_the_binder_derives(&survey))
        .collect();
    let unknown: Vec<_> = found.keys().filter(|id| !known.contains(*id)).collect();
    assert!(
        unknown.is_empty(),
        "the page has ids no one binds: {unknown:?}"
    );
}

#[test]
fn the_page_templates_write_no_id_and_no_edition() {
    // What the form module binds comes from the markup module alone; the templates only hold
    // what Trunk needs, and name no edition (the served one's words come from its definition).
    for template in ["index.html", "tools.html", "overview.html"] {
        let path = format!("{}/{template}", env!("CARGO_MANIFEST_DIR"));
        let html = fs::read_to_string(&path).expect("a page template");
        if template == "index.html" {
            assert!(ids_in(&html).is_empty(), "{template} writes ids");
        }
        assert!(!html.contains("令和"), "{template} names a year");
    }
}

#[test]
fn the_built_markup_is_the_markup_module_s() {
    // build.rs writes web/generated/answering-page.html for Trunk's hook: the same page.
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/web/generated/answering-page.html"
    );
    let built = fs::read_to_string(path).expect("build.rs writes it");
    let page = answering_page(&served_survey());
    assert_eq!(
        built,
        format!(
            "<!--head-->{}<!--/head--><!--body-->{}<!--/body-->",
            page.head, page.body
        )
    );
}

#[test]
fn an_item_anchor_names_its_item_back() {
    for item in served_survey().items() {
        assert_eq!(
            form_ids::item_of(&form_ids::item(&item.id)),
            Some(item.id.as_str())
        );
    }
    assert_eq!(form_ids::item_of("section-basic"), None);
}

#[test]
fn the_tabs_link_each_screen_by_its_own_address() {
    use cyber_survey::ui::screens::Screen;
    let html = answering_page(&served_survey()).body;
    let hrefs: Vec<&str> = html
        .match_indices("class=\"screen-tab\"")
        .filter_map(|(at, _)| {
            let tag = &html[at..at + html[at..].find('>')?];
            let href = tag.split("href=\"").nth(1)?;
            href.split('"').next()
        })
        .collect();
    let screens: Vec<Screen> = hrefs.iter().map(|href| Screen::from_hash(href)).collect();
    for (href, screen) in hrefs.iter().zip(&screens) {
        assert_eq!(*href, screen.address(), "the tab linking {href}");
    }
    for screen in Screen::ALL {
        assert_eq!(
            screens.iter().filter(|s| **s == screen).count(),
            1,
            "one tab for {screen:?}"
        );
    }
}

#[test]
fn the_tools_modules_start_up_script_names_only_ids_the_page_has() {
    let script = fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/web/tools-boot.js"))
        .expect("web/tools-boot.js");
    let named: Vec<&str> = script
        .split("getElementById('")
        .skip(1)
        .filter_map(|rest| rest.split('\'').next())
        .collect();
    assert!(!named.is_empty());
    for id in named {
        assert!(
            page::ALL.contains(&id) || id == page::TOOLS_SCRIPT,
            "web/tools-boot.js names #{id}"
        );
    }
}
