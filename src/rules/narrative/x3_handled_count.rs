use super::{simple, Simple};
use crate::diagnostic::Diagnostic;
use crate::rules::RuleCtx;

crate::declare_rule! {
    pub struct HandledCount;
    code: "X-3", name: "handled-count-mismatch", family: Narrative, severity: Warning,
    formats: [F2021, F2019],
    summary: ("正文所述办结（答复）申请数与表三总计不符", "the number of requests handled in the text differs from table 3's total"),
    what: (
        "在总体情况（及第三、四部分表前文字）中找“办结/答复……申请N件”，与表三“（七）总计”的总计列比较。",
        "Finds “办结/答复 … N” (requests concluded or answered) in the overview and the prose before tables 3 and 4, and compares N with row (7) total of table 3, total column."
    ),
    why: (
        "（七）总计是本年办理完毕的全部申请；正文说法不同，说明其中一处有误。",
        "Row (7) is every request concluded this year; a different number in the text means one of the two is wrong."
    ),
    basis: "SPEC §6.5 X-3 [I].",
    fails: "办结13件。（表三（七）总计为12）",
    passes: "答复政府信息公开申请805件（含上年度结转申请18件）。（表三（七）总计为805）",
}

const SIMPLE: Simple = Simple {
    keywords: &["办结", "答复", "办理完毕", "办理完成", "处理完毕"],
    forward: 15,
    backward: 0,
    stops: &[
        "率",
        "复议",
        "诉讼",
        "予以公开",
        "部分公开",
        "不予",
        "无法提供",
        "其他处理",
        "结转",
        "咨询",
        "留言",
        "投诉",
        "举报",
        "建议",
        "提案",
        "热线",
        "同比",
        "较",
        "增长",
        "减少",
        "占",
        "网上",
        "信件",
        "来信",
        "办件",
        "事项",
        "其中",
        "许可",
        "审批",
        "政务服务",
        "诉求",
    ],
    needs_context: true,
    row: "total",
    row_zh: "（七）总计",
    row_en: "(7) total",
};

impl HandledCount {
    fn run(&self, ctx: &RuleCtx, out: &mut Vec<Diagnostic>) {
        simple(&Self::META, &SIMPLE, ctx, out);
    }
}
