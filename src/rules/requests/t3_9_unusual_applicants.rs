use crate::diagnostic::{Diagnostic, Msg};
use crate::model::{CellRef, TableId};
use crate::rules::util::{col_en, col_zh, fmt};
use crate::rules::RuleCtx;

crate::declare_rule! {
    pub struct UnusualApplicants;
    code: "T3-9", name: "unusual-applicant-count", family: Requests, severity: Notice,
    formats: [F2021, F2019],
    summary: ("科研机构或社会公益组织的申请数异常多", "unusually many requests from research or public-interest bodies"),
    what: (
        "科研机构、社会公益组织两列通常为0；本年新收申请中这两类达到10件且占四分之一以上时提示核对。",
        "The research and public-interest columns are usually 0; when either holds 10 or more new requests and a quarter of them, asks for a check."
    ),
    why: ("这两列数值大多是列错位（把其他类别的数填进了相邻列）。", "Large values there usually mean numbers slipped into the wrong column."),
    basis: "SPEC §6.3 T3-9 [H].",
    fails: "一、本年新收 | 2 | 0 | 30 | 0 | 0 | 0 | 32 |",
    passes: "一、本年新收 | 30 | 2 | 0 | 0 | 0 | 0 | 32 |",
}

impl UnusualApplicants {
    fn run(&self, ctx: &RuleCtx, out: &mut Vec<Diagnostic>) {
        let Some(row) = ctx.report.requests.as_ref().and_then(|t| t.row("new")) else {
            return;
        };
        let Some(total) = row
            .cells
            .get(6)
            .and_then(|c| c.number())
            .filter(|&t| t > 0.0)
        else {
            return;
        };
        for c in [2usize, 3] {
            let Some(v) = row.cells.get(c).and_then(|x| x.number()) else {
                continue;
            };
            if v >= 10.0 && v / total >= 0.25 {
                out.push(
                    Self::META
                        .diag(Msg::new(
                            format!("本年新收申请中“{}”有{}件（共{}件），比例异常，请核对是否填错列", col_zh(c), fmt(v), fmt(total)),
                            format!("{} of the {} new requests are from “{}”: unusual; check the column", fmt(v), fmt(total), col_en(c)),
                        ))
                        .at(row.cells[c].span)
                        .on(CellRef::new(TableId::Requests, "new", c)),
                );
            }
        }
    }
}
