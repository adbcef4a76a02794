use super::arith::is_subtotal;
use crate::diagnostic::{Diagnostic, Msg};
use crate::model::{CellRef, TableId};
use crate::rules::util::{eval, fmt, sum_text, term, Eval};
use crate::rules::RuleCtx;

crate::declare_rule! {
    pub struct Subtotal;
    code: "T3-4", name: "subtotal-mismatch", family: Requests, severity: Error,
    formats: [F2021, F2019],
    summary: ("表三自行增加的小计行与其分项之和不符", "a subtotal row added to table 3 does not match its items"),
    what: (
        "模板没有小计行；报告自行为（三）（四）（五）（六）增加“小计/合计”行时，逐列检查小计 = 该类各分项之和。",
        "The template has no subtotal rows; when a report adds a 小计/合计 row to groups (3)–(6), checks column by column that it equals the sum of the group's items."
    ),
    why: ("小计与分项不符时，读者无法判断哪一个是对的。", "When a subtotal disagrees with its items a reader cannot tell which is right."),
    basis: "SPEC §6.3 T3-4 [I]; §2.3: optional subtotal rows must be accepted and checked, never demanded.",
    fails: "（三）不予公开 小计 | 2 | … | 2 |，而 1–8 之和为 1",
    passes: "（三）不予公开 小计 | 1 | … | 1 |，1–8 之和为 1",
}

impl Subtotal {
    fn run(&self, ctx: &RuleCtx, out: &mut Vec<Diagnostic>) {
        let Some(t) = &ctx.report.requests else {
            return;
        };
        for sub in t.extra_rows.iter().filter(|e| is_subtotal(&e.label)) {
            let items: Vec<_> = t
                .rows
                .iter()
                .filter(|r| {
                    crate::template::request_row(&r.key).is_some_and(|s| s.group == sub.group)
                })
                .chain(
                    t.extra_rows
                        .iter()
                        .filter(|e| e.group == sub.group && !is_subtotal(&e.label))
                        .map(|e| &e.row),
                )
                .collect();
            if items.is_empty() {
                continue;
            }
            for c in 0..7 {
                let left: Vec<_> = items
                    .iter()
                    .map(|r| term(TableId::Requests, r, c))
                    .collect();
                let mut row = sub.row.clone();
                row.key = "subtotal".into();
                let right = [term(TableId::Requests, &row, c)];
                if let Eval::Fails {
                    left: l, right: r, ..
                } = eval(&left, &right)
                {
                    let a = format!("{} ≠ {}", sum_text(&left), fmt(r));
                    out.push(
                        Self::META
                            .diag(Msg::new(
                                format!("“{}”第{}列为{}，但{}各分项之和为{}", sub.label, c + 1, fmt(r), sub.group.label(), fmt(l)),
                                format!("subtotal row “{}”, column {}: {} but the items of its group add up to {}", sub.label, c + 1, fmt(r), fmt(l)),
                            ))
                            .at(right[0].span.or(sub.row.label_span))
                            .on(CellRef::new(TableId::Requests, "subtotal", c))
                            .note(Msg::new(a.clone(), a)),
                    );
                }
            }
        }
    }
}
