//! The JSON contract, shared by the CLI (`--format json`) and the WASM API.
//!
//! One object per input: `file`, `document`, `tables`, `diagnostics`, `summary`. Field
//! names and row keys are a contract (pinned by `tests/contract.rs`): extend, never rename.
//! Positions are 1-based lines and columns counted in UTF-16 code units, plus 0-based UTF-16
//! offsets, so that JavaScript can index its strings with them.

use crate::coverage::{self, Unchecked, Verdict};
use crate::diagnostic::{Diagnostic, Lang, Msg, Severity};
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
    /// The findings: the first report's, then those of the input's other reports (each marked
    /// with its `report` number and its message saying which).
    pub diagnostics: Vec<Diagnostic>,
    /// What could not be checked (a table not read, a text cut short, …), in every report.
    pub unchecked: Vec<Unchecked>,
    /// The input's other reports (a portal page and its print copy, two years in one file),
    /// each checked on its own; spans point into the whole input.
    pub others: Vec<Other>,
}

/// Another report in the same input.
#[derive(Clone, Debug)]
pub struct Other {
    /// Its number in the input, counting from 1 (the first report is 1).
    pub index: usize,
    /// Where it begins (source byte offset).
    pub offset: usize,
    /// The same text as the first report (a print copy): its findings are not repeated.
    pub identical: bool,
    pub checked: Checked,
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

/// Parse and check a report, reading HTML with the given reader. An input that holds more
/// than one report is split where each next one begins (P-15) and each is checked.
pub fn check_with(source: &str, opts: &CheckOptions, html: HtmlReader<'_>) -> Checked {
    let kind = opts.kind.resolve(source);
    let parsed = parse::parse_with(source, kind, html);
    let Some(at) = split_at(&parsed, source) else {
        return check_parsed(parsed, opts, html);
    };
    // The reports, one after the other: (where it begins, what it is parsed as).
    let mut parts = vec![(0usize, parse::parse_with(&source[..at], kind, html))];
    let mut from = at;
    while from < source.len() && parts.len() < MAX_REPORTS {
        let p = parse::parse_with(&source[from..], kind, html);
        match split_at(&p, &source[from..]) {
            Some(next) => {
                parts.push((
                    from,
                    parse::parse_with(&source[from..from + next], kind, html),
                ));
                from += next;
            }
            None => {
                parts.push((from, p));
                from = source.len();
            }
        }
    }
    let mut checked = parts
        .into_iter()
        .map(|(offset, p)| (offset, check_parsed(p, opts, html)));
    let Some((_, mut first)) = checked.next() else {
        unreachable!("the first part is always there")
    };
    let folded = |c: &Checked| crate::parse::document::fold_str(&c.parsed.doc.text);
    let first_text = folded(&first);
    first
        .diagnostics
        .retain(|d| d.code != crate::parse::tables::P_SECOND_REPORT.0);
    first.parsed.doc.source = source.to_string();
    for (k, (offset, mut c)) in checked.enumerate() {
        let n = k + 2;
        let identical = folded(&c) == first_text;
        c.diagnostics
            .retain(|d| d.code != crate::parse::tables::P_SECOND_REPORT.0);
        shift(&mut c, offset, source);
        let mut d = Diagnostic::new(
            crate::parse::tables::P_SECOND_REPORT.0,
            crate::parse::tables::P_SECOND_REPORT.1,
            if identical { Severity::Notice } else { Severity::Warning },
            if identical {
                Msg::new(
                    format!("文中有第{n}份报告，与第1份相同（如网页和它的打印版），只检查一次"),
                    format!("the text holds a report {n} identical to the first (a page and its print copy, say); it was checked once"),
                )
            } else {
                Msg::new(
                    format!("文中有第{n}份报告，已单独检查，它的问题都标有“第{n}份报告”"),
                    format!("the text holds a report {n}; it was checked on its own, and its findings say “report {n}”"),
                )
            },
        )
        .at(Some(Span::new(offset, offset)));
        d.report = n;
        first.diagnostics.push(d);
        if !identical {
            for d in &c.diagnostics {
                let mut d = d.clone();
                d.report = n;
                d.message = Msg::new(
                    format!("第{n}份报告：{}", d.message.zh),
                    format!("report {n}: {}", d.message.en),
                );
                first.diagnostics.push(d);
            }
            for u in &c.unchecked {
                let mut u = u.clone();
                u.message = Msg::new(
                    format!("第{n}份报告：{}", u.message.zh),
                    format!("report {n}: {}", u.message.en),
                );
                first.unchecked.push(u);
            }
        }
        first.others.push(Other {
            index: n,
            offset,
            identical,
            checked: c,
        });
    }
    first
}

/// At most this many reports are read out of one input.
const MAX_REPORTS: usize = 20;

/// Where the next report begins in the source a parse was made of, if it does.
fn split_at(parsed: &Parsed, source: &str) -> Option<usize> {
    parsed
        .report
        .next_report
        .filter(|&a| a > 0 && a < source.len() && source.is_char_boundary(a))
}

/// Move every source span of a report checked from `whole[at..]` by `at`, so that it points
/// into `whole`.
fn shift(c: &mut Checked, at: usize, whole: &str) {
    let sh = |s: &mut Option<Span>| {
        if let Some(x) = s {
            *x = Span::new(x.start + at, x.end + at);
        }
    };
    let shd = |d: &mut Diagnostic| {
        sh(&mut d.span);
        for r in &mut d.related {
            sh(&mut r.span);
        }
        if let Some(f) = &mut d.fix {
            sh(&mut f.span);
        }
    };
    c.diagnostics.iter_mut().for_each(shd);
    let r = &mut c.parsed.report;
    r.findings.iter_mut().for_each(shd);
    sh(&mut r.title_span);
    for s in &mut r.sections {
        s.heading_span = Span::new(s.heading_span.start + at, s.heading_span.end + at);
    }
    if let Some(cut) = &mut r.cut {
        cut.span = Span::new(cut.span.start + at, cut.span.end + at);
    }
    let rows = |rows: &mut Vec<Row>| {
        for row in rows {
            sh(&mut row.label_span);
            for cell in &mut row.cells {
                sh(&mut cell.span);
            }
        }
    };
    if let Some(t) = &mut r.requests {
        rows(&mut t.rows);
        for e in &mut t.extra_rows {
            sh(&mut e.row.label_span);
            for cell in &mut e.row.cells {
                sh(&mut cell.span);
            }
        }
        sh(&mut t.span);
    }
    if let Some(t) = &mut r.review {
        sh(&mut t.row.label_span);
        for cell in &mut t.row.cells {
            sh(&mut cell.span);
        }
        sh(&mut t.span);
    }
    if let Some(t) = &mut r.active {
        rows(&mut t.rows);
        sh(&mut t.span);
    }
    c.parsed.doc.source = whole.to_string();
    for o in &mut c.others {
        o.offset += at;
        shift(&mut o.checked, at, whole);
    }
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
        others: Vec::new(),
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
    if d.report > 1 {
        // Which of the input's reports it is about (P-15): only for the second and later.
        m.insert("report".into(), json!(d.report));
    }
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
        // The input's other reports (P-15), each as checked on its own.
        "reports": c.others.iter().map(|o| {
            let mut j = to_json(file, &o.checked, lang);
            let p = idx.position(src, o.offset);
            if let Json::Object(m) = &mut j {
                m.remove("file");
                m.remove("reports");
                m.insert("index".into(), json!(o.index));
                m.insert("identical".into(), json!(o.identical));
                m.insert("line".into(), json!(p.line));
                m.insert("column".into(), json!(p.column));
                m.insert("offset".into(), json!(p.offset));
            }
            j
        }).collect::<Vec<_>>(),
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
