use crate::diagnostic::{Diagnostic, Msg};
use crate::rules::RuleCtx;

crate::declare_rule! {
    pub struct YearMismatch;
    code: "S-6", name: "report-year-mismatch", family: Structure, severity: Warning,
    formats: [F2021, F2019, Pre2019],
    summary: ("标题年度与统计期限年度不一致", "the title's year differs from the statistics period's"),
    what: (
        "比较标题中的报告年度与“统计期限自20XX年1月1日…”中的年度；不一致时警告（常见于套用上年报告未改年份）。",
        "Compares the report year in the title with the year of the statistics-period sentence; warns when they differ (typically last year's report reused without changing the year)."
    ),
    why: ("年度不一致会让读者无法确定数据属于哪一年。", "With two years a reader cannot tell which year the numbers belong to."),
    basis: "SPEC §6.1 S-6 [I]; §5 (report year from title, period sentence, publication date).",
    fails: "示例区2023年政府信息公开工作年度报告 … 统计期限自2022年1月1日起至2022年12月31日止",
    passes: "示例区2023年政府信息公开工作年度报告 … 统计期限自2023年1月1日起至2023年12月31日止",
}

impl YearMismatch {
    fn run(&self, ctx: &RuleCtx, out: &mut Vec<Diagnostic>) {
        let e = &ctx.report.year_evidence;
        let (Some(t), Some(p)) = (e.title, e.period) else {
            return;
        };
        if t != p {
            out.push(
                Self::META
                    .diag(Msg::new(
                        format!("标题为{t}年度报告，但统计期限写的是{p}年"),
                        format!(
                            "the title names a report for {t}, but the statistics period says {p}"
                        ),
                    ))
                    .at(ctx.report.title_span),
            );
        }
    }
}
