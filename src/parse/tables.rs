//! Finding the three standard tables in the analysis text and reading their rows.
//!
//! One method serves every layout (HTML grid, pipes, tabs, one cell per line, PDF text,
//! digits glued together): rows are found by their labels, matched in template order (the
//! longest chain of label matches that keeps the template's order), and each row's numbers
//! are the value material that follows its label. Value groups that no label precedes (PDF
//! text puts merged labels out of order) fill the template rows that are missing between
//! their neighbours, when the counts agree exactly.

use super::document::{fold_str, is_han, Compact, Document};
use super::segment::{split, Constraint};
use super::values::{
    is_strong_sep, material_after_label, material_end, parse_value, pieces, value_run_at, Piece,
};
use crate::diagnostic::{Diagnostic, Msg, Severity};
use crate::model::*;
use crate::source::Span;
use crate::template::{self, Format, RowSpec};

/// Parser finding codes (documented in the rule registry).
pub const P_TABLE_NOT_FOUND: (&str, &str) = ("P-1", "table-not-found");
pub const P_ROW_NOT_FOUND: (&str, &str) = ("P-2", "row-not-found");
pub const P_AMBIGUOUS_SPLIT: (&str, &str) = ("P-3", "ambiguous-digit-split");
pub const P_UNREADABLE: (&str, &str) = ("P-4", "unreadable-cell");
pub const P_TABLES_AS_IMAGES: (&str, &str) = ("P-5", "tables-without-numbers");
pub const P_SCRAMBLED: (&str, &str) = ("P-6", "scrambled-table");
pub const P_EXTRA_ROW: (&str, &str) = ("P-7", "unknown-row-label");
/// How many of a report's own rows of table 三 get a P-7 notice each.
const MAX_EXTRA_ROW_NOTICES: usize = 20;
pub const P_ROW_SHORT: (&str, &str) = ("P-8", "row-values-missing");
pub const P_NOT_A_REPORT: (&str, &str) = ("P-9", "not-an-annual-report");
pub const P_TEXT_CUT: (&str, &str) = ("P-10", "text-cut-short");
pub const P_LABEL_VARIANT: (&str, &str) = ("P-11", "row-label-variant");
pub const P_GLUED_INCONSISTENT: (&str, &str) = ("P-12", "glued-digits-inconsistent");
pub const P_ROW_OUT_OF_ORDER: (&str, &str) = ("P-13", "row-out-of-order");
pub const P_ROW_REPEATED: (&str, &str) = ("P-14", "row-repeated");
pub const P_SECOND_REPORT: (&str, &str) = ("P-15", "second-report");

pub struct Ctx<'a> {
    pub doc: &'a Document,
    pub findings: &'a mut Vec<Diagnostic>,
}

impl Ctx<'_> {
    fn finding(
        &mut self,
        code: (&'static str, &'static str),
        sev: Severity,
        msg: Msg,
        span: Option<Span>,
        cell: Option<CellRef>,
    ) {
        let mut d =
            Diagnostic::new(code.0, code.1, sev, msg).at(span.map(|s| self.doc.source_span(s)));
        d.cell = cell;
        self.findings.push(d);
    }
}

/// A label found in the text.
#[derive(Clone, Copy, Debug)]
struct Hit {
    row: usize,
    anchor_start: usize,
    /// Analysis-text offsets.
    label_start: usize,
    label_end: usize,
}

/// Match labels in template order: the longest chain of occurrences that respects the
/// template's order. `anchors[i]` are the anchors of row i.
fn chain(compact: &Compact, text: &str, anchors: &[Vec<String>], floor: usize) -> Vec<Hit> {
    // (row, compact start, compact end)
    let mut occ: Vec<(usize, usize, usize)> = Vec::new();
    for (row, list) in anchors.iter().enumerate() {
        let mut found: Vec<(usize, usize)> = Vec::new();
        for a in list {
            for p in compact.find_all(a, 24) {
                // A label's own explanation in brackets may name other rows ("其他对外管理服务事项
                // （…含行政处罚、行政强制…）"): those are not labels.
                if inside_brackets(text, compact.orig(p)) {
                    continue;
                }
                let e = p + a.len();
                // Keep the longest anchor at overlapping places.
                if let Some(f) = found.iter_mut().find(|(s, t)| p < *t && *s < e) {
                    if e - p > f.1 - f.0 {
                        *f = (p, e);
                    }
                } else {
                    found.push((p, e));
                }
            }
        }
        occ.extend(found.into_iter().map(|(s, e)| (row, s, e)));
    }
    occ.sort_by_key(|&(r, s, _)| (s, r));
    let n = occ.len();
    // A label followed by numbers of its own weighs more than a bare one: PDF text repeats
    // merged labels after the numbers, and those must not outvote the real rows.
    let weight: Vec<usize> = (0..n)
        .map(|i| {
            let from = compact.orig_end(occ[i].2);
            let to = occ[i + 1..]
                .iter()
                .find(|o| o.1 >= occ[i].2)
                .map(|o| compact.orig(o.1))
                .unwrap_or(compact.orig(compact.text.len()));
            let (ms, me) = material_end(text, from, to.max(from));
            if me > ms
                && text[ms..me]
                    .chars()
                    .any(|c| c.is_ascii_digit() || ('０'..='９').contains(&c))
            {
                3
            } else {
                1
            }
        })
        .collect();
    let mut best: Vec<usize> = weight.clone();
    let mut prev = vec![usize::MAX; n];
    for i in 0..n {
        for j in 0..i {
            let (rj, _, ej) = occ[j];
            let (ri, si, _) = occ[i];
            if rj < ri && ej <= si && best[j] + weight[i] > best[i] {
                best[i] = best[j] + weight[i];
                prev[i] = j;
            }
        }
    }
    let Some(mut i) = (0..n).max_by_key(|&i| (best[i], usize::MAX - occ[i].1)) else {
        return Vec::new();
    };
    let mut picked = Vec::new();
    loop {
        picked.push(occ[i]);
        if prev[i] == usize::MAX {
            break;
        }
        i = prev[i];
    }
    picked.reverse();
    picked
        .into_iter()
        .map(|(row, s, e)| {
            let start = compact.orig(s);
            let end = compact.orig_end(e);
            Hit {
                row,
                anchor_start: start,
                label_start: label_start(text, start, floor),
                label_end: end,
            }
        })
        .collect()
}

/// How alike two labels are, from 0 to 1: one minus the edit distance (in characters, after
/// folding) over the longer length.
pub fn similarity(a: &str, b: &str) -> f64 {
    let a: Vec<char> = fold_str(a).chars().collect();
    let b: Vec<char> = fold_str(b).chars().collect();
    let (n, m) = (a.len(), b.len());
    if n == 0 || m == 0 {
        return 0.0;
    }
    let mut prev: Vec<usize> = (0..=m).collect();
    let mut cur = vec![0; m + 1];
    for i in 1..=n {
        cur[0] = i;
        for j in 1..=m {
            let sub = prev[j - 1] + usize::from(a[i - 1] != b[j - 1]);
            cur[j] = sub.min(prev[j] + 1).min(cur[j - 1] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    1.0 - prev[m] as f64 / n.max(m) as f64
}

/// A label without its numbering ("二、", "（七）", "(3)", "3.", "3、").
fn strip_numbering(label: &str) -> &str {
    let l = label.trim();
    let mut it = l.char_indices();
    match it.next() {
        Some((_, '(' | '（')) => {
            if let Some((k, c)) = l
                .char_indices()
                .skip(1)
                .take(4)
                .find(|(_, c)| matches!(c, ')' | '）'))
            {
                return l[k + c.len_utf8()..].trim_start();
            }
            l
        }
        Some((_, c)) if template::CN_NUMERALS.contains(&c) || c.is_ascii_digit() => match it.next()
        {
            Some((k, d @ ('、' | '.' | '．'))) => l[k + d.len_utf8()..].trim_start(),
            _ => l,
        },
        _ => l,
    }
}

/// The template row (among `candidates`, indices into `specs`) that a label written
/// differently is a variant of: close to one of them and to no other ("二、上年转结…" is
/// 上年结转, "（七）合计" is （七）总计). Compared with and without the numbering.
fn variant_of(label: &str, specs: &[&RowSpec], candidates: &[usize]) -> Option<usize> {
    const CLOSE: f64 = 0.6;
    const APART: f64 = 0.15;
    let label = label.trim();
    if label.chars().count() < 2 || label.chars().count() > 80 {
        return None;
    }
    let bare = strip_numbering(label);
    let mut scored: Vec<(f64, usize)> = candidates
        .iter()
        .map(|&i| {
            let spec = specs[i];
            let full = similarity(label, &spec.full_label());
            let plain = if bare.is_empty() {
                0.0
            } else {
                similarity(bare, spec.label)
            };
            (full.max(plain), i)
        })
        .collect();
    scored.sort_by(|a, b| b.0.partial_cmp(&a.0).unwrap_or(std::cmp::Ordering::Equal));
    let (best, i) = *scored.first()?;
    let second = scored.get(1).map(|s| s.0).unwrap_or(0.0);
    (best >= CLOSE && best - second >= APART).then_some(i)
}

/// Is `at` inside brackets opened earlier in the same cell or line ("（指…行政许可以外…）")?
fn inside_brackets(text: &str, at: usize) -> bool {
    let start = crate::source::LineIndex::clamp(text, at.saturating_sub(300));
    let mut depth = 0i32;
    for c in text[start..at].chars().rev() {
        match c {
            '\n' | '|' | '\t' | '｜' => break,
            ')' | '）' | '﹚' => depth -= 1,
            '(' | '（' | '﹙' => {
                depth += 1;
                if depth > 0 {
                    return true;
                }
            }
            _ => {}
        }
    }
    false
}

/// Extend a label backwards from its anchor over the rest of its wording and its numbering
/// (`2.`, `（三）`, `四、`), so that the previous row's digits end where the label begins.
fn label_start(text: &str, anchor: usize, floor: usize) -> usize {
    let mut p = anchor;
    let labelish = |c: char, next: Option<char>| {
        is_han(c) && (c != '无' || next.is_some_and(is_han))
            || matches!(
                c,
                '“' | '”'
                    | '"'
                    | '\''
                    | '‘'
                    | '’'
                    | '、'
                    | '，'
                    | ','
                    | '（'
                    | '）'
                    | '('
                    | ')'
                    | '《'
                    | '》'
                    | '「'
                    | '」'
            )
    };
    while p > floor {
        let Some(c) = text[..p].chars().next_back() else {
            break;
        };
        if labelish(c, text[p..].chars().next()) {
            p -= c.len_utf8();
        } else {
            break;
        }
    }
    // A digit numbering: "2." "2．" "2、"
    let before = &text[floor..p];
    let digit_before = |s: &str| {
        s.chars()
            .next_back()
            .filter(|c| c.is_ascii_digit() || ('０'..='９').contains(c))
    };
    if text[p..].starts_with('、') {
        if let Some(d) = digit_before(before) {
            return p - d.len_utf8();
        }
    }
    for dot in ['.', '．'] {
        if let Some(b) = before.strip_suffix(dot) {
            if let Some(d) = digit_before(b) {
                return p - dot.len_utf8() - d.len_utf8();
            }
        }
    }
    p
}

/// Where the label's wording ends: where its numbers begin, within reason.
fn label_text_end(text: &str, hit: &Hit, material_start: usize) -> usize {
    let cap = crate::source::LineIndex::clamp(text, hit.label_end + 150);
    let end = material_start.clamp(hit.label_end, cap.max(hit.label_end));
    let t = text[hit.label_end..end]
        .trim_end_matches(|c: char| c.is_whitespace() || is_strong_sep(c) || c == '\u{3000}');
    // Stop at a line or cell break inside: the rest is another cell.
    let t = t.split(['\n', '\t', '|']).next().unwrap_or("");
    hit.label_end + t.len()
}

/// The label as shown to people: from the row's own numbering when the matched text also
/// holds the labels of row-spanning group cells before it.
fn display_label(found: &str, prefix: &str) -> String {
    let found = found.trim();
    let num: String = prefix
        .chars()
        .filter(|c| !matches!(c, '（' | '）' | '(' | ')' | '.' | '、'))
        .collect();
    let variants = [
        format!("（{num}）"),
        format!("({num})"),
        format!("{num}."),
        format!("{num}、"),
        format!("{num}．"),
    ];
    let at = variants
        .iter()
        .filter_map(|v| found.rfind(v.as_str()))
        .max();
    match at {
        Some(i) if !num.is_empty() => found[i..].trim().to_string(),
        _ => found.to_string(),
    }
}

/// The result of reading one row's values.
struct RowRead {
    cells: Vec<Cell>,
    candidates: Vec<Vec<f64>>,
    /// Non-empty pieces beyond the row's cells.
    leftovers: Vec<Piece>,
    problem: Option<RowProblem>,
}

enum RowProblem {
    Ambiguous(usize),
    Short(usize),
    /// Digits run together that no split makes consistent with the row's own totals: the
    /// digits, and whether the search looked at every split (so that no boundaries could make
    /// the row add up) or gave up.
    NoSplit {
        digits: String,
        proven: bool,
    },
}

fn cell_of(doc: &Document, text: &str, start: usize, end: usize) -> Cell {
    Cell {
        raw: text[start..end].to_string(),
        value: parse_value(&text[start..end]),
        span: Some(doc.source_span(Span::new(start, end))),
        grid: doc.grid_at(start),
    }
}

/// Cells separated by blank lines (`material`: where the material starts and ends; its
/// pieces): each gap of `k` newlines before a value, or after the last one, holds `k − 2`
/// empty cells. Only when every gap has a blank line in it and the count comes out at
/// exactly `n` cells.
fn blank_line_cells(
    doc: &Document,
    pieces: &[Piece],
    material: (usize, usize),
    n: usize,
) -> Option<Vec<Cell>> {
    let text = doc.text.as_str();
    let newlines = |a: usize, b: usize| text[a.min(b)..b].bytes().filter(|&c| c == b'\n').count();
    let mut gaps: Vec<(usize, usize)> = Vec::with_capacity(pieces.len() + 1);
    let mut at = material.0;
    for p in pieces {
        gaps.push((at, newlines(at, p.start)));
        at = p.end;
    }
    let trailing = newlines(at, material.1.max(at));
    if gaps.iter().any(|&(_, k)| k < 2) || pieces.len() >= n {
        return None;
    }
    let empties: usize =
        gaps.iter().map(|&(_, k)| k - 2).sum::<usize>() + trailing.saturating_sub(2);
    if pieces.len() + empties != n {
        return None;
    }
    let blank = |pos: usize| Cell {
        raw: String::new(),
        value: Value::Blank,
        span: Some(doc.source_span(Span::new(pos, pos))),
        grid: None,
    };
    let mut cells = Vec::with_capacity(n);
    for (p, &(gap_start, k)) in pieces.iter().zip(&gaps) {
        cells.extend((0..k - 2).map(|_| blank(gap_start)));
        cells.push(cell_of(doc, text, p.start, p.end));
    }
    cells.extend((0..trailing.saturating_sub(2)).map(|_| blank(at)));
    Some(cells)
}

/// Read `n` values from pieces of material (`material`: where it starts and ends).
fn read_row(
    doc: &Document,
    ps: &[Piece],
    cell_mode: bool,
    n: usize,
    constraint: &Constraint,
    material: (usize, usize),
) -> RowRead {
    let text = &doc.text;
    let nonempty: Vec<Piece> = ps.iter().filter(|p| p.end > p.start).cloned().collect();
    let take_blank = |list: &[Piece]| -> Vec<Cell> {
        list.iter()
            .map(|p| cell_of(doc, text, p.start, p.end))
            .collect()
    };
    let take = |list: &[Piece]| -> Vec<Cell> {
        list.iter()
            .take(n)
            .map(|p| cell_of(doc, text, p.start, p.end))
            .collect()
    };
    if nonempty.len() == n {
        // Every cell is filled: blank pieces around them are padding.
        return RowRead {
            cells: take(&nonempty),
            candidates: Vec::new(),
            leftovers: Vec::new(),
            problem: None,
        };
    }
    if cell_mode {
        // The line of the first value: pieces on earlier lines belong to the label's cells.
        if !ps.is_empty() {
            let fv = ps.iter().position(|p| p.end > p.start).unwrap_or(0);
            let line_start = (0..=fv).rev().find(|&i| ps[i].new_line).unwrap_or(0);
            let line: Vec<Piece> = ps[line_start..]
                .iter()
                .enumerate()
                .take_while(|(i, p)| *i == 0 || !p.new_line)
                .map(|(_, p)| p.clone())
                .collect();
            if line.len() >= n
                && (nonempty.len() <= n || line[..n].iter().any(|p| p.end == p.start))
            {
                let used_end = line[n - 1].end;
                return RowRead {
                    cells: take(&line),
                    candidates: Vec::new(),
                    leftovers: nonempty
                        .into_iter()
                        .filter(|p| p.start > used_end)
                        .collect(),
                    problem: None,
                };
            }
        }
    }
    if nonempty.len() >= n {
        return RowRead {
            cells: take(&nonempty),
            candidates: Vec::new(),
            leftovers: nonempty[n..].to_vec(),
            problem: None,
        };
    }
    // Cells separated by pipes, every one of them empty ("…情形) |" then a lone "|" per
    // cell): a row of blank cells, counted by their separators.
    let leading_empty = ps.iter().take_while(|p| p.end == p.start).count();
    if cell_mode
        && leading_empty >= n
        && ps[leading_empty..]
            .iter()
            .all(|p| value_run_at(text, p.start).is_none())
    {
        return RowRead {
            cells: take_blank(&ps[..n]),
            candidates: Vec::new(),
            leftovers: Vec::new(),
            problem: None,
        };
    }
    // Cells on lines of their own with a blank line between them: an empty cell is one more
    // blank line, so the newlines between values count the empty cells (wild 036: a label, eight
    // newlines and " 0" is six empty cells and 0).
    if !cell_mode && !nonempty.is_empty() {
        if let Some(cells) = blank_line_cells(doc, &nonempty, material, n) {
            return RowRead {
                cells,
                candidates: Vec::new(),
                leftovers: Vec::new(),
                problem: None,
            };
        }
    }
    if nonempty.is_empty() {
        return RowRead {
            cells: Vec::new(),
            candidates: Vec::new(),
            leftovers: Vec::new(),
            problem: Some(RowProblem::Short(0)),
        };
    }
    // Fewer pieces than cells: glued digits? The last piece may end in decimals and a unit
    // ("13575394432.52元"); these belong to the last cell.
    // (Invisible characters inside a run, U+200B and the like, are not part of it.)
    let is_digit = |c: char| {
        c.is_ascii_digit() || ('０'..='９').contains(&c) || super::values::is_invisible(c)
    };
    let last = &nonempty[nonempty.len() - 1];
    let last_text = &text[last.start..last.end];
    let int_len = last_text
        .find(|c: char| !is_digit(c))
        .unwrap_or(last_text.len());
    let suffix = &last_text[int_len..];
    let suffix_ok =
        suffix.is_empty() || (parse_value(&format!("0{suffix}")).number().is_some() && int_len > 0);
    let digits_only = suffix_ok
        && nonempty[..nonempty.len() - 1]
            .iter()
            .all(|p| text[p.start..p.end].chars().all(is_digit));
    if digits_only {
        let mut tokens: Vec<String> = nonempty
            .iter()
            .map(|p| {
                text[p.start..p.end]
                    .chars()
                    .filter(|c| !super::values::is_invisible(*c))
                    .map(super::values::fold_num)
                    .collect()
            })
            .collect();
        if let Some(t) = tokens.last_mut() {
            t.truncate(t.find(|c: char| !c.is_ascii_digit()).unwrap_or(t.len()));
        }
        let refs: Vec<&str> = tokens.iter().map(String::as_str).collect();
        let (cands, finished) = split(&refs, n, constraint);
        let digit_count: usize = tokens.iter().map(String::len).sum();
        let frac = match parse_value(&format!("0{suffix}")) {
            Value::Number { value, .. } if !suffix.is_empty() => value,
            _ => 0.0,
        };
        let cands: Vec<Vec<f64>> = cands
            .into_iter()
            .map(|c| {
                let mut v: Vec<f64> = c.iter().map(|&x| x as f64).collect();
                if let Some(l) = v.last_mut() {
                    *l += frac;
                }
                v
            })
            .collect();
        if !cands.is_empty() {
            // Where each part of the first candidate lies, to give cells their spans: walk the
            // digits (full-width ones are three bytes) piece by piece.
            let digit_offsets: Vec<Vec<usize>> = nonempty
                .iter()
                .map(|p| {
                    text[p.start..p.end]
                        .char_indices()
                        .filter(|(_, c)| !super::values::is_invisible(*c))
                        .map(|(k, _)| p.start + k)
                        .chain([p.end])
                        .collect()
                })
                .collect();
            let mut spans = Vec::with_capacity(n);
            let first = &cands[0];
            let (mut tok, mut off) = (0usize, 0usize);
            for (k, v) in first.iter().enumerate() {
                let len = if k + 1 == n {
                    tokens.last().map(String::len).unwrap_or(1)
                } else {
                    (v.trunc() as u64).to_string().len()
                };
                while tok + 1 < nonempty.len() && off >= tokens[tok].len() {
                    tok += 1;
                    off = 0;
                }
                let offs = &digit_offsets[tok];
                let s = offs[off.min(offs.len() - 1)];
                let e = if k + 1 == n {
                    nonempty[tok].end
                } else {
                    offs[(off + len).min(offs.len() - 1)]
                };
                spans.push((s, e.max(s)));
                off += len;
            }
            let cells: Vec<Cell> = (0..n)
                .map(|i| {
                    let (s, e) = spans[i];
                    let vals: Vec<f64> = {
                        let mut v: Vec<f64> = cands.iter().map(|c| c[i]).collect();
                        v.sort_by(|a, b| a.partial_cmp(b).unwrap_or(std::cmp::Ordering::Equal));
                        v.dedup();
                        v
                    };
                    let value = if vals.len() == 1 {
                        Value::Number {
                            value: vals[0],
                            signed: false,
                            unit: None,
                        }
                    } else {
                        Value::Ambiguous { candidates: vals }
                    };
                    Cell {
                        raw: text[s..e].to_string(),
                        value,
                        span: Some(doc.source_span(Span::new(s, e))),
                        grid: doc.grid_at(s),
                    }
                })
                .collect();
            let problem = (cands.len() > 1).then_some(RowProblem::Ambiguous(cands.len()));
            let candidates = if cands.len() > 1 {
                cands.clone()
            } else {
                Vec::new()
            };
            return RowRead {
                cells,
                candidates,
                leftovers: Vec::new(),
                problem,
            };
        }
        if digit_count >= n && *constraint != Constraint::None {
            // No boundaries make the row consistent: its cells have no values (nothing may sum
            // them), and the finding shows the digits.
            return RowRead {
                cells: Vec::new(),
                candidates: Vec::new(),
                leftovers: Vec::new(),
                problem: Some(RowProblem::NoSplit {
                    digits: tokens.join(" "),
                    proven: finished,
                }),
            };
        }
    }
    RowRead {
        cells: take(&nonempty),
        candidates: Vec::new(),
        leftovers: Vec::new(),
        problem: Some(RowProblem::Short(nonempty.len())),
    }
}

/// Values left over on a row that are too few to be another row: an added column.
fn extra_values(text: &str, leftovers: &[Piece], n: usize) -> Vec<String> {
    if leftovers.is_empty() || leftovers.len() % n == 0 {
        return Vec::new();
    }
    leftovers[leftovers.len() - leftovers.len() % n..]
        .iter()
        .map(|p| text[p.start..p.end].to_string())
        .collect()
}

fn pad(mut cells: Vec<Cell>, n: usize) -> Vec<Cell> {
    cells.truncate(n);
    while cells.len() < n {
        cells.push(Cell::missing());
    }
    cells
}

/// Report what went wrong reading a row, and any unreadable cells.
fn report_row(
    ctx: &mut Ctx,
    table: TableId,
    key: &str,
    label: &str,
    read: &RowRead,
    n: usize,
    span: Span,
) {
    let (zh_t, en_t) = (table.zh(), table.en());
    match read.problem {
        Some(RowProblem::Ambiguous(k)) => {
            // Table 二's rows have no total to split by; tables 三 and 四 have.
            let (zh, en) = if table == TableId::Active {
                (
                    format!("{zh_t}“{label}”一行的数字连在一起，可按{k}种方式拆分，无法确定各格数值"),
                    format!("{en_t}, row “{label}”: the digits are run together and can be split {k} ways; the cells cannot be told apart"),
                )
            } else {
                (
                    format!("{zh_t}“{label}”一行的数字连在一起，有{k}种拆分都符合本行合计，无法确定各格数值"),
                    format!("{en_t}, row “{label}”: the digits are run together and {k} ways of splitting them fit the row's own total; the cells cannot be told apart"),
                )
            };
            let alts: Vec<String> = read
                .candidates
                .iter()
                .take(6)
                .map(|c| {
                    c.iter()
                        .map(|v| v.to_string())
                        .collect::<Vec<_>>()
                        .join(" | ")
                })
                .collect();
            let mut d = Diagnostic::new(
                P_AMBIGUOUS_SPLIT.0,
                P_AMBIGUOUS_SPLIT.1,
                Severity::Warning,
                Msg::new(zh, en),
            )
            .review()
            .at(Some(ctx.doc.source_span(span)))
            .note(Msg::new(
                format!("可能的拆分：{}", alts.join("；")),
                format!("possible splits: {}", alts.join("; ")),
            ));
            d.cell = read
                .cells
                .iter()
                .position(|c| matches!(c.value, Value::Ambiguous { .. }))
                .map(|i| CellRef::new(table, key, i));
            ctx.findings.push(d);
        }
        Some(RowProblem::NoSplit {
            ref digits,
            proven: true,
        }) => {
            // Whatever the boundaries, the row does not add up: an error of the report, at
            // this row, with the digits shown (never a guess at which cell is wrong).
            let shown = crate::diagnostic::quote(digits);
            let (zh, en) = if table == TableId::ReviewLitigation {
                (
                    format!("{zh_t}的数字连在一起（{}），无论怎样拆分，各组的结果维持、结果纠正、其他结果、尚未审结之和都不等于其总计：表四的数字有误", shown.zh),
                    format!("{en_t}: the digits are run together ({}) and however they are split, the four results of a group never add up to its total: the numbers of table 4 are wrong", shown.en),
                )
            } else {
                (
                    format!("{zh_t}“{label}”一行的数字连在一起（{}），无论怎样拆分，六类申请人之和都不等于总计：这一行的数字有误", shown.zh),
                    format!("{en_t}, row “{label}”: the digits are run together ({}) and however they are split, the six applicant columns never add up to the total: the row's numbers are wrong", shown.en),
                )
            };
            let mut d = Diagnostic::new(P_GLUED_INCONSISTENT.0, P_GLUED_INCONSISTENT.1, Severity::Error, Msg::new(zh, en))
                .at(Some(ctx.doc.source_span(span)))
                .note(Msg::new(
                    "各格数值无法确定，未读出；请核对这一行的原始数字",
                    "the cells cannot be told apart and were not read; check this row's figures in the original",
                ));
            d.cell = Some(CellRef::new(table, key, n - 1));
            ctx.findings.push(d);
        }
        Some(RowProblem::NoSplit { proven: false, .. }) => {
            let zh = format!(
                "{zh_t}“{label}”一行的数字连在一起，找不到符合本行合计的拆分，无法读出各格数值"
            );
            let en = format!("{en_t}, row “{label}”: the digits are run together and no split fits the row's own total; the cells could not be read");
            ctx.finding(
                P_ROW_SHORT,
                Severity::Warning,
                Msg::new(zh, en),
                Some(span),
                Some(CellRef::new(table, key, 0)),
            );
        }
        Some(RowProblem::Short(found)) => {
            let zh = format!("{zh_t}“{label}”一行应有{n}个数值，只找到{found}个");
            let en = format!("{en_t}, row “{label}”: {n} values expected, {found} found");
            ctx.finding(
                P_ROW_SHORT,
                Severity::Warning,
                Msg::new(zh, en),
                Some(span),
                Some(CellRef::new(table, key, found.min(n - 1))),
            );
        }
        None => {}
    }
    for (i, c) in read.cells.iter().enumerate().take(n) {
        if let Value::Unreadable { text } = &c.value {
            // A run of digits too long for a count (more than 15 digits cannot be held exactly)
            // is said to be that, not "not a number".
            let digits = text.chars().filter(char::is_ascii_digit).count();
            let too_long = digits > 15
                && text
                    .chars()
                    .all(|ch| ch.is_ascii_digit() || ",.+-".contains(ch));
            let q = crate::diagnostic::quote(text);
            let (zh, en) = if too_long {
                (
                    format!("{zh_t}“{label}”第{}列{}有{digits}位数字，超出可准确读取的范围（15位），不可能是件数", i + 1, q.zh),
                    format!("{en_t}, row “{label}”, column {}: {} has {digits} digits, more than can be read exactly (15); it cannot be a count", i + 1, q.en),
                )
            } else {
                (
                    format!("{zh_t}“{label}”第{}列{}不是数字", i + 1, q.zh),
                    format!(
                        "{en_t}, row “{label}”, column {}: {} is not a number",
                        i + 1,
                        q.en
                    ),
                )
            };
            let mut d = Diagnostic::new(
                P_UNREADABLE.0,
                P_UNREADABLE.1,
                Severity::Error,
                Msg::new(zh, en),
            )
            .at(c.span);
            d.cell = Some(CellRef::new(table, key, i));
            ctx.findings.push(d);
        }
    }
}

/// The first place in `span` where any of these markers (folded) occurs, searching the
/// document's compact view.
pub fn find_marker(c: &Compact, span: Span, markers: &[&str]) -> Option<usize> {
    let (a, b) = (c.at_orig(span.start), c.at_orig(span.end).min(c.text.len()));
    let hay = c.text.get(a..b)?;
    markers
        .iter()
        .filter_map(|m| hay.find(&fold_str(m)).map(|i| c.orig(a + i)))
        .min()
}

/// The template row whose label anchors a row label names (the longest anchor found; none for
/// a subtotal, which only its group's items make).
fn anchored_row(label: &str, anchors: &[Vec<String>]) -> Option<usize> {
    let folded = fold_str(label);
    if folded.contains("小计") || folded.contains("合计") {
        return None;
    }
    anchors
        .iter()
        .enumerate()
        .filter_map(|(i, list)| {
            list.iter()
                .filter(|a| folded.contains(a.as_str()))
                .map(|a| a.len())
                .max()
                .map(|len| (len, i))
        })
        .max()
        .map(|(_, i)| i)
}

/// A labelled row whose label names a template row by its anchors, found where the chain of
/// rows in template order did not take it: a row out of its template place is read as that row
/// (with a notice); a row whose template row is read elsewhere too is a repeat, settled once
/// every row is read (`repeats`). Gives the row back when its label names no template row.
#[allow(clippy::too_many_arguments)]
fn place_named_row(
    ctx: &mut Ctx,
    specs: &[&RowSpec],
    anchors: &[Vec<String>],
    hit_rows: &[usize],
    read_rows: &mut Vec<(usize, Row)>,
    shapes: &mut Vec<Option<bool>>,
    repeats: &mut Vec<(usize, String, Span, RowRead)>,
    label: &str,
    lspan: Span,
    r: RowRead,
    n: usize,
) -> Result<(), RowRead> {
    let Some(i) = anchored_row(label, anchors) else {
        return Err(r);
    };
    if hit_rows.contains(&i) || read_rows.iter().any(|(k, _)| *k == i) {
        repeats.push((i, label.to_string(), lspan, r));
        return Ok(());
    }
    let spec = specs[i];
    let notice = Msg::new(
        format!("表三“{label}”一行不在模板的位置上，已按其行名读作“{}”", spec.full_label()),
        format!("table 3: the row “{label}” is not where the template puts it; it was read by its label as row “{}”", spec.full_label()),
    );
    read_as_row(
        ctx,
        read_rows,
        shapes,
        (i, spec),
        label,
        lspan,
        r,
        n,
        (P_ROW_OUT_OF_ORDER, notice),
    );
    Ok(())
}

/// Read a labelled row as template row `i`, with the notice that says why.
#[allow(clippy::too_many_arguments)]
fn read_as_row(
    ctx: &mut Ctx,
    read_rows: &mut Vec<(usize, Row)>,
    shapes: &mut Vec<Option<bool>>,
    (i, spec): (usize, &RowSpec),
    label: &str,
    lspan: Span,
    r: RowRead,
    n: usize,
    (code, notice): ((&'static str, &'static str), Msg),
) {
    ctx.finding(
        code,
        Severity::Notice,
        notice,
        Some(lspan),
        Some(CellRef::new(TableId::Requests, spec.key, 0)),
    );
    shapes.push(row_shape(&r, n));
    read_rows.push((
        i,
        Row {
            key: spec.key.to_string(),
            label: label.to_string(),
            label_span: Some(ctx.doc.source_span(lspan)),
            cells: pad(r.cells, n),
            candidates: r.candidates,
            extra_values: Vec::new(),
        },
    ));
}

/// Read a labelled row whose label no anchor matched as the template row it is a variant of
/// (among `candidates`), with a notice that names the label as written; or give it back.
#[allow(clippy::too_many_arguments)]
fn take_variant(
    ctx: &mut Ctx,
    specs: &[&RowSpec],
    read_rows: &mut Vec<(usize, Row)>,
    shapes: &mut Vec<Option<bool>>,
    label: &str,
    lspan: Span,
    r: RowRead,
    candidates: &[usize],
    n: usize,
) -> Result<(), RowRead> {
    let open: Vec<usize> = candidates
        .iter()
        .copied()
        .filter(|i| !read_rows.iter().any(|(k, _)| k == i))
        .collect();
    let Some(i) = variant_of(label, specs, &open) else {
        return Err(r);
    };
    let spec = specs[i];
    let notice = Msg::new(
        format!(
            "表三的行名“{label}”与模板不同，按“{}”一行读取",
            spec.full_label()
        ),
        format!(
            "table 3: the row label “{label}” differs from the template; it was read as row “{}”",
            spec.full_label()
        ),
    );
    read_as_row(
        ctx,
        read_rows,
        shapes,
        (i, spec),
        label,
        lspan,
        r,
        n,
        (P_LABEL_VARIANT, notice),
    );
    Ok(())
}

/// The label of a row found after `pos`: the last cell of the text before its numbers.
fn row_label_before(between: &str) -> String {
    between
        .split(['\t', '|', '\n'])
        .map(str::trim)
        .rfind(|t| !t.is_empty())
        .unwrap_or(between)
        .to_string()
}

/// Read table 三 from its region.
pub fn requests(ctx: &mut Ctx, region: Span, format: Format) -> Option<RequestTable> {
    let text = ctx.doc.text.as_str();
    let compact = Compact::new(text, region);
    let specs: Vec<&RowSpec> = template::request_rows(format).collect();
    let anchors: Vec<Vec<String>> = specs
        .iter()
        .map(|r| r.anchors.iter().map(|a| fold_str(a)).collect())
        .collect();
    let hits = chain(&compact, text, &anchors, region.start);
    // A table needs more than a stray word or two: three rows, or — a table cut short or
    // pasted in part — its header before the rows and a row read in full (checked below).
    let header_first = hits
        .first()
        .and_then(|h| {
            find_marker(
                &compact,
                Span::new(region.start, h.label_start),
                &["勾稽关系", "申请人情况"],
            )
        })
        .is_some();
    if hits.len() < 3 && (!header_first || hits.is_empty()) {
        return None;
    }
    let n = 7;
    let constraint = Constraint::GroupTotals(vec![7]);
    let mut table = RequestTable {
        rows: Vec::new(),
        extra_rows: Vec::new(),
        span: None,
    };
    // Extra rows past the first MAX_EXTRA_ROW_NOTICES get one notice between them, not one each.
    let mut unnoticed: (usize, Option<Span>) = (0, None);
    // (after hit index, values) for groups that no label claims
    let mut orphans: Vec<(usize, RowRead, Span)> = Vec::new();
    let mut read_rows: Vec<(usize, Row)> = Vec::new(); // (template index, row)
    let mut shapes = Vec::new();
    let findings_before = ctx.findings.len();
    // Rows whose label heads the report's own sub-items instead of numbers.
    let mut group_labels: Vec<&str> = Vec::new();
    let mut empty_rows: Vec<Diagnostic> = Vec::new();
    let hit_rows: Vec<usize> = hits.iter().map(|h| h.row).collect();
    // Rows whose template row is read elsewhere too: settled when every row is read.
    let mut repeats: Vec<(usize, String, Span, RowRead)> = Vec::new();
    // Before the first label found: rows whose labels are written differently from the
    // template ("一、本年新受…").
    if let Some(first) = hits.first() {
        let limit = first.label_start;
        let candidates: Vec<usize> = (0..first.row).collect();
        let mut pos = region.start;
        while pos < limit {
            let (s, e) = material_after_label(text, pos, limit);
            if e <= s || s >= limit {
                break;
            }
            let between =
                text[pos..s].trim_matches(|c: char| c.is_whitespace() || is_strong_sep(c));
            let (gps, gcell) = pieces(text, s, e);
            let r = read_row(ctx.doc, &gps, gcell, n, &constraint, (s, e));
            let full = r
                .cells
                .iter()
                .filter(|c| !matches!(c.value, Value::Missing))
                .count()
                == n
                && r.problem.is_none();
            if full && between.chars().any(is_han) {
                let label = row_label_before(between);
                let at = pos + text[pos..s].rfind(label.as_str()).unwrap_or(0);
                let lspan = Span::new(at, at + label.len());
                if let Err(r) = place_named_row(
                    ctx,
                    &specs,
                    &anchors,
                    &hit_rows,
                    &mut read_rows,
                    &mut shapes,
                    &mut repeats,
                    &label,
                    lspan,
                    r,
                    n,
                ) {
                    let _ = take_variant(
                        ctx,
                        &specs,
                        &mut read_rows,
                        &mut shapes,
                        &label,
                        lspan,
                        r,
                        &candidates,
                        n,
                    );
                }
            }
            pos = e.max(s + 1);
            while pos < text.len() && !text.is_char_boundary(pos) {
                pos += 1;
            }
        }
    }
    for (h, hit) in hits.iter().enumerate() {
        let limit = hits.get(h + 1).map(|x| x.label_start).unwrap_or(region.end);
        let spec = specs[hit.row];
        let (ms, me) = material_end(text, hit.label_end, limit);
        let label = display_label(
            &text[hit.label_start..label_text_end(text, hit, ms)],
            spec.prefix,
        );
        let (ps, cell_mode) = pieces(text, ms, me);
        let read = read_row(ctx.doc, &ps, cell_mode, n, &constraint, (ms, me));
        let extras_before = table.extra_rows.len();
        let row_span = Span::new(hit.label_start, me.max(hit.label_end));
        shapes.push(row_shape(&read, n));
        let mut row_findings = Vec::new();
        {
            let mut sub = Ctx {
                doc: ctx.doc,
                findings: &mut row_findings,
            };
            report_row(
                &mut sub,
                TableId::Requests,
                spec.key,
                &label,
                &read,
                n,
                row_span,
            );
        }
        // Leftover groups of exactly n values: rows whose labels are elsewhere.
        let mut left = read.leftovers.clone();
        while left.len() >= n {
            let group: Vec<Piece> = left.drain(..n).collect();
            let r = read_row(
                ctx.doc,
                &group,
                false,
                n,
                &constraint,
                (group[0].start, group[n - 1].end),
            );
            orphans.push((h, r, Span::new(group[0].start, group[n - 1].end)));
        }
        // After the material: extra labelled rows, or more orphan groups, up to the next label.
        let mut pos = me.max(hit.label_end);
        while pos < limit {
            let (s, e) = material_after_label(text, pos, limit);
            if e <= s || s >= limit {
                break;
            }
            let between =
                text[pos..s].trim_matches(|c: char| c.is_whitespace() || is_strong_sep(c));
            let (gps, gcell) = pieces(text, s, e);
            let r = read_row(ctx.doc, &gps, gcell, n, &constraint, (s, e));
            let folded = fold_str(between);
            let is_group_label = folded.is_empty()
                || template::REQUEST_GROUP_LABELS.iter().any(|g| {
                    folded.contains(&fold_str(g)) && folded.len() <= fold_str(g).len() + 12
                })
                || !folded.chars().any(is_han);
            if r.cells
                .iter()
                .filter(|c| !matches!(c.value, Value::Missing))
                .count()
                == n
                && r.problem.is_none()
            {
                if is_group_label {
                    orphans.push((h, r, Span::new(s, e)));
                } else {
                    let label_text = row_label_before(between);
                    let lspan = Span::new(pos, s);
                    // A template row out of its place, or repeated; else one written
                    // differently, in its place between the rows found.
                    let next_row = hits.get(h + 1).map(|x| x.row).unwrap_or(specs.len());
                    let candidates: Vec<usize> = (hit.row + 1..next_row).collect();
                    let placed = place_named_row(
                        ctx,
                        &specs,
                        &anchors,
                        &hit_rows,
                        &mut read_rows,
                        &mut shapes,
                        &mut repeats,
                        &label_text,
                        lspan,
                        r,
                        n,
                    )
                    .or_else(|r| {
                        take_variant(
                            ctx,
                            &specs,
                            &mut read_rows,
                            &mut shapes,
                            &label_text,
                            lspan,
                            r,
                            &candidates,
                            n,
                        )
                    });
                    let Err(r) = placed else {
                        pos = e.max(s + 1);
                        while pos < text.len() && !text.is_char_boundary(pos) {
                            pos += 1;
                        }
                        continue;
                    };
                    if table.extra_rows.len() < MAX_EXTRA_ROW_NOTICES {
                        ctx.finding(
                            P_EXTRA_ROW,
                            Severity::Notice,
                            Msg::new(
                                format!("表三有模板之外的一行“{label_text}”，已单独读取"),
                                format!("table 3 has a row that is not in the template, “{label_text}”; it was read as an extra row"),
                            ),
                            Some(lspan),
                            None,
                        );
                    } else {
                        unnoticed.0 += 1;
                        unnoticed.1.get_or_insert(lspan);
                    }
                    table.extra_rows.push(ExtraRow {
                        label: label_text.clone(),
                        group: spec.group,
                        after: Some(spec.key.to_string()),
                        row: Row {
                            key: String::new(),
                            label: label_text,
                            label_span: Some(ctx.doc.source_span(lspan)),
                            cells: pad(r.cells, n),
                            candidates: r.candidates,
                            extra_values: Vec::new(),
                        },
                    });
                }
            }
            pos = e.max(s + 1);
            // Stay on a char boundary.
            while pos < text.len() && !text.is_char_boundary(pos) {
                pos += 1;
            }
        }
        // A row label with no numbers of its own, followed by the report's own sub-items
        // (customs' extra 其他处理 items): a group label, not a row.
        if matches!(read.problem, Some(RowProblem::Short(0)))
            && table.extra_rows.len() > extras_before
        {
            for e in &mut table.extra_rows[extras_before..] {
                e.after = Some(spec.key.to_string());
                e.group = spec.group;
            }
            group_labels.push(spec.key);
            continue;
        }
        if matches!(read.problem, Some(RowProblem::Short(0))) {
            // A row with no numbers is worth saying only if the table has numbers elsewhere
            // (a table without any is one finding, P-5, or lies beyond a cut).
            empty_rows.extend(row_findings);
        } else {
            ctx.findings.extend(row_findings);
        }
        let row = Row {
            key: spec.key.to_string(),
            label,
            label_span: Some(
                ctx.doc
                    .source_span(Span::new(hit.label_start, hit.label_end)),
            ),
            extra_values: extra_values(text, &read.leftovers, n),
            cells: pad(read.cells, n),
            candidates: read.candidates,
        };
        read_rows.push((hit.row, row));
    }
    // Fill: orphan groups after hit h go to the template rows missing between hit h and h+1.
    let mut by_gap: std::collections::BTreeMap<usize, Vec<(RowRead, Span)>> = Default::default();
    for (h, r, s) in orphans {
        by_gap.entry(h).or_default().push((r, s));
    }
    for (h, groups) in by_gap {
        let lo = hits[h].row + 1;
        let hi = hits.get(h + 1).map(|x| x.row).unwrap_or(specs.len());
        let missing: Vec<usize> = (lo..hi)
            .filter(|i| !read_rows.iter().any(|(r, _)| r == i))
            .collect();
        if missing.len() == groups.len() {
            for (i, (r, s)) in missing.into_iter().zip(groups) {
                let spec = specs[i];
                ctx.finding(
                    P_SCRAMBLED,
                    Severity::Notice,
                    Msg::new(
                        format!("表三“{}”一行的数字前没有行名（常见于PDF转出的文字），按模板顺序归入此行", spec.full_label()),
                        format!("table 3: the numbers of row “{}” carry no label in the text (common in PDF text); they were placed by template order", spec.full_label()),
                    ),
                    Some(s),
                    Some(CellRef::new(TableId::Requests, spec.key, 0)),
                );
                read_rows.push((
                    i,
                    Row {
                        key: spec.key.to_string(),
                        label: spec.full_label(),
                        label_span: None,
                        cells: pad(r.cells, n),
                        candidates: r.candidates,
                        extra_values: Vec::new(),
                    },
                ));
            }
        } else {
            let s = groups[0].1;
            ctx.finding(
                P_SCRAMBLED,
                Severity::Warning,
                Msg::new(
                    format!("表三有{}组数字没有行名，无法确定属于哪一行", groups.len()),
                    format!("table 3 has {} groups of numbers with no row label; they could not be placed", groups.len()),
                ),
                Some(s),
                None,
            );
        }
    }
    if !is_table(&shapes) || hits.len() < 3 && !shapes.contains(&Some(true)) {
        ctx.findings.truncate(findings_before);
        return None;
    }
    if read_rows
        .iter()
        .any(|(_, r)| r.cells.iter().any(|c| c.number().is_some()))
    {
        ctx.findings.extend(empty_rows);
    }
    // Rows that appear twice: counted once; two different sets of numbers are said.
    for (i, label, lspan, r) in repeats {
        let spec = specs[i];
        let Some((_, kept)) = read_rows.iter().find(|(k, _)| *k == i) else {
            let mut place = Vec::new();
            let _ = place_named_row(
                ctx,
                &specs,
                &anchors,
                &[],
                &mut read_rows,
                &mut shapes,
                &mut place,
                &label,
                lspan,
                r,
                n,
            );
            continue;
        };
        let show = |cells: &[Cell]| {
            cells
                .iter()
                .map(|c| {
                    if c.raw.trim().is_empty() {
                        "空".to_string()
                    } else {
                        c.raw.trim().to_string()
                    }
                })
                .collect::<Vec<_>>()
                .join(" | ")
        };
        let same = kept.cells.len() == r.cells.len()
            && kept
                .cells
                .iter()
                .zip(&r.cells)
                .all(|(a, b)| a.value == b.value);
        let mut d = if same {
            Diagnostic::new(
                P_ROW_REPEATED.0,
                P_ROW_REPEATED.1,
                Severity::Notice,
                Msg::new(
                    format!("表三“{label}”一行出现了两次，数值相同，只计一次"),
                    format!("table 3: the row “{label}” appears twice with the same numbers; it is counted once"),
                ),
            )
        } else {
            Diagnostic::new(
                P_ROW_REPEATED.0,
                P_ROW_REPEATED.1,
                Severity::Warning,
                Msg::new(
                    format!("表三“{label}”一行出现了两次，数值不同：按模板位置上的一行（{}）读取，另一行（{}）未计入，请核对", show(&kept.cells), show(&r.cells)),
                    format!("table 3: the row “{label}” appears twice with different numbers: the one in the template's place ({}) was read, the other ({}) was left out; check which is right", show(&kept.cells), show(&r.cells)),
                ),
            )
            .review()
        };
        d = d.at(Some(ctx.doc.source_span(lspan)));
        d.cell = Some(CellRef::new(TableId::Requests, spec.key, 0));
        ctx.findings.push(d);
    }
    read_rows.sort_by_key(|(i, _)| *i);
    let first = hits.first().map(|h| h.label_start).unwrap_or(region.start);
    let last = read_rows
        .iter()
        .filter_map(|(_, r)| r.cells.iter().filter_map(|c| c.span).map(|s| s.end).max())
        .max();
    // From the first label to the last cell, in the source (cell spans already are).
    let start = ctx.doc.source_span(Span::new(first, first));
    table.span = Some(Span::new(
        start.start,
        last.unwrap_or(start.end).max(start.end),
    ));
    table.rows = read_rows.into_iter().map(|(_, r)| r).collect();
    // Report template rows the table lacks.
    let missing: Vec<&str> = specs
        .iter()
        .filter(|s| table.row(s.key).is_none() && !group_labels.contains(&s.key))
        .map(|s| s.key)
        .collect();
    if !missing.is_empty() {
        let labels: Vec<String> = missing
            .iter()
            .filter_map(|k| template::request_row(k))
            .map(|s| s.full_label())
            .collect();
        ctx.finding(
            P_ROW_NOT_FOUND,
            Severity::Warning,
            Msg::new(
                format!("表三缺少{}行：{}", labels.len(), labels.join("、")),
                format!(
                    "table 3 lacks {} row(s): {}",
                    labels.len(),
                    missing.join(", ")
                ),
            ),
            Some(Span::new(first, first)),
            None,
        );
    }
    if let (n, Some(at)) = unnoticed {
        ctx.finding(
            P_EXTRA_ROW,
            Severity::Notice,
            Msg::new(
                format!("表三另有{n}行模板之外的行，也已单独读取（只逐一提示前{MAX_EXTRA_ROW_NOTICES}行）"),
                format!("table 3 has {n} more rows that are not in the template, also read as extra rows (only the first {MAX_EXTRA_ROW_NOTICES} are named one by one)"),
            ),
            Some(at),
            None,
        );
    }
    // A report's own rows are named by their place among them, so that a finding's cell
    // (`extra:0`, …) names one; `tables.requests.extraRows[i].key` says the same.
    for (i, e) in table.extra_rows.iter_mut().enumerate() {
        e.row.key = format!("extra:{i}");
    }
    Some(table)
}

/// Read table 四 from its region: the fifteen numbers after its header.
pub fn review(ctx: &mut Ctx, region: Span) -> Option<ReviewTable> {
    let text = ctx.doc.text.as_str();
    let compact = Compact::new(text, region);
    let words: Vec<String> = template::REVIEW_HEADER_WORDS
        .iter()
        .map(|w| fold_str(w))
        .collect();
    // Header words, with spaced-out variants folded away ("结 果 维 持").
    let mut header: Vec<(usize, usize)> = Vec::new();
    for w in &words {
        for p in compact.find_all(w, 64) {
            header.push((p, p + w.len()));
        }
    }
    // The template's short forms in Word exports ("结 果 持", "尚 未 结").
    for w in ["维持", "纠正", "审结", "其他结果", "未结"] {
        for p in compact.find_all(w, 64) {
            header.push((p, p + w.len()));
        }
    }
    // A table 四 header has most of its words; a narrative that mentions 复议 has not.
    let distinct = words
        .iter()
        .filter(|w| compact.text.contains(w.as_str()))
        .count();
    if header.is_empty() || distinct < 5 {
        return None;
    }
    header.sort();
    let first = compact.orig(header[0].0);
    let last_end = compact.orig_end(header.iter().map(|h| h.1).max().unwrap_or(0));
    let (ms, me) = material_end(text, last_end, region.end);
    let (ps, cell_mode) = pieces(text, ms, me);
    let n = 15;
    let read = read_row(
        ctx.doc,
        &ps,
        cell_mode,
        n,
        &Constraint::GroupTotals(vec![5, 5, 5]),
        (ms, me),
    );
    let filled = read
        .cells
        .iter()
        .filter(|c| !matches!(c.value, Value::Missing))
        .count();
    // Numbers between the header words: the table's text is out of order.
    let interleaved = {
        let span = &compact.text[header[0].1.min(compact.text.len())
            ..header
                .iter()
                .map(|h| h.0)
                .max()
                .unwrap_or(0)
                .max(header[0].1)
                .min(compact.text.len())];
        span.chars().any(|c| c.is_ascii_digit())
    };
    let span = Span::new(first, me.max(last_end));
    if interleaved && (filled < n || read.problem.is_some()) {
        ctx.finding(
            P_SCRAMBLED,
            Severity::Warning,
            Msg::new(
                "表四的数字与表头文字交错（常见于PDF转出的文字），无法可靠地读出15个数值，未作检查",
                "table 4's numbers are interleaved with its header words (common in PDF text); its 15 values could not be read reliably and were not checked",
            ),
            Some(span),
            None,
        );
        let row = Row {
            key: "values".into(),
            label: "行政复议、行政诉讼".into(),
            label_span: None,
            cells: pad(Vec::new(), n),
            candidates: Vec::new(),
            extra_values: Vec::new(),
        };
        return Some(ReviewTable {
            row,
            span: Some(ctx.doc.source_span(span)),
            scrambled: true,
        });
    }
    // Numbers after header words in running text are not a table — unless the text stops right
    // there (a page cut inside table 四): the values it has are read, the rest are missing.
    let stops_here = text[me.min(text.len())..]
        .trim_matches(|c: char| c.is_whitespace() || is_strong_sep(c))
        .is_empty();
    if filled > 0 && filled < n && !interleaved && !(stops_here && cell_mode) {
        return None;
    }
    if filled == 0
        && read.problem.is_some()
        && !matches!(read.problem, Some(RowProblem::NoSplit { proven: true, .. }))
    {
        // Header without numbers.
        let row = Row {
            key: "values".into(),
            label: "行政复议、行政诉讼".into(),
            label_span: None,
            cells: pad(Vec::new(), n),
            candidates: Vec::new(),
            extra_values: Vec::new(),
        };
        return Some(ReviewTable {
            row,
            span: Some(ctx.doc.source_span(span)),
            scrambled: false,
        });
    }
    report_row(
        ctx,
        TableId::ReviewLitigation,
        "values",
        "行政复议、行政诉讼",
        &read,
        n,
        span,
    );
    let row = Row {
        key: "values".into(),
        label: "行政复议、行政诉讼".into(),
        label_span: Some(ctx.doc.source_span(Span::new(first, last_end))),
        extra_values: read
            .leftovers
            .iter()
            .map(|p| text[p.start..p.end].to_string())
            .collect(),
        cells: pad(read.cells, n),
        candidates: read.candidates,
    };
    Some(ReviewTable {
        row,
        span: Some(ctx.doc.source_span(span)),
        scrambled: false,
    })
}

/// Read table 二 from its region.
pub fn active(ctx: &mut Ctx, region: Span, format: Format) -> Option<ActiveTable> {
    let text = ctx.doc.text.as_str();
    let compact = Compact::new(text, region);
    let specs = template::active_rows(format);
    let anchors: Vec<Vec<String>> = specs
        .iter()
        .map(|r| r.anchors.iter().map(|a| fold_str(a)).collect())
        .collect();
    let hits = chain(&compact, text, &anchors, region.start);
    if hits.len() < 2 {
        return None;
    }
    let mut table = ActiveTable::default();
    let mut shapes = Vec::new(); // per row: Some(true) full, Some(false) partial, None empty
    let mut row_findings = Vec::new();
    let mut empty_rows = Vec::new();
    for (h, hit) in hits.iter().enumerate() {
        let spec = &specs[hit.row];
        let n = spec.columns.len();
        let limit = hits.get(h + 1).map(|x| x.label_start).unwrap_or(region.end);
        let (ms, me) = material_end(text, hit.label_end, limit);
        let label = text[hit.anchor_start..label_text_end(text, hit, ms)]
            .trim()
            .to_string();
        let (ps, cell_mode) = pieces(text, ms, me);
        let read = read_row(ctx.doc, &ps, cell_mode, n, &Constraint::None, (ms, me));
        let span = Span::new(hit.label_start, me.max(hit.label_end));
        shapes.push(row_shape(&read, n));
        let mut sub = Ctx {
            doc: ctx.doc,
            findings: if matches!(read.problem, Some(RowProblem::Short(0))) {
                &mut empty_rows
            } else {
                &mut row_findings
            },
        };
        report_row(&mut sub, TableId::Active, spec.key, &label, &read, n, span);
        table.rows.push(Row {
            key: spec.key.to_string(),
            label,
            label_span: Some(
                ctx.doc
                    .source_span(Span::new(hit.label_start, hit.label_end)),
            ),
            extra_values: extra_values(text, &read.leftovers, n),
            cells: pad(read.cells, n),
            candidates: read.candidates,
        });
        table.span = Some(
            table
                .span
                .unwrap_or_else(|| ctx.doc.source_span(span))
                .cover(ctx.doc.source_span(span)),
        );
    }
    if !is_table(&shapes) {
        return None;
    }
    ctx.findings.extend(row_findings);
    if table
        .rows
        .iter()
        .any(|r| r.cells.iter().any(|c| c.number().is_some()))
    {
        ctx.findings.extend(empty_rows);
    }
    Some(table)
}

/// How completely a row was read: Some(true) every cell, Some(false) some, None none.
fn row_shape(read: &RowRead, n: usize) -> Option<bool> {
    let filled = read
        .cells
        .iter()
        .filter(|c| !matches!(c.value, Value::Missing))
        .count();
    match filled {
        0 => None,
        f if f >= n => Some(true),
        _ => Some(false),
    }
}

/// Labels found in a narrative are not a table: a table has most rows read in full, or —
/// published without numbers — nearly none read at all.
fn is_table(shapes: &[Option<bool>]) -> bool {
    let full = shapes.iter().filter(|s| **s == Some(true)).count();
    let empty = shapes.iter().filter(|s| s.is_none()).count();
    full * 2 >= shapes.len() || empty * 4 >= shapes.len() * 3
}
