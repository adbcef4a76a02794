//! How much of a report the text holds: whether it is an annual report at all, and whether it
//! stops before the report does (a page cut by its source, a partial paste).
//!
//! Both are facts about the input, decided once here and kept in the model, so that no rule
//! reports as missing what the text never reached, and no summary calls a text "passing"
//! when it could not be checked.

use super::document::{is_han, Compact};
use crate::model::{CutReason, ReportEvidence, Section, TableId};
use crate::source::Span;

/// The signs of a report found by the parser.
pub struct Signs {
    pub title_names_report: bool,
    /// A phrase naming the report in the opening ("现将…2023年政府信息公开工作年度报告…").
    pub report_phrase: bool,
    /// A statistics-period sentence ("统计期限自…").
    pub period: bool,
    /// A citation of the Regulations (《中华人民共和国政府信息公开条例》).
    pub regulations: bool,
    pub sections: usize,
    /// The customary items of section 一 (主动公开, 依申请公开, 政府信息管理, 平台建设, 监督保障)
    /// that the text names.
    pub overview_items: usize,
    /// The text presents itself as the report ("本报告…", "现将…年度报告…予以公布").
    pub presents_itself: bool,
    /// Standard tables found (their labels, with or without numbers).
    pub tables: usize,
}

impl Signs {
    /// Whether the text is an annual report (or a part of one). Structure decides: section
    /// headings or a standard table; an opening with no heading yet counts when it names the
    /// report and states its period or cites the Regulations. A news item that mentions the
    /// Regulations, or even a report, has neither.
    pub fn evidence(&self) -> ReportEvidence {
        let mut signs = Vec::new();
        if self.title_names_report {
            signs.push("标题为政府信息公开工作年度报告 / a title naming the report".to_string());
        }
        if self.report_phrase {
            signs.push("开头写明本报告 / an opening naming the report".to_string());
        }
        if self.period {
            signs.push("统计期限 / a statistics period".to_string());
        }
        if self.regulations {
            signs.push("引用《政府信息公开条例》 / cites the Regulations".to_string());
        }
        if self.sections > 0 {
            signs.push(format!(
                "{}个部分标题 / {} section heading(s)",
                self.sections, self.sections
            ));
        }
        if self.tables > 0 {
            signs.push(format!(
                "{}张标准表格 / {} standard table(s)",
                self.tables, self.tables
            ));
        }
        if self.overview_items >= 2 {
            signs.push(format!(
                "第一部分的{}个惯常分项 / {} customary items of section 1",
                self.overview_items, self.overview_items
            ));
        }
        let names = self.title_names_report || self.report_phrase;
        let is_report = self.tables > 0
            || self.sections >= 2
            || self.sections == 1 && (names || self.period || self.overview_items >= 2)
            || names
                && (self.period
                    || self.presents_itself
                    || self.title_names_report && self.regulations);
        ReportEvidence { is_report, signs }
    }
}

/// A line of portal chrome that follows a page's content: print and close links, site map,
/// copyright, attachments, page numbers, visit counters.
pub fn is_chrome_line(line: &str) -> bool {
    let l: String = line.chars().filter(|c| !c.is_whitespace()).collect();
    if l.is_empty() {
        return false;
    }
    const ENDINGS: &[&str] = &[
        "附件下载",
        "打印本页",
        "关闭窗口",
        "关闭本页",
        "【打印】",
        "【关闭】",
        "网站地图",
        "返回顶部",
    ];
    const WORDS: &[&str] = &[
        "打印本页",
        "打印本文",
        "关闭本页",
        "关闭窗口",
        "【打印】",
        "【关闭】",
        "[打印]",
        "[关闭]",
        "网站地图",
        "版权所有",
        "主办单位",
        "主办：",
        "主办:",
        "承办单位",
        "技术支持",
        "网站标识码",
        "ICP备",
        "ICP证",
        "公网安备",
        "联系我们",
        "扫一扫",
        "分享到",
        "浏览次数",
        "访问次数",
        "阅读次数",
        "浏览量",
        "附件下载",
        "相关附件",
        "附件：",
        "附件:",
        "是否继续",
        "返回顶部",
        "字号：",
        "字号:",
        "【字体",
        "上一篇",
        "下一篇",
        "相关链接",
        "浏览器",
        "links.tsv",
        "===",
    ];
    // Chrome is a short line of its own, or what a flattened page ends with; the same words
    // inside a paragraph are text.
    if l.chars().count() <= 40 && WORDS.iter().any(|w| l.contains(w))
        || ENDINGS.iter().any(|w| l.ends_with(w))
    {
        return true;
    }
    // Attachment names, page numbers ("-6-", "第6页", "6/12").
    let lower = l.to_ascii_lowercase();
    if [".pdf", ".doc", ".docx", ".wps", ".ofd", ".xls", ".xlsx"]
        .iter()
        .any(|e| lower.ends_with(e))
    {
        return true;
    }
    let digits_only = l
        .trim_matches(|c: char| matches!(c, '-' | '—' | '第' | '页' | '/' | '共' | ' '))
        .chars()
        .all(|c| c.is_ascii_digit());
    digits_only
        && l.chars().any(|c| c.is_ascii_digit())
        && l.chars().count() <= 8
        && !l.chars().all(|c| c.is_ascii_digit())
}

/// A date line that closes a report ("2024年1月20日", "2024-01-20", "二〇二四年一月二十日").
pub fn is_date_line(line: &str) -> bool {
    let l: String = line.chars().filter(|c| !c.is_whitespace()).collect();
    let n = l.chars().count();
    if n == 0 || n > 30 {
        return false;
    }
    let digits = |s: &str| s.chars().filter(|c| c.is_ascii_digit()).count();
    if let (Some(y), Some(m)) = (l.find('年'), l.find('月')) {
        if y < m
            && (digits(&l[..y]) == 4
                || l[..y]
                    .chars()
                    .filter(|c| "〇○零一二三四五六七八九".contains(*c))
                    .count()
                    >= 4)
            && l[m..].contains('日')
        {
            return true;
        }
    }
    let b = l.as_bytes();
    (0..b.len().saturating_sub(7)).any(|i| {
        b[i..i + 4].iter().all(u8::is_ascii_digit)
            && matches!(b[i + 4], b'-' | b'/' | b'.')
            && b[i + 5].is_ascii_digit()
            && (b[i + 6..]
                .iter()
                .take(3)
                .any(|c| matches!(c, b'-' | b'/' | b'.')))
    })
}

/// A signature line: the body's name on a short line of its own ("××县人民政府办公室").
pub fn is_signature_line(line: &str) -> bool {
    let l = line.trim();
    let n = l.chars().count();
    const ENDS: &[&str] = &[
        "人民政府",
        "政府",
        "办公室",
        "办公厅",
        "委员会",
        "管委会",
        "局",
        "厅",
        "委",
        "办",
        "中心",
        "处",
        "院",
        "所",
        "站",
        "队",
        "署",
        "海关",
        "街道办事处",
        "街道",
        "镇",
        "乡",
    ];
    (3..=30).contains(&n)
        && l.chars().all(|c| is_han(c) || "()（）·".contains(c))
        && ENDS.iter().any(|e| l.ends_with(e))
}

/// Does this line end a sentence (or a short entry such as "无")? In a report from before 2019
/// (`modern` false) a statistics table closes many reports: a last figure ends it too.
fn ends_sentence(line: &str, modern: bool) -> bool {
    let l = line.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '|' | '｜'));
    let Some(last) = l.chars().next_back() else {
        return true;
    };
    if "。！？!?…”」』）)】]》\"'’".contains(last) {
        return true;
    }
    if !modern && (last.is_ascii_digit() || "件条项个元次".contains(last)) {
        return true;
    }
    let folded: String = l.chars().filter(|c| !c.is_whitespace()).collect();
    folded.ends_with("无") && folded.chars().count() <= 12
}

/// Does this line hold table material: cells separated by pipes or tabs, or a lone number?
fn is_table_line(line: &str) -> bool {
    let l = line.trim();
    if l.contains(['|', '｜', '\t']) {
        return true;
    }
    let v = super::values::parse_value(l);
    matches!(
        v,
        crate::model::Value::Number { .. } | crate::model::Value::Dash { .. }
    ) || l.split_whitespace().count() >= 3
        && l.split_whitespace()
            .all(|p| p.chars().all(|c| c.is_ascii_digit()))
}

/// Where each table's region starts in the analysis text (when found), and whether it was
/// read in full (its last template row there).
pub struct TableExtent {
    pub table: TableId,
    pub start: usize,
    pub complete: bool,
}

/// Where the text stops before the report does. `modern`: the report is of 2019 or later
/// (six sections expected); `sections` are in analysis-text offsets.
pub fn find_cut(
    text: &str,
    sections: &[Section],
    tables: &[TableExtent],
    modern: bool,
) -> Option<(usize, u8, Option<TableId>, CutReason)> {
    // Trailing chrome means the page's own end was reached: a whole page, not a cut.
    let lines: Vec<(usize, &str)> = {
        let mut off = 0;
        text.split('\n')
            .map(|l| {
                let o = off;
                off += l.len() + 1;
                (o, l)
            })
            .filter(|(_, l)| {
                !l.trim_matches(|c: char| c.is_whitespace() || matches!(c, '|' | '｜'))
                    .is_empty()
            })
            .collect()
    };
    let &(last_off, last) = lines.last()?;
    let last_section = sections.iter().map(|s| s.number).max().unwrap_or(0);
    let after_heading = sections
        .iter()
        .map(|s| s.heading_span.end)
        .max()
        .unwrap_or(0);
    // The last lines after the last heading: chrome, a date or a signature close the report.
    let tail: Vec<&(usize, &str)> = lines
        .iter()
        .rev()
        .take(8)
        .filter(|(o, l)| *o + l.len() >= after_heading)
        .collect();
    if tail
        .iter()
        .any(|(_, l)| is_chrome_line(l) || is_date_line(l) || is_signature_line(l))
    {
        return None;
    }
    let end = last_off + last.trim_end().len();
    // Inside a table: a table began before the end with no section heading after it, it was
    // not read to its last row, and the text stops in its material (or mid-label).
    let table_here = tables
        .iter()
        .filter(|t| t.start <= end)
        .max_by_key(|t| t.start)
        .filter(|t| !sections.iter().any(|s| s.heading_span.start > t.start));
    match table_here {
        Some(t) if !t.complete && (is_table_line(last) || !ends_sentence(last, modern)) => {
            return Some((end, last_section, Some(t.table), CutReason::InTable));
        }
        None if modern && is_table_line(last) => {
            // Table material whose labels were not enough to read a table: the section says which.
            let by_section = match last_section {
                2 => Some(TableId::Active),
                3 => Some(TableId::Requests),
                4 => Some(TableId::ReviewLitigation),
                _ => None,
            };
            if by_section.is_some() {
                return Some((end, last_section, by_section, CutReason::InTable));
            }
        }
        _ => {}
    }
    if last_section >= 6 {
        // Everything is there; a last line without a full stop is how many reports end.
        return None;
    }
    if is_table_line(last) && modern {
        // A table read to its end, and nothing after it: a part of a report.
        return Some((end, last_section, None, CutReason::EarlyEnd));
    }
    if !ends_sentence(last, modern) {
        return Some((end, last_section, None, CutReason::MidSentence));
    }
    if modern && last_section < 5 {
        return Some((end, last_section, None, CutReason::EarlyEnd));
    }
    None
}

/// Where a second report begins in the same text (a portal page and its print copy, a
/// crawler's concatenation, two years in one file): after the last of the first report's
/// section headings, the section headings start again — 一 and then at least two more of the
/// six, in order. The second report starts at its title when one names a report on the lines
/// just before its section 一, else at that heading. `sections` are the first report's.
pub fn next_report(text: &str, sections: &[Section]) -> Option<usize> {
    let last = sections.iter().max_by_key(|s| s.heading_span.end)?;
    if sections.len() < 3 {
        return None;
    }
    let from = last.heading_span.end;
    let rest = Span::new(from, text.len());
    let compact = Compact::new(text, rest);
    let again = super::meta::sections(&compact, text);
    let first = again.iter().find(|s| s.number == 1)?;
    if again
        .iter()
        .filter(|s| s.number > 1 && s.heading_span.start > first.heading_span.start)
        .count()
        < 2
    {
        return None;
    }
    let start = first.heading_span.start;
    // A title naming a report on the few lines before section 一.
    let window = crate::source::LineIndex::clamp(text, start.saturating_sub(600).max(from));
    let mut at = start;
    let mut off = window;
    for line in text[window..start].split_inclusive('\n') {
        let t = line.trim();
        if !t.is_empty()
            && t.chars().count() <= 80
            && super::meta::names_report(t)
            && !crate::parse::meta::years_in(t).is_empty()
        {
            at = off + (line.len() - line.trim_start().len());
            break;
        }
        off += line.len();
    }
    Some(at)
}

/// Whether a text states a statistics period: a keyword, or a date range from 1 January to
/// 31 December ("2016年1月1日至12月31日", "2020年1月1日至2020年12月31日").
pub fn states_period(folded: &str) -> bool {
    const WORDS: &[&str] = &[
        "统计期限",
        "统计时限",
        "统计期间",
        "统计时间",
        "统计区间",
        "数据统计",
        "所列数据",
        "统计截止",
        "统计数据期限",
    ];
    WORDS.iter().any(|w| folded.contains(w))
        || folded.match_indices("1月1日").any(|(i, _)| {
            folded[i..]
                .chars()
                .take(16)
                .collect::<String>()
                .contains("12月31日")
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn closing_lines() {
        assert!(is_date_line("2024年1月20日"));
        assert!(is_date_line("  2023-02-08 "));
        assert!(is_date_line("二〇二四年一月十五日"));
        assert!(!is_date_line(
            "2023年,我局未收到和受理政府信息公开申请,全年共办理各类事项1200件,涉及12月31日"
        ));
        assert!(is_signature_line("高楼镇人民政府"));
        assert!(is_signature_line("十堰市住房和城乡建设局"));
        assert!(!is_signature_line("确保网站全年运行"));
        assert!(is_chrome_line("【打印本页】 【关闭本页】"));
        assert!(is_chrome_line("-6-"));
        assert!(is_chrome_line("唐村镇2010年政府信息公开工作年度报告.pdf"));
        assert!(is_chrome_line(
            "……行政复议数 条 0 0 行政诉讼数 条 0 0 行政申诉数 条 0 0 附件下载"
        ));
        assert!(!is_chrome_line("网站浏览量964198次,访客数847140位,局门户网站主动公开信息17430条,主动公开政府信息130条。"));
        assert!(!is_chrome_line("2023"));
        assert!(!is_chrome_line("本年度未收取信息处理费。"));
    }

    #[test]
    fn sentence_ends() {
        assert!(ends_sentence("本年度未收取信息处理费。", true));
        assert!(ends_sentence("无", true));
        assert!(!ends_sentence("确保网站全年运行", true));
        assert!(!ends_sentence("主要工作情况如下：", true));
        assert!(!ends_sentence("7.属于行政执", true));
        assert!(
            !ends_sentence("及时、准确地向社会公开政府信息；", false),
            "a list item: the text goes on"
        );
        assert!(!ends_sentence("全面提升依申请公开工作质量。20", true));
        assert!(
            ends_sentence("行政复议数件00行政诉讼数件00", false),
            "a statistics table closes an old report"
        );
    }

    #[test]
    fn report_or_not() {
        let base = Signs {
            title_names_report: false,
            report_phrase: false,
            period: false,
            regulations: false,
            sections: 0,
            overview_items: 0,
            presents_itself: false,
            tables: 0,
        };
        let news = Signs {
            regulations: true,
            report_phrase: true,
            ..base
        };
        assert!(
            !news.evidence().is_report,
            "a news item that mentions a report and the Regulations is not one"
        );
        assert!(
            Signs {
                title_names_report: true,
                period: true,
                ..base
            }
            .evidence()
            .is_report
        );
        assert!(
            Signs {
                report_phrase: true,
                presents_itself: true,
                ..base
            }
            .evidence()
            .is_report
        );
        assert!(
            Signs {
                sections: 3,
                ..base
            }
            .evidence()
            .is_report
        );
        assert!(
            Signs {
                sections: 1,
                overview_items: 3,
                ..base
            }
            .evidence()
            .is_report
        );
        assert!(
            !Signs {
                sections: 1,
                ..base
            }
            .evidence()
            .is_report
        );
        assert!(Signs { tables: 1, ..base }.evidence().is_report);
    }
}
