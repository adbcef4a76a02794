use super::{han_count, heading_span};
use crate::diagnostic::{Diagnostic, Msg};
use crate::rules::RuleCtx;

crate::declare_rule! {
    pub struct ProblemsSectionEmpty;
    code: "N-2", name: "problems-section-empty", family: Content, severity: Warning,
    formats: [F2021, F2019],
    summary: ("第五部分“存在的主要问题及改进情况”空白或过于简单", "section 5 (problems and improvements) is empty or nearly so"),
    what: (
        "第五部分正文（不计标题）不足20个汉字，或只写“无”时警告。",
        "Warns when the body of section 5 (without its heading) has fewer than 20 Chinese characters, or says only “无” (none)."
    ),
    why: (
        "格式要求本部分“实事求是、明确具体……查找问题要有针对性，改进举措要有实效性，不得出现敷衍了事”；空白或一句带过不符合要求。",
        "The format requires this section to be factual and specific, naming real problems and effective measures, and forbids perfunctory entries; an empty or one-line section does not meet it."
    ),
    basis: "SPEC §6.7 N-2 [C] basis 国办公开办函〔2021〕30号 填报说明（五）; threshold [H]; prior art flags the same.",
    fails: "五、存在的主要问题及改进情况\n无。",
    passes: "五、存在的主要问题及改进情况\n一是政策解读形式不够丰富……下一步，我们将丰富解读形式……",
}

const MIN: usize = 20;

impl ProblemsSectionEmpty {
    fn run(&self, ctx: &RuleCtx, out: &mut Vec<Diagnostic>) {
        // A section the text breaks off in is not there in full (P-10 says so).
        if ctx.report.cut_in_section(5) {
            return;
        }
        let Some(n) = han_count(ctx, 5) else { return };
        if n >= MIN {
            return;
        }
        out.push(
            Self::META
                .diag(Msg::new(
                    format!("第五部分只有{n}个汉字，没有具体写出存在的问题和改进措施"),
                    format!("section 5 has only {n} Chinese characters and does not set out problems and measures"),
                ))
                .at(heading_span(ctx, 5)),
        );
    }
}
