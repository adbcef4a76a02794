//! Metamorphic test over the corpus (SPEC §6.3, issue 3): in every report whose tables add
//! up, changing any single numeric cell of table 三 or 四 by ±1 or ±10 yields an error that
//! points at that cell's row or column; unchanged, no arithmetic error.
//!
//! The change is made in the parsed model (the cell's value), so that the digits of
//! flattened text do not re-split differently; the rules are run on it as on any report.

mod common;
use nianbao::diagnostic::Severity;
use nianbao::model::{TableId, Value};
use nianbao::rules::{self, RuleConfig, RuleCtx};

const REPORTS: &[&str] = &[
    "seeds/000_6a976b2651f86c68.txt",
    "seeds/001_2de537dbf11b8123.txt",
    "seeds/004_046dc01fb9bbe87a.txt",
    "reports/pingtan-2019.txt",
    "reports/pingtan-2021.txt",
    "reports/pingtan-2022.txt",
    "reports/pingtan-2022.html",
    "reports/pingtan-2025.txt",
    "reports/huaian-2024.txt",
];

fn arithmetic_errors(ctx: &RuleCtx) -> Vec<nianbao::diagnostic::Diagnostic> {
    rules::run(ctx, &RuleConfig::default())
        .into_iter()
        .filter(|d| {
            d.severity == Severity::Error
                && (d.code.starts_with("T3") || d.code.starts_with("T4") || d.code == "S-4")
        })
        .collect()
}

#[test]
fn one_changed_cell_is_found_at_its_row_or_column() {
    let mut misses = Vec::new();
    let mut mutations = 0;
    let mut skipped = 0;
    for rel in REPORTS {
        let checked = common::check_path(&common::corpus_path(rel));
        let base = checked.parsed.clone();
        let errs = arithmetic_errors(&RuleCtx::new(&base, None));
        assert!(
            errs.is_empty(),
            "{rel} does not add up as it is: {:?}",
            errs.iter().map(|e| &e.message.en).collect::<Vec<_>>()
        );
        // Every numeric cell of table 三 (template rows) and table 四 — except those whose row
        // or column holds digits that split more than one way: their identities cannot be
        // checked at all (P-3 says so), changed or not.
        let mut targets: Vec<(TableId, String, usize)> = Vec::new();
        if let Some(t) = &base.report.requests {
            let ambiguous = |c: &nianbao::model::Cell| matches!(c.value, Value::Ambiguous { .. });
            let bad_cols: Vec<usize> = (0..7)
                .filter(|&c| t.rows.iter().any(|r| r.cells.get(c).is_some_and(ambiguous)))
                .collect();
            for row in &t.rows {
                if row.cells.iter().any(ambiguous) {
                    skipped += row.cells.len();
                    continue;
                }
                for (c, cell) in row.cells.iter().enumerate() {
                    if bad_cols.contains(&c) {
                        skipped += 1;
                        continue;
                    }
                    if matches!(cell.value, Value::Number { .. }) {
                        targets.push((TableId::Requests, row.key.clone(), c));
                    }
                }
            }
        }
        if let Some(t) = &base.report.review {
            for (c, cell) in t.row.cells.iter().enumerate() {
                if matches!(cell.value, Value::Number { .. }) {
                    targets.push((TableId::ReviewLitigation, "values".into(), c));
                }
            }
        }
        assert!(!targets.is_empty(), "{rel}: no cells to change");
        for (table, key, col) in targets {
            for delta in [-10.0, -1.0, 1.0, 10.0] {
                let mut p = base.clone();
                let cell = match table {
                    TableId::Requests => p
                        .report
                        .requests
                        .as_mut()
                        .unwrap()
                        .rows
                        .iter_mut()
                        .find(|r| r.key == key)
                        .unwrap()
                        .cells
                        .get_mut(col)
                        .unwrap(),
                    _ => p
                        .report
                        .review
                        .as_mut()
                        .unwrap()
                        .row
                        .cells
                        .get_mut(col)
                        .unwrap(),
                };
                if let Value::Number { value, .. } = &mut cell.value {
                    *value += delta;
                }
                mutations += 1;
                let errs = arithmetic_errors(&RuleCtx::new(&p, None));
                let hit = errs.iter().any(|e| {
                    std::iter::once(e.cell.as_ref())
                        .chain(e.related.iter().map(|r| r.cell.as_ref()))
                        .flatten()
                        .any(|c| c.table == table && (c.row == key || c.column == col))
                });
                if !hit {
                    misses.push(format!(
                        "{rel}: {}.{key}[{col}] {delta:+}: {:?}",
                        table.as_str(),
                        errs.iter()
                            .map(|e| format!("{} {:?}", e.code, e.cell))
                            .collect::<Vec<_>>()
                    ));
                }
            }
        }
    }
    assert!(
        mutations > 1000 && skipped < mutations / 10,
        "only {mutations} mutations ({skipped} cells skipped)"
    );
    assert!(
        misses.is_empty(),
        "{} of {mutations} changes not found:\n{}",
        misses.len(),
        misses.join("\n")
    );
}
