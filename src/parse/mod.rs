//! Parsing: any text or HTML into a `Report`. Parsing never fails and never panics; what it
//! could not read becomes a finding (`P-*`).

pub mod document;
pub mod html;
pub mod meta;
pub mod segment;
pub mod tables;
pub mod text;
pub mod values;

use crate::diagnostic::{Diagnostic, Msg, Severity};
use crate::model::{InputKind, Report};
use crate::source::Span;
use crate::template::Format;
use document::Document;
use tables::Ctx;

/// A parsed report with the analysis document it was read from.
#[derive(Clone, Debug)]
pub struct Parsed {
    pub doc: Document,
    pub report: Report,
}

/// Turns HTML source into the analysis document. Natively [`html::render`] (html5ever, feature
/// `scraper`); the browser build passes one that reads the browser's own DOM.
pub type HtmlReader<'a> = &'a dyn Fn(&str) -> Document;

/// Parse a report, reading HTML with html5ever.
#[cfg(feature = "scraper")]
pub fn parse(source: &str, kind: InputKind) -> Parsed {
    parse_with(source, kind, &html::render)
}

/// Parse text whose kind is not known: HTML when it looks like markup.
#[cfg(feature = "scraper")]
pub fn parse_auto(source: &str) -> Parsed {
    parse_with(source, crate::input::sniff_kind(source), &html::render)
}

/// Parse a report, reading HTML with the given reader.
pub fn parse_with(source: &str, kind: InputKind, html: HtmlReader<'_>) -> Parsed {
    let doc = match kind {
        InputKind::Html => html(source),
        InputKind::Text => text::render(source),
    };
    parse_document(doc)
}

/// Read a report from a document already rendered (e.g. from a live DOM element).
pub fn parse_document(doc: Document) -> Parsed {
    let report = read(&doc);
    Parsed { doc, report }
}

fn read(doc: &Document) -> Report {
    let text = doc.text.as_str();
    let full = Span::new(0, text.len());
    // One folded, white-space-free view of the whole text serves every search below.
    let compact = document::Compact::new(text, full);
    let sections = meta::sections(&compact, text);
    let m = meta::meta(doc, &sections);
    let mut findings: Vec<Diagnostic> = Vec::new();

    let section = |n: u8| sections.iter().find(|s| s.number == n);
    // Regions of the three tables.
    // Table 三 starts at its header ("…勾稽关系…"), else at section 三, else at its first row;
    // never in the narrative of section 一, which uses the same words.
    let req_start = section(3)
        .map(|s| s.heading_span.start)
        .or_else(|| tables::find_marker(&compact, full, &["勾稽关系"]))
        .or_else(|| tables::find_marker(&compact, full, &["本年新收政府信息公开申请"]));
    let req_end = req_start.map(|st| {
        let after = Span::new(st, text.len());
        let by_heading = section(4).map(|s| s.heading_span.start).filter(|&p| p > st);
        let by_header = tables::find_marker(&compact, after, &["结转下年度"])
            .and_then(|p| tables::find_marker(&compact, Span::new(p, text.len()), &["行政复议", "五、"]));
        by_heading.or(by_header).or_else(|| section(5).map(|s| s.heading_span.start).filter(|&p| p > st)).unwrap_or(text.len())
    });
    // Read the tables in the layout the vocabulary suggests (2021 unless 2019 wording
    // dominates), then decide the format with what was found.
    let probe_2021 = tables::find_marker(&compact, full, &["逾期不补正", "收费通知要求"]).is_some();
    let signals = meta::Signals::find(&compact);
    let (vocab_format, _) = meta::format(&signals, m.year, true, probe_2021);
    // The 2021 table has （六） split into three items; without them, read the 2019 layout
    // (its single （六）其他处理 row) unless the vocabulary says 2021.
    let table_format = if probe_2021 || vocab_format == Format::F2021 { Format::F2021 } else { Format::F2019 };
    let pre2019 = m.year.is_some_and(|y| y < 2019);
    let mut ctx = Ctx { doc, findings: &mut findings };
    let requests = match (req_start, req_end) {
        (Some(s), Some(e)) if !pre2019 => tables::requests(&mut ctx, Span::new(s, e), table_format),
        _ => None,
    };
    let rev_start = section(4)
        .map(|s| s.heading_span.start)
        .filter(|&p| req_end.is_none_or(|e| p >= e.min(p)))
        .or(req_end.filter(|&e| e < text.len()));
    let review = rev_start.and_then(|s| {
        if pre2019 {
            return None;
        }
        let end = section(5).map(|x| x.heading_span.start).filter(|&p| p > s).unwrap_or_else(|| crate::source::LineIndex::clamp(text, s + 4000));
        tables::review(&mut ctx, Span::new(s, end))
    });
    let act_start = tables::find_marker(&compact, full, &["第二十条第(一)项", "第二十条第（一）项"])
        .map(|p| section(2).map(|s| s.heading_span.start.min(p)).unwrap_or(p))
        .or_else(|| section(2).map(|s| s.heading_span.start));
    let active = act_start.and_then(|s| {
        if pre2019 {
            return None;
        }
        let end = req_start.filter(|&p| p > s).or_else(|| section(3).map(|x| x.heading_span.start).filter(|&p| p > s)).unwrap_or(text.len());
        tables::active(&mut ctx, Span::new(s, end), table_format)
    });
    let tables_found = requests.is_some() || active.is_some();
    let (mut format, mut evidence) = meta::format(&signals, m.year, tables_found, probe_2021 && requests.is_some());
    // A table 三 read where vocabulary said nothing: the format follows the table.
    if requests.is_some() && !format.is_modern() {
        format = table_format;
        evidence.reason = format!("{}；表三按{}年格式读出 / table 3 read in the {} layout", evidence.reason, format.as_str(), format.as_str());
    }
    // Tables expected but not there.
    if format.is_modern() {
        fn has_numbers<'c>(mut cells: impl Iterator<Item = &'c crate::model::Cell>) -> bool {
            cells.any(|c| c.number().is_some())
        }
        for (sec, present, zh, en) in [
            (3u8, requests.as_ref().is_some_and(|t| has_numbers(t.rows.iter().flat_map(|r| r.cells.iter()))), "表三（收到和处理政府信息公开申请情况）", "table 3 (requests received and handled)"),
            (4u8, review.as_ref().is_some_and(|t| has_numbers(t.row.cells.iter())), "表四（行政复议、行政诉讼情况）", "table 4 (administrative review and litigation)"),
            (2u8, active.as_ref().is_some_and(|t| has_numbers(t.rows.iter().flat_map(|r| r.cells.iter()))), "表二（主动公开政府信息情况）", "table 2 (proactive disclosure)"),
        ] {
            if present || sec == 4 && review.as_ref().is_some_and(|t| t.scrambled) {
                continue;
            }
            let labels_only = match sec {
                3 => requests.is_some(),
                4 => review.is_some(),
                _ => active.is_some(),
            };
            let at = section(sec).map(|s| doc.source_span(s.heading_span));
            let (code, msg) = if labels_only {
                (
                    tables::P_TABLES_AS_IMAGES,
                    Msg::new(
                        format!("{zh}只有表头和行名，没有数字：表格可能以图片或附件发布，未作检查"),
                        format!("{en} has headings and labels but no numbers: it may have been published as an image or attachment; it was not checked"),
                    ),
                )
            } else {
                (
                    tables::P_TABLE_NOT_FOUND,
                    Msg::new(format!("没有找到{zh}"), format!("{en} was not found")),
                )
            };
            let sev = if section(sec).is_some() || labels_only { Severity::Warning } else { Severity::Error };
            let mut d = Diagnostic::new(code.0, code.1, sev, msg).at(at);
            if section(sec).is_some() && !labels_only {
                d = d.review().note(Msg::new(
                    "该部分标题存在但其后没有表格：表格可能以图片发布",
                    "the section heading is there but no table follows it: the table may be an image",
                ));
            }
            findings.push(d);
        }
    }
    findings.sort_by_key(|d| (d.span.map(|s| s.start).unwrap_or(0), d.code));
    // Headings point into the source; section bodies stay in the analysis text.
    let sections = sections
        .into_iter()
        .map(|mut s| {
            s.heading_span = doc.source_span(s.heading_span);
            s
        })
        .collect();
    Report {
        input_kind: doc.kind,
        title: m.title,
        title_span: m.title_span.map(|s| doc.source_span(s)),
        year: m.year,
        year_evidence: m.year_evidence,
        agency: m.agency,
        published: m.published,
        format,
        format_evidence: evidence,
        sections,
        active,
        requests,
        review,
        findings,
    }
}
