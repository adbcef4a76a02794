//! The rules: one file per rule, grouped by family, each declared once with its metadata and
//! documentation beside its logic (`declare_rule!`). One registry (`registry::RULES`) feeds
//! the runner, `nianbao rules`, `nianbao explain`, the JSON output, the docs and the tests.
//!
//! Rule codes are those of `../shared/SPEC.md` §6 and never change meaning; a retired code
//! is never reused. Each rule also has a kebab-case name that names the problem.

pub mod registry;
pub mod util;

mod active;
mod content;
mod crossyear;
mod meta;
pub(crate) mod narrative;
mod parser;
pub mod requests;
mod review;
mod structure;

use crate::diagnostic::{Diagnostic, Msg, Severity};
use crate::model::Report;
use crate::parse::Parsed;
use crate::template::Format;
use serde::Serialize;

/// Rule families (SPEC §6).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Family {
    /// S-*: sections, tables, blanks, types.
    Structure,
    /// T2-*: table 二.
    Active,
    /// T3-*: table 三.
    Requests,
    /// T4-*: table 四.
    Review,
    /// X-*: the narrative against the tables.
    Narrative,
    /// Y-*: against last year's report.
    CrossYear,
    /// N-*: sections 一, 五, 六.
    Content,
    /// M-*: metadata and deadlines.
    Meta,
    /// P-*: what the parser could not read.
    Parser,
}

impl Family {
    pub fn as_str(self) -> &'static str {
        match self {
            Family::Structure => "structure",
            Family::Active => "active",
            Family::Requests => "requests",
            Family::Review => "review",
            Family::Narrative => "narrative",
            Family::CrossYear => "crossYear",
            Family::Content => "content",
            Family::Meta => "meta",
            Family::Parser => "parser",
        }
    }
    /// The code prefix: `S`, `T2`, `T3`, …
    pub fn prefix(self) -> &'static str {
        match self {
            Family::Structure => "S",
            Family::Active => "T2",
            Family::Requests => "T3",
            Family::Review => "T4",
            Family::Narrative => "X",
            Family::CrossYear => "Y",
            Family::Content => "N",
            Family::Meta => "M",
            Family::Parser => "P",
        }
    }
    pub const ALL: [Family; 9] = [
        Family::Structure,
        Family::Active,
        Family::Requests,
        Family::Review,
        Family::Narrative,
        Family::CrossYear,
        Family::Content,
        Family::Meta,
        Family::Parser,
    ];
}

/// Text in both languages, usable in constants.
#[derive(Clone, Copy, Debug, Serialize)]
pub struct Text2 {
    pub zh: &'static str,
    pub en: &'static str,
}

/// Everything known about a rule except its logic.
#[derive(Clone, Copy, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RuleMeta {
    pub code: &'static str,
    pub name: &'static str,
    pub family: Family,
    /// Default severity.
    pub severity: Severity,
    /// The formats it applies to.
    pub formats: &'static [Format],
    /// One line.
    pub summary: Text2,
    /// What it checks.
    pub what: Text2,
    /// Why it matters.
    pub why: Text2,
    /// The basis in the official format or the SPEC (with its confidence marker).
    pub basis: &'static str,
    /// A report excerpt that fails.
    pub fails: &'static str,
    /// A report excerpt that passes.
    pub passes: &'static str,
    /// Whether it needs last year's report.
    pub needs_previous: bool,
}

impl RuleMeta {
    pub fn applies_to(&self, f: Format) -> bool {
        self.formats.contains(&f)
    }
    pub fn summary_msg(&self) -> Msg {
        Msg::new(self.summary.zh, self.summary.en)
    }
    /// A diagnostic of this rule with its default severity.
    pub fn diag(&'static self, message: Msg) -> Diagnostic {
        Diagnostic::new(self.code, self.name, self.severity, message)
    }
}

/// What a rule reads.
pub struct RuleCtx<'a> {
    pub parsed: &'a Parsed,
    pub report: &'a Report,
    /// The analysis text (spans of sections point into it).
    pub text: &'a str,
    /// Last year's report, when given.
    pub previous: Option<&'a Parsed>,
    /// The narrative stretches the X-* rules read, built once.
    pub(crate) narrative: std::cell::OnceCell<Vec<narrative::scan::Flat>>,
    /// Table 三's arithmetic, analysed once for T3-1, T3-2, T3-3 and S-3.
    pub(crate) arithmetic: std::cell::OnceCell<Option<requests::arith::Analysis>>,
}

impl<'a> RuleCtx<'a> {
    pub fn new(parsed: &'a Parsed, previous: Option<&'a Parsed>) -> Self {
        RuleCtx {
            parsed,
            report: &parsed.report,
            text: &parsed.doc.text,
            previous,
            narrative: std::cell::OnceCell::new(),
            arithmetic: std::cell::OnceCell::new(),
        }
    }
    /// Table 三's identities and their root causes.
    pub fn arithmetic(&self) -> Option<&requests::arith::Analysis> {
        self.arithmetic
            .get_or_init(|| requests::arith::analyse(self.report))
            .as_ref()
    }

    /// Map a span of the analysis text to the source.
    pub fn source_span(&self, s: crate::source::Span) -> crate::source::Span {
        self.parsed.doc.source_span(s)
    }
}

pub trait Rule: Sync {
    fn meta(&self) -> &'static RuleMeta;
    fn check(&self, ctx: &RuleCtx, out: &mut Vec<Diagnostic>);
}

/// Declare a rule: its metadata and docs in one place, next to its `check` function.
///
/// ```text
/// declare_rule! {
///     pub struct RowTotal;
///     code: "T3-3", name: "row-total-mismatch", family: Requests, severity: Error,
///     formats: [F2021, F2019],
///     summary: ("…", "…"), what: ("…", "…"), why: ("…", "…"),
///     basis: "…", fails: "…", passes: "…",
/// }
/// impl RowTotal { fn run(&self, ctx: &RuleCtx, out: &mut Vec<Diagnostic>) { … } }
/// ```
#[macro_export]
macro_rules! declare_rule {
    (
        pub struct $ty:ident;
        code: $code:literal, name: $name:literal, family: $family:ident, severity: $sev:ident,
        formats: [$($fmt:ident),* $(,)?],
        summary: ($sz:literal, $se:literal $(,)?),
        what: ($wz:literal, $we:literal $(,)?),
        why: ($yz:literal, $ye:literal $(,)?),
        basis: $basis:literal,
        fails: $fails:literal,
        passes: $passes:literal
        $(, needs_previous: $prev:literal)? $(,)?
    ) => {
        pub struct $ty;
        impl $ty {
            pub const META: $crate::rules::RuleMeta = $crate::rules::RuleMeta {
                code: $code,
                name: $name,
                family: $crate::rules::Family::$family,
                severity: $crate::diagnostic::Severity::$sev,
                formats: &[$($crate::template::Format::$fmt),*],
                summary: $crate::rules::Text2 { zh: $sz, en: $se },
                what: $crate::rules::Text2 { zh: $wz, en: $we },
                why: $crate::rules::Text2 { zh: $yz, en: $ye },
                basis: $basis,
                fails: $fails,
                passes: $passes,
                needs_previous: false $(|| $prev)?,
            };
        }
        impl $crate::rules::Rule for $ty {
            fn meta(&self) -> &'static $crate::rules::RuleMeta {
                &Self::META
            }
            fn check(&self, ctx: &$crate::rules::RuleCtx, out: &mut Vec<$crate::diagnostic::Diagnostic>) {
                self.run(ctx, out)
            }
        }
    };
}

/// Which rules run and how severe they are: by code (`T3-2`), name (`row-total-mismatch`),
/// code prefix or family (`T3`, `requests`), or `ALL`. Never by message text.
#[derive(Clone, Debug, Default)]
pub struct RuleConfig {
    pub select: Vec<String>,
    pub ignore: Vec<String>,
    pub severity: Vec<(String, Severity)>,
}

/// Does a selector name this rule?
pub fn selector_matches(sel: &str, m: &RuleMeta) -> bool {
    let s = sel.trim();
    s.eq_ignore_ascii_case("ALL")
        || s.eq_ignore_ascii_case(m.code)
        || s.eq_ignore_ascii_case(m.name)
        || s.eq_ignore_ascii_case(m.family.as_str())
        || s.trim_end_matches(['*', '-'])
            .eq_ignore_ascii_case(m.family.prefix())
}

impl RuleConfig {
    /// Check that every selector names at least one rule.
    pub fn validate(&self) -> Result<(), String> {
        for s in self
            .select
            .iter()
            .chain(&self.ignore)
            .chain(self.severity.iter().map(|(s, _)| s))
        {
            if !registry::RULES
                .iter()
                .any(|r| selector_matches(s, r.meta()))
            {
                return Err(format!("没有这样的规则 / no rule matches “{s}” (use a code such as T3-2, a name, a family such as T3 or requests, or ALL)"));
            }
        }
        Ok(())
    }
    pub fn enabled(&self, m: &RuleMeta) -> bool {
        (self.select.is_empty() || self.select.iter().any(|s| selector_matches(s, m)))
            && !self.ignore.iter().any(|s| selector_matches(s, m))
    }
    pub fn severity_of(&self, m: &RuleMeta, default: Severity) -> Severity {
        // The most specific selector wins: code or name over family.
        let mut best: Option<(u8, Severity)> = None;
        for (s, sev) in &self.severity {
            if selector_matches(s, m) {
                let rank = if s.eq_ignore_ascii_case(m.code) || s.eq_ignore_ascii_case(m.name) {
                    2
                } else {
                    1
                };
                if best.is_none_or(|(r, _)| rank >= r) {
                    best = Some((rank, *sev));
                }
            }
        }
        best.map(|b| b.1).unwrap_or(default)
    }
}

/// Run every enabled rule that applies to the report's format.
pub fn run(ctx: &RuleCtx, config: &RuleConfig) -> Vec<Diagnostic> {
    let format = ctx.report.format;
    let mut out = Vec::new();
    for rule in registry::RULES.iter() {
        let m = rule.meta();
        if !config.enabled(m)
            || !m.applies_to(format)
            || (m.needs_previous && ctx.previous.is_none())
        {
            continue;
        }
        let mut found = Vec::new();
        rule.check(ctx, &mut found);
        for mut d in found {
            // A rule emits only its own code (parser rules re-emit the parser's findings).
            debug_assert_eq!(d.code, m.code, "rule {} emitted {}", m.code, d.code);
            d.severity = config.severity_of(m, d.severity);
            out.push(d);
        }
    }
    out.sort_by(|a, b| {
        (
            a.span.map(|s| s.start).unwrap_or(usize::MAX),
            a.severity,
            a.code,
            &a.cell,
        )
            .cmp(&(
                b.span.map(|s| s.start).unwrap_or(usize::MAX),
                b.severity,
                b.code,
                &b.cell,
            ))
    });
    out
}

/// Find a rule by code or name.
pub fn find(key: &str) -> Option<&'static dyn Rule> {
    registry::RULES.iter().copied().find(|r| {
        r.meta().code.eq_ignore_ascii_case(key) || r.meta().name.eq_ignore_ascii_case(key)
    })
}
