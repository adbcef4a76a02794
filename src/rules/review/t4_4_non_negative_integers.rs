use crate::diagnostic::{quote, Diagnostic, Msg};
use crate::model::{CellRef, TableId, Value};
use crate::rules::util::fmt;
use crate::rules::RuleCtx;
use crate::template::REVIEW_COLUMNS;

crate::declare_rule! {
    pub struct NonNegativeIntegers;
    code: "T4-4", name: "review-count-not-whole", family: Review, severity: Error,
    formats: [F2021, F2019],
    summary: ("表四的案件数不是非负整数", "a case count in table 4 is not a whole number ≥ 0"),
    what: (
        "表四的15个单元格都是案件数，必须是非负整数；负数、小数或带正负号的数都报告。",
        "The 15 cells of table 4 count cases and must be whole numbers ≥ 0; negative numbers, decimals and signed numbers are reported."
    ),
    why: (
        "案件数不可能为负或为小数，这样的值多为录入错误。",
        "A number of cases cannot be negative or fractional; such a value is almost always a typing error."
    ),
    basis: "SPEC §6.4 T4-4 [I].",
    fails: "行政复议 | 1 | -1 | 0 | 0 | 0 |",
    passes: "行政复议 | 1 | 0 | 0 | 0 | 1 |",
}

impl NonNegativeIntegers {
    fn run(&self, ctx: &RuleCtx, out: &mut Vec<Diagnostic>) {
        let Some(t) = &ctx.report.review else { return };
        for (c, cell) in t.row.cells.iter().enumerate() {
            let Value::Number { value, signed, .. } = &cell.value else {
                continue;
            };
            if *value < 0.0 || value.fract() != 0.0 || *signed {
                let col = REVIEW_COLUMNS.get(c).copied().unwrap_or("?");
                out.push(
                    Self::META
                        .diag(Msg::new(
                            format!("表四“{col}”为{}，案件数应为非负整数", quote(cell.raw.trim()).zh),
                            format!("table 4, column {} ({col}) reads {}; a case count must be a whole number ≥ 0", c + 1, quote(cell.raw.trim()).en),
                        ))
                        .at(cell.span)
                        .on(CellRef::new(TableId::ReviewLitigation, "values", c))
                        .note(Msg::new(format!("读作{}", fmt(*value)), format!("read as {}", fmt(*value)))),
                );
            }
        }
    }
}
