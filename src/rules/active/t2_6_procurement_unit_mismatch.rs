use super::{header_unit, unit_en, unit_of, unit_zh, Unit};
use crate::diagnostic::{quote, Diagnostic, Msg, Related};
use crate::model::{CellRef, TableId, Value};
use crate::rules::util::fmt;
use crate::rules::RuleCtx;

crate::declare_rule! {
    pub struct ProcurementUnitMismatch;
    code: "T2-6", name: "procurement-unit-mismatch", family: Active, severity: Notice,
    formats: [F2019],
    summary: ("政府集中采购总金额的单位与表头不一致", "the unit of the procurement total differs from the one in the header"),
    what: (
        "2019年格式表二第二十条第（九）项：2019年模板没有规定“采购总金额”的单位，各地写法不一。表头写了单位（如“采购总金额（万元）”）而单元格又写了另一个单位（如“251000元”）时提示。两处都没写单位时不判断。",
        "2019-format table 2, Art. 20(9): the 2019 template gives no unit for “采购总金额” and reports differ. It notes a header that names a unit (e.g. “采购总金额（万元）”) while the cell names another (e.g. “251000元”). When neither names a unit it says nothing."
    ),
    why: (
        "单位不一致时读者无法判断金额，汇总时会相差一万倍。",
        "With two units the reader cannot tell the amount, and aggregates can be off by a factor of ten thousand."
    ),
    basis: "SPEC §6.2 T2-6 and §3.3: 采购总金额 often carries a unit in the cell, and the unit varies [C-obs].",
    fails: "采购项目数量 | 采购总金额（万元） | 政府集中采购 | 6 | 251000元 |",
    passes: "采购项目数量 | 采购总金额 | 政府集中采购 | 6 | 251000元 |",
}

impl ProcurementUnitMismatch {
    fn run(&self, ctx: &RuleCtx, out: &mut Vec<Diagnostic>) {
        let Some(row) = ctx
            .report
            .active
            .as_ref()
            .and_then(|t| t.row("procurement"))
        else {
            return;
        };
        let Some(cell) = row.cells.get(1) else { return };
        let Value::Number {
            value,
            unit: Some(u),
            ..
        } = &cell.value
        else {
            return;
        };
        let Some(cell_unit) = unit_of(u) else { return };
        let Some((header, header_span)) = header_unit(ctx.text, "采购总金额", "政府集中采购")
        else {
            return;
        };
        if header == cell_unit {
            return;
        }
        let other = match cell_unit {
            Unit::Yuan => fmt(value / 10000.0),
            Unit::TenThousand => fmt(value * 10000.0),
        };
        let mut d = Self::META
            .diag(Msg::new(
                format!(
                    "采购总金额写作{}，单位是{}，而表头单位为{}",
                    quote(cell.raw.trim()).zh,
                    unit_zh(cell_unit),
                    unit_zh(header)
                ),
                format!(
                    "the procurement total reads {}, in {}, but the header says {}",
                    quote(cell.raw.trim()).en,
                    unit_en(cell_unit),
                    unit_en(header)
                ),
            ))
            .at(cell.span)
            .on(CellRef::new(TableId::Active, "procurement", 1))
            .note(Msg::new(
                format!("按表头单位应为{other}{}", unit_zh(header)),
                format!("in the header's unit it is {other} {}", unit_en(header)),
            ));
        d.related.push(Related {
            span: Some(ctx.source_span(header_span)),
            cell: None,
            message: Msg::new("表头的单位", "the unit in the header"),
        });
        out.push(d);
    }
}
