use super::scan::{Find, Flat, Mention};
use super::table::{req_total, sum, terms, Part};
use super::{about_requests, finding, first_disagreeing, mentions, quote, scan, CASE_UNITS};
use crate::diagnostic::{Diagnostic, Msg};
use crate::rules::util::fmt;
use crate::rules::RuleCtx;

crate::declare_rule! {
    pub struct DisclosedCount;
    code: "X-5", name: "disclosed-count-mismatch", family: Narrative, severity: Warning,
    formats: [F2021, F2019],
    summary: ("正文所述予以公开、部分公开件数与表三不符", "the number of requests disclosed in full or in part in the text differs from table 3"),
    what: (
        "在总体情况（及第三、四部分表前文字）中找“予以公开及部分公开N件”“予以公开N件”“部分公开N件”，分别与表三（一）+（二）、（一）、（二）的总计比较。总计列空白时按各申请人类别之和计（空白按0计，只当正文数小于此下限时才报告）。",
        "Finds “disclosed in full or in part: N”, “disclosed: N”, “partly disclosed: N” in the overview and the prose before tables 3 and 4, and compares N with rows (1)+(2), (1) and (2) of table 3, total column. A blank total is replaced by the sum of the applicant columns (blanks as 0: only a narrative number below that lower bound is reported)."
    ),
    why: (
        "公开率是评估依申请公开工作的关键指标，正文与表格不一致会误导读者。",
        "The share of requests disclosed is the key figure of request handling; a text that disagrees with the table misleads readers."
    ),
    basis: "SPEC §6.5 X-5 [I]; real case: Shanghai government office 2019, “予以公开及部分公开258件” while table 3 gives 258+12+1+1 + 3 = 275 (258 is only the natural-persons cell of (1)).",
    fails: "予以公开及部分公开258件。（表三（一）258+12+1+1，（二）3，共275）",
    passes: "其中予以公开及部分公开8件。（表三（一）7，（二）1）",
}

/// Which rows a keyword names.
pub(crate) const KEYWORDS: &[(&str, &[&str])] = &[
    ("予以公开及部分公开", &["granted", "partial"]),
    ("予以公开和部分公开", &["granted", "partial"]),
    ("予以公开、部分公开", &["granted", "partial"]),
    ("予以公开与部分公开", &["granted", "partial"]),
    ("予以公开或部分公开", &["granted", "partial"]),
    ("予以公开部分公开", &["granted", "partial"]),
    ("全部公开及部分公开", &["granted", "partial"]),
    ("全部公开和部分公开", &["granted", "partial"]),
    ("全部或部分公开", &["granted", "partial"]),
    ("公开及部分公开", &["granted", "partial"]),
    ("公开和部分公开", &["granted", "partial"]),
    ("予以公开", &["granted"]),
    ("全部公开", &["granted"]),
    ("同意公开", &["granted"]),
    ("部分公开", &["partial"]),
];

pub(crate) const STOPS: &[&str] = &[
    "占", "同比", "较", "增长", "减少", "复议", "诉讼", "主动", "信息", "条", "文件", "事项",
];

/// Mentions of disclosed counts with the rows they name, in every stretch of narrative.
pub(crate) fn disclosed_mentions<'a>(
    ctx: &RuleCtx,
    flats: &'a [Flat],
) -> Vec<(&'a Flat, Mention, &'static [&'static str])> {
    let kws: Vec<&'static str> = KEYWORDS.iter().map(|k| k.0).collect();
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
            KEYWORDS
                .iter()
                .find(|k| k.0 == m.keyword)
                .map(|k| (f, m, k.1))
        })
        .collect()
}

fn label(rows: &[&str]) -> (&'static str, &'static str) {
    match rows {
        ["granted"] => ("（一）予以公开", "(1) disclosed"),
        ["partial"] => ("（二）部分公开", "(2) partly disclosed"),
        _ => ("（一）+（二）", "(1)+(2)"),
    }
}

impl DisclosedCount {
    fn run(&self, ctx: &RuleCtx, out: &mut Vec<Diagnostic>) {
        let flats = scan::narrative(ctx);
        let all = disclosed_mentions(ctx, flats);
        // One quantity per row set: any agreeing mention clears it.
        for rows in [
            &["granted", "partial"][..],
            &["granted"][..],
            &["partial"][..],
        ] {
            let Some(parts) = rows
                .iter()
                .map(|k| req_total(ctx.report, k))
                .collect::<Option<Vec<Part>>>()
            else {
                continue;
            };
            let Some(total) = sum(&parts) else { continue };
            let items: Vec<(&Flat, &Mention)> = all
                .iter()
                .filter(|x| x.2 == rows)
                .map(|x| (x.0, &x.1))
                .collect();
            let Some(&(flat, m)) =
                first_disagreeing(&items, |x| Some(total.agrees(x.1.count.value)))
            else {
                continue;
            };
            let n = fmt(m.count.value);
            let (zh, en) = label(rows);
            let phrase = quote(ctx, flat, m);
            let arith = if parts.len() > 1 {
                format!("{zh} = {} = {} ≠ {n}", terms(&parts), total.text())
            } else {
                format!("{zh} = {} ≠ {n}", total.text())
            };
            let arith_en = if parts.len() > 1 {
                format!("{en} = {} = {} ≠ {n}", terms(&parts), total.text())
            } else {
                format!("{en} = {} ≠ {n}", total.text())
            };
            let mut d = finding(
                &Self::META,
                ctx,
                flat,
                m,
                Msg::new(
                    format!("正文“{phrase}”，而表三{zh}为{}件", total.text()),
                    format!(
                        "the text says {n} (“{phrase}”), but table 3 {en} gives {}",
                        total.text()
                    ),
                ),
                Msg::new(format!("表三{arith}"), format!("table 3: {arith_en}")),
                &parts[0],
                &parts[1..],
            );
            if let Some(hint) =
                super::x6_outcome_group_count::equals_a_cell(ctx, &parts, m.count.value)
            {
                d = d.note(hint);
            }
            out.push(d);
        }
    }
}
