use super::{
    bigrams, jaccard, normalise, other_body_note, percent, prev_name, previous_earlier,
    section_body,
};
use crate::diagnostic::{Diagnostic, Msg};
use crate::rules::RuleCtx;

crate::declare_rule! {
    pub struct ProblemsSectionRepeated;
    code: "Y-5", name: "problems-section-repeated", family: CrossYear, severity: Warning,
    formats: [F2021, F2019, Pre2019],
    summary: ("第五部分“存在的主要问题及改进情况”与上年几乎相同（年年雷同）", "section 5 (problems and improvements) is nearly the same as last year's"),
    what: (
        "比较本年与上年报告第五部分的正文（去掉标题、数字、标点和空白后的汉字二元组集合的Jaccard相似度），超过80%时警告。任一年正文少于40字时不比较（过短另由N-2检查）。",
        "Compares the body of section 5 with last year's (Jaccard similarity of the sets of character bigrams, after dropping the heading, digits, punctuation and white space) and warns above 80%. Not compared when either body has fewer than 40 characters (too short a section is N-2's concern)."
    ),
    why: (
        "国办通知要求这一部分“查找问题要有针对性，改进举措要有实效性，不得出现敷衍了事甚至年年雷同现象”。",
        "The State Council notice requires this section to name specific problems and effective measures, and forbids “perfunctory or year-after-year identical” text."
    ),
    basis: "SPEC §6.6 Y-5: basis [C] 国办公开办函〔2021〕30号 and 〔2019〕60号; threshold [H] (char-bigram Jaccard > 0.8). Pingtan's own consecutive years score 0.06–0.27.",
    fails: "2022年与2023年第五部分均为“一是政策解读形式不够丰富……二是基层政务公开标准化规范化水平有待提升……”",
    passes: "2023年第五部分写明本年新发现的问题和对应措施，与2022年不同",
    needs_previous: true,
}

const THRESHOLD: f64 = 0.8;
const MIN_CHARS: usize = 40;

impl ProblemsSectionRepeated {
    fn run(&self, ctx: &RuleCtx, out: &mut Vec<Diagnostic>) {
        let Some(prev) = previous_earlier(ctx) else {
            return;
        };
        let (Some(a), Some(b)) = (section_body(ctx.parsed, 5), section_body(prev, 5)) else {
            return;
        };
        let (na, nb) = (normalise(a), normalise(b));
        if na.len() < MIN_CHARS || nb.len() < MIN_CHARS {
            return;
        }
        let sim = jaccard(&bigrams(&na), &bigrams(&nb));
        if sim <= THRESHOLD {
            return;
        }
        let (pz, pe) = prev_name(ctx, prev);
        let section = ctx.report.sections.iter().find(|s| s.number == 5);
        let (mz, me) = if na == nb {
            (
                format!("第五部分“存在的主要问题及改进情况”除数字外与{pz}完全相同（年年雷同）"),
                format!("apart from its numbers, section 5 (problems and improvements) is the same as in {pe}"),
            )
        } else {
            (
                format!("第五部分“存在的主要问题及改进情况”与{pz}的相似度为{}，疑似年年雷同", percent(sim)),
                format!(
                    "section 5 (problems and improvements) is {} similar to {pe}: it looks copied from year to year",
                    percent(sim)
                ),
            )
        };
        let mut d = Self::META.diag(Msg::new(mz, me)).at(section.map(|s| s.heading_span)).note(Msg::new(
            format!("相似度按去掉数字、标点后的汉字二元组计算（Jaccard），阈值{}", percent(THRESHOLD)),
            format!(
                "similarity of character bigrams without digits and punctuation (Jaccard); threshold {}",
                percent(THRESHOLD)
            ),
        ));
        if let Some(n) = other_body_note(ctx, prev) {
            d = d.note(n);
        }
        out.push(d);
    }
}
