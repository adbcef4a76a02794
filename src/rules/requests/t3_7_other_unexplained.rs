use crate::diagnostic::{Diagnostic, Msg};
use crate::model::{CellRef, TableId};
use crate::rules::util::fmt;
use crate::rules::RuleCtx;

crate::declare_rule! {
    pub struct OtherUnexplained;
    code: "T3-7", name: "other-handling-unexplained", family: Requests, severity: Notice,
    formats: [F2021],
    summary: ("（六）3.其他有数而正文未作说明", "(6)3 “other” has requests but the text does not explain them"),
    what: (
        "（六）其他处理3.其他大于0时，查看正文（表格之外）是否说明了这些申请的情形（如撤回、撤销申请、咨询等）。",
        "When (6)3 “other” is above 0, looks in the text outside the tables for what these requests were (withdrawn, consultations, …)."
    ),
    why: ("“其他”是兜底项，读者需要知道其中是什么。", "“Other” is a catch-all; readers need to know what it holds."),
    basis: "SPEC §6.3 T3-7 [H].",
    fails: "3.其他 | 2 | … | 2 |，正文未提及",
    passes: "3.其他 | 2 | … | 2 |，正文：“其他处理2件为申请人主动撤回申请”",
}

/// Words that explain what “other” requests were.
const EXPLAINERS: &[&str] = &[
    "其他处理",
    "其他情形",
    "撤回",
    "撤销",
    "咨询",
    "自行撤",
    "终止",
];

impl OtherUnexplained {
    fn run(&self, ctx: &RuleCtx, out: &mut Vec<Diagnostic>) {
        let Some(row) = ctx
            .report
            .requests
            .as_ref()
            .and_then(|t| t.row("other_other"))
        else {
            return;
        };
        let Some(n) = row
            .cells
            .get(6)
            .and_then(|c| c.number())
            .filter(|&n| n > 0.0)
        else {
            return;
        };
        // The text outside table 三: the sections other than 三, and 三's text before its table.
        let table_start = ctx
            .report
            .requests
            .as_ref()
            .and_then(|t| t.rows.first())
            .and_then(|r| r.label_span)
            .map(|s| s.start);
        let outside: String = ctx
            .report
            .sections
            .iter()
            .filter(|s| s.number != 2 && s.number != 4)
            .map(|s| {
                let body = &ctx.text[s.text_span.start..s.text_span.end];
                if s.number == 3 {
                    // Only what precedes the table (the analysis text equals the source for text input).
                    let cut = table_start
                        .filter(|_| ctx.parsed.doc.segments.is_empty())
                        .map(|t| t.saturating_sub(s.text_span.start))
                        .unwrap_or(0);
                    body.get(..cut.min(body.len())).unwrap_or("").to_string()
                } else {
                    body.to_string()
                }
            })
            .collect();
        if EXPLAINERS.iter().any(|w| outside.contains(w)) {
            return;
        }
        out.push(
            Self::META
                .diag(Msg::new(
                    format!("（六）其他处理“3.其他”有{}件，正文未说明是何情形", fmt(n)),
                    format!("{} requests are under (6)3 “other”, and the text does not say what they were", fmt(n)),
                ))
                .at(row.cells.get(6).and_then(|c| c.span).or(row.label_span))
                .on(CellRef::new(TableId::Requests, "other_other", 6)),
        );
    }
}
