use super::{header_unit, Unit};
use crate::diagnostic::{quote, Diagnostic, Msg, Related};
use crate::model::{CellRef, TableId, Value};
use crate::rules::meta::body::{body, Level};
use crate::rules::util::fmt;
use crate::rules::RuleCtx;

crate::declare_rule! {
    pub struct FeeAmountInYuan;
    code: "T2-4", name: "fee-amount-in-yuan", family: Active, severity: Notice,
    formats: [F2021],
    summary: ("行政事业性收费金额疑似按“元”而非“万元”填报", "the fee amount looks like yuan, not 10,000 yuan (万元)"),
    what: (
        "表二第二十条第（八）项的单位是万元。单元格里写着“元”、或表头把单位改成“元”时提示；数值大到按万元不可信时也提示：乡镇（街道）10万万元（10亿元）及以上，县级100万万元（100亿元）及以上，其他或层级不明的机关1000万万元（1000亿元）及以上。",
        "The unit of table 2, Art. 20(8) is 万元 (10,000 yuan). It notes a cell that says 元, a header changed to 元, and amounts too large to be 万元: 100,000 万元 (1 billion yuan) or more for a township, 1,000,000 万元 for a county-level body, 10,000,000 万元 for any other body or one of unknown level."
    ),
    why: (
        "按元填进万元栏会把金额放大一万倍，汇总时严重失真。",
        "An amount in yuan entered in the 万元 column is ten thousand times too large and distorts every aggregate it enters."
    ),
    basis: "SPEC §6.2 T2-4 [H]; header “本年收费金额（单位：万元）” 国办公开办函〔2021〕30号 [C]. Thresholds [H]: the largest provincial totals of 行政事业性收费 are of the order of 10⁶ 万元.",
    fails: "行政事业性收费 | 125000元 |",
    passes: "行政事业性收费 | 12.5 |",
}

impl FeeAmountInYuan {
    fn run(&self, ctx: &RuleCtx, out: &mut Vec<Diagnostic>) {
        let Some(row) = ctx.report.active.as_ref().and_then(|t| t.row("fees")) else {
            return;
        };
        let Some(cell) = row.cells.first() else {
            return;
        };
        let Value::Number { value, unit, .. } = &cell.value else {
            return;
        };
        if *value <= 0.0 {
            return;
        }
        let cell_ref = CellRef::new(TableId::Active, "fees", 0);
        // The report's own header names 元 instead of the template's 万元.
        let header = header_unit(ctx.text, "本年收费金额", "行政事业性收费");
        if let (Some((Unit::Yuan, header_span)), false) =
            (header, unit.as_deref().is_some_and(|u| u.contains("万元")))
        {
            let mut d = Self::META
                .diag(Msg::new(
                    format!(
                        "表头把收费金额的单位改成了元，格式模板规定为万元；本格{}元应填为{}万元",
                        fmt(*value),
                        fmt(*value / 10000.0)
                    ),
                    format!(
                        "the header gives the fee amount in yuan, but the template's unit is 万元; {} yuan should read {} (万元)",
                        fmt(*value),
                        fmt(*value / 10000.0)
                    ),
                ))
                .at(cell.span)
                .on(cell_ref);
            d.related.push(Related {
                span: Some(ctx.source_span(header_span)),
                cell: None,
                message: Msg::new("表头的单位", "the unit in the header"),
            });
            out.push(d);
            return;
        }
        if unit
            .as_deref()
            .is_some_and(|u| u.contains('元') && !u.contains('万'))
        {
            out.push(
                Self::META
                    .diag(Msg::new(
                        format!("行政事业性收费金额写作{}，单位是元，而该栏按格式模板以万元为单位", quote(cell.raw.trim()).zh),
                        format!(
                            "the fee amount reads {}, in yuan, but the column is in 万元 (10,000 yuan)",
                            quote(cell.raw.trim()).en
                        ),
                    ))
                    .at(cell.span)
                    .on(cell_ref)
                    .note(Msg::new(
                        format!("折合{}万元", fmt(*value / 10000.0)),
                        format!("that is {} 万元", fmt(*value / 10000.0)),
                    )),
            );
            return;
        }
        if unit.is_some() {
            return;
        }

        let level = body(ctx.report).map(|b| b.level).unwrap_or(Level::Unknown);
        let limit = match level {
            Level::Township => 1e5,
            Level::County => 1e6,
            Level::Unknown => 1e7,
        };
        if *value >= limit {
            out.push(
                Self::META
                    .diag(Msg::new(
                        format!(
                            "行政事业性收费金额为{}万元（{}亿元），对{}机关而言过大，疑似按元填报",
                            fmt(*value),
                            fmt(*value / 10000.0),
                            level.zh()
                        ),
                        format!(
                            "the fee amount is {} 万元 ({} hundred million yuan), too large for a body {}; it was probably entered in yuan",
                            fmt(*value),
                            fmt(*value / 10000.0),
                            level.en()
                        ),
                    ))
                    .at(cell.span)
                    .on(cell_ref)
                    .review()
                    .note(Msg::new(
                        format!("如按元计，应填{}万元", fmt(*value / 10000.0)),
                        format!("if it is in yuan, the cell should read {} (万元)", fmt(*value / 10000.0)),
                    )),
            );
        }
    }
}
