use super::check_group;
use crate::diagnostic::Diagnostic;
use crate::rules::RuleCtx;

crate::declare_rule! {
    pub struct SuitAfterReviewTotal;
    code: "T4-3", name: "suit-after-review-total-mismatch", family: Review, severity: Error,
    formats: [F2021, F2019],
    summary: ("复议后起诉的各结果之和不等于总计", "results of suits filed after review do not add up to their total"),
    what: (
        "检查表四“行政诉讼—复议后起诉”部分：结果维持 + 结果纠正 + 其他结果 + 尚未审结 = 总计。",
        "Checks the part of table 4 on suits filed after administrative review: upheld + corrected + other results + pending = total."
    ),
    why: (
        "每件诉讼案件必有且只有一种结果（含尚未审结），总计不符说明漏计或重计。",
        "Every suit has exactly one result (pending included); a total that disagrees means a case was missed or counted twice."
    ),
    basis: "SPEC §6.4 T4-3 [I]: follows from the table's structure (国办公开办函〔2021〕30号 table 四); implemented by prior art.",
    fails: "复议后起诉：1 | 0 | 2 | 0 | 4（1+0+2+0=3≠4）",
    passes: "复议后起诉：1 | 0 | 2 | 0 | 3",
}

impl SuitAfterReviewTotal {
    fn run(&self, ctx: &RuleCtx, out: &mut Vec<Diagnostic>) {
        check_group(&Self::META, 2, ctx, out);
    }
}
