//! Digits run together (issue 16, item 3): in the corpus reports whose tables 三 and 四 are
//! flattened into digit runs ("640020470"), a +1 change to any one cell's digits in the text
//! must give a finding at that cell's row or column — an error (the row's own total no longer
//! fits any split, P-12; or a column identity fails), or, where the changed digits happen to
//! split another consistent way, a finding that asks a person to look (P-3) at that row.
//! Every cell is changed, ambiguous rows included. Nothing passes silently.

mod common;
use nianbao::api::{self, CheckOptions, KindOption};
use nianbao::diagnostic::{Outcome, Severity};
use nianbao::model::{TableId, Value};

const GLUED: &[&str] = &[
    "reports/pingtan-2019.txt",
    "reports/pingtan-2021.txt",
    "reports/pingtan-2022.txt",
    "reports/pingtan-2025.txt",
];

fn check(src: &str) -> api::Checked {
    api::check(
        src,
        &CheckOptions {
            kind: KindOption::Text,
            ..Default::default()
        },
    )
}

/// A cell of tables 三 and 四 with its span in the text: (table, row key, column, span, digits).
type Target = (TableId, String, usize, (usize, usize), u64);

fn cells(c: &api::Checked) -> Vec<Target> {
    let r = c.report();
    let mut out = Vec::new();
    let mut push = |table: TableId, key: &str, col: usize, cell: &nianbao::model::Cell| {
        let v = match &cell.value {
            Value::Number { value, .. } => *value,
            Value::Ambiguous { candidates } => candidates[0],
            _ => return,
        };
        if let Some(s) = cell.span.filter(|s| s.end > s.start) {
            let raw: u64 = match cell.raw.trim().parse() {
                Ok(x) => x,
                Err(_) => return,
            };
            let _ = v;
            out.push((table, key.to_string(), col, (s.start, s.end), raw));
        }
    };
    if let Some(t) = &r.requests {
        for row in &t.rows {
            for (i, cell) in row.cells.iter().enumerate() {
                push(TableId::Requests, &row.key, i, cell);
            }
        }
    }
    if let Some(t) = &r.review {
        for (i, cell) in t.row.cells.iter().enumerate() {
            push(TableId::ReviewLitigation, "values", i, cell);
        }
    }
    out
}

#[test]
fn every_changed_cell_of_a_glued_report_is_found() {
    let mut misses = Vec::new();
    let mut changes = 0;
    let (mut errors, mut reviews) = (0, 0);
    for rel in GLUED {
        let src = std::fs::read_to_string(common::corpus_path(rel)).unwrap();
        let base = check(&src);
        let targets = cells(&base);
        assert!(
            targets.len() > 100,
            "{rel}: tables 三 and 四 read ({} cells)",
            targets.len()
        );
        for (table, key, col, (s, e), raw) in targets {
            changes += 1;
            let changed = format!("{}{}{}", &src[..s], raw + 1, &src[e..]);
            let c = check(&changed);
            let group = |x: usize| x / 5;
            let at_row_or_column = |d: &nianbao::diagnostic::Diagnostic| {
                d.cell.as_ref().is_some_and(|cell| {
                    cell.table == table
                        && (cell.row == key
                            || table == TableId::Requests && cell.column == col
                            || table == TableId::ReviewLitigation
                                && group(cell.column) == group(col))
                })
            };
            let error = c
                .diagnostics
                .iter()
                .any(|d| d.severity == Severity::Error && at_row_or_column(d));
            let review = c.diagnostics.iter().any(|d| {
                d.outcome == Outcome::NeedsReview
                    && d.cell
                        .as_ref()
                        .is_some_and(|cell| cell.table == table && cell.row == key)
            });
            errors += usize::from(error);
            reviews += usize::from(!error && review);
            if !error && !review {
                misses.push(format!(
                    "{rel}: {}.{key}[{col}] {raw} → {}: {:?}",
                    table.as_str(),
                    raw + 1,
                    c.diagnostics
                        .iter()
                        .filter(|d| d.severity != Severity::Notice)
                        .map(|d| format!("{} {}", d.code, d.message.en))
                        .collect::<Vec<_>>()
                ));
            }
        }
    }
    eprintln!("glued reports: {changes} changes, {errors} found as errors at their row or column, {reviews} as a split to look at");
    assert!(
        misses.is_empty(),
        "{} of {changes} changes went unnoticed:\n{}",
        misses.len(),
        misses.join("\n")
    );
}
