//! Helpers shared by the overview tests.
#![allow(dead_code)]

pub mod answer_files;
