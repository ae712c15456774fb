//! The overview's collection of files: bad files listed with their reason while the rest load,
//! duplicates of a hospital settled in favour of the newest file, files without a hospital name
//! kept apart, and the rules underneath (the name key, the saved time).

mod common;
mod support;

use cyber_survey::draft::DraftError;
use cyber_survey::export::{FileError, MAX_FILE_BYTES, write_answer_file};
use cyber_survey::overview::{
    Collection, NAME_MISSING, Outcome, Rejection, Timestamp, hospital_key,
};
use cyber_survey::survey::Answers;
use serde_json::json;
use support::answer_files::{hand_made, saved_at};

fn named(name: &str) -> Answers {
    let mut answers = Answers::new();
    answers.set_text("Q1-2", name.into());
    answers.set_text("Q1-1", "山田 太郎".into());
    answers.set_choice("Q4", "はい".into());
    answers
}

fn file_of(name: &str, exported_at: &str) -> String {
    write_answer_file(&common::edition("r6"), &named(name), exported_at)
}

fn file_names<'c>(hospitals: impl IntoIterator<Item = &'c str>) -> Vec<&'c str> {
    hospitals.into_iter().collect()
}

#[test]
fn bad_files_are_listed_with_the_reason_and_the_rest_still_load() {
    let survey = common::edition("r6");
    let mut collection = Collection::new(&survey);
    let huge = format!("{{\"pad\":\"{}\"}}", "x".repeat(MAX_FILE_BYTES));
    let outcomes = [
        collection.add("a.json", &file_of("A病院", &saved_at(1, 0))),
        collection.add("not-json.json", "名前,回答\n山田,はい"),
        collection.add("b.json", &file_of("B病院", &saved_at(1, 0))),
        collection.add(
            "r7.json",
            &hand_made(&survey, json!({"survey": "R7", "answers": {"Q4": "はい"}})),
        ),
        collection.add(
            "newer.json",
            &hand_made(
                &survey,
                json!({"format_version": 2, "answers": {"Q4": "はい"}}),
            ),
        ),
        collection.add("empty.json", ""),
        collection.add("huge.json", &huge),
        collection.add_bytes("sjis.json", &[0x82, 0xA0, 0x82, 0xA2]),
        collection.add_bytes("huge-bytes.json", huge.as_bytes()),
        collection.add_unreadable("skipped.json", Rejection::too_large(5 * MAX_FILE_BYTES)),
        collection.add_unreadable("gone.json", Rejection::ReadFailed),
        collection.add_bytes(
            "c.json",
            format!("\u{feff}{}", file_of("C病院", &saved_at(2, 0))).as_bytes(),
        ),
    ];
    assert_eq!(
        outcomes.map(|o| o == Outcome::Rejected),
        [
            false, true, false, true, true, true, true, true, true, true, true, false
        ]
    );
    assert_eq!(
        file_names(collection.hospitals().iter().map(|h| h.file_name.as_str())),
        ["a.json", "b.json", "c.json"]
    );
    let rejected: Vec<(&str, String)> = collection
        .rejected()
        .iter()
        .map(|r| (r.file_name.as_str(), r.reason.to_string()))
        .collect();
    assert_eq!(rejected.len(), 9);
    assert_eq!(
        rejected[0],
        ("not-json.json", "JSON形式のデータではありません。".into())
    );
    assert_eq!(
        rejected[1],
        (
            "r7.json",
            "別の調査（R7）のデータです。この画面の調査（R6）には読み込めません。".into()
        )
    );
    assert!(
        rejected[2]
            .1
            .starts_with("新しい版のツールで作られたデータです（形式 第2版。")
    );
    assert_eq!(rejected[3], ("empty.json", "ファイルが空です。".into()));
    assert_eq!(
        collection.rejected()[4].reason,
        Rejection::Refused(FileError::TooLarge {
            bytes: huge.len(),
            limit: MAX_FILE_BYTES
        })
    );
    assert_eq!(
        rejected[5],
        (
            "sjis.json",
            "文字コードがUTF-8ではありません。このツールで保存したJSONファイルを選んでください。"
                .into()
        )
    );
    assert_eq!(
        collection.rejected()[6].reason,
        collection.rejected()[4].reason,
        "bytes are measured before they are decoded"
    );
    assert!(
        rejected[7]
            .1
            .starts_with("ファイルが大きすぎます（5120 KB。")
    );
    assert_eq!(
        rejected[8],
        ("gone.json", "ファイルを読み取れませんでした。".into())
    );
    assert_eq!(
        collection.rejected()[2].reason,
        Rejection::Refused(FileError::Unusable(DraftError::NewerVersion {
            found: 2,
            supported: 1
        }))
    );
    assert_eq!(collection.files_added(), 12);
}

#[test]
fn of_two_files_of_one_hospital_the_newer_is_kept_and_the_other_listed() {
    let survey = common::edition("r6");
    let mut collection = Collection::new(&survey);
    let add =
        |c: &mut Collection, file: &str, name: &str, at: &str| c.add(file, &file_of(name, at));
    assert_eq!(
        add(&mut collection, "1.json", "ABC病院", &saved_at(10, 0)),
        Outcome::NewHospital
    );
    assert_eq!(
        add(&mut collection, "other.json", "XYZ病院", &saved_at(10, 0)),
        Outcome::NewHospital
    );
    assert_eq!(
        add(&mut collection, "2.json", "ＡＢＣ　病院", &saved_at(12, 0)),
        Outcome::ReplacedOlder,
        "full-width letters and a full-width space: the same hospital"
    );
    assert_eq!(
        add(&mut collection, "0.json", " abc 病院", &saved_at(9, 0)),
        Outcome::OlderThanKept
    );
    let kept: Vec<(&str, &str)> = collection
        .hospitals()
        .iter()
        .map(|h| (h.file_name.as_str(), h.name.as_str()))
        .collect();
    assert_eq!(
        kept,
        [("2.json", "ＡＢＣ　病院"), ("other.json", "XYZ病院")]
    );
    let dropped: Vec<(&str, &str)> = collection
        .dropped_duplicates()
        .iter()
        .map(|d| (d.file_name, d.kept.file_name.as_str()))
        .collect();
    assert_eq!(dropped, [("1.json", "2.json"), ("0.json", "2.json")]);

    // A tie goes to the file added later, and the earlier drops now name it.
    assert_eq!(
        add(&mut collection, "3.json", "ABC病院", &saved_at(12, 0)),
        Outcome::ReplacedOlder
    );
    let dropped: Vec<(&str, Option<&str>, &str)> = collection
        .dropped_duplicates()
        .iter()
        .map(|d| (d.file_name, d.exported_at, d.kept.file_name.as_str()))
        .collect();
    let (day_10, day_9, day_12) = (saved_at(10, 0), saved_at(9, 0), saved_at(12, 0));
    assert_eq!(
        dropped,
        [
            ("1.json", Some(day_10.as_str()), "3.json"),
            ("0.json", Some(day_9.as_str()), "3.json"),
            ("2.json", Some(day_12.as_str()), "3.json"),
        ]
    );
    assert_eq!(collection.hospitals().len(), 2);
    assert_eq!(collection.files_added(), 5);
}

#[test]
fn a_file_without_a_time_loses_to_one_with_it_and_offsets_are_honoured() {
    let survey = common::edition("r6");
    let mut collection = Collection::new(&survey);
    let untimed = |name: &str| hand_made(&survey, json!({"answers": {"Q1-2": name}}));
    assert_eq!(
        collection.add("untimed-1", &untimed("A病院")),
        Outcome::NewHospital
    );
    assert_eq!(
        collection.add("timed", &file_of("A病院", &saved_at(1, 0))),
        Outcome::ReplacedOlder
    );
    assert_eq!(
        collection.add("untimed-2", &untimed("A病院")),
        Outcome::OlderThanKept
    );
    let unreadable_time = hand_made(
        &survey,
        json!({"exported_at": "昨日", "answers": {"Q1-2": "A病院"}}),
    );
    assert_eq!(
        collection.add("junk-time", &unreadable_time),
        Outcome::OlderThanKept
    );

    // 10:00 in Japan is 01:00 UTC: earlier than 02:00 UTC, though its text sorts after it.
    let japan = hand_made(
        &survey,
        json!({"exported_at": "2025-01-27T10:00:00+09:00",
        "answers": {"Q1-2": "B病院"}}),
    );
    let utc = file_of("B病院", "2025-01-27T02:00:00.000Z");
    collection.add("japan", &japan);
    assert_eq!(collection.add("utc", &utc), Outcome::ReplacedOlder);
    collection.add("japan-again", &japan);
    let kept: Vec<&str> = collection
        .hospitals()
        .iter()
        .map(|h| h.file_name.as_str())
        .collect();
    assert_eq!(kept, ["timed", "utc"]);
}

#[test]
fn files_without_a_hospital_name_are_all_kept_and_marked() {
    let survey = common::edition("r6");
    let mut collection = Collection::new(&survey);
    let nameless = file_of("", &saved_at(1, 0));
    let blank = file_of("\u{3000} ", &saved_at(1, 0));
    assert_eq!(collection.add("x.json", &nameless), Outcome::NewHospital);
    assert_eq!(collection.add("y.json", &nameless), Outcome::NewHospital);
    assert_eq!(collection.add("z.json", &blank), Outcome::NewHospital);
    assert_eq!(collection.hospitals().len(), 3);
    assert!(collection.dropped_duplicates().is_empty());
    for hospital in collection.hospitals() {
        assert!(hospital.name_is_missing());
        assert_eq!(hospital.display_name(), NAME_MISSING);
        assert_eq!(hospital.display_name(), "病院名未入力");
    }
}

#[test]
fn the_same_file_added_twice_is_one_hospital() {
    let survey = common::edition("r6");
    let mut collection = Collection::new(&survey);
    let text = file_of("A病院", &saved_at(3, 0));
    collection.add("a.json", &text);
    assert_eq!(collection.add("a (1).json", &text), Outcome::ReplacedOlder);
    assert_eq!(collection.hospitals().len(), 1);
    assert_eq!(collection.hospitals()[0].file_name, "a (1).json");
    assert_eq!(collection.dropped_duplicates()[0].file_name, "a.json");
}

#[test]
fn the_hospital_key_ignores_spaces_width_and_ascii_case_only() {
    for (a, b) in [
        ("ＡＢＣ病院", "abc病院"),
        ("医療法人 〇〇会\u{3000}〇〇病院", "医療法人〇〇会〇〇病院"),
        ("第１２病院", "第12病院"),
        ("\t病院（本院）\n", "病院(本院)"),
    ] {
        assert_eq!(hospital_key(a), hospital_key(b), "{a} / {b}");
    }
    for (a, b) in [
        ("第一病院", "第1病院"),
        ("さくら病院", "サクラ病院"),
        ("A病院", "B病院"),
    ] {
        assert_ne!(hospital_key(a), hospital_key(b), "{a} / {b}");
    }
    assert_eq!(hospital_key("ＡＢＣ　病院"), Some("abc病院".to_owned()));
    assert_eq!(hospital_key(" \u{3000}\t"), None);
    assert_eq!(hospital_key(""), None);
}

#[test]
fn saved_times_are_parsed_as_moments() {
    let ms = |text: &str| Timestamp::parse(text).map(Timestamp::millis_since_epoch);
    assert_eq!(ms("1970-01-01T00:00:00.000Z"), Some(0));
    assert_eq!(ms("2025-01-27T01:15:00.000Z"), Some(1_737_940_500_000));
    assert_eq!(ms("2025-01-27T10:15:00+09:00"), Some(1_737_940_500_000));
    assert_eq!(ms("2025-01-27T10:15+0900"), Some(1_737_940_500_000));
    assert_eq!(ms("2025-01-27 01:15:00.5z"), Some(1_737_940_500_500));
    assert_eq!(ms("2025-01-27T01:15:00.123456Z"), Some(1_737_940_500_123));
    assert_eq!(ms("2024-02-29T00:00:00Z"), Some(1_709_164_800_000));
    for refused in [
        "2025-01-27T01:15:00",
        "2025-02-29T00:00:00Z",
        "2025-13-01T00:00:00Z",
        "2025-01-27T24:00:00Z",
        "2025-01-27T01:15:00.Z",
        "2025-01-27T01:15:00Z ",
        "2025/01/27T01:15:00Z",
        "２０２５-01-27T01:15:00Z",
        "",
    ] {
        assert_eq!(ms(refused), None, "{refused}");
    }
    assert!(
        Timestamp::parse("2025-01-27T02:00:00Z") > Timestamp::parse("2025-01-27T10:00:00+09:00")
    );
}
