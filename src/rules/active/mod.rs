//! T2-*: table 二, 主动公开政府信息情况 (SPEC §2.2, §3.3, §6.2).

mod t2_1_document_count_not_whole;
mod t2_2_in_force_count_too_low;
mod t2_3_regulations_from_county_body;
mod t2_4_fee_amount_in_yuan;
mod t2_5_new_documents_exceed_total;
mod t2_6_procurement_unit_mismatch;

use super::util::{term_value, TermValue};
use super::Rule;
use crate::model::Row;
use crate::parse::document::Compact;
use crate::source::Span;

pub static RULES: &[&dyn Rule] = &[
    &t2_1_document_count_not_whole::DocumentCountNotWhole,
    &t2_2_in_force_count_too_low::InForceCountTooLow,
    &t2_3_regulations_from_county_body::RegulationsFromCountyBody,
    &t2_4_fee_amount_in_yuan::FeeAmountInYuan,
    &t2_5_new_documents_exceed_total::NewDocumentsExceedTotal,
    &t2_6_procurement_unit_mismatch::ProcurementUnitMismatch,
];

/// The two rows of block 第二十条第（一）项: (key, Chinese name, English name).
pub(crate) const DOCUMENT_ROWS: [(&str, &str, &str); 2] = [
    ("regulations", "规章", "regulations (规章)"),
    (
        "normative_documents",
        "行政规范性文件",
        "normative documents",
    ),
];

/// Every reading of a row: one per candidate split when glued digits split more than one
/// way, else the cells as read. A rule that must not pick a split silently checks them all
/// and speaks only when every reading fails (and then asks for review).
pub(crate) fn readings(row: &Row) -> Vec<Vec<TermValue>> {
    if !row.candidates.is_empty() {
        return row
            .candidates
            .iter()
            .map(|c| c.iter().map(|&v| TermValue::Known(v)).collect())
            .collect();
    }
    vec![row.cells.iter().map(term_value).collect()]
}

/// The known numbers of one reading, or `None` when any of `cols` is not a number.
pub(crate) fn known(reading: &[TermValue], cols: &[usize]) -> Option<Vec<f64>> {
    cols.iter()
        .map(|&c| match reading.get(c) {
            Some(TermValue::Known(v)) => Some(*v),
            _ => None,
        })
        .collect()
}

/// Whether all are whole numbers ≥ 0 (counts that other rules can compare; a negative or
/// fractional count is T2-1's or S-4's finding, not a second one here).
pub(crate) fn counts(values: &[f64]) -> bool {
    values.iter().all(|v| *v >= 0.0 && v.fract() == 0.0)
}

/// "6 | 9 | 3665" for messages.
pub(crate) fn reading_text(values: &[f64]) -> String {
    values
        .iter()
        .map(|v| super::util::fmt(*v))
        .collect::<Vec<_>>()
        .join(" | ")
}

/// A unit of money written in a table.
#[derive(Clone, Copy, PartialEq, Debug)]
pub(crate) enum Unit {
    Yuan,
    TenThousand,
}

pub(crate) fn unit_of(s: &str) -> Option<Unit> {
    if s.contains("万元") {
        Some(Unit::TenThousand)
    } else if s.contains('元') {
        Some(Unit::Yuan)
    } else {
        None
    }
}

pub(crate) fn unit_zh(u: Unit) -> &'static str {
    match u {
        Unit::Yuan => "元",
        Unit::TenThousand => "万元",
    }
}

pub(crate) fn unit_en(u: Unit) -> &'static str {
    match u {
        Unit::Yuan => "yuan",
        Unit::TenThousand => "万元 (10,000 yuan)",
    }
}

/// The unit written in a table header after `header` (“采购总金额（万元）”,
/// “本年收费金额（单位：元）”), when the row label `row` follows within a few characters, and
/// where it is (analysis text).
/// (The folded view is built here and dropped when done, rather than kept for every rule:
/// it takes about nine bytes per byte of text.)
pub(crate) fn header_unit(text: &str, header: &str, row: &str) -> Option<(Unit, Span)> {
    let compact = Compact::new(text, Span::new(0, text.len()));
    let c = compact.text.as_str();
    for (i, k) in c.match_indices(header) {
        let after = &c[i + k.len()..];
        // The row label within 16 characters: search no further than that.
        let near = after.char_indices().nth(17).map_or(after.len(), |(p, _)| p);
        let window = &after[..crate::source::LineIndex::clamp(after, near + row.len())];
        let Some(j) = window.find(row) else { continue };
        if after[..j].chars().count() > 16 {
            continue;
        }
        return unit_of(&after[..j]).map(|u| {
            (
                u,
                Span::new(compact.orig(i), compact.orig_end(i + k.len() + j)),
            )
        });
    }
    None
}
