//! The WebAssembly edge: the only module that names wasm-bindgen, JsValue or web-sys.
//! It converts types and nothing else; everything that decides lives in the pure core.

use crate::api::{self, CheckOptions, KindOption};
use crate::diagnostic::{Lang, Severity};
use crate::rules::RuleConfig;
use serde::Deserialize;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(start)]
pub fn start() {
    console_error_panic_hook::set_once();
}

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

fn options(value: JsValue) -> Result<(CheckOptions, String), JsValue> {
    let o: JsOptions = if value.is_undefined() || value.is_null() {
        JsOptions::default()
    } else {
        serde_wasm_bindgen::from_value(value).map_err(|e| js_error(format!("nianbao: 选项无效 / invalid options: {e}")))?
    };
    let kind = match o.kind.as_deref() {
        None => KindOption::Auto,
        Some(k) => KindOption::parse(k).ok_or_else(|| js_error(format!("nianbao: kind 应为 auto、text 或 html / kind must be auto, text or html, not {k:?}")))?,
    };
    let lang = match o.lang.as_deref() {
        None => Lang::Zh,
        Some(l) => Lang::parse(l).ok_or_else(|| js_error(format!("nianbao: lang 应为 zh 或 en / lang must be zh or en, not {l:?}")))?,
    };
    let mut rules = RuleConfig { select: o.select.unwrap_or_default(), ignore: o.ignore.unwrap_or_default(), severity: Vec::new() };
    for (sel, sev) in o.severity.unwrap_or_default() {
        let sev = Severity::parse(&sev).ok_or_else(|| js_error(format!("nianbao: 严重程度应为 error、warning 或 notice / severity must be error, warning or notice, not {sev:?}")))?;
        rules.severity.push((sel, sev));
    }
    rules.validate().map_err(|e| js_error(format!("nianbao: {e}")))?;
    Ok((CheckOptions { kind, lang, previous: o.previous, rules }, o.file.unwrap_or_default()))
}

fn now() -> f64 {
    web_sys::window().and_then(|w| w.performance()).map(|p| p.now()).unwrap_or(0.0)
}

/// Check a report (text or HTML). Returns the JSON contract as plain objects; positions are
/// UTF-16 offsets, lines and columns, so they index JavaScript strings.
#[wasm_bindgen]
pub fn check(input: &str, options_value: JsValue) -> Result<JsValue, JsValue> {
    let (opts, file) = options(options_value)?;
    let t0 = now();
    let checked = api::check(input, &opts);
    let mut json = api::to_json(&file, &checked, opts.lang);
    if let Some(m) = json.as_object_mut() {
        m.insert("timing".into(), serde_json::json!({ "checkMs": now() - t0 }));
    }
    json.serialize(&serde_wasm_bindgen::Serializer::json_compatible()).map_err(|e| js_error(e.to_string()))
}

/// Every rule: code, name, family, severity, formats, summary and documentation.
#[wasm_bindgen]
pub fn rules(lang: Option<String>) -> Result<JsValue, JsValue> {
    let lang = lang.as_deref().map(|l| Lang::parse(l).ok_or_else(|| js_error(format!("nianbao: lang 应为 zh 或 en / lang must be zh or en, not {l:?}")))).transpose()?.unwrap_or_default();
    crate::docs::rules_json(lang).serialize(&serde_wasm_bindgen::Serializer::json_compatible()).map_err(|e| js_error(e.to_string()))
}

/// A rule's documentation as Markdown, by code (`T3-2`) or name; `undefined` if there is none.
#[wasm_bindgen]
pub fn explain(code: &str, lang: Option<String>) -> Result<Option<String>, JsValue> {
    let lang = lang.as_deref().map(|l| Lang::parse(l).ok_or_else(|| js_error(format!("nianbao: lang 应为 zh 或 en / lang must be zh or en, not {l:?}")))).transpose()?.unwrap_or_default();
    Ok(crate::docs::explain(code, lang))
}

/// The crate version.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}

use serde::Serialize;
