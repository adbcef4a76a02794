use crate::diagnostic::{Diagnostic, Msg};
use crate::parse::meta::years_in;
use crate::rules::meta::parse_date;
use crate::rules::RuleCtx;

crate::declare_rule! {
    pub struct YearMismatch;
    code: "S-6", name: "report-year-mismatch", family: Structure, severity: Warning,
    formats: [F2021, F2019, Pre2019],
    summary: ("报告年度的几处写法不一致（标题、开头、统计期限、发布日期）", "the report's year is stated differently in different places (title, opening, statistics period, publication date)"),
    what: (
        "比较报告给自己的年度（标题，没有标题时为开头“现公布……20XX年度……报告”一句）与统计期限（“统计期限自20XX年1月1日……”）的年度，不一致时警告（常见于套用上年报告未改年份），并说明报告年度按哪一处取；统计期限（或标题）的年度与发布日期不合——报告在统计期限结束之前就已发布——时也提示，此时报告年度按统计期限而不按发布日期推算。",
        "Compares the year the report gives itself (its title or, without one, the opening sentence “现公布……20XX年度……报告”) with the year of the statistics period; warns when they differ (typically last year's report reused without changing the year) and says which one the report year was taken from. Also notes a publication date before the end of the period the report covers: the report year then follows the period, not the date."
    ),
    why: ("年度不一致会让读者无法确定数据属于哪一年；统计期限未结束就发布的年报，数据不可能是全年的。", "With two years a reader cannot tell which year the numbers belong to; a report published before its period ended cannot hold the whole year's figures."),
    basis: "SPEC §6.1 S-6 [I]; §5 (report year from title, period sentence, publication date: the stated years win over the date).",
    fails: "示例区2023年政府信息公开工作年度报告 … 统计期限自2022年1月1日起至2022年12月31日止",
    passes: "示例区2023年政府信息公开工作年度报告 … 统计期限自2023年1月1日起至2023年12月31日止",
}

impl YearMismatch {
    fn run(&self, ctx: &RuleCtx, out: &mut Vec<Diagnostic>) {
        let r = ctx.report;
        let e = &r.year_evidence;
        // The year the report names itself with, against its statistics period.
        if let (Some(t), Some(p)) = (e.title, e.period) {
            if t != p {
                let in_title = r.title.as_deref().is_some_and(|x| {
                    let x: String = x.chars().filter(|c| !c.is_whitespace()).collect();
                    years_in(&x).iter().any(|&(_, y)| y == t)
                });
                let (wz, we) = if in_title {
                    ("标题", "the title")
                } else {
                    ("报告开头一句", "the opening sentence")
                };
                let taken = r.year.unwrap_or(t);
                out.push(
                    Self::META
                        .diag(Msg::new(
                            format!("{wz}为{t}年度报告，但统计期限写的是{p}年"),
                            format!("{we} names a report for {t}, but the statistics period says {p}"),
                        ))
                        .at(if in_title { r.title_span } else { None })
                        .note(Msg::new(
                            format!("报告年度按{wz}取{taken}年；两处应有一处写错（常见于套用上年报告）"),
                            format!("the report year was taken from {we}: {taken}; one of the two is wrong (often last year's report reused)"),
                        )),
                );
                return;
            }
        }
        // A publication date before the end of the year the report covers.
        let (Some(year), Some(date)) = (
            e.period.or(e.title),
            r.published.as_deref().and_then(parse_date),
        ) else {
            return;
        };
        if date < (year + 1, 1, 1) {
            let (wz, we) = if e.period.is_some() {
                ("统计期限", "the statistics period")
            } else {
                ("标题", "the title")
            };
            let d = r.published.as_deref().unwrap_or_default();
            out.push(
                Self::META
                    .diag(Msg::new(
                        format!("发布日期为{d}，在{wz}所写的{year}年结束之前：报告发布时统计期限尚未结束"),
                        format!("the publication date {d} is before the end of {year}, the year {we} gives: the report was out before its period ended"),
                    ))
                    .at(r.title_span)
                    .review()
                    .note(Msg::new(
                        format!("报告年度按{wz}取{year}年，不按发布日期推算为{}年；请核对发布日期（可能是网页的建档日期）和统计期限", date.0 - 1),
                        format!(
                            "the report year follows {we} ({year}), not the publication date (which would make it {}); check the date (it may be when the page was created) and the period",
                            date.0 - 1
                        ),
                    )),
            );
        }
    }
}
