use crate::diagnostic::Diagnostic;
use crate::rules::RuleCtx;

crate::declare_rule! {
    pub struct OutcomesTotal;
    code: "T3-2", name: "outcomes-total-mismatch", family: Requests, severity: Error,
    formats: [F2021, F2019],
    summary: ("表三：各项办理结果之和不等于（七）总计", "table 3: the outcome rows do not add up to (7) total"),
    what: (
        "逐列检查：（七）总计 =（一）予以公开 +（二）部分公开 +（三）1–8 +（四）1–3 +（五）1–5 +（六）其他处理（含报告自行增加的子项）。",
        "Checks, column by column: (7) total = (1) disclosed + (2) partly disclosed + (3) 1–8 + (4) 1–3 + (5) 1–5 + (6) handled otherwise (with any sub-items the report adds)."
    ),
    why: (
        "每件申请只计入一种办理结果（部分公开“只计这一情形”），总计与分项之和不符说明分项或总计有误；平潭2020年报即各项之和27而总计21。",
        "Each request lands in exactly one outcome (partial disclosure is “counted only there”), so a total that disagrees with its parts means one of them is wrong; Pingtan's 2020 report adds up to 27 against a total of 21."
    ),
    basis: "SPEC §6.3 T3-2 [I]: follows from （七）总计 and “只计这一情形，不计其他情形”; real violation in §7.3 (Pingtan 2020).",
    fails: "（一）6，（二）6，（四）1 4，（四）3 3，（五）2 3，（六）4 → 26；（七）总计 20",
    passes: "（一）6，（二）6，（四）1 4，（四）3 3，（五）2 3，（六）4 → 26；（七）总计 26",
}

impl OutcomesTotal {
    fn run(&self, ctx: &RuleCtx, out: &mut Vec<Diagnostic>) {
        super::emit(&Self::META, ctx, out)
    }
}
