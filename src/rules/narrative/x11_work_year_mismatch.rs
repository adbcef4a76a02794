use super::scan::{self, Flat};
use crate::diagnostic::{Diagnostic, Msg};
use crate::rules::RuleCtx;

crate::declare_rule! {
    pub struct WorkYearMismatch;
    code: "X-11", name: "work-year-mismatch", family: Narrative, severity: Notice,
    formats: [F2021, F2019],
    summary: ("总体情况写的工作年份不是报告年度", "the overview describes the work of a year other than the report year"),
    what: (
        "在总体情况中找作为句首、表示“这一年做了什么”的年份（“2022年，我区……”“2022年度，……”）；如果有这样的年份而总体情况从未提到报告年度，提示可能套用了往年报告。含“将、计划、拟、下一步”等的打算不算；标题与统计期限年份不一致时不检查（由S-6报告）。",
        "Finds years at the start of a clause in the overview that say what was done (“2022年，我区……”, “2022年度，……”); when there are such years and the overview never names the report year, notes that last year's text may have been reused. Plans (将, 计划, 拟, 下一步 …) do not count; nothing is checked when the title and the statistics period disagree (S-6 reports that)."
    ),
    why: (
        "年报内容雷同、照抄往年是官方点名的问题；正文年份写错也会让读者误解数据所属年度。",
        "Copying last year's report is a failure the official notice names; a wrong year in the text also misleads readers about which year the numbers belong to."
    ),
    basis: "SPEC §6.5 X-11 [H]; 国办公开办函〔2021〕30号 §三(四) (“内容雷同”).",
    fails: "示例区2023年政府信息公开工作年度报告 … 一、总体情况 2022年，示例区人民政府坚持……",
    passes: "示例区2023年政府信息公开工作年度报告 … 一、总体情况 2023年，示例区人民政府坚持……",
}

const PLANS: &[&str] = &[
    "将",
    "计划",
    "拟",
    "下一步",
    "预计",
    "力争",
    "争取",
    "明年",
    "下一年",
];

/// Years used as the topic of a clause: (flat byte range of “YYYY年”, year).
fn work_years(flat: &Flat) -> Vec<(usize, usize, i32)> {
    let t = flat.text.as_str();
    let mut out = Vec::new();
    for (i, y) in scan::years(t) {
        let after = &t[i + 4..];
        let len = if after.starts_with("年度,") {
            "年度".len()
        } else if after.starts_with("年,")
            || after.starts_with("年全年")
            || after.starts_with("年以来")
            || after.starts_with("年度全年")
        {
            "年".len()
        } else {
            continue;
        };
        // At the start of a clause (or right after a sub-heading number).
        let before = &t[..i];
        let at_start = before.is_empty()
            || before.ends_with(['。', ',', ';', ':', '|', '!', '?', ')', '）'])
            || before.ends_with("方面")
            || before.ends_with("情况");
        if !at_start {
            continue;
        }
        let (ss, se) = flat.sentence(i);
        if PLANS.iter().any(|p| t[ss..se].contains(p)) {
            continue;
        }
        // Inside a document title “《…2022年…》”.
        if t[ss..i].matches('《').count() > t[ss..i].matches('》').count() {
            continue;
        }
        out.push((i, i + 4 + len, y));
    }
    out
}

impl WorkYearMismatch {
    fn run(&self, ctx: &RuleCtx, out: &mut Vec<Diagnostic>) {
        let Some(year) = ctx.report.year else { return };
        let e = &ctx.report.year_evidence;
        if let (Some(t), Some(p)) = (e.title, e.period) {
            if t != p {
                return;
            }
        }
        let flats = scan::narrative(ctx);
        let Some(flat) = flats.iter().find(|f| f.section == 1) else {
            return;
        };
        // Only when the overview never names the report year at all: a year of background
        // (“2022年，我局被评为……”) beside this year's work is normal.
        let ys = work_years(flat);
        if ys.is_empty() || scan::years(&flat.text).iter().any(|y| y.1 == year) {
            return;
        }
        let (s, e, y) = ys[0];
        let others: Vec<String> = ys.iter().map(|y| y.2.to_string()).collect();
        out.push(
            Self::META
                .diag(Msg::new(
                    format!("总体情况以“{y}年”叙述工作，但本报告是{year}年度报告"),
                    format!("the overview describes the work of {y}, but this is the report for {year}"),
                ))
                .at(Some(ctx.source_span(flat.span(s, e))))
                .note(Msg::new(
                    format!("总体情况中作句首的年份：{}；没有一处是{year}年，可能套用了往年报告", others.join("、")),
                    format!("years at the start of clauses in the overview: {}; none is {year}, so last year's text may have been reused", others.join(", ")),
                )),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn topic_years_skip_plans_and_titles() {
        let f = Flat::plain("2022年，我区坚持……。印发《2021年，工作要点》。2024年，我区将继续推进。（二）依申请公开方面2022年,收到申请3件。");
        let ys: Vec<i32> = work_years(&f).iter().map(|y| y.2).collect();
        assert_eq!(ys, vec![2022, 2022]);
    }
}
