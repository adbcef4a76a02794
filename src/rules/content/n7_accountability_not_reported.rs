use super::heading_span;
use crate::diagnostic::{Diagnostic, Msg};
use crate::rules::RuleCtx;

crate::declare_rule! {
    pub struct AccountabilityNotReported;
    code: "N-7", name: "accountability-not-reported", family: Content, severity: Notice,
    formats: [F2021, F2019],
    summary: ("政府年报未报告工作考核、社会评议和责任追究结果", "a government's report does not cover assessment, public appraisal and accountability"),
    what: (
        "报告机关是一级政府（名称以“人民政府”“街道办事处”“乡”“镇”结尾，或为开发区等管委会，或只是行政区划名如“××市”）而不是政府部门时，检查全文是否谈到工作考核（考核/考评/绩效）、社会评议（评议/评估/满意度/社会评价）和责任追究（责任追究/追责/问责/责任人，或“未发现违反……”）；缺少任一方面时提示。",
        "When the reporting body is a government (its name ends in 人民政府, 街道办事处, 乡 or 镇, or it is a zone's 管委会, or it is a bare place name such as “××市”) and not one of its departments, checks that the report speaks of performance assessment, public appraisal and accountability; notes any that is missing."
    ),
    why: (
        "《政府信息公开条例》第五十条：各级人民政府的年度报告还应当包括工作考核、社会评议和责任追究结果情况；2021年格式将其列入总体情况的“监督保障”。",
        "Article 50 of the Regulations requires the reports of governments at every level to include the results of assessment, public appraisal and accountability; the 2021 format places them under “supervision” in the overview."
    ),
    basis: "SPEC §6.7 N-7 [C]: 条例第五十条第（四）项; 国办公开办函〔2021〕30号 填报说明（一）. Government detection from the agency name [H].",
    fails: "示例区人民政府2023年政府信息公开工作年度报告（全文未提考核、评议、追责）",
    passes: "……将政务公开纳入绩效考核，开展社会评议，全年未发生责任追究情况。",
}

/// Is the reporting body a government (not one of its departments)?
pub(crate) fn is_government(name: &str) -> bool {
    let n: String = name.chars().filter(|c| !c.is_whitespace()).collect();
    let n = n.trim_end_matches([')', '）']).to_string();
    let n = n
        .strip_suffix("(本级")
        .or_else(|| n.strip_suffix("（本级"))
        .unwrap_or(&n)
        .to_string();
    // A name, not a phrase the parser mistook for one.
    if n.chars().count() < 2 || n.chars().count() > 24 || n.contains(['、', '，', ',', '。', '；'])
    {
        return false;
    }
    if n.ends_with("人民政府")
        || n.ends_with("街道办事处")
        || n.ends_with("街道")
        || n.ends_with("管委会")
    {
        return true;
    }
    if n.ends_with("管理委员会") {
        return !n.contains("监督")
            && [
                "开发区",
                "新区",
                "实验区",
                "园区",
                "高新区",
                "保税区",
                "示范区",
                "试验区",
                "合作区",
                "管理区",
            ]
            .iter()
            .any(|z| n.contains(z));
    }
    const DEPARTMENT: &[&str] = &[
        "局", "厅", "委", "办", "署", "院", "所", "中心", "站", "队", "会", "部", "处", "室", "司",
        "行", "海关", "公司", "集团", "学校", "大学",
    ];
    if DEPARTMENT.iter().any(|d| n.contains(d)) {
        return false;
    }
    ["乡", "镇", "苏木", "省", "市", "县", "区", "旗", "盟", "州"]
        .iter()
        .any(|s| n.ends_with(s))
}

const ASPECTS: &[(&[&str], &str, &str)] = &[
    (
        &["考核", "考评", "绩效"],
        "工作考核",
        "performance assessment",
    ),
    (
        &["评议", "评估", "测评", "满意度", "社会评价", "群众评价"],
        "社会评议",
        "public appraisal",
    ),
    (
        &[
            "责任追究",
            "追究责任",
            "追责",
            "问责",
            "责任人",
            "追究",
            "违反",
            "违规",
        ],
        "责任追究",
        "accountability",
    ),
];

impl AccountabilityNotReported {
    fn run(&self, ctx: &RuleCtx, out: &mut Vec<Diagnostic>) {
        let Some(agency) = ctx.report.agency.as_deref() else {
            return;
        };
        if !is_government(agency) {
            return;
        }
        // Only a whole report can be said to leave something out: sections 五 or 六 must be
        // there (truncated copies stop earlier).
        if !ctx.report.sections.iter().any(|s| s.number >= 5) {
            return;
        }
        let text: String = ctx.text.chars().filter(|c| !c.is_whitespace()).collect();
        let missing: Vec<&(&[&str], &str, &str)> = ASPECTS
            .iter()
            .filter(|a| !a.0.iter().any(|w| text.contains(w)))
            .collect();
        if missing.is_empty() {
            return;
        }
        let zh = missing.iter().map(|a| a.1).collect::<Vec<_>>().join("、");
        let en = missing.iter().map(|a| a.2).collect::<Vec<_>>().join(", ");
        out.push(
            Self::META
                .diag(Msg::new(format!("{agency}是一级政府，报告未见{zh}结果情况"), format!("{agency} is a government, but its report says nothing of {en}")))
                .at(heading_span(ctx, 1).or(ctx.report.title_span))
                .note(Msg::new(
                    "条例第五十条要求各级人民政府的年报包括工作考核、社会评议和责任追究结果情况，通常写在总体情况的“监督保障”部分",
                    "Article 50 requires governments' reports to include the results of assessment, public appraisal and accountability, usually under “supervision” in the overview",
                )),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::is_government;

    #[test]
    fn governments_and_departments() {
        for g in [
            "淮安市人民政府",
            "平潭综合实验区",
            "平潭综合实验区管委会",
            "唐村镇",
            "冲口街道办事处",
            "上海市",
            "漳州古雷港经济开发区",
            "示例区人民政府",
        ] {
            assert!(is_government(g), "{g}");
        }
        for d in [
            "上海市人民政府办公厅",
            "湛江海关关区",
            "海关总署(本级机关)",
            "区统计局",
            "某市人民政府国有资产监督管理委员会",
            "平潭综合实验区地方税务局",
        ] {
            assert!(!is_government(d), "{d}");
        }
    }
}
