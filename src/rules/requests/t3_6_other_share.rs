use crate::diagnostic::{Diagnostic, Msg};
use crate::model::{CellRef, TableId};
use crate::rules::util::fmt;
use crate::rules::RuleCtx;
use crate::template::RequestGroup;

/// Share of 其他处理 above which the notice is given.
const THRESHOLD: f64 = 0.20;

crate::declare_rule! {
    pub struct OtherShare;
    code: "T3-6", name: "other-handling-share-high", family: Requests, severity: Notice,
    formats: [F2021, F2019],
    summary: ("“其他处理”占办理总数的比例偏高", "a high share of requests “handled otherwise”"),
    what: (
        "计算（六）其他处理（各子项之和）占（七）总计的比例，超过20%时提示。",
        "Computes the share of (6) handled otherwise (all its items) in (7) total, and gives a notice above 20%."
    ),
    why: (
        "2019年通知要求：原则上所有申请都应按法定方式处理，主管部门对“其他处理”数量偏高的机关要了解情况。",
        "The 2019 notice says every request should in principle be handled in a statutory way, and asks supervising offices to look into agencies with many requests handled otherwise."
    ),
    basis: "SPEC §6.3 T3-6: basis [C] 国办公开办函〔2019〕60号 on 其他处理; threshold [H] 20%.",
    fails: "（六）其他处理 合计 5，（七）总计 10（50%）",
    passes: "（六）其他处理 合计 1，（七）总计 10（10%）",
}

impl OtherShare {
    fn run(&self, ctx: &RuleCtx, out: &mut Vec<Diagnostic>) {
        let Some(t) = &ctx.report.requests else {
            return;
        };
        let Some(total) = t
            .row("total")
            .and_then(|r| r.cells.get(6))
            .and_then(|c| c.number())
        else {
            return;
        };
        let other_rows: Vec<_> = t
            .rows
            .iter()
            .filter(|r| {
                crate::template::request_row(&r.key).is_some_and(|s| s.group == RequestGroup::Other)
            })
            .chain(
                t.extra_rows
                    .iter()
                    .filter(|e| {
                        e.group == RequestGroup::Other && !super::arith::is_subtotal(&e.label)
                    })
                    .map(|e| &e.row),
            )
            .collect();
        let values: Option<Vec<f64>> = other_rows
            .iter()
            .map(|r| r.cells.get(6).and_then(|c| c.number()))
            .collect();
        let Some(values) = values else { return };
        let other: f64 = values.iter().sum();
        if total > 0.0 && other / total > THRESHOLD {
            let pct = format!("{:.1}%", other / total * 100.0);
            let first = other_rows
                .iter()
                .find(|r| r.cells.get(6).and_then(|c| c.number()).unwrap_or(0.0) > 0.0)
                .or(other_rows.first());
            let mut d = Self::META
                .diag(Msg::new(
                    format!("“其他处理”共{}件，占办理总数{}的{pct}，比例偏高", fmt(other), fmt(total)),
                    format!("{} requests were “handled otherwise”, {pct} of the {} handled: a high share", fmt(other), fmt(total)),
                ))
                .note(Msg::new("原则上所有申请都应按法定方式处理（国办公开办函〔2019〕60号）", "in principle every request should be handled in a statutory way (国办公开办函〔2019〕60号)"));
            if let Some(r) = first {
                d = d
                    .at(r.cells.get(6).and_then(|c| c.span).or(r.label_span))
                    .on(CellRef::new(TableId::Requests, &r.key, 6));
            }
            out.push(d);
        }
    }
}
