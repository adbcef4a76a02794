#![allow(dead_code)]

pub mod gen;
pub mod portal;

use nianbao::api::{self, CheckOptions, Checked, KindOption};
use std::path::{Path, PathBuf};

/// A report of `../shared/corpus/`.
pub fn corpus_path(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/corpus")
        .join(rel)
}

/// Read a file as the CLI does (decoding, HTML or text by its content) and check it.
pub fn check_path(path: &Path) -> Checked {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let d = nianbao::input::decode(&bytes, path.to_str())
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let kind = if d.kind == nianbao::model::InputKind::Html {
        KindOption::Html
    } else {
        KindOption::Text
    };
    api::check(
        &d.text,
        &CheckOptions {
            kind,
            ..Default::default()
        },
    )
}

/// A ZIP holding one file `name`: `prefix`, then `size` bytes of `fill` repeated (deflated, so a
/// large `size` makes a small archive: the zip bombs of the input tests).
pub fn zip_of(name: &str, prefix: &[u8], fill: &[u8], size: usize) -> Vec<u8> {
    use std::io::{Cursor, Write};
    use zip::write::SimpleFileOptions;
    use zip::{CompressionMethod, ZipWriter};
    let mut w = ZipWriter::new(Cursor::new(Vec::new()));
    let opts = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .compression_level(Some(1));
    w.start_file(name, opts).unwrap();
    w.write_all(prefix).unwrap();
    let chunk = fill.repeat((1 << 20) / fill.len());
    let mut left = size;
    while left > 0 {
        let n = left.min(chunk.len());
        w.write_all(&chunk[..n]).unwrap();
        left -= n;
    }
    w.finish().unwrap().into_inner()
}
