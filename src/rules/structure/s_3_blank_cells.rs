use crate::diagnostic::{Diagnostic, Msg};
use crate::model::{CellRef, Row, TableId, Value};
use crate::rules::requests::arith;
use crate::rules::RuleCtx;

crate::declare_rule! {
    pub struct BlankCells;
    code: "S-3", name: "blank-cells", family: Structure, severity: Warning,
    formats: [F2021, F2019],
    summary: ("表格中有空白或“—”“/”单元格", "a table has blank or dash cells"),
    what: (
        "表二、表三、表四的数值单元格都应填写（没有的填0）。每张表报告一次：空白、“—”“/”“无”单元格的个数和位置，以及因此无法核对的勾稽关系。空白不当作0。",
        "Every numeric cell of tables 2, 3 and 4 should be filled (0 when there is none). Reported once per table: how many cells are blank or hold “—”, “/”, “无”, where, and which identities they leave unchecked. Blanks are not taken as 0."
    ),
    why: (
        "空白无法区分“为零”和“漏填”，会使勾稽关系无法核对；上海市政府办公厅2019年报表三19行总计空白即为一例。",
        "A blank cannot be told from a forgotten number and leaves the identities uncheckable; the Shanghai government office's 2019 report leaves 19 totals of table 3 blank."
    ),
    basis: "SPEC §6.1 S-3 [I]; §7.3 (Shanghai 2019); §6 “blank, “/”, “-”, “—”, “无” are all distinct from 0”.",
    fails: "（二）部分公开 | 3 |   |   |   |   |   |   |",
    passes: "（二）部分公开 | 3 | 0 | 0 | 0 | 0 | 0 | 3 |",
}

fn blanks(table: TableId, rows: &[&Row]) -> Vec<(CellRef, Option<crate::source::Span>)> {
    let mut v = Vec::new();
    for r in rows {
        for (c, cell) in r.cells.iter().enumerate() {
            if matches!(cell.value, Value::Blank | Value::Dash { .. }) {
                v.push((CellRef::new(table, &r.key, c), cell.span));
            }
        }
    }
    v
}

impl BlankCells {
    fn run(&self, ctx: &RuleCtx, out: &mut Vec<Diagnostic>) {
        let r = ctx.report;
        let tables: [(TableId, Vec<&Row>); 3] = [
            (
                TableId::Active,
                r.active.iter().flat_map(|t| t.rows.iter()).collect(),
            ),
            (
                TableId::Requests,
                r.requests.iter().flat_map(|t| t.rows.iter()).collect(),
            ),
            (
                TableId::ReviewLitigation,
                r.review.iter().map(|t| &t.row).collect(),
            ),
        ];
        for (table, rows) in tables {
            let b = blanks(table, &rows);
            if b.is_empty() {
                continue;
            }
            let shown: Vec<String> = b
                .iter()
                .take(8)
                .map(|(c, _)| format!("{}[{}]", c.row, c.column + 1))
                .collect();
            let more = if b.len() > 8 {
                format!(" …（另{}格）", b.len() - 8)
            } else {
                String::new()
            };
            let more_en = if b.len() > 8 {
                format!(" … ({} more)", b.len() - 8)
            } else {
                String::new()
            };
            let mut d = Self::META
                .diag(Msg::new(
                    format!("{}有{}个单元格空白或为“—”“/”，应填写数字（没有的填0）", table.zh(), b.len()),
                    format!("{} has {} blank or dash cells; each should hold a number (0 when there is none)", table.en(), b.len()),
                ))
                .at(b[0].1)
                .on(b[0].0.clone())
                .note(Msg::new(format!("位置：{}{more}", shown.join("、")), format!("cells: {}{more_en}", shown.join(", "))));
            for (cell, span) in b.iter().skip(1).take(20) {
                d.related.push(crate::diagnostic::Related {
                    span: *span,
                    cell: Some(cell.clone()),
                    message: Msg::new("空白单元格", "blank cell"),
                });
            }
            if table == TableId::Requests {
                if let Some(a) = ctx.arithmetic() {
                    let unchecked = a
                        .identities
                        .iter()
                        .filter(|i| matches!(i.eval, arith::Eval::Blanks))
                        .count();
                    if unchecked > 0 {
                        d = d.note(Msg::new(
                            format!("因空白单元格，有{unchecked}个勾稽关系无法核对（空白不按0计）"),
                            format!("{unchecked} identities could not be checked because of blank cells (blanks are not taken as 0)"),
                        ));
                    }
                }
            }
            out.push(d);
        }
    }
}
