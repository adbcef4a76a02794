use crate::diagnostic::{Diagnostic, Msg, Severity};
use crate::parse::document::fold_str;
use crate::rules::RuleCtx;
use crate::source::Span;
use crate::template::SECTIONS;

crate::declare_rule! {
    pub struct Sections;
    code: "S-1", name: "section-missing", family: Structure, severity: Error,
    formats: [F2021, F2019],
    summary: ("缺少规定的部分，或部分顺序、标题不符", "a required section is missing, out of order or differently worded"),
    what: (
        "检查六个部分（一、总体情况 … 六、其他需要报告的事项）都在且按顺序出现。缺少某部分为错误；标题用语与模板不同（如“行政法复议”）只作提示。",
        "Checks that the six sections (1. overview … 6. other matters) are all there, in order. A missing section is an error; a heading worded differently from the template (such as a typo) is only a notice."
    ),
    why: (
        "年度报告格式规定了六个部分；缺少部分即内容不全，违反《条例》第五十条“不能遗漏”的要求。",
        "The official format has six sections; a missing one leaves out content that Art. 50 of the Regulations requires (“不能遗漏”)."
    ),
    basis: "SPEC §2.1, §6.1 S-1 [C]: 国办公开办函〔2021〕30号 and 〔2019〕60号 section headings; heading variants accepted with at most a notice.",
    fails: "一、总体情况 … 二、主动公开政府信息情况 … 四、政府信息公开行政复议、行政诉讼情况 …（缺三）",
    passes: "一、总体情况 二、主动公开政府信息情况 三、收到和处理政府信息公开申请情况 四、… 五、… 六、…",
}

/// Heading wordings seen in real reports that are not worth a notice (SPEC §2.1).
const ACCEPTED: &[&str] = &[
    "二、行政机关主动公开政府信息情况",
    "三、行政机关收到和处理政府信息公开申请情况",
    "四、因政府信息公开工作被申请行政复议、提起行政诉讼情况",
    "五、政府信息公开工作存在的主要问题及改进情况",
    "五、存在问题及改进情况",
];

impl Sections {
    fn run(&self, ctx: &RuleCtx, out: &mut Vec<Diagnostic>) {
        let found = &ctx.report.sections;
        for spec in SECTIONS.iter() {
            match found.iter().find(|s| s.number == spec.number) {
                // The text stops before this section (P-10 says where): not the report's gap.
                None if ctx.report.cut_before_section(spec.number) => {}
                None => {
                    // Point where it should have been: after the previous section's heading.
                    let at = found
                        .iter()
                        .filter(|s| s.number < spec.number)
                        .map(|s| s.heading_span)
                        .next_back()
                        .unwrap_or(Span::new(0, 0));
                    out.push(
                        Self::META
                            .diag(Msg::new(
                                format!("缺少第{}部分“{}”", spec.number, spec.heading),
                                format!("section {} “{}” is missing", spec.number, spec.heading),
                            ))
                            .at(Some(at)),
                    );
                }
                Some(s) => {
                    let heading = fold_str(&s.heading);
                    let official = fold_str(spec.heading);
                    if heading != official && !ACCEPTED.iter().any(|a| fold_str(a) == heading) {
                        let mut d = Self::META
                            .diag(Msg::new(
                                format!(
                                    "第{}部分标题“{}”与格式模板“{}”不一致",
                                    spec.number, s.heading, spec.heading
                                ),
                                format!(
                                    "section {} is headed “{}”, the template says “{}”",
                                    spec.number, s.heading, spec.heading
                                ),
                            ))
                            .at(Some(s.heading_span));
                        d.severity = Severity::Notice;
                        out.push(d);
                    }
                }
            }
        }
        // Order: the parser finds headings in order, so a section found out of order shows as
        // missing; nothing more to say here.
    }
}
