use super::DOCUMENT_ROWS;
use crate::diagnostic::{quote, Diagnostic, Msg};
use crate::model::{CellRef, TableId, Value};
use crate::rules::util::fmt;
use crate::rules::RuleCtx;
use crate::template::ACTIVE_ROWS_2021;

crate::declare_rule! {
    pub struct DocumentCountNotWhole;
    code: "T2-1", name: "document-count-not-whole", family: Active, severity: Error,
    formats: [F2021],
    summary: ("规章、行政规范性文件的件数不是非负整数", "a count of regulations or normative documents is not a whole number ≥ 0"),
    what: (
        "表二第二十条第（一）项“规章”“行政规范性文件”两行的本年制发件数、本年废止件数、现行有效件数都是件数，必须是非负整数；负数、小数或带正负号的数都报告。",
        "In table 2, block Art. 20(1), the rows 规章 and 行政规范性文件 give documents made this year, repealed this year and in force: counts, which must be whole numbers ≥ 0. Negative numbers, decimals and signed numbers are reported."
    ),
    why: (
        "文件件数不可能为负或为小数，这样的值多为录入错误或把2019年格式的“本年增/减”写法带进了2021年格式。",
        "A number of documents cannot be negative or fractional; such a value is a typing error or a carry-over of the 2019 format's signed “本年增/减” column."
    ),
    basis: "SPEC §6.2 T2-1 [I]; column labels 国办公开办函〔2021〕30号 table 二 [C].",
    fails: "行政规范性文件 | 3 | -1 | 25 |",
    passes: "行政规范性文件 | 3 | 1 | 25 |",
}

impl DocumentCountNotWhole {
    fn run(&self, ctx: &RuleCtx, out: &mut Vec<Diagnostic>) {
        let Some(t) = &ctx.report.active else { return };
        for (key, zh, en) in DOCUMENT_ROWS {
            let Some(row) = t.row(key) else { continue };
            let columns = ACTIVE_ROWS_2021
                .iter()
                .find(|r| r.key == key)
                .map(|r| r.columns)
                .unwrap_or(&[]);
            for (c, cell) in row.cells.iter().enumerate().take(3) {
                let Value::Number { value, signed, .. } = &cell.value else {
                    continue;
                };
                if *value < 0.0 || value.fract() != 0.0 || *signed {
                    let col = columns.get(c).copied().unwrap_or("?");
                    let col_en = ["made this year", "repealed this year", "in force"]
                        .get(c)
                        .copied()
                        .unwrap_or("?");
                    out.push(
                        Self::META
                            .diag(Msg::new(
                                format!("表二“{zh}”的“{col}”为{}，件数应为非负整数", quote(cell.raw.trim()).zh),
                                format!(
                                    "table 2, {en}, “{col_en}” reads {}; a number of documents must be a whole number ≥ 0",
                                    quote(cell.raw.trim()).en
                                ),
                            ))
                            .at(cell.span)
                            .on(CellRef::new(TableId::Active, key, c))
                            .note(Msg::new(format!("读作{}", fmt(*value)), format!("read as {}", fmt(*value)))),
                    );
                }
            }
        }
    }
}
