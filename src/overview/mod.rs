//! The overview of many hospitals' answer files, for a prefecture or a hospital association that
//! collects them: files are added one at a time, two files of the same hospital are settled (the
//! newest is kept), and the kept hospitals are counted item by item, listed, narrowed down by their
//! answers and saved as CSV. Plain Rust like the rest of the core: the page only reads the files
//! and shows what this module computes. Documented in docs/export-format.md (「集計」).

pub mod answer_filter;
pub mod collection;
pub mod combined_csv;
pub mod distribution;
pub mod hospital;
pub mod hospital_key;
pub mod hospital_order;
pub mod item_positions;
pub mod item_state;
pub mod one_decimal;
pub mod rejection;
pub mod share;
pub mod summary;
pub mod summary_csv;
pub mod timestamp;

pub use answer_filter::{AnswerFilter, FilterCondition, FilterError};
pub use collection::{Collection, DroppedDuplicate, Outcome};
pub use combined_csv::{UnencodableHospital, combined_csv_rows, encode_combined_csv};
pub use distribution::{Bin, Distribution};
pub use hospital::{Hospital, NAME_MISSING};
pub use hospital_key::hospital_key;
pub use hospital_order::{HospitalOrder, sort_hospitals};
pub use item_positions::ItemPositions;
pub use item_state::ItemState;
pub use one_decimal::OneDecimal;
pub use rejection::{RejectedFile, Rejection};
pub use share::Share;
pub use summary::{ChoiceCount, ItemDetail, ItemSummary, Summary, summarize};
pub use summary_csv::{encode_summary_csv, summary_csv_rows};
pub use timestamp::Timestamp;
