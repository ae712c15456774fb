//! The CSV files: one row per item (項番, 設問, 回答) for review and filing, or one row per hospital
//! (a header of item ids and one data row) so that many hospitals' files can be concatenated.
//! RFC 4180 quoting by the `csv` crate, CRLF line ends; documented in docs/export-format.md.

use std::fmt;

use super::cp932::Cp932Encoder;
use crate::survey::number_input::parse_whole_number;
use crate::survey::{Answer, AnswerKind, Answers, Evaluation, Item, Survey};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CsvLayout {
    PerItem,
    PerHospital,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CsvEncoding {
    /// UTF-8 with a byte order mark, which Excel needs to read UTF-8.
    Utf8WithBom,
    /// Shift_JIS (CP932), for systems that expect it.
    ShiftJis,
}

impl CsvLayout {
    /// How a saved file's name tells the layout: saving both layouts in one folder gives two
    /// files, never a "(1)" copy.
    pub fn file_label(self) -> &'static str {
        match self {
            Self::PerItem => "1問1行",
            Self::PerHospital => "1病院1行",
        }
    }
}

impl CsvEncoding {
    /// How a saved file's name tells the encoding.
    pub fn file_label(self) -> &'static str {
        match self {
            Self::Utf8WithBom => "UTF-8",
            Self::ShiftJis => "Shift_JIS",
        }
    }
}

/// Joins the choices of a multiple-choice answer. No choice of the survey contains it (a test
/// checks), so a reader can split on it.
pub const CHOICE_SEPARATOR: char = '；';

/// Cells starting with these are run as formulas by spreadsheets (CSV injection).
const FORMULA_STARTS: &[char] = &['=', '+', '-', '@', '\t', '\r'];

const PER_ITEM_HEADER: [&str; 3] = ["項番", "設問", "回答"];
const PER_HOSPITAL_LEADING: [&str; 3] = ["調査", "出力日時", "回答状況"];
const COMPLETE: &str = "完了";
const INCOMPLETE: &str = "未完了";

/// What a spreadsheet would run is made text with a leading apostrophe, the neutralisation OWASP
/// recommends for CSV injection.
pub fn neutralize(cell: &str) -> String {
    if cell.starts_with(FORMULA_STARTS) {
        format!("'{cell}")
    } else {
        cell.to_owned()
    }
}

/// The answer as the CSV shows it: empty for items not asked or not answered.
fn cell(item: &Item, answer: Option<&Answer>, asked: bool) -> String {
    let Some(answer) = answer.filter(|_| asked) else {
        return String::new();
    };
    let text = match (answer, &item.answer) {
        (Answer::Text(text), AnswerKind::Integer { .. }) => parse_whole_number(text)
            .map_or_else(|_| text.trim().to_owned(), |number| number.to_string()),
        (Answer::Text(text), _) => text.trim().to_owned(),
        (Answer::Choice(choice), _) => choice.clone(),
        (Answer::Choices(choices), _) => choices.join(&CHOICE_SEPARATOR.to_string()),
    };
    neutralize(&text)
}

pub fn csv_rows(
    survey: &Survey,
    answers: &Answers,
    layout: CsvLayout,
    exported_at: &str,
) -> Vec<Vec<String>> {
    csv_rows_of(
        &Evaluation::of(survey, answers),
        answers,
        layout,
        exported_at,
    )
}

/// The rows for answers already evaluated (the overview evaluates a file with what its reader left
/// out, which the answers alone do not show). Only asked items have a cell; 回答状況 is
/// [`Evaluation::is_complete`].
pub fn csv_rows_of(
    evaluation: &Evaluation<'_>,
    answers: &Answers,
    layout: CsvLayout,
    exported_at: &str,
) -> Vec<Vec<String>> {
    let survey = evaluation.survey();
    let cells = evaluation
        .items()
        .map(|(item, state)| (item, cell(item, answers.get(&item.id), state.is_asked())));
    match layout {
        CsvLayout::PerItem => {
            let mut rows = vec![PER_ITEM_HEADER.map(str::to_owned).to_vec()];
            rows.extend(
                cells.map(|(item, answer)| {
                    vec![item.number.clone(), neutralize(&item.text), answer]
                }),
            );
            rows
        }
        CsvLayout::PerHospital => {
            let complete = evaluation.is_complete();
            let mut header: Vec<String> = PER_HOSPITAL_LEADING.map(str::to_owned).to_vec();
            let mut row = vec![
                survey.id.clone(),
                exported_at.to_owned(),
                (if complete { COMPLETE } else { INCOMPLETE }).to_owned(),
            ];
            for (item, answer) in cells {
                header.push(item.id.clone());
                row.push(answer);
            }
            vec![header, row]
        }
    }
}

/// RFC 4180 text of the rows, CRLF line ends.
pub fn csv_text(rows: &[Vec<String>]) -> String {
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    for row in rows {
        // Writing to a Vec cannot fail.
        let _ = writer.write_record(row);
    }
    let bytes = writer.into_inner().unwrap_or_default();
    String::from_utf8(bytes).unwrap_or_default()
}

/// An answer holding characters that Shift_JIS cannot.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnencodableAnswer {
    pub item: String,
    pub number: String,
    pub chars: Vec<char>,
}

impl fmt::Display for UnencodableAnswer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let chars: Vec<String> = self.chars.iter().map(|c| format!("「{c}」")).collect();
        write!(
            f,
            "{} の回答にある {} はShift_JISで保存できません。",
            self.number,
            chars.join("")
        )
    }
}

/// The file's bytes in the chosen encoding. For Shift_JIS, a character it cannot hold is never
/// replaced: the answers holding one are returned instead, for the user to fix or to choose UTF-8.
pub fn encode_csv(
    survey: &Survey,
    answers: &Answers,
    text: &str,
    encoding: CsvEncoding,
    encoder: &dyn Fn() -> Cp932Encoder,
) -> Result<Vec<u8>, Vec<UnencodableAnswer>> {
    match encoding {
        CsvEncoding::Utf8WithBom => Ok(utf8_with_bom(text)),
        CsvEncoding::ShiftJis => {
            let encoder = encoder();
            encoder
                .encode(text)
                .map_err(|_| unencodable_answers(survey, answers, &encoder))
        }
    }
}

/// The byte order mark first: it is what Excel relies on to read a CSV as UTF-8.
pub fn utf8_with_bom(text: &str) -> Vec<u8> {
    let mut bytes = Vec::with_capacity(3 + text.len());
    bytes.extend_from_slice(&[0xEF, 0xBB, 0xBF]);
    bytes.extend_from_slice(text.as_bytes());
    bytes
}

/// The asked items' answers holding characters Shift_JIS cannot, in survey order.
pub fn unencodable_answers(
    survey: &Survey,
    answers: &Answers,
    encoder: &Cp932Encoder,
) -> Vec<UnencodableAnswer> {
    Evaluation::of(survey, answers)
        .items()
        .filter(|(_, state)| state.is_asked())
        .filter_map(|(item, _)| {
            let text = cell(item, answers.get(&item.id), true);
            let chars = encoder.encode(&text).err()?;
            Some(UnencodableAnswer {
                item: item.id.clone(),
                number: item.number.clone(),
                chars,
            })
        })
        .collect()
}
