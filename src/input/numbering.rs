//! Automatic list numbers of a `.docx` (`word/numbering.xml`, with numbering
//! inherited from paragraph styles in `word/styles.xml`).
//!
//! Chinese reports often number their headings automatically ("一、",
//! "（一）", "1."), and that text is not in `document.xml`. This module
//! recomputes the labels: counters per abstract numbering definition,
//! `w:start`, `w:startOverride`, `w:lvlText` templates like `（%1）` or
//! `%1.%2`, the common number formats (decimal, Chinese counting, legal
//! Chinese, 甲乙丙, enclosed numbers, letters, Roman) and the suffix after
//! the label (tab by default). Bullets are left out.

use std::collections::{HashMap, HashSet};

use quick_xml::events::{BytesStart, Event};
use quick_xml::name::ResolveResult;
use quick_xml::reader::NsReader;

use super::docx::NS_W;

const LEVELS: usize = 9;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
enum Fmt {
    #[default]
    Decimal,
    DecimalZero,
    UpperRoman,
    LowerRoman,
    UpperLetter,
    LowerLetter,
    ChineseCounting,
    ChineseLegal,
    IdeographTraditional,
    IdeographZodiac,
    EnclosedCircle,
    EnclosedParen,
    EnclosedFullstop,
    FullWidth,
    Bullet,
    None,
}

impl Fmt {
    fn from_val(v: &str) -> Fmt {
        match v {
            "decimalZero" => Fmt::DecimalZero,
            "upperRoman" => Fmt::UpperRoman,
            "lowerRoman" => Fmt::LowerRoman,
            "upperLetter" => Fmt::UpperLetter,
            "lowerLetter" => Fmt::LowerLetter,
            "chineseCounting"
            | "chineseCountingThousand"
            | "japaneseCounting"
            | "taiwaneseCounting"
            | "taiwaneseCountingThousand"
            | "ideographDigital"
            | "koreanCounting" => Fmt::ChineseCounting,
            "chineseLegalSimplified" | "japaneseLegal" | "ideographLegalTraditional" => {
                Fmt::ChineseLegal
            }
            "ideographTraditional" => Fmt::IdeographTraditional,
            "ideographZodiac" => Fmt::IdeographZodiac,
            "decimalEnclosedCircle" | "decimalEnclosedCircleChinese" => Fmt::EnclosedCircle,
            "decimalEnclosedParen" => Fmt::EnclosedParen,
            "decimalEnclosedFullstop" => Fmt::EnclosedFullstop,
            "decimalFullWidth" | "decimalFullWidth2" => Fmt::FullWidth,
            "bullet" => Fmt::Bullet,
            "none" => Fmt::None,
            _ => Fmt::Decimal,
        }
    }

    fn format(self, n: u32) -> String {
        match self {
            Fmt::Decimal | Fmt::Bullet => n.to_string(),
            Fmt::DecimalZero => format!("{n:02}"),
            Fmt::UpperRoman => roman(n),
            Fmt::LowerRoman => roman(n).to_ascii_lowercase(),
            Fmt::UpperLetter => letters(n, b'A'),
            Fmt::LowerLetter => letters(n, b'a'),
            Fmt::ChineseCounting => chinese(n, false),
            Fmt::ChineseLegal => chinese(n, true),
            Fmt::IdeographTraditional => cyclic(
                n,
                &['甲', '乙', '丙', '丁', '戊', '己', '庚', '辛', '壬', '癸'],
            ),
            Fmt::IdeographZodiac => cyclic(
                n,
                &[
                    '子', '丑', '寅', '卯', '辰', '巳', '午', '未', '申', '酉', '戌', '亥',
                ],
            ),
            Fmt::EnclosedCircle => enclosed(n, 20, '\u{2460}'), // ①
            Fmt::EnclosedParen => enclosed(n, 20, '\u{2474}'),  // ⑴
            Fmt::EnclosedFullstop => enclosed(n, 20, '\u{2488}'), // ⒈
            Fmt::FullWidth => n
                .to_string()
                .chars()
                .map(|c| char::from_u32(c as u32 - '0' as u32 + 0xFF10).unwrap_or(c))
                .collect(),
            Fmt::None => String::new(),
        }
    }
}

fn roman(mut n: u32) -> String {
    if n == 0 || n >= 4000 {
        return n.to_string();
    }
    const TABLE: &[(u32, &str)] = &[
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut s = String::new();
    for &(v, r) in TABLE {
        while n >= v {
            s.push_str(r);
            n -= v;
        }
    }
    s
}

/// Word's letter numbering: A…Z, then AA…ZZ, AAA….
fn letters(n: u32, base: u8) -> String {
    if n == 0 {
        return String::new();
    }
    let letter = char::from(base + ((n - 1) % 26) as u8);
    let times = ((n - 1) / 26 + 1).min(10) as usize;
    std::iter::repeat_n(letter, times).collect()
}

fn cyclic(n: u32, chars: &[char]) -> String {
    if n == 0 {
        return "0".to_string();
    }
    chars[(n as usize - 1) % chars.len()].to_string()
}

fn enclosed(n: u32, max: u32, first: char) -> String {
    if (1..=max).contains(&n) {
        char::from_u32(first as u32 + n - 1).map_or_else(|| n.to_string(), String::from)
    } else {
        n.to_string()
    }
}

/// 1 → 一, 10 → 十, 11 → 十一, 20 → 二十, 105 → 一百零五; legal: 壹, 壹拾, 壹拾壹.
fn chinese(n: u32, legal: bool) -> String {
    let digits: [char; 10] = if legal {
        ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖']
    } else {
        ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九']
    };
    let units: [&str; 4] = if legal {
        ["", "拾", "佰", "仟"]
    } else {
        ["", "十", "百", "千"]
    };
    if n == 0 {
        return digits[0].to_string();
    }
    if n >= 10_000 {
        return n.to_string();
    }
    let ds = [n / 1000, n / 100 % 10, n / 10 % 10, n % 10];
    let mut s = String::new();
    let mut pending_zero = false;
    for (i, &d) in ds.iter().enumerate() {
        let unit = units[3 - i];
        if d == 0 {
            if !s.is_empty() {
                pending_zero = true;
            }
            continue;
        }
        if pending_zero {
            s.push(digits[0]);
            pending_zero = false;
        }
        // 十一 rather than 一十一 (but 壹拾壹 in legal style)
        if !(d == 1 && unit == "十" && s.is_empty()) {
            s.push(digits[d as usize]);
        }
        s.push_str(unit);
    }
    s
}

#[derive(Debug, Clone)]
struct Level {
    start: u32,
    fmt: Fmt,
    text: Option<String>,
    legal: bool,
    /// What follows the label: tab (default), space or nothing.
    suffix: &'static str,
}

#[derive(Debug, Clone, Default)]
struct Num {
    abstract_id: u32,
    start_overrides: Vec<(usize, u32)>,
}

#[derive(Debug, Clone, Default)]
struct Style {
    based_on: Option<String>,
    num_id: Option<u32>,
    ilvl: Option<u8>,
}

/// Numbering definitions plus the running counters of one document.
#[derive(Debug, Default)]
pub(crate) struct Numbering {
    abstracts: HashMap<u32, Vec<Level>>,
    nums: HashMap<u32, Num>,
    styles: HashMap<String, Style>,
    counters: HashMap<u32, [Option<u32>; LEVELS]>,
    used_nums: HashSet<u32>,
}

fn attr(e: &BytesStart<'_>, local: &str) -> Option<String> {
    e.attributes()
        .with_checks(false)
        .flatten()
        .find(|a| a.key.local_name().as_ref() == local)
        .map(|a| a.value.into_owned())
}

fn attr_u32(e: &BytesStart<'_>, local: &str) -> Option<u32> {
    attr(e, local)?.trim().parse().ok()
}

/// Iterates over start/empty elements in the w: namespace, with the local
/// names of their open w: ancestors; stops quietly at the first XML error.
fn walk(xml: &str, mut f: impl FnMut(&[String], &BytesStart<'_>, &str)) {
    let mut reader = NsReader::from_str(xml);
    let mut stack: Vec<String> = Vec::new();
    loop {
        let Ok((ns, event)) = reader.read_resolved_event() else {
            return;
        };
        let in_w = matches!(ns, ResolveResult::Bound(n) if NS_W.contains(&n.0));
        match event {
            Event::Start(e) => {
                let local = e.local_name();
                let name = if in_w {
                    local.as_ref().to_string()
                } else {
                    String::new()
                };
                if in_w {
                    f(&stack, &e, &name);
                }
                stack.push(name);
                if stack.len() > 64 {
                    return;
                }
            }
            Event::Empty(e) if in_w => {
                let local = e.local_name();
                f(&stack, &e, local.as_ref());
            }
            Event::End(_) => {
                stack.pop();
            }
            Event::Eof => return,
            _ => {}
        }
    }
}

impl Numbering {
    /// Parses `word/numbering.xml` and `word/styles.xml` (either may be
    /// missing); malformed parts give partial definitions, never an error.
    pub(crate) fn parse(numbering_xml: Option<&str>, styles_xml: Option<&str>) -> Numbering {
        let mut n = Numbering::default();
        if let Some(xml) = numbering_xml {
            let mut cur_abstract: Option<u32> = None;
            let mut cur_level: Option<usize> = None;
            let mut cur_num: Option<u32> = None;
            let mut cur_override: Option<usize> = None;
            walk(xml, |stack, e, name| {
                let parent = stack.last().map(String::as_str);
                match name {
                    "abstractNum" => {
                        cur_abstract = attr_u32(e, "abstractNumId");
                        if let Some(id) = cur_abstract {
                            n.abstracts.insert(id, vec![Level::default(); LEVELS]);
                        }
                    }
                    "lvl" if parent == Some("abstractNum") => {
                        cur_level = attr_u32(e, "ilvl")
                            .map(|l| l as usize)
                            .filter(|&l| l < LEVELS);
                    }
                    "num" => {
                        cur_num = attr_u32(e, "numId");
                        if let Some(id) = cur_num {
                            n.nums.insert(id, Num::default());
                        }
                    }
                    "abstractNumId" if parent == Some("num") => {
                        if let (Some(id), Some(v)) = (cur_num, attr_u32(e, "val")) {
                            if let Some(num) = n.nums.get_mut(&id) {
                                num.abstract_id = v;
                            }
                        }
                    }
                    "lvlOverride" => {
                        cur_override = attr_u32(e, "ilvl")
                            .map(|l| l as usize)
                            .filter(|&l| l < LEVELS);
                    }
                    "startOverride" => {
                        if let (Some(id), Some(l), Some(v)) =
                            (cur_num, cur_override, attr_u32(e, "val"))
                        {
                            if let Some(num) = n.nums.get_mut(&id) {
                                num.start_overrides.push((l, v));
                            }
                        }
                    }
                    "start" | "numFmt" | "lvlText" | "isLgl" | "suff"
                        if parent == Some("lvl") && stack.iter().any(|s| s == "abstractNum") =>
                    {
                        let Some(level) = cur_abstract
                            .zip(cur_level)
                            .and_then(|(a, l)| n.abstracts.get_mut(&a)?.get_mut(l))
                        else {
                            return;
                        };
                        let val = attr(e, "val");
                        match name {
                            "start" => {
                                level.start = val.and_then(|v| v.trim().parse().ok()).unwrap_or(1)
                            }
                            "numFmt" => {
                                level.fmt = Fmt::from_val(val.as_deref().unwrap_or("decimal"))
                            }
                            "lvlText" => level.text = val,
                            "isLgl" => {
                                level.legal = !matches!(val.as_deref(), Some("0" | "false" | "off"))
                            }
                            _ => {
                                level.suffix = match val.as_deref() {
                                    Some("space") => " ",
                                    Some("nothing") => "",
                                    _ => "\t",
                                }
                            }
                        }
                    }
                    _ => {}
                }
            });
        }
        if let Some(xml) = styles_xml {
            let mut cur: Option<String> = None;
            walk(xml, |stack, e, name| {
                let parent = stack.last().map(String::as_str);
                match name {
                    "style" => {
                        cur = attr(e, "styleId");
                        if let Some(id) = &cur {
                            n.styles.insert(id.clone(), Style::default());
                        }
                    }
                    "basedOn" | "numId" | "ilvl" => {
                        let Some(style) = cur.as_ref().and_then(|c| n.styles.get_mut(c)) else {
                            return;
                        };
                        match name {
                            "basedOn" if parent == Some("style") => style.based_on = attr(e, "val"),
                            "numId" if parent == Some("numPr") => style.num_id = attr_u32(e, "val"),
                            "ilvl" if parent == Some("numPr") => {
                                style.ilvl = attr_u32(e, "val").map(|v| v.min(8) as u8)
                            }
                            _ => {}
                        }
                    }
                    _ => {}
                }
            });
        }
        n
    }

    /// The label (with its suffix) of the next paragraph with this numbering,
    /// advancing the counters; `None` for unnumbered paragraphs and bullets.
    pub(crate) fn next_label(
        &mut self,
        num_id: Option<u32>,
        ilvl: Option<u8>,
        style: Option<&str>,
    ) -> Option<String> {
        let (style_num, style_ilvl) = self.style_numbering(style);
        let num_id = num_id.or(style_num)?;
        let ilvl = usize::from(ilvl.or(style_ilvl).unwrap_or(0)).min(LEVELS - 1);
        if num_id == 0 {
            return None; // numId 0 removes numbering
        }
        let num = self.nums.get(&num_id)?.clone();
        let levels = self.abstracts.get(&num.abstract_id)?.clone();
        let counters = self
            .counters
            .entry(num.abstract_id)
            .or_insert([None; LEVELS]);
        if self.used_nums.insert(num_id) {
            for &(l, start) in &num.start_overrides {
                counters[l] = Some(start.saturating_sub(1));
                for c in counters.iter_mut().skip(l + 1) {
                    *c = None;
                }
            }
        }
        let level = &levels[ilvl];
        let value = match counters[ilvl] {
            Some(v) => v.saturating_add(1),
            None => level.start,
        };
        counters[ilvl] = Some(value);
        for c in counters.iter_mut().skip(ilvl + 1) {
            *c = None;
        }
        if matches!(level.fmt, Fmt::Bullet) {
            return None;
        }
        let template = level
            .text
            .clone()
            .unwrap_or_else(|| format!("%{}.", ilvl + 1));
        let mut label = String::new();
        let mut chars = template.chars().peekable();
        while let Some(c) = chars.next() {
            if c == '%' {
                if let Some(d) = chars
                    .peek()
                    .and_then(|d| d.to_digit(10))
                    .filter(|d| (1..=9).contains(d))
                {
                    chars.next();
                    let l = d as usize - 1;
                    let v = counters[l].unwrap_or(levels[l].start);
                    // isLgl: every level shown as an Arabic number ("1.1" under "一、")
                    let fmt = if level.legal {
                        Fmt::Decimal
                    } else {
                        levels[l].fmt
                    };
                    label.push_str(&fmt.format(v));
                    continue;
                }
            }
            label.push(c);
        }
        if label.is_empty() {
            return None;
        }
        label.push_str(level.suffix);
        Some(label)
    }

    /// Numbering a paragraph style carries, following `w:basedOn`.
    fn style_numbering(&self, style: Option<&str>) -> (Option<u32>, Option<u8>) {
        let (mut num, mut ilvl) = (None, None);
        let mut cur = style;
        for _ in 0..16 {
            let Some(s) = cur.and_then(|id| self.styles.get(id)) else {
                break;
            };
            num = num.or(s.num_id);
            ilvl = ilvl.or(s.ilvl);
            if num.is_some() && ilvl.is_some() {
                break;
            }
            cur = s.based_on.as_deref();
        }
        (num, ilvl)
    }
}

impl Default for Level {
    fn default() -> Level {
        Level {
            start: 1,
            fmt: Fmt::Decimal,
            text: None,
            legal: false,
            suffix: "\t",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_numbers() {
        let got: Vec<String> = [
            1, 2, 9, 10, 11, 19, 20, 21, 99, 100, 101, 105, 110, 1000, 1001, 1010,
        ]
        .iter()
        .map(|&n| chinese(n, false))
        .collect();
        assert_eq!(
            got,
            [
                "一",
                "二",
                "九",
                "十",
                "十一",
                "十九",
                "二十",
                "二十一",
                "九十九",
                "一百",
                "一百零一",
                "一百零五",
                "一百一十",
                "一千",
                "一千零一",
                "一千零一十"
            ]
        );
        assert_eq!(chinese(10, true), "壹拾");
        assert_eq!(chinese(23, true), "贰拾叁");
        assert_eq!(chinese(12345, false), "12345");
    }

    #[test]
    fn other_formats() {
        assert_eq!(roman(14), "XIV");
        assert_eq!(Fmt::LowerRoman.format(4), "iv");
        assert_eq!(letters(1, b'A'), "A");
        assert_eq!(letters(27, b'a'), "aa");
        assert_eq!(Fmt::EnclosedCircle.format(3), "③");
        assert_eq!(Fmt::EnclosedCircle.format(21), "21");
        assert_eq!(Fmt::IdeographTraditional.format(2), "乙");
        assert_eq!(Fmt::FullWidth.format(12), "１２");
        assert_eq!(Fmt::DecimalZero.format(3), "03");
    }

    const W: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main""#;

    fn numbering() -> Numbering {
        let numbering = format!(
            r#"<w:numbering {W}>
              <w:abstractNum w:abstractNumId="5">
                <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/><w:suff w:val="nothing"/></w:lvl>
                <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/><w:suff w:val="nothing"/></w:lvl>
                <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%3"/><w:isLgl/></w:lvl>
                <w:lvl w:ilvl="3"><w:numFmt w:val="bullet"/><w:lvlText w:val=""/></w:lvl>
              </w:abstractNum>
              <w:num w:numId="1"><w:abstractNumId w:val="5"/></w:num>
              <w:num w:numId="2"><w:abstractNumId w:val="5"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>
            </w:numbering>"#
        );
        let styles = format!(
            r#"<w:styles {W}>
              <w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>
              <w:style w:type="paragraph" w:styleId="MyHeading"><w:basedOn w:val="1"/></w:style>
            </w:styles>"#
        );
        Numbering::parse(Some(&numbering), Some(&styles))
    }

    #[test]
    fn labels_follow_levels_styles_and_overrides() {
        let mut n = numbering();
        let mut next = |num: Option<u32>, l: Option<u8>, s: Option<&str>| n.next_label(num, l, s);
        assert_eq!(next(Some(1), Some(0), None).as_deref(), Some("一、"));
        assert_eq!(next(Some(1), Some(1), None).as_deref(), Some("（一）"));
        assert_eq!(next(Some(1), Some(1), None).as_deref(), Some("（二）"));
        assert_eq!(next(None, None, Some("MyHeading")).as_deref(), Some("二、"));
        assert_eq!(next(Some(1), Some(1), None).as_deref(), Some("（一）"));
        assert_eq!(next(Some(1), Some(2), None).as_deref(), Some("2.1\t"));
        assert_eq!(next(Some(1), Some(3), None), None); // bullet
        assert_eq!(next(Some(0), None, Some("1")), None); // numId 0 switches it off
        assert_eq!(next(None, None, None), None);
        assert_eq!(next(Some(99), None, None), None); // unknown list
                                                      // a second list instance with a start override restarts at 一
        assert_eq!(next(Some(2), Some(0), None).as_deref(), Some("一、"));
        assert_eq!(next(Some(2), Some(0), None).as_deref(), Some("二、"));
    }

    #[test]
    fn malformed_parts_are_ignored() {
        let mut n = Numbering::parse(Some("<w:numbering><oops"), Some("not xml at all <<<"));
        assert_eq!(n.next_label(Some(1), Some(0), None), None);
    }
}
