use super::{han_count, heading_span};
use crate::diagnostic::{Diagnostic, Msg};
use crate::rules::RuleCtx;

crate::declare_rule! {
    pub struct OverviewTooLong;
    code: "N-1", name: "overview-too-long", family: Content, severity: Notice,
    formats: [F2021],
    summary: ("总体情况超过一千字", "the overview is longer than 1,000 characters"),
    what: (
        "统计第一部分“总体情况”正文的汉字数（不计标题、标点、数字和空白），超过1000字时提示。",
        "Counts the Chinese characters of section 1 (overview), leaving out the heading, punctuation, digits and white space, and notes when there are more than 1,000."
    ),
    why: (
        "2021年格式要求总体情况“重在聚焦主题、简明客观，篇幅原则上不超过一千字”。",
        "The 2021 format asks the overview to be focused and concise, “in principle no more than one thousand characters”."
    ),
    basis: "SPEC §6.7 N-1 [C]: 国办公开办函〔2021〕30号, 填报说明（一）总体情况 “篇幅原则上不超过一千字”. Counting method [H]: Chinese characters only, so the count errs low.",
    fails: "一、总体情况（正文约1,400个汉字）",
    passes: "一、总体情况（正文约600个汉字）",
}

const LIMIT: usize = 1000;

impl OverviewTooLong {
    fn run(&self, ctx: &RuleCtx, out: &mut Vec<Diagnostic>) {
        let Some(n) = han_count(ctx, 1) else { return };
        if n <= LIMIT {
            return;
        }
        out.push(
            Self::META
                .diag(Msg::new(
                    format!("总体情况约{n}字，超过“原则上不超过一千字”的要求"),
                    format!("the overview has about {n} Chinese characters, more than the 1,000 the format allows in principle"),
                ))
                .at(heading_span(ctx, 1))
                .note(Msg::new(
                    "只计汉字，不计标题、标点、数字和空白",
                    "only Chinese characters are counted: not the heading, punctuation, digits or white space",
                )),
        );
    }
}
