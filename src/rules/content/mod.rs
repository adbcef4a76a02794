//! N-*: the prose of sections 一, 五 and 六 — length, emptiness, enumeration, the
//! information-processing fee and, for governments, assessment, public appraisal and
//! accountability. (N-5 and N-6 of SPEC §6.7 are design notes, not rules: fee amounts cannot
//! be checked without per-case data, and 行政事业性收费 in table 二 is not 信息处理费.)

mod n1_overview_too_long;
mod n2_problems_section_empty;
mod n3_enumeration_broken;
mod n4_processing_fee_not_reported;
mod n7_accountability_not_reported;

use super::narrative::scan::{section_body, Flat};
use super::{Rule, RuleCtx};
use crate::parse::document::is_han;

pub static RULES: &[&dyn Rule] = &[
    &n1_overview_too_long::OverviewTooLong,
    &n2_problems_section_empty::ProblemsSectionEmpty,
    &n3_enumeration_broken::EnumerationBroken,
    &n4_processing_fee_not_reported::ProcessingFeeNotReported,
    &n7_accountability_not_reported::AccountabilityNotReported,
];

/// Chinese characters (ideographs only: no punctuation, digits or white space) of a
/// section's body, leaving out the cells of the standard tables.
pub(crate) fn han_count(ctx: &RuleCtx, number: u8) -> Option<usize> {
    let body = section_body(ctx, number)?;
    let flat = Flat::new(ctx, body, number);
    // Plain text keeps a table inline: stop where table 二 starts if it sits in here.
    let t = flat.text.as_str();
    let end = ["第二十条第(一)项", "第二十条第（一）项"]
        .iter()
        .filter_map(|m| t.find(m))
        .min()
        .unwrap_or(t.len());
    Some(t[..end].chars().filter(|&c| is_han(c)).count())
}

/// The heading's span (source) of a section.
pub(crate) fn heading_span(ctx: &RuleCtx, number: u8) -> Option<crate::source::Span> {
    ctx.report
        .sections
        .iter()
        .find(|s| s.number == number)
        .map(|s| s.heading_span)
}
