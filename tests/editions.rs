//! The editions a build takes (survey::editions, which build.rs runs over data/): newest first,
//! and a clear Japanese message naming the file for anything that would make the served edition,
//! or the edition a draft belongs to, unclear.

use cyber_survey::survey::editions::{EditionSource, EditionsError, read_editions};

/// A small sound definition of edition `id` for fiscal year `year`.
fn definition(id: &str, year: u32) -> String {
    format!(
        r#"{{"id":"{id}","fiscal_year":{year},"title":"令和{year}年度 調査","file_label":"f","guideline":"g","period":"p","answer_method":"m","guide":[],
            "respondent_item":"N","hospital_item":"N","sections":[{{"id":"s","title":"s","items":[
            {{"id":"N","number":"N","text":"t","guidance":[],"answer":{{"text":{{"max_chars":9}}}},"required":true}}]}}]}}"#
    )
}

fn source(folder: &str, json: String) -> EditionSource {
    EditionSource {
        folder: folder.to_owned(),
        json,
    }
}

#[test]
fn the_greatest_fiscal_year_comes_first_whatever_the_folders_order() {
    let editions = read_editions(&[
        source("a6", definition("A6", 6)),
        source("c8", definition("C8", 8)),
        source("b7", definition("B7", 7)),
    ])
    .expect("sound editions");
    let ids: Vec<&str> = editions.iter().map(|(_, s)| s.id.as_str()).collect();
    assert_eq!(ids, ["C8", "B7", "A6"]);
    assert_eq!(editions[0].0, "data/c8/survey.json");
}

#[test]
fn two_editions_of_one_fiscal_year_are_refused_naming_both_files() {
    let error = read_editions(&[
        source("a6", definition("A6", 6)),
        source("b6", definition("B6", 6)),
    ])
    .expect_err("refused");
    assert_eq!(
        error.to_string(),
        "data/b6/survey.json: fiscal_year 6 は data/a6/survey.json と同じです。版ごとに違う年度を書いてください。"
    );
}

#[test]
fn a_folder_not_named_as_its_edition_is_refused() {
    let error = read_editions(&[source("next", definition("A7", 7))]).expect_err("refused");
    assert_eq!(
        error,
        EditionsError::FolderName {
            file: "data/next/survey.json".into(),
            folder: "next".into(),
            id: "A7".into()
        }
    );
    assert!(error.to_string().contains("a7 にしてください"));
}

#[test]
fn a_definition_that_fails_its_checks_is_refused_with_its_file_named() {
    let error = read_editions(&[source("a7", definition("A7", 0))]).expect_err("refused");
    let message = error.to_string();
    assert!(
        message.starts_with("data/a7/survey.json に誤りがあります"),
        "{message}"
    );
    assert!(message.contains("fiscal_year"), "{message}");
}

#[test]
fn no_edition_at_all_is_refused() {
    assert_eq!(read_editions(&[]).err(), Some(EditionsError::NoEdition));
}

#[test]
fn the_repository_s_editions_build() {
    // What build.rs reads: every folder under data/.
    let data = concat!(env!("CARGO_MANIFEST_DIR"), "/data");
    let mut sources = Vec::new();
    for entry in std::fs::read_dir(data).expect("data/") {
        let entry = entry.expect("a folder");
        if entry.path().is_dir() {
            let json =
                std::fs::read_to_string(entry.path().join("survey.json")).expect("survey.json");
            sources.push(source(&entry.file_name().to_string_lossy(), json));
        }
    }
    let editions = read_editions(&sources).expect("data/ builds");
    assert_eq!(
        editions[0].1,
        cyber_survey::survey::served_survey(),
        "the served edition is the newest"
    );
    assert_eq!(editions.len(), cyber_survey::survey::every_edition().len());
}
