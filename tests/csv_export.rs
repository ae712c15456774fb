//! The CSV files, byte for byte: both layouts in both encodings (golden files), formula
//! neutralisation, the Shift_JIS refusal, and the run-time Shift_JIS encoder against encoding_rs.
// encoding_rs, the oracle, is a native-only dev-dependency.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use cyber_survey::export::cp932::Cp932Encoder;
use cyber_survey::export::csv_file::{
    CHOICE_SEPARATOR, CsvEncoding, CsvLayout, UnencodableAnswer, csv_rows, csv_text, encode_csv,
    neutralize,
};
use cyber_survey::survey::Answers;

const AT: &str = "2025-01-27T10:15:00.000Z";

fn encoding_rs_decoder(bytes: &[u8]) -> String {
    encoding_rs::SHIFT_JIS
        .decode_without_bom_handling(bytes)
        .0
        .into_owned()
}

fn encoder() -> Cp932Encoder {
    Cp932Encoder::from_decoder(encoding_rs_decoder)
}

/// Every character the encoder accepts comes back unchanged when its bytes are decoded (by
/// encoding_rs, the WHATWG decoder the browsers share): Shift_JIS files never alter an answer.
/// Checked over every Unicode scalar value, one at a time and all together (so that no sequence
/// can run into the next).
#[test]
fn every_character_the_encoder_accepts_decodes_back_to_itself() {
    let ours = encoder();
    let mut altered = Vec::new();
    let mut accepted = String::new();
    for c in (0..=0x10FFFF).filter_map(char::from_u32) {
        let mut bytes = Vec::new();
        if !ours.encode_char(c, &mut bytes) {
            continue;
        }
        accepted.push(c);
        let decoded = encoding_rs_decoder(&bytes);
        if decoded != c.to_string() {
            altered.push(format!("U+{:04X} → {decoded:?}", c as u32));
        }
    }
    assert!(altered.is_empty(), "altered by a round trip: {altered:?}");
    match ours.encode(&accepted) {
        Ok(bytes) => assert!(encoding_rs_decoder(&bytes) == accepted),
        Err(missing) => panic!("accepted one by one, refused together: {missing:?}"),
    }
}

/// The characters whose WHATWG encoding decodes as another character: the standard writes ¥ as
/// `\`, ‾ as `~` and − as `－`. The encoder refuses them, so the page names the answers holding
/// them instead of changing them silently.
const NOT_ROUND_TRIPPING: [char; 3] = ['\u{A5}', '\u{203E}', '\u{2212}'];

/// The encoder is built from a decoder instead of shipping tables: it must agree with
/// encoding_rs's own encoder on every code point, except that it refuses what would not come back.
#[test]
fn the_run_time_encoder_matches_encoding_rs_for_every_code_point() {
    let ours = encoder();
    let mut differences = Vec::new();
    let mut refused_on_purpose = Vec::new();
    for c in (0..=0x10FFFF).filter_map(char::from_u32) {
        let mut bytes = Vec::new();
        let ok = ours.encode_char(c, &mut bytes);
        let text = c.to_string();
        let (expected, _, unmappable) = encoding_rs::SHIFT_JIS.encode(&text);
        let expected = (!unmappable).then(|| expected.into_owned());
        if let (false, Some(expected)) = (ok, &expected)
            && encoding_rs_decoder(expected) != text
        {
            refused_on_purpose.push(c);
            continue;
        }
        let got = ok.then_some(bytes);
        if got != expected {
            differences.push(format!(
                "U+{:04X}: ours {got:02X?}, encoding_rs {expected:02X?}",
                c as u32
            ));
        }
    }
    assert!(
        differences.is_empty(),
        "{} differences, first: {:?}",
        differences.len(),
        &differences[..differences.len().min(10)]
    );
    assert_eq!(refused_on_purpose, NOT_ROUND_TRIPPING);
}

#[test]
fn characters_that_would_come_back_changed_are_reported_by_item() {
    let mut answers = fixture();
    answers.set_text("Q1-2", "¥〇〇病院‾".into());
    answers.set_text("Q2-3-other", "−医療情報技師".into());
    let Err(problems) = file(CsvLayout::PerHospital, CsvEncoding::ShiftJis, &answers) else {
        panic!("must be refused")
    };
    assert_eq!(
        problems,
        [
            UnencodableAnswer {
                item: "Q1-2".into(),
                number: "Q1-2".into(),
                chars: vec!['¥', '‾'],
            },
            UnencodableAnswer {
                item: "Q2-3-other".into(),
                number: "Q2-3".into(),
                chars: vec!['−'],
            },
        ]
    );
    // What they would have become is held, and so is the full-width yen sign.
    let mut answers = fixture();
    answers.set_text("Q1-2", "\\〇〇病院~－￥".into());
    assert!(file(CsvLayout::PerItem, CsvEncoding::ShiftJis, &answers).is_ok());
}

/// A complete survey with the awkward cases a real file meets: quotes, commas, a formula-like
/// entry, full-width digits.
fn fixture() -> Answers {
    let survey = common::edition("r6");
    let mut answers = common::complete_with_every_branch_open(&survey);
    answers.set_text("Q1-1", "山田 \"タロウ\" 太郎".into());
    answers.set_text("Q1-2", "医療法人〇〇会, 〇〇病院".into());
    answers.set_text(
        "Q2-3-other",
        "=HYPERLINK(\"http://example.invalid\")".into(),
    );
    answers.set_text("Q13", "１２".into());
    answers
}

fn golden(name: &str) -> Vec<u8> {
    let path = format!("{}/tests/golden/{name}", env!("CARGO_MANIFEST_DIR"));
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        return std::fs::read(&path).unwrap_or_default();
    }
    match std::fs::read(&path) {
        Ok(bytes) => bytes,
        Err(error) => panic!("{path}: {error}"),
    }
}

fn check_golden(name: &str, actual: &[u8]) {
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        let path = format!("{}/tests/golden/{name}", env!("CARGO_MANIFEST_DIR"));
        let _ = std::fs::write(path, actual);
    }
    assert!(
        golden(name) == actual,
        "{name} differs from its golden file"
    );
}

fn file(
    layout: CsvLayout,
    encoding: CsvEncoding,
    answers: &Answers,
) -> Result<Vec<u8>, Vec<UnencodableAnswer>> {
    let survey = common::edition("r6");
    let text = csv_text(&csv_rows(&survey, answers, layout, AT));
    encode_csv(&survey, answers, &text, encoding, &encoder)
}

#[test]
fn per_item_utf8_is_byte_for_byte_the_golden_file() {
    let bytes = file(CsvLayout::PerItem, CsvEncoding::Utf8WithBom, &fixture()).unwrap_or_default();
    assert_eq!(&bytes[..3], [0xEF, 0xBB, 0xBF], "a BOM for Excel");
    check_golden("per_item.utf8.csv", &bytes);
}

#[test]
fn per_hospital_utf8_is_byte_for_byte_the_golden_file() {
    let bytes =
        file(CsvLayout::PerHospital, CsvEncoding::Utf8WithBom, &fixture()).unwrap_or_default();
    check_golden("per_hospital.utf8.csv", &bytes);
}

#[test]
fn per_item_shift_jis_is_byte_for_byte_the_golden_file() {
    let bytes = file(CsvLayout::PerItem, CsvEncoding::ShiftJis, &fixture()).unwrap_or_default();
    check_golden("per_item.sjis.csv", &bytes);
    // And it is the same text as the UTF-8 file.
    let utf8 = file(CsvLayout::PerItem, CsvEncoding::Utf8WithBom, &fixture()).unwrap_or_default();
    assert_eq!(encoding_rs_decoder(&bytes).as_bytes(), &utf8[3..]);
}

#[test]
fn per_hospital_shift_jis_is_byte_for_byte_the_golden_file() {
    let bytes = file(CsvLayout::PerHospital, CsvEncoding::ShiftJis, &fixture()).unwrap_or_default();
    check_golden("per_hospital.sjis.csv", &bytes);
}

#[test]
fn the_per_item_layout_has_every_item_with_quoting_and_crlf() {
    let survey = common::edition("r6");
    let text = csv_text(&csv_rows(&survey, &fixture(), CsvLayout::PerItem, AT));
    let lines: Vec<&str> = text.split("\r\n").collect();
    assert_eq!(
        lines.len(),
        1 + 27 + 1,
        "header, 27 items, and the final line end"
    );
    assert_eq!(lines[0], "項番,設問,回答");
    assert_eq!(lines[1], "Q1-1,回答者の氏名,\"山田 \"\"タロウ\"\" 太郎\"");
    assert_eq!(
        lines[2],
        "Q1-2,回答者の所属（病院名）,\"医療法人〇〇会, 〇〇病院\""
    );
    assert!(lines[5].starts_with("Q2-3,CISOが情報処理推進機構"));
    assert!(lines[5].ends_with(",応用情報技術者；その他"));
    assert_eq!(
        lines[6],
        "Q2-3,その他の資格または試験を記入してください。,\"'=HYPERLINK(\"\"http://example.invalid\"\")\""
    );
    assert_eq!(
        lines[18],
        "Q13,医療情報システムのログインパスワード規程は最低何桁か（半角数字で入力）,12"
    );
}

#[test]
fn the_per_hospital_layout_is_a_header_of_item_ids_and_one_row() {
    let survey = common::edition("r6");
    let rows = csv_rows(&survey, &fixture(), CsvLayout::PerHospital, AT);
    assert_eq!(rows.len(), 2);
    assert_eq!(&rows[0][..4], ["調査", "出力日時", "回答状況", "Q1-1"]);
    assert_eq!(rows[0].len(), 3 + 27);
    assert!(rows[0].contains(&"Q2-3-other".to_owned()));
    assert_eq!(&rows[1][..3], ["R6", AT, "完了"]);
}

#[test]
fn items_not_asked_are_empty_and_an_incomplete_survey_says_so() {
    let survey = common::edition("r6");
    let mut answers = fixture();
    answers.set_choice("Q17-1", "いいえ".into());
    answers.set_text("Q1-1", String::new());
    let rows = csv_rows(&survey, &answers, CsvLayout::PerHospital, AT);
    let column = |id: &str| rows[0].iter().position(|h| h == id).unwrap_or(usize::MAX);
    assert_eq!(rows[1][column("Q17-5")], "", "hidden by Q17-1 = いいえ");
    assert_eq!(rows[1][column("Q17-1")], "いいえ");
    assert_eq!(rows[1][2], "未完了");
}

#[test]
fn formula_like_cells_are_neutralised() {
    for (cell, shown) in [
        ("=1+1", "'=1+1"),
        ("+81-3-1234", "'+81-3-1234"),
        ("-5", "'-5"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("〇〇病院", "〇〇病院"),
        ("a=b", "a=b"),
    ] {
        assert_eq!(neutralize(cell), shown, "{cell:?}");
    }
}

#[test]
fn characters_shift_jis_cannot_hold_are_reported_by_item_never_replaced() {
    let mut answers = fixture();
    answers.set_text("Q1-1", "𠮷田 太郎".into());
    answers.set_text("Q2-3-other", "🏥 医療情報技師".into());
    let result = file(CsvLayout::PerItem, CsvEncoding::ShiftJis, &answers);
    let Err(problems) = result else {
        panic!("must be refused")
    };
    assert_eq!(
        problems.iter().map(ToString::to_string).collect::<Vec<_>>(),
        [
            "Q1-1 の回答にある 「𠮷」 はShift_JISで保存できません。",
            "Q2-3 の回答にある 「🏥」 はShift_JISで保存できません。",
        ]
    );
    // UTF-8 keeps them.
    assert!(file(CsvLayout::PerItem, CsvEncoding::Utf8WithBom, &answers).is_ok());
    // NEC and IBM extension characters common in Japanese offices are held.
    let mut answers = fixture();
    answers.set_text("Q1-2", "①髙﨑病院".into());
    assert!(file(CsvLayout::PerItem, CsvEncoding::ShiftJis, &answers).is_ok());
}

#[test]
fn no_choice_contains_the_separator() {
    let survey = common::edition("r6");
    for item in survey.items() {
        for choice in item.choices() {
            assert!(!choice.contains(CHOICE_SEPARATOR), "{}: {choice}", item.id);
        }
    }
}

#[test]
fn each_csv_layout_and_encoding_saves_under_its_own_name() {
    use cyber_survey::export::csv_file::{CsvEncoding, CsvLayout};
    use cyber_survey::export::tagged_file_name;
    let survey = common::edition("r6");
    let mut names: Vec<String> = Vec::new();
    for layout in [CsvLayout::PerItem, CsvLayout::PerHospital] {
        for encoding in [CsvEncoding::Utf8WithBom, CsvEncoding::ShiftJis] {
            names.push(tagged_file_name(
                &survey,
                "〇〇病院",
                "20261207",
                &[layout.file_label(), encoding.file_label()],
                "csv",
            ));
        }
    }
    assert_eq!(
        names,
        [
            "R6_サイバーセキュリティ調査_〇〇病院_20261207_1問1行_UTF-8.csv",
            "R6_サイバーセキュリティ調査_〇〇病院_20261207_1問1行_Shift_JIS.csv",
            "R6_サイバーセキュリティ調査_〇〇病院_20261207_1病院1行_UTF-8.csv",
            "R6_サイバーセキュリティ調査_〇〇病院_20261207_1病院1行_Shift_JIS.csv",
        ]
    );
}
