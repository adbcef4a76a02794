use super::{counts, known, reading_text, readings};
use crate::diagnostic::{Diagnostic, Msg, Related};
use crate::model::{CellRef, TableId};
use crate::rules::util::fmt;
use crate::rules::RuleCtx;

crate::declare_rule! {
    pub struct NewDocumentsExceedTotal;
    code: "T2-5", name: "new-documents-exceed-total", family: Active, severity: Notice,
    formats: [F2019],
    summary: ("本年新公开或新制作的文件数大于对外公开总数量", "more documents newly disclosed or made this year than disclosed in total"),
    what: (
        "2019年格式表二第二十条第（一）项：“本年新公开数量”和“本年新制作数量”都不应大于“对外公开总数量”。数字粘连有多种拆分时，只在每种拆分都不成立时提示。",
        "2019-format table 2, Art. 20(1): neither “newly disclosed this year” nor “newly made this year” should exceed “total disclosed”. When glued digits split several ways, it speaks only if every split fails."
    ),
    why: (
        "对外公开总数量包含本年新公开的文件，比它还小说明总数只填了某一部分，或列填错了位置。",
        "The total disclosed includes this year's new documents; a smaller total means it counts only part of them, or the columns were swapped."
    ),
    basis: "SPEC §6.2 T2-5 [H]; columns 国办公开办函〔2019〕60号 table 二 [C].",
    fails: "规范性文件 | 12 | 12 | 5 |",
    passes: "规范性文件 | 60 | 60 | 368 |",
}

const ROWS: [(&str, &str, &str); 2] = [
    ("regulations", "规章", "regulations (规章)"),
    ("normative_documents", "规范性文件", "normative documents"),
];

impl NewDocumentsExceedTotal {
    fn run(&self, ctx: &RuleCtx, out: &mut Vec<Diagnostic>) {
        let Some(t) = &ctx.report.active else { return };
        for (key, zh, en) in ROWS {
            let Some(row) = t.row(key) else { continue };
            let all = readings(row);
            // Which of the two comparisons fail under every reading.
            let mut made_fails = true;
            let mut new_fails = true;
            let mut any = false;
            for r in &all {
                match known(r, &[0, 1, 2]) {
                    Some(v) if counts(&v) => {
                        any = true;
                        made_fails &= v[0] > v[2];
                        new_fails &= v[1] > v[2];
                    }
                    _ => {
                        made_fails = false;
                        new_fails = false;
                    }
                }
            }
            if !any || !(made_fails || new_fails) {
                continue;
            }
            let ambiguous = all.len() > 1;
            // Both parts above the total: the total is the common cause.
            let col = match (made_fails, new_fails) {
                (true, true) => 2,
                (true, false) => 0,
                _ => 1,
            };
            let msg = if ambiguous {
                Msg::new(
                    format!(
                        "表二“{zh}”一行数字粘连，按每一种可能的拆分，{}都大于对外公开总数量",
                        which_zh(made_fails, new_fails)
                    ),
                    format!(
                        "table 2, {en}: the digits are glued together, and under every possible split {} exceeds the total disclosed",
                        which_en(made_fails, new_fails)
                    ),
                )
            } else {
                let v = known(&all[0], &[0, 1, 2]).unwrap_or_default();
                Msg::new(
                    format!(
                        "表二“{zh}”：本年新制作{}件、本年新公开{}件，对外公开总数量却只有{}件",
                        fmt(v[0]),
                        fmt(v[1]),
                        fmt(v[2])
                    ),
                    format!(
                        "table 2, {en}: {} made and {} newly disclosed this year, but only {} disclosed in total",
                        fmt(v[0]),
                        fmt(v[1]),
                        fmt(v[2])
                    ),
                )
            };
            let mut d = Self::META
                .diag(msg)
                .at(row.cells.get(col).and_then(|c| c.span).or(row.label_span))
                .on(CellRef::new(TableId::Active, key, col));
            if col != 2 {
                d.related.push(Related {
                    span: row.cells.get(2).and_then(|c| c.span),
                    cell: Some(CellRef::new(TableId::Active, key, 2)),
                    message: Msg::new("对外公开总数量", "total disclosed"),
                });
            }
            if ambiguous {
                let shown: Vec<String> = all
                    .iter()
                    .filter_map(|r| known(r, &[0, 1, 2]))
                    .take(4)
                    .map(|v| reading_text(&v))
                    .collect();
                d = d.review().note(Msg::new(
                    format!(
                        "可能的拆分（新制作 | 新公开 | 总数量）：{}{}",
                        shown.join("；"),
                        if all.len() > 4 { "……" } else { "" }
                    ),
                    format!(
                        "possible splits (made | newly disclosed | total): {}{}",
                        shown.join("; "),
                        if all.len() > 4 { "…" } else { "" }
                    ),
                ));
            }
            out.push(d);
        }
    }
}

fn which_zh(made: bool, new: bool) -> &'static str {
    match (made, new) {
        (true, true) => "本年新制作数量和本年新公开数量",
        (true, false) => "本年新制作数量",
        _ => "本年新公开数量",
    }
}

fn which_en(made: bool, new: bool) -> &'static str {
    match (made, new) {
        (true, true) => "both the number made and the number newly disclosed",
        (true, false) => "the number made this year",
        _ => "the number newly disclosed this year",
    }
}
