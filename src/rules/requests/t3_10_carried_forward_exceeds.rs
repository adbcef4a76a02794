use crate::diagnostic::{Diagnostic, Msg};
use crate::model::{CellRef, TableId};
use crate::rules::util::{col_en, col_zh, eval, fmt, term, Eval};
use crate::rules::RuleCtx;

crate::declare_rule! {
    pub struct CarriedForwardExceeds;
    code: "T3-10", name: "carried-forward-exceeds-intake", family: Requests, severity: Error,
    formats: [F2021, F2019],
    summary: ("结转下年度的申请多于本年新收与上年结转之和", "more requests carried forward than were received and carried over"),
    what: (
        "逐列检查：四、结转下年度继续办理 ≤ 一、本年新收 + 二、上年结转。只在（七）总计空白、第一条勾稽关系无法核对时单独报告（否则已由T3-1报告）。",
        "Checks column by column: 4. carried forward ≤ 1. new + 2. carried over. Reported on its own only when (7) total is blank and T3-1 cannot be checked (otherwise T3-1 already says it)."
    ),
    why: ("结转的申请只能来自本年收到或上年结转的申请。", "Requests carried forward can only come from those received or carried over."),
    basis: "SPEC §6.3 T3-10 [I]: follows from T3-1 with a non-negative total.",
    fails: "一 | 1 |；二 | 0 |；（七）总计 | 空 |；四 | 3 |",
    passes: "一 | 3 |；二 | 0 |；（七）总计 | 空 |；四 | 1 |",
}

impl CarriedForwardExceeds {
    fn run(&self, ctx: &RuleCtx, out: &mut Vec<Diagnostic>) {
        let Some(t) = &ctx.report.requests else {
            return;
        };
        let (Some(new), Some(carried), Some(total), Some(forward)) = (
            t.row("new"),
            t.row("carried_over"),
            t.row("total"),
            t.row("carried_forward"),
        ) else {
            return;
        };
        for c in 0..7 {
            // Only where T3-1 itself cannot be checked.
            let balance = eval(
                &[
                    term(TableId::Requests, new, c),
                    term(TableId::Requests, carried, c),
                ],
                &[
                    term(TableId::Requests, total, c),
                    term(TableId::Requests, forward, c),
                ],
            );
            if !matches!(balance, Eval::Blanks | Eval::Unreadable) {
                continue;
            }
            let (Some(n), Some(k), Some(f)) = (
                new.cells[c].number(),
                carried.cells[c].number(),
                forward.cells[c].number(),
            ) else {
                continue;
            };
            if f > n + k {
                out.push(
                    Self::META
                        .diag(Msg::new(
                            format!("“{}”列：结转下年度{}件，多于本年新收{}与上年结转{}之和", col_zh(c), fmt(f), fmt(n), fmt(k)),
                            format!("column “{}”: {} carried forward, more than {} new + {} carried over", col_en(c), fmt(f), fmt(n), fmt(k)),
                        ))
                        .at(forward.cells[c].span)
                        .on(CellRef::new(TableId::Requests, "carried_forward", c))
                        .note(Msg::new(format!("{} > {} + {}", fmt(f), fmt(n), fmt(k)), format!("{} > {} + {}", fmt(f), fmt(n), fmt(k)))),
                );
            }
        }
    }
}
