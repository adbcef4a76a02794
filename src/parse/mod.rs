//! Parsing: any text or HTML into a `Report`. Parsing never fails and never panics; what it
//! could not read becomes a finding (`P-*`).

pub mod document;
pub mod extent;
pub mod html;
pub mod meta;
pub mod segment;
pub mod tables;
pub mod text;
pub mod values;

use crate::diagnostic::{Diagnostic, Msg, Severity};
use crate::model::{Cut, CutReason, InputKind, Report};
use crate::source::Span;
use crate::template::{self, Format};
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
        let by_header = tables::find_marker(&compact, after, &["结转下年度"]).and_then(|p| {
            tables::find_marker(&compact, Span::new(p, text.len()), &["行政复议", "五、"])
        });
        by_heading
            .or(by_header)
            .or_else(|| section(5).map(|s| s.heading_span.start).filter(|&p| p > st))
            .unwrap_or(text.len())
    });
    // Read the tables in the layout the vocabulary suggests (2021 unless 2019 wording
    // dominates), then decide the format with what was found.
    let probe_2021 = tables::find_marker(&compact, full, &["逾期不补正", "收费通知要求"]).is_some();
    let signals = meta::Signals::find(&compact);
    let (vocab_format, _) = meta::format(&signals, m.year, true, probe_2021);
    // The 2021 table has （六） split into three items; without them, read the 2019 layout
    // (its single （六）其他处理 row) unless the vocabulary says 2021.
    let table_format = if probe_2021 || vocab_format == Format::F2021 {
        Format::F2021
    } else {
        Format::F2019
    };
    let pre2019 = m.year.is_some_and(|y| y < 2019);
    let mut ctx = Ctx {
        doc,
        findings: &mut findings,
    };
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
        let end = section(5)
            .map(|x| x.heading_span.start)
            .filter(|&p| p > s)
            .unwrap_or_else(|| crate::source::LineIndex::clamp(text, s + 4000));
        tables::review(&mut ctx, Span::new(s, end))
    });
    let act_start =
        tables::find_marker(&compact, full, &["第二十条第(一)项", "第二十条第（一）项"])
            .map(|p| section(2).map(|s| s.heading_span.start.min(p)).unwrap_or(p))
            .or_else(|| section(2).map(|s| s.heading_span.start));
    let active = act_start.and_then(|s| {
        if pre2019 {
            return None;
        }
        let end = req_start
            .filter(|&p| p > s)
            .or_else(|| section(3).map(|x| x.heading_span.start).filter(|&p| p > s))
            .unwrap_or(text.len());
        tables::active(&mut ctx, Span::new(s, end), table_format)
    });
    let tables_found = requests.is_some() || active.is_some();
    let (mut format, mut evidence) = meta::format(
        &signals,
        m.year,
        tables_found,
        probe_2021 && requests.is_some(),
    );
    // A table 三 read where vocabulary said nothing: the format follows the table.
    if requests.is_some() && !format.is_modern() {
        format = table_format;
        evidence.reason = format!(
            "{}；表三按{}年格式读出 / table 3 read in the {} layout",
            evidence.reason,
            format.as_str(),
            format.as_str()
        );
    }
    // Is this an annual report at all?
    let head = &text[..crate::source::LineIndex::clamp(text, 3000)];
    let head_folded = document::fold_str(head);
    let signs = extent::Signs {
        title_names_report: m.title.as_deref().is_some_and(meta::names_report),
        report_phrase: head_folded.contains("信息公开")
            && ["年度报告", "年报", "工作报告", "年度報告", "年報"]
                .iter()
                .any(|w| head_folded.contains(w)),
        period: extent::states_period(&compact.text),
        regulations: compact.text.contains("政府信息公开条例")
            || compact.text.contains("政府信息公開條例"),
        sections: sections.len(),
        overview_items: [
            "主动公开",
            "依申请公开",
            "政府信息管理",
            "平台建设",
            "监督保障",
        ]
        .iter()
        .filter(|w| head_folded.contains(*w))
        .count(),
        presents_itself: [
            "本报告",
            "现将",
            "现公布",
            "予以公布",
            "特向社会公布",
            "现予公布",
            "特此公布",
        ]
        .iter()
        .any(|w| head_folded.contains(w)),
        tables: [requests.is_some(), review.is_some(), active.is_some()]
            .iter()
            .filter(|b| **b)
            .count(),
    };
    let report_evidence = signs.evidence();
    if !report_evidence.is_report {
        format = Format::Unknown;
        evidence.reason = "不像年度报告：没有报告标题、部分标题或标准表格 / does not look like an annual report: no report title, section headings or standard tables".into();
        findings.push(
            Diagnostic::new(
                tables::P_NOT_A_REPORT.0,
                tables::P_NOT_A_REPORT.1,
                Severity::Warning,
                Msg::new(
                    "这段文字看起来不是政府信息公开工作年度报告：没有报告标题、六个部分的标题或标准表格，未作检查",
                    "this text does not look like an annual report on government information disclosure: it has no report title, none of the six section headings and no standard table; it was not checked",
                ),
            )
            .review()
            .at(Some(doc.source_span(Span::new(0, text.len().min(text.find('\n').unwrap_or(text.len())))))),
        );
    } else if format == Format::Unknown {
        // No table to tell the format: the report year does (SPEC §1.1).
        if let Some(y) = m.year {
            format = if y >= 2021 {
                Format::F2021
            } else if y >= 2019 {
                Format::F2019
            } else {
                Format::Pre2019
            };
            evidence.reason = format!(
                "没有读到标准表格，按报告年度（{y}年）判定为{}格式 / no standard table was read; by the report year ({y}) the {} format",
                format.as_str(),
                format.as_str()
            );
        }
    }
    // A second report in the same text: said here; api::check reads each on its own.
    let next_report =
        extent::next_report(text, &sections).map(|at| doc.source_span(Span::new(at, at)).start);
    if let Some(at) = next_report {
        let line = text[doc_offset_for(doc, at)..]
            .lines()
            .next()
            .unwrap_or("")
            .trim()
            .chars()
            .take(40)
            .collect::<String>();
        findings.push(
            Diagnostic::new(
                tables::P_SECOND_REPORT.0,
                tables::P_SECOND_REPORT.1,
                Severity::Warning,
                Msg::new(
                    format!("文中从“{line}”起还有一份报告，这里未作检查"),
                    format!(
                        "the text holds another report, from “{line}”; it was not checked here"
                    ),
                ),
            )
            .review()
            .at(Some(Span::new(at, at))),
        );
    }
    // A part of a report pasted on its own: the text begins at a later section's heading (or at
    // table 三's header), with no title and hardly anything before it.
    let starts_at_section = if m.title.is_none() && report_evidence.is_report {
        let first = sections.iter().min_by_key(|s| s.heading_span.start);
        let lead_end = [first.map(|s| s.heading_span.start), req_start, act_start]
            .into_iter()
            .flatten()
            .min()
            .unwrap_or(0);
        let lead = text[..lead_end].trim();
        let begins_there = lead.chars().filter(|c| document::is_han(*c)).count() <= 12;
        match first {
            Some(s) if begins_there && s.number > 1 && s.heading_span.start == lead_end => {
                Some(s.number)
            }
            None if begins_there && (requests.is_some() || active.is_some()) => {
                Some(if active.is_some() && act_start <= req_start {
                    2
                } else {
                    3
                })
            }
            _ => None,
        }
    } else {
        None
    };
    // Where the text stops before the report does.
    let complete = |key: &str| {
        requests.as_ref().and_then(|t| t.row(key)).is_some_and(|r| {
            r.cells
                .iter()
                .any(|c| !matches!(c.value, crate::model::Value::Missing))
        })
    };
    let mut extents = Vec::new();
    if let (Some(s), Some(_)) = (req_start, &requests) {
        extents.push(extent::TableExtent {
            table: crate::model::TableId::Requests,
            start: s,
            complete: complete("carried_forward"),
        });
    }
    if let (Some(s), Some(t)) = (rev_start, &review) {
        let filled = t
            .row
            .cells
            .iter()
            .all(|c| !matches!(c.value, crate::model::Value::Missing));
        extents.push(extent::TableExtent {
            table: crate::model::TableId::ReviewLitigation,
            start: s,
            complete: filled || t.scrambled,
        });
    }
    if let (Some(s), Some(t)) = (act_start, &active) {
        let last = template::active_rows(format)
            .last()
            .map(|r| r.key)
            .unwrap_or("fees");
        extents.push(extent::TableExtent {
            table: crate::model::TableId::Active,
            start: s,
            complete: t.row(last).is_some(),
        });
    }
    let cut = if report_evidence.is_report {
        extent::find_cut(text, &sections, &extents, format.is_modern()).map(
            |(at, section, table, reason)| Cut {
                at,
                span: doc.source_span(Span::new(at, at)),
                section,
                table,
                reason,
            },
        )
    } else {
        None
    };
    if let Some(c) = &cut {
        findings.push(cut_finding(doc, c, &sections, format.is_modern()));
    }
    // Tables expected but not there.
    if format.is_modern() {
        fn has_numbers<'c>(mut cells: impl Iterator<Item = &'c crate::model::Cell>) -> bool {
            cells.any(|c| c.number().is_some())
        }
        for (sec, present, zh, en) in [
            (
                3u8,
                requests
                    .as_ref()
                    .is_some_and(|t| has_numbers(t.rows.iter().flat_map(|r| r.cells.iter()))),
                "表三（收到和处理政府信息公开申请情况）",
                "table 3 (requests received and handled)",
            ),
            (
                4u8,
                review
                    .as_ref()
                    .is_some_and(|t| has_numbers(t.row.cells.iter())),
                "表四（行政复议、行政诉讼情况）",
                "table 4 (administrative review and litigation)",
            ),
            (
                2u8,
                active
                    .as_ref()
                    .is_some_and(|t| has_numbers(t.rows.iter().flat_map(|r| r.cells.iter()))),
                "表二（主动公开政府信息情况）",
                "table 2 (proactive disclosure)",
            ),
        ] {
            // A table whose digits admit no consistent split has its own finding (P-12).
            let table_id = match sec {
                2 => crate::model::TableId::Active,
                3 => crate::model::TableId::Requests,
                _ => crate::model::TableId::ReviewLitigation,
            };
            let inconsistent = findings.iter().any(|d| {
                d.code == tables::P_GLUED_INCONSISTENT.0
                    && d.cell.as_ref().is_some_and(|c| c.table == table_id)
            });
            if present || inconsistent || sec == 4 && review.as_ref().is_some_and(|t| t.scrambled) {
                continue;
            }
            // A part pasted on its own that begins after this table's section.
            if starts_at_section.is_some_and(|first| sec < first) {
                continue;
            }
            // The text stops before this table (or inside its section, before its numbers):
            // not the report's fault; the cut finding says what was not checked.
            if cut
                .as_ref()
                .is_some_and(|c| sec > c.section || sec == c.section && section(sec + 1).is_none())
            {
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
            let sev = if section(sec).is_some() || labels_only {
                Severity::Warning
            } else {
                Severity::Error
            };
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
        agency_evidence: m.agency_evidence,
        published: m.published,
        format,
        format_evidence: evidence,
        sections,
        active,
        requests,
        review,
        report_evidence,
        cut,
        starts_at_section,
        next_report,
        findings,
    }
}

/// The analysis-text offset of a source offset (the same for plain text).
fn doc_offset_for(doc: &Document, source: usize) -> usize {
    if doc.segments.is_empty() {
        return source.min(doc.text.len());
    }
    doc.segments
        .iter()
        .find(|s| s.source.end > source)
        .map(|s| s.text.start)
        .unwrap_or(doc.text.len())
}

/// The finding that says where the text stops and what could therefore not be checked.
fn cut_finding(
    doc: &Document,
    c: &Cut,
    sections: &[crate::model::Section],
    modern: bool,
) -> Diagnostic {
    let text = doc.text.as_str();
    // The last words before the cut, to show where it is.
    let before = &text[..c.at.min(text.len())];
    let line = before.rsplit('\n').next().unwrap_or("").trim();
    let words: String = {
        let n = line.chars().count();
        let tail: String = line.chars().skip(n.saturating_sub(16)).collect();
        if n > 16 {
            format!("…{tail}")
        } else {
            tail
        }
    };
    let missing_sections: Vec<u8> = if modern {
        (1..=6u8)
            .filter(|n| *n > c.section && !sections.iter().any(|s| s.number == *n))
            .collect()
    } else {
        Vec::new()
    };
    let rest_zh = match (missing_sections.first(), missing_sections.last()) {
        (Some(a), Some(b)) if a == b => {
            format!("第{}部分", template::CN_NUMERALS[(*a - 1) as usize])
        }
        (Some(a), Some(b)) => format!(
            "第{}至{}部分",
            template::CN_NUMERALS[(*a - 1) as usize],
            template::CN_NUMERALS[(*b - 1) as usize]
        ),
        _ => "其后的内容".to_string(),
    };
    let rest_en = match (missing_sections.first(), missing_sections.last()) {
        (Some(a), Some(b)) if a == b => format!("section {a}"),
        (Some(a), Some(b)) => format!("sections {a} to {b}"),
        _ => "what follows".to_string(),
    };
    let (zh, en) = match (c.reason, c.table) {
        (CutReason::InTable, Some(t)) => (
            format!("文字在{}中间中断（“{words}”）：报告似乎不完整（网页被截断或只复制了一部分）；该表其后的行、{rest_zh}都不在文中，未作检查", t.zh()),
            format!("the text stops inside {} (“{words}”): the report seems incomplete (a cut page or a partial copy); the table's later rows and {rest_en} are not in the text and were not checked", t.en()),
        ),
        (CutReason::EarlyEnd, _) => (
            format!("文字在第{}部分之后就结束了，没有{rest_zh}，也没有落款或日期：报告可能不完整（只复制了一部分？）；缺少的部分未作检查", template::CN_NUMERALS[(c.section.max(1) - 1) as usize]),
            format!("the text ends after section {} with no {rest_en} and no signature or date: the report may be incomplete (a partial copy?); what is missing was not checked", c.section.max(1)),
        ),
        _ => (
            format!("文字在句子中间中断（“{words}”）：报告似乎不完整（网页被截断或只复制了一部分）；{rest_zh}不在文中，未作检查"),
            format!("the text stops in the middle of a sentence (“{words}”): the report seems incomplete (a cut page or a partial copy); {rest_en} are not in the text and were not checked"),
        ),
    };
    Diagnostic::new(
        tables::P_TEXT_CUT.0,
        tables::P_TEXT_CUT.1,
        Severity::Warning,
        Msg::new(zh, en),
    )
    .review()
    .at(Some(c.span))
}
