//! The typed model of a report: plain data, produced by `parse`, read by the rules and the API.

use crate::diagnostic::Diagnostic;
use crate::source::Span;
use crate::template::{Format, RequestGroup};
use serde::Serialize;

/// What kind of text the input was.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum InputKind {
    Html,
    Text,
}

/// Which standard table.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum TableId {
    /// 二、主动公开政府信息情况
    #[serde(rename = "active")]
    Active,
    /// 三、收到和处理政府信息公开申请情况
    #[serde(rename = "requests")]
    Requests,
    /// 四、政府信息公开行政复议、行政诉讼情况
    #[serde(rename = "reviewLitigation")]
    ReviewLitigation,
}

impl TableId {
    pub fn as_str(self) -> &'static str {
        match self {
            TableId::Active => "active",
            TableId::Requests => "requests",
            TableId::ReviewLitigation => "reviewLitigation",
        }
    }
    pub fn zh(self) -> &'static str {
        match self {
            TableId::Active => "表二（主动公开）",
            TableId::Requests => "表三（收到和处理申请）",
            TableId::ReviewLitigation => "表四（行政复议、行政诉讼）",
        }
    }
    pub fn en(self) -> &'static str {
        match self {
            TableId::Active => "table 2 (proactive disclosure)",
            TableId::Requests => "table 3 (requests)",
            TableId::ReviewLitigation => "table 4 (review and litigation)",
        }
    }
}

/// A logical cell reference: which table, which row (its key; `values` for table 四), which
/// value column (0-based). It works for text and HTML alike.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct CellRef {
    pub table: TableId,
    pub row: String,
    pub column: usize,
}

impl CellRef {
    pub fn new(table: TableId, row: &str, column: usize) -> Self {
        CellRef {
            table,
            row: row.to_string(),
            column,
        }
    }
}

/// Where a cell sits in an HTML table: the index of the `<table>` among the document's
/// tables (document order, 0-based) and the row and column of the expanded grid.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
pub struct GridPos {
    pub table: usize,
    pub row: usize,
    pub col: usize,
}

/// What a cell holds.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum Value {
    /// A number as printed. `signed` when the text carried an explicit `+`/`-`; `unit` when a
    /// unit was written inside the cell (`元`, `万元`, `件`).
    Number {
        value: f64,
        #[serde(skip_serializing_if = "std::ops::Not::not")]
        signed: bool,
        #[serde(skip_serializing_if = "Option::is_none")]
        unit: Option<String>,
    },
    /// Nothing in the cell. Kept distinct from 0.
    Blank,
    /// A placeholder such as `—`, `-`, `/`, `无`. Kept distinct from 0.
    Dash { text: String },
    /// Text that is not a number.
    Unreadable { text: String },
    /// Digits glued together that split more than one way; the possible values of this cell.
    Ambiguous { candidates: Vec<f64> },
    /// The report does not have this cell at all (row cut short, table truncated).
    Missing,
}

impl Value {
    pub fn number(&self) -> Option<f64> {
        match self {
            Value::Number { value, .. } => Some(*value),
            _ => None,
        }
    }
    pub fn is_empty_like(&self) -> bool {
        matches!(self, Value::Blank | Value::Dash { .. })
    }
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Cell {
    /// The text of the cell as found (for glued digits: the digits given to this cell).
    pub raw: String,
    pub value: Value,
    /// Byte span in the source (for HTML: the cell's own text, or just after its `<td>` when it is empty).
    pub span: Option<Span>,
    /// For HTML input: the position in the table grid.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub grid: Option<GridPos>,
}

impl Cell {
    pub fn missing() -> Self {
        Cell {
            raw: String::new(),
            value: Value::Missing,
            span: None,
            grid: None,
        }
    }
    pub fn number(&self) -> Option<f64> {
        self.value.number()
    }
}

/// A row of a standard table.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Row {
    pub key: String,
    /// The label as found in the report (may differ from the official wording).
    pub label: String,
    pub label_span: Option<Span>,
    pub cells: Vec<Cell>,
    /// When glued digits split more than one way: every split that satisfies the row's own
    /// constraint. Empty otherwise.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub candidates: Vec<Vec<f64>>,
    /// Values found on the row beyond the template's columns (an added column such as
    /// 法人或其他组织小计), as printed.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub extra_values: Vec<String>,
}

impl Row {
    pub fn values(&self) -> Vec<Option<f64>> {
        self.cells.iter().map(Cell::number).collect()
    }
}

/// A row of table 三 that the template does not have (a report's own sub-item or subtotal).
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ExtraRow {
    pub label: String,
    pub group: RequestGroup,
    /// The template row it follows.
    pub after: Option<String>,
    pub row: Row,
}

/// 表三 收到和处理政府信息公开申请情况.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RequestTable {
    /// Rows in template order; rows the report lacks are absent.
    pub rows: Vec<Row>,
    pub extra_rows: Vec<ExtraRow>,
    pub span: Option<Span>,
}

impl RequestTable {
    pub fn row(&self, key: &str) -> Option<&Row> {
        self.rows.iter().find(|r| r.key == key)
    }
}

/// 表四 政府信息公开行政复议、行政诉讼情况: one row of 15 values.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ReviewTable {
    pub row: Row,
    pub span: Option<Span>,
    /// The text was out of order and the values were not read (a P-6 finding says so).
    pub scrambled: bool,
}

/// 表二 主动公开政府信息情况.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ActiveTable {
    pub rows: Vec<Row>,
    pub span: Option<Span>,
}

impl ActiveTable {
    pub fn row(&self, key: &str) -> Option<&Row> {
        self.rows.iter().find(|r| r.key == key)
    }
}

/// One of the six sections.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Section {
    pub number: u8,
    pub key: &'static str,
    /// The heading as found.
    pub heading: String,
    /// The heading's span in the source.
    pub heading_span: Span,
    /// From the heading to the next section (or the end), in the analysis text
    /// (`Parsed::doc.text`, which equals the source for plain text).
    pub text_span: Span,
}

/// Why the format was chosen.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct FormatEvidence {
    pub signals_2021: Vec<String>,
    pub signals_2019: Vec<String>,
    pub signals_pre2019: Vec<String>,
    pub reason: String,
}

/// How the year was found.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct YearEvidence {
    pub title: Option<i32>,
    pub period: Option<i32>,
    pub published: Option<i32>,
}

/// Why the text seems to stop before the report does.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum CutReason {
    /// The last line breaks off in the middle of a sentence or a label.
    MidSentence,
    /// The text stops inside a table, before its last rows.
    InTable,
    /// The text ends cleanly but before section 五, with nothing that closes a report after it
    /// (no date, no signature): the rest of the report is not in the text.
    EarlyEnd,
}

/// The text holds only the first part of a report (a page cut by its source, a partial paste):
/// what comes after `at` could not be checked, and is never reported as missing.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Cut {
    /// Where the text ends (analysis-text offset).
    #[serde(skip)]
    pub at: usize,
    /// The same place in the source.
    pub span: Span,
    /// The last of the six sections whose heading the text reaches (0: none).
    pub section: u8,
    /// The table the text stops inside, if any.
    pub table: Option<TableId>,
    pub reason: CutReason,
}

/// What made the parser take the text for an annual report (or not).
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ReportEvidence {
    /// Whether the text looks like a 政府信息公开工作年度报告 at all.
    pub is_report: bool,
    /// The signs found: a title naming the report, section headings, standard tables, …
    pub signs: Vec<String>,
}

/// Where the reporting body's name was read, or why there is none.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AgencyEvidence {
    /// Where the name was read: `title`, `opening` (the sentence that names the report),
    /// `pageTitle` (the HTML `<title>`), `compiler` (由…编制), `signature`, `contact`
    /// (请与…联系), `header` (a name alone on the first line, when there is no title),
    /// `metaField` (发布机构, 来源), `subject` (the body doing the year's work), `account`
    /// (“…”微信公众号); `None` when no name was read.
    pub source: Option<&'static str>,
    /// The words it was read from, as written (white space removed).
    pub words: Option<String>,
    /// When the agency is the longer form of the name found elsewhere in the report: those words.
    pub fuller_from: Option<String>,
    /// Only a self-reference (我局, 本机关, 县人社局…) named the body: it is not a name.
    pub self_reference: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Report {
    pub input_kind: InputKind,
    pub title: Option<String>,
    pub title_span: Option<Span>,
    pub year: Option<i32>,
    pub year_evidence: YearEvidence,
    pub agency: Option<String>,
    pub agency_evidence: AgencyEvidence,
    /// Publication date as printed (crawler header or page), `YYYY-MM-DD`.
    pub published: Option<String>,
    pub format: Format,
    pub format_evidence: FormatEvidence,
    pub sections: Vec<Section>,
    pub active: Option<ActiveTable>,
    pub requests: Option<RequestTable>,
    pub review: Option<ReviewTable>,
    /// Whether the text is an annual report, and why.
    pub report_evidence: ReportEvidence,
    /// Where the text stops before the report does, if it does.
    pub cut: Option<Cut>,
    /// The text begins with this section (its heading is the first thing in it, with no title
    /// before): a part of a report pasted on its own, whose earlier sections are not in it and
    /// are never reported missing. `None` when the text starts at the beginning.
    pub starts_at_section: Option<u8>,
    /// Where a second report begins in the same text (source offset), if one does: this
    /// report is read up to there, and the other is checked on its own.
    pub next_report: Option<usize>,
    /// What the parser noticed (codes `P-*`).
    pub findings: Vec<Diagnostic>,
}

impl Report {
    /// Whether the text stops before section `n`, or begins after it (so that its absence is
    /// not the report's).
    pub fn cut_before_section(&self, n: u8) -> bool {
        self.cut.as_ref().is_some_and(|c| n > c.section)
            || self.starts_at_section.is_some_and(|first| n < first)
    }
    /// Whether the text stops inside section `n` (so that its body is not complete).
    pub fn cut_in_section(&self, n: u8) -> bool {
        self.cut.as_ref().is_some_and(|c| c.section == n)
    }

    /// The cell a reference names, if the report has it.
    pub fn cell(&self, r: &CellRef) -> Option<&Cell> {
        let row = match r.table {
            TableId::Requests => {
                let t = self.requests.as_ref()?;
                t.row(&r.row).or_else(|| {
                    t.extra_rows
                        .iter()
                        .map(|e| &e.row)
                        .find(|row| row.key == r.row)
                })?
            }
            TableId::ReviewLitigation => self
                .review
                .as_ref()
                .map(|t| &t.row)
                .filter(|_| r.row == "values")?,
            TableId::Active => self.active.as_ref()?.row(&r.row)?,
        };
        row.cells.get(r.column)
    }
}
