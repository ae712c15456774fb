//! 10,000 generated files through the overview: every file is accounted for, and the counts agree
//! with what the generator intended, worked out here another way (by the generator's hospital
//! numbers instead of names, the answers read directly instead of through item states). Prints the
//! time taken; asserts none.

mod common;
mod support;

use std::collections::BTreeMap;
use std::time::Instant;

use cyber_survey::export::{read_answer_file, write_answer_file};
use cyber_survey::overview::{
    AnswerFilter, Collection, FilterCondition, ItemDetail, ItemState, Outcome,
};
use cyber_survey::survey::{Answers, Evaluation, Survey, Visibility};
use support::answer_files::{GeneratedFile, Intended, generate};

const FILES: usize = 10_000;

/// The files the generator's own reckoning keeps, by index: for each hospital number the file
/// with the latest time (the app's fixed-width times sort as text), a later file winning a tie; and
/// every nameless file.
fn expected_kept(files: &[GeneratedFile]) -> Vec<usize> {
    let mut latest: BTreeMap<u64, (&str, usize)> = BTreeMap::new();
    let mut kept = Vec::new();
    for (index, file) in files.iter().enumerate() {
        let Intended::Answers {
            hospital,
            exported_at,
            ..
        } = &file.intended
        else {
            continue;
        };
        match hospital {
            None => kept.push(index),
            Some(number) => {
                let candidate = (exported_at.as_str(), index);
                let entry = latest.entry(*number).or_insert(candidate);
                if candidate >= *entry {
                    *entry = candidate;
                }
            }
        }
    }
    kept.extend(latest.values().map(|(_, index)| *index));
    kept.sort_unstable();
    kept
}

fn intended_answers(file: &GeneratedFile) -> &Answers {
    match &file.intended {
        Intended::Answers { answers, .. } => answers,
        Intended::Broken => panic!("{} is broken", file.file_name),
    }
}

#[test]
fn ten_thousand_files_add_up() {
    let survey = common::edition("r6");
    let files = generate(&survey, FILES, 20250127);
    let bytes: usize = files.iter().map(|f| f.text.len()).sum();

    let started = Instant::now();
    for file in &files {
        let _ = read_answer_file(&survey, &file.text);
    }
    let parsing_only = started.elapsed();

    let started = Instant::now();
    let mut collection = Collection::new(&survey);
    // New hospital, replaced older, older than kept, rejected.
    let mut outcomes = [0; 4];
    for file in &files {
        outcomes[match collection.add(&file.file_name, &file.text) {
            Outcome::NewHospital => 0,
            Outcome::ReplacedOlder => 1,
            Outcome::OlderThanKept => 2,
            Outcome::Rejected => 3,
        }] += 1;
    }
    let loaded = started.elapsed();
    let summary = collection.summary(&AnswerFilter::everyone());
    let summarised = started.elapsed();
    let filter = AnswerFilter::new(
        &survey,
        &[FilterCondition {
            item: "Q2-1".into(),
            choice: "はい".into(),
        }],
    );
    let Ok(filter) = filter else {
        panic!("{filter:?}");
    };
    let filtered = collection.summary(&filter);
    let refiltered = started.elapsed();
    println!(
        "{FILES} files ({} KB): added {loaded:?} (of which reading alone {parsing_only:?}), \
         summarised {:?}, filtered and summarised again {:?}",
        bytes / 1024,
        summarised - loaded,
        refiltered - summarised
    );

    // Every file is somewhere, exactly once.
    let broken = files
        .iter()
        .filter(|f| matches!(f.intended, Intended::Broken))
        .count();
    assert!(broken > 50 && broken < 200, "{broken}");
    assert_eq!(collection.rejected().len(), broken);
    assert_eq!(
        collection.hospitals().len() + collection.dropped_duplicates().len() + broken,
        FILES
    );
    let [new, replaced, older, rejected] = outcomes;
    assert_eq!(rejected, broken);
    assert_eq!(new, collection.hospitals().len());
    assert_eq!(replaced + older, collection.dropped_duplicates().len());
    assert!(replaced > 100 && older > 100, "{outcomes:?}");
    for dropped in collection.dropped_duplicates() {
        assert!(dropped.exported_at <= dropped.kept.exported_at.as_deref());
        assert_ne!(dropped.file_name, dropped.kept.file_name);
    }

    // The kept hospitals are the files the generator's own reckoning keeps, with their answers.
    let expected_files = expected_kept(&files);
    let mut kept_files: Vec<&str> = collection
        .hospitals()
        .iter()
        .map(|h| h.file_name.as_str())
        .collect();
    kept_files.sort_unstable();
    let expected_names: Vec<&str> = expected_files
        .iter()
        .map(|&i| files[i].file_name.as_str())
        .collect();
    assert_eq!(kept_files, expected_names);
    let expected: Vec<&Answers> = expected_files
        .iter()
        .map(|&i| intended_answers(&files[i]))
        .collect();
    for hospital in collection.hospitals().iter().step_by(97) {
        let index = files.iter().position(|f| f.file_name == hospital.file_name);
        let intended = index.map(|i| written_form(&survey, intended_answers(&files[i])));
        assert_eq!(Some(&hospital.answers), intended.as_ref());
    }
    assert_eq!(
        collection
            .hospitals()
            .iter()
            .filter(|h| h.name_is_missing())
            .count(),
        files
            .iter()
            .filter(|f| matches!(f.intended, Intended::Answers { hospital: None, .. }))
            .count()
    );

    // Branching, progress, completeness and advisories are the survey's evaluation of the file,
    // the values its reader left out counted as invalid.
    for hospital in collection.hospitals() {
        let evaluation = hospital.evaluation(&survey);
        let not_hidden: Vec<bool> = hospital
            .item_states()
            .iter()
            .map(|state| *state != ItemState::NotAsked)
            .collect();
        let asked: Vec<bool> = evaluation.states().iter().map(|s| s.is_asked()).collect();
        assert_eq!(not_hidden, asked);
        assert_eq!(hospital.progress, evaluation.progress());
        assert_eq!(hospital.advisories, evaluation.advisories());
        assert_eq!(hospital.complete, evaluation.problems().is_empty());
        if hospital.warnings.is_empty() {
            assert_eq!(evaluation, Evaluation::of(&survey, &hospital.answers));
        }
    }
    assert!(collection.hospitals().iter().any(|h| h.complete));
    assert!(collection.hospitals().iter().any(|h| !h.complete));

    // Per item, the three counts add up to the hospitals asked, and choice counts to the answers.
    assert_eq!(summary.hospitals, expected.len());
    for item in &summary.items {
        assert_eq!(
            item.answered + item.unanswered + item.invalid,
            item.asked,
            "{}",
            item.item.id
        );
        assert!(item.asked <= summary.hospitals);
        match &item.detail {
            ItemDetail::Choices(choices) => {
                let ticked: usize = choices.iter().map(|c| c.share.count).sum();
                if item.item.id == "Q2-3" {
                    assert!(ticked >= item.answered);
                } else {
                    assert_eq!(ticked, item.answered, "{}", item.item.id);
                }
            }
            ItemDetail::Numbers(Some(distribution)) => {
                assert_eq!(distribution.count, item.answered);
                let binned: usize = distribution.bins.iter().map(|b| b.count).sum();
                assert_eq!(binned, item.answered);
                assert!(distribution.bins.len() <= 12);
            }
            _ => {}
        }
    }

    // And some counts recomputed from the generator's answers directly.
    let asked = |answers: &Answers, id: &str| Visibility::of(&survey, answers).is_asked(id);
    let q2_1_yes = expected
        .iter()
        .filter(|a| a.choice("Q2-1") == Some("はい"))
        .count();
    let q2_1 = summary.items.iter().find(|i| i.item.id == "Q2-1");
    let q2_1_counts = q2_1.map(|i| match &i.detail {
        ItemDetail::Choices(c) => (c[0].share.count, i.answered, i.unanswered),
        _ => (0, 0, 0),
    });
    let q2_1_blank = expected.iter().filter(|a| a.get("Q2-1").is_none()).count();
    assert_eq!(
        q2_1_counts,
        Some((q2_1_yes, expected.len() - q2_1_blank, q2_1_blank))
    );
    let q17_5 = summary.items.iter().find(|i| i.item.id == "Q17-5");
    let q17_5_expected = expected.iter().filter(|a| asked(a, "Q17-5")).fold(
        (0, 0, 0),
        |(valid, blank, invalid), a| match a.text("Q17-5").parse::<u32>() {
            Ok(n) if (1..=999).contains(&n) => (valid + 1, blank, invalid),
            _ if a.get("Q17-5").is_none() => (valid, blank + 1, invalid),
            _ => (valid, blank, invalid + 1),
        },
    );
    assert_eq!(
        q17_5.map(|i| (i.answered, i.unanswered, i.invalid)),
        Some(q17_5_expected)
    );
    assert!(q17_5_expected.2 > 10, "the generator makes invalid numbers");
    assert_eq!(filtered.hospitals, q2_1_yes);
    let q2_2_asked = filtered.items.iter().find(|i| i.item.id == "Q2-2");
    assert_eq!(q2_2_asked.map(|i| i.asked), Some(q2_1_yes));
}

/// What a file written from `answers` holds once read back: asked items only, text trimmed.
fn written_form(survey: &Survey, answers: &Answers) -> Answers {
    let text = write_answer_file(survey, answers, "");
    read_answer_file(survey, &text)
        .map(|file| file.answers)
        .unwrap_or_default()
}
