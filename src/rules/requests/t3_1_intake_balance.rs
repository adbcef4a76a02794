use crate::diagnostic::Diagnostic;
use crate::rules::RuleCtx;

crate::declare_rule! {
    pub struct IntakeBalance;
    code: "T3-1", name: "intake-balance-mismatch", family: Requests, severity: Error,
    formats: [F2021, F2019],
    summary: ("表三：第一项加第二项之和不等于第三项加第四项之和", "table 3: new + carried over ≠ total handled + carried forward"),
    what: (
        "逐列检查表头印明的勾稽关系：一、本年新收 + 二、上年结转 = 三（七）总计 + 四、结转下年度继续办理。",
        "Checks, column by column, the identity printed in the table's header: 1. new requests + 2. carried over = 3.(7) total handled + 4. carried forward."
    ),
    why: (
        "这是格式中唯一明文规定的勾稽关系；不成立说明有申请被漏计、重计，或结转数填错。",
        "It is the one identity the official format prints; when it fails a request was missed or counted twice, or a carry-over is wrong."
    ),
    basis: "SPEC §6.3 T3-1 [C]: printed in table 三's header, 国办公开办函〔2021〕30号 and 〔2019〕60号 (“第一项加第二项之和，等于第三项加第四项之和”).",
    fails: "一、本年新收 | 20 | … | 21 |；二、上年结转 | 0 | … | 0 |；（七）总计 | 19 | … | 20 |；四、结转下年度 | 0 | … | 0 |",
    passes: "一、本年新收 | 20 | … | 21 |；二、上年结转 | 1 | … | 1 |；（七）总计 | 21 | … | 22 |；四、结转下年度 | 0 | … | 0 |",
}

impl IntakeBalance {
    fn run(&self, ctx: &RuleCtx, out: &mut Vec<Diagnostic>) {
        super::emit(&Self::META, ctx, out)
    }
}
