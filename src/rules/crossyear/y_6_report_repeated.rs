use super::{
    bigrams, jaccard, normalise, other_body_note, percent, prev_name, previous_earlier,
    TEMPLATE_BIGRAMS,
};
use crate::diagnostic::{Diagnostic, Msg};
use crate::rules::RuleCtx;
use std::collections::HashSet;

crate::declare_rule! {
    pub struct ReportRepeated;
    code: "Y-6", name: "report-repeated", family: CrossYear, severity: Warning,
    formats: [F2021, F2019, Pre2019, Unknown],
    summary: ("全文与上年报告几乎相同（内容雷同）", "the whole report is nearly the same as last year's"),
    what: (
        "比较本年与上年报告全文（去掉数字、标点、空白和官方模板表格的固定用语后，汉字二元组集合的Jaccard相似度），超过90%时警告。只改了数字和年份的报告会被发现。任一份文字过少时不比较。",
        "Compares the whole text with last year's report (Jaccard similarity of the sets of character bigrams, after dropping digits, punctuation, white space and the fixed wording of the official tables) and warns above 90%. A report where only the numbers and years changed is caught. Not compared when either text is too short."
    ),
    why: (
        "“内容雷同”是国办通知点名追责的问题；社科院评估曾发现有的年报与上年重复率达90%。",
        "“Identical content” is one of the failures the State Council notice names for accountability; CASS found reports about 90% identical to the year before."
    ),
    basis: "SPEC §6.6 Y-6: basis [C] 国办公开办函〔2021〕30号 §三(四); threshold [H] (> 0.9). Pingtan's consecutive years score 0.2–0.4; the 平潭县 2013 report rewritten from the 平潭综合实验区 2011 report scores about 0.88.",
    fails: "2023年报告全文照抄2022年报告，只改了年份和数字",
    passes: "2023年报告的总体情况、问题和改进措施均按本年实际重新撰写",
    needs_previous: true,
}

const THRESHOLD: f64 = 0.85;
const MIN_BIGRAMS: usize = 150;

fn own_words(text: &str) -> HashSet<(char, char)> {
    let mut b = bigrams(&normalise(text));
    b.retain(|x| !TEMPLATE_BIGRAMS.contains(x));
    b
}

impl ReportRepeated {
    fn run(&self, ctx: &RuleCtx, out: &mut Vec<Diagnostic>) {
        let Some(prev) = previous_earlier(ctx) else {
            return;
        };
        let (a, b) = (own_words(ctx.text), own_words(&prev.doc.text));
        if a.len() < MIN_BIGRAMS || b.len() < MIN_BIGRAMS {
            return;
        }
        let sim = jaccard(&a, &b);
        if sim <= THRESHOLD {
            return;
        }
        let (pz, pe) = prev_name(ctx, prev);
        let message = if sim >= 1.0 {
            Msg::new(
                format!("全文除数字外与{pz}完全相同，疑似照搬（内容雷同）"),
                format!("apart from its numbers the report is the same as {pe}: it looks copied"),
            )
        } else {
            Msg::new(
                format!("全文与{pz}的相似度为{}，疑似照搬（内容雷同）", percent(sim)),
                format!(
                    "the report is {} similar to {pe} as a whole: it looks copied",
                    percent(sim)
                ),
            )
        };
        let mut d = Self::META
            .diag(message)
            .at(ctx.report.title_span.or_else(|| ctx.report.sections.first().map(|s| s.heading_span)))
            .note(Msg::new(
                format!(
                    "相似度按去掉数字、标点和模板表格用语后的汉字二元组计算（Jaccard），阈值{}",
                    percent(THRESHOLD)
                ),
                format!(
                    "similarity of character bigrams without digits, punctuation and the template's table wording (Jaccard); threshold {}",
                    percent(THRESHOLD)
                ),
            ));
        if let Some(n) = other_body_note(ctx, prev) {
            d = d.note(n);
        }
        out.push(d);
    }
}
