use crate::diagnostic::{Diagnostic, Msg};
use crate::model::{CellRef, TableId};
use crate::rules::util::fmt;
use crate::rules::RuleCtx;

crate::declare_rule! {
    pub struct FeeNotReported;
    code: "T3-8", name: "unpaid-fee-without-fee-report", family: Requests, severity: Warning,
    formats: [F2021],
    summary: ("有“逾期未缴费”的申请，但第六部分未报告信息处理费", "requests dropped for unpaid fees, but section 6 says nothing of fees"),
    what: (
        "（六）2“申请人逾期未按收费通知要求缴纳费用”大于0，说明发出过收费通知；此时第六部分应报告信息处理费的收取情况。",
        "(6)2 “fee not paid after a fee notice” above 0 means fee notices were issued; section 6 must then report on information-processing fees."
    ),
    why: (
        "2021年格式规定：收取信息处理费的情况在第六部分专门报告。",
        "The 2021 format requires fees for information processing to be reported in section 6."
    ),
    basis: "SPEC §6.3 T3-8 [I], from 国办公开办函〔2021〕30号 (六) and 《政府信息公开信息处理费管理办法》.",
    fails: "（六）2 | 1 | … | 1 |；六、其他需要报告的事项：无",
    passes: "（六）2 | 1 | … | 1 |；六、…本年度发出收费通知1件，申请人未缴费，未收取信息处理费。",
}

impl FeeNotReported {
    fn run(&self, ctx: &RuleCtx, out: &mut Vec<Diagnostic>) {
        let Some(row) = ctx
            .report
            .requests
            .as_ref()
            .and_then(|t| t.row("other_unpaid_fee"))
        else {
            return;
        };
        let Some(n) = row
            .cells
            .get(6)
            .and_then(|c| c.number())
            .filter(|&n| n > 0.0)
        else {
            return;
        };
        let six = ctx
            .report
            .sections
            .iter()
            .find(|s| s.number == 6)
            .map(|s| &ctx.text[s.text_span.start..s.text_span.end])
            .unwrap_or("");
        if ["信息处理费", "收费通知", "处理费"]
            .iter()
            .any(|w| six.contains(w))
        {
            return;
        }
        out.push(
            Self::META
                .diag(Msg::new(
                    format!("有{}件申请因逾期未缴费不再处理，但第六部分没有报告信息处理费的情况", fmt(n)),
                    format!("{} requests were dropped because fees were not paid, but section 6 does not report on information-processing fees", fmt(n)),
                ))
                .at(row.cells.get(6).and_then(|c| c.span).or(row.label_span))
                .on(CellRef::new(TableId::Requests, "other_unpaid_fee", 6)),
        );
    }
}
