use super::heading_span;
use crate::diagnostic::{Diagnostic, Msg};
use crate::rules::narrative::scan::section_body;
use crate::rules::RuleCtx;

crate::declare_rule! {
    pub struct ProcessingFeeNotReported;
    code: "N-4", name: "processing-fee-not-reported", family: Content, severity: Warning,
    formats: [F2021],
    summary: ("第六部分未报告信息处理费收取情况", "section 6 does not report on information-processing fees"),
    what: (
        "2021年格式下，第六部分“其他需要报告的事项”应写明信息处理费的收取情况（收取了多少，或本年未收取）；该部分没有提到“信息处理费”时警告。",
        "Under the 2021 format section 6 (other matters) must state whether information-processing fees were charged (how much, or none this year); warns when it does not mention 信息处理费."
    ),
    why: (
        "格式规定：“各行政机关依据《政府信息公开信息处理费管理办法》收取信息处理费的情况，在此处专门报告。”没有收取也应写明。",
        "The format says fees charged under the 2020 fee measures are to be reported here specifically; when none were charged the report should say so."
    ),
    basis: "SPEC §6.7 N-4 [C]: 国办公开办函〔2021〕30号, 填报说明（六）and template text “（文字描述，收取信息处理费情况在此处报告。）”.",
    fails: "六、其他需要报告的事项\n无。",
    passes: "六、其他需要报告的事项\n本年度未收取信息处理费。",
}

const WORDS: &[&str] = &["信息处理费", "处理费"];

impl ProcessingFeeNotReported {
    fn run(&self, ctx: &RuleCtx, out: &mut Vec<Diagnostic>) {
        // A section the text breaks off in is not there in full (P-10 says so).
        if ctx.report.cut_in_section(6) {
            return;
        }
        let Some(body) = section_body(ctx, 6) else {
            return;
        };
        let six: String = ctx.text[body.start..body.end]
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect();
        if WORDS.iter().any(|w| six.contains(w)) {
            return;
        }
        let mut d = Self::META
            .diag(Msg::new(
                "第六部分没有报告信息处理费的收取情况（未收取也应写明）",
                "section 6 does not report on information-processing fees (say so if none were charged)",
            ))
            .at(heading_span(ctx, 6));
        let compact: String = ctx.text.chars().filter(|c| !c.is_whitespace()).collect();
        if WORDS.iter().any(|w| compact.contains(w)) {
            d = d.note(Msg::new(
                "报告其他部分提到了信息处理费，但格式要求在第六部分专门报告",
                "another part of the report mentions the fee, but the format asks for it in section 6",
            ));
        }
        out.push(d);
    }
}
