//! Rendering diagnostics for people, rustc-style: severity and code, message,
//! `file:line:column`, the source line with the span underlined, notes.

use crate::api::Checked;
use crate::diagnostic::{Lang, Severity};
use crate::source::{utf16_len, LineIndex};
use std::fmt::Write;

pub fn text(file: &str, c: &Checked, lang: Lang) -> String {
    let src = c.parsed.doc.source.as_str();
    let idx = LineIndex::new(src);
    let r = c.report();
    let mut out = String::new();
    let (zh, en) = (lang == Lang::Zh, lang == Lang::En);
    let _ = writeln!(
        out,
        "{file}: {} {} · {} {} · {}",
        if zh { "格式" } else { "format" },
        r.format.as_str(),
        if zh { "年度" } else { "year" },
        r.year.map(|y| y.to_string()).unwrap_or_else(|| "?".into()),
        r.agency.as_deref().unwrap_or(if zh {
            "机关未识别"
        } else {
            "agency not found"
        })
    );
    for d in &c.diagnostics {
        let sev = match (d.severity, en) {
            (Severity::Error, false) => "错误",
            (Severity::Warning, false) => "警告",
            (Severity::Notice, false) => "提示",
            (s, true) => s.as_str(),
        };
        let _ = writeln!(out, "{sev}[{}]: {}", d.code, d.message.get(lang));
        if let Some(span) = d.span {
            let p = idx.position(src, span.start);
            let _ = writeln!(out, "  --> {file}:{}:{}", p.line, p.column);
            let ls = idx.line_span(src, p.line - 1);
            let line = &src[ls.start..ls.end];
            // Show at most 60 characters around the span on long lines.
            let col_chars = src[ls.start..LineIndex::clamp(src, span.start.max(ls.start))]
                .chars()
                .count();
            let skip = col_chars.saturating_sub(20);
            let shown: String = line.chars().skip(skip).take(60).collect();
            let lead: String = line.chars().skip(skip).take(col_chars - skip).collect();
            let width_of = |s: &str| {
                s.chars()
                    .map(|c| if c.is_ascii() { 1 } else { 2 })
                    .sum::<usize>()
            };
            let span_text: String = src[LineIndex::clamp(src, span.start)
                ..LineIndex::clamp(src, span.end.min(ls.end).max(span.start))]
                .chars()
                .take(30)
                .collect();
            let _ = writeln!(out, "   | {}{}", if skip > 0 { "…" } else { "" }, shown);
            let _ = writeln!(
                out,
                "   | {}{}{}",
                if skip > 0 { " " } else { "" },
                " ".repeat(width_of(&lead)),
                "^".repeat(width_of(&span_text).max(1))
            );
            let _ = utf16_len;
        }
        if let Some(cell) = &d.cell {
            let _ = writeln!(
                out,
                "   = {}: {} / {} / {}",
                if zh { "单元格" } else { "cell" },
                cell.table.as_str(),
                cell.row,
                cell.column
            );
        }
        for r in &d.related {
            let at = r.span.map(|s| {
                let p = idx.position(src, s.start);
                format!(" ({}:{})", p.line, p.column)
            });
            let _ = writeln!(
                out,
                "   = {}: {}{}",
                if zh { "相关" } else { "related" },
                r.message.get(lang),
                at.unwrap_or_default()
            );
        }
        for n in &d.notes {
            let _ = writeln!(
                out,
                "   = {}: {}",
                if zh { "说明" } else { "note" },
                n.get(lang)
            );
        }
        if let Some(f) = &d.fix {
            let _ = writeln!(
                out,
                "   = {}: {}",
                if zh { "修正" } else { "fix" },
                f.message.get(lang)
            );
        }
    }
    for u in &c.unchecked {
        let _ = writeln!(
            out,
            "{}: {}",
            if zh { "未能检查" } else { "not checked" },
            u.message.get(lang)
        );
    }
    let _ = writeln!(
        out,
        "{}",
        if zh {
            format!(
                "{} 个错误，{} 个警告，{} 个提示",
                c.count(Severity::Error),
                c.count(Severity::Warning),
                c.count(Severity::Notice)
            )
        } else {
            format!(
                "{} errors, {} warnings, {} notices",
                c.count(Severity::Error),
                c.count(Severity::Warning),
                c.count(Severity::Notice)
            )
        }
    );
    let _ = writeln!(
        out,
        "{}: {}",
        if zh { "结论" } else { "verdict" },
        c.verdict().label().get(lang)
    );
    out
}
