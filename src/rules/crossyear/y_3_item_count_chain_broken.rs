use super::{chain, num, other_body_note, prev_name, previous_year_before, values_text, Chain};
use crate::diagnostic::{Diagnostic, Msg};
use crate::model::{CellRef, TableId};
use crate::rules::active::readings;
use crate::rules::util::{fmt, TermValue};
use crate::rules::RuleCtx;
use crate::template::Format;

crate::declare_rule! {
    pub struct ItemCountChainBroken;
    code: "Y-3", name: "item-count-chain-broken", family: CrossYear, severity: Notice,
    formats: [F2019],
    summary: ("“上一年项目数量”与上年报告衔接不上", "“items last year” does not follow from last year's report"),
    what: (
        "2019年格式表二（行政许可、其他对外管理服务事项、行政处罚、行政强制、行政事业性收费）：本年的“上一年项目数量” = 上年报告的“上一年项目数量” + 上年报告的“本年增/减”。只有两份报告都是2019年格式、且上年报告为前一年度时比较；单元格空白时不判断（增减可正可负）。",
        "2019-format table 2 (licensing, other services, penalties, coercive measures, fees): this year's “items last year” = last year's “items last year” + last year's “change this year”. Compared only when both reports use the 2019 format and the other report is for the year before; blank cells are not judged (the change can be negative)."
    ),
    why: (
        "上年年末的事项数就是本年的起点，不一致说明其中一年的数字有误或口径改变。",
        "The number of items at the end of last year is this year's starting point; a mismatch means one year's figure is wrong or the scope changed."
    ),
    basis: "SPEC §6.6 Y-3 [I]; holds Pingtan 2019→2020 for all rows (e.g. 行政处罚 2648 + 0 = 2648).",
    fails: "2019年 行政处罚 | 2648 | 0 | 430 |；2020年 行政处罚 | 2630 | -18 | 538 |",
    passes: "2019年 行政处罚 | 2648 | 0 | 430 |；2020年 行政处罚 | 2648 | -18 | 538 |",
    needs_previous: true,
}

const ROWS: [(&str, &str, &str); 5] = [
    ("licensing", "行政许可", "licensing"),
    (
        "other_services",
        "其他对外管理服务事项",
        "other administrative services",
    ),
    ("penalty", "行政处罚", "administrative penalties"),
    ("coercion", "行政强制", "coercive measures"),
    ("fees", "行政事业性收费", "administrative fees"),
];

impl ItemCountChainBroken {
    fn run(&self, ctx: &RuleCtx, out: &mut Vec<Diagnostic>) {
        let Some(prev) = previous_year_before(ctx) else {
            return;
        };
        // Y-4: only within the 2019 format.
        if ctx.report.format != Format::F2019 || prev.report.format != Format::F2019 {
            return;
        }
        let (Some(cur_t), Some(prev_t)) = (&ctx.report.active, &prev.report.active) else {
            return;
        };
        let (pz, pe) = prev_name(ctx, prev);
        for (key, zh, en) in ROWS {
            let (Some(cur_row), Some(prev_row)) = (cur_t.row(key), prev_t.row(key)) else {
                continue;
            };
            let cur = readings(cur_row);
            let old = readings(prev_row);
            let pick =
                |c: &[TermValue], p: &[TermValue]| Some((num(c, 0)?, num(p, 0)? + num(p, 1)?));
            let Chain::Fails {
                first: (now, expected),
                ..
            } = chain(&cur, &old, pick)
            else {
                continue;
            };
            let ambiguous = cur.len() > 1 || old.len() > 1;
            let msg = if ambiguous {
                Msg::new(
                    format!("表二“{zh}”的上一年项目数量与{pz}衔接不上：数字粘连，按每一种可能的拆分都不相等"),
                    format!(
                        "table 2, {en}: “items last year” does not follow from {pe}: the digits are glued, and no possible split makes them agree"
                    ),
                )
            } else {
                let base = num(&old[0], 0).unwrap_or(0.0);
                let change = num(&old[0], 1).unwrap_or(0.0);
                let sign = if change < 0.0 { "−" } else { "+" };
                Msg::new(
                    format!(
                        "表二“{zh}”：{pz}上一年项目数量{} {sign} 本年增/减{} = {}，本年报告的上一年项目数量为{}",
                        fmt(base),
                        fmt(change.abs()),
                        fmt(expected),
                        fmt(now)
                    ),
                    format!(
                        "table 2, {en}: {pe} has {} items {sign} {} change = {}, but this year's report starts from {}",
                        fmt(base),
                        fmt(change.abs()),
                        fmt(expected),
                        fmt(now)
                    ),
                )
            };
            let mut d = Self::META
                .diag(msg)
                .at(cur_row
                    .cells
                    .first()
                    .and_then(|c| c.span)
                    .or(cur_row.label_span))
                .on(CellRef::new(TableId::Active, key, 0));
            if ambiguous {
                let (a, b, e) = (
                    values_text(&old, 0),
                    values_text(&old, 1),
                    values_text(&cur, 0),
                );
                d = d.review().note(Msg::new(
                    format!("数字粘连，各格可能的值：上年的上一年项目数量{a}；上年的本年增/减{b}；本年的上一年项目数量{e}。请对照原表核对"),
                    format!("the digits are glued; possible values: last year's items {a}; last year's change {b}; this year's items last year {e}. Check against the original table").replace('、', ", "),
                ));
            }
            if let Some(n) = other_body_note(ctx, prev) {
                d = d.note(n);
            }
            out.push(d);
        }
    }
}
