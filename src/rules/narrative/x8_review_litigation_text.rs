use super::scan::{Count, Find, Flat, Mention};
use super::table::{rev_cell, sum, Part, Val};
use super::{finding, first_disagreeing, mentions, quote, scan, CASE_UNITS};
use crate::diagnostic::{Diagnostic, Msg, Related};
use crate::rules::util::fmt;
use crate::rules::RuleCtx;
use crate::template::REVIEW_COLUMNS;

crate::declare_rule! {
    pub struct ReviewLitigationText;
    code: "X-8", name: "review-litigation-text-mismatch", family: Narrative, severity: Warning,
    formats: [F2021, F2019],
    summary: ("正文所述行政复议、行政诉讼情况与表四不符", "what the text says of administrative reviews and lawsuits differs from table 4"),
    what: (
        "在谈信息公开的句子中找“行政复议N件/起”“行政诉讼N件/起”（及“未经复议直接起诉”“复议后起诉”），与表四相应总计比较；“未发生行政复议、行政诉讼”与总计为0比较；“均已结案/审结”与“尚未审结”为0比较；“均获维持”与“结果纠正”“其他结果”“尚未审结”为0比较。仅因“尚未审结”不为0而与“均已结案”“均获维持”矛盾时标为“需人工复核”（案件可能在年底后、报告发布前审结）。",
        "In sentences about disclosure, finds “N administrative reviews” and “N lawsuits” (and suits with or without prior review) and compares N with the totals of table 4; “no reviews or lawsuits” with totals of 0; “all concluded” with pending = 0; “all upheld” with corrected, other and pending = 0. A conflict that rests only on pending cases is marked needs-review (cases may have closed after 31 December but before publication)."
    ),
    why: (
        "复议诉讼结果是依法行政的直接体现，正文与表四矛盾会误导读者。",
        "Review and litigation outcomes show whether the agency acts lawfully; a text that contradicts table 4 misleads readers."
    ),
    basis: "SPEC §6.5 X-8 [I]; real case: Shanghai government office 2019, “复议7件，诉讼9件，均获维持” while table 4 has 2 reviews and 1 lawsuit pending.",
    fails: "行政复议7件，行政诉讼9件，均获维持。（表四：复议尚未审结2，诉讼尚未审结1）",
    passes: "全区共有行政诉讼案件1件、行政复议案件2件，均已结案。（表四：复议总计2、诉讼总计1，尚未审结均为0）",
}

#[derive(Clone, Copy, PartialEq, Debug)]
enum Target {
    Review,
    Lit,
    Direct,
    After,
    Both,
}

impl Target {
    fn name(self) -> (&'static str, &'static str) {
        match self {
            Target::Review => ("行政复议总计", "the review total"),
            Target::Lit => (
                "行政诉讼总计（未经复议直接起诉 + 复议后起诉）",
                "the lawsuit total (direct + after review)",
            ),
            Target::Direct => (
                "未经复议直接起诉总计",
                "the total of suits without prior review",
            ),
            Target::After => ("复议后起诉总计", "the total of suits after review"),
            Target::Both => ("行政复议与行政诉讼总计之和", "reviews plus lawsuits"),
        }
    }
    fn groups(self) -> &'static [usize] {
        match self {
            Target::Review => &[0],
            Target::Lit => &[5, 10],
            Target::Direct => &[5],
            Target::After => &[10],
            Target::Both => &[0, 5, 10],
        }
    }
}

const KEYWORDS: &[(&str, Target)] = &[
    ("未经复议直接起诉", Target::Direct),
    ("直接提起行政诉讼", Target::Direct),
    ("直接起诉", Target::Direct),
    ("复议后提起行政诉讼", Target::After),
    ("复议后起诉", Target::After),
    ("行政复议", Target::Review),
    ("复议", Target::Review),
    ("行政诉讼", Target::Lit),
    ("诉讼", Target::Lit),
];

const STOPS: &[&str] = &[
    "投诉",
    "举报",
    "减少",
    "增加",
    "增长",
    "下降",
    "同比",
    "较",
    "分别",
    "机关",
    "决定书",
    "维持",
    "纠正",
    "纠错",
    "其他结果",
    "尚未",
    "败诉",
    "胜诉",
    "咨询",
    "应诉",
    "占",
    "率",
    "其中",
    "出庭",
];

/// A group total of table 四: its 总计 cell, or the sum of its four results when that is blank.
fn group_total(ctx: &RuleCtx, first: usize) -> Option<Part> {
    let total = rev_cell(ctx.report, first + 4)?;
    if !total.blanks {
        return Some(total);
    }
    let parts: Vec<Part> = (first..first + 4)
        .map(|c| rev_cell(ctx.report, c))
        .collect::<Option<_>>()?;
    let v = sum(&parts)?;
    Some(Part {
        val: Val::AtLeast(v.value()),
        from_columns: false,
        blanks: true,
        ..total
    })
}

fn is_about_disclosure(flat: &Flat, pos: usize) -> bool {
    let (s, e) = flat.clause(pos);
    flat.section == 4 || flat.text[s..e].contains("公开")
}

/// The 尚未审结 column within a group.
const PENDING: &[usize] = &[3];

impl ReviewLitigationText {
    fn run(&self, ctx: &RuleCtx, out: &mut Vec<Diagnostic>) {
        if ctx.report.review.is_none() {
            return;
        }
        let flats = scan::narrative(ctx);
        let kws: Vec<&'static str> = KEYWORDS.iter().map(|k| k.0).collect();
        let spec = Find {
            keywords: &kws,
            forward: 14,
            backward: 0,
            stops: STOPS,
            units: CASE_UNITS,
            exclusive: false,
        };
        // Counts, with reviews and lawsuits counted together when one phrase names both.
        let mut items: Vec<(&Flat, Mention, Target)> = Vec::new();
        for (flat, m) in mentions(flats, &kws, &spec, ctx.report.year) {
            // About disclosure: its clause says so, or it continues a list that did
            // (“信息公开类行政复议7件，诉讼9件”); never a whole of which disclosure is a part.
            let (ss, _) = flat.sentence(m.kw_start);
            let continues = items.last().is_some_and(|(f, x, _)| {
                std::ptr::eq(*f, flat) && x.count.end >= ss && x.count.end <= m.kw_start
            });
            // A government deciding others' reviews (“作为复议机关办理……”) is not a respondent;
            // “（非政府信息公开类）” says the cases are not about disclosure.
            let (cs, ce) = flat.clause(m.kw_start);
            let as_reviewer = [
                "复议机关",
                "作为复议",
                "非政府信息公开",
                "非信息公开",
                "不涉及",
            ]
            .iter()
            .any(|w| flat.text[cs..ce].contains(w));
            if !(is_about_disclosure(flat, m.kw_start) || continues)
                || as_reviewer
                || super::superset_follows(flat, &m)
            {
                continue;
            }
            let mut t = KEYWORDS
                .iter()
                .find(|k| k.0 == m.keyword)
                .map(|k| k.1)
                .unwrap_or(Target::Review);
            if t == Target::Review && (m.gap.contains("诉讼") || m.gap.contains("起诉")) {
                t = Target::Both;
            }
            // A keyword inside the gap of a phrase already taken (“行政复议、行政诉讼共3件”).
            if items.iter().any(|(f, x, _)| {
                std::ptr::eq(*f, flat) && m.kw_start > x.kw_start && m.kw_start < x.count.start
            }) {
                continue;
            }
            if m.gap.contains("复议") && t != Target::Both && t != Target::After {
                // “行政诉讼和行政复议共3件”.
                t = Target::Both;
            }
            items.push((flat, m, t));
        }
        for flat in flats {
            for (m, t) in zero_claims(flat) {
                items.push((flat, m, t));
            }
        }
        for target in [
            Target::Review,
            Target::Lit,
            Target::Direct,
            Target::After,
            Target::Both,
        ] {
            let Some(parts) = target
                .groups()
                .iter()
                .map(|&g| group_total(ctx, g))
                .collect::<Option<Vec<Part>>>()
            else {
                continue;
            };
            let Some(total) = sum(&parts) else { continue };
            let its: Vec<(&Flat, &Mention)> = items
                .iter()
                .filter(|x| x.2 == target)
                .map(|x| (x.0, &x.1))
                .collect();
            let Some(&(flat, m)) = first_disagreeing(&its, |x| Some(total.agrees(x.1.count.value)))
            else {
                continue;
            };
            let n = fmt(m.count.value);
            let (zh, en) = target.name();
            let terms = parts
                .iter()
                .map(|p| p.val.text())
                .collect::<Vec<_>>()
                .join(" + ");
            let arith = if parts.len() > 1 {
                format!("{terms} = {}", total.text())
            } else {
                total.text()
            };
            let phrase = quote(ctx, flat, m);
            out.push(finding(
                &Self::META,
                ctx,
                flat,
                m,
                Msg::new(
                    format!("正文“{phrase}”，而表四{zh}为{}件", total.text()),
                    format!(
                        "the text says {n} (“{phrase}”), but table 4 gives {en} = {}",
                        total.text()
                    ),
                ),
                Msg::new(
                    format!("表四{zh} = {arith} ≠ {n}"),
                    format!("table 4: {en} = {arith} ≠ {n}"),
                ),
                &parts[0],
                &parts[1..],
            ));
        }
        // “均已结案”, “均获维持”.
        for flat in flats {
            for (claim, cols, en_claim) in [
                (
                    &[
                        "均已结案",
                        "均已审结",
                        "均已办结",
                        "全部审结",
                        "全部结案",
                        "均已结",
                    ][..],
                    PENDING,
                    "all cases were concluded",
                ),
                (
                    &[
                        "均获维持",
                        "均被维持",
                        "均予以维持",
                        "均予维持",
                        "全部维持",
                        "均为维持",
                        "均维持",
                    ][..],
                    &[1usize, 2, 3][..],
                    "all decisions were upheld",
                ),
            ] {
                for &(ps, pe, said) in &scan::occurrences(&flat.text, claim) {
                    let (ss, _) = flat.sentence(ps);
                    let mentioned: Vec<Target> = items
                        .iter()
                        .filter(|x| {
                            std::ptr::eq(x.0, flat)
                                && x.1.count.start >= ss
                                && x.1.count.end <= ps
                                && x.1.count.value > 0.0
                        })
                        .map(|x| x.2)
                        .collect();
                    if mentioned.is_empty() {
                        continue;
                    }
                    let mut groups: Vec<usize> = mentioned
                        .iter()
                        .flat_map(|t| t.groups().iter().copied())
                        .collect();
                    groups.sort();
                    groups.dedup();
                    let mut bad: Vec<Part> = Vec::new();
                    for g in &groups {
                        for c in cols {
                            if let Some(p) = rev_cell(ctx.report, g + c)
                                .filter(|p| p.val.is_exact() && p.val.value() > 0.0)
                            {
                                bad.push(p);
                            }
                        }
                    }
                    if bad.is_empty() {
                        continue;
                    }
                    let only_pending = bad.iter().all(|p| PENDING.contains(&(p.cell.column % 5)));
                    let listed_zh = bad
                        .iter()
                        .map(|p| format!("{}为{}", REVIEW_COLUMNS[p.cell.column], p.val.text()))
                        .collect::<Vec<_>>()
                        .join("，");
                    let listed_en = bad
                        .iter()
                        .map(|p| format!("column {} is {}", p.cell.column + 1, p.val.text()))
                        .collect::<Vec<_>>()
                        .join(", ");
                    let mut d = Self::META
                        .diag(Msg::new(
                            format!("正文称“{said}”，但表四{listed_zh}"),
                            format!("the text says {en_claim}, but in table 4 {listed_en}"),
                        ))
                        .at(Some(ctx.source_span(flat.span(ps, pe))))
                        .on(bad[0].cell.clone());
                    for p in &bad {
                        d.related.push(Related {
                            span: p.span,
                            cell: Some(p.cell.clone()),
                            message: Msg::new(
                                format!("表中此格为{}", p.val.text()),
                                format!("this cell reads {}", p.val.text()),
                            ),
                        });
                    }
                    if only_pending {
                        d = d.review().note(Msg::new(
                            "表四统计至12月31日；如案件在年底后、报告发布前审结，正文应写明，否则两处说法矛盾",
                            "table 4 counts to 31 December; if the cases closed after that but before publication the text should say so, otherwise the two contradict each other",
                        ));
                    }
                    out.push(d);
                }
            }
        }
    }
}

/// “未发生因政府信息公开被申请行政复议、提起行政诉讼的情况”: claims of zero.
fn zero_claims(flat: &Flat) -> Vec<(Mention, Target)> {
    let t = flat.text.as_str();
    let mut out = Vec::new();
    for &(i, e, neg) in &scan::occurrences(
        t,
        &[
            "未发生",
            "未出现",
            "未收到",
            "未有",
            "没有",
            "无涉及",
            "无因",
            "均无",
            "无政府信息公开",
            "无行政复议",
            "无行政诉讼",
            "无相关",
            "未被申请",
        ],
    ) {
        let (_, ce) = flat.clause(i);
        // “无行政复议” names the cases itself; otherwise read on after the negation.
        let head_start = if neg.ends_with("行政复议") || neg.ends_with("行政诉讼") {
            i
        } else {
            e.min(ce)
        };
        let rest = &t[head_start..ce.max(head_start)];
        let head: String = rest.chars().take(30).collect();
        let review = head.find("复议");
        let lit = head.find("诉讼").or_else(|| head.find("起诉"));
        let first = match (review, lit) {
            (Some(a), Some(b)) => a.min(b),
            (Some(a), None) | (None, Some(a)) => a,
            _ => continue,
        };
        if head[..first].chars().any(|c| c.is_ascii_digit())
            || ["纠错", "纠正", "败诉", "撤销", "确认违法", "被纠", "不服"]
                .iter()
                .any(|w| head.contains(w))
        {
            continue;
        }
        let target = match (review.is_some(), lit.is_some()) {
            (true, true) => Target::Both,
            (true, false) => Target::Review,
            _ => Target::Lit,
        };
        let end = head_start + head.len();
        let m = Mention {
            keyword: "未发生",
            kw_start: i,
            kw_end: end,
            count: Count {
                value: 0.0,
                start: i,
                num_end: end,
                end,
                unit: '件',
                approx: false,
            },
            gap: String::new(),
            forward: true,
        };
        out.push((m, target));
    }
    out
}
