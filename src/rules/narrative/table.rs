//! Table values as the X-* rules compare them: exact, or only a lower bound when blank cells
//! had to be read as 0 (a blank is an unknown number ≥ 0, never silently 0).

use crate::model::{Cell, CellRef, Report, TableId, Value};
use crate::rules::util::fmt;
use crate::source::Span;
use crate::template::{self, RequestGroup};

/// A table value.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum Val {
    Exact(f64),
    /// Blank cells were read as 0: the true value is this or more.
    AtLeast(f64),
}

impl Val {
    pub fn value(self) -> f64 {
        match self {
            Val::Exact(v) | Val::AtLeast(v) => v,
        }
    }
    pub fn add(self, o: Val) -> Val {
        match (self, o) {
            (Val::Exact(a), Val::Exact(b)) => Val::Exact(a + b),
            (a, b) => Val::AtLeast(a.value() + b.value()),
        }
    }
    pub fn is_exact(self) -> bool {
        matches!(self, Val::Exact(_))
    }
    /// Does a number written in the text agree with this value?
    pub fn agrees(self, n: f64) -> bool {
        match self {
            Val::Exact(v) => (v - n).abs() < 1e-6,
            // Blanks could stand for anything ≥ 0: only a smaller number is certainly wrong.
            Val::AtLeast(v) => n + 1e-6 >= v,
        }
    }
    pub fn text(self) -> String {
        fmt(self.value())
    }
}

/// One cell (or one row's total) taking part in a comparison.
#[derive(Clone, Debug)]
pub(crate) struct Part {
    pub cell: CellRef,
    pub span: Option<Span>,
    pub val: Val,
    /// The 总计 cell was not a number and the value is the sum of the applicant columns.
    pub from_columns: bool,
    /// Blank cells were read as 0.
    pub blanks: bool,
}

fn cell_val(c: &Cell) -> Option<(f64, bool)> {
    match &c.value {
        Value::Number { value, .. } => Some((*value, false)),
        Value::Blank | Value::Dash { .. } => Some((0.0, true)),
        _ => None,
    }
}

/// One cell of table 三 (`col` 0–6). Blank reads as “≥ 0”.
pub(crate) fn req_cell(report: &Report, key: &str, col: usize) -> Option<Part> {
    let row = report.requests.as_ref()?.row(key)?;
    let c = row.cells.get(col)?;
    let (v, blank) = cell_val(c)?;
    Some(Part {
        cell: CellRef::new(TableId::Requests, key, col),
        span: c.span.or(row.label_span),
        val: if blank {
            Val::AtLeast(v)
        } else {
            Val::Exact(v)
        },
        from_columns: false,
        blanks: blank,
    })
}

/// A row's 总计 of table 三; when that cell is not a number, the sum of the six applicant
/// columns (blank ones read as 0, which makes the value a lower bound).
pub(crate) fn req_total(report: &Report, key: &str) -> Option<Part> {
    let row = report.requests.as_ref()?.row(key)?;
    let total = row.cells.get(6)?;
    let cell = CellRef::new(TableId::Requests, key, 6);
    let span = total.span.or(row.label_span);
    if let Some(v) = total.number() {
        return Some(Part {
            cell,
            span,
            val: Val::Exact(v),
            from_columns: false,
            blanks: false,
        });
    }
    let mut sum = 0.0;
    let mut blanks = total.value.is_empty_like();
    for c in row.cells.iter().take(6) {
        let (v, b) = cell_val(c)?;
        sum += v;
        blanks |= b;
    }
    let any_blank_part = row.cells.iter().take(6).any(|c| c.value.is_empty_like());
    Some(Part {
        cell,
        span,
        val: if any_blank_part {
            Val::AtLeast(sum)
        } else {
            Val::Exact(sum)
        },
        from_columns: true,
        blanks,
    })
}

/// The rows of an outcome group of table 三 in the report's format.
pub(crate) fn group_rows(report: &Report, group: RequestGroup) -> Vec<&'static template::RowSpec> {
    template::request_rows(report.format)
        .filter(|r| r.group == group)
        .collect()
}

/// Σ of a list of parts.
pub(crate) fn sum(parts: &[Part]) -> Option<Val> {
    let mut it = parts.iter();
    let first = it.next()?.val;
    Some(it.fold(first, |acc, p| acc.add(p.val)))
}

/// “265 + 47 + 25”.
pub(crate) fn terms(parts: &[Part]) -> String {
    parts
        .iter()
        .map(|p| p.val.text())
        .collect::<Vec<_>>()
        .join(" + ")
}

/// A note on how blanks were read, when any were.
pub(crate) fn blank_note(parts: &[Part]) -> Option<crate::diagnostic::Msg> {
    let cols = parts.iter().any(|p| p.from_columns);
    let blanks = parts.iter().any(|p| p.blanks || !p.val.is_exact());
    match (cols, blanks) {
        (true, _) => Some(crate::diagnostic::Msg::new(
            "表中“总计”列为空的行按各申请人类别之和计；空白单元格按0计，表中实际数只会更大",
            "rows whose total cell is blank were summed over the applicant columns; blank cells were read as 0, so the table's true value can only be larger",
        )),
        (false, true) => {
            Some(crate::diagnostic::Msg::new("空白单元格按0计，表中实际数只会更大", "blank cells were read as 0, so the table's true value can only be larger"))
        }
        _ => None,
    }
}

/// One cell of table 四 (`col` 0–14). Blank reads as “≥ 0”.
pub(crate) fn rev_cell(report: &Report, col: usize) -> Option<Part> {
    let row = &report.review.as_ref()?.row;
    let c = row.cells.get(col)?;
    let (v, blank) = cell_val(c)?;
    Some(Part {
        cell: CellRef::new(TableId::ReviewLitigation, "values", col),
        span: c.span,
        val: if blank {
            Val::AtLeast(v)
        } else {
            Val::Exact(v)
        },
        from_columns: false,
        blanks: blank,
    })
}

/// One cell of table 二; only a number counts (blank, dash and glued-digit ambiguity do not).
pub(crate) fn active_cell(report: &Report, key: &str, col: usize) -> Option<Part> {
    let row = report.active.as_ref()?.row(key)?;
    let c = row.cells.get(col)?;
    let v = c.number()?;
    Some(Part {
        cell: CellRef::new(TableId::Active, key, col),
        span: c.span.or(row.label_span),
        val: Val::Exact(v),
        from_columns: false,
        blanks: false,
    })
}

/// Short numbering of a group of table 三: （三）…（六）.
pub(crate) fn group_prefix(g: RequestGroup) -> (&'static str, &'static str) {
    match g {
        RequestGroup::Denied => ("（三）", "(3)"),
        RequestGroup::Unable => ("（四）", "(4)"),
        RequestGroup::Rejected => ("（五）", "(5)"),
        RequestGroup::Other => ("（六）", "(6)"),
        RequestGroup::Outcome => ("（一）（二）", "(1)(2)"),
        _ => ("", ""),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lower_bounds_only_fail_below() {
        assert!(Val::AtLeast(275.0).agrees(300.0));
        assert!(!Val::AtLeast(275.0).agrees(258.0));
        assert!(Val::Exact(75.0).agrees(75.0));
        assert!(!Val::Exact(74.0).agrees(75.0));
        assert_eq!(Val::Exact(1.0).add(Val::AtLeast(2.0)), Val::AtLeast(3.0));
    }
}
