//! The hand-written draft JSON module (src/draft/json.rs) against serde_json, which the answering
//! page no longer links: the same texts accepted and refused, the same values read, and the same
//! drafts read by the envelope as the serde version of `Draft::from_json` read them. Generated and
//! hostile inputs (deep nesting, lone surrogates, huge numbers, truncation) must never panic.
//! The generator is a fixed-seed xorshift so that a failure repeats exactly.

use cyber_survey::draft::json::{self, Json};
use cyber_survey::draft::{DRAFT_FORMAT, DRAFT_VERSION, Draft, DraftError};
use cyber_survey::survey::{Answer, Answers};
use serde_json::{Map, Value};

const NOW: &str = "2026-11-24T01:00:00.000Z";

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// Characters that stress escaping: quotes, backslashes, controls, DEL, non-BMP, Japanese.
const CHARS: &[char] = &[
    'a',
    '0',
    ' ',
    '"',
    '\\',
    '/',
    '\n',
    '\r',
    '\t',
    '\u{0}',
    '\u{1}',
    '\u{8}',
    '\u{c}',
    '\u{1f}',
    '\u{7f}',
    'é',
    '病',
    '院',
    '〇',
    '\u{2028}',
    '\u{feff}',
    '😀',
    '\u{10ffff}',
];

fn text(rng: &mut Rng) -> String {
    (0..rng.below(8)).map(|_| *rng.pick(CHARS)).collect()
}

fn value(rng: &mut Rng, depth: usize) -> Value {
    let kind = if depth > 4 {
        rng.below(4)
    } else {
        rng.below(6)
    };
    match kind {
        0 => Value::Null,
        1 => Value::Bool(rng.below(2) == 0),
        2 => match rng.below(4) {
            0 => Value::from(rng.next()),
            1 => Value::from(-(rng.below(1_000_000) as i64)),
            2 => Value::from(rng.below(1000)),
            _ => Value::from(rng.below(100_000) as f64 / 8.0),
        },
        3 => Value::String(text(rng)),
        4 => Value::Array((0..rng.below(4)).map(|_| value(rng, depth + 1)).collect()),
        _ => Value::Object(
            (0..rng.below(4))
                .map(|_| (text(rng), value(rng, depth + 1)))
                .collect(),
        ),
    }
}

/// The hand-written reader's value as serde_json's, numbers by serde_json's reading of their text.
fn to_serde(value: &Json) -> Value {
    match value {
        Json::Null => Value::Null,
        Json::Bool(b) => Value::Bool(*b),
        Json::Number(n) => serde_json::from_str(n).unwrap_or(Value::Null),
        Json::String(s) => Value::String(s.clone()),
        Json::Array(items) => Value::Array(items.iter().map(to_serde).collect()),
        Json::Object(fields) => {
            let mut map = Map::new();
            for (key, value) in fields {
                map.insert(key.clone(), to_serde(value));
            }
            Value::Object(map)
        }
    }
}

/// Both readers accept `text` or both refuse it, and agree on the value.
fn agrees(text: &str) {
    let ours = json::parse(text);
    let theirs = serde_json::from_str::<Value>(text);
    match (&ours, &theirs) {
        (Some(ours), Ok(theirs)) => assert_eq!(&to_serde(ours), theirs, "value of {text:?}"),
        (None, Err(_)) => {}
        _ => panic!(
            "{text:?}: ours {}, serde_json {}",
            if ours.is_some() { "accepts" } else { "refuses" },
            if theirs.is_ok() { "accepts" } else { "refuses" },
        ),
    }
}

/// Every prefix of `text` that ends on a character boundary (a write cut short).
fn prefixes(text: &str) -> impl Iterator<Item = &str> {
    text.char_indices().map(|(at, _)| &text[..at])
}

#[test]
fn generated_values_are_read_as_serde_json_reads_them() {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    for _ in 0..3000 {
        let written = value(&mut rng, 0);
        let compact = written.to_string();
        agrees(&compact);
        agrees(&serde_json::to_string_pretty(&written).unwrap_or_default());
        for prefix in prefixes(&compact) {
            agrees(prefix);
        }
    }
}

#[test]
fn mutated_texts_are_refused_or_read_as_serde_json_reads_them() {
    const NOISE: &[&str] = &[
        "\"", "\\", "{", "}", "[", "]", ",", ":", "-", "+", ".", "e", "0", "01", "\\u", "\\ud800",
        "\\udc00", "\\u+041", "\\u-041", "\\u00", "\\x41", " ", "\u{0}", "\u{1}", "nul", "tru",
        "病",
    ];
    let mut rng = Rng(0x2545_f491_4f6c_dd1d);
    for _ in 0..20_000 {
        let mut chars: Vec<String> = value(&mut rng, 0)
            .to_string()
            .chars()
            .map(String::from)
            .collect();
        for _ in 0..=rng.below(3) {
            let at = rng.below(chars.len() + 1);
            match rng.below(3) {
                0 if at < chars.len() => {
                    chars.remove(at);
                }
                1 if at < chars.len() => chars[at] = rng.pick(NOISE).to_string(),
                _ => chars.insert(at, rng.pick(NOISE).to_string()),
            }
        }
        agrees(&chars.concat());
    }
}

#[test]
fn hostile_texts_are_refused_or_read_as_serde_json_reads_them() {
    let hostile = [
        "",
        " ",
        "\u{feff}{}",
        // Surrogates: a lone high or low one, a pair reversed, a high one before a non-surrogate.
        r#""\ud800""#,
        r#""\udfff""#,
        r#""\udc00\ud800""#,
        r#""\ud800\u0041""#,
        r#""\ud800\\""#,
        r#""\ud83d\ude00""#,
        r#""\uD83D\uDE00""#,
        r#""\u12""#,
        r#""\u12g4""#,
        r#""\u+123""#,
        r#""\u 123""#,
        r#""\u00e9""#,
        // Numbers beyond u64 and f64, and malformed ones.
        "18446744073709551615",
        "18446744073709551616",
        "-9223372036854775809",
        "1e400",
        "1.7976931348623157e308",
        "1.7976931348623159e308",
        "179769313486231580793728971405303415079934132710037826936173778980444968292764750946649017977587207096330286416692887910946555547851940402630657488671505820681908902000708383676273854845817711531764475730270069855571366959622842914819860834936475292719074168444365510704342711559699508093042880177904174497792",
        "0.00000000000000000000000000000000000000000000000001e358",
        "0e99999999999999999999999",
        "1e99999999999999999999999",
        "1e-99999999999999999999999",
        "-0.0e-5",
        "-1e400",
        "1e-400",
        &"9".repeat(5000),
        "-0",
        "0.0e0",
        "00",
        "-",
        "1.",
        ".5",
        "1e",
        "1e+",
        "+1",
        "0x10",
        "Infinity",
        "NaN",
        // Structure.
        "[1,]",
        "{\"a\":1,}",
        "{\"a\" 1}",
        "{1:2}",
        "[1 2]",
        "{}}",
        "[]]",
        "\"\u{1}\"",
        "\"\u{7f}\"",
        "nulll",
        "true false",
        "{\"a\":1,\"a\":2}",
    ];
    for text in hostile {
        agrees(text);
        for prefix in prefixes(text) {
            agrees(prefix);
        }
    }
}

#[test]
fn deep_nesting_is_refused_at_the_same_depth_without_overflowing_the_stack() {
    for depth in [1, 100, 126, 127, 128, 129, 200, 100_000] {
        for (open, close, inner) in [("[", "]", ""), ("[", "]", "1"), ("{\"a\":", "}", "[]")] {
            let text = format!("{}{inner}{}", open.repeat(depth), close.repeat(depth));
            agrees(&text);
            // Cut short: never closed.
            agrees(&open.repeat(depth));
        }
    }
}

// ---- The envelope: the serde version of `Draft::from_json` (before the form page dropped
// serde_json) as the oracle. ----

fn reference_from_json(text: &str, survey: &str, now: &str) -> Result<Draft, DraftError> {
    #[derive(serde::Deserialize)]
    struct Stored {
        version: u64,
        survey: String,
        app_version: String,
        name: Option<String>,
        created_at: String,
        saved_at: String,
        revision: u64,
        answers: Answers,
    }
    let value: Value = serde_json::from_str(text).map_err(|_| DraftError::NotJson)?;
    let Value::Object(mut object) = value else {
        return Err(DraftError::NotOurs);
    };
    if object.get("format").and_then(Value::as_str) != Some(DRAFT_FORMAT) {
        return Err(DraftError::NotOurs);
    }
    let version = object
        .get("version")
        .and_then(Value::as_u64)
        .filter(|version| *version >= 1)
        .ok_or_else(|| DraftError::Damaged("形式の版がありません".to_owned()))?;
    if version > DRAFT_VERSION {
        return Err(DraftError::NewerVersion {
            found: version,
            supported: DRAFT_VERSION,
        });
    }
    let found_survey = object.get("survey").and_then(Value::as_str).unwrap_or("");
    if found_survey != survey {
        return Err(DraftError::OtherSurvey {
            found: found_survey.to_owned(),
            expected: survey.to_owned(),
        });
    }
    if version == 1 {
        let saved_at = object
            .get("saved_at")
            .and_then(Value::as_str)
            .unwrap_or(now)
            .to_owned();
        object.insert("version".into(), Value::from(2));
        object.insert("name".into(), Value::Null);
        // The hand-written reader takes a v1 app_version that is not a string as absent; serde's
        // `entry` kept it and refused the draft. Version 1 never wrote app_version, so the two
        // agree on every draft an app wrote; the oracle follows the lenient reading.
        if !object.get("app_version").is_some_and(Value::is_string) {
            object.insert("app_version".into(), Value::from("不明"));
        }
        object.insert("created_at".into(), Value::from(saved_at.clone()));
        object.insert("saved_at".into(), Value::from(saved_at));
        object.insert("revision".into(), Value::from(0));
        object
            .entry("answers")
            .or_insert_with(|| Value::Object(Map::new()));
    }
    let stored: Stored = serde_json::from_value(Value::Object(object)).map_err(|_| {
        DraftError::Damaged("必要な項目が欠けているか、値の形式が違います".to_owned())
    })?;
    Ok(Draft {
        format: DRAFT_FORMAT.to_owned(),
        version: stored.version.max(DRAFT_VERSION),
        survey: stored.survey,
        app_version: stored.app_version,
        name: stored.name,
        created_at: stored.created_at,
        saved_at: stored.saved_at,
        revision: stored.revision,
        answers: stored.answers,
    })
}

fn random_answers(rng: &mut Rng) -> Answers {
    let mut answers = Answers::new();
    for _ in 0..rng.below(6) {
        let answer = match rng.below(3) {
            0 => Answer::Text(text(rng)),
            1 => Answer::Choice(text(rng)),
            _ => Answer::Choices((0..rng.below(4)).map(|_| text(rng)).collect()),
        };
        answers.insert(text(rng), answer);
    }
    answers
}

fn random_draft(rng: &mut Rng) -> Draft {
    let mut draft = Draft::new("R6", NOW);
    draft.name = (rng.below(2) == 0).then(|| text(rng));
    draft.app_version = text(rng);
    draft.created_at = text(rng);
    draft.saved_at = text(rng);
    draft.revision = rng.next();
    draft.answers = random_answers(rng);
    draft
}

/// The envelope in serde_json's value form, as the serde version wrote it.
fn envelope_value(draft: &Draft) -> Value {
    serde_json::json!({
        "format": draft.format,
        "version": draft.version,
        "survey": draft.survey,
        "app_version": draft.app_version,
        "name": draft.name,
        "created_at": draft.created_at,
        "saved_at": draft.saved_at,
        "revision": draft.revision,
        "answers": draft.answers,
    })
}

fn envelope_agrees(text: &str) {
    assert_eq!(
        Draft::from_json(text, "R6", NOW),
        reference_from_json(text, "R6", NOW),
        "envelope {text:?}"
    );
}

#[test]
fn drafts_written_by_hand_are_what_serde_json_wrote_and_read_back_whole() {
    let mut rng = Rng(0x1234_5678_9abc_def1);
    for _ in 0..2000 {
        let draft = random_draft(&mut rng);
        let written = draft.to_json();
        assert_eq!(
            serde_json::from_str::<Value>(&written).ok(),
            Some(envelope_value(&draft))
        );
        assert_eq!(Draft::from_json(&written, "R6", NOW), Ok(draft.clone()));
        envelope_agrees(&written);
        for prefix in prefixes(&written) {
            envelope_agrees(prefix);
        }
    }
}

#[test]
fn altered_envelopes_are_read_or_refused_as_the_serde_version_did() {
    // Each field swapped for a value of every kind, removed, or duplicated, in both versions.
    let kinds: Vec<Value> = vec![
        Value::Null,
        Value::Bool(true),
        Value::from(0),
        Value::from(1),
        Value::from(2),
        Value::from(3),
        Value::from(-1),
        Value::from(1.5),
        serde_json::from_str("1e400").unwrap_or(Value::Null),
        Value::from(u64::MAX),
        Value::from("R6"),
        Value::from(DRAFT_FORMAT),
        Value::from(""),
        serde_json::json!([]),
        serde_json::json!(["a", 1]),
        serde_json::json!({}),
        serde_json::json!({"Q1-2": {"text": "〇〇病院"}}),
        serde_json::json!({"Q1-2": {"text": "a", "choice": "b"}}),
        serde_json::json!({"Q1-2": {"choices": ["a", null]}}),
        serde_json::json!({"Q1-2": {"number": "1"}}),
        serde_json::json!({"Q1-2": "a"}),
    ];
    let mut rng = Rng(0x0fed_cba9_8765_4321);
    for version in [1_u64, 2] {
        let draft = random_draft(&mut rng);
        let Value::Object(base) = envelope_value(&draft) else {
            panic!("the envelope is an object");
        };
        let keys: Vec<String> = base.keys().cloned().collect();
        for key in &keys {
            let mut removed = base.clone();
            removed.insert("version".into(), Value::from(version));
            removed.remove(key);
            envelope_agrees(&Value::Object(removed).to_string());
            for kind in &kinds {
                let mut changed = base.clone();
                changed.insert("version".into(), Value::from(version));
                changed.insert(key.clone(), kind.clone());
                let text = Value::Object(changed).to_string();
                envelope_agrees(&text);
                // The same field written twice: the last one counts, in both readers.
                let doubled = format!("{},{:?}:{kind}}}", &text[..text.len() - 1], key);
                envelope_agrees(&doubled);
            }
        }
    }
    for text in [
        "null",
        "[]",
        "\"cyber-survey-draft\"",
        "1",
        "{}",
        "{\"format\":null}",
    ] {
        envelope_agrees(text);
    }
    // Repeated item ids and tags: serde_json kept the last of each before reading the answer.
    let head = r#"{"format":"cyber-survey-draft","version":2,"survey":"R6","app_version":"1","created_at":"a","saved_at":"b","revision":1,"answers":"#;
    for answers in [
        r#"{"Q1":5,"Q1":{"text":"a"}}"#,
        r#"{"Q1":{"text":"a"},"Q1":5}"#,
        r#"{"Q1":{"text":"a"},"Q1":{"choice":"b"}}"#,
        r#"{"Q1":{"text":5,"text":"a"}}"#,
        r#"{"Q1":{"text":"a","text":5}}"#,
        r#"{"Q1":{"text":"a","choice":"a"}}"#,
        r#"{"Q1":{"choices":["a"],"choices":["b","c"]}}"#,
        r#"{"Q1":{}}"#,
        r#"{"Q1":{"choices":[]},"Q2":{"choice":""}}"#,
        r#"{"Q1":{"text":"a"}}, "revision": 1e400"#,
    ] {
        envelope_agrees(&format!("{head}{answers}}}"));
    }
}
