//! nianbao — a checker for Chinese government annual reports on information disclosure
//! (政府信息公开工作年度报告).
//!
//! Stages, each using only earlier ones: `source` (spans, lines, UTF-16) → `template` (the
//! official formats as data) → `parse` (text and HTML front ends, tables, format) → `model`
//! → `diagnostic` → `api` (the JSON contract). `web` is the only module that touches
//! JavaScript; the CLI lives in `main.rs` behind the `cli` feature.

pub mod api;
pub mod coverage;
pub mod diagnostic;
pub mod docs;
pub mod input;
pub mod model;
pub mod parse;
pub mod render;
pub mod rules;
pub mod source;
pub mod template;

#[cfg(target_arch = "wasm32")]
pub mod web;

#[cfg(feature = "scraper")]
pub use api::check;
pub use api::{check_with, CheckOptions, Checked};
pub use parse::Parsed;
#[cfg(feature = "scraper")]
pub use parse::{parse, parse_auto};
