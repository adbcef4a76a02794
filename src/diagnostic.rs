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
    /// Which report of the input it is about, counting from 1: a file may hold more than one
    /// (P-15); the first report's findings have 1.
    pub report: usize,
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
            report: 1,
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

/// Most characters of a cell's text quoted in a message; longer text is cut (a 20 MB run of
/// digits must not make a 20 MB message).
pub const QUOTE_CHARS: usize = 40;

/// A cell's (or any source) text quoted in a message, in both languages: “…” around it, cut to
/// [`QUOTE_CHARS`] characters with “…” and the full length said when longer
/// (“1234567890…”（共20000000个字符） / “1234567890…” (20000000 characters)), and characters
/// that show as nothing or move the text around (zero-width space, soft hyphen, byte order
/// mark, bidirectional controls, control characters) written out as `⟨U+200B⟩`, so that a
/// message never says that something which shows as “71” is not a number without saying why.
pub fn quote(text: &str) -> Msg {
    let mut shown = String::new();
    let mut count = 0usize;
    for c in text.chars() {
        if count < QUOTE_CHARS {
            if c == '\n' || c == '\r' || c == '\t' {
                shown.push(' ');
            } else if is_hidden(c) {
                shown.push_str(&format!("⟨U+{:04X}⟩", c as u32));
            } else {
                shown.push(c);
            }
        }
        count += 1;
    }
    if count <= QUOTE_CHARS {
        let q = format!("“{shown}”");
        return Msg::new(q.clone(), q);
    }
    Msg::new(
        format!("“{shown}…”（共{count}个字符）"),
        format!("“{shown}…” ({count} characters)"),
    )
}

/// Characters that show as nothing (or reorder what follows) in a message.
fn is_hidden(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{00AD}' | '\u{034F}' | '\u{061C}' | '\u{180E}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}'
        )
}

#[cfg(test)]
mod quote_tests {
    use super::*;

    #[test]
    fn short_text_is_quoted_as_it_is() {
        assert_eq!(quote("71"), Msg::new("“71”", "“71”"));
        assert_eq!(quote("一二三"), Msg::new("“一二三”", "“一二三”"));
        let forty = "字".repeat(QUOTE_CHARS);
        assert_eq!(quote(&forty).zh, format!("“{forty}”"));
    }

    #[test]
    fn long_text_is_cut_and_its_length_said() {
        let digits = "1234567890".repeat(2_000_000);
        let q = quote(&digits);
        let shown = &digits[..QUOTE_CHARS];
        assert_eq!(q.zh, format!("“{shown}…”（共20000000个字符）"));
        assert_eq!(q.en, format!("“{shown}…” (20000000 characters)"));
        // Characters, not bytes.
        let han = "报".repeat(QUOTE_CHARS + 1);
        assert_eq!(
            quote(&han).en,
            format!(
                "“{}…” ({} characters)",
                "报".repeat(QUOTE_CHARS),
                QUOTE_CHARS + 1
            )
        );
    }

    #[test]
    fn invisible_characters_are_named() {
        assert_eq!(quote("7\u{200B}x").zh, "“7⟨U+200B⟩x”");
        assert_eq!(
            quote("\u{FEFF}1\u{00AD}2\u{202E}").en,
            "“⟨U+FEFF⟩1⟨U+00AD⟩2⟨U+202E⟩”"
        );
        assert_eq!(quote("a\nb\u{7}").zh, "“a b⟨U+0007⟩”");
    }
}
