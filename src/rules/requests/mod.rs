//! T3-*: table 三, 收到和处理政府信息公开申请情况 — the core 勾稽关系.

pub mod arith;
mod t3_10_carried_forward_exceeds;
mod t3_1_intake_balance;
mod t3_2_outcomes_total;
mod t3_3_row_total;
mod t3_4_subtotal;
mod t3_6_other_share;
mod t3_7_other_unexplained;
mod t3_8_fee_not_reported;
mod t3_9_unusual_applicants;

use super::util::{col_en, col_zh, fmt, row_en, row_zh, sum_text};
use super::{Rule, RuleCtx, RuleMeta};
use crate::diagnostic::{Diagnostic, Fix, Msg, Related};
use arith::{Finding, Identity, Kind};

pub static RULES: &[&dyn Rule] = &[
    &t3_1_intake_balance::IntakeBalance,
    &t3_2_outcomes_total::OutcomesTotal,
    &t3_3_row_total::RowTotal,
    &t3_4_subtotal::Subtotal,
    &t3_6_other_share::OtherShare,
    &t3_7_other_unexplained::OtherUnexplained,
    &t3_8_fee_not_reported::FeeNotReported,
    &t3_9_unusual_applicants::UnusualApplicants,
    &t3_10_carried_forward_exceeds::CarriedForwardExceeds,
];

/// A row's name for messages (template rows by their label, the report's own by theirs).
fn row_name(a: &arith::Analysis, key: &str) -> (String, String) {
    if let Some(i) = key
        .strip_prefix("extra:")
        .and_then(|n| n.parse::<usize>().ok())
    {
        // The report's own rows follow the template's in `analyse`, in the order of their
        // numbers: a binary search, not a scan per finding (100 000 extra rows were quadratic).
        let extra = |k: &str| {
            k.strip_prefix("extra:")
                .and_then(|n| n.parse::<usize>().ok())
        };
        let at = a
            .rows
            .partition_point(|r| extra(&r.key).is_none_or(|n| n < i));
        let row = a
            .rows
            .get(at)
            .filter(|r| r.key == key)
            .or_else(|| a.rows.iter().find(|r| r.key == key));
        let label = row.map(|r| r.label.clone()).unwrap_or_default();
        return (format!("“{label}”"), format!("“{label}”"));
    }
    (format!("“{}”", row_zh(key)), row_en(key))
}

/// What an identity says, in words and with its numbers.
fn describe(a: &arith::Analysis, id: &Identity) -> (String, String, String) {
    let (l, r) = match id.eval {
        arith::Eval::Fails { left, right, .. } => (left, right),
        _ => (0.0, 0.0),
    };
    let arithmetic = format!("{} ≠ {}", sum_text(&id.left), sum_text(&id.right));
    match id.kind {
        Kind::Row(i) => {
            let (zh, en) = row_name(a, &a.rows[i].key);
            (
                format!("{zh}一行：六类申请人之和为{}，总计为{}", fmt(l), fmt(r)),
                format!(
                    "row {en}: the six applicant columns add up to {}, the total column says {}",
                    fmt(l),
                    fmt(r)
                ),
                arithmetic,
            )
        }
        Kind::Outcomes(c) => (
            format!(
                "“{}”列：各项办理结果之和为{}，（七）总计为{}",
                col_zh(c),
                fmt(l),
                fmt(r)
            ),
            format!(
                "column “{}”: the outcome rows add up to {}, row (7) total says {}",
                col_en(c),
                fmt(l),
                fmt(r)
            ),
            arithmetic,
        ),
        Kind::Balance(c) => (
            format!(
                "“{}”列：第一项加第二项之和为{}，第三项加第四项之和为{}",
                col_zh(c),
                fmt(l),
                fmt(r)
            ),
            format!(
                "column “{}”: new + carried over = {}, but total handled + carried forward = {}",
                col_en(c),
                fmt(l),
                fmt(r)
            ),
            arithmetic,
        ),
    }
}

fn printed_cell(id: &Identity) -> &crate::rules::util::Term {
    match id.kind {
        Kind::Balance(_) => &id.left[0],
        _ => &id.right[0],
    }
}

/// Turn an analysed finding into a diagnostic.
pub(crate) fn emit(meta: &'static RuleMeta, ctx: &RuleCtx, out: &mut Vec<Diagnostic>) {
    let Some(a) = ctx.arithmetic() else { return };
    for f in a.findings.iter().filter(|f| f.code == meta.code) {
        out.push(diagnostic(meta, a, f));
    }
}

fn diagnostic(meta: &'static RuleMeta, a: &arith::Analysis, f: &Finding) -> Diagnostic {
    let (zh, en, arithmetic) = describe(a, &f.main);
    let blanks = matches!(f.main.eval, arith::Eval::Fails { blanks: true, .. });
    let cell_term = f.main.cells().find(|t| t.cell == f.cell).cloned();
    let span = cell_term
        .as_ref()
        .and_then(|t| t.span)
        .or(printed_cell(&f.main).span);
    let (message, fix) = if f.crossing && !f.also.is_empty() && matches!(f.main.kind, Kind::Row(_))
    {
        // One cell explains the row and the column(s).
        let (rz, re) = row_name(a, &f.cell.row);
        let x = f.main.delta().unwrap_or(0.0) * if f.cell.column == 6 { -1.0 } else { 1.0 };
        let value = cell_term.as_ref().and_then(|t| {
            if let crate::rules::util::TermValue::Known(v) = t.value {
                Some(v)
            } else {
                None
            }
        });
        let msg = Msg::new(
            format!("{rz}“{}”一格与本行合计和本列合计都不符：{zh}", col_zh(f.cell.column)),
            format!("row {re}, column “{}”: this cell disagrees with both its row and its column ({en})", col_en(f.cell.column)),
        );
        let fix = value.filter(|_| !blanks).map(|v| Fix {
            message: Msg::new(
                format!("如其他单元格无误，此格应为{}", fmt(v - x)),
                format!(
                    "if the other cells are right, this cell should be {}",
                    fmt(v - x)
                ),
            ),
            span,
            cell: Some(f.cell.clone()),
            replacement: fmt(v - x),
        });
        (msg, fix)
    } else {
        let l = match f.main.eval {
            arith::Eval::Fails { left, .. } => left,
            _ => 0.0,
        };
        let fix = (!blanks && !matches!(f.main.kind, Kind::Balance(_))).then(|| {
            let (fz, fe) = match f.main.kind {
                Kind::Row(_) => (
                    "如六类申请人数无误，总计应为".to_string(),
                    "if the six applicant columns are right, the total should be ".to_string(),
                ),
                _ => (
                    "如各项办理结果无误，（七）总计应为".to_string(),
                    "if the outcome rows are right, row (7) total should be ".to_string(),
                ),
            };
            Fix {
                message: Msg::new(format!("{fz}{}", fmt(l)), format!("{fe}{}", fmt(l))),
                span: printed_cell(&f.main).span,
                cell: Some(printed_cell(&f.main).cell.clone()),
                replacement: fmt(l),
            }
        });
        (Msg::new(zh, en), fix)
    };
    let mut d = meta
        .diag(message)
        .at(span)
        .on(f.cell.clone())
        .note(Msg::new(arithmetic.clone(), arithmetic));
    for also in &f.also {
        let (az, ae, aa) = describe(a, also);
        let p = printed_cell(also);
        d.related.push(Related {
            span: p.span,
            cell: Some(p.cell.clone()),
            message: Msg::new(
                format!("同一原因：{az}（{aa}）"),
                format!("same cause: {ae} ({aa})"),
            ),
        });
    }
    let absent = f
        .main
        .cells()
        .any(|t| t.value == crate::rules::util::TermValue::Absent);
    if absent {
        d = d.note(Msg::new(
            "文中缺少部分办理结果行（记为“缺”）：缺行按未知的非负数处理，无论其为何值此式均不成立",
            "some outcome rows are not in the text (shown as “缺”): they were taken as unknown numbers ≥ 0; the identity fails whatever they stand for",
        ));
    } else if blanks {
        d = d.note(Msg::new("含空白单元格：空白按未知的非负数处理，无论其为何值此式均不成立", "blank cells were taken as unknown numbers ≥ 0; the identity fails whatever they stand for"));
    }
    d.fix = fix;
    d
}
