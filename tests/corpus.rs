//! Every real report in `../shared/corpus/` against the expectations written by hand in
//! `tests/fixtures/expected/` (read off the reports by a person, never from the parser).
//!
//! A cell matches when the parser read the same number, or — for digits glued together that
//! split more than one way — when the parser kept the ambiguity and the true value is among
//! its candidates (it must then also have said so with P-3).

mod common;
use nianbao::model::{Cell, Value};
use serde_json::Value as Json;
use std::path::{Path, PathBuf};

fn expected_files() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/expected");
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    v.sort();
    v
}

fn cell_matches(expected: &Json, cell: &Cell) -> bool {
    match (expected, &cell.value) {
        (Json::Number(n), Value::Number { value, .. }) => {
            (n.as_f64().unwrap() - value).abs() < 1e-9
        }
        (Json::Number(n), Value::Ambiguous { candidates }) => candidates
            .iter()
            .any(|c| (n.as_f64().unwrap() - c).abs() < 1e-9),
        (Json::Null, Value::Blank | Value::Missing) => true,
        (Json::String(s), Value::Dash { text }) => {
            s == text || ["—", "-", "/", "无", "－", "／"].contains(&s.as_str())
        }
        _ => false,
    }
}

fn compare_row(
    file: &str,
    what: &str,
    expected: &Json,
    cells: Option<&[Cell]>,
    errors: &mut Vec<String>,
) {
    let exp = expected.as_array().unwrap();
    let Some(cells) = cells else {
        errors.push(format!(
            "{file}: {what}: row not read (expected {expected})"
        ));
        return;
    };
    let shown: Vec<String> = cells
        .iter()
        .map(|c| match &c.value {
            Value::Number { value, .. } => value.to_string(),
            Value::Ambiguous { candidates } => format!("{candidates:?}"),
            Value::Blank => "blank".into(),
            Value::Missing => "missing".into(),
            Value::Dash { text } => text.clone(),
            Value::Unreadable { text } => format!("?{text}"),
        })
        .collect();
    if exp.len() != cells.len() || exp.iter().zip(cells).any(|(e, c)| !cell_matches(e, c)) {
        errors.push(format!(
            "{file}: {what}: expected {expected}, read [{}]",
            shown.join(", ")
        ));
    }
}

#[test]
fn corpus_matches_hand_written_expectations() {
    let mut errors = Vec::new();
    let files = expected_files();
    assert!(files.len() >= 37, "one expectation per corpus file");
    for path in files {
        let exp: Json = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let rel = exp["file"].as_str().unwrap();
        let c = common::check_path(&common::corpus_path(rel));
        let r = c.report();
        if exp["format"].as_str() != Some(r.format.as_str()) {
            errors.push(format!(
                "{rel}: format: expected {}, read {}",
                exp["format"],
                r.format.as_str()
            ));
        }
        if exp["year"].as_i64().map(|y| y as i32) != r.year {
            errors.push(format!(
                "{rel}: year: expected {}, read {:?}",
                exp["year"], r.year
            ));
        }
        // Excerpts are openings only: an agency not found there is allowed, a wrong one is not.
        let excerpt = rel.starts_with("excerpts/");
        if let Some(a) = exp["agency"]
            .as_str()
            .filter(|_| !(excerpt && r.agency.is_none()))
        {
            if !r
                .agency
                .as_deref()
                .is_some_and(|g| g.contains(a) || a.contains(g))
            {
                errors.push(format!("{rel}: agency: expected {a}, read {:?}", r.agency));
            }
        }
        // Table 三.
        if let Some(rows) = exp["requests"].as_object() {
            for (key, values) in rows {
                let cells = r
                    .requests
                    .as_ref()
                    .and_then(|t| t.row(key))
                    .map(|row| row.cells.as_slice());
                compare_row(rel, &format!("requests.{key}"), values, cells, &mut errors);
            }
            if let Some(t) = &r.requests {
                for row in &t.rows {
                    if !rows.contains_key(&row.key)
                        && row.cells.iter().any(|c| c.number().is_some())
                    {
                        errors.push(format!(
                            "{rel}: requests.{}: read numbers where the report has none",
                            row.key
                        ));
                    }
                }
            }
        } else if r.requests.as_ref().is_some_and(|t| {
            t.rows
                .iter()
                .any(|row| row.cells.iter().any(|c| c.number().is_some()))
        }) {
            errors.push(format!(
                "{rel}: requests: read numbers but the report has no table 三 numbers"
            ));
        }
        if let Some(extra) = exp["extraRows"].as_array() {
            let got = r
                .requests
                .as_ref()
                .map(|t| t.extra_rows.as_slice())
                .unwrap_or(&[]);
            for e in extra {
                let label = e["label"].as_str().unwrap();
                let found = got
                    .iter()
                    .find(|x| x.label.contains(label) || label.contains(&x.label));
                compare_row(
                    rel,
                    &format!("extraRows[{label}]"),
                    &e["values"],
                    found.map(|x| x.row.cells.as_slice()),
                    &mut errors,
                );
            }
        }
        // Table 四.
        if exp["reviewLitigation"].is_array() {
            let cells = r
                .review
                .as_ref()
                .map(|t| t.row.cells.as_slice())
                .filter(|c| c.iter().any(|x| !matches!(x.value, Value::Missing)));
            let scrambled = c
                .diagnostics
                .iter()
                .any(|d| d.code == "P-6" && d.cell.is_none() && d.message.en.contains("table 4"));
            if !(scrambled && cells.is_none()) {
                compare_row(
                    rel,
                    "reviewLitigation",
                    &exp["reviewLitigation"],
                    cells,
                    &mut errors,
                );
            }
        }
        // Table 二.
        if let Some(rows) = exp["active"].as_object() {
            for (key, values) in rows {
                let cells = r
                    .active
                    .as_ref()
                    .and_then(|t| t.row(key))
                    .map(|row| row.cells.as_slice());
                compare_row(rel, &format!("active.{key}"), values, cells, &mut errors);
            }
        }
        // Ambiguity must be said out loud.
        let ambiguous = [
            r.requests
                .as_ref()
                .map(|t| t.rows.clone())
                .unwrap_or_default(),
            r.active
                .as_ref()
                .map(|t| t.rows.clone())
                .unwrap_or_default(),
        ]
        .concat()
        .iter()
        .any(|row| {
            row.cells
                .iter()
                .any(|c| matches!(c.value, Value::Ambiguous { .. }))
        });
        if ambiguous && !c.diagnostics.iter().any(|d| d.code == "P-3") {
            errors.push(format!("{rel}: ambiguous cells without a P-3 finding"));
        }
    }
    if !errors.is_empty() {
        panic!(
            "{} mismatch(es) against tests/fixtures/expected:\n{}",
            errors.len(),
            errors.join("\n")
        );
    }
}
