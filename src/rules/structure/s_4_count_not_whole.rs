use crate::diagnostic::{quote, Diagnostic, Msg};
use crate::model::{CellRef, TableId, Value};
use crate::rules::util::{col_en, col_zh, fmt};
use crate::rules::RuleCtx;

crate::declare_rule! {
    pub struct CountNotWhole;
    code: "S-4", name: "request-count-not-whole", family: Structure, severity: Error,
    formats: [F2021, F2019],
    summary: ("表三的申请数不是非负整数", "a request count in table 3 is not a whole number ≥ 0"),
    what: (
        "表三的175（2019年格式161）个单元格都是申请件数，必须是非负整数，不能带正负号。表四见T4-4，表二见T2-1。",
        "The cells of table 3 count requests and must be whole numbers ≥ 0 without a sign. Table 4 is T4-4's, table 2 is T2-1's."
    ),
    why: ("件数不可能为负或为小数，这样的值多为录入错误。", "A number of requests cannot be negative or fractional; such a value is a typing error."),
    basis: "SPEC §6.1 S-4 [I].",
    fails: "（一）予以公开 | 2.5 | 0 | 0 | 0 | 0 | 0 | 2.5 |",
    passes: "（一）予以公开 | 2 | 0 | 0 | 0 | 0 | 0 | 2 |",
}

impl CountNotWhole {
    fn run(&self, ctx: &RuleCtx, out: &mut Vec<Diagnostic>) {
        let Some(t) = &ctx.report.requests else {
            return;
        };
        for row in t.rows.iter().chain(t.extra_rows.iter().map(|e| &e.row)) {
            for (c, cell) in row.cells.iter().enumerate() {
                let Value::Number { value, signed, .. } = &cell.value else {
                    continue;
                };
                if *value < 0.0 || value.fract() != 0.0 || *signed {
                    // A report's own row (key `extra:N`) is named by its label as printed.
                    let label = crate::template::request_row(&row.key)
                        .map(|r| r.full_label())
                        .unwrap_or_else(|| row.label.clone());
                    out.push(
                        Self::META
                            .diag(Msg::new(
                                format!("表三“{label}”的“{}”为{}，申请件数应为非负整数", col_zh(c), quote(cell.raw.trim()).zh),
                                format!("table 3, row “{label}”, column “{}” reads {}; a count of requests must be a whole number ≥ 0", col_en(c), quote(cell.raw.trim()).en),
                            ))
                            .at(cell.span)
                            .on(CellRef::new(TableId::Requests, &row.key, c))
                            .note(Msg::new(format!("读作{}", fmt(*value)), format!("read as {}", fmt(*value)))),
                    );
                }
            }
        }
    }
}
