//! The arithmetic of table 三, analysed once for T3-1, T3-2 and T3-3, so that one wrong cell
//! is reported once, at its root cause (SPEC §6.3 T3-5).
//!
//! - T3-3, per row: 自然人 + 商业企业 + 科研机构 + 社会公益组织 + 法律服务机构 + 其他 = 总计.
//! - T3-2, per column: （七）总计 = Σ outcome rows (（一）…（六）, the report's own sub-items too).
//! - T3-1, per column: 一 + 二 = （七）总计 + 四 (the identity printed in the table header).
//!
//! A cell on a failing row and a failing column, with the same discrepancy, is the root
//! cause: it is reported once (as T3-3, the row finding), with the column identities it
//! breaks as related locations. The 总计 column's failures that follow from failures in the
//! applicant columns are told with those, not on their own.

use crate::model::{CellRef, Report, Row, TableId};
pub use crate::rules::util::Eval;
use crate::rules::util::{eval, term, Term};
use crate::template::RequestGroup;
use std::collections::HashMap;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Kind {
    /// T3-3 on a row (its key).
    Row(usize),
    /// T3-2 on a column.
    Outcomes(usize),
    /// T3-1 on a column.
    Balance(usize),
}

#[derive(Clone, Debug)]
pub struct Identity {
    pub kind: Kind,
    pub left: Vec<Term>,
    pub right: Vec<Term>,
    pub eval: Eval,
}

impl Identity {
    pub fn delta(&self) -> Option<f64> {
        match self.eval {
            Eval::Fails { left, right, .. } => Some(left - right),
            _ => None,
        }
    }
    pub fn cells(&self) -> impl Iterator<Item = &Term> {
        self.left.iter().chain(self.right.iter())
    }
    pub fn has(&self, cell: &CellRef) -> bool {
        self.cells().any(|t| &t.cell == cell)
    }
    /// The sign with which a cell enters `left − right`.
    fn sign_of(&self, cell: &CellRef) -> f64 {
        if self.left.iter().any(|t| &t.cell == cell) {
            1.0
        } else {
            -1.0
        }
    }
}

/// One finding to report.
#[derive(Clone, Debug)]
pub struct Finding {
    pub code: &'static str,
    /// The identity the finding is about.
    pub main: Identity,
    /// The cell to blame (or the cell where the identity's result is printed).
    pub cell: CellRef,
    /// Whether `cell` is a root cause found at a row/column crossing.
    pub crossing: bool,
    /// Other identities broken by the same cause.
    pub also: Vec<Identity>,
}

pub struct Analysis {
    pub rows: Vec<Row>,
    pub identities: Vec<Identity>,
    pub findings: Vec<Finding>,
}

fn outcome_group(g: RequestGroup) -> bool {
    matches!(
        g,
        RequestGroup::Outcome
            | RequestGroup::Denied
            | RequestGroup::Unable
            | RequestGroup::Rejected
            | RequestGroup::Other
    )
}

/// A row's label says it is a subtotal (checked by T3-4, not counted as an outcome).
pub fn is_subtotal(label: &str) -> bool {
    label.contains("小计") || label.contains("合计")
}

pub fn analyse(report: &Report) -> Option<Analysis> {
    let t = report.requests.as_ref()?;
    // Rows in template order, the report's own outcome sub-items included.
    let mut rows: Vec<(Row, RequestGroup)> = t
        .rows
        .iter()
        .map(|r| {
            (
                r.clone(),
                crate::template::request_row(&r.key)
                    .map(|s| s.group)
                    .unwrap_or(RequestGroup::Other),
            )
        })
        .collect();
    // (Their keys, `extra:N`, are the ones `tables.requests.extraRows` carries.)
    for e in t.extra_rows.iter().filter(|e| !is_subtotal(&e.label)) {
        rows.push((e.row.clone(), e.group));
    }
    let get = |key: &str| rows.iter().find(|(r, _)| r.key == key).map(|(r, _)| r);
    let mut ids = Vec::new();
    for (i, (row, _)) in rows.iter().enumerate() {
        if row.cells.len() < 7
            || row.key.starts_with("extra:") && !row.cells.iter().any(|c| c.number().is_some())
        {
            continue;
        }
        let left: Vec<Term> = (0..6).map(|c| term(TableId::Requests, row, c)).collect();
        let right = vec![term(TableId::Requests, row, 6)];
        let eval = eval(&left, &right);
        ids.push(Identity {
            kind: Kind::Row(i),
            left,
            right,
            eval,
        });
    }
    let total = get("total");
    // Outcome rows of the template that the text does not have, unless the report's own
    // sub-items stand for their group: unknown numbers ≥ 0 in T3-2.
    let absent: Vec<&'static str> = crate::template::request_rows(report.format)
        .filter(|s| outcome_group(s.group) && get(s.key).is_none())
        .filter(|s| !t.extra_rows.iter().any(|e| e.group == s.group))
        .map(|s| s.key)
        .collect();
    for c in 0..7 {
        if let Some(total) = total {
            let mut left: Vec<Term> = rows
                .iter()
                .filter(|(_, g)| outcome_group(*g))
                .map(|(r, _)| term(TableId::Requests, r, c))
                .collect();
            left.extend(absent.iter().map(|k| Term::absent(TableId::Requests, k, c)));
            if !left.is_empty() {
                let right = vec![term(TableId::Requests, total, c)];
                let eval = eval(&left, &right);
                ids.push(Identity {
                    kind: Kind::Outcomes(c),
                    left,
                    right,
                    eval,
                });
            }
        }
        if let (Some(new), Some(carried), Some(total), Some(forward)) = (
            get("new"),
            get("carried_over"),
            total,
            get("carried_forward"),
        ) {
            let left = vec![
                term(TableId::Requests, new, c),
                term(TableId::Requests, carried, c),
            ];
            let right = vec![
                term(TableId::Requests, total, c),
                term(TableId::Requests, forward, c),
            ];
            let eval = eval(&left, &right);
            ids.push(Identity {
                kind: Kind::Balance(c),
                left,
                right,
                eval,
            });
        }
    }
    let findings = attribute(
        &ids,
        &rows.iter().map(|(r, _)| r.clone()).collect::<Vec<_>>(),
    );
    Some(Analysis {
        rows: rows.into_iter().map(|(r, _)| r).collect(),
        identities: ids,
        findings,
    })
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-6
}

fn attribute(ids: &[Identity], rows: &[Row]) -> Vec<Finding> {
    let failing: Vec<&Identity> = ids.iter().filter(|i| i.delta().is_some()).collect();
    let mut used = vec![false; failing.len()];
    let mut out = Vec::new();
    // The failing column identities (T3-2, T3-1: at most 14) with the sign of each of their
    // cells, so that the crossing search below stays linear in the number of rows.
    let columns: Vec<(usize, HashMap<&CellRef, f64>)> = failing
        .iter()
        .enumerate()
        .filter(|(_, id)| !matches!(id.kind, Kind::Row(_)))
        .map(|(k, id)| {
            let mut signs: HashMap<&CellRef, f64> =
                id.right.iter().map(|t| (&t.cell, -1.0)).collect();
            signs.extend(id.left.iter().map(|t| (&t.cell, 1.0)));
            (k, signs)
        })
        .collect();
    // 1. Crossings: a failing row and failing column identities through one cell, all off by
    //    the amount that cell would explain.
    for (ri, row_id) in failing.iter().enumerate() {
        let Kind::Row(r) = row_id.kind else { continue };
        let rd = row_id.delta().unwrap_or(0.0);
        let mut best: Option<(usize, Vec<usize>)> = None;
        for c in 0..7 {
            let cell = CellRef::new(TableId::Requests, &rows[r].key, c);
            // A change of x in this cell moves the row's (left − right) by s_row·x.
            let s_row = row_id.sign_of(&cell);
            let x = rd / s_row;
            let cols: Vec<usize> = columns
                .iter()
                .filter(|(k, signs)| {
                    !used[*k]
                        && signs
                            .get(&cell)
                            .is_some_and(|s| close(failing[*k].delta().unwrap_or(0.0), s * x))
                })
                .map(|(k, _)| *k)
                .collect();
            // Prefer the crossing that explains the most identities; the applicant columns
            // before the 总计 column on ties.
            if !cols.is_empty() && best.as_ref().is_none_or(|(_, b)| cols.len() > b.len()) {
                best = Some((c, cols));
            }
        }
        if let Some((c, cols)) = best {
            used[ri] = true;
            for &k in &cols {
                used[k] = true;
            }
            out.push(Finding {
                code: "T3-3",
                main: (*row_id).clone(),
                cell: CellRef::new(TableId::Requests, &rows[r].key, c),
                crossing: true,
                also: cols.iter().map(|&k| failing[k].clone()).collect(),
            });
        }
    }
    // 2. T3-2 and T3-1 failing in the same column by the same amount: the （七）总计 cell is
    //    in both.
    for c in 0..7 {
        let o = failing.iter().position(|id| id.kind == Kind::Outcomes(c));
        let b = failing.iter().position(|id| id.kind == Kind::Balance(c));
        if let (Some(o), Some(b)) = (o, b) {
            if !used[o] && !used[b] {
                let (od, bd) = (
                    failing[o].delta().unwrap_or(0.0),
                    failing[b].delta().unwrap_or(0.0),
                );
                // 总计 is on the right of T3-2 (left − right = Σ − 总计) and on the right of T3-1.
                if close(od, -bd) {
                    used[o] = true;
                    used[b] = true;
                    let cell = failing[o].right[0].cell.clone();
                    out.push(Finding {
                        code: "T3-2",
                        main: failing[o].clone(),
                        cell,
                        crossing: true,
                        also: vec![failing[b].clone()],
                    });
                }
            }
        }
    }
    // 3. Column identities left: the 总计 column's failure that follows from the applicant
    //    columns' (all rows adding up) is told with them.
    let rows_hold = !failing
        .iter()
        .enumerate()
        .any(|(k, id)| matches!(id.kind, Kind::Row(_)) && !used[k]);
    for kind_of in [
        Kind::Outcomes as fn(usize) -> Kind,
        Kind::Balance as fn(usize) -> Kind,
    ] {
        let applicant: Vec<usize> = (0..6)
            .filter_map(|c| failing.iter().position(|id| id.kind == kind_of(c)))
            .filter(|&k| !used[k])
            .collect();
        let total_col = failing
            .iter()
            .position(|id| id.kind == kind_of(6))
            .filter(|&k| !used[k]);
        let sum: f64 = applicant
            .iter()
            .map(|&k| failing[k].delta().unwrap_or(0.0))
            .sum();
        let mut cascade = None;
        if let Some(t) = total_col {
            if rows_hold && !applicant.is_empty() && close(failing[t].delta().unwrap_or(0.0), sum) {
                used[t] = true;
                cascade = Some(failing[t].clone());
            }
        }
        for (n, &k) in applicant
            .iter()
            .chain(total_col.filter(|_| cascade.is_none()).iter())
            .enumerate()
        {
            used[k] = true;
            let id = failing[k].clone();
            let (code, cell) = match id.kind {
                Kind::Outcomes(_) => ("T3-2", id.right[0].cell.clone()),
                _ => ("T3-1", id.left[0].cell.clone()),
            };
            let also = if n == 0 {
                cascade.clone().into_iter().collect()
            } else {
                Vec::new()
            };
            out.push(Finding {
                code,
                main: id,
                cell,
                crossing: false,
                also,
            });
        }
    }
    // 4. Rows left: the six columns against 总计.
    for (k, id) in failing.iter().enumerate() {
        if !used[k] {
            if let Kind::Row(_) = id.kind {
                let cell = id.right[0].cell.clone();
                out.push(Finding {
                    code: "T3-3",
                    main: (*id).clone(),
                    cell,
                    crossing: false,
                    also: Vec::new(),
                });
            }
        }
    }
    out
}
