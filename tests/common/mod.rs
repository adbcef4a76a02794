#![allow(dead_code)]

pub mod gen;

use nianbao::api::{self, CheckOptions, Checked, KindOption};
use std::path::{Path, PathBuf};

/// A report of `../shared/corpus/`.
pub fn corpus_path(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus").join(rel)
}

/// Read a file as the CLI does (decoding, HTML or text by its content) and check it.
pub fn check_path(path: &Path) -> Checked {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let d = nianbao::input::decode(&bytes, path.to_str()).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let kind = if d.kind == nianbao::model::InputKind::Html { KindOption::Html } else { KindOption::Text };
    api::check(&d.text, &CheckOptions { kind, ..Default::default() })
}
