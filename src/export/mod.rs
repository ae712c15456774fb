//! What leaves the browser, as files the user chooses to save. Plain Rust; the shell only hands the
//! bytes to the browser's download.

pub mod answer_file;
pub mod answer_schema;
pub mod cp932;
pub mod csv_file;
pub mod file_name;

pub use answer_file::{
    FileError, FileWarning, LoadedFile, MAX_FILE_BYTES, read_answer_file, write_answer_file,
};
pub use file_name::{export_file_name, tagged_file_name};
