//! The JSON contract, shared by the CLI (`--format json`) and the WASM API.
//!
//! One object per input: `file`, `document`, `tables`, `diagnostics`, `summary`. Field
//! names and row keys are a contract (pinned by `tests/contract.rs`): extend, never rename.
//! Positions are 1-based lines and columns counted in UTF-16 code units, plus 0-based UTF-16
//! offsets, so that JavaScript can index its strings with them.

use crate::coverage::{self, Unchecked, Verdict};
use crate::diagnostic::{Diagnostic, Lang, Severity};
use crate::model::{Cell, InputKind, Report, Row, Value};
use crate::parse::{self, HtmlReader, Parsed};
use crate::rules::{self, RuleConfig, RuleCtx};
use crate::source::{LineIndex, Span};
use crate::template;
use serde_json::{json, Map, Value as Json};

/// How to read the input.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum KindOption {
    #[default]
    Auto,
    Text,
    Html,
}

impl KindOption {
    pub fn parse(s: &str) -> Option<KindOption> {
        match s {
            "auto" => Some(KindOption::Auto),
            "text" | "txt" => Some(KindOption::Text),
            "html" | "htm" => Some(KindOption::Html),
            _ => None,
        }
    }

    /// How `source` is read: as said, or, for `Auto`, HTML when it looks like markup.
    pub fn resolve(self, source: &str) -> InputKind {
        match self {
            KindOption::Auto => crate::input::sniff_kind(source),
            KindOption::Text => InputKind::Text,
            KindOption::Html => InputKind::Html,
        }
    }
}

#[derive(Clone, Debug, Default)]
pub struct CheckOptions {
    pub kind: KindOption,
    pub lang: Lang,
    /// Last year's report from the same body (text or HTML), for the cross-year rules.
    pub previous: Option<String>,
    pub rules: RuleConfig,
}

/// The result of checking one input.
#[derive(Clone, Debug)]
pub struct Checked {
    pub parsed: Parsed,
    pub diagnostics: Vec<Diagnostic>,
    /// What could not be checked (a table not read, a text cut short, …).
    pub unchecked: Vec<Unchecked>,
}

impl Checked {
    pub fn report(&self) -> &Report {
        &self.parsed.report
    }
    pub fn count(&self, sev: Severity) -> usize {
        self.diagnostics
            .iter()
            .filter(|d| d.severity == sev)
            .count()
    }
    pub fn has_errors(&self) -> bool {
        self.count(Severity::Error) > 0
    }
    /// Pass, fail, incomplete (something could not be checked) or not a report.
    pub fn verdict(&self) -> Verdict {
        coverage::verdict(self.report(), &self.diagnostics, &self.unchecked)
    }
}

/// Parse and check a report (HTML read with html5ever).
#[cfg(feature = "scraper")]
pub fn check(source: &str, opts: &CheckOptions) -> Checked {
    check_with(source, opts, &parse::html::render)
}

/// Parse and check a report, reading HTML with the given reader.
pub fn check_with(source: &str, opts: &CheckOptions, html: HtmlReader<'_>) -> Checked {
    check_parsed(
        parse::parse_with(source, opts.kind.resolve(source), html),
        opts,
        html,
    )
}

/// Check a report already parsed (e.g. from a live DOM element); `html` reads the previous
/// year's report when it is HTML.
pub fn check_parsed(parsed: Parsed, opts: &CheckOptions, html: HtmlReader<'_>) -> Checked {
    let previous = opts
        .previous
        .as_deref()
        .map(|p| parse::parse_with(p, crate::input::sniff_kind(p), html));
    let ctx = RuleCtx::new(&parsed, previous.as_ref());
    let diagnostics = rules::run(&ctx, &opts.rules);
    // Only what the selected rules would have checked.
    let mut unchecked = coverage::unchecked(&ctx);
    unchecked.retain(|u| {
        u.rules.is_empty()
            || u.rules
                .iter()
                .any(|code| rules::find(code).is_some_and(|r| opts.rules.enabled(r.meta())))
    });
    drop(ctx);
    Checked {
        parsed,
        diagnostics,
        unchecked,
    }
}

/// A number as JSON: integers without a fraction.
pub fn num(v: f64) -> Json {
    if v.fract() == 0.0 && v.abs() < 9.0e15 {
        json!(v as i64)
    } else {
        json!(v)
    }
}

fn cell_json(c: &Cell, src: &str, idx: &LineIndex) -> Json {
    let mut m = Map::new();
    m.insert("raw".into(), json!(c.raw));
    let kind = match &c.value {
        Value::Number {
            value,
            signed,
            unit,
        } => {
            m.insert("value".into(), num(*value));
            if *signed {
                m.insert("signed".into(), json!(true));
            }
            if let Some(u) = unit {
                m.insert("unit".into(), json!(u));
            }
            "number"
        }
        Value::Blank => "blank",
        Value::Dash { .. } => "dash",
        Value::Unreadable { .. } => "unreadable",
        Value::Ambiguous { candidates } => {
            m.insert(
                "candidates".into(),
                Json::Array(candidates.iter().map(|v| num(*v)).collect()),
            );
            "ambiguous"
        }
        Value::Missing => "missing",
    };
    m.insert("kind".into(), json!(kind));
    if let Some(s) = c.span {
        let p = idx.position(src, s.start);
        m.insert("line".into(), json!(p.line));
        m.insert("column".into(), json!(p.column));
        m.insert("offset".into(), json!(p.offset));
        m.insert(
            "length".into(),
            json!(crate::source::utf16_len(
                &src[LineIndex::clamp(src, s.start)..LineIndex::clamp(src, s.end)]
            )),
        );
    }
    if let Some(g) = c.grid {
        m.insert(
            "grid".into(),
            json!({"table": g.table, "row": g.row, "col": g.col}),
        );
    }
    Json::Object(m)
}

fn row_json(r: &Row, src: &str, idx: &LineIndex) -> Json {
    let mut m = Map::new();
    m.insert("label".into(), json!(r.label));
    m.insert(
        "values".into(),
        Json::Array(
            r.cells
                .iter()
                .map(|c| c.number().map(num).unwrap_or(Json::Null))
                .collect(),
        ),
    );
    m.insert(
        "cells".into(),
        Json::Array(r.cells.iter().map(|c| cell_json(c, src, idx)).collect()),
    );
    if !r.candidates.is_empty() {
        m.insert(
            "candidates".into(),
            Json::Array(
                r.candidates
                    .iter()
                    .map(|c| Json::Array(c.iter().map(|v| num(*v)).collect()))
                    .collect(),
            ),
        );
    }
    if !r.extra_values.is_empty() {
        m.insert("extraValues".into(), json!(r.extra_values));
    }
    Json::Object(m)
}

fn span_pos(src: &str, idx: &LineIndex, span: Option<Span>) -> (usize, usize, usize, usize, usize) {
    let s = span.unwrap_or_default();
    let a = idx.position(src, s.start);
    let b = idx.position(src, s.end);
    (a.line, a.column, b.line, b.column, a.offset)
}

pub fn diagnostic_json(d: &Diagnostic, src: &str, idx: &LineIndex, lang: Lang) -> Json {
    let (line, column, end_line, end_column, offset) = span_pos(src, idx, d.span);
    let mut m = Map::new();
    m.insert("code".into(), json!(d.code));
    m.insert("name".into(), json!(d.name));
    m.insert("severity".into(), json!(d.severity.as_str()));
    m.insert("outcome".into(), json!(d.outcome));
    m.insert("message".into(), json!(d.message.get(lang)));
    m.insert("line".into(), json!(line));
    m.insert("column".into(), json!(column));
    m.insert("endLine".into(), json!(end_line));
    m.insert("endColumn".into(), json!(end_column));
    m.insert("offset".into(), json!(offset));
    let end_off = d
        .span
        .map(|s| idx.position(src, s.end).offset)
        .unwrap_or(offset);
    m.insert("length".into(), json!(end_off.saturating_sub(offset)));
    m.insert(
        "cell".into(),
        d.cell
            .as_ref()
            .map(|c| json!({"table": c.table.as_str(), "row": c.row, "column": c.column}))
            .unwrap_or(Json::Null),
    );
    let related: Vec<Json> = d
        .related
        .iter()
        .map(|r| {
            let (line, column, _, _, offset) = span_pos(src, idx, r.span);
            json!({
                "message": r.message.get(lang),
                "line": line, "column": column, "offset": offset,
                "cell": r.cell.as_ref().map(|c| json!({"table": c.table.as_str(), "row": c.row, "column": c.column})),
            })
        })
        .collect();
    m.insert("related".into(), Json::Array(related));
    m.insert(
        "notes".into(),
        Json::Array(d.notes.iter().map(|n| json!(n.get(lang))).collect()),
    );
    m.insert(
        "fix".into(),
        d.fix
            .as_ref()
            .map(|f| {
                json!({
                    "message": f.message.get(lang),
                    "replacement": f.replacement,
                    "cell": f.cell.as_ref().map(|c| json!({"table": c.table.as_str(), "row": c.row, "column": c.column})),
                })
            })
            .unwrap_or(Json::Null),
    );
    Json::Object(m)
}

/// The JSON object for one checked input.
pub fn to_json(file: &str, c: &Checked, lang: Lang) -> Json {
    let src = c.parsed.doc.source.as_str();
    let idx = LineIndex::new(src);
    let r = c.report();
    let requests = r.requests.as_ref().map(|t| {
        let mut rows = Map::new();
        for row in &t.rows {
            rows.insert(row.key.clone(), row_json(row, src, &idx));
        }
        let extra: Vec<Json> = t
            .extra_rows
            .iter()
            .map(|e| {
                let mut j = row_json(&e.row, src, &idx);
                if let Json::Object(m) = &mut j {
                    m.insert("key".into(), json!(e.row.key));
                    m.insert("group".into(), json!(e.group));
                    m.insert("after".into(), json!(e.after));
                }
                j
            })
            .collect();
        json!({"rows": rows, "extraRows": extra, "columns": template::REQUEST_COLUMNS})
    });
    let review = r.review.as_ref().map(|t| {
        let mut j = row_json(&t.row, src, &idx);
        if let Json::Object(m) = &mut j {
            m.insert("columns".into(), json!(template::REVIEW_COLUMNS));
        }
        j
    });
    let active = r.active.as_ref().map(|t| {
        let specs = template::active_rows(r.format);
        let mut rows = Map::new();
        for row in &t.rows {
            let mut j = row_json(row, src, &idx);
            if let (Json::Object(m), Some(spec)) = (&mut j, specs.iter().find(|s| s.key == row.key))
            {
                m.insert("columns".into(), json!(spec.columns));
            }
            rows.insert(row.key.clone(), j);
        }
        Json::Object(rows)
    });
    let sections: Vec<Json> = r
        .sections
        .iter()
        .map(|s| {
            let p = idx.position(src, s.heading_span.start);
            json!({"number": s.number, "key": s.key, "heading": s.heading, "line": p.line, "column": p.column, "offset": p.offset})
        })
        .collect();
    let diagnostics: Vec<Json> = c
        .diagnostics
        .iter()
        .map(|d| diagnostic_json(d, src, &idx, lang))
        .collect();
    json!({
        "file": file,
        "document": {
            "format": r.format.as_str(),
            "year": r.year,
            "title": r.title,
            "agency": r.agency,
            "published": r.published,
            "inputKind": r.input_kind,
            "formatEvidence": r.format_evidence,
            "yearEvidence": r.year_evidence,
            "agencyEvidence": r.agency_evidence,
            "sections": sections,
            "isReport": r.report_evidence.is_report,
            "reportEvidence": r.report_evidence.signs,
            "cut": r.cut.as_ref().map(|cut| {
                let p = idx.position(src, cut.span.start);
                json!({"line": p.line, "column": p.column, "offset": p.offset, "section": cut.section, "table": cut.table.map(|t| t.as_str()), "reason": cut.reason})
            }),
        },
        "tables": {
            "requests": requests,
            "reviewLitigation": review,
            "active": active,
        },
        "diagnostics": diagnostics,
        "summary": {
            "errors": c.count(Severity::Error),
            "warnings": c.count(Severity::Warning),
            "notices": c.count(Severity::Notice),
            "needsReview": coverage::needs_review(&c.diagnostics),
            "verdict": c.verdict().as_str(),
            "unchecked": c.unchecked.iter().map(|u| json!({
                "part": u.part,
                "reason": u.reason,
                "rules": u.rules,
                "message": u.message.get(lang),
            })).collect::<Vec<_>>(),
        },
    })
}
