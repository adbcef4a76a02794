use super::{counts, known, reading_text, readings, DOCUMENT_ROWS};
use crate::diagnostic::{Diagnostic, Msg, Related};
use crate::model::{CellRef, TableId};
use crate::rules::util::fmt;
use crate::rules::RuleCtx;

crate::declare_rule! {
    pub struct InForceCountTooLow;
    code: "T2-2", name: "in-force-count-too-low", family: Active, severity: Notice,
    formats: [F2021],
    summary: ("现行有效件数少于本年新制发且未废止的件数", "fewer documents in force than were made this year and not repealed"),
    what: (
        "表二“规章”“行政规范性文件”：本年制发的文件只要没有废止，年末就仍现行有效，因此现行有效件数不应小于“本年制发件数 − 本年废止件数”；现行有效件数为0而本年制发件数大于0时也提示（除非本年制发的文件在同年全部废止）。",
        "Table 2, 规章 and 行政规范性文件: a document made this year is still in force at year end unless repealed, so the number in force should not be below “made this year − repealed this year”; it also notes an in-force count of 0 when documents were made this year (unless all of them were repealed the same year)."
    ),
    why: (
        "现行有效件数偏小通常是把“本年制发”与“现行有效”填反、只填了本机关某一类文件，或漏填。",
        "An in-force count that is too small usually means the columns were swapped, only part of the documents was counted, or the cell was left out."
    ),
    basis: "SPEC §6.2 T2-2 [H] (weak form: 现行有效 = 0 while 本年制发 > 0); the bound 现行有效 ≥ 本年制发 − 本年废止 follows because at most 本年废止 of this year's documents were repealed [I]. Documents whose 有效期 ran out within the year are the exception.",
    fails: "行政规范性文件 | 3 | 0 | 0 |",
    passes: "行政规范性文件 | 3 | 1 | 25 |",
}

impl InForceCountTooLow {
    fn run(&self, ctx: &RuleCtx, out: &mut Vec<Diagnostic>) {
        let Some(t) = &ctx.report.active else { return };
        for (key, zh, en) in DOCUMENT_ROWS {
            let Some(row) = t.row(key) else { continue };
            let all = readings(row);
            let mut failing = Vec::new();
            let mut passes = false;
            for r in &all {
                match known(r, &[0, 1, 2]) {
                    Some(v) if counts(&v) && too_low(v[0], v[1], v[2]) => failing.push(v),
                    _ => passes = true,
                }
            }
            if passes || failing.is_empty() {
                continue;
            }
            let ambiguous = all.len() > 1;
            let v = &failing[0];
            let (made, repealed, in_force) = (v[0], v[1], v[2]);
            let msg = if ambiguous {
                Msg::new(
                    format!("表二“{zh}”一行数字粘连，按每一种可能的拆分，现行有效件数都少于本年制发件数减本年废止件数"),
                    format!("table 2, {en}: the digits are glued together, and under every possible split fewer documents are in force than were made and not repealed this year"),
                )
            } else if made - repealed > in_force {
                Msg::new(
                    format!(
                        "表二“{zh}”：本年制发{}件、废止{}件，现行有效却只有{}件（至少应有{}件）",
                        fmt(made),
                        fmt(repealed),
                        fmt(in_force),
                        fmt(made - repealed)
                    ),
                    format!(
                        "table 2, {en}: {} made and {} repealed this year, but only {} in force (at least {} expected)",
                        fmt(made),
                        fmt(repealed),
                        fmt(in_force),
                        fmt(made - repealed)
                    ),
                )
            } else {
                Msg::new(
                    format!("表二“{zh}”：本年制发{}件，现行有效件数却为0：本年制发的文件须已在同年全部废止，请核对", fmt(made)),
                    format!(
                        "table 2, {en}: {} made this year but 0 in force: every one of them would have had to be repealed the same year; please check",
                        fmt(made)
                    ),
                )
            };
            let mut d = Self::META
                .diag(msg)
                .at(row.cells.get(2).and_then(|c| c.span).or(row.label_span))
                .on(CellRef::new(TableId::Active, key, 2));
            d.related.push(Related {
                span: row.cells.first().and_then(|c| c.span),
                cell: Some(CellRef::new(TableId::Active, key, 0)),
                message: Msg::new("本年制发件数", "documents made this year"),
            });
            if ambiguous {
                let shown: Vec<String> = failing.iter().take(4).map(|v| reading_text(v)).collect();
                d = d.review().note(Msg::new(
                    format!(
                        "可能的拆分（制发 | 废止 | 现行有效）：{}{}",
                        shown.join("；"),
                        if failing.len() > 4 { "……" } else { "" }
                    ),
                    format!(
                        "possible splits (made | repealed | in force): {}{}",
                        shown.join("; "),
                        if failing.len() > 4 { "…" } else { "" }
                    ),
                ));
            }
            d = d.note(Msg::new(
                "文件因有效期届满而失效（未经废止）时，此数可能合理，宜在报告中说明",
                "documents that lapsed when their validity period ended (without being repealed) can explain it; the report should then say so",
            ));
            out.push(d);
        }
    }
}

/// 现行有效 < 本年制发 − 本年废止, or 现行有效 = 0 < 本年制发.
fn too_low(made: f64, repealed: f64, in_force: f64) -> bool {
    (made - repealed > in_force + 1e-9) || (in_force == 0.0 && made > 0.0)
}
