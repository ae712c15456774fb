//! File names for saved files: survey, hospital and date, safe to save on Windows.

use crate::survey::Survey;

/// Characters Windows forbids in file names, replaced by the full-width forms a Japanese reader
/// recognises rather than dropped.
const WINDOWS_FORBIDDEN: &[(char, char)] = &[
    ('<', '＜'),
    ('>', '＞'),
    (':', '：'),
    ('"', '”'),
    ('/', '／'),
    ('\\', '＼'),
    ('|', '｜'),
    ('?', '？'),
    ('*', '＊'),
];

/// Keeps names well inside Windows' 255-character limit, leaving room for a folder path.
const MAX_HOSPITAL_CHARS: usize = 60;
const UNNAMED_HOSPITAL: &str = "病院名未入力";

/// `<id>_サイバーセキュリティ調査_〇〇病院_20250127.json` (survey id, the survey's `file_label`,
/// hospital, date). `date` is `YYYYMMDD`, `extension` without the dot.
pub fn export_file_name(survey: &Survey, hospital: &str, date: &str, extension: &str) -> String {
    tagged_file_name(survey, hospital, date, &[], extension)
}

/// The same name with words after the date that tell files of one day apart (a CSV's layout and
/// encoding: `…_20261207_1問1行_UTF-8.csv`).
pub fn tagged_file_name(
    survey: &Survey,
    hospital: &str,
    date: &str,
    tags: &[&str],
    extension: &str,
) -> String {
    let hospital = safe_part(hospital);
    let hospital = if hospital.is_empty() {
        UNNAMED_HOSPITAL.to_owned()
    } else {
        hospital
    };
    let mut name = format!(
        "{}_{}_{hospital}_{}",
        safe_part(&survey.id),
        safe_part(&survey.file_label),
        safe_part(date)
    );
    for tag in tags {
        name.push('_');
        name.push_str(&safe_part(tag));
    }
    name.push('.');
    name.push_str(extension);
    name
}

fn safe_part(text: &str) -> String {
    let replaced: String = text
        .trim()
        .chars()
        .filter(|c| !c.is_control())
        .map(|c| {
            WINDOWS_FORBIDDEN
                .iter()
                .find(|(forbidden, _)| *forbidden == c)
                .map_or(c, |(_, replacement)| *replacement)
        })
        .map(|c| if c.is_whitespace() { '_' } else { c })
        .take(MAX_HOSPITAL_CHARS)
        .collect();
    // Windows drops trailing dots and spaces, and a leading dot hides a file elsewhere.
    replaced.trim_matches('.').to_owned()
}
