//! Title, year, agency, publication date, format and the six sections.

use super::document::{fold_str, is_han, Compact, Document};
use crate::model::{FormatEvidence, Section, YearEvidence};

use crate::source::Span;
use crate::template::{self, Format, SECTIONS};

/// Find the six section headings, in order. `compact` is the folded view of `text`.
pub fn sections(compact: &Compact, text: &str) -> Vec<Section> {
    let c = compact.text.as_str();
    let mut found: Vec<(u8, &'static str, usize, usize)> = Vec::new(); // number, key, compact start, compact end
    let mut from = 0usize;
    for spec in SECTIONS.iter() {
        let numeral = template::CN_NUMERALS[(spec.number - 1) as usize];
        let marker = format!("{numeral}、");
        let mut best: Option<(usize, usize)> = None;
        let mut search = from;
        while let Some(i) = c
            .get(search..)
            .and_then(|s| s.find(&marker))
            .map(|i| i + search)
        {
            let after = i + marker.len();
            let window: String = c[after..].chars().take(20).collect();
            // The heading's keyword must come soon after the numbering, in the same phrase.
            let hit = spec
                .keywords
                .iter()
                .filter_map(|k| window.find(&fold_str(k)).map(|p| (p, k.len())))
                .min();
            if let Some((p, klen)) = hit {
                let gap = &window[..p];
                if !gap.contains(['。', '；', ';']) && !gap.chars().any(|ch| ch.is_ascii_digit())
                {
                    let mut end = after + p + klen;
                    // Extend over the rest of the heading (…情况 / …事项), on the same line.
                    let rest: String = c[end..].chars().take(12).collect();
                    for tail in ["情况", "事项"] {
                        if let Some(t) = rest.find(tail) {
                            let same_line = !text[compact.orig_end(end)
                                ..compact.orig(end + t).max(compact.orig_end(end))]
                                .contains('\n');
                            if !rest[..t].contains(['。', '，', ',', '；']) && same_line {
                                end += t + tail.len();
                                break;
                            }
                        }
                    }
                    best = Some((i, end));
                    break;
                }
            }
            search = after;
        }
        if let Some((s, e)) = best {
            found.push((spec.number, spec.key, s, e));
            from = e;
        }
    }
    let mut out = Vec::new();
    for (k, &(number, key, s, e)) in found.iter().enumerate() {
        let hs = compact.orig(s);
        let he = compact.orig_end(e);
        let next = found
            .get(k + 1)
            .map(|f| compact.orig(f.2))
            .unwrap_or(text.len());
        out.push(Section {
            number,
            key,
            heading: text[hs..he].trim().to_string(),
            heading_span: Span::new(hs, he),
            text_span: Span::new(hs, next.max(he)),
        });
    }
    out
}

/// Years (1990–2100) written in a string as four digits of their own, in order.
pub fn years_in(s: &str) -> Vec<(usize, i32)> {
    let b = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i + 4 <= b.len() {
        if b[i..i + 4].iter().all(u8::is_ascii_digit)
            && (i == 0 || !b[i - 1].is_ascii_digit())
            && (i + 4 == b.len() || !b[i + 4].is_ascii_digit())
        {
            let y: i32 = s[i..i + 4].parse().unwrap_or(0);
            if (1990..=2100).contains(&y) {
                out.push((i, y));
            }
            i += 4;
        } else {
            i += 1;
        }
    }
    out
}

pub struct Meta {
    pub title: Option<String>,
    pub title_span: Option<Span>,
    pub year: Option<i32>,
    pub year_evidence: YearEvidence,
    pub agency: Option<String>,
    pub published: Option<String>,
}

const REPORT_WORDS: [&str; 6] = [
    "政府信息公开工作年度报告",
    "信息公开工作年度报告",
    "信息公开年度报告",
    "政府信息公开工作年报",
    "信息公开年度工作报告",
    "信息公开工作年报",
];

pub fn meta(doc: &Document, sections: &[Section]) -> Meta {
    let text = doc.text.as_str();
    let head_end = sections
        .first()
        .map(|s| s.heading_span.start)
        .unwrap_or(text.len())
        .min(6000)
        .max(text.len().min(1500));
    let head = &text[..crate::source::LineIndex::clamp(text, head_end)];
    // Title: crawler header, then the HTML <title>, then the first short line naming the
    // report (one with a year preferred; breadcrumbs skipped).
    let mut title: Option<(String, Option<Span>)> = None;
    for (off, line) in line_offsets(head) {
        let t = line.trim();
        if let Some(rest) = t.strip_prefix("标题:").or_else(|| t.strip_prefix("标题：")) {
            let r = rest.trim();
            if !r.is_empty() {
                let start = off + line.find(r).unwrap_or(0);
                title = Some((r.to_string(), Some(Span::new(start, start + r.len()))));
                break;
            }
        }
    }
    if title.is_none() {
        if let Some(t) = doc
            .html_title
            .as_deref()
            .filter(|t| names_report(t) && !years_in(t).is_empty())
        {
            title = Some((t.to_string(), None));
        }
    }
    if title.is_none() {
        let lines: Vec<(usize, &str)> = line_offsets(head).take(80).collect();
        let candidates: Vec<usize> = (0..lines.len())
            .filter(|&i| {
                let t = lines[i].1.trim();
                names_report(t)
                    && t.chars().count() <= 80
                    && !t.starts_with("根据")
                    && !t.contains(['。', '>', '》'])
                    && !t.contains("位置")
            })
            .collect();
        let pick = candidates
            .iter()
            .copied()
            .find(|&i| !years_in(&squeeze(lines[i].1)).is_empty())
            .or(candidates.first().copied());
        if let Some(i) = pick {
            let (off, line) = lines[i];
            let t = line.trim();
            let mut start = off + line.find(t).unwrap_or(0);
            let mut text = t.to_string();
            // "淮安市人民政府" on the line above "2024 年政府信息公开工作年度报告".
            if squeeze(t).starts_with(|c: char| c.is_ascii_digit()) {
                if let Some(&(poff, pline)) = (0..i)
                    .rev()
                    .map(|j| &lines[j])
                    .find(|(_, l)| !l.trim().is_empty())
                {
                    let p = pline.trim();
                    if p.chars().count() <= 30
                        && p.chars().all(|c| is_han(c) || "()（）".contains(c))
                    {
                        start = poff + pline.find(p).unwrap_or(0);
                        text = format!("{p}{t}");
                    }
                }
            }
            title = Some((
                text,
                Some(Span::new(start, off + line.find(t).unwrap_or(0) + t.len())),
            ));
        }
    }
    let (title, title_span) = match title {
        Some((t, s)) => (Some(clean_title(&t)), s),
        None => (None, None),
    };
    // Year and agency from the title.
    let (title_year, title_agency) = title
        .as_deref()
        .map(|t| year_and_agency(&squeeze(t)))
        .unwrap_or((None, None));
    // Year from the statistics-period sentence.
    let period_year = [
        "统计期限",
        "统计时限",
        "统计时间",
        "统计期间",
        "数据统计",
        "统计区间",
    ]
    .iter()
    .find_map(|k| {
        let i = text.find(k)?;
        let window = &text[i..crate::source::LineIndex::clamp(text, i + 90)];
        years_in(window).first().map(|&(_, y)| y)
    });
    // Publication date from a crawler header or a page line.
    let published = find_date(head);
    let published_year = published
        .as_deref()
        .and_then(|d| d[..4].parse::<i32>().ok());
    // A phrase naming the report anywhere near the top (e.g. in the preamble).
    let phrase = report_phrase(head);
    // Last resort: the work year named at the start of section 一 ("2019年，我乡…").
    let opening_year = text_after_first_heading(text, sections).and_then(|t| {
        let t = squeeze(t);
        years_in(&t)
            .first()
            .filter(|&&(i, _)| i == 0 && t[4..].starts_with('年'))
            .map(|&(_, y)| y)
    });
    let year = title_year
        .or(period_year)
        .or(phrase.as_ref().map(|p| p.1))
        .or(published_year.map(|y| y - 1))
        .or(opening_year);
    let agency = title_agency
        .or_else(|| {
            phrase
                .as_ref()
                .map(|p| p.0.clone())
                .filter(|a| !a.is_empty())
        })
        .or_else(|| meta_field(head, &["发布机构", "来源"]))
        .filter(|a| a.chars().count() >= 2);
    Meta {
        title,
        title_span,
        year,
        year_evidence: YearEvidence {
            title: title_year,
            period: period_year,
            published: published_year,
        },
        agency,
        published,
    }
}

/// Does a line name the report? Simplified and traditional wording.
pub(crate) fn names_report(t: &str) -> bool {
    let t = squeeze(t);
    (t.contains("信息公开") || t.contains("信息公開") || t.contains("关务公开"))
        && [
            "年度报告",
            "年报",
            "年度報告",
            "年報",
            "年度工作报告",
            "工作报告",
        ]
        .iter()
        .any(|w| t.contains(w))
}

/// Remove white space ("2024 年" → "2024年").
fn squeeze(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{3000}' && *c != '\u{a0}')
        .collect()
}

/// Where the report's own wording starts in a title ("政府信息公开…", "信息公開…").
const TITLE_KEYWORDS: [&str; 6] = [
    "政府信息公开",
    "政府信息公開",
    "信息公开",
    "信息公開",
    "海关信息公开",
    "关务公开",
];

/// Year and agency from a (squeezed) title: "平潭综合实验区2021年度政府信息公开工作年度报告",
/// "2022年度螅镇政府信息公开工作年度报告", "天津海关2017年海关政府信息公开年度工作报告".
fn year_and_agency(t: &str) -> (Option<i32>, Option<String>) {
    let kw = TITLE_KEYWORDS
        .iter()
        .filter_map(|k| t.find(k))
        .min()
        .unwrap_or(t.len());
    let years = years_in(&t[..kw]);
    let Some(&(yi, y)) = years.last() else {
        return (None, None);
    };
    let after = t[yi + 4..kw].trim_start_matches(['年', '度']);
    let agency = if yi == 0 {
        // Year first: the agency sits between the year and the keyword.
        (!after.is_empty()).then(|| after.to_string())
    } else {
        agency_before_year(t, kw)
    };
    (Some(y), agency)
}

/// A crawler or page metadata field: "发布机构 | 镇安县政府 |", "发布机构: …".
fn meta_field(head: &str, keys: &[&str]) -> Option<String> {
    for key in keys {
        let mut from = 0;
        while let Some(i) = head[from..].find(key).map(|i| i + from) {
            let rest = head[i + key.len()..].trim_start_matches([' ', ':', '：', '|', '\t']);
            let v: String = rest
                .chars()
                .take_while(|c| is_han(*c) || "()（）".contains(*c))
                .collect();
            if v.chars().count() >= 2 && !v.starts_with("本网") && !v.starts_with("原创") {
                return Some(v);
            }
            from = i + key.len();
        }
    }
    None
}

/// The text right after the first section heading.
fn text_after_first_heading<'t>(text: &'t str, sections: &[Section]) -> Option<&'t str> {
    let h = sections.first()?;
    let end = crate::source::LineIndex::clamp(text, h.heading_span.end + 200);
    Some(&text[h.heading_span.end..end])
}

fn line_offsets(s: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut off = 0;
    s.split('\n').map(move |l| {
        let o = off;
        off += l.len() + 1;
        (o, l)
    })
}

/// Cut a title after the words that name the report (site names follow on many pages).
fn clean_title(t: &str) -> String {
    let mut t = t.trim();
    for w in REPORT_WORDS
        .iter()
        .chain(["年度工作报告", "年度报告", "年度報告", "年报", "年報"].iter())
    {
        if let Some(i) = t.find(w) {
            t = &t[..i + w.len()];
            break;
        }
    }
    t.trim_matches(|c: char| c.is_whitespace() || c == '-' || c == '_' || c == '|')
        .to_string()
}

/// The agency named before the year in "XX2021年度政府信息公开工作年度报告", where `keyword`
/// is the byte offset of the report's own wording ("政府信息公开…").
fn agency_before_year(s: &str, keyword: usize) -> Option<String> {
    let pos = keyword.min(s.len());
    let (yi, _) = *years_in(&s[..pos]).last()?;
    let before = &s[..yi];
    // Take the run of name characters right before the year.
    let mut start = before.len();
    for (i, c) in before.char_indices().rev() {
        if is_han(c) || matches!(c, '(' | ')' | '（' | '）' | '·') || c.is_ascii_alphanumeric() {
            start = i;
        } else {
            break;
        }
    }
    let mut name = &before[start..];
    for verb in [
        "梳理编制",
        "编制完成",
        "编制",
        "现将",
        "特此",
        "发布",
        "公布",
        "本报告是",
        "梳理",
        "制定",
        "关于",
        "印发",
    ] {
        if let Some(i) = name.rfind(verb) {
            name = &name[i + verb.len()..];
        }
    }
    let name = name.trim_matches(|c: char| c == '(' || c == '（');
    (!name.is_empty()).then(|| name.to_string())
}

/// "XX2023年政府信息公开工作年度报告" anywhere in the text: (agency, year); as a last resort
/// "…我镇2023年政府信息公开工作…" for the year alone.
fn report_phrase(s: &str) -> Option<(String, i32)> {
    for w in REPORT_WORDS.iter().chain(["政府信息公开工作"].iter()) {
        let mut from = 0;
        while let Some(i) = s[from..].find(w).map(|i| i + from) {
            let before = &s[..i];
            // Inside the title of another document (《关于做好2022年度…的通知》): not this report.
            if before
                .rfind('《')
                .is_some_and(|o| before.rfind('》').is_none_or(|c| c < o))
            {
                from = i + w.len();
                continue;
            }
            let trimmed = before.trim_end_matches(['年', '度']);
            if trimmed.len() < before.len() {
                if let Some(&(yi, y)) = years_in(trimmed).last() {
                    if yi + 4 == trimmed.len() {
                        let agency = agency_before_year(s, i).unwrap_or_default();
                        return Some((agency, y));
                    }
                }
            }
            from = i + w.len();
        }
    }
    None
}

/// A publication date near the top: "发布时间: 2022-02-08", "发布日期：2020年1月31日".
fn find_date(head: &str) -> Option<String> {
    // Only keys that name a publication: "数据期限截止时间" is not one.
    for key in ["发布时间", "发布日期", "成文日期", "发文日期", "公开日期"] {
        let Some(i) = head.find(key) else { continue };
        let w = &head[i..crate::source::LineIndex::clamp(head, i + 60)];
        let digits: Vec<(usize, i32)> = years_in(w);
        if let Some(&(yi, y)) = digits.first() {
            let rest = &w[yi + 4..];
            let nums: Vec<u32> = rest
                .split(|c: char| !c.is_ascii_digit())
                .filter(|p| !p.is_empty())
                .take(2)
                .filter_map(|p| p.parse().ok())
                .collect();
            if nums.len() == 2 && (1..=12).contains(&nums[0]) && (1..=31).contains(&nums[1]) {
                return Some(format!("{y:04}-{:02}-{:02}", nums[0], nums[1]));
            }
        }
    }
    None
}

/// Decide the format from the vocabulary, the year and what the tables showed.
/// `tables_found`: whether any standard table (its labels, with or without numbers) was
/// found; vocabulary only counts then, since a narrative may use the same words.
/// The wording of each format found in a text (searched once; [`format`] weighs it).
pub struct Signals {
    s21: Vec<String>,
    s19: Vec<String>,
    pre: Vec<String>,
}

impl Signals {
    pub fn find(compact: &Compact) -> Signals {
        let compact = &compact.text;
        let hits = |list: &[&str]| -> Vec<String> {
            list.iter()
                .filter(|s| compact.contains(&fold_str(s)))
                .map(|s| s.to_string())
                .collect()
        };
        Signals {
            s21: hits(template::SIGNALS_2021),
            s19: hits(template::SIGNALS_2019),
            pre: hits(template::SIGNALS_PRE2019),
        }
    }
}

pub fn format(
    signals: &Signals,
    year: Option<i32>,
    tables_found: bool,
    table_2021_rows: bool,
) -> (Format, FormatEvidence) {
    let mut s21 = signals.s21.clone();
    let s19 = signals.s19.clone();
    let pre = signals.pre.clone();
    if table_2021_rows && !s21.iter().any(|s| s == "逾期不补正") {
        s21.push("表三（六）其他处理分三项".into());
    }
    let (format, reason) = if year.is_some_and(|y| y < 2019) {
        (Format::Pre2019, "报告年度早于2019年（当时没有统一表格） / report year before 2019 (no standard tables then)".to_string())
    } else if tables_found && (!s21.is_empty() || !s19.is_empty()) {
        // The 2019-only signals that are table vocabulary weigh more than a cited notice.
        let w21 = s21.iter().filter(|s| !s.contains("30号")).count() * 2
            + s21.iter().filter(|s| s.contains("30号")).count();
        let w19 = s19.iter().filter(|s| !s.contains("60号")).count() * 2
            + s19.iter().filter(|s| s.contains("60号")).count();
        if w21 > w19 {
            (
                Format::F2021,
                "2021年格式的表格用语多于2019年格式 / more 2021-template wording than 2019"
                    .to_string(),
            )
        } else if w19 > w21 {
            (
                Format::F2019,
                "2019年格式的表格用语多于2021年格式 / more 2019-template wording than 2021"
                    .to_string(),
            )
        } else if year.is_some_and(|y| y >= 2021) {
            (
                Format::F2021,
                "两种格式用语相当，按报告年度 / wording ties; by report year".to_string(),
            )
        } else {
            (
                Format::F2019,
                "两种格式用语相当，按报告年度 / wording ties; by report year".to_string(),
            )
        }
    } else if !pre.is_empty() && year.is_none() && !tables_found {
        (
            Format::Pre2019,
            "只有2019年以前报告的用语 / only pre-2019 vocabulary".to_string(),
        )
    } else {
        (
            Format::Unknown,
            "没有可识别格式的表格或结构 / no table or structure that identifies a format"
                .to_string(),
        )
    };
    (
        format,
        FormatEvidence {
            signals_2021: s21,
            signals_2019: s19,
            signals_pre2019: pre,
            reason,
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_sections_in_one_line_bodies() {
        let t = "根据条例。一、总体情况 本年…… 二、主动公开政府信息情况 第二十条 三、收到和处理政府信息公开申请情况 一、本年新收 四、结转下年度继续办理 0 四、政府信息公开行政法复议、行政诉讼情况 五、存在的主要问题及改进情况 无 六、其他需要报告的事项 无";
        let s = sections(&Compact::new(t, Span::new(0, t.len())), t);
        let nums: Vec<u8> = s.iter().map(|s| s.number).collect();
        assert_eq!(nums, vec![1, 2, 3, 4, 5, 6]);
        assert_eq!(s[3].heading, "四、政府信息公开行政法复议、行政诉讼情况");
    }

    #[test]
    fn agency_and_year_from_phrases() {
        let t = "平潭综合实验区2021年度政府信息公开工作年度报告";
        assert_eq!(
            agency_before_year(t, t.find("政府").unwrap()).as_deref(),
            Some("平潭综合实验区")
        );
        assert_eq!(
            year_and_agency("2022年度螅镇政府信息公开工作年度报告"),
            (Some(2022), Some("螅镇".to_string()))
        );
        assert_eq!(
            year_and_agency("天津海关2017年海关政府信息公开年度工作报告"),
            (Some(2017), Some("天津海关".to_string()))
        );
        let p = report_phrase("《关于做好2022年度政府信息公开年度报告编制公布工作的通知》,现将茅坪回族镇2022年度政府信息公开工作报告如下").unwrap();
        assert_eq!(p, ("茅坪回族镇".to_string(), 2022));
        let p =
            report_phrase("等规定,梳理编制湛江海关关区2023年政府信息公开工作年度报告。").unwrap();
        assert_eq!(p, ("湛江海关关区".to_string(), 2023));
        assert_eq!(
            find_date("发布时间: 2022-02-08 16:34").as_deref(),
            Some("2022-02-08")
        );
    }
}
