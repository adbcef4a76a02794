use super::body::{body, Level};
use super::{day_number, parse_date};
use crate::diagnostic::{Diagnostic, Msg};
use crate::rules::RuleCtx;
use crate::source::Span;

crate::declare_rule! {
    pub struct PublishedLate;
    code: "M-1", name: "published-late", family: Meta, severity: Notice,
    formats: [F2021, F2019, Pre2019, Unknown],
    summary: ("年报公布日期晚于法定期限", "the report was published after its deadline"),
    what: (
        "把页面上的发布日期与公布期限比较。报告类型（部门、乡镇、县级/地市级/省级汇总）常常看不出来，因此只在晚于所有可能类型的期限时提示：2018年度及以前的报告为次年3月31日（2008年《条例》第三十一条）；2019年度起最晚的期限也是次年3月31日（省级汇总）。机关名称表明是政府部门（……局、……厅、……委员会）时按次年1月31日（《条例》第四十九条），是乡镇、街道时也按1月31日（参照部门要求，需人工确认）。发布日期早于报告年度结束的不予判断（多半不是发布日期）。",
        "Compares the publication date on the page with the deadline. The report type (department, township, county/prefecture/province aggregate) is often not visible, so it only speaks when the report is late for every possible type: 31 March of the next year for reports up to 2018 (2008 Regulations Art. 31), and 31 March as the latest deadline (provincial aggregates) from 2019. When the agency's name shows a government department (…局, …厅, …委员会) the deadline is 31 January (Regulations Art. 49); for townships and sub-districts 31 January too (by analogy with departments; flagged for review). Dates before the end of the report year are ignored (they are rarely publication dates)."
    ),
    why: (
        "“不按时发布”是国办通知点名的问题，负责人可被追责。",
        "Late publication is one of the failures the State Council notice names as grounds for holding officials accountable."
    ),
    basis: "SPEC §6.8 M-1; §2.6 deadlines [C] (国办公开办函〔2021〕30号 §二; 2019 条例 Art. 49; 2008 条例 Art. 31).",
    fails: "平潭综合实验区2011年政府信息公开工作年度报告  发布时间: 2012-04-11（期限2012年3月31日）",
    passes: "平潭综合实验区2022年度政府信息公开工作年度报告  发布时间: 2023-02-20",
}

impl PublishedLate {
    fn run(&self, ctx: &RuleCtx, out: &mut Vec<Diagnostic>) {
        let r = ctx.report;
        let (Some(year), Some(published)) = (r.year, r.published.as_deref()) else {
            return;
        };
        let Some(date) = parse_date(published) else {
            return;
        };
        // The year must be stated (title or statistics period), not inferred from the date.
        if r.year_evidence.title.is_none() && r.year_evidence.period.is_none() {
            return;
        }
        if date < (year + 1, 1, 1) {
            return;
        }
        let b = body(r);
        // (deadline, needs review, zh basis, en basis)
        let (deadline, review, bz, be) = if year <= 2018 {
            (
                (year + 1, 3, 31),
                false,
                "2008年《政府信息公开条例》第三十一条：各级行政机关应当在每年3月31日前公布年度报告".to_string(),
                "2008 Regulations Art. 31: every administrative body publishes its report by 31 March".to_string(),
            )
        } else if let Some(b) = b.as_ref().filter(|b| b.department) {
            (
                (year + 1, 1, 31),
                false,
                format!(
                    "“{}”是政府部门，《政府信息公开条例》第四十九条：县级以上人民政府部门应当在每年1月31日前向社会公布上一年度年报",
                    b.name
                ),
                format!(
                    "“{}” is a government department; Regulations Art. 49: departments publish last year's report by 31 January",
                    b.name
                ),
            )
        } else if let Some(b) = b.as_ref().filter(|b| b.level == Level::Township) {
            (
                (year + 1, 1, 31),
                true,
                format!(
                    "“{}”是乡镇（街道），推定期限为1月31日：国办公开办函〔2021〕30号规定乡镇人民政府参照对县级以上人民政府部门的要求",
                    b.name
                ),
                format!(
                    "“{}” is a township; its deadline is presumed to be 31 January: notice 〔2021〕30 has townships follow the rule for departments",
                    b.name
                ),
            )
        } else {
            (
                (year + 1, 3, 31),
                false,
                "报告类型不明，按最晚的期限（省级汇总报告、垂直管理系统，3月31日）判断；部门和乡镇为1月31日，县级汇总2月20日，地市级汇总3月10日".to_string(),
                "report type unknown: judged by the latest deadline (provincial and vertical-system aggregates, 31 March); departments and townships 31 January, county aggregates 20 February, prefecture aggregates 10 March".to_string(),
            )
        };
        if date <= deadline {
            return;
        }
        let days = day_number(date) - day_number(deadline);
        let (dy, dm, dd) = deadline;
        let mut d = Self::META
            .diag(Msg::new(
                format!("{year}年度报告的发布日期为{published}，晚于公布期限{dy}年{dm}月{dd}日（晚{days}天）"),
                format!("the {year} report is dated {published}, {days} days after its deadline of {dy}-{dm:02}-{dd:02}"),
            ))
            .at(date_span(ctx, date).or(r.title_span))
            .note(Msg::new(bz, be));
        if review {
            d = d.review();
        }
        if days > 365 {
            d = d.review().note(Msg::new(
                "发布日期比期限晚一年以上，可能是网站改版迁移或转载的日期，请核对首次公布的日期",
                "the date is more than a year past the deadline; it may be the date of a site migration or a re-post; check when the report was first published",
            ));
        }
        out.push(d);
    }
}

/// Where the date is printed near the top of the text, as a source span.
fn date_span(ctx: &RuleCtx, (y, m, d): (i32, u32, u32)) -> Option<Span> {
    let head_end = crate::source::LineIndex::clamp(ctx.text, 8000.min(ctx.text.len()));
    let head = &ctx.text[..head_end];
    for s in [
        format!("{y}-{m:02}-{d:02}"),
        format!("{y}年{m}月{d}日"),
        format!("{y}-{m}-{d}"),
        format!("{y}年{m:02}月{d:02}日"),
    ] {
        if let Some(i) = head.find(&s) {
            return Some(ctx.source_span(Span::new(i, i + s.len())));
        }
    }
    None
}
