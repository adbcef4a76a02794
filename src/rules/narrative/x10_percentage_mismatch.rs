use super::scan::{self, Flat, Mention};
use super::table::{req_total, Val};
use super::x5_disclosed_count::disclosed_mentions;
use super::x6_outcome_group_count::group_mentions;
use crate::diagnostic::{Diagnostic, Msg};
use crate::rules::util::fmt;
use crate::rules::RuleCtx;

crate::declare_rule! {
    pub struct PercentageMismatch;
    code: "X-10", name: "percentage-mismatch", family: Narrative, severity: Notice,
    formats: [F2021, F2019],
    summary: ("正文中的百分比与其件数算不出来", "a percentage in the text does not follow from its count"),
    what: (
        "对“予以公开及部分公开N件，占P%”“不予公开N件，占P%”之类的写法，检查P是否等于N除以表三（七）总计（或本年新收、本年新收加上年结转）：按P的小数位四舍五入或截断，允许0.01的误差。",
        "For phrases such as “disclosed in full or in part N, P%” or “not disclosed N, P%”, checks that P equals N divided by table 3's (7) total (or new requests, or new plus carried over), rounded or truncated to P's decimals, within 0.01."
    ),
    why: (
        "百分比与件数对不上，说明件数或比例至少有一个写错了。",
        "When a percentage does not follow from its count, the count or the percentage is wrong."
    ),
    basis: "SPEC §6.5 X-10 [H]; denominator confirmed on real reports (Shanghai 2023 10538/34430 = 30.61%; Pingtan 2023 42/81 = 51.85%).",
    fails: "予以公开及部分公开258件，占33.9%。（表三（七）总计805：258 ÷ 805 = 32.05%）",
    passes: "不予处理158件，占19.6%。（158 ÷ 805 = 19.63%）",
}

/// “,占33.9%” right after a count: (value, decimals, byte range of the number and %).
fn percent_after(flat: &Flat, m: &Mention) -> Option<(f64, usize, usize, usize)> {
    let t = &flat.text;
    let mut i = m.count.end;
    let (_, se) = flat.sentence(i);
    for p in [",", "，"] {
        if t[i..].starts_with(p) {
            i += p.len();
        }
    }
    let mut found = false;
    for w in ["占比为", "占比", "占总数的", "占", "比例为", "比重为", "("] {
        if t[i..].starts_with(w) {
            i += w.len();
            found = true;
            break;
        }
    }
    if !found {
        return None;
    }
    let s = i;
    let b = t.as_bytes();
    while i < se && (b[i].is_ascii_digit() || b[i] == b'.') {
        i += 1;
    }
    if i == s || !t[i..].starts_with('%') {
        return None;
    }
    let num = &t[s..i];
    let v: f64 = num.parse().ok()?;
    let decimals = num.split_once('.').map(|x| x.1.len()).unwrap_or(0);
    Some((v, decimals, s, i + 1))
}

impl PercentageMismatch {
    fn run(&self, ctx: &RuleCtx, out: &mut Vec<Diagnostic>) {
        let report = ctx.report;
        let mut dens: Vec<(f64, &str, &str)> = Vec::new();
        if let Some(Val::Exact(v)) = req_total(report, "total").map(|p| p.val) {
            dens.push((v, "（七）总计", "(7) total"));
        }
        let new = req_total(report, "new").map(|p| p.val);
        if let Some(Val::Exact(v)) = new {
            dens.push((v, "本年新收", "new requests"));
            if let Some(Val::Exact(c)) = req_total(report, "carried_over").map(|p| p.val) {
                dens.push((v + c, "本年新收加上年结转", "new plus carried over"));
            }
        }
        dens.retain(|d| d.0 > 0.0);
        if dens.is_empty() {
            return;
        }
        let flats = scan::narrative(ctx);
        let mut ms: Vec<(&Flat, Mention)> = disclosed_mentions(ctx, flats)
            .into_iter()
            .map(|x| (x.0, x.1))
            .collect();
        ms.extend(group_mentions(ctx, flats).into_iter().map(|x| (x.0, x.1)));
        for (flat, m) in ms {
            let Some((p, decimals, ps, pe)) = percent_after(flat, &m) else {
                continue;
            };
            let n = m.count.value;
            let tol = 0.5 * 10f64.powi(-(decimals as i32)) + 0.011;
            if dens.iter().any(|d| (100.0 * n / d.0 - p).abs() <= tol) {
                continue;
            }
            let (d0, dz, de) = dens[0];
            let q = 100.0 * n / d0;
            let span = flat.span(m.kw_start.min(m.count.start), pe);
            let phrase: String = ctx.text[span.start..span.end]
                .chars()
                .filter(|c| !c.is_whitespace())
                .collect();
            let pspan = flat.span(ps, pe);
            let ptext: String = ctx.text[pspan.start..pspan.end]
                .chars()
                .filter(|c| !c.is_whitespace())
                .collect();
            let tried_zh = dens
                .iter()
                .map(|d| format!("{} ÷ {}{} = {:.2}%", fmt(n), d.1, fmt(d.0), 100.0 * n / d.0))
                .collect::<Vec<_>>()
                .join("；");
            let tried_en = dens
                .iter()
                .map(|d| {
                    format!(
                        "{} / {} ({}) = {:.2}%",
                        fmt(n),
                        fmt(d.0),
                        d.2,
                        100.0 * n / d.0
                    )
                })
                .collect::<Vec<_>>()
                .join("; ");
            out.push(
                Self::META
                    .diag(Msg::new(
                        format!(
                            "正文“{phrase}”：{} ÷ {dz}{} = {q:.2}%，与{ptext}不符",
                            fmt(n),
                            fmt(d0)
                        ),
                        format!(
                            "the text says “{phrase}”: {} / {} ({de}) = {q:.2}%, not {ptext}",
                            fmt(n),
                            fmt(d0)
                        ),
                    ))
                    .at(Some(ctx.source_span(flat.span(ps, pe))))
                    .note(Msg::new(
                        format!("试过的分母：{tried_zh}"),
                        format!("denominators tried: {tried_en}"),
                    )),
            );
        }
    }
}
