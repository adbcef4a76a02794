//! The openings of real reports from 80 portals (`../shared/corpus/wild/`), labelled by hand
//! (`NNN.json`: format, year, agency, every table 二/三 row the opening shows in full), hold
//! the parser to what a person reads off them — like `tests/corpus.rs` for the corpus.
//!
//! Every labelled format, year, agency and cell must be read right, and no error-severity
//! finding may be given, unless `tests/fixtures/wild/exceptions.tsv` lists it with the
//! reason (a cell no reader could assign, a real error in the report). An exception that is
//! no longer needed fails too, so the list stays true.
//!
//! The share of what is read right is printed (`cargo test --test wild -- --nocapture`) and
//! recorded in README and BENCHMARKS.

mod common;
use nianbao::diagnostic::Severity;
use nianbao::model::{Cell, Row, Value};
use serde_json::Value as Json;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

fn wild_dir() -> PathBuf {
    common::corpus_path("wild")
}

fn exceptions() -> BTreeMap<(String, String), String> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/wild/exceptions.tsv");
    let text = std::fs::read_to_string(&path).unwrap();
    let mut out = BTreeMap::new();
    for line in text
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
    {
        let mut parts = line.splitn(3, '\t');
        let (file, what, why) = (
            parts.next().unwrap(),
            parts.next().expect("file<TAB>what<TAB>why"),
            parts.next().expect("a reason"),
        );
        assert!(
            !why.trim().is_empty(),
            "{line}: an exception needs its reason"
        );
        out.insert((file.to_string(), what.to_string()), why.to_string());
    }
    out
}

/// Does a cell hold what the label says? Labels write numbers as numbers, `null` for an
/// empty cell, and placeholders or words (`"无"`, `"增15"`) as printed.
fn cell_matches(want: &Json, cell: &Cell) -> bool {
    match (want, &cell.value) {
        (Json::Number(n), Value::Number { value, .. }) => {
            (n.as_f64().unwrap() - value).abs() < 1e-9
        }
        (Json::Null, Value::Blank) => true,
        (Json::String(s), Value::Dash { text }) => s == text,
        (Json::String(s), Value::Number { .. }) => cell.raw.trim() == s,
        _ => false,
    }
}

fn shown(cell: &Cell) -> String {
    match &cell.value {
        Value::Number { value, .. } => value.to_string(),
        Value::Blank => "blank".into(),
        Value::Missing => "missing".into(),
        Value::Dash { text } => text.clone(),
        Value::Unreadable { text } => format!("?{text}"),
        Value::Ambiguous { candidates } => format!("{candidates:?}"),
    }
}

#[derive(Default)]
struct Tally {
    cells: usize,
    cells_ok: usize,
    files: usize,
    format_ok: usize,
    year_ok: usize,
    agency_ok: usize,
}

#[test]
fn wild_openings_are_read_as_labelled() {
    let mut labels: Vec<PathBuf> = std::fs::read_dir(wild_dir())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    labels.sort();
    assert!(
        labels.len() >= 80,
        "the 80 labelled openings of ../shared/corpus/wild/"
    );
    let allowed = exceptions();
    let mut used: Vec<(String, String)> = Vec::new();
    let mut problems: Vec<String> = Vec::new();
    let mut t = Tally::default();
    for path in &labels {
        let label: Json = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
        let file = label["file"].as_str().unwrap().to_string();
        let c = common::check_path(&wild_dir().join(&file));
        let r = c.report();
        let mut miss = |what: String, detail: String, ok: bool| -> bool {
            let key = (file.clone(), what.clone());
            if ok {
                return true;
            }
            if allowed.contains_key(&key) {
                used.push(key);
            } else {
                problems.push(format!("{file}\t{what}\t{detail}"));
            }
            false
        };
        t.files += 1;
        // Format: as the excerpt shows it; where it shows no table, the one the year implies.
        let year = label["year"].as_i64().map(|y| y as i32);
        let want_format = match label["format"].as_str() {
            Some(f) => f.to_string(),
            None => match year {
                Some(y) if y >= 2021 => "2021".into(),
                Some(y) if y >= 2019 => "2019".into(),
                _ => "pre2019".into(),
            },
        };
        if miss(
            "format".into(),
            format!("read {}, labelled {want_format}", r.format.as_str()),
            r.format.as_str() == want_format,
        ) {
            t.format_ok += 1;
        }
        if miss(
            "year".into(),
            format!("read {:?}, labelled {year:?}", r.year),
            r.year == year,
        ) {
            t.year_ok += 1;
        }
        let agency = label["agency"].as_str();
        if miss(
            "agency".into(),
            format!("read {:?}, labelled {agency:?}", r.agency),
            r.agency.as_deref() == agency,
        ) {
            t.agency_ok += 1;
        }
        for (table, rows) in [
            ("active", &label["active"]),
            ("requests", &label["requests"]),
        ] {
            for (key, values) in rows.as_object().unwrap() {
                let row: Option<&Row> = match table {
                    "active" => r.active.as_ref().and_then(|x| x.row(key)),
                    _ => r.requests.as_ref().and_then(|x| x.row(key)),
                };
                for (i, want) in values.as_array().unwrap().iter().enumerate() {
                    t.cells += 1;
                    let cell = row.and_then(|row| row.cells.get(i));
                    let ok = cell.is_some_and(|c| cell_matches(want, c));
                    let got = cell.map(shown).unwrap_or_else(|| "row not read".into());
                    if miss(
                        format!("{table}.{key}[{i}]"),
                        format!("read {got}, labelled {want}"),
                        ok,
                    ) {
                        t.cells_ok += 1;
                    }
                }
            }
        }
        // A cut opening reports what it lacks; it has no error of the parser's making.
        for d in c
            .diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
        {
            miss(format!("error:{}", d.code), d.message.zh.clone(), false);
        }
    }
    let pct = |a: usize, b: usize| 100.0 * a as f64 / b.max(1) as f64;
    eprintln!(
        "wild openings: cells {}/{} ({:.1}%), format {}/{}, year {}/{}, agency {}/{}",
        t.cells_ok,
        t.cells,
        pct(t.cells_ok, t.cells),
        t.format_ok,
        t.files,
        t.year_ok,
        t.files,
        t.agency_ok,
        t.files
    );
    let stale: Vec<String> = allowed
        .keys()
        .filter(|k| !used.contains(k))
        .map(|(f, w)| format!("{f}\t{w}"))
        .collect();
    assert!(
        problems.is_empty() && stale.is_empty(),
        "{} reading(s) differ from the labels of ../shared/corpus/wild/ (fix the parser, or list the exception with its reason in tests/fixtures/wild/exceptions.tsv):\n{}\n{} exception(s) no longer needed (remove them from tests/fixtures/wild/exceptions.tsv):\n{}",
        problems.len(),
        problems.join("\n"),
        stale.len(),
        stale.join("\n")
    );
}
