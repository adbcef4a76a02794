use crate::diagnostic::Diagnostic;
use crate::rules::RuleCtx;

crate::declare_rule! {
    pub struct RowTotal;
    code: "T3-3", name: "row-total-mismatch", family: Requests, severity: Error,
    formats: [F2021, F2019],
    summary: ("表三：一行中六类申请人之和不等于总计", "table 3: a row's six applicant columns do not add up to its total"),
    what: (
        "逐行检查：自然人 + 商业企业 + 科研机构 + 社会公益组织 + 法律服务机构 + 其他 = 总计。一个单元格同时使本行和本列不符时，只在这一格报告一次，并列出它破坏的各个等式。",
        "Checks every row: natural persons + enterprises + research + public-interest + legal-service + other = total. When one cell breaks both its row and its column, it is reported once, at that cell, with every identity it breaks."
    ),
    why: (
        "总计列是各类申请人之和；行合计错误往往是抄录或计算错误，且会连带使列的勾稽关系不成立。",
        "The total column is the sum of the applicant columns; a wrong row total is a copying or adding error, and drags the column identities down with it."
    ),
    basis: "SPEC §6.3 T3-3 [I] (row totals) and T3-5 [I] (root cause once).",
    fails: "（一）予以公开 | 6 | 1 | 0 | 0 | 0 | 0 | 8 |",
    passes: "（一）予以公开 | 6 | 1 | 0 | 0 | 0 | 0 | 7 |",
}

impl RowTotal {
    fn run(&self, ctx: &RuleCtx, out: &mut Vec<Diagnostic>) {
        super::emit(&Self::META, ctx, out)
    }
}
