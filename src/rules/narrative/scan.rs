//! Reading the prose: a folded, whitespace-free view of a stretch of the analysis text with a
//! map back to it, the counts written in it (“75件”, “36起”, “3 119 件” from a PDF) and the
//! keyword–count pairs the X-* rules compare with the tables.
//!
//! Everything here is deliberately conservative: a count is paired with a keyword only inside
//! one clause (between `，；。：` and the like), only when nothing between them says the number
//! is about something else (a year-on-year change, a consultation, a review case …), and never
//! when the number is approximate (“100余件”, “近百件”).

use crate::parse::document::fold;
use crate::rules::RuleCtx;
use crate::source::Span;

/// A folded, whitespace-free view of a stretch of the analysis text.
///
/// Full-width punctuation becomes ASCII (`，` → `,`), quotes are dropped (so “予以公开”“部分公开”
/// reads as one phrase), white space (line breaks in PDF text included) is dropped, and the
/// cells of HTML tables become a single `|`, which ends every clause.
pub(crate) struct Flat {
    pub text: String,
    /// For every byte of `text`: the analysis-text offset of the char it came from.
    map: Vec<usize>,
    /// For every byte of `text`: the analysis-text offset just after that char.
    end_map: Vec<usize>,
    /// The section (1–6) this stretch belongs to; 0 when unknown.
    pub section: u8,
}

impl Flat {
    pub fn new(ctx: &RuleCtx, span: Span, section: u8) -> Flat {
        let tables = standard_tables(ctx);
        let mut grid = ctx.parsed.doc.grid_walker();
        Self::build(ctx.text, span, section, |at| {
            !tables.is_empty() && grid(at).is_some_and(|g| tables.contains(&g.table))
        })
    }

    /// Build from plain text (tests, or text without tables).
    #[cfg(test)]
    pub fn plain(text: &str) -> Flat {
        Self::build(text, Span::new(0, text.len()), 1, |_| false)
    }

    fn build(text: &str, span: Span, section: u8, mut in_table: impl FnMut(usize) -> bool) -> Flat {
        let end = span.end.min(text.len());
        let start = span.start.min(end);
        let mut out = String::with_capacity(end - start);
        let mut map = Vec::with_capacity(end - start);
        let mut end_map = Vec::with_capacity(end - start);
        for (i, c) in text[start..end].char_indices() {
            let at = start + i;
            let after = at + c.len_utf8();
            let f = if in_table(at) { Some('|') } else { fold(c) };
            let Some(f) = f else { continue };
            if f == '"' || (f == '|' && out.ends_with('|')) {
                continue;
            }
            out.push(f);
            for _ in 0..f.len_utf8() {
                map.push(at);
                end_map.push(after);
            }
        }
        Flat {
            text: out,
            map,
            end_map,
            section,
        }
    }

    /// The analysis-text span of `text[s..e]`.
    pub fn span(&self, s: usize, e: usize) -> Span {
        let a = self
            .map
            .get(s)
            .copied()
            .unwrap_or_else(|| self.end_map.last().copied().unwrap_or(0));
        let b = if e == 0 {
            a
        } else {
            self.end_map.get(e - 1).copied().unwrap_or(a)
        };
        Span::new(a, b.max(a))
    }

    /// The clause around byte `pos`: between the nearest delimiters.
    pub fn clause(&self, pos: usize) -> (usize, usize) {
        bounds(&self.text, pos, is_clause_end)
    }

    /// The sentence around byte `pos` (between `。！？` or table cells).
    pub fn sentence(&self, pos: usize) -> (usize, usize) {
        bounds(&self.text, pos, is_sentence_end)
    }
}

/// The HTML tables (document order) that hold the standard tables 二, 三, 四. Other tables —
/// a portal's layout table around the whole article — are prose.
fn standard_tables(ctx: &RuleCtx) -> Vec<usize> {
    let r = ctx.report;
    let rows = r
        .active
        .iter()
        .flat_map(|t| t.rows.iter())
        .chain(r.requests.iter().flat_map(|t| t.rows.iter()))
        .chain(r.review.iter().map(|t| &t.row));
    let mut v: Vec<usize> = rows
        .flat_map(|row| row.cells.iter().filter_map(|c| c.grid.map(|g| g.table)))
        .collect();
    v.sort();
    v.dedup();
    v
}

fn is_clause_end(c: char) -> bool {
    matches!(c, '。' | ';' | '!' | '?' | ',' | ':' | '|' | '；' | '，')
}

fn is_sentence_end(c: char) -> bool {
    matches!(c, '。' | '!' | '?' | '|')
}

/// `[start, end)` of the stretch around `pos` bounded by `end_char` (exclusive of the delimiters).
fn bounds(text: &str, pos: usize, end_char: fn(char) -> bool) -> (usize, usize) {
    let pos = pos.min(text.len());
    let start = text[..pos]
        .char_indices()
        .rev()
        .find(|&(_, c)| end_char(c))
        .map(|(i, c)| i + c.len_utf8())
        .unwrap_or(0);
    let end = text[pos..]
        .char_indices()
        .find(|&(_, c)| end_char(c))
        .map(|(i, _)| pos + i)
        .unwrap_or(text.len());
    (start, end)
}

/// A count written in the prose: digits followed by a unit (件, 起 …).
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Count {
    pub value: f64,
    /// Byte range of the digits in `Flat::text`.
    pub start: usize,
    pub num_end: usize,
    /// Just after the unit.
    pub end: usize,
    pub unit: char,
    /// “100余件”, “约30件”, “近百件”: not a number to compare.
    pub approx: bool,
}

/// Every count in `text` whose unit is one of `units`.
pub(crate) fn counts(text: &str, units: &str) -> Vec<Count> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        let glued = i > 0
            && (b[i - 1].is_ascii_digit()
                || b[i - 1] == b'.'
                || (b[i - 1] == b',' && i > 1 && b[i - 2].is_ascii_digit()));
        if !b[i].is_ascii_digit() || glued {
            i += 1;
            continue;
        }
        let start = i;
        let mut j = i;
        let mut value = 0f64;
        while j < b.len() && b[j].is_ascii_digit() {
            value = value * 10.0 + f64::from(b[j] - b'0');
            j += 1;
        }
        // Thousands separators: “3,119”.
        while j + 3 < b.len()
            && b[j] == b','
            && b[j + 1..j + 4].iter().all(u8::is_ascii_digit)
            && !b.get(j + 4).is_some_and(u8::is_ascii_digit)
        {
            for &x in &b[j + 1..j + 4] {
                value = value * 10.0 + f64::from(x - b'0');
            }
            j += 4;
        }
        let num_end = j;
        if num_end - start > 15 {
            // Past 2^53 the running sum may round differently from a correctly rounded parse.
            let digits: String = text[start..num_end]
                .chars()
                .filter(char::is_ascii_digit)
                .collect();
            value = digits.parse().unwrap_or(value);
        }
        if b.get(j) == Some(&b'.') && b.get(j + 1).is_some_and(u8::is_ascii_digit) {
            // A decimal is never a count.
            i = j + 1;
            while i < b.len() && b[i].is_ascii_digit() {
                i += 1;
            }
            continue;
        }
        let rest = &text[j..];
        let mut approx = false;
        let mut k = j;
        for w in ["余", "多"] {
            if rest.starts_with(w) {
                approx = true;
                k += w.len();
            }
        }
        let before = &text[..start];
        if ["约", "近", "逾", "超", "超过", "大约", "将近"]
            .iter()
            .any(|w| before.ends_with(w))
        {
            approx = true;
        }
        if let Some(unit) = text[k..].chars().next().filter(|c| units.contains(*c)) {
            let end = k + unit.len_utf8();
            let header = text[end..].starts_with('数'); // “本年制发件数”
            if !before.ends_with('第') && !header {
                out.push(Count {
                    value,
                    start,
                    num_end,
                    end,
                    unit,
                    approx,
                });
            }
        }
        i = j.max(i + 1);
    }
    out
}

/// How to pair keywords with counts.
pub(crate) struct Find<'a> {
    /// Keywords, longest first; an occurrence inside a longer one already taken is skipped.
    pub keywords: &'a [&'a str],
    /// Most characters between the keyword and a count after it (0: do not look forward).
    pub forward: usize,
    /// Most characters between a count and the keyword after it (0: do not look back).
    pub backward: usize,
    /// Words that, between keyword and count, mean the number is about something else.
    pub stops: &'a [&'a str],
    /// Units a count may have.
    pub units: &'a str,
    /// A gap may not contain another keyword of the same set.
    pub exclusive: bool,
}

/// A keyword paired with a count.
#[derive(Clone, Debug)]
pub(crate) struct Mention {
    pub keyword: &'static str,
    pub kw_start: usize,
    pub kw_end: usize,
    pub count: Count,
    /// The text between keyword and count.
    pub gap: String,
    pub forward: bool,
}

impl Mention {
    /// The digits' span in the analysis text.
    pub fn number_span(&self, flat: &Flat) -> Span {
        flat.span(self.count.start, self.count.num_end)
    }
}

/// Keyword occurrences, longest keyword first, none overlapping, in text order.
pub(crate) fn occurrences(
    text: &str,
    keywords: &[&'static str],
) -> Vec<(usize, usize, &'static str)> {
    // Taken occurrences by start; they never overlap, so only the last one starting before an
    // occurrence's end can overlap it.
    let mut taken: std::collections::BTreeMap<usize, (usize, &'static str)> =
        std::collections::BTreeMap::new();
    let mut sorted: Vec<&'static str> = keywords.to_vec();
    sorted.sort_by_key(|k| std::cmp::Reverse(k.len()));
    for k in sorted {
        for (i, _) in text.match_indices(k) {
            let e = i + k.len();
            if taken
                .range(..e)
                .next_back()
                .is_none_or(|(_, &(te, _))| i >= te)
            {
                taken.insert(i, (e, k));
            }
        }
    }
    taken.into_iter().map(|(s, (e, k))| (s, e, k)).collect()
}

/// Pair keywords with counts under `f`. `year`: the report year; a keyword whose sentence
/// names another year before it (“2020年收到申请…” in a 2021 report) is skipped.
pub(crate) fn find(
    flat: &Flat,
    keywords: &[&'static str],
    f: &Find,
    year: Option<i32>,
) -> Vec<Mention> {
    let text = flat.text.as_str();
    let all = counts(text, f.units);
    let occ = occurrences(text, keywords);
    let mut out = Vec::new();
    for &(ks, ke, kw) in &occ {
        if let Some(y) = year {
            let (ss, _) = flat.sentence(ks);
            if last_year_before(&text[ss..ks]).is_some_and(|x| x != y) {
                continue;
            }
        }
        let (cs, ce) = flat.clause(ks);
        let gap_ok = |gap: &str| -> bool {
            !f.stops.iter().any(|s| gap.contains(s))
                && (!f.exclusive || !f.keywords.iter().any(|k| gap.contains(k)))
        };
        // (`all` is in text order and counts do not overlap: both ends rise with the start)
        let fwd = if f.forward > 0 {
            all.get(all.partition_point(|c| c.start < ke))
                .filter(|c| c.start < ce)
        } else {
            None
        };
        let m = if let Some(c) = fwd {
            let gap = &text[ke..c.start];
            (gap.chars().count() <= f.forward && gap_ok(gap)).then_some((c, gap, true))
        } else if f.backward > 0 {
            all[..all.partition_point(|c| c.end <= ks)]
                .last()
                .filter(|c| c.start >= cs)
                .and_then(|c| {
                    let gap = &text[c.end..ks];
                    (gap.chars().count() <= f.backward && gap_ok(gap)).then_some((c, gap, false))
                })
        } else {
            None
        };
        if let Some((c, gap, forward)) = m {
            if c.approx {
                continue;
            }
            out.push(Mention {
                keyword: kw,
                kw_start: ks,
                kw_end: ke,
                count: *c,
                gap: gap.to_string(),
                forward,
            });
        }
    }
    out
}

/// The last “YYYY年” in `s` that is not a comparison (“较2019年减少…”, “与2022年相比”), if any.
pub(crate) fn last_year_before(s: &str) -> Option<i32> {
    years(s)
        .into_iter()
        .rfind(|&(i, _)| {
            !["较", "比", "与", "同", "相较"]
                .iter()
                .any(|w| s[..i].ends_with(w))
        })
        .map(|y| y.1)
}

/// Every “YYYY年” (1990–2100) in `s`: (byte offset, year).
pub(crate) fn years(s: &str) -> Vec<(usize, i32)> {
    crate::parse::meta::years_in(s)
        .into_iter()
        .filter(|&(i, _)| s[i + 4..].starts_with('年'))
        .collect()
}

/// The stretches of narrative the X-* rules read: section 一 whole; sections 三 and 四 up to
/// their tables (the prose before a table). Without a section 一 heading, the text before the
/// first section found stands in for it.
pub(crate) fn narrative<'c>(ctx: &'c RuleCtx) -> &'c [Flat] {
    // Built once per report and shared by every X-* rule.
    ctx.narrative.get_or_init(|| build(ctx))
}

fn build(ctx: &RuleCtx) -> Vec<Flat> {
    let secs = &ctx.report.sections;
    let mut out: Vec<Flat> = Vec::new();

    match secs.iter().find(|s| s.number == 1) {
        Some(_) => out.extend(section_body(ctx, 1).map(|b| Flat::new(ctx, b, 1))),
        None => {
            if let Some(first) = secs.first().filter(|s| s.number == 2) {
                out.push(Flat::new(ctx, Span::new(0, first.text_span.start), 1));
            }
        }
    }
    for (n, markers) in [
        (
            3u8,
            &["勾稽关系", "申请人情况", "本年新收政府信息公开申请数量"][..],
        ),
        (4, &["结果维持", "尚未审结", "结果纠正"][..]),
    ] {
        if let Some(body) = section_body(ctx, n) {
            let flat = Flat::new(ctx, body, n);
            let cut = markers
                .iter()
                .filter_map(|m| flat.text.find(m))
                .min()
                .unwrap_or(flat.text.len());
            let end = if cut < flat.text.len() {
                flat.span(cut, cut).start
            } else {
                body.end
            };
            out.push(Flat::new(ctx, Span::new(body.start, end), n));
        }
    }
    out
}

/// The body of a section (without its heading), in the analysis text. (`text_span` starts at
/// the heading; `heading_span` is in the source, so the heading is skipped by its text.)
pub(crate) fn section_body(ctx: &RuleCtx, number: u8) -> Option<Span> {
    let s = ctx.report.sections.iter().find(|s| s.number == number)?;
    let span = s.text_span;
    let text = &ctx.text[span.start.min(ctx.text.len())..span.end.min(ctx.text.len())];
    let mut it = text
        .char_indices()
        .filter(|(_, c)| fold(*c).is_some())
        .peekable();
    let mut end = 0;
    for hc in s.heading.chars().filter_map(fold) {
        match it.peek() {
            Some(&(i, c)) if fold(c) == Some(hc) => {
                end = i + c.len_utf8();
                it.next();
            }
            _ => break,
        }
    }
    Some(Span::new(span.start + end, span.end))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_read_pdf_spacing_separators_and_skip_approximate() {
        let f = Flat::plain("全市共受理申请 3119\n件，答复 3,050 件；公开信息5500余条，约30件，第3件，本年制发件数，1件结转");
        let c = counts(&f.text, "件条");
        let v: Vec<(f64, bool)> = c.iter().map(|c| (c.value, c.approx)).collect();
        assert_eq!(
            v,
            vec![
                (3119.0, false),
                (3050.0, false),
                (5500.0, true),
                (30.0, true),
                (1.0, false)
            ]
        );
    }

    #[test]
    fn keyword_pairs_forward_and_backward_within_a_clause() {
        let f =
            Flat::plain("本年度全区共收到70件申请，及时依法依规办结69件，1件结转下年度继续办理。");
        let spec = Find {
            keywords: &["结转下年度"],
            forward: 12,
            backward: 12,
            stops: &[],
            units: "件",
            exclusive: true,
        };
        let m = find(&f, &["结转下年度"], &spec, None);
        assert_eq!(m.len(), 1);
        assert_eq!(m[0].count.value, 1.0);
        assert!(!m[0].forward);
    }

    #[test]
    fn stop_words_and_other_years_block_a_pair() {
        let f = Flat::plain("收到申请数量同比增长10件。2020年收到申请80件。");
        let spec = Find {
            keywords: &["收到"],
            forward: 20,
            backward: 0,
            stops: &["同比"],
            units: "件",
            exclusive: true,
        };
        assert!(find(&f, &["收到"], &spec, Some(2021)).is_empty());
    }

    #[test]
    fn comparison_years_are_not_the_topic() {
        assert_eq!(
            last_year_before("2020年总署机关受理依申请公开180件,较2019年减少38.3%;"),
            Some(2020)
        );
        assert_eq!(last_year_before("2022年收到"), Some(2022));
    }

    #[test]
    fn html_cells_and_quotes_fold_away() {
        let f = Flat::plain("“予以公开”“部分公开”的答复，共 12 件");
        assert_eq!(f.text, "予以公开部分公开的答复,共12件");
        let i = f.text.find("12").unwrap();
        let s = f.span(i, i + 2);
        assert_eq!(
            &"“予以公开”“部分公开”的答复，共 12 件"[s.start..s.end],
            "12"
        );
    }
}
