use crate::diagnostic::{quote, Diagnostic, Msg};
use crate::model::{CellRef, TableId};
use crate::rules::RuleCtx;

crate::declare_rule! {
    pub struct ColumnCount;
    code: "S-5", name: "wrong-column-count", family: Structure, severity: Error,
    formats: [F2021, F2019],
    summary: ("表三不是7列数值，或表四不是15个数值", "table 3 does not have 7 value columns, or table 4 not 15 values"),
    what: (
        "表三应恰有7列数值（自然人、五类法人或其他组织、总计），表四应恰有15个数值。行中多出数值（如自行增加的“法人或其他组织小计”列）时报告，并列出多出的数。",
        "Table 3 has exactly 7 value columns (natural persons, five kinds of organisations, total) and table 4 exactly 15 values. Rows with more values (such as an added “organisations subtotal” column) are reported, with the extra numbers."
    ),
    why: (
        "多出的列会使各列错位，读者和汇总系统都会把数填到错误的类别；列数不符也说明没有使用统一格式。",
        "An extra column shifts every column after it, so readers and aggregating systems put numbers in the wrong category; it also means the official format was not used."
    ),
    basis: "SPEC §6.1 S-5 [C]; §8.6 (an optional 法人或其他组织小计 column seen in tooling).",
    fails: "一、本年新收 | 10 | 1 | 0 | 0 | 1 | 0 | 2 | 12 |（8列）",
    passes: "一、本年新收 | 10 | 1 | 0 | 0 | 1 | 0 | 12 |（7列）",
}

impl ColumnCount {
    fn run(&self, ctx: &RuleCtx, out: &mut Vec<Diagnostic>) {
        if let Some(t) = &ctx.report.requests {
            let rows: Vec<_> = t
                .rows
                .iter()
                .filter(|r| !r.extra_values.is_empty())
                .collect();
            // One row with a stray number is P-8's business; a column shows on several rows.
            if rows.len() >= 3 || rows.len() * 2 >= t.rows.len() && !rows.is_empty() {
                let most = rows.iter().map(|r| r.extra_values.len()).max().unwrap_or(0);
                let r = rows[0];
                out.push(
                    Self::META
                        .diag(Msg::new(
                            format!("表三有{}行各多出{most}个数值，共{}列数值（应为7列），各列可能错位", rows.len(), 7 + most),
                            format!("{} rows of table 3 have {most} more value(s): {} value columns instead of 7, so the columns may be shifted", rows.len(), 7 + most),
                        ))
                        .at(r.label_span)
                        .on(CellRef::new(TableId::Requests, &r.key, 6))
                        .note(Msg::new(
                            format!("“{}”多出：{}", r.label, r.extra_values.iter().map(|v| quote(v).zh).collect::<Vec<_>>().join("、")),
                            format!("“{}” has in addition: {}", r.label, r.extra_values.iter().map(|v| quote(v).en).collect::<Vec<_>>().join(", ")),
                        )),
                );
            }
        }
        if let Some(t) = &ctx.report.review {
            if !t.row.extra_values.is_empty() {
                out.push(
                    Self::META
                        .diag(Msg::new(
                            format!(
                                "表四有{}个数值（应为15个），多出：{}",
                                15 + t.row.extra_values.len(),
                                t.row.extra_values.join("、")
                            ),
                            format!(
                                "table 4 has {} values instead of 15; in addition: {}",
                                15 + t.row.extra_values.len(),
                                t.row.extra_values.join(", ")
                            ),
                        ))
                        .at(t.row.label_span.or(t.span))
                        .on(CellRef::new(TableId::ReviewLitigation, "values", 14)),
                );
            }
        }
    }
}
