//! Helpers shared by rules: reading cells, evaluating identities with blanks, formatting.

use crate::diagnostic::{Msg, Related};
use crate::model::{Cell, CellRef, Report, Row, TableId, Value};
use crate::source::Span;
use crate::template::{self, REQUEST_COLUMNS, REQUEST_COLUMNS_EN};

/// Format a number for messages: integers without a fraction.
pub fn fmt(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        let s = format!("{v:.6}");
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    }
}

/// A cell as a term of an identity.
#[derive(Clone, Debug)]
pub struct Term {
    pub cell: CellRef,
    pub span: Option<Span>,
    pub value: TermValue,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum TermValue {
    Known(f64),
    /// Blank or a dash: an unknown number ≥ 0.
    Blank,
    /// Unreadable, ambiguous or missing: the identity cannot be checked.
    Unknown,
    /// A whole row the text does not have (cut short, or a label not found): like a blank, an
    /// unknown number ≥ 0, so that an identity fails only when it fails whatever it stands for.
    Absent,
}

impl Term {
    /// A row of table 三 that the text does not have.
    pub fn absent(table: TableId, key: &str, col: usize) -> Term {
        Term {
            cell: CellRef::new(table, key, col),
            span: None,
            value: TermValue::Absent,
        }
    }
}

pub fn term(table: TableId, row: &Row, col: usize) -> Term {
    let cell = row.cells.get(col);
    Term {
        cell: CellRef::new(table, &row.key, col),
        span: cell.and_then(|c| c.span),
        value: cell.map(term_value).unwrap_or(TermValue::Unknown),
    }
}

pub fn term_value(c: &Cell) -> TermValue {
    match &c.value {
        Value::Number { value, .. } => TermValue::Known(*value),
        Value::Blank | Value::Dash { .. } => TermValue::Blank,
        _ => TermValue::Unknown,
    }
}

/// The outcome of `Σ left = Σ right`.
#[derive(Clone, Debug, PartialEq)]
pub enum Eval {
    Holds,
    /// Fails whatever non-negative numbers the blank cells stand for. `left`/`right` are the
    /// sums with blanks read as 0; `blanks` says whether any were.
    Fails {
        left: f64,
        right: f64,
        blanks: bool,
    },
    /// Blank cells could make it hold (or not): not checkable.
    Blanks,
    /// A cell could not be read.
    Unreadable,
}

pub fn eval(left: &[Term], right: &[Term]) -> Eval {
    let side = |t: &[Term]| -> Option<(f64, bool)> {
        let mut sum = 0.0;
        let mut blank = false;
        for x in t {
            match x.value {
                TermValue::Known(v) => sum += v,
                TermValue::Blank | TermValue::Absent => blank = true,
                TermValue::Unknown => return None,
            }
        }
        Some((sum, blank))
    };
    let (Some((l, lb)), Some((r, rb))) = (side(left), side(right)) else {
        return Eval::Unreadable;
    };
    let eq = (l - r).abs() < 1e-6;
    match (lb, rb) {
        (false, false) if eq => Eval::Holds,
        (false, false) => Eval::Fails {
            left: l,
            right: r,
            blanks: false,
        },
        (true, true) => Eval::Blanks,
        // Blanks only on the left can only raise it.
        (true, false) if l <= r + 1e-6 => Eval::Blanks,
        (false, true) if r <= l + 1e-6 => Eval::Blanks,
        _ => Eval::Fails {
            left: l,
            right: r,
            blanks: true,
        },
    }
}

/// "20 + 0 + 1" with blanks shown as "空".
pub fn sum_text(terms: &[Term]) -> String {
    if terms.is_empty() {
        return "0".into();
    }
    terms
        .iter()
        .map(|t| match t.value {
            TermValue::Known(v) => fmt(v),
            TermValue::Blank => "空".into(),
            TermValue::Unknown => "?".into(),
            TermValue::Absent => "缺".into(),
        })
        .collect::<Vec<_>>()
        .join(" + ")
}

pub fn sum_known(terms: &[Term]) -> f64 {
    terms
        .iter()
        .filter_map(|t| {
            if let TermValue::Known(v) = t.value {
                Some(v)
            } else {
                None
            }
        })
        .sum()
}

/// Column names of table 三.
pub fn col_zh(c: usize) -> &'static str {
    REQUEST_COLUMNS.get(c).copied().unwrap_or("?")
}
pub fn col_en(c: usize) -> &'static str {
    REQUEST_COLUMNS_EN.get(c).copied().unwrap_or("?")
}

/// A row label of table 三, with numbering.
pub fn row_zh(key: &str) -> String {
    template::request_row(key)
        .map(|r| r.full_label())
        .unwrap_or_else(|| key.to_string())
}

/// Short English names of table 三 rows.
pub fn row_en(key: &str) -> String {
    match key {
        "new" => "new requests this year".into(),
        "carried_over" => "carried over from last year".into(),
        "granted" => "(1) disclosed".into(),
        "partial" => "(2) partly disclosed".into(),
        "total" => "(7) total handled".into(),
        "carried_forward" => "carried forward to next year".into(),
        "other" => "(6) handled otherwise".into(),
        k => k.replace('_', " "),
    }
}

/// A related location pointing at a cell.
pub fn related(report: &Report, cell: CellRef, zh: String, en: String) -> Related {
    let span = cell_span(report, &cell);
    Related {
        span,
        cell: Some(cell),
        message: Msg::new(zh, en),
    }
}

/// The source span of a cell.
pub fn cell_span(report: &Report, cell: &CellRef) -> Option<Span> {
    let row = match cell.table {
        TableId::Requests => report.requests.as_ref().and_then(|t| t.row(&cell.row)),
        TableId::Active => report.active.as_ref().and_then(|t| t.row(&cell.row)),
        TableId::ReviewLitigation => report.review.as_ref().map(|t| &t.row),
    }?;
    row.cells
        .get(cell.column)
        .and_then(|c| c.span)
        .or(row.label_span)
}
