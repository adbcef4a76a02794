use crate::diagnostic::{Diagnostic, Msg};
use crate::parse::document::{fold_str, Compact};
use crate::rules::RuleCtx;
use crate::source::Span;

crate::declare_rule! {
    pub struct StatisticsPeriod;
    code: "M-2", name: "statistics-period-wrong", family: Meta, severity: Notice,
    formats: [F2021, F2019, Pre2019, Unknown],
    summary: ("统计期限未写明、留空或不是报告年度的1月1日至12月31日", "the statistics period is missing, left blank, or not 1 January – 31 December of the report year"),
    what: (
        "读出“本报告中所列数据的统计期限自……起至……止”一句，检查：模板留空未填（“统计期限自至”）；起止日期不是1月1日和12月31日；起止年份不同；年份与标题的报告年度不同；日期缺少“年”“月”字样。2019年及2021年格式的报告没有这一句时也提示（2019年以前的报告不要求）。",
        "Reads the sentence stating the statistics period (“本报告中所列数据的统计期限自…起至…止”) and checks for: a template left blank (“统计期限自至”); a period that does not run from 1 January to 31 December; start and end in different years; dates missing their 年/月 characters. For reports in the 2019 and 2021 formats it also notes when there is no such sentence (not for reports before 2019)."
    ),
    why: (
        "年报统计的是整个上一年度（《条例》第四十九条“上一年度”；表二数据核定时间点为12月31日）。留空的模板或错误的期限说明报告未经认真审核，读者也无法判断数据范围。",
        "A report covers the whole previous calendar year (Regulations Art. 49; table 2 data are as of 31 December). A blank template or a wrong period shows the report was not reviewed, and readers cannot tell what the numbers cover."
    ),
    basis: "SPEC §6.8 M-2 [C-obs]; §2.5 (“各项数据核定时间点为报告年度的12月31日”); the template blank is a real error in 平潭县人民政府2013年报告 (§7.3, corpus manifest).",
    fails: "本报告所列数据的统计期限自至。",
    passes: "本报告中所列数据的统计期限自2023年1月1日起至2023年12月31日止。",
}

/// Words that introduce the period (folded: no whitespace, ASCII punctuation).
const KEYWORDS: [&str; 12] = [
    "统计期限",
    "统计时限",
    "统计期间",
    "统计区间",
    "统计时段",
    "统计周期",
    "统计时间",
    "統計期限",
    "統計時限",
    "統計期間",
    "統計時間",
    "统计起止",
];

/// A date as written: year and day may be left out ("至12月31日").
#[derive(Clone, Copy, Debug, PartialEq)]
struct PDate {
    y: Option<i32>,
    m: u32,
    d: Option<u32>,
    /// Written as bare digits ("200911日"): the 年/月 characters are missing.
    bare: bool,
}

#[derive(Clone, Debug, PartialEq)]
enum Period {
    /// The template with nothing filled in.
    Blank,
    /// Two or more dates: start and end.
    Dates(PDate, PDate),
    /// "2023年度", "2023年全年".
    WholeYear(i32),
    /// Something else (Chinese numerals, one date): not judged.
    Unread,
}

struct Found {
    /// In the analysis text.
    span: Span,
    period: Period,
    /// The sentence as written (compact).
    text: String,
}

impl StatisticsPeriod {
    fn run(&self, ctx: &RuleCtx, out: &mut Vec<Diagnostic>) {
        let r = ctx.report;
        // The period is stated before the tables: in the preamble or section 一.
        let limit = r
            .sections
            .iter()
            .find(|s| s.number >= 2)
            .map(|s| s.text_span.start)
            .unwrap_or(ctx.text.len());
        let found = find_period(ctx.text, crate::source::LineIndex::clamp(ctx.text, limit));
        let Some(f) = found else {
            if r.format.is_modern()
                && find_period(ctx.text, ctx.text.len()).is_none()
                && !mentions_period(ctx.text)
            {
                let at = r
                    .title_span
                    .or_else(|| r.sections.first().map(|s| s.heading_span));
                out.push(
                    Self::META
                        .diag(Msg::new(
                            "报告没有写明数据的统计期限（惯例写法：“本报告中所列数据的统计期限自某年1月1日起至某年12月31日止”）",
                            "the report does not state the period its figures cover (customarily “本报告中所列数据的统计期限自Y年1月1日起至Y年12月31日止”)",
                        ))
                        .at(at)
                        .note(Msg::new(
                            "格式模板没有规定这一句，但表二数据以12月31日为准，绝大多数报告都在开头写明统计期限，便于读者判断数据范围",
                            "the template does not prescribe the sentence, but table 2 is as of 31 December and almost every report states the period at the top, so readers know what the figures cover",
                        )),
                );
            }
            return;
        };
        let at = Some(ctx.source_span(f.span));
        // The period's year against the title's is S-6's (report-year-mismatch) to report.
        match f.period {
            Period::Blank => out.push(
                Self::META
                    .diag(Msg::new(
                        format!("统计期限一句留空未填：“{}”", f.text),
                        format!(
                            "the statistics-period sentence was left blank: “{}”",
                            f.text
                        ),
                    ))
                    .at(at)
                    .note(Msg::new(
                        format!(
                            "应写明“自{y}年1月1日起至{y}年12月31日止”",
                            y = year_text(r.year)
                        ),
                        format!(
                            "it should read “from 1 January to 31 December {}”",
                            year_text(r.year)
                        ),
                    )),
            ),
            Period::WholeYear(_) => {}
            Period::Dates(mut s, mut e) => {
                e.y = e.y.or(s.y);
                s.y = s.y.or(e.y);
                let full = s.m == 1
                    && s.d.is_none_or(|d| d == 1)
                    && e.m == 12
                    && e.d.is_none_or(|d| d == 31);
                let shown = format!("{}至{}", date_zh(s), date_zh(e));
                let shown_en = format!("{} to {}", date_en(s), date_en(e));
                if !full {
                    let y = s.y.or(r.year);
                    out.push(
                        Self::META
                            .diag(Msg::new(
                                format!("统计期限为{shown}，不是完整的自然年度（应为{}年1月1日至12月31日）", year_text(y)),
                                format!(
                                    "the statistics period runs from {shown_en}, not the whole calendar year (1 January to 31 December {})",
                                    year_text(y)
                                ),
                            ))
                            .at(at),
                    );
                } else if let (Some(a), Some(b)) = (s.y, e.y) {
                    if a != b {
                        out.push(
                            Self::META
                                .diag(Msg::new(
                                    format!("统计期限{shown}的起止年份不同（{a}年与{b}年）"),
                                    format!("the statistics period {shown_en} starts and ends in different years ({a} and {b})"),
                                ))
                                .at(at),
                        );
                    } else if s.bare || e.bare {
                        out.push(
                            Self::META
                                .diag(Msg::new(
                                    format!("统计期限的日期缺少“年”“月”字样：“{}”，读作{shown}", f.text),
                                    format!(
                                        "the dates of the statistics period lack their 年/月 characters: “{}”, read as {shown_en}",
                                        f.text
                                    ),
                                ))
                                .at(at)
                                .review()
                                .note(Msg::new(
                                    "也可能是网页转存时丢失了字符，请对照原文",
                                    "the characters may have been lost when the page was copied; compare with the original",
                                )),
                        );
                    }
                }
            }
            Period::Unread => {}
        }
    }
}

fn year_text(y: Option<i32>) -> String {
    y.map(|y| y.to_string())
        .unwrap_or_else(|| "报告年度".into())
}

fn date_zh(d: PDate) -> String {
    let mut s = d.y.map(|y| format!("{y}年")).unwrap_or_default();
    s.push_str(&format!("{}月", d.m));
    if let Some(x) = d.d {
        s.push_str(&format!("{x}日"));
    }
    s
}

fn date_en(d: PDate) -> String {
    let mut s = String::new();
    if let Some(x) = d.d {
        s.push_str(&format!("{x} "));
    }
    s.push_str(
        [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ][(d.m as usize).clamp(1, 12) - 1],
    );
    if let Some(y) = d.y {
        s.push_str(&format!(" {y}"));
    }
    s
}

/// The first sentence stating the period, before `limit` (analysis-text offset).
fn find_period(text: &str, limit: usize) -> Option<Found> {
    let compact = Compact::new(text, Span::new(0, limit));
    let c = compact.text.as_str();
    let mut hits: Vec<(usize, usize)> = KEYWORDS
        .iter()
        .flat_map(|k| {
            let k = fold_str(k);
            c.match_indices(&k)
                .map(move |(i, m)| (i, i + m.len()))
                .collect::<Vec<_>>()
        })
        .collect();
    hits.sort();
    let mut first: Option<Found> = None;
    for (ks, ke) in hits {
        let window = sentence(&c[ke..]);
        let period = read_period(window);
        let found = Found {
            span: Span::new(compact.orig(ks), compact.orig_end(ke + window.len())),
            text: format!("{}{}", &c[ks..ke], window),
            period,
        };
        if found.period != Period::Unread {
            return Some(found);
        }
        first.get_or_insert(found);
    }
    first
}

/// The rest of the sentence: up to 。/;/! or 48 characters.
fn sentence(s: &str) -> &str {
    let mut end = s.len();
    for (n, (i, ch)) in s.char_indices().enumerate() {
        if matches!(ch, '。' | ';' | '!' | '?') || n >= 48 {
            end = i;
            break;
        }
    }
    &s[..end]
}

/// Characters of the template that carry no information ("自  年  月  日起至  年  月  日止").
fn is_template_char(c: char) -> bool {
    "自起至止到为从年月日的是:,()-—~至于为".contains(c) || c == '_' || c == '"'
}

fn read_period(w: &str) -> Period {
    let chars: Vec<char> = w.chars().collect();
    let has_digit = chars.iter().any(|c| c.is_ascii_digit());
    let has_cn_numeral = chars
        .iter()
        .any(|c| "〇零一二三四五六七八九十".contains(*c));
    if !has_digit && !has_cn_numeral {
        // "统计期限自至": nothing but the template's words.
        if chars.len() <= 24
            && chars.iter().all(|&c| is_template_char(c))
            && chars.iter().any(|&c| c == '至' || c == '到' || c == '自')
        {
            return Period::Blank;
        }
        return Period::Unread;
    }
    let dates = dates_in(&chars);
    if dates.len() >= 2 {
        return Period::Dates(dates[0], dates[1]);
    }
    if dates.is_empty() {
        // "2023年度", "2023年全年".
        let s: String = chars.iter().collect();
        for (i, _) in s.match_indices("年度").chain(s.match_indices("年全年")) {
            // The four characters before it, when they are ASCII digits (never a byte slice
            // into a multi-byte character).
            let tail: Vec<char> = s[..i].chars().rev().take(4).collect();
            if tail.len() == 4 && tail.iter().all(|c| c.is_ascii_digit()) {
                let y: i32 = tail.iter().rev().collect::<String>().parse().unwrap_or(0);
                if (1990..=2100).contains(&y) {
                    return Period::WholeYear(y);
                }
            }
        }
    }
    Period::Unread
}

/// Dates written with digits: "2023年1月1日", "12月31日", "2023.1.1", "2023-01-01", and bare
/// runs such as "200911日" / "20091231" (read only when one way of splitting is valid).
fn dates_in(c: &[char]) -> Vec<PDate> {
    let mut out = Vec::new();
    let mut i = 0;
    let digits = |from: usize| -> (String, usize) {
        let mut j = from;
        let mut s = String::new();
        while j < c.len() && c[j].is_ascii_digit() {
            s.push(c[j]);
            j += 1;
        }
        (s, j)
    };
    let valid =
        |m: u32, d: Option<u32>| (1..=12).contains(&m) && d.is_none_or(|d| (1..=31).contains(&d));
    while i < c.len() {
        if !c[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let (run, j) = digits(i);
        let next = c.get(j).copied();
        if run.len() == 4 && matches!(next, Some('年' | '.' | '-' | '/')) {
            let y: i32 = run.parse().unwrap_or(0);
            let (ms, k) = digits(j + 1);
            if (1..=2).contains(&ms.len()) && matches!(c.get(k), Some('月' | '.' | '-' | '/')) {
                let m: u32 = ms.parse().unwrap_or(0);
                let (ds, l) = digits(k + 1);
                let d = (!ds.is_empty() && ds.len() <= 2).then(|| ds.parse().unwrap_or(0));
                if valid(m, d) {
                    out.push(PDate {
                        y: Some(y),
                        m,
                        d,
                        bare: false,
                    });
                }
                i = if d.is_some() { l } else { k + 1 };
                continue;
            }
            if (1..=2).contains(&ms.len()) && !matches!(c.get(k), Some(ch) if ch.is_ascii_digit()) {
                // "2023年1至12月" and the like: month without a 月.
                i = k;
                continue;
            }
            i = j + 1;
            continue;
        }
        if (1..=2).contains(&run.len()) && next == Some('月') {
            let m: u32 = run.parse().unwrap_or(0);
            let (ds, l) = digits(j + 1);
            let d = (!ds.is_empty() && ds.len() <= 2).then(|| ds.parse().unwrap_or(0));
            if valid(m, d) {
                out.push(PDate {
                    y: None,
                    m,
                    d,
                    bare: false,
                });
            }
            i = if d.is_some() { l } else { j + 1 };
            continue;
        }
        if (5..=8).contains(&run.len()) {
            let y: i32 = run[..4].parse().unwrap_or(0);
            let rest = &run[4..];
            let mut ways = Vec::new();
            for split in 1..=rest.len().min(2) {
                let (ms, ds) = rest.split_at(split);
                let m: u32 = ms.parse().unwrap_or(0);
                let d: Option<u32> = if ds.is_empty() {
                    None
                } else if ds.len() <= 2 {
                    ds.parse().ok()
                } else {
                    Some(0)
                };
                if (!ms.starts_with('0') || ms.len() == 2) && valid(m, d) && d.is_some() {
                    ways.push(PDate {
                        y: Some(y),
                        m,
                        d,
                        bare: true,
                    });
                }
            }
            if ways.len() == 1 && (1990..=2100).contains(&y) {
                out.push(ways[0]);
            }
        }
        i = j;
    }
    out
}

/// Does the text state the period some other way ("数据期限截止时间为2023年12月31日")?
fn mentions_period(text: &str) -> bool {
    let head = &text[..crate::source::LineIndex::clamp(text, 12000)];
    let f = fold_str(head);
    f.split(['。', ';']).any(|s| {
        (s.contains("数据") || s.contains("數據"))
            && (s.contains("12月31日") || s.contains("1月1日"))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> Period {
        read_period(&fold_str(s))
    }

    #[test]
    fn reads_periods() {
        let d = |y: Option<i32>, m, d: Option<u32>, bare| PDate { y, m, d, bare };
        assert_eq!(p("自至"), Period::Blank);
        assert_eq!(p("自  年  月  日起至  年  月  日止"), Period::Blank);
        assert_eq!(
            p("自2023年1月1日起至2023年12月31日止"),
            Period::Dates(
                d(Some(2023), 1, Some(1), false),
                d(Some(2023), 12, Some(31), false)
            )
        );
        assert_eq!(
            p("从2019年1月1日到12月31日止"),
            Period::Dates(
                d(Some(2019), 1, Some(1), false),
                d(None, 12, Some(31), false)
            )
        );
        assert_eq!(
            p("自 2024 年 1 月 1 日至 2024 年 12 月 31 日"),
            Period::Dates(
                d(Some(2024), 1, Some(1), false),
                d(Some(2024), 12, Some(31), false)
            )
        );
        assert_eq!(
            p("自200911日起至20091231日止"),
            Period::Dates(
                d(Some(2009), 1, Some(1), true),
                d(Some(2009), 12, Some(31), true)
            )
        );
        assert_eq!(
            p("自201011日起20101231止"),
            Period::Dates(
                d(Some(2010), 1, Some(1), true),
                d(Some(2010), 12, Some(31), true)
            )
        );
        assert_eq!(
            p("为2023.1.1-2023.12.31"),
            Period::Dates(
                d(Some(2023), 1, Some(1), false),
                d(Some(2023), 12, Some(31), false)
            )
        );
        assert_eq!(p("为2023年度"), Period::WholeYear(2023));
        assert_eq!(p("为本年度1月"), Period::Unread);
        assert_eq!(p("为上年度"), Period::Unread);
        assert_eq!(p("为二〇二三年一月一日至十二月三十一日"), Period::Unread);
    }
}
