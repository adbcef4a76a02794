//! Title, year, agency, publication date, format and the six sections.

use super::document::{fold_str, is_han, Compact, Document};
use crate::model::{AgencyEvidence, FormatEvidence, Section, YearEvidence};

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
    pub agency_evidence: AgencyEvidence,
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
    let clamp = |i: usize| crate::source::LineIndex::clamp(text, i);
    let head_end = sections
        .first()
        .map(|s| s.heading_span.start)
        .unwrap_or(text.len())
        .min(6000)
        .max(text.len().min(1500));
    let head = &text[..clamp(head_end)];
    // The part of the report that introduces it: the preamble and section 一 (up to 二).
    let intro_end = sections
        .iter()
        .find(|s| s.number >= 2)
        .map(|s| s.heading_span.start)
        .unwrap_or(text.len())
        .max(head.len())
        .min(8000);
    let intro = squeeze(&text[..clamp(intro_end)]);

    let found = find_title(head, doc.html_title.as_deref());
    let (title, title_span) = match &found.title {
        Some((t, s)) => (Some(clean_title(t)), *s),
        None => (None, None),
    };
    let from_page = found.from_page;
    // Year and agency from the title.
    let (title_year, title_agency) = title
        .as_deref()
        .map(|t| year_and_agency(&squeeze(t)))
        .unwrap_or((None, None));
    // The sentences that name the report ("现公布XX镇2023年政府信息公开工作年度报告").
    let phrases = report_phrases(&intro);
    let phrase_year = phrases.iter().find_map(|p| p.year);
    let period_year = period_year(&intro).or_else(|| keyword_period_year(text));
    let work_phrase_year = work_phrase_year(&intro);
    let published = find_date(head);
    let published_year = published
        .as_deref()
        .and_then(|d| d[..4].parse::<i32>().ok());
    let openers = openers(&intro);
    let work_year = openers.iter().map(|o| o.year).find(|&y| y > 0);
    let named_year = title_year.or(phrase_year);
    let year = named_year
        .or(period_year)
        .or(work_phrase_year)
        .or(published_year.map(|y| y - 1))
        .or(work_year);

    // Every place the report names the body, in order of authority.
    let mut cands: Vec<Cand> = Vec::new();
    let title_source = if from_page { "pageTitle" } else { "title" };
    if let (Some(a), Some(t)) = (&title_agency, &title) {
        cands.push(Cand::new(a, title_source, t));
    }
    for l in &found.name_lines {
        cands.push(Cand::new(l, "title", l));
    }
    for p in &phrases {
        if let Some(n) = &p.name {
            cands.push(Cand::new(n, "opening", &p.words));
        }
    }
    if !from_page {
        if let Some(pt) = doc.html_title.as_deref().filter(|t| names_report(t)) {
            let pt = clean_title(pt);
            if let (_, Some(a)) = year_and_agency(&squeeze(&pt)) {
                cands.push(Cand::new(&a, "pageTitle", &pt));
            }
        }
    }
    cands.extend(compilers(&intro));
    cands.extend(signature(text));
    cands.extend(contacts(&intro));
    // No title: a first line that is nothing but a name heads the page ("浑南区国资局").
    if found.title.is_none() {
        if let Some(l) = head
            .lines()
            .filter_map(strip_chrome)
            .map(squeeze)
            .find(|l| !l.is_empty())
        {
            if read_name(&l).is_some_and(|n| n.len() == l.len()) {
                cands.push(Cand::new(&l, "header", &l));
            }
        }
    }
    if let Some(v) = meta_field(head, &["发布机构", "信息来源", "来源"]) {
        cands.push(Cand::new(&v, "metaField", &v));
    }
    for o in &openers {
        if let Some(n) = &o.name {
            cands.push(Cand::new(n, "subject", &o.words));
        }
    }
    cands.extend(accounts(&intro));
    let (agency, agency_evidence) = choose_agency(&cands, &intro);
    Meta {
        title,
        title_span,
        year,
        year_evidence: YearEvidence {
            title: named_year,
            period: period_year,
            published: published_year,
        },
        agency,
        agency_evidence,
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
/// "2022年度螅镇政府信息公开工作年度报告", "天津海关2017年海关政府信息公开年度工作报告",
/// "襄阳市农业农村局政府信息公开工作2022年度报告", "驼峰路街道办事处政府信息公开工作年度报告".
/// The agency is given only when it reads as a name (see [`name_kind`]).
fn year_and_agency(t: &str) -> (Option<i32>, Option<String>) {
    let kw = TITLE_KEYWORDS
        .iter()
        .filter_map(|k| t.find(k))
        .min()
        .unwrap_or(t.len());
    // Not the year of a number or date ("2018-04736", "/2018").
    let years: Vec<(usize, i32)> = years_in(&t[..kw])
        .into_iter()
        .filter(|&(i, _)| {
            !t[i + 4..].starts_with(['-', '/', '.']) && !t[..i].ends_with(['-', '/', '.'])
        })
        .collect();
    let (year, agency) = match years.last() {
        Some(&(yi, y)) => {
            let after = t[yi + 4..kw].trim_start_matches(['年', '度']);
            if yi == 0 || !after.is_empty() && name_before(&t[..yi]).is_none() {
                // Year first: the agency sits between the year and the keyword.
                (Some(y), (!after.is_empty()).then(|| after.to_string()))
            } else {
                (Some(y), name_before(&t[..yi]).map(str::to_string))
            }
        }
        // No year before the wording: it may follow it ("政府信息公开工作2022年度报告").
        None => (
            years_in(&t[kw..]).first().map(|&(_, y)| y),
            name_before(&t[..kw]).map(str::to_string),
        ),
    };
    (year, agency.filter(|a| name_kind(a) == NameKind::Name))
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
    for w in REPORT_WORDS.iter().chain(
        [
            "年度工作报告",
            "年度报告",
            "年度報告",
            "工作报告",
            "年报",
            "年報",
        ]
        .iter(),
    ) {
        if let Some(i) = t.find(w) {
            t = &t[..i + w.len()];
            break;
        }
    }
    t.trim_matches(|c: char| c.is_whitespace() || c == '-' || c == '_' || c == '|')
        .to_string()
}

// ---------------------------------------------------------------------------------------------
// Titles and portal chrome

struct TitleFound {
    /// The title as written (two lines joined when it was broken), and where it is.
    title: Option<(String, Option<Span>)>,
    /// The title is the HTML `<title>`.
    from_page: bool,
    /// Lines beside the title that hold nothing but a name ("桃江县松木塘镇人民政府").
    name_lines: Vec<String>,
}

/// Words that open a breadcrumb line.
const BREADCRUMB: [&str; 7] = [
    "当前位置",
    "您的位置",
    "您现在的位置",
    "你的位置",
    "所在位置",
    "现在位置",
    "首页",
];
/// Separators of a breadcrumb.
const CRUMB_SEPARATORS: [char; 8] = ['>', '＞', '»', '›', '/', '→', '|', '＞'];
/// Portal chrome that follows a title on the same line ("字号：大 中 小", "【打印】").
const CHROME: [&str; 16] = [
    "字号",
    "字体",
    "【字",
    "[字",
    "【 字",
    "打印",
    "关闭",
    "分享",
    "浏览次数",
    "阅读次数",
    "访问量",
    "点击数",
    "发布时间",
    "发布日期",
    "来源:",
    "来源：",
];

/// A line with the portal's chrome taken off: the breadcrumb before a title, the font-size and
/// print links after it. `None` when nothing but chrome is left.
fn strip_chrome(line: &str) -> Option<&str> {
    let mut t = line
        .trim()
        .trim_start_matches(['|', ' ', '-', '·', '\u{3000}'])
        .trim();
    let crumb = BREADCRUMB.iter().any(|w| t.starts_with(w)) || t.starts_with(CRUMB_SEPARATORS);
    if crumb {
        // The title may close the breadcrumb ("首页 > 公开年报 > XX镇2022年度…年报"): keep it
        // only when it carries a year.
        let last = t
            .rfind(CRUMB_SEPARATORS)
            .map(|i| i + t[i..].chars().next().map_or(1, char::len_utf8))?;
        t = t[last..].trim();
        if years_in(&squeeze(t)).is_empty() {
            return None;
        }
    }
    if let Some(i) = CHROME.iter().filter_map(|w| t.find(w)).min() {
        t = t[..i].trim_end_matches(|c: char| c.is_whitespace() || "【[(（|-_".contains(c));
    }
    let t = t.trim();
    (!t.is_empty()).then_some(t)
}

/// Could this line be (part of) a title: short, not a sentence, not the opening of the preamble.
fn title_like(t: &str) -> bool {
    let sq = squeeze(t);
    t.chars().count() <= 80
        && !t.contains(['。', '>', '》', '；'])
        // A metadata row ("索引号 | 014416330/2018-04736 | 分类 | 政府信息公开年报").
        && !["索引号", "分类", "发布机构", "文号", "发文日期", "成文日期"].iter().any(|w| sq.contains(w))
        && !["根据", "按照", "依据", "为", "本报告", "本年度", "现将", "现公布"]
            .iter()
            .any(|w| t.starts_with(w))
}

/// Find the title: the crawler header, the HTML `<title>`, else the best short line naming the
/// report (one with a year and a name preferred; breadcrumbs and chrome skipped; a title broken
/// over two lines, or with the body's name on the line above, joined).
fn find_title(head: &str, html_title: Option<&str>) -> TitleFound {
    let lines: Vec<(usize, &str)> = line_offsets(head).take(80).collect();
    let mut out = TitleFound {
        title: None,
        from_page: false,
        name_lines: Vec::new(),
    };
    let mut at: Option<(usize, usize)> = None; // first and last line of the title
    for (k, &(off, line)) in lines.iter().enumerate() {
        let t = line.trim().trim_start_matches(['|', ' ']).trim();
        if let Some(rest) = t.strip_prefix("标题:").or_else(|| t.strip_prefix("标题：")) {
            let r = rest.trim().trim_end_matches(['|', ' ']).trim();
            if !r.is_empty() {
                let start = off + line.find(r).unwrap_or(0);
                out.title = Some((r.to_string(), Some(Span::new(start, start + r.len()))));
                at = Some((k, k));
                break;
            }
        }
    }
    if out.title.is_none() {
        if let Some(t) = html_title.filter(|t| names_report(t) && !years_in(t).is_empty()) {
            out.title = Some((t.to_string(), None));
            out.from_page = true;
        }
    }
    if out.title.is_none() {
        // (score, first line, last line, text, span)
        let mut best: Option<(u8, usize, usize, String, Span)> = None;
        let mut consider = |score: u8, a: usize, b: usize, text: String, span: Span| {
            if best.as_ref().is_none_or(|x| score > x.0) {
                best = Some((score, a, b, text, span));
            }
        };
        let span_of = |k: usize, piece: &str| {
            let (off, line) = lines[k];
            let s = off + line.find(piece).unwrap_or(0);
            Span::new(s, s + piece.len())
        };
        for k in 0..lines.len() {
            let Some(t) = strip_chrome(lines[k].1) else {
                continue;
            };
            if !title_like(t) {
                continue;
            }
            let score = |s: &str| {
                let (y, a) = year_and_agency(&squeeze(s));
                y.is_some() as u8 * 2 + a.is_some() as u8
            };
            if names_report(t) {
                let mut text = t.to_string();
                let mut span = span_of(k, t);
                let mut first = k;
                // "淮安市人民政府" on the line above "2024 年政府信息公开工作年度报告".
                if squeeze(t).starts_with(|c: char| c.is_ascii_digit()) {
                    if let Some(j) = (0..k).rev().find(|&j| !lines[j].1.trim().is_empty()) {
                        let p = lines[j].1.trim();
                        if p.chars().count() <= 30
                            && p.chars().all(|c| is_han(c) || "()（）".contains(c))
                        {
                            span = Span::new(span_of(j, p).start, span.end);
                            text = format!("{p}{t}");
                            first = j;
                        }
                    }
                }
                consider(score(&text), first, k, text, span);
            } else if t.chars().count() <= 40 {
                // A title broken over short lines: "…2023年政府信息" / "公开工作年度报告", or
                // "广州海关" / "2020年" / "政府信息公开工作" / "年度报告".
                let mut joined = t.to_string();
                let mut j = k;
                for _ in 0..3 {
                    let Some(next) =
                        (j + 1..lines.len().min(j + 4)).find(|&i| !lines[i].1.trim().is_empty())
                    else {
                        break;
                    };
                    let Some(n) = strip_chrome(lines[next].1) else {
                        break;
                    };
                    // A line that is a title of its own is not the rest of this one.
                    if n.chars().count() > 40 || names_report(n) {
                        break;
                    }
                    joined.push_str(n);
                    j = next;
                    if names_report(&joined) {
                        if title_like(&joined) {
                            let span = Span::new(span_of(k, t).start, span_of(j, n).end);
                            consider(score(&joined), k, j, joined.clone(), span);
                        }
                        break;
                    }
                }
            }
        }
        if let Some((_, a, b, text, span)) = best {
            out.title = Some((text, Some(span)));
            at = Some((a, b));
        }
    }
    // Lines right beside the title that are nothing but a name.
    if let Some((a, b)) = at {
        let before = (0..a).rev().find(|&j| !lines[j].1.trim().is_empty());
        let after = (b + 1..lines.len()).find(|&j| !lines[j].1.trim().is_empty());
        let mut next = after;
        let mut near: Vec<usize> = before.into_iter().collect();
        // Past a repeated, generic title line ("2012年政府信息公开工作年度报告").
        for _ in 0..2 {
            let Some(j) = next else { break };
            near.push(j);
            if strip_chrome(lines[j].1).is_some_and(names_report) {
                next = (j + 1..lines.len()).find(|&i| !lines[i].1.trim().is_empty());
            } else {
                break;
            }
        }
        for j in near {
            let l = squeeze(lines[j].1);
            if read_name(&l).is_some_and(|n| n.len() == l.len()) && name_kind(&l) == NameKind::Name
            {
                out.name_lines.push(l);
            }
        }
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Names

/// Characters a body's name is written with.
fn is_name_char(c: char) -> bool {
    is_han(c) || matches!(c, '(' | ')' | '（' | '）' | '·')
}

/// Characters a body's or a region's name ends with (局, 委员会, 人民政府, 镇, 街道, 区…).
const NAME_END: &str = "局厅委会办室署院所站队处部司关府镇乡道街木区县市省旗州盟园心馆校场科股";
/// Characters that end a region's name.
const LEVEL: &str = "省市县区州旗盟";

/// Does `s` end as a name does: "…局", "…委员会(宗教事务局)", "海关总署(本级机关)".
fn ends_as_name(s: &str) -> bool {
    let mut rev = s.chars().rev();
    match rev.next() {
        Some(')' | '）') => {
            let inner_end = rev.next();
            let open = s.rfind(['(', '（']);
            let before = open.and_then(|o| s[..o].chars().next_back());
            inner_end.is_some_and(|c| NAME_END.contains(c))
                || before.is_some_and(|c| NAME_END.contains(c))
        }
        Some(c) => NAME_END.contains(c),
        None => false,
    }
}

/// Words that follow a name in a sentence ("…局坚持", "…镇人民政府认真", "…办公室联系").
const PRED: [&str; 100] = [
    "联系",
    "联络",
    "在",
    "坚持",
    "认真",
    "严格",
    "深入",
    "按照",
    "根据",
    "以",
    "紧紧",
    "紧扣",
    "始终",
    "高度",
    "积极",
    "进一步",
    "不断",
    "全面",
    "围绕",
    "持续",
    "聚焦",
    "切实",
    "主动",
    "扎实",
    "共",
    "先后",
    "通过",
    "对",
    "把",
    "将",
    "结合",
    "贯彻",
    "全力",
    "着力",
    "大力",
    "立足",
    "依托",
    "依据",
    "依照",
    "依法",
    "牢固",
    "秉持",
    "坚决",
    "累计",
    "受理",
    "收到",
    "公开",
    "发布",
    "未",
    "无",
    "的",
    "党组",
    "党委",
    "编制",
    "编写",
    "负责",
    "综合",
    "汇总",
    "牵头",
    "组织",
    "撰写",
    "特此",
    "特",
    "于",
    "政府信息",
    "信息公开",
    "政务",
    "本年",
    "今年",
    "全年",
    "落实",
    "加强",
    "加大",
    "强化",
    "完善",
    "健全",
    "推进",
    "及时",
    "继续",
    "注重",
    "重视",
    "和",
    "与",
    "及",
    "为",
    "是",
    "已",
    "按",
    "向",
    "自",
    "官方",
    "门户",
    "网站",
    "微信",
    "现",
    "等",
    "驻地",
    "大院",
    "大楼",
    "院内",
];
/// Words that may follow a region's name when it is the subject ("临河区坚持…").
const PRED_REGION: [&str; 12] = [
    "坚持",
    "认真",
    "严格",
    "深入",
    "按照",
    "根据",
    "紧紧",
    "始终",
    "高度",
    "积极",
    "政务公开工作",
    "政府信息公开工作",
];
/// Words that come before a name and are not part of it ("现公布", "请与", "由").
const LEAD: [&str; 31] = [
    "特向社会公布",
    "向社会公布",
    "现予公布",
    "现公布",
    "予以公布",
    "公布",
    "现将",
    "现发布",
    "发布",
    "特此",
    "特编制",
    "编制并发布",
    "编制",
    "撰写",
    "请与",
    "可与",
    "请联系",
    "联系",
    "关于",
    "印发",
    "本报告是",
    "梳理",
    "制定",
    "由",
    "根据",
    "按照",
    "结合",
    "通过",
    "对",
    "的",
    "了",
];

/// The name at the start of `s` (white space removed): the shortest run of name characters that
/// ends as a name and is followed by words that are not ("十堰市住房和城乡建设局以…",
/// "官洲街道办事处认真…", "安康市应急管理局政办科联系"). Brackets that hold a name of their own
/// ("…委员会(宗教事务局)") belong to it; others ("(地址:…)") end it.
fn read_name(s: &str) -> Option<&str> {
    // The run of name characters; a closing bracket with none open ends it.
    let mut depth = 0i32;
    let mut run_end = s.len();
    for (i, c) in s.char_indices() {
        match c {
            '(' | '（' => depth += 1,
            ')' | '）' => depth -= 1,
            _ => {}
        }
        if !is_name_char(c) || depth < 0 {
            run_end = i;
            break;
        }
    }
    let run = &s[..run_end];
    let mut depth = 0i32;
    for (n, (i, c)) in run.char_indices().enumerate() {
        match c {
            '(' | '（' => depth += 1,
            ')' | '）' => depth -= 1,
            _ => {}
        }
        if n > 40 {
            break;
        }
        let p = i + c.len_utf8();
        if n == 0 || depth > 0 || !ends_as_name(&run[..p]) {
            continue;
        }
        let rest = &run[p..];
        if run[..p].ends_with("政府") && !run[..p].ends_with("人民政府") && rest.starts_with("信息")
        {
            continue;
        }
        let ok = rest.is_empty()
            || if let Some(inner) = rest.strip_prefix(['(', '（']) {
                // "(宗教事务局)" goes on the name; "(联系地址…" does not.
                let close = inner.find([')', '）']);
                close.is_none_or(|k| !ends_as_name(&inner[..k]))
            } else if LEVEL.contains(c) {
                PRED_REGION.iter().any(|w| rest.starts_with(w))
            } else {
                PRED.iter().any(|w| rest.starts_with(w))
            };
        if ok {
            return Some(&run[..p]);
        }
    }
    None
}

/// The name that ends `s`: the run of name characters before it, without the words that come
/// before a name (现公布, 由) or after one (撰写了, 特此编制).
fn name_before(s: &str) -> Option<&str> {
    let start = s
        .char_indices()
        .rev()
        .take_while(|&(_, c)| is_name_char(c))
        .last()
        .map(|(i, _)| i)
        .unwrap_or(s.len());
    fn trim_end(mut n: &str) -> &str {
        while !n.is_empty() && !ends_as_name(n) {
            let last = n.chars().next_back().map_or(1, char::len_utf8);
            n = &n[..n.len() - last];
        }
        n
    }
    // A self-reference ("现公布我单位"), kept whole as the evidence it is.
    let raw = &s[start..];
    let lead = LEAD
        .iter()
        .filter_map(|w| raw.rfind(w).map(|i| i + w.len()))
        .max()
        .unwrap_or(0);
    if raw[lead..].starts_with(['我', '本']) && name_kind(&raw[lead..]) == NameKind::SelfRef {
        return Some(&raw[lead..]);
    }
    // Words after the name first (撰写了, 编制的), then the words before it (现公布, 由).
    let mut name = trim_end(raw);
    for w in ["年报", "报告", "年報", "報告"] {
        if let Some(i) = name.rfind(w) {
            name = &name[i + w.len()..];
        }
    }
    let mut cuts: Vec<usize> = LEAD
        .iter()
        .flat_map(|w| name.match_indices(w).map(move |(i, _)| i + w.len()))
        .collect();
    cuts.sort_unstable_by(|a, b| b.cmp(a));
    if let Some(c) = cuts.into_iter().find(|&c| name[c..].chars().count() >= 2) {
        name = trim_end(&name[c..]);
    }
    let name = name.trim_start_matches(['(', '（', ')', '）']);
    (name.chars().count() >= 2 && ends_as_name(name)).then_some(name)
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum NameKind {
    /// A name that stands on its own ("商南县过风楼镇人民政府").
    Name,
    /// A name shortened to its level ("县人社局", "市教育局"): the report's own shorthand.
    Short,
    /// A self-reference ("我局", "本机关", "本级") or a word that names no one ("机关").
    SelfRef,
    /// Not a name at all.
    NotName,
}

/// Words that name no body by themselves.
const GENERIC: [&str; 26] = [
    "机关",
    "中心",
    "单位",
    "部门",
    "政府",
    "人民政府",
    "办公室",
    "局",
    "委",
    "镇",
    "乡",
    "街道",
    "街道办",
    "街道办事处",
    "镇政府",
    "乡政府",
    "镇人民政府",
    "乡人民政府",
    "管委会",
    "委员会",
    "党政办",
    "办事处",
    "区政府",
    "县政府",
    "市政府",
    "省政府",
];

fn name_kind(n: &str) -> NameKind {
    let count = n.chars().count();
    if !(1..=40).contains(&count)
        || ["信息公开", "报告", "年报", "条例", "《", "》"]
            .iter()
            .any(|w| n.contains(w))
    {
        return NameKind::NotName;
    }
    let first = n.chars().next().unwrap_or(' ');
    let second = n.chars().nth(1).unwrap_or(' ');
    let self_ref = "我该此".contains(first)
        || first == '本'
            && (NAME_END.contains(second)
                || ["级", "单位", "部门", "机关", "街道", "镇"]
                    .iter()
                    .any(|w| n[3..].starts_with(w)))
        || first == '全' && count == 2 && "省市县区州旗镇乡".contains(second);
    if self_ref || GENERIC.contains(&n) {
        return NameKind::SelfRef;
    }
    // Party committees (县委, 镇党委) are not the bodies that publish these reports.
    if n.ends_with("党委")
        || n.chars().count() <= 4
            && n.ends_with('委')
            && n.chars().rev().nth(1).is_some_and(|c| LEVEL.contains(c))
    {
        return NameKind::NotName;
    }
    if NOT_START.iter().any(|w| n.starts_with(w)) || MANY.iter().any(|w| n.contains(w)) {
        return NameKind::NotName;
    }
    if !ends_as_name(n) || count < 2 || ["网站", "平台", "网"].iter().any(|w| n.ends_with(w)) {
        return NameKind::NotName;
    }
    // "县人社局", "市医保局", "区政府办公室": a level with no place name before it.
    if "市县区省州".contains(first) {
        return NameKind::Short;
    }
    NameKind::Name
}

/// Words a name never starts with: a clause read by mistake ("未收到政府…", "通过市政府…").
const NOT_START: [&str; 46] = [
    // (Not 无, 共, 将, 经 alone: 无锡市, 共和县, 将乐县, 经纬街道.)
    "的",
    "未",
    "无依申请",
    "无政府",
    "共计",
    "共收到",
    "共发布",
    "共公开",
    "通过",
    "经过",
    "在",
    "对",
    "把",
    "按照",
    "根据",
    "围绕",
    "持续",
    "进一步",
    "不断",
    "认真",
    "严格",
    "坚持",
    "发布",
    "先后",
    "已",
    "累计",
    "加强",
    "加大",
    "全年",
    "全面",
    "强化",
    "完善",
    "健全",
    "推进",
    "落实",
    "做好",
    "开展",
    "及时",
    "主动",
    "积极",
    "深入",
    "扎实",
    "切实",
    "其中",
    "利用",
    "依托",
];

/// A self-reference at the start of `s`: "我局…", "我街办…", "我单位…", "本机关…".
fn self_reference_at(s: &str) -> Option<&str> {
    if !s.starts_with(['我', '本']) {
        return None;
    }
    let first = '我'.len_utf8();
    if let Some(w) = ["单位", "部门", "机关", "街道", "系统"]
        .iter()
        .find(|w| s[first..].starts_with(*w))
    {
        return Some(&s[..first + w.len()]);
    }
    let w = &s[..self_reference_end(s)?];
    (name_kind(w) == NameKind::SelfRef).then_some(w)
}

/// Where the self-reference that opens `s` ends: its first characters that end a name
/// ("我局", "我街办"), within three after 我/本.
fn self_reference_end(s: &str) -> Option<usize> {
    let mut end = None;
    for (i, c) in s.char_indices().skip(1).take(3) {
        if NAME_END.contains(c) {
            end = Some(i + c.len_utf8());
        } else if end.is_some() {
            break;
        }
    }
    end
}

/// The self-reference itself: "我局" of "我局充分利用…", "我街办" of "我街办未接到…".
fn self_reference_word(n: &str) -> &str {
    if !n.starts_with(['我', '本', '该', '此']) {
        return n;
    }
    &n[..self_reference_end(n).unwrap_or(n.len())]
}

/// Words that speak of many bodies ("全区各部门和各乡镇"): no single body's name holds them.
const MANY: [&str; 14] = [
    "和各",
    "及各",
    "与各",
    "、各",
    "各部门",
    "各单位",
    "各级",
    "各乡镇",
    "各街道",
    "全区",
    "全县",
    "全市",
    "全省",
    "全镇",
];

/// Ends of a body's name after which an office of its own may follow (办公室, 党政办…).
const BODY_END: &str = "局厅委会府镇乡道街木关署院心";
/// How the name of an office inside a body ends.
const UNIT_END: [&str; 8] = ["办公室", "办", "科", "处", "室", "股", "组", "部"];

/// A body's name without the office inside it that was named ("黄冈市生态环境局办公室" →
/// "黄冈市生态环境局", "两城镇人民政府党政办公室" → "两城镇人民政府"). With `keep_gov_office`,
/// a county-or-higher government's 办公室/办公厅 is a body of its own and stays.
fn strip_unit(name: &str, keep_gov_office: bool) -> &str {
    let mut n = name;
    if n.ends_with([')', '）']) {
        if let Some(o) = n.rfind(['(', '（']) {
            let inner = n[o..]
                .trim_start_matches(['(', '（'])
                .trim_end_matches([')', '）']);
            if UNIT_END.iter().any(|u| inner.ends_with(u)) && o > 0 {
                n = &n[..o];
            }
        }
    }
    let mut best = None;
    for (i, c) in n.char_indices() {
        let p = i + c.len_utf8();
        if p >= n.len() || !BODY_END.contains(c) {
            continue;
        }
        let rest = &n[p..];
        if !UNIT_END.iter().any(|u| rest.ends_with(u))
            || [
                "局",
                "政府",
                "镇",
                "乡",
                "街道",
                "委员会",
                "区",
                "县",
                "市",
                "办事处",
            ]
            .iter()
            .any(|w| rest.contains(w))
        {
            continue;
        }
        if keep_gov_office && (rest == "办公室" || rest == "办公厅") && n[..p].ends_with("政府")
        {
            let gov = n[..p].trim_end_matches("政府").trim_end_matches("人民");
            if !is_township(gov) {
                continue;
            }
        }
        best = Some(p);
    }
    best.map(|p| &n[..p]).unwrap_or(n)
}

/// A township-level name: 镇, 乡, 街道 (街), 苏木.
fn is_township(n: &str) -> bool {
    ["镇", "乡", "街道", "街", "苏木"]
        .iter()
        .any(|s| n.ends_with(s))
}

/// Words that make a place's name its government's: 人民政府, 政府; 办事处 for a 街道.
fn is_gov_suffix(short: &str, g: &str) -> bool {
    ["人民政府", "政府"].contains(&g)
        || (short.ends_with('街') || short.ends_with("街道")) && ["办事处", "道办事处"].contains(&g)
}

/// A region's name (an aggregate report's body): 四川省, 正定县, 福州市晋安区, 平潭综合实验区.
fn is_region(n: &str) -> bool {
    let core = match n.rfind(['(', '（']) {
        Some(o) if n.ends_with([')', '）']) && o > 0 => &n[..o],
        _ => n,
    };
    core.chars().next_back().is_some_and(|c| LEVEL.contains(c))
}

/// A run of region names before a body's ("哈尔滨市", "长春市绿园区", "本溪满族自治县"):
/// each ends with 省/市/县/区/州/旗/盟, and is short unless it names an autonomous area.
fn valid_place(p: &str) -> bool {
    if p.is_empty() || !p.chars().next_back().is_some_and(|c| LEVEL.contains(c)) {
        return false;
    }
    let mut segs = 0;
    let mut cur = String::new();
    for c in p.chars() {
        cur.push(c);
        if LEVEL.contains(c) {
            let n = cur.chars().count();
            if n < 2 || n > 5 && !(cur.contains("自治") && n <= 12) {
                return false;
            }
            segs += 1;
            cur.clear();
        }
    }
    cur.is_empty() && segs <= 3
}

/// A name read somewhere in the report.
#[derive(Clone, Debug)]
struct Cand {
    name: String,
    source: &'static str,
    words: String,
}

impl Cand {
    fn new(name: &str, source: &'static str, words: &str) -> Cand {
        Cand {
            name: name.to_string(),
            source,
            words: words.to_string(),
        }
    }
}

/// The agency: the first name that stands on its own, in order of authority, then its fullest
/// form in the report. A shorthand ("市教育局") counts when the report also writes it out
/// ("铜仁市教育局"); a self-reference never does.
fn choose_agency(cands: &[Cand], intro: &str) -> (Option<String>, AgencyEvidence) {
    let mut ev = AgencyEvidence::default();
    let primary = cands.iter().find(|c| name_kind(&c.name) == NameKind::Name);
    let (name, cand, from) = match primary {
        Some(p) => {
            let (full, from) = fuller(&p.name, p.source, cands, intro)
                .map_or((p.name.clone(), None), |(n, w)| (n, Some(w)));
            (full, p, from)
        }
        None => {
            let expanded = cands
                .iter()
                .filter(|c| name_kind(&c.name) == NameKind::Short)
                .find_map(|c| written_out(&c.name, cands, intro).map(|(n, w)| (n, c, w)));
            match expanded {
                Some((n, c, w)) => (n, c, Some(w)),
                None => {
                    ev.self_reference = cands
                        .iter()
                        .find(|c| matches!(name_kind(&c.name), NameKind::SelfRef | NameKind::Short))
                        .map(|c| self_reference_word(&c.name).to_string());
                    return (None, ev);
                }
            }
        }
    };
    ev.source = Some(cand.source);
    ev.words = Some(cand.words.clone());
    ev.fuller_from = from;
    (Some(name), ev)
}

/// The fullest form of `short` that the report uses: the same name with the regions above it
/// ("道里区经纬街道办事处" → "哈尔滨市道里区经纬街道办事处"), a township's government
/// ("常太镇" → "常太镇人民政府"), or the long form of an abbreviation written elsewhere
/// ("本溪县卫健局" → "本溪满族自治县卫生健康局"). A region named by the title stays as it is
/// (an aggregate report is the region's), unless the report's own title or opening names its
/// government ("高新区(新市区)政府2020年…"). Returns the name and the words it was read from.
fn fuller(short: &str, source: &str, cands: &[Cand], intro: &str) -> Option<(String, String)> {
    let township = is_township(short);
    let region = is_region(short);
    let names_itself = |s: &str| matches!(s, "title" | "opening" | "pageTitle");
    // (has a government suffix, length, name, words): a township's government is its body,
    // so a form with 人民政府 is preferred to a longer place name.
    let mut best: Option<(bool, usize, String, String)> = None;
    let mut offer = |n: &str, w: &str, gov: bool| {
        let key = (gov, n.chars().count());
        if name_kind(n) == NameKind::Name
            && key.1 > short.chars().count()
            && best.as_ref().is_none_or(|b| key > (b.0, b.1))
        {
            best = Some((key.0, key.1, n.to_string(), w.to_string()));
        }
    };
    for c in cands {
        let n = c.name.as_str();
        if n.len() <= short.len() || name_kind(n) != NameKind::Name {
            continue;
        }
        if let Some(i) = n.rfind(short) {
            let (place, gov) = (&n[..i], &n[i + short.len()..]);
            let gov_ok = gov.is_empty()
                || township && is_gov_suffix(short, gov)
                || region
                    && ["人民政府", "政府"].contains(&gov)
                    && names_itself(c.source)
                    && names_itself(source);
            let place_ok = place.is_empty() || valid_place(place) && !region;
            if gov_ok && place_ok {
                offer(n, &c.words, !gov.is_empty());
                continue;
            }
        }
        // An abbreviation: same first and last character, every character of it in order.
        let mut want = short.chars().peekable();
        for ch in n.chars() {
            if want.peek() == Some(&ch) {
                want.next();
            }
        }
        // A name that starts with the whole short one names a body inside it or below it
        // ("广州海关所属机场海关"), not its long form.
        if !region
            && want.peek().is_none()
            && !n.starts_with(short)
            && n.chars().next() == short.chars().next()
            && n.chars().next_back() == short.chars().next_back()
        {
            offer(n, &c.words, false);
        }
    }
    if !region {
        // The same name written with more of itself elsewhere (an address, an account name):
        // the longer form must read as a name there too.
        for (i, _) in intro.match_indices(short) {
            let before = &intro[..i];
            let run_start = before
                .char_indices()
                .rev()
                .take_while(|&(_, c)| is_han(c))
                .last()
                .map(|(j, _)| j)
                .unwrap_or(before.len());
            let mut place = &before[run_start..];
            if let Some(c) = LEAD
                .iter()
                .chain(["请", "与", "在", "为", "是", "及", "和"].iter())
                .filter_map(|w| place.rfind(w).map(|k| k + w.len()))
                .max()
            {
                place = &place[c..];
            }
            if !valid_place(place) {
                place = "";
            }
            let from = i - place.len();
            let Some(n) = read_name(&intro[from..]) else {
                continue;
            };
            let gov = &n[(place.len() + short.len()).min(n.len())..];
            if n.len() >= place.len() + short.len()
                && (gov.is_empty() || township && is_gov_suffix(short, gov))
                && n.len() > short.len()
            {
                offer(n, n, !gov.is_empty());
            }
        }
    }
    best.map(|b| (b.2, b.3))
}

/// A shorthand written out: "市教育局" → "铜仁市教育局" (a name that ends with it, read
/// elsewhere or standing after a bracket or punctuation mark).
fn written_out(short: &str, cands: &[Cand], intro: &str) -> Option<(String, String)> {
    if let Some(c) = cands
        .iter()
        .filter(|c| {
            c.name.len() > short.len()
                && c.name.ends_with(short)
                && name_kind(&c.name) == NameKind::Name
        })
        .max_by_key(|c| c.name.len())
    {
        return Some((c.name.clone(), c.words.clone()));
    }
    for (i, _) in intro.match_indices(short) {
        let before = &intro[..i];
        let run_start = before
            .char_indices()
            .rev()
            .take_while(|&(_, c)| is_han(c))
            .last()
            .map(|(j, _)| j)
            .unwrap_or(before.len());
        let place = &before[run_start..];
        let bounded = run_start == 0
            || before[..run_start].ends_with(|c: char| "《“\"(（【[,，。、；;:：\n".contains(c));
        let n = place.chars().count();
        if bounded && (2..=5).contains(&n) && !LEAD.iter().any(|w| place.contains(w)) {
            let full = format!("{place}{short}");
            if name_kind(&full) == NameKind::Name {
                return Some((full.clone(), full));
            }
        }
    }
    None
}

/// A sentence naming the report, with what it says.
#[derive(Debug, PartialEq)]
struct Phrase {
    year: Option<i32>,
    /// The name before or inside the phrase (any kind: a self-reference is kept as evidence).
    name: Option<String>,
    words: String,
}

/// Words that, following a report's name, show that another document is meant (the notice on
/// how to write the report, its template) or a count ("年报1条").
const NOT_THIS_REPORT: [&str; 14] = [
    "格式",
    "编制",
    "编写",
    "发布工作",
    "公布工作",
    "的通知",
    "工作的通知",
    "有关事项",
    "有关工作",
    "相关工作",
    "工作要求",
    "模板",
    "范本",
    "提纲",
];

/// Every phrase in the (squeezed) introduction that names this report: "现公布XX镇2023年政府
/// 信息公开工作年度报告", "特向社会公布2017年度XX局政府信息公开工作报告", "由XX编制的2018年度…",
/// "现发布《XX2025年…年度报告》", "编制并发布XX局政府信息公开工作2022年度报告".
fn report_phrases(s: &str) -> Vec<Phrase> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(i) = ["信息公开", "信息公開", "关务公开"]
        .iter()
        .filter_map(|k| s[from..].find(k).map(|i| i + from))
        .min()
    {
        from = i + "信息公开".len();
        let Some(end) = report_word_end(s, from) else {
            continue;
        };
        let next = &s[end..];
        if NOT_THIS_REPORT.iter().any(|w| next.starts_with(w))
            || next.trim_start_matches(|c: char| c.is_ascii_digit()).len() < next.len()
        {
            continue;
        }
        // "政府" belongs to the report's wording unless a government is named ("…人民政府").
        let kw = if s[..i].ends_with("政府") && !s[..i].ends_with("人民政府") {
            i - "政府".len()
        } else {
            i
        };
        let before = &s[..kw];
        // Another document's title (《关于做好2022年度…的通知》): not this report.
        let open = before.rfind('《');
        if open.is_some_and(|o| before.rfind('》').is_none_or(|c| c < o)) && !next.starts_with('》')
        {
            continue;
        }
        let lb = before
            .char_indices()
            .rev()
            .take(60)
            .find(|&(_, c)| "。，,；;：:《“\"\n、!！?？|".contains(c))
            .map(|(j, c)| j + c.len_utf8())
            .unwrap_or_else(|| {
                before
                    .char_indices()
                    .rev()
                    .take(60)
                    .last()
                    .map_or(0, |(j, _)| j)
            });
        let p = remove_aside(&before[lb..]);
        if [
            "关于",
            "做好",
            "上年",
            "上一年",
            "往年",
            "历年",
            "中华人民共和国",
        ]
        .iter()
        .any(|w| p.contains(w))
        {
            continue;
        }
        let years = years_in(&p);
        let (year, name) = match years.last() {
            Some(&(yi, y)) => {
                let after = p[yi + 4..].trim_start_matches(['年', '度']);
                let name = if after.is_empty() {
                    name_before(&p[..yi]).map(str::to_string)
                } else {
                    Some(after.to_string())
                };
                (Some(y), name)
            }
            None => (
                years_in(&s[i..end]).first().map(|&(_, y)| y),
                name_before(&p).map(str::to_string),
            ),
        };
        let name = name
            .filter(|n| name_kind(n) != NameKind::NotName)
            .map(|n| n.trim_matches(['(', '（']).to_string());
        if year.is_some() || name.is_some() {
            let close = if next.starts_with('》') { "》" } else { "" };
            out.push(Phrase {
                year,
                name,
                words: format!("{}{close}", &s[lb..end]),
            });
        }
    }
    out
}

/// Where the report's own wording that starts at `from` (after "信息公开") ends: fillers
/// (工作, 年度, 2022年度, 重点工作) then 报告 or 年报.
fn report_word_end(s: &str, from: usize) -> Option<usize> {
    let rest = &s[from..];
    for (n, (i, c)) in rest.char_indices().enumerate() {
        for w in ["报告", "年报", "報告", "年報"] {
            if rest[i..].starts_with(w) {
                return Some(from + i + w.len());
            }
        }
        if n >= 14 || !("工作年度重点情况".contains(c) || c.is_ascii_digit()) {
            return None;
        }
    }
    None
}

/// Remove the asides that give a short name: "(以下简称县政府办公室)", "（下称…）".
fn remove_aside(s: &str) -> String {
    let mut out = String::new();
    let mut rest = s;
    while let Some(o) = rest.find(['(', '（']) {
        let inner = &rest[o..];
        let open_len = inner.chars().next().map_or(1, char::len_utf8);
        let body = &inner[open_len..];
        if ["以下简称", "下称", "简称", "以下称"]
            .iter()
            .any(|w| body.starts_with(w))
        {
            if let Some(c) = body.find([')', '）']) {
                out.push_str(&rest[..o]);
                let cl = body[c..].chars().next().map_or(1, char::len_utf8);
                rest = &body[c + cl..];
                continue;
            }
        }
        out.push_str(&rest[..o + open_len]);
        rest = &rest[o + open_len..];
    }
    out.push_str(rest);
    out
}

/// "由XX镇人民政府党政办结合有关统计数据编制": the compiler, without the office inside it.
fn compilers(s: &str) -> Vec<Cand> {
    let mut out = Vec::new();
    for (i, _) in s.match_indices('由') {
        let after = &s[i + '由'.len_utf8()..];
        let Some(n) = read_name(after) else { continue };
        let rest: String = after[n.len()..]
            .chars()
            .take_while(|&c| c != '。')
            .take(200)
            .collect();
        if ["编制", "编写", "汇总", "撰写", "制作", "编辑"]
            .iter()
            .any(|w| rest.contains(w))
        {
            let name = strip_unit(n, true);
            out.push(Cand::new(name, "compiler", &format!("由{n}")));
        }
    }
    out
}

/// "如对本报告有疑问，请与XX局办公室联系": the body whose office is the contact.
fn contacts(s: &str) -> Vec<Cand> {
    let mut out = Vec::new();
    for key in [
        "请与",
        "可与",
        "请联系",
        "联系单位:",
        "联系单位：",
        "联系单位",
    ] {
        for (i, _) in s.match_indices(key) {
            let after = s[i + key.len()..].trim_start_matches([':', '：']);
            // "请与X联系": X is all that stands between; "请联系X(地址…)": the words up to the
            // next mark when they end as a name, else the name that starts them.
            let n = if key.ends_with('与') {
                let run_end = after
                    .char_indices()
                    .find(|&(_, c)| !is_name_char(c))
                    .map(|(j, _)| j)
                    .unwrap_or(after.len());
                let Some(k) = ["联系", "联络"]
                    .iter()
                    .filter_map(|w| after[..run_end].find(w))
                    .min()
                else {
                    continue;
                };
                &after[..k]
            } else {
                let run_end = after.find(|c: char| !is_han(c)).unwrap_or(after.len());
                match read_name(after) {
                    _ if ends_as_name(&after[..run_end]) => &after[..run_end],
                    Some(n) => n,
                    None => continue,
                }
            };
            if n.is_empty() || !ends_as_name(n) {
                continue;
            }
            out.push(Cand::new(
                strip_unit(n, false),
                "contact",
                &format!("{key}{n}"),
            ));
        }
    }
    out
}

/// "通过“沙湖镇人民政府”微信公众号发布": the body's own account, by the name it goes by.
/// (A website named this way is often the government's above it, so only accounts count.)
fn accounts(s: &str) -> Vec<Cand> {
    let mut out = Vec::new();
    for (i, open) in s.match_indices(['“', '"', '「']) {
        let inner = &s[i + open.len()..];
        let Some(close) = inner.find(['”', '"', '」']) else {
            continue;
        };
        let name = &inner[..close];
        let after = &inner[close..];
        let after = &after[after.chars().next().map_or(0, char::len_utf8)..];
        let account = [
            "微信公众号",
            "公众号",
            "微信",
            "政务微博",
            "微博",
            "抖音",
            "头条号",
            "视频号",
        ]
        .iter()
        .any(|w| after.starts_with(w));
        if account
            && name.chars().count() <= 30
            && read_name(name).is_some_and(|n| n.len() == name.len())
        {
            out.push(Cand::new(
                name,
                "account",
                &format!("{open}{name}{}", &inner[close..]),
            ));
        }
    }
    out
}

/// The signature block that closes a whole report: a line with the body's name, then the date.
fn signature(text: &str) -> Vec<Cand> {
    let tail_start = crate::source::LineIndex::clamp(text, text.len().saturating_sub(1200));
    let lines: Vec<String> = text[tail_start..]
        .lines()
        .map(squeeze)
        .filter(|l| !l.is_empty())
        .collect();
    let is_date = |l: &str| {
        let ys = years_in(l);
        ys.first().is_some_and(|&(i, _)| i == 0)
            && (l.contains('月') && l.contains('日') || l.matches('-').count() == 2)
            && l.chars().count() <= 16
    };
    for k in (lines.len().saturating_sub(6)..lines.len()).rev() {
        let l = &lines[k];
        let Some(n) = read_name(l) else { continue };
        let rest = &l[n.len()..];
        let dated = if rest.is_empty() {
            lines.get(k + 1).is_some_and(|d| is_date(d))
        } else {
            is_date(rest)
        };
        if dated && name_kind(n) != NameKind::NotName {
            return vec![Cand::new(n, "signature", l)];
        }
    }
    Vec::new()
}

/// A clause that opens with the year ("2022年，广德市农业农村局…", "本年度，兴发乡…"), with the
/// body doing the work when it is named.
struct Opener {
    /// 0 for 本年度, -1 for the start of any other sentence.
    year: i32,
    name: Option<String>,
    words: String,
}

fn openers(s: &str) -> Vec<Opener> {
    let mut out = Vec::new();
    let mut starts: Vec<(usize, usize, i32)> = Vec::new(); // (at, after, year)
    for (yi, y) in years_in(s) {
        let rest = &s[yi + 4..];
        let Some(r) = rest.strip_prefix('年') else {
            continue;
        };
        if r.starts_with(|c: char| c.is_ascii_digit()) {
            continue;
        }
        let r = r.trim_start_matches('度');
        let r = r.strip_prefix("以来").unwrap_or(r);
        starts.push((yi, s.len() - r.len(), y));
    }
    // The start of a sentence: a subject only when words follow it ("。市教育局高度重视…").
    for (i, _) in s.match_indices('。') {
        starts.push((i + '。'.len_utf8(), i + '。'.len_utf8(), -1));
    }
    for (i, _) in s.match_indices("本年度") {
        if !s[i..].starts_with("本年度报告") {
            starts.push((i, i + "本年度".len(), 0));
        }
    }
    starts.sort();
    for (at, after, year) in starts {
        let before = &s[..at];
        let clause_start = year < 0
            || before.is_empty()
            || before.ends_with(|c: char| "。，,；;：:)）】]\n".contains(c))
            || ["情况", "方面", "概述", "综述"]
                .iter()
                .any(|w| before.ends_with(w));
        if !clause_start || before.matches('《').count() > before.matches('》').count() {
            continue;
        }
        let mut r = s[after..].trim_start_matches([',', '，']);
        // "在区委、区政府的坚强领导下，…"
        if let Some(x) = r.strip_prefix('在') {
            if let Some(k) = x
                .char_indices()
                .take(30)
                .find(|&(_, c)| c == '下')
                .map(|(k, _)| k)
            {
                r = x[k + '下'.len_utf8()..].trim_start_matches([',', '，']);
            }
        }
        if year < 0 {
            // A plain sentence: its subject, when a name stands there with words after it.
            if let Some(n) =
                read_name(r).filter(|n| n.len() < r.len() && !r[n.len()..].starts_with(['(', '（']))
            {
                // Only a name with its place ("铜仁市教育局") or the report's shorthand for
                // itself ("市教育局"): other sentences start with other subjects.
                let placed = n
                    .char_indices()
                    .skip(1)
                    .any(|(k, c)| LEVEL.contains(c) && k + c.len_utf8() < n.len());
                if matches!(name_kind(n), NameKind::Short | NameKind::SelfRef)
                    || placed && name_kind(n) == NameKind::Name
                {
                    out.push(Opener {
                        year,
                        name: Some(n.to_string()),
                        words: r.chars().take(30).collect(),
                    });
                }
            }
            continue;
        }
        // The subject is followed by what it did, not by a number ("共办理政府12345热线").
        let subject =
            read_name(r).filter(|n| !r[n.len()..].starts_with(|c: char| c.is_ascii_digit()));
        // "我局", "我街办", "我单位": kept as evidence of a self-reference.
        let name = subject
            .map(str::to_string)
            .or_else(|| self_reference_at(r).map(str::to_string));
        let words: String = s[at..].chars().take(30).collect();
        out.push(Opener {
            year,
            name: name.filter(|n| name_kind(n) != NameKind::NotName),
            words,
        });
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Years

/// The year of the statistics period in the (squeezed) introduction: a range from 1 January to
/// 31 December in any of its usual spellings ("2020年1月1日至2020年12月31日",
/// "自2023年1月1日始，至2023年12月31日止", "2023.1.1-2023.12.31", "202511日至20251231日"),
/// else "截至2023年12月31日".
fn period_year(s: &str) -> Option<i32> {
    let starts = [
        "年1月1日",
        "年01月01日",
        "年1月",
        "11日",
        ".1.1",
        ".01.01",
        "-1-1",
        "-01-01",
        "/1/1",
        "年元月1日",
    ];
    let ends = [
        "12月31日",
        "1231日",
        "12.31",
        "12-31",
        "12/31",
        "12月底",
        "12月",
    ];
    for (yi, y) in years_in(s) {
        let rest = &s[yi + 4..];
        let Some(st) = starts.iter().find(|w| rest.starts_with(*w)) else {
            continue;
        };
        let after = &rest[st.len()..];
        let window: String = after.chars().take(14).collect();
        let joined = window.find(|c: char| "至到—-~－起始止".contains(c));
        if let Some(j) = joined {
            if ends.iter().any(|e| window[j..].contains(e)) {
                return Some(y);
            }
        }
    }
    // Digits with the 年/月 characters lost: "201911日至20191231日".
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if !b[i].is_ascii_digit() || i > 0 && b[i - 1].is_ascii_digit() {
            i += 1;
            continue;
        }
        let j = (i..b.len())
            .find(|&k| !b[k].is_ascii_digit())
            .unwrap_or(b.len());
        let run = &s[i..j];
        if run.len() == 6 && run.ends_with("11") && s[j..].starts_with('日') {
            let window: String = s[j..].chars().take(16).collect();
            let y: i32 = run[..4].parse().unwrap_or(0);
            if (1990..=2100).contains(&y)
                && window.contains("1231")
                && window.contains(['至', '到', '-', '—', '~'])
            {
                return Some(y);
            }
        }
        i = j;
    }
    for (i, _) in s.match_indices("截至") {
        let r = &s[i + "截至".len()..];
        if let Some(&(0, y)) = years_in(r).first() {
            if r[4..].starts_with("年12月31日") || r[4..].starts_with("年底") {
                return Some(y);
            }
        }
    }
    None
}

/// "汇报我镇2023年政府信息公开工作", "现将2015年度信息公开工作情况总结如下": the year whose work
/// the report is about, when nothing names the report itself.
fn work_phrase_year(s: &str) -> Option<i32> {
    for w in ["信息公开工作", "政务公开工作"] {
        for (i, _) in s.match_indices(w) {
            let before = s[..i].trim_end_matches("政府");
            let trimmed = before.trim_end_matches(['年', '度']);
            if trimmed.len() == before.len()
                || before.matches('《').count() > before.matches('》').count()
            {
                continue;
            }
            let next = &s[i + w.len()..];
            if ["要点", "方案", "计划", "安排", "将"]
                .iter()
                .any(|x| next.starts_with(x))
            {
                continue;
            }
            if let Some(&(yi, y)) = years_in(trimmed).last() {
                let context: String = trimmed[..yi].chars().rev().take(8).collect();
                if yi + 4 == trimmed.len() && !["于关", "好做"].iter().any(|x| context.contains(x))
                {
                    return Some(y);
                }
            }
        }
    }
    None
}

/// The year after a word that introduces the statistics period ("统计期限为2023年度").
fn keyword_period_year(text: &str) -> Option<i32> {
    [
        "统计期限",
        "统计时限",
        "统计时间",
        "统计期间",
        "数据统计",
        "统计区间",
        "时间期限",
        "数据期限",
    ]
    .iter()
    .find_map(|k| {
        let i = text.find(k)?;
        let window = &text[i..crate::source::LineIndex::clamp(text, i + 90)];
        years_in(window).first().map(|&(_, y)| y)
    })
}

/// A publication date near the top: "发布时间: 2022-02-08", "发布日期：2020年1月31日",
/// "日期:2021-01-29" at the start of a line, or a date standing alone in brackets under the title.
fn find_date(head: &str) -> Option<String> {
    let date_at = |w: &str| -> Option<String> {
        let &(yi, y) = years_in(w).first()?;
        let rest = &w[yi + 4..];
        let nums: Vec<u32> = rest
            .split(|c: char| !c.is_ascii_digit())
            .filter(|p| !p.is_empty())
            .take(2)
            .filter_map(|p| p.parse().ok())
            .collect();
        (nums.len() == 2 && (1..=12).contains(&nums[0]) && (1..=31).contains(&nums[1]))
            .then(|| format!("{y:04}-{:02}-{:02}", nums[0], nums[1]))
    };
    // Only keys that name a publication: "数据期限截止时间" is not one.
    for key in [
        "发布时间",
        "发布日期",
        "成文日期",
        "发文日期",
        "公开日期",
        "生成日期",
    ] {
        let Some(i) = head.find(key) else { continue };
        let w = &head[i..crate::source::LineIndex::clamp(head, i + 60)];
        if let Some(d) = date_at(w) {
            return Some(d);
        }
    }
    for line in head.lines().take(12) {
        let t = line.trim().trim_start_matches(['-', ' ', '|']);
        // "日期:2021-01-29", "来源:区人民政府办公室 时间:2017-01-12 10:01", "(2023-01-06)".
        let keyed = ["日期:", "日期：", "时间:", "时间："].iter().find_map(|k| {
            let i = t.find(k)?;
            (i == 0 || t[..i].ends_with(' ')).then(|| &t[i..])
        });
        let bare = t.trim_matches(['(', ')', '（', '）', ' ']);
        let alone = (bare.len() < t.len() || bare.len() == t.len())
            && years_in(bare).first().is_some_and(|&(i, _)| i == 0)
            && bare.chars().count() <= 12
            && !bare.contains('至');
        if let Some(d) = keyed
            .and_then(date_at)
            .or_else(|| alone.then(|| date_at(bare)).flatten())
        {
            return Some(d);
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
            name_before(&t[..t.find("2021").unwrap()]),
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
        assert_eq!(
            year_and_agency("襄阳市农业农村局政府信息公开工作2022年度报告"),
            (Some(2022), Some("襄阳市农业农村局".to_string()))
        );
        assert_eq!(
            year_and_agency("驼峰路街道办事处政府信息公开工作年度报告"),
            (None, Some("驼峰路街道办事处".to_string()))
        );
        assert_eq!(
            year_and_agency("县人社局2023年政府信息公开工作年度报告"),
            (Some(2023), None)
        );
        let p = report_phrases("《关于做好2022年度政府信息公开年度报告编制公布工作的通知》,现将茅坪回族镇2022年度政府信息公开工作报告如下");
        assert_eq!(p.len(), 1);
        assert_eq!(
            (p[0].name.as_deref(), p[0].year),
            (Some("茅坪回族镇"), Some(2022))
        );
        let p = report_phrases("等规定,梳理编制湛江海关关区2023年政府信息公开工作年度报告。");
        assert_eq!(
            (p[0].name.as_deref(), p[0].year),
            (Some("湛江海关关区"), Some(2023))
        );
        assert_eq!(
            find_date("发布时间: 2022-02-08 16:34").as_deref(),
            Some("2022-02-08")
        );
    }

    fn phrase(s: &str) -> (Option<String>, Option<i32>) {
        let p = report_phrases(s);
        p.first()
            .map(|p| (p.name.clone(), p.year))
            .unwrap_or((None, None))
    }

    #[test]
    fn phrases_that_name_the_report() {
        let n = |s: &str| Some(s.to_string());
        assert_eq!(
            phrase("特向社会公布2017年度渠县教育和科学技术局政府信息公开年度报告。"),
            (n("渠县教育和科学技术局"), Some(2017))
        );
        assert_eq!(
            phrase("根据《条例》,现公布清远市教育局2024年度政府信息公开工作年度报告。"),
            (n("清远市教育局"), Some(2024))
        );
        assert_eq!(
            phrase("本报告是由高楼镇人民政府编制的2018年度政府信息公开工作年度报告。"),
            (n("高楼镇人民政府"), Some(2018))
        );
        assert_eq!(
            phrase("现发布《苏银产业园管理委员会2025年政府信息公开工作年度报告》,本报告"),
            (n("苏银产业园管理委员会"), Some(2025))
        );
        assert_eq!(
            phrase("等工作,浦江县卫生健康局撰写了2022年度政府信息公开工作年度报告。"),
            (n("浦江县卫生健康局"), Some(2022))
        );
        assert_eq!(
            phrase(
                "现公布阳山县人民政府办公室(以下简称县政府办公室)2016年政府信息公开工作年度报告。"
            ),
            (n("阳山县人民政府办公室"), Some(2016))
        );
        assert_eq!(
            phrase("现向社会公布2022年度本级政府信息公开年度报告"),
            (n("本级"), Some(2022))
        );
        assert_eq!(
            phrase("现将2020年度政府信息公开工作报告公布如下"),
            (None, Some(2020))
        );
        // Other documents and counts are not this report.
        assert!(report_phrases(
            "按照《关于做好2020年政府信息公开工作年度报告编制发布工作的通知》要求"
        )
        .is_empty());
        assert!(report_phrases("依据《中华人民共和国政府信息公开工作年度报告格式》").is_empty());
        assert!(report_phrases("主动公开财政信息2条、2021年信息公开年报1条。").is_empty());
    }

    #[test]
    fn names_are_read_where_they_stop() {
        assert_eq!(
            read_name("十堰市住房和城乡建设局以习近平新时代"),
            Some("十堰市住房和城乡建设局")
        );
        assert_eq!(read_name("官洲街道办事处认真贯彻"), Some("官洲街道办事处"));
        assert_eq!(
            read_name("银川市民族事务委员会(宗教事务局)2024年"),
            Some("银川市民族事务委员会(宗教事务局)")
        );
        assert_eq!(
            read_name("长春市绿园区春城街道办事处(办公地址:长春市"),
            Some("长春市绿园区春城街道办事处")
        );
        assert_eq!(
            read_name("兴仁市大山镇人民政府)发布信息"),
            Some("兴仁市大山镇人民政府")
        );
        assert_eq!(
            read_name("广德市农业农村局在市政府信息公开网上"),
            Some("广德市农业农村局")
        );
        assert_eq!(read_name("未发生针对政府信息公开事务的复议"), None);
        assert_eq!(
            name_before("加强基础性建设工作,浦江县卫生健康局撰写了"),
            Some("浦江县卫生健康局")
        );
        assert_eq!(
            name_before("兴华镇人民政府特此编制"),
            Some("兴华镇人民政府")
        );
        assert_eq!(name_before("政府信息公开年报铁边城镇"), Some("铁边城镇"));
    }

    #[test]
    fn kinds_of_names() {
        for n in [
            "我局",
            "我办",
            "我单位",
            "本机关",
            "机关",
            "中心",
            "本级",
            "本镇",
            "全区",
            "我街办",
        ] {
            assert_eq!(name_kind(n), NameKind::SelfRef, "{n}");
        }
        for n in ["县人社局", "市教育局", "区统计局", "县政府办公室"] {
            assert_eq!(name_kind(n), NameKind::Short, "{n}");
        }
        for n in [
            "全州县人民政府",
            "无锡市梁溪区机关事务管理局",
            "将乐县教育局",
            "本溪满族自治县卫生健康局",
            "本溪县卫健局",
            "全椒县人民政府",
            "镇安县政府",
            "海关总署(本级机关)",
            "高新区(新市区)政府",
        ] {
            assert_eq!(name_kind(n), NameKind::Name, "{n}");
        }
        for n in ["县委", "镇党委", "未收到政府", "县政府网站"] {
            assert_eq!(name_kind(n), NameKind::NotName, "{n}");
        }
        assert_eq!(self_reference_word("我局充分利用教育网站"), "我局");
    }

    #[test]
    fn offices_inside_a_body() {
        assert_eq!(
            strip_unit("黄冈市生态环境局办公室", false),
            "黄冈市生态环境局"
        );
        assert_eq!(
            strip_unit("衢州市衢江区湖南镇政府综合督考办公室", false),
            "衢州市衢江区湖南镇政府"
        );
        assert_eq!(
            strip_unit("国家税务总局东莞市税务局政务公开办公室", false),
            "国家税务总局东莞市税务局"
        );
        assert_eq!(
            strip_unit("嘉善县大云镇人民政府综合信息指挥室(党政综合办公室)", true),
            "嘉善县大云镇人民政府"
        );
        assert_eq!(
            strip_unit("长春市绿园区春城街道办事处", false),
            "长春市绿园区春城街道办事处"
        );
        assert_eq!(
            strip_unit("银川市民族事务委员会(宗教事务局)", false),
            "银川市民族事务委员会(宗教事务局)"
        );
        // A county's government office compiles as a body of its own; a township's is its office.
        assert_eq!(
            strip_unit("城中区人民政府办公室", true),
            "城中区人民政府办公室"
        );
        assert_eq!(strip_unit("城中区人民政府办公室", false), "城中区人民政府");
        assert_eq!(
            strip_unit("袁州区水江镇人民政府办公室", true),
            "袁州区水江镇人民政府"
        );
    }

    #[test]
    fn places_before_a_name() {
        assert!(valid_place("哈尔滨市"));
        assert!(valid_place("长春市绿园区"));
        assert!(valid_place("本溪满族自治县"));
        assert!(!valid_place("查阅哈尔滨市"));
        assert!(!valid_place("道里"));
        assert!(!valid_place(""));
    }

    #[test]
    fn fullest_form_of_a_name() {
        let c = |n: &str, s: &'static str| Cand::new(n, s, n);
        let cands = [
            c("道里区经纬街道办事处", "title"),
            c("哈尔滨市道里区经纬街道办事处", "contact"),
        ];
        assert_eq!(
            fuller("道里区经纬街道办事处", "title", &cands, "")
                .map(|x| x.0)
                .as_deref(),
            Some("哈尔滨市道里区经纬街道办事处")
        );
        let cands = [
            c("本溪县卫健局", "title"),
            c("本溪满族自治县卫生健康局", "subject"),
        ];
        assert_eq!(
            fuller("本溪县卫健局", "title", &cands, "")
                .map(|x| x.0)
                .as_deref(),
            Some("本溪满族自治县卫生健康局")
        );
        let cands = [
            c("广州海关", "opening"),
            c("广州海关所属机场海关", "subject"),
        ];
        assert_eq!(fuller("广州海关", "opening", &cands, ""), None);
        // A township's government beats a longer address.
        let intro = "地址:莆田市城厢区常太镇常太社区利洋1号,请与常太镇人民政府政务办公室联络";
        assert_eq!(
            fuller("常太镇", "opening", &[], intro)
                .map(|x| x.0)
                .as_deref(),
            Some("常太镇人民政府")
        );
        // A region named by the title stays as it is.
        let cands = [c("正定县", "title"), c("正定县人民政府", "contact")];
        assert_eq!(
            fuller("正定县", "title", &cands, "请与正定县人民政府办公室联系"),
            None
        );
        assert_eq!(
            written_out(
                "市教育局",
                &[],
                "建立了《铜仁市教育局网上信息公开审查制度》"
            )
            .map(|x| x.0)
            .as_deref(),
            Some("铜仁市教育局")
        );
        assert_eq!(
            written_out("县人社局", &[], "利用凤县人民政府网站,对县人社局的领导分工"),
            None
        );
    }

    #[test]
    fn statistics_period_years() {
        assert_eq!(
            period_year("本报告所列数据为2020年1月1日至2020年12月31日。"),
            Some(2020)
        );
        assert_eq!(
            period_year("统计期限自2023年1月1日始,至2023年12月31日止"),
            Some(2023)
        );
        assert_eq!(period_year("统计期限为202511日至20251231日。"), Some(2025));
        assert_eq!(
            period_year("数据统计起止时间为2023.1.1-2023.12.31"),
            Some(2023)
        );
        assert_eq!(period_year("截至2023年12月31日,全镇公开信息"), Some(2023));
        assert_eq!(period_year("自2019年4月3日起施行"), None);
        assert_eq!(keyword_period_year("统计期限为2021年度"), Some(2021));
    }

    #[test]
    fn chrome_around_titles() {
        assert_eq!(strip_chrome("首页/ 政府信息公开 / 政府信息公开年报"), None);
        assert_eq!(
            strip_chrome("首页 > 信息公开 > 铁边城镇2022年度政府信息公开年报"),
            Some("铁边城镇2022年度政府信息公开年报")
        );
        assert_eq!(
            strip_chrome("铁边城镇2022年度政府信息公开年报 字号：大 中 小 打印"),
            Some("铁边城镇2022年度政府信息公开年报")
        );
        assert_eq!(strip_chrome("字体:【 默认 超大"), None);
    }

    #[test]
    fn where_names_are_read() {
        let names = |v: Vec<Cand>| v.into_iter().map(|c| c.name).collect::<Vec<_>>();
        assert_eq!(
            names(compilers("由清塘铺镇人民政府党政办结合有关统计数据编制。")),
            ["清塘铺镇人民政府"]
        );
        assert_eq!(
            names(compilers(
                "本报告由总体情况、主动公开政府信息情况等六部分组成。"
            )),
            Vec::<String>::new()
        );
        assert_eq!(
            names(contacts("如有疑问,请与黄冈市生态环境局办公室联系(地址:")),
            ["黄冈市生态环境局"]
        );
        assert_eq!(
            names(contacts(
                "请联系:龙游县横山镇人民政府信息公开领导小组办公室,邮编"
            )),
            ["龙游县横山镇人民政府"]
        );
        assert_eq!(
            names(accounts("通过“沙河镇人民政府”微信公众号发布信息")),
            ["沙河镇人民政府"]
        );
        // A website named this way is often the government's above the body: not counted.
        assert!(accounts("在“泉州市鲤城区人民政府”门户网站下载").is_empty());
        let sig =
            signature("……\n六、其他需要报告的事项\n无。\n河口县市场监督管理局\n2024年1月20日\n");
        assert_eq!(names(sig), ["河口县市场监督管理局"]);
        assert!(signature("……\n六、其他需要报告的事项\n无。\n").is_empty());
        let o = openers("一、总体情况2023年,在区委、区政府的坚强领导下,官洲街道办事处认真贯彻落实。本年度,兴发乡严格依照规定。");
        let got: Vec<(i32, Option<String>)> = o
            .into_iter()
            .filter(|o| o.year >= 0)
            .map(|o| (o.year, o.name))
            .collect();
        assert_eq!(
            got,
            [
                (2023, Some("官洲街道办事处".to_string())),
                (0, Some("兴发乡".to_string()))
            ]
        );
        assert_eq!(self_reference_at("我单位2023年"), Some("我单位"));
        assert_eq!(self_reference_at("我街办未接到申请"), Some("我街办"));
        assert_eq!(self_reference_at("本溪满族自治县"), None);
        assert!(
            is_gov_suffix("迎宾路街道", "办事处")
                && is_gov_suffix("常乐镇", "人民政府")
                && !is_gov_suffix("常乐镇", "办事处")
        );
    }

    #[test]
    fn titles_among_portal_lines() {
        let head = "首页/ 政府信息公开 /政府信息公开年报\n铁边城镇2022年度政府信息公开年报\n发布时间：2023-01-10  字号：大 中 小\n根据《条例》规定……";
        let t = find_title(head, None).title.map(|t| t.0);
        assert_eq!(t.as_deref(), Some("铁边城镇2022年度政府信息公开年报"));
        // Broken over lines, and with the body's name on the line above.
        let t = find_title(
            "大河县三江镇人民政府2023年政府信息\n公开工作年度报告\n一、总体情况",
            None,
        )
        .title
        .map(|t| t.0);
        assert_eq!(
            t.as_deref(),
            Some("大河县三江镇人民政府2023年政府信息公开工作年度报告")
        );
        let f = find_title(
            "2012年政府信息公开工作年度报告\n安丘市石埠子镇人民政府\n2012年,我镇……",
            None,
        );
        assert_eq!(f.name_lines, ["安丘市石埠子镇人民政府"]);
        // A metadata row is no title, and its index number is no year.
        let f = find_title(
            "索 引 号 | 014416330/2018-04736 | 分 类 | 政府信息公开年报 |\n根据《条例》规定……",
            None,
        );
        assert!(f.title.is_none());
        assert_eq!(
            year_and_agency("014416330/2018-04736政府信息公开年报").0,
            None
        );
        let f = find_title(
            "正文",
            Some("清溪乡2021年政府信息公开工作年度报告_平山县人民政府"),
        );
        assert!(f.from_page);
    }
}
