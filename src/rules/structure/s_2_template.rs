use crate::diagnostic::{Diagnostic, Msg};
use crate::rules::RuleCtx;
use crate::template::Format;

crate::declare_rule! {
    pub struct Template;
    code: "S-2", name: "superseded-template", family: Structure, severity: Warning,
    formats: [F2021, F2019],
    summary: ("报告年度与所用表格格式不符", "the tables use a format that does not match the report year"),
    what: (
        "2021年及以后的报告应使用国办公开办函〔2021〕30号格式；仍用2019年（试行）格式的表格时警告。2019、2020年的报告不可能使用2021年9月才印发的格式，出现时同样警告。",
        "Reports for 2021 onward must use the format of 国办公开办函〔2021〕30号; tables still in the 2019 trial format get a warning. Reports for 2019–2020 cannot use a format issued in September 2021; that gets a warning too."
    ),
    why: (
        "格式决定表二的栏目和表三“其他处理”的分项；用错格式会使数据无法与其他报告比较和汇总。",
        "The format fixes table 2's columns and the items of table 3's (6); a wrong format makes the numbers impossible to compare and aggregate."
    ),
    basis: "SPEC §1.1 and §5 [C]/[I]: 60号 for 2019–2020, 30号 from 2021; “2019 headers ⇒ warning uses superseded format”.",
    fails: "2023年度报告，表二栏目为“本年新制作数量/本年新公开数量/对外公开总数量”",
    passes: "2023年度报告，表二栏目为“本年制发件数/本年废止件数/现行有效件数”",
}

impl Template {
    fn run(&self, ctx: &RuleCtx, out: &mut Vec<Diagnostic>) {
        let r = ctx.report;
        let Some(year) = r.year else { return };
        let at = r
            .active
            .as_ref()
            .and_then(|t| t.span)
            .or(r.requests.as_ref().and_then(|t| t.span))
            .or(r.title_span);
        let msg = match r.format {
            Format::F2019 if year >= 2021 => Msg::new(
                format!("{year}年度报告仍使用2019年（试行）格式的表格，应使用国办公开办函〔2021〕30号格式"),
                format!("a report for {year} still uses the 2019 trial format's tables; it should use the format of 国办公开办函〔2021〕30号"),
            ),
            Format::F2021 if year <= 2020 => Msg::new(
                format!("{year}年度报告使用了2021年格式的表格，而该格式2021年9月才印发"),
                format!("a report for {year} uses the 2021 format's tables, which were issued only in September 2021"),
            ),
            _ => return,
        };
        let mut d = Self::META.diag(msg).at(at);
        d.notes.push(Msg::new(
            format!("判断依据：{}", r.format_evidence.reason),
            format!(
                "evidence: {}",
                r.format_evidence.reason.split(" / ").last().unwrap_or("")
            ),
        ));
        out.push(d);
    }
}
