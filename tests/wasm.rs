//! The WebAssembly API in a real browser (headless Chromium through wasm-bindgen-test-runner and
//! chromedriver; scripts/test.sh runs it). Everything is looked at as JavaScript sees it: plain
//! objects read with `Reflect`/`JSON`, strings indexed with JavaScript's own UTF-16 methods, DOM
//! elements made with the DOM.
//!
//! Run: CHROMEDRIVER=/usr/bin/chromedriver CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
//!      cargo test --target wasm32-unknown-unknown --no-default-features --test wasm
//!
//! The .docx reader module (feature `docx-reader`) has its own tests: tests/wasm_docx.rs.
#![cfg(all(target_arch = "wasm32", not(feature = "docx-reader")))]

use js_sys::{Array, JsString, Reflect, JSON};
use nianbao::web::{check, check_element, explain, read_file, rules, version};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const BASE_TXT: &str = include_str!("fixtures/rules/_base/report-2021.txt");
const BASE_HTML: &str = include_str!("fixtures/rules/_base/report-2021.html");
const T33_TXT: &str = include_str!("fixtures/rules/T3-3/invalid.txt");
const T33_HTML: &str = include_str!("fixtures/rules/T3-3/invalid.html");
const PINGTAN_2022_HTML: &str = include_str!("../../shared/corpus/reports/pingtan-2022.html");
const PINGTAN_2022_EXPECTED: &str =
    include_str!("fixtures/expected/reports__pingtan-2022.html.json");
const SHANGHAI_2019_HTML: &str =
    include_str!("../../shared/corpus/reports/shanghai-office-2019.html");
const SHANGHAI_2019_EXPECTED: &str =
    include_str!("fixtures/expected/reports__shanghai-office-2019.html.json");
const DOCX: &[u8] = include_bytes!("fixtures/input/python-docx.docx");

fn get(v: &JsValue, path: &str) -> JsValue {
    path.split('.').fold(v.clone(), |o, k| {
        Reflect::get(&o, &JsValue::from_str(k)).unwrap_or(JsValue::UNDEFINED)
    })
}

fn s(v: &JsValue) -> String {
    v.as_string().unwrap_or_else(|| format!("{v:?}"))
}

fn n(v: &JsValue) -> f64 {
    v.as_f64().unwrap_or(f64::NAN)
}

fn json(v: &JsValue) -> serde_json::Value {
    serde_json::from_str(&s(&JSON::stringify(v).unwrap().into())).unwrap()
}

fn opts(o: serde_json::Value) -> Option<nianbao::web::JsCheckOptions> {
    Some(JSON::parse(&o.to_string()).unwrap().unchecked_into())
}

fn diagnostics(result: &JsValue) -> Vec<JsValue> {
    Array::from(&get(result, "diagnostics")).iter().collect()
}

fn find(result: &JsValue, code: &str) -> JsValue {
    diagnostics(result)
        .into_iter()
        .find(|d| s(&get(d, "code")) == code)
        .unwrap_or_else(|| panic!("no {code} in {:?}", json(result)["diagnostics"]))
}

#[wasm_bindgen_test]
fn check_text_gives_the_contract_as_plain_objects() {
    let r = check(BASE_TXT, None).unwrap();
    assert_eq!(s(&get(&r, "document.format")), "2021");
    assert_eq!(n(&get(&r, "document.year")), 2023.0);
    assert_eq!(s(&get(&r, "document.agency")), "示例区人民政府");
    let j = json(&r); // survives JSON.stringify: no Map, no undefined
    assert_eq!(
        j["tables"]["requests"]["rows"]["new"]["values"],
        serde_json::json!([10, 1, 0, 0, 1, 0, 12])
    );
    assert_eq!(j["diagnostics"], serde_json::json!([]));
    assert_eq!(
        j["summary"],
        serde_json::json!({"errors": 0, "warnings": 0, "notices": 0, "needsReview": 0, "verdict": "pass", "unchecked": []})
    );
    assert!(
        n(&get(&r, "timing.checkMs")) >= 0.0,
        "timing from performance.now()"
    );
}

#[wasm_bindgen_test]
fn positions_are_utf16_and_index_javascript_strings() {
    let r = check(T33_TXT, None).unwrap();
    let d = find(&r, "T3-3");
    assert_eq!(
        json(&get(&d, "cell")),
        serde_json::json!({"table": "requests", "row": "granted", "column": 6})
    );
    // The offset and length select the failing cell's text in the JavaScript string.
    let input = JsString::from(T33_TXT);
    let (off, len) = (n(&get(&d, "offset")) as u32, n(&get(&d, "length")) as u32);
    assert_eq!(String::from(input.slice(off, off + len)), "8");
    // Line and column (1-based) agree with the offset, counted in UTF-16 by JavaScript.
    let before = String::from(input.slice(0, off));
    let line = before.matches('\n').count() + 1;
    let line_start = JsString::from(before.as_str()).last_index_of("\n", i32::MAX) + 1;
    assert_eq!(n(&get(&d, "line")) as usize, line);
    assert_eq!(n(&get(&d, "column")) as i32, off as i32 - line_start + 1);
    // Chinese text comes before the cell on its line: UTF-8 byte columns would be larger.
    let line_text = T33_TXT.lines().nth(line - 1).unwrap();
    let byte_col = line_text.rfind("| 8 |").unwrap() + 2 + 1;
    assert!((n(&get(&d, "column")) as usize) < byte_col);
    // Each related location also indexes the string.
    for rel in Array::from(&get(&d, "related")).iter() {
        let o = n(&get(&rel, "offset")) as u32;
        assert!(o < input.length());
    }
}

#[wasm_bindgen_test]
fn html_is_read_with_the_browsers_dom_parser() {
    let r = check(BASE_HTML, None).unwrap();
    assert_eq!(s(&get(&r, "document.inputKind")), "html");
    assert_eq!(
        s(&get(&r, "document.title")),
        "示例区人民政府2023年政府信息公开工作年度报告"
    );
    assert_eq!(json(&r)["diagnostics"], serde_json::json!([]));
    let r = check(T33_HTML, opts(serde_json::json!({"kind": "html"}))).unwrap();
    let d = find(&r, "T3-3");
    assert_eq!(
        json(&get(&d, "cell")),
        serde_json::json!({"table": "requests", "row": "granted", "column": 6})
    );
    let input = JsString::from(T33_HTML);
    let off = n(&get(&d, "offset")) as u32;
    assert!(
        String::from(input.slice(off, off + 8)).starts_with('8'),
        "the offset points at the cell in the HTML source"
    );
}

/// The tables read by the browser build (DOMParser) equal the hand-written expectations of the
/// corpus's HTML reports, as the native build's do (tests/corpus.rs).
#[wasm_bindgen_test]
fn corpus_html_reports_read_the_same_in_the_browser() {
    for (html, expected) in [
        (PINGTAN_2022_HTML, PINGTAN_2022_EXPECTED),
        (SHANGHAI_2019_HTML, SHANGHAI_2019_EXPECTED),
    ] {
        let want: serde_json::Value = serde_json::from_str(expected).unwrap();
        let got = json(&check(html, None).unwrap());
        let file = want["file"].as_str().unwrap();
        assert_eq!(got["document"]["format"], want["format"], "{file}");
        assert_eq!(got["document"]["year"], want["year"], "{file}");
        for (key, values) in want["requests"].as_object().unwrap() {
            assert_eq!(
                &got["tables"]["requests"]["rows"][key]["values"], values,
                "{file}: requests.{key}"
            );
        }
        assert_eq!(
            got["tables"]["reviewLitigation"]["values"], want["reviewLitigation"],
            "{file}: table 四"
        );
        for (key, values) in want["active"].as_object().unwrap() {
            assert_eq!(
                &got["tables"]["active"][key]["values"], values,
                "{file}: active.{key}"
            );
        }
    }
}

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// The body of the T3-3 fixture with a jammer span of `class` in its failing cell: were the
/// jammer read, the cell would say "89".
fn t33_body_with_jammer(class: &str) -> String {
    let body = T33_HTML
        .split_once("<body>")
        .map(|(_, b)| b)
        .unwrap_or(T33_HTML);
    let body = body.rsplit_once("</body>").map(|(b, _)| b).unwrap_or(body);
    let body = body.replacen(
        ">8<",
        &format!("><span>8</span><span class=\"{class}\">9</span><"),
        1,
    );
    assert!(
        body.contains(class),
        "the fixture has the cell this test changes"
    );
    body
}

/// A live element: hidden by a stylesheet's class (computed style), its digits are not read.
#[wasm_bindgen_test]
fn check_element_reads_what_the_page_shows_and_hands_back_cells() {
    let doc = document();
    let style = doc.create_element("style").unwrap();
    style.set_text_content(Some(".jam-live { display: none }"));
    doc.head().unwrap().append_child(&style).unwrap();
    let body = t33_body_with_jammer("jam-live");
    let host = doc.create_element("article").unwrap();
    host.set_inner_html(&body);
    doc.body().unwrap().append_child(&host).unwrap();

    let r = check_element(&host, None).unwrap();
    let d = find(&r, "T3-3");
    let el = get(&d, "element")
        .dyn_into::<web_sys::Element>()
        .expect("the finding carries its cell's element");
    assert_eq!(el.tag_name(), "TD");
    assert_eq!(
        el.text_content().unwrap().trim(),
        "89",
        "the element is the live cell, jammer and all"
    );
    assert_eq!(s(&get(&d, "message")).contains("8"), true);
    // Related locations carry elements too, and they are cells of the same table.
    let related: Vec<JsValue> = Array::from(&get(&d, "related")).iter().collect();
    assert!(related
        .iter()
        .any(|r| get(r, "element").is_instance_of::<web_sys::Element>()));
    // Every table cell read carries its element.
    let cell = get(&r, "tables.requests.rows.granted.cells");
    let last = Array::from(&cell).get(6);
    assert!(get(&last, "element").loose_eq(&el.into()));
    host.remove();
    style.remove();
}

/// An editor's body lives in an iframe: its elements belong to another window (`instanceof Element`
/// is false there), and what hides them is that window's computed style.
#[wasm_bindgen_test]
fn check_element_reads_an_element_of_another_window() {
    let doc = document();
    let frame: web_sys::HtmlIFrameElement =
        doc.create_element("iframe").unwrap().dyn_into().unwrap();
    doc.body().unwrap().append_child(&frame).unwrap();
    let inner = frame
        .content_document()
        .expect("a same-origin about:blank frame");
    let style = inner.create_element("style").unwrap();
    style.set_text_content(Some(".jam-frame { display: none }"));
    inner.head().unwrap().append_child(&style).unwrap();
    let body = t33_body_with_jammer("jam-frame");
    inner.body().unwrap().set_inner_html(&body);
    let root = inner.body().unwrap();
    assert!(
        !JsValue::from(root.clone()).is_instance_of::<web_sys::Element>(),
        "the frame's elements are not this window's"
    );
    let r = check_element(&root, None).unwrap();
    assert_eq!(s(&get(&r, "document.format")), "2021");
    let d = find(&r, "T3-3");
    let el: web_sys::Element = get(&d, "element").unchecked_into();
    assert_eq!(el.tag_name(), "TD");
    assert_eq!(
        el.text_content().unwrap().trim(),
        "89",
        "the frame's live cell; its hidden 9 was not read"
    );
    frame.remove();
}

#[wasm_bindgen_test]
fn read_file_decodes_gbk_refuses_junk_and_leaves_docx_to_its_reader() {
    // "年度报告" in GBK, declared by a meta tag.
    let gbk = b"<html><head><meta charset=\"gbk\"></head><body><p>\xc4\xea\xb6\xc8\xb1\xa8\xb8\xe6</p></body></html>";
    let r = read_file(gbk, Some("report.html".into())).unwrap();
    assert!(s(&get(&r, "text")).contains("年度报告"));
    assert_eq!(s(&get(&r, "kind")), "html");
    assert_eq!(s(&get(&r, "encoding")), "GBK");
    // Undeclared GB18030 bytes are recognised as such.
    let r = read_file(
        b"\xc4\xea\xb6\xc8\xb1\xa8\xb8\xe6\xd5\xfe\xb8\xae\xd0\xc5\xcf\xa2",
        Some("r.txt".into()),
    )
    .unwrap();
    assert_eq!(s(&get(&r, "text")), "年度报告政府信息");
    // The page's module leaves .docx to the reader module (tests/wasm_docx.rs) and says so.
    let err = read_file(DOCX, Some("python-docx.docx".into())).unwrap_err();
    let msg = s(&get(&err, "message"));
    assert!(
        msg.contains(".docx") && msg.contains("nianbao_docx") && msg.contains(" / "),
        "{msg}"
    );
    let err = read_file(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", Some("x.html".into())).unwrap_err();
    let msg = s(&get(&err, "message"));
    assert!(
        err.is_instance_of::<js_sys::Error>() && msg.contains(" / "),
        "a bilingual Error: {msg}"
    );
}

#[wasm_bindgen_test]
fn bad_options_throw_a_clear_error() {
    for (o, word) in [
        (serde_json::json!({"lang": "fr"}), "lang"),
        (serde_json::json!({"kind": "pdf"}), "kind"),
        (serde_json::json!({"select": ["NOPE-1"]}), "NOPE-1"),
        (serde_json::json!({"colour": "red"}), "colour"),
    ] {
        let err = check(BASE_TXT, opts(o.clone()))
            .err()
            .unwrap_or_else(|| panic!("accepted: {o}"));
        assert!(err.is_instance_of::<js_sys::Error>(), "{o}");
        let msg = s(&get(&err, "message"));
        assert!(msg.contains(word), "{o}: {msg}");
    }
}

#[wasm_bindgen_test]
fn rules_explain_and_version() {
    let all: Vec<JsValue> = Array::from(&rules(None).unwrap()).iter().collect();
    assert!(all.len() >= 50);
    assert!(all.iter().any(|r| s(&get(r, "code")) == "T3-2"));
    let en: Vec<JsValue> = Array::from(&rules(Some("en".into())).unwrap())
        .iter()
        .collect();
    assert_ne!(
        s(&get(&all[0], "summary")),
        s(&get(&en[0], "summary")),
        "two languages"
    );
    let doc = explain("T3-2", None).unwrap().expect("documentation");
    assert!(doc.contains("T3-2"));
    assert!(explain("NOPE", None).unwrap().is_none());
    assert_eq!(version(), env!("CARGO_PKG_VERSION"));
}

#[wasm_bindgen_test]
fn english_messages_on_request() {
    let r = check(T33_TXT, opts(serde_json::json!({"lang": "en"}))).unwrap();
    let msg = s(&get(&find(&r, "T3-3"), "message"));
    assert!(msg.is_ascii() || !msg.contains("总计"), "{msg}");
}
