use super::scan::{self, Find, Flat, Mention};
use super::table::{req_total, Val};
use super::{
    about_requests, after, finding, first_disagreeing, quote, superset_follows, CASE_UNITS,
    REQUEST_STOPS,
};
use crate::diagnostic::{Diagnostic, Msg};
use crate::rules::util::fmt;
use crate::rules::RuleCtx;

crate::declare_rule! {
    pub struct ReceivedCount;
    code: "X-1", name: "received-count-mismatch", family: Narrative, severity: Warning,
    formats: [F2021, F2019],
    summary: ("正文所述收到申请数与表三不符", "the number of requests received in the text differs from table 3"),
    what: (
        "在总体情况（及第三、四部分表前文字）中找“新收/收到/受理……申请N件”，与表三“一、本年新收政府信息公开申请数量”总计比较。“收到”“受理”可能含上年结转，故与“一”或“一+二”任一相符即通过；“新收”只与“一”比较。两种读法都不符而措辞有歧义时，标为“需人工复核”。",
        "Finds “received/accepted … N requests” in the overview (and the prose before tables 3 and 4) and compares N with row 一 (new requests) of table 3, total column. “收到/受理” may include requests carried over, so either row 一 or 一+二 passes; “新收” (newly received) is compared with row 一 only. When neither reading fits a phrase that can be read both ways, the finding is marked needs-review."
    ),
    why: (
        "正文和表格是同一组数据，说法不一会让读者无法判断哪个是真实数字，也是“发布内容不准确”的典型表现。",
        "The text and the table report the same data; when they disagree a reader cannot tell which is right, a typical case of the “inaccurate content” the official notice warns about."
    ),
    basis: "SPEC §6.5 X-1 [I]/[H]; both readings occur in real reports (Pingtan 2022 “收到75件” = 74 new + 1 carried over; Pingtan 2025 “收到154件” = new).",
    fails: "全年共收到政府信息公开申请80件。（表三：本年新收74，上年结转1）",
    passes: "2022年，全区收到政府信息公开申请75件。（表三：本年新收74，上年结转1）",
}

const STRICT: &[&str] = &["本年新收", "本年度新收", "新收到", "新收", "新受理"];
const LOOSE: &[&str] = &[
    "共收到",
    "收到",
    "共受理",
    "受理",
    "接收",
    "接到",
    "共计收到",
];

/// “未收到政府信息公开申请”: a claim of zero.
fn zero_claims(flat: &Flat) -> Vec<Mention> {
    let t = flat.text.as_str();
    let mut out = Vec::new();
    for neg in ["未收到", "没有收到", "未接到", "未受理"] {
        for (i, _) in t.match_indices(neg) {
            let (_, ce) = flat.clause(i);
            let rest = &t[i + neg.len()..ce];
            let Some(p) = rest.find("申请") else {
                continue;
            };
            let gap = &rest[..p];
            if gap.chars().count() > 12
                || gap.chars().any(|c| c.is_ascii_digit())
                || REQUEST_STOPS.iter().any(|s| gap.contains(s))
                || !rest[..p].contains("公开")
            {
                continue;
            }
            let end = i + neg.len() + p + "申请".len();
            out.push(Mention {
                keyword: "未收到",
                kw_start: i,
                kw_end: end,
                count: scan::Count {
                    value: 0.0,
                    start: i,
                    num_end: end,
                    end,
                    unit: '件',
                    approx: false,
                },
                gap: String::new(),
                forward: true,
            });
        }
    }
    out
}

/// Mentions of requests received in one stretch of narrative, zero claims included.
fn collect(flat: &Flat, year: Option<i32>) -> Vec<Mention> {
    let spec = Find {
        keywords: &[],
        forward: 30,
        backward: 0,
        stops: REQUEST_STOPS,
        units: CASE_UNITS,
        exclusive: false,
    };
    let keywords: Vec<&'static str> = STRICT.iter().chain(LOOSE).copied().collect();
    let mut out = Vec::new();
    for m in scan::find(flat, &keywords, &spec, year) {
        // The number must be of requests for information: “申请” between, or right after.
        let a = after(flat, &m);
        let of_requests = m.gap.contains("申请")
            || ["申请", "政府信息公开申请", "信息公开申请", "依申请"]
                .iter()
                .any(|w| a.starts_with(w));
        if of_requests && about_requests(flat, &m) && !superset_follows(flat, &m) {
            out.push(m);
        }
    }
    out.extend(zero_claims(flat));
    out
}

fn is_strict(m: &Mention) -> bool {
    STRICT.contains(&m.keyword)
}

impl ReceivedCount {
    fn run(&self, ctx: &RuleCtx, out: &mut Vec<Diagnostic>) {
        let report = ctx.report;
        let Some(new) = req_total(report, "new") else {
            return;
        };
        let carried = req_total(report, "carried_over");
        let both = carried.as_ref().map(|c| new.val.add(c.val));
        let flats = scan::narrative(ctx);
        let items: Vec<(&Flat, Mention)> = flats
            .iter()
            .flat_map(|f| collect(f, report.year).into_iter().map(move |m| (f, m)))
            .collect();
        let readings = |m: &Mention| -> Vec<Val> {
            let mut r = vec![new.val];
            if !is_strict(m) {
                r.extend(both);
            }
            r
        };
        let Some((flat, m)) = first_disagreeing(&items, |(_, m)| {
            Some(readings(m).iter().any(|v| v.agrees(m.count.value)))
        }) else {
            return;
        };
        let n = m.count.value;
        let phrase = quote(ctx, flat, m);
        let (message, note) = match (&carried, is_strict(m)) {
            (Some(c), false) => {
                let sum = new.val.add(c.val);
                (
                    Msg::new(
                        format!("正文“{phrase}”，而表三本年新收{}件、加上年结转共{}件，均不相符", new.val.text(), sum.text()),
                        format!(
                            "the text says {} requests were received (“{phrase}”), but table 3 has {} new and {} with those carried over",
                            fmt(n),
                            new.val.text(),
                            sum.text()
                        ),
                    ),
                    Msg::new(
                        format!(
                            "本年新收 = {} ≠ {}；本年新收 + 上年结转 = {} + {} = {} ≠ {}",
                            new.val.text(),
                            fmt(n),
                            new.val.text(),
                            c.val.text(),
                            sum.text(),
                            fmt(n)
                        ),
                        format!(
                            "new = {} ≠ {}; new + carried over = {} + {} = {} ≠ {}",
                            new.val.text(),
                            fmt(n),
                            new.val.text(),
                            c.val.text(),
                            sum.text(),
                            fmt(n)
                        ),
                    ),
                )
            }
            _ => (
                Msg::new(
                    format!("正文“{phrase}”，而表三“一、本年新收政府信息公开申请数量”为{}件", new.val.text()),
                    format!("the text says {} new requests (“{phrase}”), but table 3 row 一 (new requests) has {}", fmt(n), new.val.text()),
                ),
                Msg::new(format!("本年新收 = {} ≠ {}", new.val.text(), fmt(n)), format!("new requests = {} ≠ {}", new.val.text(), fmt(n))),
            ),
        };
        let parts: Vec<_> = carried.iter().cloned().collect();
        let mut d = finding(&Self::META, ctx, flat, m, message, note, &new, &parts);
        if !is_strict(m) {
            d = d.review().note(Msg::new(
                "“收到”“受理”可能只指本年新收，也可能含上年结转（亦可能按“一事一申请”拆分计数），请人工核对",
                "“收到/受理” may mean new requests only or include those carried over (or count split requests); please check by hand",
            ));
        }
        out.push(d);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn got(t: &str) -> Vec<(f64, bool)> {
        collect(&Flat::plain(t), Some(2023))
            .iter()
            .map(|m| (m.count.value, is_strict(m)))
            .collect()
    }

    #[test]
    fn reads_the_usual_phrasings() {
        assert_eq!(
            got("2023年，全区收到政府信息公开申请75件，涉及自然人72件。"),
            vec![(75.0, false)]
        );
        assert_eq!(
            got("依申请公开方面。本年度全区共收到70件申请，办结69件。"),
            vec![(70.0, false)]
        );
        assert_eq!(
            got("全年本年新收政府信息公开申请12件，上年结转2件。"),
            vec![(12.0, true)]
        );
        assert_eq!(
            got("全市共受理政府信息公开申请 3119\n件，答复 3050 件。"),
            vec![(3119.0, false)]
        );
        assert_eq!(got("本年度未收到政府信息公开申请。"), vec![(0.0, false)]);
    }

    #[test]
    fn leaves_other_numbers_alone() {
        // Other kinds of requests, changes, approximations, other years, supersets.
        assert!(got("受理各类群众诉求259起，办理政府信息公开工作。").is_empty());
        assert!(got("收到行政复议申请3件，涉及政府信息公开。").is_empty());
        assert!(got("收到政府信息公开申请较上年增加5件。").is_empty());
        assert!(got("收到政府信息公开申请100余件。").is_empty());
        assert!(got("2022年收到政府信息公开申请80件。").is_empty());
        assert!(got("全年共受理各类申请1200件，其中政府信息公开申请12件。").is_empty());
        assert!(got("受理行政许可申请1200件，政府信息公开工作稳步推进。").is_empty());
    }
}
