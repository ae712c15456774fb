//! The kept hospitals' answers as one CSV, in exactly the single export's 「1病院1行」 layout: the
//! same header, then one row per hospital. Being the same layout is the point: a table built from
//! hospitals' own CSV files and one saved here read alike, and a program for one reads the other.
//! The file name is not a column for that reason; the hospital name and 出力日時 identify a row.

use std::fmt;

use crate::export::cp932::Cp932Encoder;
use crate::export::csv_file::{
    CsvEncoding, CsvLayout, UnencodableAnswer, csv_rows, csv_rows_of, unencodable_answers,
    utf8_with_bom,
};
use crate::survey::{Answers, Survey};

use super::hospital::Hospital;

/// The header, then one row per hospital in the order given.
pub fn combined_csv_rows(survey: &Survey, hospitals: &[&Hospital<'_>]) -> Vec<Vec<String>> {
    let header = csv_rows(survey, &Answers::new(), CsvLayout::PerHospital, "")
        .into_iter()
        .next()
        .unwrap_or_default();
    let mut rows = Vec::with_capacity(1 + hospitals.len());
    rows.push(header);
    rows.extend(hospitals.iter().filter_map(|hospital| {
        // A file made by hand may carry anything as its time: only a readable time is written,
        // which also keeps formulas and characters Shift_JIS lacks out of this column.
        let exported_at = hospital
            .saved_at()
            .and(hospital.exported_at.as_deref())
            .unwrap_or("");
        csv_rows_of(
            &hospital.evaluation(survey),
            &hospital.answers,
            CsvLayout::PerHospital,
            exported_at,
        )
        .into_iter()
        .nth(1)
    }));
    rows
}

/// A hospital whose answers hold characters Shift_JIS cannot.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnencodableHospital {
    pub file_name: String,
    /// The name, or 「病院名未入力」.
    pub hospital: String,
    pub answers: Vec<UnencodableAnswer>,
}

impl fmt::Display for UnencodableHospital {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let answers: Vec<String> = self.answers.iter().map(ToString::to_string).collect();
        write!(
            f,
            "{}（{}）：{}",
            self.hospital,
            self.file_name,
            answers.join("")
        )
    }
}

/// The CSV text's bytes. For Shift_JIS, a character it cannot hold is never replaced: the
/// hospitals and answers holding one are returned, so the user can choose UTF-8 instead.
pub fn encode_combined_csv(
    survey: &Survey,
    hospitals: &[&Hospital<'_>],
    text: &str,
    encoding: CsvEncoding,
    encoder: &dyn Fn() -> Cp932Encoder,
) -> Result<Vec<u8>, Vec<UnencodableHospital>> {
    match encoding {
        CsvEncoding::Utf8WithBom => Ok(utf8_with_bom(text)),
        CsvEncoding::ShiftJis => {
            let encoder = encoder();
            encoder.encode(text).map_err(|_| {
                hospitals
                    .iter()
                    .filter_map(|hospital| {
                        let answers = unencodable_answers(survey, &hospital.answers, &encoder);
                        (!answers.is_empty()).then(|| UnencodableHospital {
                            file_name: hospital.file_name.clone(),
                            hospital: hospital.display_name().to_owned(),
                            answers,
                        })
                    })
                    .collect()
            })
        }
    }
}
