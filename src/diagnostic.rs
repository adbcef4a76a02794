//! Diagnostics are data: a stable code, a severity, a message in Chinese and English, the
//! span and cell they concern, related locations, notes and an optional fix. Rendering them
//! for people (text) or for programs (JSON) happens elsewhere.

use crate::model::CellRef;
use crate::source::Span;
use serde::Serialize;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
    Notice,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Notice => "notice",
        }
    }
    pub fn parse(s: &str) -> Option<Severity> {
        match s {
            "error" | "E" => Some(Severity::Error),
            "warning" | "W" => Some(Severity::Warning),
            "notice" | "N" => Some(Severity::Notice),
            _ => None,
        }
    }
}

/// Whether the checker is sure (`violation`) or a person must look (`needsReview`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Outcome {
    Violation,
    NeedsReview,
}

/// Text in both languages. Chinese comes first.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Msg {
    pub zh: String,
    pub en: String,
}

impl Msg {
    pub fn new(zh: impl Into<String>, en: impl Into<String>) -> Self {
        Msg {
            zh: zh.into(),
            en: en.into(),
        }
    }
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Zh => &self.zh,
            Lang::En => &self.en,
        }
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    Zh,
    En,
}

impl Lang {
    pub fn parse(s: &str) -> Option<Lang> {
        match s.to_ascii_lowercase().as_str() {
            "zh" | "zh-cn" | "cn" | "chinese" => Some(Lang::Zh),
            "en" | "english" => Some(Lang::En),
            _ => None,
        }
    }
}

/// A secondary location.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Related {
    pub span: Option<Span>,
    pub cell: Option<CellRef>,
    pub message: Msg,
}

/// A fix that is certain: replace the text of a cell (or span) with `replacement`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Fix {
    pub message: Msg,
    pub span: Option<Span>,
    pub cell: Option<CellRef>,
    pub replacement: String,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Diagnostic {
    pub code: &'static str,
    pub name: &'static str,
    pub severity: Severity,
    pub outcome: Outcome,
    pub message: Msg,
    /// Primary location in the source (bytes).
    pub span: Option<Span>,
    /// The primary cell, when the finding concerns one.
    pub cell: Option<CellRef>,
    pub related: Vec<Related>,
    pub notes: Vec<Msg>,
    pub fix: Option<Fix>,
}

impl Diagnostic {
    pub fn new(code: &'static str, name: &'static str, severity: Severity, message: Msg) -> Self {
        Diagnostic {
            code,
            name,
            severity,
            outcome: Outcome::Violation,
            message,
            span: None,
            cell: None,
            related: Vec::new(),
            notes: Vec::new(),
            fix: None,
        }
    }
    pub fn review(mut self) -> Self {
        self.outcome = Outcome::NeedsReview;
        self
    }
    pub fn at(mut self, span: Option<Span>) -> Self {
        self.span = span;
        self
    }
    pub fn on(mut self, cell: CellRef) -> Self {
        self.cell = Some(cell);
        self
    }
    pub fn note(mut self, note: Msg) -> Self {
        self.notes.push(note);
        self
    }
}
