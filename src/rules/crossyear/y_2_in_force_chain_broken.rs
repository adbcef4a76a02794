use super::{chain, num, other_body_note, prev_name, previous_year_before, values_text, Chain};
use crate::diagnostic::{Diagnostic, Msg};
use crate::model::{CellRef, TableId};
use crate::rules::active::{readings, DOCUMENT_ROWS};
use crate::rules::util::{fmt, TermValue};
use crate::rules::RuleCtx;
use crate::template::Format;

crate::declare_rule! {
    pub struct InForceChainBroken;
    code: "Y-2", name: "in-force-chain-broken", family: CrossYear, severity: Notice,
    formats: [F2021],
    summary: ("现行有效件数与上年报告衔接不上", "the number of documents in force does not follow from last year's"),
    what: (
        "表二“规章”“行政规范性文件”：本年现行有效件数 = 上年现行有效件数 + 本年制发件数 − 本年废止件数。只有两份报告都是2021年格式、且上年报告为前一年度时比较（2020年度用2019年格式，其“对外公开总数量”与“现行有效件数”含义不同，不能比较）。数字粘连有多种拆分时，只要有一种拆分成立就不提示；每种都不成立时提示并请人工核对。",
        "Table 2, 规章 and 行政规范性文件: in force this year = in force last year + made this year − repealed this year. Compared only when both reports use the 2021 format and the other report is for the year before (2020 reports use the 2019 format, whose “total disclosed” is not “in force”). When glued digits split several ways, one split that satisfies it is enough; if none does, it asks for review."
    ),
    why: (
        "不衔接可能是漏报制发或废止的文件，也可能有正当原因：文件因有效期届满失效而未经废止、集中清理、统计口径变化。所以只作提示。",
        "A gap may mean documents made or repealed were not reported, but there are legitimate causes too: documents lapsing at the end of their validity without being repealed, a general clean-up, a change of scope. Hence only a notice."
    ),
    basis: "SPEC §6.6 Y-2 [I], notice only: fails in 3 of 4 Pingtan transitions for such reasons; held 2021→2022 (665 + 88 − 55 = 698). Y-4: never across the 2020→2021 format change.",
    fails: "2022年 行政规范性文件 现行有效 23；2023年 制发 3 废止 1 现行有效 30（23 + 3 − 1 = 25 ≠ 30）",
    passes: "2022年 行政规范性文件 现行有效 23；2023年 制发 3 废止 1 现行有效 25",
    needs_previous: true,
}

impl InForceChainBroken {
    fn run(&self, ctx: &RuleCtx, out: &mut Vec<Diagnostic>) {
        let Some(prev) = previous_year_before(ctx) else {
            return;
        };
        // Y-4: only within the 2021 format.
        if ctx.report.format != Format::F2021 || prev.report.format != Format::F2021 {
            return;
        }
        let (Some(cur_t), Some(prev_t)) = (&ctx.report.active, &prev.report.active) else {
            return;
        };
        let (pz, pe) = prev_name(ctx, prev);
        for (key, zh, en) in DOCUMENT_ROWS {
            let (Some(cur_row), Some(prev_row)) = (cur_t.row(key), prev_t.row(key)) else {
                continue;
            };
            let cur = readings(cur_row);
            let old = readings(prev_row);
            // in force (Y) = in force (Y−1) + made (Y) − repealed (Y)
            let pick = |c: &[TermValue], p: &[TermValue]| {
                Some((num(c, 2)?, num(p, 2)? + num(c, 0)? - num(c, 1)?))
            };
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
                    format!("表二“{zh}”现行有效件数与{pz}衔接不上：数字粘连，按每一种可能的拆分，上年现行有效 + 本年制发 − 本年废止 都不等于本年现行有效"),
                    format!("table 2, {en}: the number in force does not follow from {pe}: the digits are glued, and under every possible split in force last year + made − repealed differs from in force this year"),
                )
            } else {
                let last = num(&old[0], 2).unwrap_or(0.0);
                let made = num(&cur[0], 0).unwrap_or(0.0);
                let repealed = num(&cur[0], 1).unwrap_or(0.0);
                Msg::new(
                    format!(
                        "表二“{zh}”：{pz}现行有效{}件 + 本年制发{}件 − 本年废止{}件 = {}件，本年报告现行有效为{}件",
                        fmt(last),
                        fmt(made),
                        fmt(repealed),
                        fmt(expected),
                        fmt(now)
                    ),
                    format!(
                        "table 2, {en}: {} in force in {pe} + {} made − {} repealed = {}, but this year's report has {} in force",
                        fmt(last),
                        fmt(made),
                        fmt(repealed),
                        fmt(expected),
                        fmt(now)
                    ),
                )
            };
            let mut d = Self::META
                .diag(msg)
                .at(cur_row
                    .cells
                    .get(2)
                    .and_then(|c| c.span)
                    .or(cur_row.label_span))
                .on(CellRef::new(TableId::Active, key, 2));
            if ambiguous {
                let (a, b, c, e) = (
                    values_text(&old, 2),
                    values_text(&cur, 0),
                    values_text(&cur, 1),
                    values_text(&cur, 2),
                );
                d = d.review().note(Msg::new(
                    format!("数字粘连，各格可能的值：上年现行有效{a}；本年制发{b}；本年废止{c}；本年现行有效{e}。请对照原表核对"),
                    format!("the digits are glued; possible values: in force last year {a}; made {b}; repealed {c}; in force this year {e}. Check against the original table").replace('、', ", "),
                ));
            }
            d = d.note(Msg::new(
                "文件因有效期届满失效而未经废止、集中清理或统计口径变化时，此式可能不成立；如属此类，宜在报告中说明",
                "documents lapsing without being repealed, a general clean-up or a change of scope can explain it; the report should then say so",
            ));
            if let Some(n) = other_body_note(ctx, prev) {
                d = d.note(n);
            }
            out.push(d);
        }
    }
}
