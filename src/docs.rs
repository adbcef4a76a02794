//! Rule documentation, generated from the registry: `nianbao rules`, `nianbao explain`, the
//! JavaScript `rules()`/`explain()` and the page's documentation all come from here.

use crate::diagnostic::Lang;
use crate::rules::{self, registry::RULES, RuleMeta};
use serde_json::json;
use std::fmt::Write;

fn t(lang: Lang, zh: &'static str, en: &'static str) -> &'static str {
    match lang {
        Lang::Zh => zh,
        Lang::En => en,
    }
}

/// The registry as JSON values (one per rule).
pub fn rules_json(lang: Lang) -> serde_json::Value {
    json!(RULES
        .iter()
        .map(|r| rule_json(r.meta(), lang))
        .collect::<Vec<_>>())
}

pub fn rule_json(m: &RuleMeta, lang: Lang) -> serde_json::Value {
    json!({
        "code": m.code,
        "name": m.name,
        "family": m.family.as_str(),
        "severity": m.severity.as_str(),
        "formats": m.formats.iter().map(|f| f.as_str()).collect::<Vec<_>>(),
        "summary": t(lang, m.summary.zh, m.summary.en),
        "what": t(lang, m.what.zh, m.what.en),
        "why": t(lang, m.why.zh, m.why.en),
        "basis": m.basis,
        "fails": m.fails,
        "passes": m.passes,
        "needsPrevious": m.needs_previous,
    })
}

/// `nianbao rules`.
pub fn rules_listing(as_json: bool, lang: Lang) -> String {
    if as_json {
        return format!("{}\n", rules_json(lang));
    }
    let mut out = String::new();
    for r in RULES.iter() {
        let m = r.meta();
        let formats: Vec<&str> = m.formats.iter().map(|f| f.as_str()).collect();
        let _ = writeln!(
            out,
            "{:<6} {:<40} {:<8} {:<22} {}",
            m.code,
            m.name,
            m.severity.as_str(),
            formats.join(","),
            t(lang, m.summary.zh, m.summary.en)
        );
    }
    out
}

/// `nianbao explain CODE`: the rule's documentation as Markdown.
pub fn explain(code: &str, lang: Lang) -> Option<String> {
    let m = rules::find(code)?.meta();
    let formats: Vec<&str> = m.formats.iter().map(|f| f.as_str()).collect();
    let mut s = String::new();
    let _ = writeln!(s, "# {} {}\n", m.code, m.name);
    let _ = writeln!(s, "{}\n", t(lang, m.summary.zh, m.summary.en));
    let _ = writeln!(
        s,
        "{}: {} · {}: {} · {}: {}{}\n",
        t(lang, "严重程度", "Severity"),
        m.severity.as_str(),
        t(lang, "适用格式", "Formats"),
        formats.join(", "),
        t(lang, "类别", "Family"),
        m.family.as_str(),
        if m.needs_previous {
            t(lang, " · 需要上年报告", " · needs last year's report")
        } else {
            ""
        }
    );
    let _ = writeln!(
        s,
        "## {}\n\n{}\n",
        t(lang, "检查什么", "What it checks"),
        t(lang, m.what.zh, m.what.en)
    );
    let _ = writeln!(
        s,
        "## {}\n\n{}\n",
        t(lang, "为什么重要", "Why it matters"),
        t(lang, m.why.zh, m.why.en)
    );
    let _ = writeln!(s, "## {}\n\n{}\n", t(lang, "依据", "Basis"), m.basis);
    let _ = writeln!(
        s,
        "## {}\n\n```\n{}\n```\n",
        t(lang, "不通过的例子", "Example that fails"),
        m.fails
    );
    let _ = writeln!(
        s,
        "## {}\n\n```\n{}\n```",
        t(lang, "通过的例子", "Example that passes"),
        m.passes
    );
    Some(s)
}
