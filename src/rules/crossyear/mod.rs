//! Y-*: against last year's report from the same body (SPEC §6.6). Every rule here has
//! `needs_previous: true`, so the runner calls it only when last year's report was given.
//!
//! Y-4 is a design note, not a rule: the 2020 → 2021 change of format changed table 二's
//! columns (对外公开总数量 is not 现行有效件数; 上一年项目数量 no longer exists), so Y-2 runs
//! only when both reports are in the 2021 format and Y-3 only when both are in the 2019
//! format. Y-1 reads table 三's 上年结转 / 结转下年度 rows, which both formats share.

mod y_1_carry_over_mismatch;
mod y_2_in_force_chain_broken;
mod y_3_item_count_chain_broken;
mod y_5_problems_section_repeated;
mod y_6_report_repeated;

use super::util::TermValue;
use super::{Rule, RuleCtx};
use crate::diagnostic::Msg;
use crate::parse::document::is_han;
use crate::parse::Parsed;
use std::collections::HashSet;

pub static RULES: &[&dyn Rule] = &[
    &y_1_carry_over_mismatch::CarryOverMismatch,
    &y_2_in_force_chain_broken::InForceChainBroken,
    &y_3_item_count_chain_broken::ItemCountChainBroken,
    &y_5_problems_section_repeated::ProblemsSectionRepeated,
    &y_6_report_repeated::ReportRepeated,
];

/// Last year's report, when its numbers may be chained to this year's: its year is this
/// year − 1 (or one of the years is unknown).
pub(crate) fn previous_year_before<'a>(ctx: &RuleCtx<'a>) -> Option<&'a Parsed> {
    let prev = ctx.previous?;
    match (ctx.report.year, prev.report.year) {
        (Some(y), Some(p)) if p != y - 1 => None,
        _ => Some(prev),
    }
}

/// Last year's report, for the text comparisons: any earlier year (a report copied from two
/// years back is still a copy), never the same year or a later one (the same report given
/// twice, or the two swapped).
pub(crate) fn previous_earlier<'a>(ctx: &RuleCtx<'a>) -> Option<&'a Parsed> {
    let prev = ctx.previous?;
    match (ctx.report.year, prev.report.year) {
        (Some(y), Some(p)) if p >= y => None,
        _ => Some(prev),
    }
}

/// How to name the other report: "上年（2022年度）报告", or "2021年度报告" when it is not
/// last year's.
pub(crate) fn prev_name(ctx: &RuleCtx, prev: &Parsed) -> (String, String) {
    match (ctx.report.year, prev.report.year) {
        (Some(y), Some(p)) if p != y - 1 => (format!("{p}年度报告"), format!("the {p} report")),
        (_, Some(p)) => (
            format!("上年（{p}年度）报告"),
            format!("last year's ({p}) report"),
        ),
        _ => ("上年报告".into(), "last year's report".into()),
    }
}

/// A note when the two reports name different bodies.
pub(crate) fn other_body_note(ctx: &RuleCtx, prev: &Parsed) -> Option<Msg> {
    let a = crate::rules::meta::body::body(ctx.report)?;
    let b = crate::rules::meta::body::body(&prev.report)?;
    if a.name.contains(&b.name) || b.name.contains(&a.name) {
        return None;
    }
    Some(Msg::new(
        format!("两份报告的机关名称不同（“{}”与“{}”），请确认是同一机关、同一统计口径", a.name, b.name),
        format!(
            "the two reports name different bodies (“{}” and “{}”); make sure they are the same body with the same scope",
            a.name, b.name
        ),
    ))
}

/// How an identity between two readings came out over every combination of readings.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Chain {
    /// Some combination satisfies it: nothing to say.
    Holds,
    /// Every combination fails; `first` is the (left, right) of the first one.
    Fails { first: (f64, f64), combos: usize },
    /// A cell is not a number in some combination: not judged.
    Unknown,
}

/// Evaluate `left = right` over every combination of readings. `pick` returns, for one
/// reading of this year's row and one of last year's, the two sides, or `None` when a cell
/// is not a number (blank, dash, unreadable): that combination could hold, so the identity
/// is then not judged. It fails only when every combination is evaluated and fails.
pub(crate) fn chain(
    cur: &[Vec<TermValue>],
    prev: &[Vec<TermValue>],
    pick: impl Fn(&[TermValue], &[TermValue]) -> Option<(f64, f64)>,
) -> Chain {
    let mut first = None;
    let mut combos = 0usize;
    for c in cur.iter().take(200) {
        for p in prev.iter().take(200) {
            match pick(c, p) {
                Some((l, r)) if (l - r).abs() < 1e-6 => return Chain::Holds,
                Some((l, r)) => {
                    combos += 1;
                    first.get_or_insert((l, r));
                }
                None => return Chain::Unknown,
            }
        }
    }
    match first {
        Some(first) => Chain::Fails { first, combos },
        None => Chain::Unknown,
    }
}

/// A cell of a reading as a known number.
pub(crate) fn num(r: &[TermValue], c: usize) -> Option<f64> {
    match r.get(c) {
        Some(TermValue::Known(v)) => Some(*v),
        _ => None,
    }
}

/// The distinct values a column takes over the readings, for notes: "665、3665、65".
pub(crate) fn values_text(readings: &[Vec<TermValue>], col: usize) -> String {
    let mut seen: Vec<f64> = Vec::new();
    for r in readings {
        if let Some(v) = num(r, col) {
            if !seen.contains(&v) {
                seen.push(v);
            }
        }
    }
    let more = seen.len() > 6;
    let mut s = seen
        .iter()
        .take(6)
        .map(|v| super::util::fmt(*v))
        .collect::<Vec<_>>()
        .join("、");
    if more {
        s.push('…');
    }
    s
}

/// Normalised text for similarity: ideographs and Latin letters only (digits, punctuation,
/// white space and layout dropped, so changed numbers and years do not count).
pub(crate) fn normalise(s: &str) -> Vec<char> {
    s.chars()
        .filter(|&c| is_han(c) || c.is_ascii_alphabetic())
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

pub(crate) fn bigrams(chars: &[char]) -> HashSet<(char, char)> {
    chars.windows(2).map(|w| (w[0], w[1])).collect()
}

/// Jaccard similarity of two sets of bigrams.
pub(crate) fn jaccard(a: &HashSet<(char, char)>, b: &HashSet<(char, char)>) -> f64 {
    let inter = a.intersection(b).count();
    let union = a.len() + b.len() - inter;
    if union == 0 {
        0.0
    } else {
        inter as f64 / union as f64
    }
}

/// The body of a section (without its heading), in the report's analysis text.
pub(crate) fn section_body(p: &Parsed, number: u8) -> Option<&str> {
    let s = p.report.sections.iter().find(|s| s.number == number)?;
    let text = p.doc.text.as_str();
    let span = s.text_span;
    let start = crate::source::LineIndex::clamp(text, span.start);
    let end = crate::source::LineIndex::clamp(text, span.end);
    let body = &text[start..end.max(start)];
    Some(body.strip_prefix(s.heading.as_str()).unwrap_or(body))
}

/// Bigrams of the official template's own words (table labels, headings, column names):
/// every report in a format shares them, so they say nothing about copying.
pub(crate) static TEMPLATE_BIGRAMS: std::sync::LazyLock<HashSet<(char, char)>> =
    std::sync::LazyLock::new(|| {
        use crate::template::*;
        let mut words: Vec<String> = Vec::new();
        for r in REQUEST_ROWS {
            words.push(r.full_label());
        }
        for r in ACTIVE_ROWS_2021.iter().chain(ACTIVE_ROWS_2019) {
            words.push(r.label.to_string());
            words.push(r.block.to_string());
            words.extend(r.columns.iter().map(|c| c.to_string()));
        }
        for s in SECTIONS.iter() {
            words.push(s.heading.to_string());
        }
        words.extend(REQUEST_COLUMNS.iter().map(|c| c.to_string()));
        words.extend(REVIEW_COLUMNS.iter().map(|c| c.to_string()));
        words.extend(REVIEW_HEADER_WORDS.iter().map(|c| c.to_string()));
        words.extend(REQUEST_GROUP_LABELS.iter().map(|c| c.to_string()));
        words.extend(
            [
                "本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和",
                "申请人情况",
                "法人或其他组织",
                "信息内容",
                "三、本年度办理结果",
            ]
            .iter()
            .map(|c| c.to_string()),
        );
        words.iter().flat_map(|w| bigrams(&normalise(w))).collect()
    });

/// "87%".
pub(crate) fn percent(x: f64) -> String {
    format!("{}%", (x * 100.0).floor() as i64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn similarity() {
        let a = bigrams(&normalise(
            "一是政策解读形式不够丰富；二是基层政务公开标准化规范化水平有待提升。2023年",
        ));
        let b = bigrams(&normalise(
            "一是政策解读形式不够丰富；二是基层政务公开标准化规范化水平有待提升。2022年",
        ));
        assert_eq!(jaccard(&a, &b), 1.0);
        let c = bigrams(&normalise("完全不同的内容"));
        assert!(jaccard(&a, &c) < 0.1);
    }

    #[test]
    fn chains_over_readings() {
        let k = |v: &[f64]| v.iter().map(|&x| TermValue::Known(x)).collect::<Vec<_>>();
        let cur = vec![k(&[88.0, 55.0, 698.0])];
        let prev = vec![k(&[6.0, 9.0, 3665.0]), k(&[6.0, 93.0, 665.0])];
        let pick = |c: &[TermValue], p: &[TermValue]| {
            Some((num(c, 2)? + num(c, 1)?, num(p, 2)? + num(c, 0)?))
        };
        assert_eq!(chain(&cur, &prev, pick), Chain::Holds);
        let prev = vec![k(&[6.0, 9.0, 3665.0])];
        assert!(matches!(chain(&cur, &prev, pick), Chain::Fails { .. }));
    }
}
