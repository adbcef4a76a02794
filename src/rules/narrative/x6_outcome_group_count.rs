use super::scan::{Find, Flat, Mention};
use super::table::{group_prefix, group_rows, req_total, sum, terms, Part};
use super::{
    about_requests, finding, first_disagreeing, group_name, mentions, quote, scan, CASE_UNITS,
    GROUP_KEYWORDS,
};
use crate::diagnostic::{Diagnostic, Msg};
use crate::rules::util::{col_en, col_zh, fmt, row_en, row_zh};
use crate::rules::RuleCtx;
use crate::template::RequestGroup;

crate::declare_rule! {
    pub struct OutcomeGroupCount;
    code: "X-6", name: "outcome-group-count-mismatch", family: Narrative, severity: Warning,
    formats: [F2021, F2019],
    summary: ("正文所述不予公开、无法提供、不予处理或其他处理件数与表三该项之和不符", "a count of requests refused, unavailable, not processed or handled otherwise in the text differs from table 3"),
    what: (
        "在总体情况（及第三、四部分表前文字）中找“不予公开N件”“无法提供N件”“不予处理N件”“其他处理N件”，与表三对应一项（（三）（四）（五）（六））各子项总计之和比较。总计列空白的行按各申请人类别之和计（空白按0计，只当正文数小于此下限时才报告）。",
        "Finds “not disclosed N”, “unable to provide N”, “not processed N”, “handled otherwise N” in the overview and the prose before tables 3 and 4, and compares N with the sum of that group's sub-rows ((3), (4), (5), (6)) in table 3, total column. A blank total is replaced by the sum of the applicant columns (blanks as 0: only a narrative number below that lower bound is reported)."
    ),
    why: (
        "正文常只写了某一子项（如“本机关不掌握”）却称之为整项，读者会低估该类处理结果。",
        "The text often gives one sub-row (e.g. “not held by this agency”) as if it were the whole group, which understates that outcome."
    ),
    basis: "SPEC §6.5 X-6 [I]; real case: Shanghai government office 2019, “因本机关不掌握等原因无法提供265件” while table 3 (4)1+2+3 = 265 + 47 + 25 = 337 (265 is only row (4)1).",
    fails: "因本机关不掌握等原因无法提供265件。（表三（四）1+2+3 = 265 + 47 + 25 = 337）",
    passes: "无法提供3件。（表三（四）1+2+3 = 3 + 0 + 0）",
}

pub(crate) const STOPS: &[&str] = &[
    "占", "同比", "较", "增长", "减少", "复议", "诉讼", "主动", "信息", "条", "文件", "事项",
];

/// Mentions of the four groups, in every stretch of narrative.
pub(crate) fn group_mentions<'a>(
    ctx: &RuleCtx,
    flats: &'a [Flat],
) -> Vec<(&'a Flat, Mention, RequestGroup)> {
    let kws: Vec<&'static str> = GROUP_KEYWORDS.iter().map(|k| k.0).collect();
    let spec = Find {
        keywords: &kws,
        forward: 8,
        backward: 6,
        stops: STOPS,
        units: CASE_UNITS,
        exclusive: true,
    };
    mentions(flats, &kws, &spec, ctx.report.year)
        .into_iter()
        .filter(|(f, m)| about_requests(f, m) && !super::sentence_has(f, m, super::DOCUMENT_WORDS))
        .filter_map(|(f, m)| {
            GROUP_KEYWORDS
                .iter()
                .find(|k| k.0 == m.keyword)
                .map(|k| (f, m, k.1))
        })
        .collect()
}

/// The parts of a group: every sub-row's total (or its columns' sum).
pub(crate) fn group_parts(ctx: &RuleCtx, g: RequestGroup) -> Option<Vec<Part>> {
    let rows = group_rows(ctx.report, g);
    if rows.is_empty() {
        return None;
    }
    rows.iter().map(|r| req_total(ctx.report, r.key)).collect()
}

/// When the narrative number equals a single sub-row or a single cell, say so: it is the
/// usual cause of the mismatch.
pub(crate) fn equals_a_cell(ctx: &RuleCtx, parts: &[Part], n: f64) -> Option<Msg> {
    for p in parts {
        if parts.len() > 1 && (p.val.value() - n).abs() < 1e-6 {
            return Some(Msg::new(
                format!(
                    "{}恰为表三“{}”一行的数，正文可能只写了其中一项",
                    fmt(n),
                    row_zh(&p.cell.row)
                ),
                format!(
                    "{} is exactly row “{}” of table 3: the text may give only one sub-row",
                    fmt(n),
                    row_en(&p.cell.row)
                ),
            ));
        }
    }
    let t = ctx.report.requests.as_ref()?;
    for p in parts {
        let row = t.row(&p.cell.row)?;
        for (c, cell) in row.cells.iter().enumerate().take(6) {
            if cell
                .number()
                .is_some_and(|v| v > 0.0 && (v - n).abs() < 1e-6)
            {
                return Some(Msg::new(
                    format!("{}恰为表三“{}”一行“{}”列的数，正文可能只写了一类申请人", fmt(n), row_zh(&p.cell.row), col_zh(c)),
                    format!("{} is exactly the “{}” cell of row “{}”: the text may give one applicant type only", fmt(n), col_en(c), row_en(&p.cell.row)),
                ));
            }
        }
    }
    None
}

impl OutcomeGroupCount {
    fn run(&self, ctx: &RuleCtx, out: &mut Vec<Diagnostic>) {
        let flats = scan::narrative(ctx);
        let all = group_mentions(ctx, flats);
        for &(_, g) in GROUP_KEYWORDS {
            let Some(parts) = group_parts(ctx, g) else {
                continue;
            };
            let Some(total) = sum(&parts) else { continue };
            let items: Vec<(&Flat, &Mention)> = all
                .iter()
                .filter(|x| x.2 == g)
                .map(|x| (x.0, &x.1))
                .collect();
            let Some(&(flat, m)) =
                first_disagreeing(&items, |x| Some(total.agrees(x.1.count.value)))
            else {
                continue;
            };
            let n = fmt(m.count.value);
            let (zh, en) = group_name(g);
            let (pz, pe) = group_prefix(g);
            let idx = (1..=parts.len())
                .map(|i| i.to_string())
                .collect::<Vec<_>>()
                .join("+");
            let arith = if parts.len() > 1 {
                (
                    format!("{pz}{idx} = {} = {} ≠ {n}", terms(&parts), total.text()),
                    format!("{pe}{idx} = {} = {} ≠ {n}", terms(&parts), total.text()),
                )
            } else {
                (
                    format!("{zh} = {} ≠ {n}", total.text()),
                    format!("{en} = {} ≠ {n}", total.text()),
                )
            };
            let phrase = quote(ctx, flat, m);
            let mut d = finding(
                &Self::META,
                ctx,
                flat,
                m,
                Msg::new(
                    format!("正文“{phrase}”，而表三{zh}各项之和为{}件", total.text()),
                    format!(
                        "the text says {n} (“{phrase}”), but the rows of table 3 {en} add up to {}",
                        total.text()
                    ),
                ),
                Msg::new(format!("表三{}", arith.0), format!("table 3: {}", arith.1)),
                &parts[0],
                &parts[1..],
            );
            if let Some(hint) = equals_a_cell(ctx, &parts, m.count.value) {
                d = d.note(hint);
            }
            out.push(d);
        }
    }
}
