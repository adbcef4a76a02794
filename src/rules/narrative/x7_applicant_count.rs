use super::scan::{Find, Flat, Mention};
use super::table::{req_cell, sum, Part, Val};
use super::{finding, first_disagreeing, mentions, quote, scan, CASE_UNITS, REQUEST_STOPS};
use crate::diagnostic::{Diagnostic, Msg};
use crate::rules::util::{col_en, col_zh, fmt};
use crate::rules::RuleCtx;

crate::declare_rule! {
    pub struct ApplicantCount;
    code: "X-7", name: "applicant-count-mismatch", family: Narrative, severity: Warning,
    formats: [F2021, F2019],
    summary: ("正文所述各类申请人的申请数与表三不符", "a count of requests by applicant type in the text differs from table 3"),
    what: (
        "在谈申请的句子中找“自然人N件”“商业企业N件”“法人或其他组织N件”等，与表三该列比较：本年新收、本年新收加上年结转、（七）总计三种读法任一相符即通过。",
        "In sentences about requests, finds “natural persons N”, “commercial enterprises N”, “legal persons or other organisations N” and the like, and compares N with that column of table 3: new requests, new plus carried over, or row (7) total — any one passes."
    ),
    why: (
        "申请人构成是表三的一半内容，正文与表格不一致说明其中一处有误。",
        "Applicant types are half of table 3; a text that disagrees with it means one of the two is wrong."
    ),
    basis: "SPEC §6.5 X-7 [I]; Pingtan 2022 “涉及自然人72件、商业企业3件” = 71 new + 1 carried over, and 3 (passes).",
    fails: "涉及自然人15件。（表三自然人：本年新收10，上年结转2，（七）总计11）",
    passes: "涉及自然人72件、商业企业3件。（表三自然人：本年新收71，上年结转1）",
}

const KEYWORDS: &[(&str, &[usize])] = &[
    ("自然人", &[0]),
    ("商业企业", &[1]),
    ("科研机构", &[2]),
    ("社会公益组织", &[3]),
    ("公益组织", &[3]),
    ("法律服务机构", &[4]),
    ("法人或其他组织", &[1, 2, 3, 4, 5]),
    ("法人和其他组织", &[1, 2, 3, 4, 5]),
    ("法人及其他组织", &[1, 2, 3, 4, 5]),
];

const STOPS: &[&str] = &[
    "办理", "服务", "事项", "占", "登记", "注册", "许可", "处罚", "信息",
];

/// A reading of the applicant count: the value and its wording in both languages.
type Reading = (Val, &'static str, &'static str);

fn readings(ctx: &RuleCtx, cols: &[usize]) -> Option<(Vec<Part>, Vec<Reading>)> {
    let get = |key: &str| {
        cols.iter()
            .map(|&c| req_cell(ctx.report, key, c))
            .collect::<Option<Vec<Part>>>()
    };
    let new = get("new")?;
    let mut r = vec![(sum(&new)?, "本年新收", "new")];
    let mut parts = new.clone();
    if let Some(carried) = get("carried_over") {
        r.push((
            sum(&new)?.add(sum(&carried)?),
            "本年新收加上年结转",
            "new plus carried over",
        ));
        parts.extend(carried);
    }
    if let Some(total) = get("total") {
        r.push((sum(&total)?, "（七）总计", "(7) total"));
        parts.extend(total);
    }
    Some((parts, r))
}

impl ApplicantCount {
    fn run(&self, ctx: &RuleCtx, out: &mut Vec<Diagnostic>) {
        let flats = scan::narrative(ctx);
        let kws: Vec<&'static str> = KEYWORDS.iter().map(|k| k.0).collect();
        let stops: Vec<&str> = REQUEST_STOPS.iter().chain(STOPS).copied().collect();
        let spec = Find {
            keywords: &kws,
            forward: 6,
            backward: 0,
            stops: &stops,
            units: CASE_UNITS,
            exclusive: true,
        };
        let all: Vec<(&Flat, Mention)> = mentions(flats, &kws, &spec, ctx.report.year)
            .into_iter()
            .filter(|(f, m)| {
                let (s, e) = f.sentence(m.kw_start);
                f.text[s..e].contains("申请") && super::about_requests(f, m)
            })
            .collect();
        for &(kw, cols) in KEYWORDS {
            let items: Vec<(&Flat, &Mention)> = all
                .iter()
                .filter(|x| x.1.keyword == kw)
                .map(|x| (x.0, &x.1))
                .collect();
            if items.is_empty() {
                continue;
            }
            let Some((parts, r)) = readings(ctx, cols) else {
                continue;
            };
            let Some(&(flat, m)) = first_disagreeing(&items, |x| {
                Some(r.iter().any(|v| v.0.agrees(x.1.count.value)))
            }) else {
                continue;
            };
            let n = fmt(m.count.value);
            let (cz, ce) = if cols.len() == 1 {
                (col_zh(cols[0]).to_string(), col_en(cols[0]).to_string())
            } else {
                (
                    "法人或其他组织".to_string(),
                    "legal persons or other organisations".to_string(),
                )
            };
            let listed_zh = r
                .iter()
                .map(|v| format!("{}{}", v.1, v.0.text()))
                .collect::<Vec<_>>()
                .join("，");
            let listed_en = r
                .iter()
                .map(|v| format!("{} {}", v.2, v.0.text()))
                .collect::<Vec<_>>()
                .join(", ");
            let phrase = quote(ctx, flat, m);
            let primary = parts[0].clone();
            out.push(finding(
                &Self::META,
                ctx,
                flat,
                m,
                Msg::new(
                    format!("正文“{phrase}”，而表三“{cz}”列为：{listed_zh}"),
                    format!("the text says {n} (“{phrase}”), but table 3 column “{ce}” has: {listed_en}"),
                ),
                Msg::new(format!("{listed_zh}，均 ≠ {n}"), format!("{listed_en}: none is {n}")),
                &primary,
                &parts[1..],
            ));
        }
    }
}
