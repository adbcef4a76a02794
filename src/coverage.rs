//! What could not be checked, and the verdict that follows.
//!
//! A checker that could not read something says so: a report is never "passing" when its
//! tables were not read, when the text stops before the report does, or when the text is
//! not a report at all. `unchecked` lists each part of the report that the rules could not
//! check in full (a table not found or cut short, identities whose cells were not read or
//! left blank, sections beyond a cut), with the rules concerned and a message in both
//! languages; `verdict` sums it up (axe-core's `incomplete` beside its `violations`).

use crate::diagnostic::{Diagnostic, Msg, Outcome, Severity};
use crate::model::{Report, TableId, Value};
use crate::rules::requests::arith::{Analysis, Kind};
use crate::rules::util::{Eval, Term, TermValue};
use crate::rules::{registry, Family, RuleCtx};
use crate::template::{self, Format, RequestGroup, CN_NUMERALS};
use serde::Serialize;

/// The verdict on one input.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Verdict {
    /// No error-severity finding, and everything the format asks for was checked.
    Pass,
    /// At least one error-severity finding.
    Fail,
    /// No error found, but some part could not be checked (see `unchecked`).
    Incomplete,
    /// The text does not look like an annual report; nothing was checked.
    NotReport,
}

impl Verdict {
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Pass => "pass",
            Verdict::Fail => "fail",
            Verdict::Incomplete => "incomplete",
            Verdict::NotReport => "notReport",
        }
    }
    pub fn label(self) -> Msg {
        match self {
            Verdict::Pass => Msg::new("通过全部检查", "passes every check"),
            Verdict::Fail => Msg::new("有错误", "has errors"),
            Verdict::Incomplete => Msg::new(
                "未发现错误，但有部分内容未能检查",
                "no error found, but some parts could not be checked",
            ),
            Verdict::NotReport => Msg::new(
                "不是年度报告，未作检查",
                "not an annual report; not checked",
            ),
        }
    }
}

/// One part of the report that could not be checked in full.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Unchecked {
    /// `active` | `requests` | `reviewLitigation` (the tables), `sections`, or `report`.
    pub part: &'static str,
    /// `notReport` | `formatUnknown` | `cut` | `notFound` | `noNumbers` | `scrambled` |
    /// `rowsMissing` | `cellsUnread` (not read: unreadable, ambiguous, or digits that split no
    /// consistent way) | `blankCells` | `rowRepeated` (a row given twice with different numbers) |
    /// `notInText` (sections before the one a pasted part begins with).
    pub reason: &'static str,
    /// The rules that could not run on it, in full or in part.
    pub rules: Vec<&'static str>,
    pub message: Msg,
}

fn codes_of(family: Family, format: Format) -> Vec<&'static str> {
    registry::RULES
        .iter()
        .map(|r| r.meta())
        .filter(|m| m.family == family && m.applies_to(format) && !m.needs_previous)
        .map(|m| m.code)
        .collect()
}

fn section_name(n: u8) -> String {
    format!("第{}部分", CN_NUMERALS[(n.clamp(1, 10) - 1) as usize])
}

fn family_of(t: TableId) -> Family {
    match t {
        TableId::Active => Family::Active,
        TableId::Requests => Family::Requests,
        TableId::ReviewLitigation => Family::Review,
    }
}

fn section_of(t: TableId) -> u8 {
    match t {
        TableId::Active => 2,
        TableId::Requests => 3,
        TableId::ReviewLitigation => 4,
    }
}

/// What could not be checked in this report.
pub fn unchecked(ctx: &RuleCtx) -> Vec<Unchecked> {
    let r = ctx.report;
    let mut out = Vec::new();
    if !r.report_evidence.is_report {
        out.push(Unchecked {
            part: "report",
            reason: "notReport",
            rules: Vec::new(),
            message: Msg::new(
                "这段文字不像年度报告，未作检查",
                "the text does not look like an annual report; nothing was checked",
            ),
        });
        return out;
    }
    if r.format == Format::Unknown {
        out.push(Unchecked {
            part: "report",
            reason: "formatUnknown",
            rules: Vec::new(),
            message: Msg::new(
                "找不到报告年度，也没有读到标准表格，无法确定报告格式：表格和各部分未作检查",
                "neither the report year nor a standard table was found, so the format is unknown: the tables and sections were not checked",
            ),
        });
    }
    if let Some(c) = &r.cut {
        let after: Vec<u8> = (c.section + 1..=6)
            .filter(|n| !r.sections.iter().any(|s| s.number == *n))
            .collect();
        let (zh, en) = if r.format.is_modern() && !after.is_empty() {
            let (a, b) = (after[0], after[after.len() - 1]);
            let zh = if a == b {
                section_name(a)
            } else {
                format!(
                    "第{}至{}部分",
                    CN_NUMERALS[(a - 1) as usize],
                    CN_NUMERALS[(b - 1) as usize]
                )
            };
            let en = if a == b {
                format!("section {a}")
            } else {
                format!("sections {a}–{b}")
            };
            (format!("文字在报告结束之前中断：{zh}不在文中，未作检查"), format!("the text stops before the report ends: {en} are not in it and were not checked"))
        } else {
            ("文字在报告结束之前中断：其后的内容不在文中，未作检查".to_string(), "the text stops before the report ends: what follows is not in it and was not checked".to_string())
        };
        out.push(Unchecked {
            part: "sections",
            reason: "cut",
            rules: vec!["S-1"],
            message: Msg::new(zh, en),
        });
    }
    if let Some(first) = r
        .starts_at_section
        .filter(|&f| f > 1 && r.format.is_modern())
    {
        let (zh, en) = if first == 2 {
            ("第一部分".to_string(), "section 1 is".to_string())
        } else {
            (
                if first == 3 {
                    "第一、二部分".to_string()
                } else {
                    format!("第一至{}部分", CN_NUMERALS[(first - 2) as usize])
                },
                format!("sections 1–{} are", first - 1),
            )
        };
        out.push(Unchecked {
            part: "sections",
            reason: "notInText",
            rules: vec!["S-1"],
            message: Msg::new(
                format!(
                    "文字从第{}部分开始，{zh}不在文中，未作检查",
                    CN_NUMERALS[(first - 1) as usize]
                ),
                format!("the text begins at section {first}: {en} not in it and were not checked"),
            ),
        });
    }
    if !r.format.is_modern() {
        return out;
    }
    for t in [
        TableId::Active,
        TableId::Requests,
        TableId::ReviewLitigation,
    ] {
        let rules = codes_of(family_of(t), r.format);
        let present = match t {
            TableId::Active => r.active.is_some(),
            TableId::Requests => r.requests.is_some(),
            TableId::ReviewLitigation => r.review.is_some(),
        };
        let numbers = match t {
            TableId::Active => r
                .active
                .iter()
                .flat_map(|x| x.rows.iter())
                .any(|row| row.cells.iter().any(|c| c.number().is_some())),
            TableId::Requests => r
                .requests
                .iter()
                .flat_map(|x| x.rows.iter())
                .any(|row| row.cells.iter().any(|c| c.number().is_some())),
            TableId::ReviewLitigation => r
                .review
                .as_ref()
                .is_some_and(|x| x.row.cells.iter().any(|c| c.number().is_some())),
        };
        let scrambled =
            t == TableId::ReviewLitigation && r.review.as_ref().is_some_and(|x| x.scrambled);
        if !present || !numbers || scrambled {
            let sec = section_of(t);
            let cut_before = r.cut.as_ref().is_some_and(|c| sec >= c.section);
            if r.starts_at_section.is_some_and(|first| sec < first) {
                out.push(Unchecked {
                    part: t.as_str(),
                    reason: "notInText",
                    rules,
                    message: Msg::new(format!("{}在文字开始之前（只复制了报告的一部分），未作检查", t.zh()), format!("{} comes before where the text begins (a part of the report); it was not checked", t.en())),
                });
                continue;
            }
            let unsplit = r
                .findings
                .iter()
                .any(|d| d.code == "P-12" && d.cell.as_ref().is_some_and(|c| c.table == t));
            let (reason, zh, en) = if unsplit {
                (
                    "cellsUnread",
                    format!("{}的数字连在一起，无论怎样拆分都不一致（P-12），各格未读出，其他核对未作", t.zh()),
                    format!("{}'s digits run together and no split is consistent (P-12): its cells were not read and nothing else was checked on them", t.en()),
                )
            } else if scrambled {
                ("scrambled", format!("{}的文字顺序错乱，数值未能读出，未作检查", t.zh()), format!("{}'s text is out of order; its values could not be read and were not checked", t.en()))
            } else if cut_before && !numbers && r.cut.as_ref().is_some_and(|c| c.table == Some(t)) {
                (
                    "cut",
                    format!("文字在{}中间中断，该表的数字不在文中，未作检查", t.zh()),
                    format!(
                        "the text stops inside {}, before its numbers; it was not checked",
                        t.en()
                    ),
                )
            } else if cut_before && !numbers {
                (
                    "cut",
                    format!("文字在{}之前中断，该表未作检查", t.zh()),
                    format!("the text stops before {}; it was not checked", t.en()),
                )
            } else if present {
                (
                    "noNumbers",
                    format!("{}只有表头和行名，没有数字（可能以图片或附件发布），未作检查", t.zh()),
                    format!("{} has labels but no numbers (perhaps published as an image or attachment); it was not checked", t.en()),
                )
            } else {
                ("notFound", format!("没有读到{}（可能以图片或附件发布），未作检查", t.zh()), format!("{} was not read (perhaps published as an image or attachment); it was not checked", t.en()))
            };
            out.push(Unchecked {
                part: t.as_str(),
                reason,
                rules,
                message: Msg::new(zh, en),
            });
            continue;
        }
        match t {
            TableId::Requests => requests_gaps(r, ctx.arithmetic(), &mut out),
            TableId::ReviewLitigation => review_gaps(r, &mut out),
            TableId::Active => active_gaps(r, rules, &mut out),
        }
    }
    out
}

/// Rows of table 三 the text lacks, and identities whose cells were not read or are blank.
fn requests_gaps(r: &Report, a: Option<&Analysis>, out: &mut Vec<Unchecked>) {
    let Some(t) = &r.requests else { return };
    let cut_here = r
        .cut
        .as_ref()
        .is_some_and(|c| c.table == Some(TableId::Requests));
    let missing: Vec<&template::RowSpec> = template::request_rows(r.format)
        .filter(|s| t.row(s.key).is_none())
        // A group whose template items the report replaced by its own sub-items.
        .filter(|s| {
            !(s.group != RequestGroup::Intake && t.extra_rows.iter().any(|e| e.group == s.group))
        })
        .collect();
    if !missing.is_empty() {
        let keys: Vec<&str> = missing.iter().map(|s| s.key).collect();
        let needs_balance = ["new", "carried_over", "total", "carried_forward"]
            .iter()
            .any(|k| keys.contains(k));
        let needs_outcomes = keys.contains(&"total")
            || missing.iter().any(|s| {
                matches!(
                    s.group,
                    RequestGroup::Outcome
                        | RequestGroup::Denied
                        | RequestGroup::Unable
                        | RequestGroup::Rejected
                        | RequestGroup::Other
                )
            });
        let mut rules = Vec::new();
        let (mut zh_ids, mut en_ids) = (Vec::new(), Vec::new());
        if needs_balance {
            rules.push("T3-1");
            zh_ids.push("第一项加第二项等于第三项加第四项（T3-1）");
            en_ids.push("new + carried over = total handled + carried forward (T3-1)");
        }
        if needs_outcomes {
            rules.push("T3-2");
            zh_ids.push("各项办理结果之和等于总计（T3-2）");
            en_ids.push("the outcome rows add up to the total (T3-2)");
        }
        let shown: Vec<String> = missing
            .iter()
            .take(3)
            .map(|s| format!("“{}”", s.full_label()))
            .collect();
        let more = if missing.len() > 3 {
            format!("等{}行", missing.len())
        } else {
            String::new()
        };
        let why = if cut_here {
            "（文字在表中中断）"
        } else {
            ""
        };
        let why_en = if cut_here {
            " (the text stops inside the table)"
        } else {
            ""
        };
        let (zh, en) = if rules.is_empty() {
            (
                format!("表三缺少{}{more}{why}，这些行未作检查", shown.join("")),
                format!(
                    "table 3 lacks {} row(s){why_en}; they were not checked",
                    missing.len()
                ),
            )
        } else {
            (
                format!(
                    "表三缺少{}{more}{why}，{}只能部分核对",
                    shown.join(""),
                    zh_ids.join("、")
                ),
                format!(
                    "table 3 lacks {} row(s){why_en}, so {} could be checked only in part",
                    missing.len(),
                    en_ids.join(" and ")
                ),
            )
        };
        out.push(Unchecked {
            part: "requests",
            reason: if cut_here { "cut" } else { "rowsMissing" },
            rules,
            message: Msg::new(zh, en),
        });
    }
    // A row given twice with different numbers: one of them was checked.
    if r.findings
        .iter()
        .any(|d| d.code == "P-14" && d.severity != crate::diagnostic::Severity::Notice)
    {
        out.push(Unchecked {
            part: "requests",
            reason: "rowRepeated",
            rules: vec!["T3-1", "T3-2", "T3-3"],
            message: Msg::new(
                "表三有一行出现了两次且数值不同（P-14）：只按其中一行核对，另一行的数字未核对",
                "a row of table 3 appears twice with different numbers (P-14): only one of them was checked",
            ),
        });
    }
    let Some(a) = a else { return };
    // Identities left open by cells that were not read, or were left blank.
    let mut unread: Vec<&'static str> = Vec::new();
    let mut unread_cols: Vec<usize> = Vec::new();
    let mut blank: Vec<&'static str> = Vec::new();
    let mut blank_n = 0;
    for id in &a.identities {
        let code = match id.kind {
            Kind::Row(_) => "T3-3",
            Kind::Outcomes(_) => "T3-2",
            Kind::Balance(_) => "T3-1",
        };
        let absent_only = id.cells().all(|t: &Term| t.value != TermValue::Blank)
            && id.cells().any(|t| t.value == TermValue::Absent);
        match id.eval {
            Eval::Unreadable => {
                if !unread.contains(&code) {
                    unread.push(code);
                }
                if let Kind::Outcomes(c) | Kind::Balance(c) = id.kind {
                    if !unread_cols.contains(&c) {
                        unread_cols.push(c);
                    }
                }
            }
            Eval::Blanks if !absent_only => {
                blank_n += 1;
                if !blank.contains(&code) {
                    blank.push(code);
                }
            }
            _ => {}
        }
    }
    if !unread.is_empty() {
        unread.sort();
        let n = a
            .identities
            .iter()
            .filter(|i| i.eval == Eval::Unreadable)
            .count();
        out.push(Unchecked {
            part: "requests",
            reason: "cellsUnread",
            rules: unread.clone(),
            message: Msg::new(
                format!("表三有单元格未能读出（无法识别或数字连写有多种拆分），{n}处勾稽关系（{}）未能核对", unread.join("、")),
                format!("some cells of table 3 could not be read (unreadable, or run-together digits that split more than one way): {n} identities ({}) were not checked", unread.join(", ")),
            ),
        });
    }
    if !blank.is_empty() {
        blank.sort();
        out.push(Unchecked {
            part: "requests",
            reason: "blankCells",
            rules: blank.clone(),
            message: Msg::new(
                format!("表三有空白或“—”“/”单元格，{blank_n}处勾稽关系（{}）无法核对", blank.join("、")),
                format!("table 3 has blank or dash cells: {blank_n} identities ({}) could not be checked", blank.join(", ")),
            ),
        });
    }
}

fn review_gaps(r: &Report, out: &mut Vec<Unchecked>) {
    let Some(t) = &r.review else { return };
    let mut unread = Vec::new();
    let mut blank = Vec::new();
    for (g, code) in [(0usize, "T4-1"), (5, "T4-2"), (10, "T4-3")] {
        let cells = &t.row.cells[g.min(t.row.cells.len())..(g + 5).min(t.row.cells.len())];
        if cells.len() < 5
            || cells.iter().any(|c| {
                matches!(
                    c.value,
                    Value::Missing | Value::Unreadable { .. } | Value::Ambiguous { .. }
                )
            })
        {
            unread.push(code);
        } else if cells.iter().any(|c| c.value.is_empty_like()) {
            blank.push(code);
        }
    }
    if !unread.is_empty() {
        let cut_here = r
            .cut
            .as_ref()
            .is_some_and(|c| c.table == Some(TableId::ReviewLitigation));
        out.push(Unchecked {
            part: "reviewLitigation",
            reason: if cut_here { "cut" } else { "cellsUnread" },
            rules: unread.clone(),
            message: Msg::new(
                format!(
                    "表四有数值未能读出{}，{}未能核对",
                    if cut_here {
                        "（文字在表中中断）"
                    } else {
                        ""
                    },
                    unread.join("、")
                ),
                format!(
                    "some values of table 4 could not be read{}; {} were not checked",
                    if cut_here {
                        " (the text stops inside the table)"
                    } else {
                        ""
                    },
                    unread.join(", ")
                ),
            ),
        });
    }
    if !blank.is_empty() {
        out.push(Unchecked {
            part: "reviewLitigation",
            reason: "blankCells",
            rules: blank.clone(),
            message: Msg::new(
                format!("表四有空白或“—”“/”单元格，{}无法核对", blank.join("、")),
                format!(
                    "table 4 has blank or dash cells; {} could not be checked",
                    blank.join(", ")
                ),
            ),
        });
    }
}

fn active_gaps(r: &Report, rules: Vec<&'static str>, out: &mut Vec<Unchecked>) {
    let Some(t) = &r.active else { return };
    let missing: Vec<&template::ActiveRowSpec> = template::active_rows(r.format)
        .iter()
        .filter(|s| t.row(s.key).is_none())
        .collect();
    let unread = t
        .rows
        .iter()
        .flat_map(|row| row.cells.iter())
        .filter(|c| {
            matches!(
                c.value,
                Value::Missing | Value::Unreadable { .. } | Value::Ambiguous { .. }
            )
        })
        .count();
    if missing.is_empty() && unread == 0 {
        return;
    }
    let cut_here = r
        .cut
        .as_ref()
        .is_some_and(|c| c.table == Some(TableId::Active));
    let names: Vec<&str> = missing.iter().map(|s| s.label).collect();
    let (mut zh, mut en) = (Vec::new(), Vec::new());
    if !missing.is_empty() {
        zh.push(format!("缺少“{}”{}行", names.join("”“"), missing.len()));
        en.push(format!(
            "{} row(s) are missing ({})",
            missing.len(),
            names.join(", ")
        ));
    }
    if unread > 0 {
        zh.push(format!("{unread}个单元格未能读出"));
        en.push(format!("{unread} cell(s) could not be read"));
    }
    out.push(Unchecked {
        part: "active",
        reason: if cut_here {
            "cut"
        } else if missing.is_empty() {
            "cellsUnread"
        } else {
            "rowsMissing"
        },
        rules,
        message: Msg::new(
            format!(
                "表二{}{}，这些内容未作检查",
                zh.join("，"),
                if cut_here {
                    "（文字在表中中断）"
                } else {
                    ""
                }
            ),
            format!(
                "table 2: {}{}; they were not checked",
                en.join("; "),
                if cut_here {
                    " (the text stops inside the table)"
                } else {
                    ""
                }
            ),
        ),
    });
}

/// The verdict from the findings and what could not be checked.
pub fn verdict(report: &Report, diagnostics: &[Diagnostic], unchecked: &[Unchecked]) -> Verdict {
    if !report.report_evidence.is_report {
        Verdict::NotReport
    } else if diagnostics.iter().any(|d| d.severity == Severity::Error) {
        Verdict::Fail
    } else if !unchecked.is_empty() {
        Verdict::Incomplete
    } else {
        Verdict::Pass
    }
}

/// How many findings ask a person to look.
pub fn needs_review(diagnostics: &[Diagnostic]) -> usize {
    diagnostics
        .iter()
        .filter(|d| d.outcome == Outcome::NeedsReview)
        .count()
}
