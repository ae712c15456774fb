//! The editions a build takes: every folder under data/ holding a survey.json, each checked, newest
//! (greatest fiscal year) first, so the first is the one the answering page serves. build.rs reads
//! the folders and includes this file; the rules are plain Rust, tested natively
//! (tests/editions.rs).

use std::fmt;

use super::check::{DefinitionFileError, read_definition_file};
use super::definition::Survey;

/// One folder's definition as the build found it.
pub struct EditionSource {
    /// The folder's name under data/.
    pub folder: String,
    /// Its survey.json.
    pub json: String,
}

/// Why the editions cannot be built. Each names the file, so the maintainer knows where to look.
#[derive(Debug, Clone, PartialEq)]
pub enum EditionsError {
    /// No folder holds a definition.
    NoEdition,
    /// A definition fails its checks.
    Definition(DefinitionFileError),
    /// The folder is not named as the edition's id in lower case.
    FolderName {
        file: String,
        folder: String,
        id: String,
    },
    /// Two editions state one fiscal year: which to serve would be unclear.
    SameFiscalYear {
        file: String,
        other: String,
        fiscal_year: u32,
    },
}

impl fmt::Display for EditionsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::NoEdition => write!(
                f,
                "data/ に調査票の定義（data/<版>/survey.json）がありません。"
            ),
            Self::Definition(error) => write!(f, "{error}"),
            Self::FolderName { file, folder, id } => write!(
                f,
                "{file}: フォルダ名 {folder} は、定義の id（{id}）を小文字にした {} にしてください。",
                id.to_lowercase()
            ),
            Self::SameFiscalYear {
                file,
                other,
                fiscal_year,
            } => write!(
                f,
                "{file}: fiscal_year {fiscal_year} は {other} と同じです。版ごとに違う年度を書いてください。"
            ),
        }
    }
}

/// The file an edition's definition is read from.
pub fn definition_file(folder: &str) -> String {
    format!("data/{folder}/survey.json")
}

/// Every edition, checked, newest first, each with the file it came from.
pub fn read_editions(sources: &[EditionSource]) -> Result<Vec<(String, Survey)>, EditionsError> {
    let mut editions: Vec<(String, Survey)> = Vec::new();
    for source in sources {
        let file = definition_file(&source.folder);
        let survey =
            read_definition_file(&file, &source.json).map_err(EditionsError::Definition)?;
        if source.folder != survey.id.to_lowercase() {
            return Err(EditionsError::FolderName {
                file,
                folder: source.folder.clone(),
                id: survey.id,
            });
        }
        if let Some((other, _)) = editions
            .iter()
            .find(|(_, edition)| edition.fiscal_year == survey.fiscal_year)
        {
            return Err(EditionsError::SameFiscalYear {
                file,
                other: other.clone(),
                fiscal_year: survey.fiscal_year,
            });
        }
        editions.push((file, survey));
    }
    if editions.is_empty() {
        return Err(EditionsError::NoEdition);
    }
    editions.sort_by_key(|(_, survey)| std::cmp::Reverse(survey.fiscal_year));
    Ok(editions)
}
