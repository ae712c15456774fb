//! The definition must say what the survey says. `data/r6/source.txt` is the seed document, verbatim;
//! these tests hold the definition's wording and guidance to it, so a typo in the data fails here.

mod common;

use cyber_survey::survey::{Block, Item, Survey};
use unicode_normalization::UnicodeNormalization;

const SEED: &str = include_str!("../data/r6/source.txt");

/// Places where the definition knowingly differs from the raw seed text, after normalisation.
/// Each is an artefact of how the seed was extracted, or a discrepancy inside the seed itself.
const KNOWN_SEED_CORRECTIONS: &[(&str, &str)] = &[
    // A page break in Q8's guidance repeats a character: 「医療情報シ」|「システムで用いる」.
    ("医療情報シシステム", "医療情報システム"),
    // Q3's heading in the 回答要領 reads 「何人が」; the item table, which the app shows, reads 「何人か」.
    ("所属人数は何人が", "所属人数は何人か"),
];

fn survey() -> Survey {
    common::edition("r6")
}

struct TableRow {
    number: String,
    lead: Option<String>,
    text: String,
}

fn seed_table() -> Vec<TableRow> {
    SEED.lines()
        .filter(|line| line.starts_with("| Q"))
        .map(|line| {
            let cells: Vec<&str> = line.split('|').map(str::trim).collect();
            let wording = cells[2];
            match wording.split_once("<br>") {
                Some((lead, text)) => TableRow {
                    number: cells[1].to_owned(),
                    lead: Some(lead.trim().to_owned()),
                    text: text.trim().to_owned(),
                },
                None => TableRow {
                    number: cells[1].to_owned(),
                    lead: None,
                    text: wording.to_owned(),
                },
            }
        })
        .collect()
}

#[test]
fn every_row_of_the_item_table_is_an_item_in_the_same_order_with_the_same_wording() {
    let survey = survey();
    let rows = seed_table();
    assert_eq!(rows.len(), 27, "the seed's item table has 27 rows");
    let items: Vec<&Item> = survey.items().collect();
    assert_eq!(items.len(), rows.len());
    for (row, item) in rows.iter().zip(items) {
        assert_eq!(item.number, row.number, "項番 of {}", item.id);
        assert_eq!(item.lead, row.lead, "lead sentence of {}", item.id);
        assert_eq!(item.text, row.text, "wording of {}", item.id);
    }
}

/// Compares text the way a reader would: ignoring layout (spaces, line breaks, Markdown marks, list
/// bullets) and the width of brackets, which the seed mixes freely.
fn normalize(text: &str) -> String {
    let joined: String = text
        .lines()
        .map(|line| {
            let line = line.trim_start().trim_start_matches('#').trim_start();
            line.strip_prefix("- ").unwrap_or(line)
        })
        .collect();
    joined
        .replace("**", "")
        .replace(['<', '>'], "")
        .nfkc()
        .filter(|c| !c.is_whitespace())
        .collect()
}

fn normalized_seed_between(start: &str, end: Option<&str>) -> String {
    let Some(from) = SEED.find(start) else {
        panic!("the seed has no {start}");
    };
    let rest = &SEED[from..];
    let part = match end {
        Some(end) => match rest.find(end) {
            Some(to) => &rest[..to],
            None => panic!("the seed has no {end}"),
        },
        None => rest,
    };
    let mut text = normalize(part);
    for (raw, corrected) in KNOWN_SEED_CORRECTIONS {
        text = text.replace(raw, corrected);
    }
    text
}

fn blocks_text(blocks: &[Block]) -> String {
    blocks.iter().flat_map(Block::texts).collect()
}

fn assert_same_text(expected: &str, actual: &str, what: &str) {
    if expected == actual {
        return;
    }
    let at = expected
        .chars()
        .zip(actual.chars())
        .take_while(|(e, a)| e == a)
        .count();
    let around = |s: &str| -> String { s.chars().skip(at.saturating_sub(30)).take(80).collect() };
    panic!(
        "{what} differs from the seed at character {at}:\n seed:       {}\n definition: {}",
        around(expected),
        around(actual)
    );
}

#[test]
fn the_general_guide_is_the_seeds_text_in_full() {
    let expected = normalized_seed_between("依頼事項", Some("【調査項目について】"));
    let actual = normalize(&blocks_text(&survey().guide));
    assert_same_text(&expected, &actual, "the general guide");
}

#[test]
fn every_items_guidance_is_the_seeds_text_in_full_and_in_order() {
    let survey = survey();
    let expected = normalized_seed_between("【調査項目について】", None);
    let expected = expected
        .strip_prefix(&normalize("【調査項目について】"))
        .unwrap_or(&expected)
        .to_owned();
    // The 回答要領 repeats each item's 項番 and wording as its heading, then its guidance.
    let actual: String = survey
        .items()
        .map(|item| {
            let heading = format!(
                "{}{}{}",
                item.number,
                item.lead.as_deref().unwrap_or(""),
                item.text
            );
            normalize(&heading) + &normalize(&blocks_text(&item.guidance))
        })
        .collect();
    assert_same_text(&expected, &actual, "the items' guidance");
}

#[test]
fn every_item_has_guidance() {
    for item in survey().items() {
        assert!(!item.guidance.is_empty(), "{} has no 回答要領", item.id);
    }
}

#[test]
fn the_normalisation_does_not_hide_a_changed_word() {
    // Guards the comparison itself: a changed character must still be a difference.
    assert_ne!(
        normalize("迅速かつ確に実施"),
        normalize("迅速かつ適確に実施")
    );
    assert_eq!(
        normalize("**事業継続計画 (BCP)**"),
        normalize("事業継続計画（BCP）")
    );
}
