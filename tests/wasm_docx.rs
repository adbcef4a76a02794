//! The browser's .docx reader module (feature `docx-reader`: the WASM edge exports only readFile and
//! version; www/checker.js loads it the first time a .docx is opened) in a real browser, as
//! JavaScript sees it.
//!
//! Run: CHROMEDRIVER=/usr/bin/chromedriver CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
//!      cargo test --target wasm32-unknown-unknown --no-default-features --features docx-reader --test wasm_docx
#![cfg(all(target_arch = "wasm32", feature = "docx-reader"))]

use js_sys::Reflect;
use nianbao::web::{read_file, version};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const DOCX: &[u8] = include_bytes!("fixtures/input/python-docx.docx");

fn text(v: &JsValue, key: &str) -> String {
    Reflect::get(v, &JsValue::from_str(key))
        .unwrap()
        .as_string()
        .unwrap_or_default()
}

#[wasm_bindgen_test]
fn the_reader_turns_a_docx_into_html() {
    let r = read_file(DOCX, Some("python-docx.docx".into())).unwrap();
    assert_eq!(text(&r, "kind"), "html");
    assert!(
        text(&r, "text").contains("<table"),
        "its tables become HTML tables"
    );
    assert_eq!(text(&r, "encoding"), "UTF-8");
    assert!(!version().is_empty());
}

#[wasm_bindgen_test]
fn the_reader_refuses_a_damaged_docx_with_a_bilingual_error() {
    let err = read_file(b"PK\x03\x04 not really a zip", Some("x.docx".into())).unwrap_err();
    assert!(err.is_instance_of::<js_sys::Error>());
    let msg = text(&err, "message");
    assert!(msg.contains(" / "), "a bilingual message: {msg}");
}

#[wasm_bindgen_test]
fn the_reader_reads_text_files_too() {
    let r = read_file("年度报告".as_bytes(), Some("r.txt".into())).unwrap();
    assert_eq!(text(&r, "text"), "年度报告");
}
