//! Snapshots of the extracted model of every corpus report: format, year, agency, sections,
//! every table value, and what the parser noticed (P-*). A change in what the parser reads shows
//! up here as a diff to review (`INSTA_UPDATE=always cargo test --test model_snapshots`,
//! then read the diff before committing).

mod common;
use nianbao::model::{Row, Value};
use std::fmt::Write;
use std::path::Path;

fn cells(row: &Row) -> String {
    row.cells
        .iter()
        .map(|c| match &c.value {
            Value::Number { value, .. } => nianbao::rules::util::fmt(*value),
            Value::Blank => "空".into(),
            Value::Dash { text } => text.clone(),
            Value::Unreadable { text } => format!("?{text}"),
            Value::Ambiguous { candidates } => format!(
                "{{{}}}",
                candidates
                    .iter()
                    .map(|v| nianbao::rules::util::fmt(*v))
                    .collect::<Vec<_>>()
                    .join("/")
            ),
            Value::Missing => "·".into(),
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn summary(rel: &str) -> String {
    let c = common::check_path(&common::corpus_path(rel));
    let r = c.report();
    let mut s = String::new();
    let _ = writeln!(
        s,
        "format: {} ({})",
        r.format.as_str(),
        r.format_evidence.reason
    );
    let _ = writeln!(s, "year: {:?} {:?}", r.year, r.year_evidence);
    let _ = writeln!(s, "title: {:?}", r.title);
    let _ = writeln!(s, "agency: {:?}", r.agency);
    let _ = writeln!(s, "published: {:?}", r.published);
    for sec in &r.sections {
        let _ = writeln!(s, "section {}: {}", sec.number, sec.heading);
    }
    if let Some(t) = &r.active {
        for row in &t.rows {
            let _ = writeln!(s, "active.{}: {}", row.key, cells(row));
        }
    }
    if let Some(t) = &r.requests {
        for row in &t.rows {
            let _ = writeln!(s, "requests.{}: {}", row.key, cells(row));
        }
        for e in &t.extra_rows {
            let _ = writeln!(
                s,
                "requests.extra[{}] after {:?}: {}",
                e.label,
                e.after,
                cells(&e.row)
            );
        }
    }
    if let Some(t) = &r.review {
        let _ = writeln!(s, "reviewLitigation: {}", cells(&t.row));
    }
    // What the parser noticed (the rules' findings are snapshotted with their fixtures).
    for d in c.diagnostics.iter().filter(|d| d.code.starts_with("P-")) {
        let cell = d
            .cell
            .as_ref()
            .map(|c| format!(" {}/{}/{}", c.table.as_str(), c.row, c.column))
            .unwrap_or_default();
        let _ = writeln!(s, "{} {:?}{cell}: {}", d.code, d.severity, d.message.zh);
    }
    s
}

#[test]
fn corpus_models() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    let mut files = Vec::new();
    for dir in ["seeds", "reports", "excerpts"] {
        for e in std::fs::read_dir(root.join(dir)).unwrap() {
            files.push(format!(
                "{dir}/{}",
                e.unwrap().file_name().to_string_lossy()
            ));
        }
    }
    files.sort();
    assert!(files.len() >= 37);
    for rel in files {
        let name = rel.replace(['/', '.'], "_");
        insta::assert_snapshot!(name, summary(&rel));
    }
}
