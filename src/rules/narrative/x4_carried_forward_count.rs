use super::{simple, Simple};
use crate::diagnostic::Diagnostic;
use crate::rules::RuleCtx;

crate::declare_rule! {
    pub struct CarriedForwardCount;
    code: "X-4", name: "carried-forward-count-mismatch", family: Narrative, severity: Warning,
    formats: [F2021, F2019],
    summary: ("正文所述结转下年度申请数与表三不符", "the number of requests carried forward in the text differs from table 3"),
    what: (
        "在总体情况（及第三、四部分表前文字）中找“结转下年度（继续办理）N件”“结转至20XX年N件”“N件顺延到下年度答复”，与表三“四、结转下年度继续办理”总计比较。",
        "Finds “N carried forward to next year” (结转下年度, 结转至20XX年, 顺延到下年度) in the overview and the prose before tables 3 and 4, and compares N with row 四 of table 3, total column."
    ),
    why: (
        "结转数决定下一年度的“上年结转”，正文与表格不一致会让跨年数据无法衔接。",
        "The number carried forward becomes next year's “carried over”; a mismatch breaks the chain between years."
    ),
    basis: "SPEC §6.5 X-4 [I].",
    fails: "1件结转下年度继续办理。（表三“四、结转下年度继续办理”总计为2）",
    passes: "共办结148件，结转至2026年6件。（表三“四、结转下年度继续办理”总计为6）",
}

const SIMPLE: Simple = Simple {
    keywords: &[
        "结转下年度",
        "结转下年",
        "结转至下年",
        "结转到下年",
        "结转下一年",
        "结转至",
        "结转到",
        "转入下年",
        "顺延到下年",
        "顺延至下年",
        "留待下年",
        "转结下年",
        "转至下年",
    ],
    forward: 12,
    backward: 15,
    stops: &[
        "上年", "同比", "较", "增长", "减少", "复议", "诉讼", "办结", "答复", "收到", "受理",
    ],
    needs_context: false,
    row: "carried_forward",
    row_zh: "四、结转下年度继续办理",
    row_en: "四 (carried forward to next year)",
};

impl CarriedForwardCount {
    fn run(&self, ctx: &RuleCtx, out: &mut Vec<Diagnostic>) {
        simple(&Self::META, &SIMPLE, ctx, out);
    }
}
