//! Conditions that real surveys need (issue 16, requirement 2), after FHIR Questionnaire
//! `enableWhen` and `enableBehavior`: every operator fires, does not fire, and is false when the
//! item it tests is hidden; tests combine with `all` and `any`; a test may name any earlier item.
//! The survey here is made up for the purpose, so that every kind of item can be tested.

use cyber_survey::survey::{
    Answer, Answers, Behavior, Condition, ConditionTest, Evaluation, Survey, When, lean,
    parse_definition,
};

/// A gate G (はい/いいえ) and, asked when G = はい, one item of each kind: Y (はい/いいえ),
/// S (single: a, b, c), M (multiple: x, y, z), I (whole number 0–100), T (text). Then X, whose
/// condition each test sets, and Z, asked when X is.
fn survey_with(when: &str) -> Survey {
    let gated = r#","when":{"item":"G","equals":"はい"}"#;
    let item = |id: &str, answer: &str, when: &str| {
        format!(
            r#"{{"id":"{id}","number":"{id}","text":"t","guidance":[],"answer":{answer},"required":false{when}}}"#
        )
    };
    let items = [
        item("N", r#"{"text":{"max_chars":10}}"#, ""),
        item("G", r#""yes_no""#, ""),
        item("Y", r#""yes_no""#, gated),
        item("S", r#"{"single":{"choices":["a","b","c"]}}"#, gated),
        item("M", r#"{"multiple":{"choices":["x","y","z"]}}"#, gated),
        item("I", r#"{"integer":{"min":0,"max":100,"unit":"件"}}"#, gated),
        item("T", r#"{"text":{"max_chars":10}}"#, gated),
        item("X", r#""yes_no""#, &format!(r#","when":{when}"#)),
        item(
            "Z",
            r#""yes_no""#,
            r#","when":{"item":"X","answered":true}"#,
        ),
    ];
    let json = format!(
        r#"{{"id":"T","fiscal_year":1,"title":"t","file_label":"f","guideline":"g","period":"p","answer_method":"m","guide":[],
            "respondent_item":"N","hospital_item":"N",
            "sections":[{{"id":"s","title":"s","items":[{}]}}]}}"#,
        items.join(",")
    );
    match parse_definition(&json) {
        Ok(survey) => survey,
        Err(errors) => panic!("{when}: {errors:?}"),
    }
}

fn choice(value: &str) -> Answer {
    Answer::Choice(value.into())
}

fn ticked(values: &[&str]) -> Answer {
    Answer::Choices(values.iter().map(|&value| value.into()).collect())
}

fn typed(text: &str) -> Answer {
    Answer::Text(text.into())
}

/// The answers given, with G = はい (every tested item asked) unless G is among them.
fn answers(given: &[(&str, Answer)]) -> Answers {
    let mut answers = Answers::new();
    answers.insert("G".into(), choice("はい"));
    for (id, answer) in given {
        answers.insert((*id).into(), answer.clone());
    }
    answers
}

/// Whether X is asked under `when`, given the answers.
fn asks_x(when: &str, given: &[(&str, Answer)]) -> bool {
    let survey = survey_with(when);
    Evaluation::of(&survey, &answers(given)).is_asked("X")
}

/// The same answers with G = いいえ: every tested item hidden, its answer kept.
fn asks_x_with_tested_items_hidden(when: &str, given: &[(&str, Answer)]) -> bool {
    let mut given = given.to_vec();
    given.push(("G", choice("いいえ")));
    asks_x(when, &given)
}

#[test]
fn equals_fires_on_the_value_only() {
    let when = r#"{"item":"Y","equals":"はい"}"#;
    assert!(asks_x(when, &[("Y", choice("はい"))]));
    assert!(!asks_x(when, &[("Y", choice("いいえ"))]));
    assert!(!asks_x(when, &[]));
    assert!(!asks_x_with_tested_items_hidden(
        when,
        &[("Y", choice("はい"))]
    ));

    let when = r#"{"item":"S","equals":"b"}"#;
    assert!(asks_x(when, &[("S", choice("b"))]));
    assert!(!asks_x(when, &[("S", choice("a"))]));
    assert!(!asks_x_with_tested_items_hidden(
        when,
        &[("S", choice("b"))]
    ));
}

#[test]
fn not_equals_fires_on_any_other_answer_but_not_on_none() {
    let when = r#"{"item":"Y","not_equals":"はい"}"#;
    assert!(asks_x(when, &[("Y", choice("いいえ"))]));
    assert!(!asks_x(when, &[("Y", choice("はい"))]));
    assert!(!asks_x(when, &[]), "unanswered is not 'another answer'");
    assert!(!asks_x(when, &[("Y", choice(""))]));
    assert!(!asks_x_with_tested_items_hidden(
        when,
        &[("Y", choice("いいえ"))]
    ));

    let when = r#"{"item":"S","not_equals":"a"}"#;
    assert!(asks_x(when, &[("S", choice("c"))]));
    assert!(!asks_x(when, &[("S", choice("a"))]));
    assert!(!asks_x_with_tested_items_hidden(
        when,
        &[("S", choice("c"))]
    ));
}

#[test]
fn includes_fires_when_the_value_is_ticked() {
    let when = r#"{"item":"M","includes":"y"}"#;
    assert!(asks_x(when, &[("M", ticked(&["x", "y"]))]));
    assert!(asks_x(when, &[("M", ticked(&["y"]))]));
    assert!(!asks_x(when, &[("M", ticked(&["x", "z"]))]));
    assert!(!asks_x(when, &[("M", ticked(&[]))]));
    assert!(!asks_x(when, &[]));
    assert!(!asks_x_with_tested_items_hidden(
        when,
        &[("M", ticked(&["y"]))]
    ));
}

#[test]
fn answered_fires_when_anything_is_given_of_any_kind() {
    for (id, given) in [
        ("Y", choice("いいえ")),
        ("S", choice("a")),
        ("M", ticked(&["z"])),
        ("I", typed("7")),
        ("T", typed("abc")),
    ] {
        let when = format!(r#"{{"item":"{id}","answered":true}}"#);
        assert!(asks_x(&when, &[(id, given.clone())]), "{id}");
        assert!(!asks_x(&when, &[]), "{id}");
        assert!(
            !asks_x_with_tested_items_hidden(&when, &[(id, given)]),
            "{id}"
        );
    }
    let when = r#"{"item":"T","answered":true}"#;
    assert!(
        !asks_x(when, &[("T", typed("  "))]),
        "blank is not an answer"
    );
    assert!(!asks_x(when, &[("M", ticked(&[])), ("T", typed(""))]));
    // As given, valid or not: too long a text, a choice the item does not offer.
    assert!(asks_x(when, &[("T", typed("あいうえおかきくけこさ"))]));
    assert!(asks_x(
        r#"{"item":"Y","answered":true}"#,
        &[("Y", choice("たぶん"))]
    ));
}

#[test]
fn not_answered_fires_when_nothing_is_given_but_not_when_hidden() {
    let when = r#"{"item":"T","not_answered":true}"#;
    assert!(asks_x(when, &[]));
    assert!(asks_x(when, &[("T", typed(" "))]));
    assert!(!asks_x(when, &[("T", typed("abc"))]));
    assert!(
        !asks_x_with_tested_items_hidden(when, &[]),
        "a hidden item is neither answered nor unanswered: the test is false"
    );
    let when = r#"{"item":"M","not_answered":true}"#;
    assert!(asks_x(when, &[("M", ticked(&[]))]));
    assert!(!asks_x(when, &[("M", ticked(&["x"]))]));
}

#[test]
fn lt_compares_whole_numbers_below() {
    let when = r#"{"item":"I","lt":10}"#;
    assert!(asks_x(when, &[("I", typed("9"))]));
    assert!(asks_x(when, &[("I", typed("0"))]));
    assert!(
        asks_x(when, &[("I", typed("９"))]),
        "full-width digits read"
    );
    assert!(asks_x(when, &[("I", typed(" 3 "))]));
    assert!(!asks_x(when, &[("I", typed("10"))]));
    assert!(!asks_x(when, &[("I", typed("8桁"))]), "not a number");
    assert!(!asks_x(when, &[("I", typed("-1"))]));
    assert!(!asks_x(when, &[("I", typed(""))]));
    assert!(!asks_x(when, &[]));
    assert!(!asks_x_with_tested_items_hidden(when, &[("I", typed("9"))]));
}

#[test]
fn le_compares_whole_numbers_at_most() {
    let when = r#"{"item":"I","le":10}"#;
    assert!(asks_x(when, &[("I", typed("10"))]));
    assert!(asks_x(when, &[("I", typed("2"))]));
    assert!(!asks_x(when, &[("I", typed("11"))]));
    assert!(!asks_x(when, &[]));
    assert!(!asks_x_with_tested_items_hidden(
        when,
        &[("I", typed("10"))]
    ));
}

#[test]
fn gt_compares_whole_numbers_above() {
    let when = r#"{"item":"I","gt":10}"#;
    assert!(asks_x(when, &[("I", typed("11"))]));
    assert!(
        asks_x(when, &[("I", typed("150"))]),
        "as given: out of range, still a number"
    );
    assert!(!asks_x(when, &[("I", typed("10"))]));
    assert!(
        !asks_x(when, &[("I", typed("99999999999999"))]),
        "too large to read"
    );
    assert!(!asks_x(when, &[]));
    assert!(!asks_x_with_tested_items_hidden(
        when,
        &[("I", typed("11"))]
    ));
}

#[test]
fn ge_compares_whole_numbers_at_least() {
    let when = r#"{"item":"I","ge":10}"#;
    assert!(asks_x(when, &[("I", typed("10"))]));
    assert!(asks_x(when, &[("I", typed("100"))]));
    assert!(!asks_x(when, &[("I", typed("9"))]));
    assert!(!asks_x(when, &[("I", typed("1.5"))]));
    assert!(!asks_x(when, &[]));
    assert!(!asks_x_with_tested_items_hidden(
        when,
        &[("I", typed("10"))]
    ));
}

#[test]
fn a_test_on_an_answer_of_the_wrong_shape_is_false() {
    // Answer files can hold anything: a choice where a number belongs, a list where a choice does.
    assert!(!asks_x(r#"{"item":"I","ge":0}"#, &[("I", choice("5"))]));
    assert!(!asks_x(
        r#"{"item":"Y","equals":"はい"}"#,
        &[("Y", ticked(&["はい"]))]
    ));
    assert!(!asks_x(
        r#"{"item":"M","includes":"x"}"#,
        &[("M", choice("x"))]
    ));
}

#[test]
fn all_needs_every_test() {
    let when = r#"{"all":[{"item":"Y","equals":"はい"},{"item":"I","ge":5}]}"#;
    assert!(asks_x(when, &[("Y", choice("はい")), ("I", typed("5"))]));
    assert!(!asks_x(when, &[("Y", choice("はい")), ("I", typed("4"))]));
    assert!(!asks_x(when, &[("Y", choice("いいえ")), ("I", typed("5"))]));
    assert!(!asks_x(when, &[]));
    assert!(!asks_x_with_tested_items_hidden(
        when,
        &[("Y", choice("はい")), ("I", typed("5"))]
    ));
}

#[test]
fn any_needs_one_test() {
    let when = r#"{"any":[{"item":"Y","equals":"はい"},{"item":"I","ge":5}]}"#;
    assert!(asks_x(when, &[("Y", choice("はい")), ("I", typed("5"))]));
    assert!(asks_x(when, &[("Y", choice("はい")), ("I", typed("4"))]));
    assert!(asks_x(when, &[("Y", choice("いいえ")), ("I", typed("5"))]));
    assert!(!asks_x(when, &[("Y", choice("いいえ")), ("I", typed("4"))]));
    assert!(!asks_x(when, &[]));
    assert!(!asks_x_with_tested_items_hidden(
        when,
        &[("Y", choice("はい")), ("I", typed("5"))]
    ));
}

#[test]
fn any_holds_through_a_test_on_an_item_still_asked() {
    // Y is hidden (G = いいえ), so its test fails; the test on G itself still holds.
    let when = r#"{"any":[{"item":"Y","equals":"はい"},{"item":"G","equals":"いいえ"}]}"#;
    assert!(asks_x_with_tested_items_hidden(
        when,
        &[("Y", choice("はい"))]
    ));
    let when = r#"{"all":[{"item":"Y","not_answered":true},{"item":"G","equals":"いいえ"}]}"#;
    assert!(
        !asks_x_with_tested_items_hidden(when, &[]),
        "all fails on the hidden item"
    );
}

#[test]
fn a_test_may_name_any_earlier_item_not_only_the_nearest() {
    // N is the first item, G the second: neither is X's "parent" in the page's sense.
    let when = r#"{"all":[{"item":"N","answered":true},{"item":"G","equals":"はい"},{"item":"T","not_answered":true}]}"#;
    assert!(asks_x(when, &[("N", typed("病院"))]));
    assert!(!asks_x(when, &[("N", typed("病院")), ("T", typed("t"))]));
    assert!(!asks_x(when, &[]));
}

#[test]
fn a_hidden_item_hides_what_depends_on_it() {
    let when = r#"{"item":"Y","equals":"はい"}"#;
    let survey = survey_with(when);
    let open = answers(&[("Y", choice("はい")), ("X", choice("はい"))]);
    assert!(Evaluation::of(&survey, &open).is_asked("Z"));
    let mut closed = open.clone();
    closed.insert("G".into(), choice("いいえ"));
    let evaluation = Evaluation::of(&survey, &closed);
    assert!(!evaluation.is_asked("Y"));
    assert!(!evaluation.is_asked("X"));
    assert!(
        !evaluation.is_asked("Z"),
        "Z tests X, whose answer is kept but which is hidden"
    );
}

#[test]
fn the_short_form_is_all_of_one_test() {
    let short = survey_with(r#"{"item":"I","gt":3}"#);
    let long = survey_with(r#"{"all":[{"item":"I","gt":3}]}"#);
    assert_eq!(short, long);
    assert_eq!(
        short.item("X").and_then(|item| item.when.clone()),
        Some(When {
            behavior: Behavior::All,
            conditions: vec![Condition {
                item: "I".into(),
                test: ConditionTest::Gt(3)
            }]
        })
    );
}

#[test]
fn every_operator_is_read_from_its_json_name() {
    for (json, test) in [
        (r#""equals":"はい""#, ConditionTest::Equals("はい".into())),
        (
            r#""not_equals":"はい""#,
            ConditionTest::NotEquals("はい".into()),
        ),
        (r#""answered":true"#, ConditionTest::Answered),
        (r#""not_answered":true"#, ConditionTest::NotAnswered),
    ] {
        let survey = survey_with(&format!(r#"{{"item":"Y",{json}}}"#));
        let when = survey.item("X").and_then(|item| item.when.clone());
        assert_eq!(
            when.map(|when| when.conditions[0].test.clone()),
            Some(test.clone())
        );
        assert!(json.contains(test.name()));
    }
    for (name, test) in [
        ("lt", ConditionTest::Lt(4)),
        ("le", ConditionTest::Le(4)),
        ("gt", ConditionTest::Gt(4)),
        ("ge", ConditionTest::Ge(4)),
    ] {
        let survey = survey_with(&format!(r#"{{"item":"I","{name}":4}}"#));
        let when = survey.item("X").and_then(|item| item.when.clone());
        assert_eq!(
            when.map(|when| when.conditions[0].test.clone()),
            Some(test.clone())
        );
        assert_eq!(test.name(), name);
    }
    let survey = survey_with(r#"{"any":[{"item":"M","includes":"x"}]}"#);
    let when = survey.item("X").and_then(|item| item.when.clone());
    assert_eq!(
        when,
        Some(When {
            behavior: Behavior::Any,
            conditions: vec![Condition {
                item: "M".into(),
                test: ConditionTest::Includes("x".into())
            }]
        })
    );
}
#[test]
fn every_operator_survives_the_lean_definition_the_answering_page_reads() {
    for when in [
        r#"{"any":[{"item":"Y","equals":"はい"},{"item":"S","not_equals":"a"},{"item":"M","includes":"x"},{"item":"T","answered":true},{"item":"T","not_answered":true}]}"#,
        r#"{"all":[{"item":"I","lt":1},{"item":"I","le":2},{"item":"I","gt":3},{"item":"I","ge":4}]}"#,
        r#"{"item":"G","equals":"いいえ"}"#,
    ] {
        let survey = survey_with(when);
        assert_eq!(
            lean::encode(&survey).map(|text| lean::decode(&text)),
            Ok(lean::without_words(&survey)),
            "{when}"
        );
    }
}

// ---- Random conditions and answers against an oracle written from the docs' table ----

/// xorshift64*, as in tests/one_set_of_rules.rs: repeatable.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        (self.0.wrapping_mul(0x2545_F491_4F6C_DD1D) % n as u64) as usize
    }
}

/// Tests that fit, as JSON and as the oracle's judgement of the answers.
type Oracle = fn(&Answers) -> bool;

fn text_of(answers: &Answers, id: &str) -> String {
    answers.text(id).trim().replace('９', "9")
}

const TESTS: &[(&str, Oracle)] = &[
    (r#"{"item":"Y","equals":"はい"}"#, |a| {
        a.choice("Y") == Some("はい")
    }),
    (r#"{"item":"Y","not_equals":"はい"}"#, |a| {
        a.choice("Y").is_some_and(|c| !c.is_empty() && c != "はい")
    }),
    (r#"{"item":"S","equals":"b"}"#, |a| {
        a.choice("S") == Some("b")
    }),
    (r#"{"item":"M","includes":"y"}"#, |a| {
        matches!(a.get("M"), Some(Answer::Choices(_))) && a.has_choice("M", "y")
    }),
    (r#"{"item":"T","answered":true}"#, |a| {
        !a.text("T").trim().is_empty()
    }),
    (r#"{"item":"T","not_answered":true}"#, |a| {
        a.text("T").trim().is_empty()
    }),
    (r#"{"item":"I","lt":10}"#, |a| {
        text_of(a, "I").parse::<u32>().is_ok_and(|n| n < 10)
    }),
    (r#"{"item":"I","le":10}"#, |a| {
        text_of(a, "I").parse::<u32>().is_ok_and(|n| n <= 10)
    }),
    (r#"{"item":"I","gt":10}"#, |a| {
        text_of(a, "I").parse::<u32>().is_ok_and(|n| n > 10)
    }),
    (r#"{"item":"I","ge":10}"#, |a| {
        text_of(a, "I").parse::<u32>().is_ok_and(|n| n >= 10)
    }),
    (r#"{"item":"N","answered":true}"#, |a| {
        !a.text("N").trim().is_empty()
    }),
];

fn random_answers(rng: &mut Rng) -> Answers {
    let mut answers = Answers::new();
    let mut maybe = |rng: &mut Rng, id: &str, options: &[Answer]| {
        let pick = rng.below(options.len() + 1);
        if let Some(answer) = options.get(pick) {
            answers.insert(id.into(), answer.clone());
        }
    };
    maybe(rng, "N", &[typed("病院"), typed(" ")]);
    maybe(
        rng,
        "G",
        &[choice("はい"), choice("はい"), choice("いいえ")],
    );
    maybe(rng, "Y", &[choice("はい"), choice("いいえ"), choice("")]);
    maybe(rng, "S", &[choice("a"), choice("b"), choice("c")]);
    maybe(
        rng,
        "M",
        &[ticked(&["x"]), ticked(&["x", "y"]), ticked(&[])],
    );
    maybe(
        rng,
        "I",
        &[
            typed("9"),
            typed("10"),
            typed("11"),
            typed("９"),
            typed("x"),
        ],
    );
    maybe(rng, "T", &[typed("t"), typed(""), typed("  ")]);
    answers
}

#[test]
fn random_conditions_agree_with_the_oracle() {
    let mut rng = Rng(0x5EED_C0DE);
    for _ in 0..300 {
        let count = 1 + rng.below(3);
        let picked: Vec<&(&str, Oracle)> =
            (0..count).map(|_| &TESTS[rng.below(TESTS.len())]).collect();
        let any = rng.below(2) == 1;
        let tests: Vec<&str> = picked.iter().map(|(json, _)| *json).collect();
        let when = format!(
            r#"{{"{}":[{}]}}"#,
            if any { "any" } else { "all" },
            tests.join(",")
        );
        let survey = survey_with(&when);
        for _ in 0..20 {
            let answers = random_answers(&mut rng);
            let gate_open = answers.choice("G") == Some("はい");
            let holds = |(json, oracle): &&(&str, Oracle)| {
                // Every tested item but N is asked only when G = はい.
                (gate_open || json.contains(r#""item":"N""#)) && oracle(&answers)
            };
            let expected = if any {
                picked.iter().any(holds)
            } else {
                picked.iter().all(holds)
            };
            assert_eq!(
                Evaluation::of(&survey, &answers).is_asked("X"),
                expected,
                "{when} {answers:?}"
            );
        }
    }
}
