use crate::diagnostic::{Diagnostic, Msg};
use crate::rules::narrative::scan::section_body;
use crate::rules::RuleCtx;
use crate::source::Span;
use crate::template::CN_NUMERALS;

crate::declare_rule! {
    pub struct EnumerationBroken;
    code: "N-3", name: "enumeration-broken", family: Content, severity: Notice,
    formats: [F2021, F2019],
    summary: ("“一是……二是……”列举序号重复或跳号", "an enumeration “一是…二是…” repeats or skips a number"),
    what: (
        "在第一、五、六部分中找“一是、二是、三是……”式列举；从“一是”开始，每一项应比上一项大一。出现重复（“三是……三是”）或跳号（“二是……四是”）时提示。",
        "In sections 1, 5 and 6, follows enumerations “一是, 二是, 三是 …” (firstly, secondly, thirdly): from “一是” each item must be the next number. Notes a repeat (“三是 … 三是”) or a gap (“二是 … 四是”)."
    ),
    why: (
        "序号错乱通常说明段落经过删改拼接而未通读，是报告敷衍的外在表现。",
        "A broken sequence usually means paragraphs were cut and pasted without a final read, an outward sign of a perfunctory report."
    ),
    basis: "SPEC §6.7 N-3 [C-obs]: Pingtan 2023 “一是……三是……三是”.",
    fails: "一是加强培训；二是完善制度；三是强化监督；三是丰富解读形式。",
    passes: "一是加强培训；二是完善制度；三是强化监督。",
}

/// “X是” items at the start of a phrase: (analysis-text span of “X是”, number 1–10).
fn items(text: &str, base: usize) -> Vec<(Span, usize)> {
    let mut out = Vec::new();
    let mut prev: Option<char> = None;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    for (k, &(i, c)) in chars.iter().enumerate() {
        let n = CN_NUMERALS.iter().position(|&x| x == c);
        if let (Some(n), Some(&(j, '是'))) = (n, chars.get(k + 1)) {
            let starts = match prev {
                None => true,
                Some(p) => p.is_whitespace() || "。；;，,：:！!？?)）|、".contains(p),
            };
            // “是否” is a question, not an item.
            let question = chars.get(k + 2).is_some_and(|&(_, x)| x == '否');
            if starts && !question {
                out.push((Span::new(base + i, base + j + '是'.len_utf8()), n + 1));
            }
        }
        prev = Some(c);
    }
    out
}

/// The first break of each run that starts at “一是”: (span, previous number, this number).
fn breaks(items: &[(Span, usize)]) -> Vec<(Span, usize, usize)> {
    let mut out = Vec::new();
    let mut last: Option<usize> = None;
    for &(span, n) in items {
        if n == 1 {
            last = Some(1);
            continue;
        }
        match last {
            Some(p) if n == p + 1 => last = Some(n),
            Some(p) => {
                out.push((span, p, n));
                last = None;
            }
            None => {}
        }
    }
    out
}

impl EnumerationBroken {
    fn run(&self, ctx: &RuleCtx, out: &mut Vec<Diagnostic>) {
        for number in [1u8, 5, 6] {
            let Some(body) = section_body(ctx, number) else {
                continue;
            };
            let text = &ctx.text[body.start..body.end];
            for (span, p, n) in breaks(&items(text, body.start)) {
                let (pz, nz) = (CN_NUMERALS[p - 1], CN_NUMERALS[n - 1]);
                let (zh, en) = if n == p {
                    (
                        format!("列举序号重复：“{pz}是”之后又出现“{nz}是”"),
                        format!("the enumeration repeats “{nz}是” (item {n}) right after item {p}"),
                    )
                } else if n > p {
                    (
                        format!("列举序号跳号：“{pz}是”之后出现“{nz}是”"),
                        format!(
                            "the enumeration jumps from item {p} (“{pz}是”) to item {n} (“{nz}是”)"
                        ),
                    )
                } else {
                    (format!("列举序号倒退：“{pz}是”之后出现“{nz}是”"), format!("the enumeration goes back from item {p} (“{pz}是”) to item {n} (“{nz}是”)"))
                };
                out.push(
                    Self::META
                        .diag(Msg::new(zh, en))
                        .at(Some(ctx.source_span(span))),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn nums(t: &str) -> Vec<usize> {
        items(t, 0).iter().map(|x| x.1).collect()
    }

    #[test]
    fn items_only_at_phrase_starts() {
        assert_eq!(
            nums("坚持统一是关键。一是加强；二是完善。三是否可行"),
            vec![1, 2]
        );
    }

    #[test]
    fn repeats_and_gaps_break_runs_but_restarts_do_not() {
        let b = breaks(&items(
            "一是甲；二是乙；三是丙；三是丁。（二）一是戊；二是己；四是庚",
            0,
        ));
        let v: Vec<(usize, usize)> = b.iter().map(|x| (x.1, x.2)).collect();
        assert_eq!(v, vec![(3, 3), (2, 4)]);
    }
}
