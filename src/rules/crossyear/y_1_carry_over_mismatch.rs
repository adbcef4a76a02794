use super::{chain, num, other_body_note, prev_name, previous_year_before, values_text, Chain};
use crate::diagnostic::{Diagnostic, Msg};
use crate::model::{CellRef, TableId};
use crate::rules::active::readings;
use crate::rules::util::{col_en, col_zh, fmt};
use crate::rules::RuleCtx;

crate::declare_rule! {
    pub struct CarryOverMismatch;
    code: "Y-1", name: "carry-over-mismatch", family: CrossYear, severity: Warning,
    formats: [F2021, F2019],
    summary: ("本年“上年结转”与上年报告的“结转下年度继续办理”不一致", "this year's “carried over from last year” differs from last year's “carried forward”"),
    what: (
        "逐列比较表三“二、上年结转政府信息公开申请数量”与上年报告表三“四、结转下年度继续办理”：上年结转到本年的申请，就是本年从上年接过来的申请。只有在上年报告为前一年度时比较；数字粘连有多种拆分时，只在每种拆分都不一致时提示并请人工核对。",
        "Compares, column by column, table 3 row “二、上年结转” with last year's table 3 row “四、结转下年度继续办理”: the requests carried forward at the end of last year are the ones carried over into this year. Only compared when the other report is for the year before; when glued digits split several ways, it speaks only if every split disagrees, and asks for review."
    ),
    why: (
        "两年衔接不上说明有申请被漏计或重计，或其中一年的表三填错。",
        "When the two years do not chain, requests were lost or counted twice, or one of the two tables is wrong."
    ),
    basis: "SPEC §6.6 Y-1 [I]: implemented by prior art (总计 only); holds in all six Pingtan transitions 2019→2025. Warning, not error: the two reports' scope may differ.",
    fails: "2022年 四、结转下年度继续办理 | 1 | … | 1 |；2023年 二、上年结转 | 2 | … | 2 |",
    passes: "2022年 四、结转下年度继续办理 | 2 | … | 2 |；2023年 二、上年结转 | 2 | … | 2 |",
    needs_previous: true,
}

impl CarryOverMismatch {
    fn run(&self, ctx: &RuleCtx, out: &mut Vec<Diagnostic>) {
        let Some(prev) = previous_year_before(ctx) else {
            return;
        };
        if !prev.report.format.is_modern() {
            return;
        }
        let Some(cur_row) = ctx
            .report
            .requests
            .as_ref()
            .and_then(|t| t.row("carried_over"))
        else {
            return;
        };
        let Some(prev_row) = prev
            .report
            .requests
            .as_ref()
            .and_then(|t| t.row("carried_forward"))
        else {
            return;
        };
        let cur = readings(cur_row);
        let old = readings(prev_row);
        let (pz, pe) = prev_name(ctx, prev);
        let mut found: Vec<(usize, f64, f64, bool)> = Vec::new();
        for c in 0..7 {
            if let Chain::Fails {
                first: (l, r),
                combos,
            } = chain(&cur, &old, |a, b| Some((num(a, c)?, num(b, c)?)))
            {
                found.push((c, l, r, combos > 1 || cur.len() > 1 || old.len() > 1));
            }
        }
        // The 总计 column fails because applicant columns do: told with them, once.
        let parts: Vec<_> = found.iter().filter(|f| f.0 < 6).collect();
        let total = found.iter().find(|f| f.0 == 6).copied();
        let folded = match total {
            Some((_, tl, tr, false)) if !parts.is_empty() && parts.iter().all(|p| !p.3) => {
                let d: f64 = parts.iter().map(|p| p.1 - p.2).sum();
                ((tl - tr) - d).abs() < 1e-6
            }
            _ => false,
        };
        for &(c, l, r, review) in &found {
            if c == 6 && folded {
                continue;
            }
            let msg = if review {
                Msg::new(
                    format!("“{}”列：本年“上年结转”与{pz}“结转下年度继续办理”不一致（数字粘连，每种可能的拆分都不一致）", col_zh(c)),
                    format!(
                        "column “{}”: carried over this year differs from what {pe} carried forward (the digits are glued, and every possible split differs)",
                        col_en(c)
                    ),
                )
            } else {
                Msg::new(
                    format!(
                        "“{}”列：本年“上年结转”为{}件，{pz}“结转下年度继续办理”为{}件",
                        col_zh(c),
                        fmt(l),
                        fmt(r)
                    ),
                    format!(
                        "column “{}”: {} carried over this year, but {pe} carried {} forward",
                        col_en(c),
                        fmt(l),
                        fmt(r)
                    ),
                )
            };
            let mut d = Self::META
                .diag(msg)
                .at(cur_row
                    .cells
                    .get(c)
                    .and_then(|x| x.span)
                    .or(cur_row.label_span))
                .on(CellRef::new(TableId::Requests, "carried_over", c));
            if folded && parts.first().is_some_and(|p| p.0 == c) {
                if let Some((_, tl, tr, _)) = total {
                    d = d.note(Msg::new(
                        format!("“总计”列因此也不一致（{}与{}）", fmt(tl), fmt(tr)),
                        format!(
                            "the total column differs too, for the same reason ({} and {})",
                            fmt(tl),
                            fmt(tr)
                        ),
                    ));
                }
            }
            if review {
                let (a, b) = (values_text(&cur, c), values_text(&old, c));
                d = d.review().note(Msg::new(
                    format!("可能的值：本年上年结转{a}；上年结转下年度{b}。请对照原表核对"),
                    format!("possible values: carried over this year {a}; carried forward last year {b}. Check against the original table")
                        .replace('、', ", "),
                ));
            }
            if let Some(n) = other_body_note(ctx, prev) {
                d = d.note(n);
            }
            out.push(d);
        }
    }
}
