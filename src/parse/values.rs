//! Reading the numbers of a row: cell text to `Value`, and the value material that follows a
//! row label (pieces separated by `|`, tabs or lines; digits possibly glued together).

use crate::model::Value;

/// Units that may follow a number inside a cell.
const UNITS: &[&str] = &["万元", "元", "件", "个", "条", "项", "次", "%"];
const DASHES: &[&str] = &[
    "—", "——", "-", "--", "–", "/", "无", "－", "／", "\\", "×", "x", "X", "…", "——",
];

/// Fold one char of a number: full-width digits and signs to ASCII.
pub fn fold_num(c: char) -> char {
    match c {
        '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
        '．' | '。' if false => '.',
        '．' => '.',
        '，' => ',',
        '＋' => '+',
        '－' | '−' => '-',
        '％' => '%',
        _ => c,
    }
}

/// A footnote mark after a number (`21¹`, `21⁽²⁾`, `21₃`: superscript or subscript digits and
/// brackets, as the HTML renderer writes `<sup>`/`<sub>` marks): not digits of the number.
pub fn is_footnote_mark(c: char) -> bool {
    matches!(c, '¹' | '²' | '³' | '\u{2070}'..='\u{2079}' | '⁽' | '⁾' | '\u{2080}'..='\u{2089}' | '₍' | '₎')
}

/// Characters that show as nothing and may sit inside a number copied from a web page or a
/// PDF: zero-width space, non-joiner and joiner, word joiner, a byte order mark (zero-width
/// no-break space) and the soft hyphen. A number is read through them, as through a space.
pub fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}'
    )
}

/// Parse the text of one cell.
pub fn parse_value(raw: &str) -> Value {
    let t: String = raw
        .chars()
        .map(fold_num)
        .filter(|c| !c.is_whitespace() && *c != '\u{00A0}' && *c != '\u{3000}' && !is_invisible(*c))
        .collect();
    if t.is_empty() {
        return Value::Blank;
    }
    if DASHES.contains(&t.as_str()) {
        return Value::Dash { text: t };
    }
    // A footnote mark after the number (or its unit) is no part of it; the raw text keeps it.
    let mut body = t.trim_end_matches(is_footnote_mark);
    let mut unit = None;
    for u in UNITS {
        if let Some(b) = body.strip_suffix(u) {
            if !b.is_empty() {
                body = b;
                unit = Some((*u).to_string());
                break;
            }
        }
    }
    body = body.trim_end_matches(is_footnote_mark);
    // 本年增/减 written in words: "增15", "减4", "增加3", "减少2".
    let worded = ["增加", "减少", "增", "减"]
        .iter()
        .find_map(|w| body.strip_prefix(w).map(|rest| (w.starts_with('减'), rest)));
    let (signed, neg, digits) = match (worded, body.as_bytes().first()) {
        (Some((neg, rest)), _) if rest.starts_with(|c: char| c.is_ascii_digit()) => {
            (true, neg, rest)
        }
        (_, Some(b'+')) => (true, false, &body[1..]),
        (_, Some(b'-')) => (true, true, &body[1..]),
        _ => (false, false, body),
    };
    if digits.is_empty()
        || !digits
            .bytes()
            .all(|b| b.is_ascii_digit() || b == b'.' || b == b',')
    {
        return Value::Unreadable {
            text: raw.trim().to_string(),
        };
    }
    // Thousands separators: groups of exactly three digits after each comma.
    let plain: String = if digits.contains(',') {
        let mut parts = digits.split(',');
        let first = parts.next().unwrap_or("");
        let ok = !first.is_empty()
            && first.len() <= 3
            && parts.clone().all(|p| {
                let int = p.split('.').next().unwrap_or("");
                int.len() == 3
            });
        if !ok {
            return Value::Unreadable {
                text: raw.trim().to_string(),
            };
        }
        digits.replace(',', "")
    } else {
        digits.to_string()
    };
    if plain.matches('.').count() > 1 || plain.starts_with('.') || plain.ends_with('.') {
        return Value::Unreadable {
            text: raw.trim().to_string(),
        };
    }
    let int_digits = plain
        .split('.')
        .next()
        .unwrap_or("")
        .trim_start_matches('0')
        .len();
    if int_digits > 15 {
        return Value::Unreadable {
            text: raw.trim().to_string(),
        };
    }
    match plain.parse::<f64>() {
        Ok(v) if v.is_finite() => Value::Number {
            value: if neg { -v } else { v },
            signed,
            unit,
        },
        _ => Value::Unreadable {
            text: raw.trim().to_string(),
        },
    }
}

/// Separators between cells: strong ones keep blank cells.
pub fn is_strong_sep(c: char) -> bool {
    matches!(c, '|' | '\t' | '｜' | '│')
}

/// A piece of value text: where it sits in the analysis text.
#[derive(Clone, Debug, PartialEq)]
pub struct Piece {
    pub start: usize,
    pub end: usize,
    /// Whether a newline separates this piece from the previous one.
    pub new_line: bool,
}

/// If a value token (a number, possibly signed, with decimals, thousands separators and a
/// unit; or a placeholder such as `—`, `/`, `无` standing alone) starts at `at`, its end.
pub fn value_run_at(s: &str, at: usize) -> Option<usize> {
    let rest = &s[at..];
    let first_raw = rest.chars().next()?;
    let first = fold_num(first_raw);
    let boundary = |k: usize| {
        rest[k..].chars().next().is_none_or(|c| {
            c.is_whitespace()
                || is_strong_sep(c)
                || c == '\u{00A0}'
                || c == '\u{3000}'
                || is_invisible(c)
        })
    };
    // A number.
    let mut k0 = 0;
    if first == '+' || first == '-' {
        // (A full-width sign folds to one byte but is three in the text.)
        let second = rest[first_raw.len_utf8()..].chars().next().map(fold_num);
        if second.is_some_and(|c| c.is_ascii_digit()) {
            k0 = first_raw.len_utf8();
        }
    }
    let body = &rest[k0..];
    let starts_digit = body
        .chars()
        .next()
        .map(fold_num)
        .is_some_and(|c| c.is_ascii_digit());
    if starts_digit {
        let mut end = k0;
        let mut prev_digit = false;
        let mut it = body.char_indices().peekable();
        while let Some((k, c)) = it.next() {
            let f = fold_num(c);
            if f.is_ascii_digit() {
                prev_digit = true;
                end = k0 + k + c.len_utf8();
            } else if is_invisible(c)
                && prev_digit
                && it
                    .peek()
                    .is_some_and(|&(_, n)| fold_num(n).is_ascii_digit() || is_invisible(n))
            {
                // "7\u{200B}1" shows as 71: the run goes on (trailing ones are not part of it).
            } else if (f == '.' || f == ',')
                && prev_digit
                && it
                    .peek()
                    .is_some_and(|&(_, n)| fold_num(n).is_ascii_digit())
            {
                prev_digit = false;
            } else {
                break;
            }
        }
        // A footnote mark and a unit right after the number belong to the cell.
        let marks =
            |e: usize| e + rest[e..].len() - rest[e..].trim_start_matches(is_footnote_mark).len();
        end = marks(end);
        if let Some(u) = UNITS.iter().find(|u| rest[end..].starts_with(**u)) {
            end = marks(end + u.len());
        }
        return Some(at + end);
    }
    // A placeholder standing alone.
    for d in [
        "——", "--", "—", "–", "-", "/", "／", "－", "…", "\\", "×", "无",
    ] {
        if rest.starts_with(d) && boundary(d.len()) {
            return Some(at + d.len());
        }
    }
    None
}

/// Where the cell holding `at` ends: the next separator or line end (or `limit`).
fn cell_end(s: &str, at: usize, limit: usize) -> usize {
    s[at..limit]
        .find(|c: char| is_strong_sep(c) || c == '\n')
        .map(|k| at + k)
        .unwrap_or(limit)
}

/// Does the rest of the cell from `at` read as a label (Chinese words) rather than as a
/// damaged number? The cell ends at the next separator or line end.
fn cell_rest_is_label(s: &str, at: usize, limit: usize) -> bool {
    let q = cell_end(s, at, limit);
    if q == limit {
        return true;
    }
    let cell = &s[at..q];
    // Units are fine; more than one Chinese character is a label (or the next row).
    cell.trim().is_empty()
        || cell
            .chars()
            .filter(|c| crate::parse::document::is_han(*c))
            .count()
            >= 2
}

/// Is the number that ends at `e` the numbering of a label ("3.咨询事项", "1、申请人…")?
pub fn is_numbering(s: &str, e: usize) -> bool {
    let mut it = s[e..].chars();
    match it.next() {
        Some('.' | '、' | '．') => it
            .next()
            .is_some_and(|c| crate::parse::document::is_han(c) || c == '“' || c == '"'),
        _ => false,
    }
}

/// Scan value material starting at `from` (just after a label) up to `limit`: skip the rest
/// of the label (and label cells that continue it), then take value tokens, separators and
/// white space; stop at the first other text. Returns (start, end) of the material; the
/// start is the separator before the first value when cells are separated, so that blank
/// leading cells count.
pub fn material_end(text: &str, from: usize, limit: usize) -> (usize, usize) {
    material(text, from, limit, false)
}

/// Like `material_end`, for material that begins with a label of its own: a numbering such
/// as "3." at the start is part of that label, not a value.
pub fn material_after_label(text: &str, from: usize, limit: usize) -> (usize, usize) {
    material(text, from, limit, true)
}

fn material(text: &str, from: usize, limit: usize, leading_label: bool) -> (usize, usize) {
    let limit = crate::source::LineIndex::clamp(text, limit.min(text.len()));
    let s = &text[..limit];
    let from = crate::source::LineIndex::clamp(text, from.min(limit));
    let mut p = from;
    let mut sep_before: Option<usize> = None;
    let mut start = None;
    // The first run of separators after the label (its start and end, and how many cell
    // separators it holds): a row whose every cell is empty is only that.
    let mut empty_run: Option<(usize, usize, usize)> = None;
    let mut run_open = false;
    while p < limit {
        let c = s[p..].chars().next().unwrap_or(' ');
        let blank = c.is_whitespace() || c == '\u{00A0}' || c == '\u{3000}';
        if is_strong_sep(c) {
            match &mut empty_run {
                None => {
                    empty_run = Some((p, p + c.len_utf8(), 1));
                    run_open = true;
                }
                Some((_, end, k)) if run_open => {
                    *end = p + c.len_utf8();
                    *k += 1;
                }
                _ => {}
            }
        } else if !blank {
            run_open = false;
        }
        if let Some(e) = value_run_at(s, p) {
            if is_numbering(s, e) && leading_label {
                sep_before = None;
                p = e;
                continue;
            }
            if is_numbering(s, e) {
                // "1.申请人撤销申请": the next label begins; this row has no numbers here.
                return (sep_before.unwrap_or(p), p);
            }
            start = Some(sep_before.unwrap_or(p));
            break;
        }
        if is_strong_sep(c) || c == '\n' {
            if sep_before.is_none() {
                sep_before = Some(p);
            }
        } else if !(c.is_whitespace() || c == '\u{00A0}' || c == '\u{3000}' || is_invisible(c)) {
            sep_before = None;
        }
        p += c.len_utf8();
    }
    let Some(start) = start else {
        if let Some((a, b, _)) = empty_run.filter(|&(_, _, k)| k >= 2) {
            return (a, b);
        }
        return (sep_before.unwrap_or(limit), limit.max(from));
    };
    let mut p = start;
    let mut end = start;
    // Cells separated by pipes or tabs: a cell's whole text belongs to it.
    let in_cell =
        s[start..limit].starts_with(is_strong_sep) || s[from..start].contains(is_strong_sep);
    while p < limit {
        let c = s[p..].chars().next().unwrap_or(' ');
        if is_strong_sep(c)
            || c.is_whitespace()
            || c == '\u{00A0}'
            || c == '\u{3000}'
            || is_invisible(c)
        {
            p += c.len_utf8();
            end = p;
            continue;
        }
        match value_run_at(s, p) {
            Some(e) if is_numbering(s, e) => break,
            Some(e) if in_cell && !cell_rest_is_label(s, e, limit) => {
                // "13O4", "12.3.4": a cell holding more than a number; keep it whole so
                // that it is reported as unreadable rather than read as "13".
                p = cell_end(s, e, limit);
                end = p;
            }
            Some(e) => {
                p = e;
                end = e;
            }
            None if in_cell && !cell_rest_is_label(s, p, limit) => {
                p = cell_end(s, p, limit);
                end = p;
            }
            None => break,
        }
    }
    (start, end)
}

/// Split material into cell pieces. With strong separators (`|`, tab) pieces are what lies
/// between separators or line ends, blank pieces kept; without, white space separates.
/// Returns (pieces, cell_mode).
pub fn pieces(text: &str, start: usize, end: usize) -> (Vec<Piece>, bool) {
    let s = &text[start..end];
    let cell_mode = s.chars().any(is_strong_sep);
    // With pipes, a line break is only white space (cells broken over lines, one cell per
    // line ending in "|"); with tabs alone (a copied grid), each line is a row.
    let pipes = s.chars().any(|c| matches!(c, '|' | '｜' | '│'));
    let is_sep = |c: char| {
        if pipes {
            matches!(c, '|' | '｜' | '│')
        } else {
            c == '\t' || c == '\n'
        }
    };
    let mut out = Vec::new();
    let blank = |c: char| c.is_whitespace() || c == '\u{00A0}' || c == '\u{3000}';
    // Invisible characters are trimmed from a piece's ends but do not split one ("7\u{200B}1").
    let trim = |c: char| blank(c) || is_invisible(c);
    let trimmed = |a: usize, b: usize| -> (usize, usize) {
        let piece = &text[a..b];
        let lead = piece.len() - piece.trim_start_matches(trim).len();
        let body = piece.trim_matches(trim);
        (a + lead, a + lead + body.len())
    };
    if cell_mode {
        let mut piece_start = start;
        let mut first = true;
        let mut new_line = false;
        for (k, c) in s.char_indices() {
            if is_sep(c) {
                let at = start + k;
                let (a, b) = trimmed(piece_start, at);
                if !(first && a == b) {
                    out.push(Piece {
                        start: a,
                        end: b,
                        new_line,
                    });
                    new_line = false;
                }
                first = false;
                if c == '\n' {
                    new_line = true;
                }
                piece_start = at + c.len_utf8();
            }
        }
        let (a, b) = trimmed(piece_start, end);
        if a < b {
            out.push(Piece {
                start: a,
                end: b,
                new_line,
            });
        }
    } else {
        let mut cur: Option<usize> = None;
        let mut new_line = false;
        for (k, c) in s.char_indices() {
            let at = start + k;
            if blank(c) {
                if let Some(a) = cur.take() {
                    let (a, b) = trimmed(a, at);
                    if a < b {
                        out.push(Piece {
                            start: a,
                            end: b,
                            new_line,
                        });
                        new_line = false;
                    }
                }
                if c == '\n' && !out.is_empty() {
                    new_line = true;
                }
            } else if cur.is_none() {
                cur = Some(at);
            }
        }
        if let Some(a) = cur {
            let (a, b) = trimmed(a, end);
            if a < b {
                out.push(Piece {
                    start: a,
                    end: b,
                    new_line,
                });
            }
        }
    }
    (out, cell_mode)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn num(v: f64) -> Value {
        Value::Number {
            value: v,
            signed: false,
            unit: None,
        }
    }

    #[test]
    fn cell_values() {
        assert_eq!(parse_value(" 12 "), num(12.0));
        assert_eq!(parse_value("１２３"), num(123.0));
        assert_eq!(parse_value("1,234"), num(1234.0));
        assert_eq!(parse_value("4166.241619"), num(4166.241619));
        assert_eq!(
            parse_value("+1036"),
            Value::Number {
                value: 1036.0,
                signed: true,
                unit: None
            }
        );
        assert_eq!(
            parse_value("-18"),
            Value::Number {
                value: -18.0,
                signed: true,
                unit: None
            }
        );
        assert_eq!(
            parse_value("251000元"),
            Value::Number {
                value: 251000.0,
                signed: false,
                unit: Some("元".into())
            }
        );
        let signed = |v: f64| Value::Number {
            value: v,
            signed: true,
            unit: None,
        };
        assert_eq!(parse_value("增15"), signed(15.0));
        assert_eq!(parse_value("减4"), signed(-4.0));
        assert_eq!(parse_value("减少2"), signed(-2.0));
        assert!(matches!(parse_value("增"), Value::Unreadable { .. }));
        assert_eq!(parse_value("\u{a0}"), Value::Blank);
        assert_eq!(parse_value("—"), Value::Dash { text: "—".into() });
        assert_eq!(parse_value("/"), Value::Dash { text: "/".into() });
        assert_eq!(parse_value("无"), Value::Dash { text: "无".into() });
        assert!(matches!(
            parse_value("999999999999999999999"),
            Value::Unreadable { .. }
        ));
        assert!(matches!(parse_value("1,23"), Value::Unreadable { .. }));
        assert!(matches!(parse_value("abc"), Value::Unreadable { .. }));
        // Footnote marks after a number.
        assert_eq!(parse_value("21¹"), num(21.0));
        assert_eq!(parse_value("21⁽²⁾"), num(21.0));
        assert_eq!(parse_value("7₃"), num(7.0));
        assert_eq!(
            parse_value("1,234\u{2075}件"),
            Value::Number {
                value: 1234.0,
                signed: false,
                unit: Some("件".into())
            }
        );
        assert!(matches!(parse_value("¹"), Value::Unreadable { .. }));
        assert!(matches!(parse_value("2¹1"), Value::Unreadable { .. }));
        assert_eq!(
            value_run_at("予以公开 21¹ 3", "予以公开 ".len()),
            Some("予以公开 21¹".len())
        );
        assert_eq!(value_run_at("21²件 3", 0), Some("21²件".len()));
    }

    #[test]
    fn invisible_characters_inside_a_number_are_read_through() {
        for c in [
            '\u{200B}', '\u{200C}', '\u{200D}', '\u{2060}', '\u{FEFF}', '\u{00AD}',
        ] {
            let cell = format!("{c}7{c}1{c}");
            assert_eq!(parse_value(&cell), num(71.0), "{cell:?}");
            assert_eq!(parse_value(&format!("1{c},234")), num(1234.0));
            assert_eq!(parse_value(&c.to_string()), Value::Blank);
            // A run of digits does not break there, in plain text and between pipes.
            let t = format!("计 7{c}1 2{c} 3");
            let (a, b) = material_end(&t, "计".len(), t.len());
            let (p, _) = pieces(&t, a, b);
            assert_eq!(
                texts(&t, &p),
                vec![format!("7{c}1").as_str(), "2", "3"],
                "{t:?}"
            );
            let t = format!("计 | 7{c}1 | {c} | 3 |");
            let (a, b) = material_end(&t, "计".len(), t.len());
            let (p, _) = pieces(&t, a, b);
            assert_eq!(
                texts(&t, &p),
                vec![format!("7{c}1").as_str(), "", "3"],
                "{t:?}"
            );
            let end = value_run_at(&format!("7{c}1{c}件"), 0).unwrap();
            assert_eq!(end, format!("7{c}1").len());
        }
    }

    fn texts<'a>(t: &'a str, p: &[Piece]) -> Vec<&'a str> {
        p.iter().map(|p| &t[p.start..p.end]).collect()
    }

    #[test]
    fn material_after_labels() {
        let t = "（二）部分公开（区分处理的，只计这一情形，不计其他情形）500000 5（三）不予公开";
        let from = t.find("部分公开").unwrap() + "部分公开".len();
        let (a, b) = material_end(t, from, t.len());
        assert_eq!(&t[a..b], "500000 5");
        let t = "一、本年新收政府信息公开申请数量 | 0 | | | | | | 0 |\n二、";
        let (a, b) = material_end(t, 10, t.len());
        let (p, cell) = pieces(t, a, b);
        assert!(cell);
        assert_eq!(texts(t, &p), vec!["0", "", "", "", "", "", "0"]);
        let t = "采购总金额\t251000元\t其他";
        let (a, b) = material_end(t, 0, t.len());
        assert_eq!(&t[a..b], "\t251000元\t");
        let t = "4.无正当理由大量反复申请 0";
        let (a, b) = material_end(t, 2, t.len());
        assert_eq!(&t[a..b], "0");
    }
}

#[cfg(test)]
mod cell_tests {
    use super::*;
    #[test]
    fn damaged_cell_kept_whole() {
        let t = "（七）总计 | 11O | 1 | 0 | 0 | 1 | 0 | 13 |\n四、";
        let from = t.find("计").unwrap() + "计".len();
        let (a, b) = material_end(t, from, t.len() - "四、".len());
        assert_eq!(&t[a..b], "| 11O | 1 | 0 | 0 | 1 | 0 | 13 |\n");
        let (p, _) = pieces(t, a, b);
        let texts: Vec<&str> = p.iter().map(|p| &t[p.start..p.end]).collect();
        assert_eq!(texts, vec!["11O", "1", "0", "0", "1", "0", "13"]);
    }
}
