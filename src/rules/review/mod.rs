//! T4-*: table 四, 政府信息公开行政复议、行政诉讼情况.

mod t4_1_review_total;
mod t4_2_direct_suit_total;
mod t4_3_suit_after_review_total;
mod t4_4_non_negative_integers;

use super::util::{eval, fmt, sum_text, term, Eval};
use super::{Rule, RuleCtx, RuleMeta};
use crate::diagnostic::{Diagnostic, Fix, Msg};
use crate::model::{CellRef, TableId};

pub static RULES: &[&dyn Rule] = &[
    &t4_1_review_total::ReviewTotal,
    &t4_2_direct_suit_total::DirectSuitTotal,
    &t4_3_suit_after_review_total::SuitAfterReviewTotal,
    &t4_4_non_negative_integers::NonNegativeIntegers,
];

/// The three groups of table 四: (first column, Chinese name, English name).
pub const GROUPS: [(usize, &str, &str); 3] = [
    (0, "行政复议", "administrative review"),
    (5, "未经复议直接起诉", "suits without prior review"),
    (10, "复议后起诉", "suits after review"),
];

/// Check one group: 结果维持 + 结果纠正 + 其他结果 + 尚未审结 = 总计.
pub(crate) fn check_group(
    meta: &'static RuleMeta,
    group: usize,
    ctx: &RuleCtx,
    out: &mut Vec<Diagnostic>,
) {
    let Some(t) = &ctx.report.review else { return };
    let (first, zh, en) = GROUPS[group];
    let parts: Vec<_> = (first..first + 4)
        .map(|c| term(TableId::ReviewLitigation, &t.row, c))
        .collect();
    let total = [term(TableId::ReviewLitigation, &t.row, first + 4)];
    if let Eval::Fails {
        left,
        right,
        blanks,
    } = eval(&parts, &total)
    {
        let mut d = meta
            .diag(Msg::new(
                format!(
                    "{zh}：结果维持、结果纠正、其他结果、尚未审结之和为{}，但总计为{}",
                    fmt(left),
                    fmt(right)
                ),
                format!(
                    "{en}: upheld + corrected + other + pending = {}, but the total is {}",
                    fmt(left),
                    fmt(right)
                ),
            ))
            .at(total[0].span)
            .on(CellRef::new(TableId::ReviewLitigation, "values", first + 4))
            .note(Msg::new(
                format!("{} ≠ {}", sum_text(&parts), fmt(right)),
                format!("{} ≠ {}", sum_text(&parts), fmt(right)),
            ));
        for p in &parts {
            d.related.push(crate::diagnostic::Related {
                span: p.span,
                cell: Some(p.cell.clone()),
                message: Msg::new(format!("{zh}分项"), format!("{en}: a part of the total")),
            });
        }
        if !blanks {
            d.fix = Some(Fix {
                message: Msg::new(
                    format!("如四个分项无误，{zh}总计应为{}", fmt(left)),
                    format!(
                        "if the four parts are right, the {en} total should be {}",
                        fmt(left)
                    ),
                ),
                span: total[0].span,
                cell: Some(CellRef::new(TableId::ReviewLitigation, "values", first + 4)),
                replacement: fmt(left),
            });
        } else {
            d = d.note(Msg::new(
                "空白单元格按不小于0计",
                "blank cells were taken as unknown numbers ≥ 0",
            ));
        }
        out.push(d);
    }
}
