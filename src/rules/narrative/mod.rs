//! X-*: the narrative (mostly section 一, also the prose of sections 三 and 四) against the
//! tables. Counts written as “N件/起” next to a keyword are compared with the table cells they
//! name. The reading is conservative: when a phrase can mean two things (“收到申请N件” with or
//! without those carried over) either reading passes; blank cells are unknown numbers ≥ 0, so
//! only a narrative number below the table's lower bound is certainly wrong.

pub(crate) mod scan;
pub(crate) mod table;

mod x10_percentage_mismatch;
mod x11_work_year_mismatch;
mod x1_received_count;
mod x2_carried_over_count;
mod x3_handled_count;
mod x4_carried_forward_count;
mod x5_disclosed_count;
mod x6_outcome_group_count;
mod x7_applicant_count;
mod x8_review_litigation_text;
mod x9_normative_document_count;

use super::{Rule, RuleCtx, RuleMeta};
use crate::diagnostic::{Diagnostic, Msg, Related};
use crate::template::RequestGroup;
use scan::{Find, Flat, Mention};
use table::Part;

pub static RULES: &[&dyn Rule] = &[
    &x1_received_count::ReceivedCount,
    &x2_carried_over_count::CarriedOverCount,
    &x3_handled_count::HandledCount,
    &x4_carried_forward_count::CarriedForwardCount,
    &x5_disclosed_count::DisclosedCount,
    &x6_outcome_group_count::OutcomeGroupCount,
    &x7_applicant_count::ApplicantCount,
    &x8_review_litigation_text::ReviewLitigationText,
    &x9_normative_document_count::NormativeDocumentCount,
    &x10_percentage_mismatch::PercentageMismatch,
    &x11_work_year_mismatch::WorkYearMismatch,
];

/// Units of a count of requests or cases.
pub(crate) const CASE_UNITS: &str = "件起宗";

/// Words that, between a keyword about requests and its number, show the number is about
/// something else.
pub(crate) const REQUEST_STOPS: &[&str] = &[
    "复议",
    "诉讼",
    "投诉",
    "举报",
    "咨询",
    "信访",
    "来信",
    "来访",
    "许可",
    "审批",
    "建议",
    "提案",
    "意见",
    "留言",
    "热线",
    "诉求",
    "办件",
    "政务服务",
    "同比",
    "较",
    "增长",
    "增加",
    "减少",
    "下降",
    "上升",
    "回落",
    "占",
    "率",
    "其中",
    "分别",
];

/// The phrase as quoted in a message: as written (white space dropped), short, with the number.
pub(crate) fn quote(ctx: &RuleCtx, flat: &Flat, m: &Mention) -> String {
    let (s, e) = if m.forward {
        (m.kw_start, m.count.end)
    } else {
        (m.count.start, m.kw_end)
    };
    let written = |s: usize, e: usize| -> String {
        let span = flat.span(s, e);
        ctx.text
            .get(span.start..span.end)
            .unwrap_or("")
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect()
    };
    let p = written(s, e);
    if p.chars().count() <= 24 {
        return p;
    }
    let num = written(m.count.start, m.count.end);
    if m.forward {
        format!("{}…{}", m.keyword, num)
    } else {
        format!("{}…{}", num, m.keyword)
    }
}

/// Does a mention speak of information-disclosure requests? Its sentence names them, or the
/// text just before it (the sub-heading “（二）依申请公开方面” and its paragraph) does.
pub(crate) fn about_requests(flat: &Flat, m: &Mention) -> bool {
    let pos = m.kw_start.min(m.count.start);
    let t = flat.text.as_str();
    let (ss, se) = flat.sentence(pos);
    if ["依申请", "公开申请", "申请公开", "信息公开"]
        .iter()
        .any(|w| t[ss..se].contains(w))
    {
        return true;
    }
    let from = t[..pos]
        .char_indices()
        .rev()
        .nth(300)
        .map(|(i, _)| i)
        .unwrap_or(0);
    ["依申请", "公开申请", "申请公开"]
        .iter()
        .any(|w| t[from..pos].contains(w))
}

/// “受理各类申请1200件，其中政府信息公开申请12件”: the count is of a larger whole, and the
/// clause after “其中” names the requests for information.
pub(crate) fn superset_follows(flat: &Flat, m: &Mention) -> bool {
    let t = flat.text.as_str();
    let (_, se) = flat.sentence(m.count.end);
    let rest = &t[m.count.end..se];
    let Some(i) = rest.find("其中") else {
        return false;
    };
    let (cs, ce) = flat.clause(m.count.end + i);
    let clause = &t[cs..ce];
    !clause.is_empty()
        && ["信息公开", "公开申请", "依申请", "申请公开"]
            .iter()
            .any(|w| clause.contains(w))
        && !m.gap.contains("公开")
}

/// Does the sentence of a mention contain any of `words`?
pub(crate) fn sentence_has(flat: &Flat, m: &Mention, words: &[&str]) -> bool {
    let (s, e) = flat.sentence(m.kw_start.min(m.count.start));
    words.iter().any(|w| flat.text[s..e].contains(w))
}

/// Sentences about documents and their disclosure attributes (“制发公文300件，其中主动公开200件，
/// 不予公开50件”), not about requests.
pub(crate) const DOCUMENT_WORDS: &[&str] = &["公文", "文件", "主动公开", "公开属性", "信息条目"];

/// The text right after a count.
pub(crate) fn after<'f>(flat: &'f Flat, m: &Mention) -> &'f str {
    &flat.text[m.count.end..]
}

/// A finding on a narrative number that disagrees with the table: primary span on the
/// number, the (first) table cell as `cell`, every cell involved as a related location, the
/// arithmetic as the first note and how blanks were read as the second.
#[allow(clippy::too_many_arguments)]
pub(crate) fn finding(
    meta: &'static RuleMeta,
    ctx: &RuleCtx,
    flat: &Flat,
    m: &Mention,
    message: Msg,
    arithmetic: Msg,
    primary: &Part,
    parts: &[Part],
) -> Diagnostic {
    let mut d = meta
        .diag(message)
        .at(Some(ctx.source_span(m.number_span(flat))))
        .on(primary.cell.clone())
        .note(arithmetic);
    let mut seen = Vec::new();
    for p in std::iter::once(primary).chain(parts.iter()) {
        if seen.contains(&p.cell) {
            continue;
        }
        seen.push(p.cell.clone());
        d.related.push(Related {
            span: p.span,
            cell: Some(p.cell.clone()),
            message: Msg::new(
                format!("表中此格为{}", cell_text(p)),
                format!("this cell reads {}", cell_text_en(p)),
            ),
        });
    }
    let all: Vec<Part> = std::iter::once(primary)
        .chain(parts.iter())
        .cloned()
        .collect();
    if let Some(n) = table::blank_note(&all) {
        d = d.note(n);
    }
    d
}

fn cell_text(p: &Part) -> String {
    if p.from_columns {
        format!("空（各列之和{}）", p.val.text())
    } else if p.blanks {
        "空".to_string()
    } else {
        p.val.text()
    }
}

fn cell_text_en(p: &Part) -> String {
    if p.from_columns {
        format!("blank (its columns add up to {})", p.val.text())
    } else if p.blanks {
        "blank".to_string()
    } else {
        p.val.text()
    }
}

/// Find mentions in every stretch of narrative.
pub(crate) fn mentions<'a>(
    flats: &'a [Flat],
    keywords: &[&'static str],
    f: &Find,
    year: Option<i32>,
) -> Vec<(&'a Flat, Mention)> {
    let mut out = Vec::new();
    for flat in flats {
        for m in scan::find(flat, keywords, f, year) {
            out.push((flat, m));
        }
    }
    out
}

/// Of several mentions of one quantity: `None` when any agrees (or none can be checked),
/// else the first that disagrees.
pub(crate) fn first_disagreeing<T>(items: &[T], agrees: impl Fn(&T) -> Option<bool>) -> Option<&T> {
    let verdicts: Vec<Option<bool>> = items.iter().map(&agrees).collect();
    if verdicts.contains(&Some(true)) {
        return None;
    }
    items
        .iter()
        .zip(&verdicts)
        .find(|(_, v)| **v == Some(false))
        .map(|(i, _)| i)
}

/// The outcome group a keyword of X-6 names.
pub(crate) const GROUP_KEYWORDS: &[(&str, RequestGroup)] = &[
    ("不予公开", RequestGroup::Denied),
    ("无法提供", RequestGroup::Unable),
    ("不予处理", RequestGroup::Rejected),
    ("其他处理", RequestGroup::Other),
];

/// Names of groups for messages.
pub(crate) fn group_name(g: RequestGroup) -> (&'static str, &'static str) {
    match g {
        RequestGroup::Denied => ("（三）不予公开", "(3) not disclosed"),
        RequestGroup::Unable => ("（四）无法提供", "(4) unable to provide"),
        RequestGroup::Rejected => ("（五）不予处理", "(5) not processed"),
        RequestGroup::Other => ("（六）其他处理", "(6) handled otherwise"),
        _ => ("", ""),
    }
}

/// A rule comparing one narrative quantity with one row total of table 三.
pub(crate) struct Simple {
    pub keywords: &'static [&'static str],
    pub forward: usize,
    pub backward: usize,
    pub stops: &'static [&'static str],
    /// The sentence must speak of information-disclosure requests.
    pub needs_context: bool,
    pub row: &'static str,
    /// The row as named in messages.
    pub row_zh: &'static str,
    pub row_en: &'static str,
}

pub(crate) fn simple(
    meta: &'static RuleMeta,
    s: &Simple,
    ctx: &RuleCtx,
    out: &mut Vec<Diagnostic>,
) {
    let Some(part) = table::req_total(ctx.report, s.row) else {
        return;
    };
    let flats = scan::narrative(ctx);
    let spec = Find {
        keywords: s.keywords,
        forward: s.forward,
        backward: s.backward,
        stops: s.stops,
        units: CASE_UNITS,
        exclusive: true,
    };
    let items: Vec<(&Flat, Mention)> = mentions(flats, s.keywords, &spec, ctx.report.year)
        .into_iter()
        .filter(|(f, m)| {
            (!s.needs_context || about_requests(f, m))
                && sentence_has(f, m, &["申请"])
                && !superset_follows(f, m)
        })
        .collect();
    let Some((flat, m)) = first_disagreeing(&items, |(_, m)| Some(part.val.agrees(m.count.value)))
    else {
        return;
    };
    let n = crate::rules::util::fmt(m.count.value);
    let phrase = quote(ctx, flat, m);
    let v = part.val.text();
    out.push(finding(
        meta,
        ctx,
        flat,
        m,
        Msg::new(
            format!("正文“{phrase}”，而表三“{}”为{v}件", s.row_zh),
            format!(
                "the text says {n} (“{phrase}”), but table 3 row {} has {v}",
                s.row_en
            ),
        ),
        Msg::new(
            format!("{} = {v} ≠ {n}", s.row_zh),
            format!("{} = {v} ≠ {n}", s.row_en),
        ),
        &part,
        &[],
    ));
}
