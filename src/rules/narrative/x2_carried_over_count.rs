use super::{simple, Simple};
use crate::diagnostic::Diagnostic;
use crate::rules::RuleCtx;

crate::declare_rule! {
    pub struct CarriedOverCount;
    code: "X-2", name: "carried-over-count-mismatch", family: Narrative, severity: Warning,
    formats: [F2021, F2019],
    summary: ("正文所述上年结转申请数与表三不符", "the number of requests carried over from last year in the text differs from table 3"),
    what: (
        "在总体情况（及第三、四部分表前文字）中找“上年结转N件”，与表三“二、上年结转政府信息公开申请数量”总计比较。",
        "Finds “上年结转 N” (carried over from last year) in the overview and the prose before tables 3 and 4, and compares N with row 二 of table 3, total column."
    ),
    why: (
        "正文和表格说法不一，读者无法判断哪个数字真实。",
        "When the text and the table disagree, a reader cannot tell which number is true."
    ),
    basis: "SPEC §6.5 X-2 [I].",
    fails: "上年结转3件。（表三“二、上年结转”总计为2）",
    passes: "上年结转2件。（表三“二、上年结转”总计为2）",
}

const SIMPLE: Simple = Simple {
    keywords: &[
        "上年结转",
        "上年度结转",
        "上一年度结转",
        "上一年结转",
        "上年度转结",
        "上年遗留",
        "上年度遗留",
    ],
    forward: 12,
    backward: 0,
    stops: &[
        "下年",
        "结转至",
        "同比",
        "较",
        "增长",
        "减少",
        "复议",
        "诉讼",
    ],
    needs_context: false,
    row: "carried_over",
    row_zh: "二、上年结转政府信息公开申请数量",
    row_en: "二 (carried over from last year)",
};

impl CarriedOverCount {
    fn run(&self, ctx: &RuleCtx, out: &mut Vec<Diagnostic>) {
        simple(&Self::META, &SIMPLE, ctx, out);
    }
}
