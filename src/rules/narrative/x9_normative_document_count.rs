use super::finding;
use super::scan::{self, Flat};
use super::table::{active_cell, Part};
use crate::diagnostic::{Diagnostic, Msg};
use crate::rules::util::fmt;
use crate::rules::RuleCtx;
use crate::template::{active_rows, Format};

crate::declare_rule! {
    pub struct NormativeDocumentCount;
    code: "X-9", name: "normative-document-count-mismatch", family: Narrative, severity: Warning,
    formats: [F2021, F2019],
    summary: ("正文所述规章、规范性文件件数与表二不符", "a count of rules or normative documents in the text differs from table 2"),
    what: (
        "在总体情况中找“制发/印发/出台……规范性文件N件”“废止……N件”“现行有效……规范性文件N件”（规章同），按动词对应表二第二十条第（一）项的一格比较（2021年格式：本年制发件数、本年废止件数、现行有效件数；2019年格式：本年新制作数量、本年新公开数量、对外公开总数量）。“部门规范性文件”、带“等”的数、动词不明的数不比较；表中数字连写无法拆分时不比较。",
        "Finds “issued … N normative documents”, “repealed … N”, “N normative documents in force” (and the same for rules) in the overview and compares N with the cell of table 2 item 20(1) the verb names (2021: issued / repealed / in force; 2019: made / published / total published). “Department” documents, numbers with “等” (and others) and numbers without a clear verb are not compared, nor cells whose glued digits could not be split."
    ),
    why: (
        "规范性文件数是主动公开的核心数据，正文与表二不一致说明其中一处有误。",
        "The number of normative documents is the core figure of proactive disclosure; a text that disagrees with table 2 means one of the two is wrong."
    ),
    basis: "SPEC §6.5 X-9 [I]; Pingtan 2022 “现行有效行政规范性文件698件…本年度制发的规范性文件88件” = table 2 (88, 55, 698).",
    fails: "本年制发行政规范性文件5件。（表二行政规范性文件：本年制发3）",
    passes: "集中公开现行有效行政规范性文件698件，动态更新本年度制发的规范性文件88件。（表二：88 | 55 | 698）",
}

/// Verbs and the columns they name, per format.
fn verbs(format: Format) -> &'static [(&'static str, &'static [usize])] {
    match format {
        Format::F2019 => &[
            ("对外公开总", &[2]),
            ("累计公开", &[2]),
            ("现行有效", &[2]),
            ("新制作", &[0]),
            ("制作", &[0]),
            ("制发", &[0]),
            ("印发", &[0]),
            ("制定", &[0]),
            ("出台", &[0]),
            ("新公开", &[1]),
            ("主动公开", &[1, 0]),
            ("公开", &[1, 0]),
            ("发布", &[1, 0]),
            ("新增", &[1, 0]),
        ],
        _ => &[
            ("现行有效", &[2]),
            ("废止", &[1]),
            ("制发", &[0]),
            ("印发", &[0]),
            ("制定", &[0]),
            ("出台", &[0]),
            ("新增", &[0]),
            ("发布", &[0]),
            ("制作", &[0]),
            ("主动公开", &[0, 2]),
            ("公开", &[0, 2]),
        ],
    }
}

/// Between the verb and the document word, these make the number about something else.
const STOPS: &[&str] = &[
    "部门",
    "清理",
    "审查",
    "审核",
    "备案",
    "解读",
    "评估",
    "征求",
    "修订",
    "修改",
    "起草",
    "汇编",
    "刊登",
    "宣传",
    "培训",
    "政策",
    "失效",
    "有效期",
    "未",
    "不",
];

const ANCHORS: &[(&str, &str)] = &[
    ("行政规范性文件", "normative_documents"),
    ("规范性文件", "normative_documents"),
    ("规章", "regulations"),
];

impl NormativeDocumentCount {
    fn run(&self, ctx: &RuleCtx, out: &mut Vec<Diagnostic>) {
        if ctx.report.active.is_none() {
            return;
        }
        let format = ctx.report.format;
        let flats = scan::narrative(ctx);
        let anchors: Vec<&'static str> = ANCHORS.iter().map(|a| a.0).collect();
        // (row, column set) → mentions
        let mut items: Vec<(&Flat, scan::Mention, &'static str, &'static [usize])> = Vec::new();
        for flat in flats.iter().filter(|f| f.section == 1) {
            let t = flat.text.as_str();
            let counts = scan::counts(t, "件部个份篇");
            for (s, e, a) in scan::occurrences(t, &anchors) {
                let row = ANCHORS
                    .iter()
                    .find(|x| x.0 == a)
                    .map(|x| x.1)
                    .unwrap_or("normative_documents");
                // The count right after the document word (“规范性文件88件”).
                let Some(c) = counts.iter().find(|c| c.start >= e && c.start <= e + 3) else {
                    continue;
                };
                let gap = &t[e..c.start];
                if c.approx
                    || gap.contains('等')
                    || gap.contains(',')
                    || gap
                        .chars()
                        .any(|ch| !ch.is_ascii() && !"共计为有".contains(ch))
                {
                    continue;
                }
                let (cs, _) = flat.clause(s);
                let before = &t[cs..s];
                // “2022年制发……” in a 2023 report is about another year.
                let (ss, _) = flat.sentence(s);
                if scan::last_year_before(&t[ss..s]).is_some_and(|y| Some(y) != ctx.report.year) {
                    continue;
                }
                // The verb nearest the document word.
                let Some((vpos, verb, cols)) = verbs(format)
                    .iter()
                    .filter_map(|&(v, cols)| before.rfind(v).map(|p| (p + v.len(), v, cols)))
                    .max_by_key(|x| x.0)
                else {
                    continue;
                };
                let between = &before[vpos..];
                if STOPS.iter().any(|w| between.contains(w))
                    || before[..vpos - verb.len()].ends_with("部门")
                {
                    continue;
                }
                let m = scan::Mention {
                    keyword: a,
                    kw_start: cs + vpos - verb.len(),
                    kw_end: e,
                    count: *c,
                    gap: gap.to_string(),
                    forward: true,
                };
                items.push((flat, m, row, cols));
            }
        }
        let rows = active_rows(format);
        for spec in rows.iter().filter(|r| ANCHORS.iter().any(|a| a.1 == r.key)) {
            let mine: Vec<_> = items.iter().filter(|x| x.2 == spec.key).collect();
            let mut sets: Vec<&[usize]> = Vec::new();
            for x in &mine {
                if !sets.contains(&x.3) {
                    sets.push(x.3);
                }
            }
            for cols in sets {
                let its: Vec<_> = mine.iter().filter(|x| x.3 == cols).collect();
                let parts: Vec<Part> = cols
                    .iter()
                    .filter_map(|&c| active_cell(ctx.report, spec.key, c))
                    .collect();
                if parts.len() != cols.len() {
                    continue;
                }
                let Some(x) = super::first_disagreeing(&its, |x| {
                    Some(parts.iter().any(|p| p.val.agrees(x.1.count.value)))
                }) else {
                    continue;
                };
                let (flat, m) = (x.0, &x.1);
                if out
                    .iter()
                    .any(|d: &Diagnostic| d.span == Some(ctx.source_span(m.number_span(flat))))
                {
                    continue;
                }
                let n = fmt(m.count.value);
                let cells_zh = parts
                    .iter()
                    .map(|p| {
                        format!(
                            "“{}”{}",
                            spec.columns.get(p.cell.column).copied().unwrap_or("?"),
                            p.val.text()
                        )
                    })
                    .collect::<Vec<_>>()
                    .join("或");
                let cells_en = parts
                    .iter()
                    .map(|p| format!("column {} = {}", p.cell.column + 1, p.val.text()))
                    .collect::<Vec<_>>()
                    .join(" or ");
                let phrase = &flat.text[m.kw_start..m.count.end];
                out.push(finding(
                    &Self::META,
                    ctx,
                    flat,
                    m,
                    Msg::new(
                        format!("正文“{phrase}”，而表二“{}”为{cells_zh}", spec.label),
                        format!(
                            "the text says {n} (“{phrase}”), but table 2 row “{}” has {cells_en}",
                            spec.label
                        ),
                    ),
                    Msg::new(format!("{cells_zh} ≠ {n}"), format!("{cells_en} ≠ {n}")),
                    &parts[0],
                    &parts[1..],
                ));
            }
        }
    }
}
