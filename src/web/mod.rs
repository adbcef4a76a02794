//! The WebAssembly edge: the only module that names wasm-bindgen, JsValue or web-sys.
//! It converts types and nothing else; everything that decides lives in the pure core.
//! `dom` shows the browser's DOM to the core's HTML renderer.

#[cfg_attr(feature = "docx-reader", allow(dead_code))]
mod dom;

#[cfg(not(feature = "docx-reader"))]
use crate::api::{self, CheckOptions, KindOption};
#[cfg(not(feature = "docx-reader"))]
use crate::diagnostic::{Lang, Severity};
#[cfg(not(feature = "docx-reader"))]
use crate::rules::RuleConfig;
#[cfg(not(feature = "docx-reader"))]
use serde::Deserialize;
use wasm_bindgen::prelude::*;
#[cfg(not(feature = "docx-reader"))]
use wasm_bindgen::JsCast;

#[wasm_bindgen(start)]
pub fn start() {
    console_error_panic_hook::set_once();
}

#[cfg(not(feature = "docx-reader"))]
#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct JsOptions {
    /// "auto" | "text" | "html"
    kind: Option<String>,
    /// "zh" | "en"
    lang: Option<String>,
    /// A file name, echoed in the result's `file`.
    file: Option<String>,
    /// Last year's report (text or HTML), for the cross-year rules.
    previous: Option<String>,
    /// Rules to run / not to run: codes, names, families or "ALL".
    select: Option<Vec<String>>,
    ignore: Option<Vec<String>>,
    /// Severity overrides: { "T3-6": "warning" }.
    severity: Option<std::collections::BTreeMap<String, String>>,
}

fn js_error(msg: String) -> JsValue {
    js_sys::Error::new(&msg).into()
}

#[cfg(not(feature = "docx-reader"))]
#[wasm_bindgen]
extern "C" {
    /// The options object of `check` and `checkElement` (typed in `types.d.ts`).
    #[wasm_bindgen(typescript_type = "CheckOptions")]
    pub type JsCheckOptions;
}

#[cfg(not(feature = "docx-reader"))]
fn parse_options(value: Option<JsCheckOptions>) -> Result<(CheckOptions, String), JsValue> {
    let value: JsValue = value.map(JsValue::from).unwrap_or(JsValue::UNDEFINED);
    let o: JsOptions = if value.is_undefined() || value.is_null() {
        JsOptions::default()
    } else {
        // serde-wasm-bindgen reads only the fields it knows, so `deny_unknown_fields` never
        // fires: a misspelt option would be ignored silently. Look at the keys instead.
        const KNOWN: [&str; 7] = [
            "kind", "lang", "file", "previous", "select", "ignore", "severity",
        ];
        // (By type, not `instanceof`: an options object may come from another window.)
        if let Some(obj) = value
            .is_object()
            .then(|| value.unchecked_ref::<js_sys::Object>())
        {
            for key in js_sys::Object::keys(obj)
                .iter()
                .filter_map(|k| k.as_string())
            {
                if !KNOWN.contains(&key.as_str()) {
                    return Err(js_error(format!(
                        "nianbao: 未知选项 {key:?}（可用：{list}） / unknown option {key:?} (known: {list})",
                        list = KNOWN.join(", ")
                    )));
                }
            }
        }
        serde_wasm_bindgen::from_value(value)
            .map_err(|e| js_error(format!("nianbao: 选项无效 / invalid options: {e}")))?
    };
    let kind = match o.kind.as_deref() {
        None => KindOption::Auto,
        Some(k) => KindOption::parse(k).ok_or_else(|| js_error(format!("nianbao: kind 应为 auto、text 或 html / kind must be auto, text or html, not {k:?}")))?,
    };
    let lang = match o.lang.as_deref() {
        None => Lang::Zh,
        Some(l) => Lang::parse(l).ok_or_else(|| {
            js_error(format!(
                "nianbao: lang 应为 zh 或 en / lang must be zh or en, not {l:?}"
            ))
        })?,
    };
    let mut rules = RuleConfig {
        select: o.select.unwrap_or_default(),
        ignore: o.ignore.unwrap_or_default(),
        severity: Vec::new(),
    };
    for (sel, sev) in o.severity.unwrap_or_default() {
        let sev = Severity::parse(&sev).ok_or_else(|| js_error(format!("nianbao: 严重程度应为 error、warning 或 notice / severity must be error, warning or notice, not {sev:?}")))?;
        rules.severity.push((sel, sev));
    }
    rules
        .validate()
        .map_err(|e| js_error(format!("nianbao: {e}")))?;
    Ok((
        CheckOptions {
            kind,
            lang,
            previous: o.previous,
            rules,
        },
        o.file.unwrap_or_default(),
    ))
}

#[cfg(not(feature = "docx-reader"))]
/// `performance.now()` of the global scope: a window's or a worker's.
fn now() -> f64 {
    js_sys::Reflect::get(&js_sys::global(), &JsValue::from_str("performance"))
        .ok()
        .filter(|p| !p.is_undefined())
        .map(|p| p.unchecked_into::<web_sys::Performance>().now())
        .unwrap_or(0.0)
}

/// A JSON value as plain JavaScript objects: serialised once and handed to the engine's own
/// `JSON.parse`, which builds a large result (every cell with its position) several times faster
/// than creating each object and field through the boundary.
fn to_js(json: &serde_json::Value) -> Result<JsValue, JsValue> {
    let text = serde_json::to_string(json).map_err(|e| js_error(e.to_string()))?;
    js_sys::JSON::parse(&text)
}

#[cfg(not(feature = "docx-reader"))]
/// The JSON contract as plain JavaScript objects, with the check's time.
fn result_value(
    file: &str,
    checked: &api::Checked,
    lang: Lang,
    t0: f64,
) -> Result<JsValue, JsValue> {
    let mut json = api::to_json(file, checked, lang);
    if let Some(m) = json.as_object_mut() {
        m.insert(
            "timing".into(),
            serde_json::json!({ "checkMs": now() - t0 }),
        );
    }
    to_js(&json)
}

#[cfg(not(feature = "docx-reader"))]
/// Check a report (text or HTML). Returns the JSON contract as plain objects; positions are
/// UTF-16 offsets, lines and columns, so they index JavaScript strings.
#[wasm_bindgen(unchecked_return_type = "CheckResult")]
pub fn check(input: &str, options: Option<JsCheckOptions>) -> Result<JsValue, JsValue> {
    let (opts, file) = parse_options(options)?;
    let t0 = now();
    html_reader_available(Some(input), &opts)?;
    let checked = api::check_with(input, &opts, &read_html);
    result_value(&file, &checked, opts.lang, t0)
}

#[cfg(not(feature = "docx-reader"))]
/// Check a live element of a page (a preview, an editor's body, a portal's article) as the page
/// shows it: hidden elements (computed style) are skipped. The result is `check`'s, with the
/// source being the element's `outerHTML`; in addition each finding, each related location and
/// each table cell carries `element`: the `<td>`/`<th>` it is about (or `null`).
#[wasm_bindgen(js_name = checkElement, unchecked_return_type = "CheckElementResult")]
pub fn check_element(
    el: &web_sys::Element,
    options: Option<JsCheckOptions>,
) -> Result<JsValue, JsValue> {
    let (opts, file) = parse_options(options)?;
    let t0 = now();
    html_reader_available(None, &opts)?;
    let (doc, cells) = dom::render_element(el);
    let checked = api::check_parsed(crate::parse::parse_document(doc), &opts, &read_html);
    let value = result_value(&file, &checked, opts.lang, t0)?;
    let report = checked.report();
    // The element of each grid position read, looked up once per cell of the result.
    let by_grid: std::collections::HashMap<crate::model::GridPos, web_sys::Element> =
        cells.into_iter().collect();
    let element_at = |g: Option<crate::model::GridPos>| -> JsValue {
        g.and_then(|g| by_grid.get(&g))
            .map(|e| JsValue::from(e.clone()))
            .unwrap_or(JsValue::NULL)
    };
    let element_of = |c: Option<&crate::model::CellRef>| {
        element_at(c.and_then(|c| report.cell(c)).and_then(|cell| cell.grid))
    };
    let get = |o: &JsValue, k: &str| {
        js_sys::Reflect::get(o, &JsValue::from_str(k)).unwrap_or(JsValue::UNDEFINED)
    };
    let set = |o: &JsValue, k: &str, v: &JsValue| {
        let _ = js_sys::Reflect::set(o, &JsValue::from_str(k), v);
    };
    let diags = js_sys::Array::from(&get(&value, "diagnostics"));
    for (i, d) in checked.diagnostics.iter().enumerate() {
        let obj = diags.get(i as u32);
        set(&obj, "element", &element_of(d.cell.as_ref()));
        let related = js_sys::Array::from(&get(&obj, "related"));
        for (j, r) in d.related.iter().enumerate() {
            set(
                &related.get(j as u32),
                "element",
                &element_of(r.cell.as_ref()),
            );
        }
    }
    // Every table cell read: its element too.
    let tables = get(&value, "tables");
    let mark_row = |row: &JsValue, cells_of: &[crate::model::Cell]| {
        let arr = js_sys::Array::from(&get(row, "cells"));
        for (k, cell) in cells_of.iter().enumerate() {
            set(&arr.get(k as u32), "element", &element_at(cell.grid));
        }
    };
    if let Some(t) = &report.requests {
        let rows = get(&get(&tables, "requests"), "rows");
        for row in &t.rows {
            mark_row(&get(&rows, &row.key), &row.cells);
        }
        let extra = js_sys::Array::from(&get(&get(&tables, "requests"), "extraRows"));
        for (i, e) in t.extra_rows.iter().enumerate() {
            mark_row(&extra.get(i as u32), &e.row.cells);
        }
    }
    if let Some(t) = &report.review {
        mark_row(&get(&tables, "reviewLitigation"), &t.row.cells);
    }
    if let Some(t) = &report.active {
        let rows = get(&tables, "active");
        for row in &t.rows {
            mark_row(&get(&rows, &row.key), &row.cells);
        }
    }
    Ok(value)
}

/// How HTML strings are read: html5ever where the build has it (the Node package), else the
/// browser's `DOMParser`, which only windows and documents have (not workers).
#[cfg(not(feature = "docx-reader"))]
#[cfg(feature = "scraper")]
fn read_html(source: &str) -> crate::parse::document::Document {
    crate::parse::html::render(source)
}
#[cfg(not(feature = "docx-reader"))]
#[cfg(not(feature = "scraper"))]
fn read_html(source: &str) -> crate::parse::document::Document {
    dom::render_string(source)
}

#[cfg(not(feature = "docx-reader"))]
/// Without html5ever, HTML is read through `DOMParser`: refuse clearly where there is none.
/// `input` is the string to check (none for a live element, already a DOM); last year's report
/// is read from `opts.previous`.
fn html_reader_available(input: Option<&str>, opts: &CheckOptions) -> Result<(), JsValue> {
    if cfg!(feature = "scraper") || dom::has_dom_parser() {
        return Ok(());
    }
    let html = input.is_some_and(|i| opts.kind.resolve(i) == crate::model::InputKind::Html)
        || opts
            .previous
            .as_deref()
            .is_some_and(|p| KindOption::Auto.resolve(p) == crate::model::InputKind::Html);
    if html {
        return Err(js_error(
            "nianbao: 此环境没有 DOMParser，无法读取 HTML（请在页面或 offscreen 文档中调用，或使用 Node 包，或以 kind: \"text\" 检查其文本） / \
             this environment has no DOMParser to read HTML: call from a page or an offscreen document, use the Node package, or check its text with kind: \"text\""
                .to_string(),
        ));
    }
    Ok(())
}

/// Read a file's bytes: encoding (BOM, `<meta charset>`, UTF-8 else GB18030) and `.docx` → HTML.
/// Returns `{ text, kind: "text" | "html", encoding, notes }`; unreadable input throws an `Error`.
#[wasm_bindgen(js_name = readFile, unchecked_return_type = "ReadFileResult")]
pub fn read_file(bytes: &[u8], name: Option<String>) -> Result<JsValue, JsValue> {
    let d = crate::input::decode_with(bytes, name.as_deref(), &dom::text_decoder)
        .map_err(|e| js_error(format!("nianbao: {e}")))?;
    let kind = match d.kind {
        crate::model::InputKind::Html => "html",
        crate::model::InputKind::Text => "text",
    };
    to_js(
        &serde_json::json!({ "text": d.text, "kind": kind, "encoding": d.encoding, "notes": d.notes }),
    )
}

#[cfg(not(feature = "docx-reader"))]
/// Every rule: code, name, family, severity, formats, summary and documentation.
#[wasm_bindgen(unchecked_return_type = "RuleInfo[]")]
pub fn rules(lang: Option<String>) -> Result<JsValue, JsValue> {
    let lang = lang
        .as_deref()
        .map(|l| {
            Lang::parse(l).ok_or_else(|| {
                js_error(format!(
                    "nianbao: lang 应为 zh 或 en / lang must be zh or en, not {l:?}"
                ))
            })
        })
        .transpose()?
        .unwrap_or_default();
    to_js(&crate::docs::rules_json(lang))
}

#[cfg(not(feature = "docx-reader"))]
/// A rule's documentation as Markdown, by code (`T3-2`) or name; `undefined` if there is none.
#[wasm_bindgen]
pub fn explain(code: &str, lang: Option<String>) -> Result<Option<String>, JsValue> {
    let lang = lang
        .as_deref()
        .map(|l| {
            Lang::parse(l).ok_or_else(|| {
                js_error(format!(
                    "nianbao: lang 应为 zh 或 en / lang must be zh or en, not {l:?}"
                ))
            })
        })
        .transpose()?
        .unwrap_or_default();
    Ok(crate::docs::explain(code, lang))
}

/// The crate version.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}

#[cfg(not(feature = "docx-reader"))]
#[wasm_bindgen(typescript_custom_section)]
const TYPES: &str = include_str!("types.d.ts");
