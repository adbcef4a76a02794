//! Where a cell of an HTML report points, and what it reads (issue 16, items 6 and 7).
//!
//! Every HTML report this project has — the corpus (`../shared/corpus/reports/*.html`), the
//! rule fixtures (`tests/fixtures/rules/*/*.html`), `tests/fixtures/html/` and the generated
//! reports of `tests/common/gen.rs` — is read, and for every cell with a span the source bytes
//! at that span must be the cell's own text (character references decoded, white space and
//! markup between its characters aside) and the span must start and end outside any tag,
//! comment or script; the same for every text segment of the analysis document, for the
//! JSON's `offset`/`length` of cells and for the offsets of diagnostics (the CLI's and the npm
//! package's positions). A value searched for in the markup lands in `style="line-height:20pt"`
//! and fails here.
//!
//! And a footnote mark after a number (`21<sup>1</sup>`, `21¹`) is no digit of it.

mod common;

use common::gen::{self, GenReport, Layout};
use nianbao::api::{self, CheckOptions, Checked, KindOption};
use nianbao::diagnostic::{Lang, Severity};
use nianbao::model::{Cell, Report, Value};
use serde_json::Value as Json;
use std::path::{Path, PathBuf};
use std::process::Command;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).to_path_buf()
}

fn files_in(dir: &Path, ext: &str) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|d| d.filter_map(|e| e.ok()).map(|e| e.path()).collect())
        .unwrap_or_default();
    v.retain(|p| p.extension().is_some_and(|e| e == ext));
    v.sort();
    v
}

/// Decode a file as the CLI does.
fn read(path: &Path) -> String {
    let bytes = std::fs::read(path).unwrap();
    nianbao::input::decode(&bytes, path.to_str())
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .text
}

/// Every HTML report: (name, source).
fn html_inputs() -> Vec<(String, String)> {
    let mut out = Vec::new();
    let corpus = files_in(&common::corpus_path("reports"), "html");
    assert!(corpus.len() >= 2, "the corpus's HTML reports are there");
    let mut paths = corpus;
    let rules = root().join("tests/fixtures/rules");
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(&rules)
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.is_dir())
        .collect();
    dirs.sort();
    for d in dirs {
        paths.extend(files_in(&d, "html"));
    }
    paths.extend(files_in(&root().join("tests/fixtures/html"), "html"));
    for p in paths {
        out.push((
            p.strip_prefix(root()).unwrap_or(&p).display().to_string(),
            read(&p),
        ));
    }
    for seed in 0..12 {
        out.push((
            format!("gen.rs seed {seed}"),
            gen::render(&GenReport::new(seed), Layout::Html),
        ));
    }
    out
}

/// The byte ranges of markup in `src`: tags (quoted attribute values may hold `>`), comments,
/// doctypes, and the content of scripts and styles. Written apart from the renderer's own.
fn markup_ranges(src: &str) -> Vec<(usize, usize)> {
    let b = src.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if b[i] != b'<' {
            i += 1;
            continue;
        }
        let next = b.get(i + 1).copied().unwrap_or(b' ');
        let end = if src[i..].starts_with("<!--") {
            src[i + 4..].find("-->").map_or(b.len(), |k| i + 4 + k + 3)
        } else if next == b'!'
            || next == b'?'
            || (next == b'/' && b.get(i + 2).is_some_and(|c| c.is_ascii_alphabetic()))
            || next.is_ascii_alphabetic()
        {
            let mut k = i + 1;
            let mut quote = None;
            while k < b.len() {
                match (quote, b[k]) {
                    (None, b'>') => break,
                    (None, q @ (b'"' | b'\''))
                        if b[k - 1] == b'=' || b[k - 1].is_ascii_whitespace() =>
                    {
                        quote = Some(q)
                    }
                    (Some(q), c) if c == q => quote = None,
                    _ => {}
                }
                k += 1;
            }
            (k + 1).min(b.len())
        } else {
            i += 1;
            continue;
        };
        let tag = src[i..end].to_ascii_lowercase();
        let raw = ["<script", "<style"].into_iter().find(|t| {
            tag.starts_with(t)
                && !tag
                    .as_bytes()
                    .get(t.len())
                    .is_some_and(|c| c.is_ascii_alphanumeric())
        });
        let end = match raw {
            Some(t) => {
                let close = format!("</{}", &t[1..]);
                src[end..]
                    .to_ascii_lowercase()
                    .find(&close)
                    .map_or(b.len(), |k| end + k)
            }
            None => end,
        };
        out.push((i, end));
        i = end;
    }
    out
}

/// Is `[a, e)` clear of markup at both ends (an empty span: not inside a tag)?
fn clear_of_markup(ranges: &[(usize, usize)], a: usize, e: usize) -> bool {
    let k = ranges.partition_point(|r| r.1 <= a);
    let bad_start = ranges.get(k).is_some_and(|&(s, t)| {
        if a == e {
            s < a && a < t
        } else {
            s <= a && a < t
        }
    });
    let j = ranges.partition_point(|r| r.1 < e);
    let bad_end = a != e && ranges.get(j).is_some_and(|&(s, t)| s < e && e <= t);
    !bad_start && !bad_end
}

/// The text of a piece of source: markup left out, references decoded (by html5ever).
fn text_of_source(src: &str, ranges: &[(usize, usize)], a: usize, e: usize) -> String {
    let mut plain = String::new();
    let mut at = a;
    for &(s, t) in ranges.iter().filter(|r| r.1 > a && r.0 < e) {
        if s > at {
            plain.push_str(&src[at..s]);
        }
        at = at.max(t);
    }
    if at < e {
        plain.push_str(&src[at..e]);
    }
    scraper::Html::parse_fragment(&plain)
        .root_element()
        .text()
        .collect()
}

/// White space left out; superscript and subscript digits (how footnote marks are shown) as digits.
fn norm(s: &str) -> String {
    s.chars()
        .filter(|c| !(c.is_whitespace() || *c == '\u{A0}' || *c == '\u{3000}'))
        .map(|c| match c {
            '¹' => '1',
            '²' => '2',
            '³' => '3',
            '\u{2070}' | '\u{2080}' => '0',
            '\u{2074}'..='\u{2079}' => char::from_u32(c as u32 - 0x2070 + '0' as u32).unwrap(),
            '\u{2081}'..='\u{2089}' => char::from_u32(c as u32 - 0x2080 + '0' as u32).unwrap(),
            '⁽' | '₍' => '(',
            '⁾' | '₎' => ')',
            c => c,
        })
        .collect()
}

fn norm_mark_brackets(s: &str) -> String {
    norm(s)
        .replace(['[', '（', '［'], "(")
        .replace([']', '）', '］'], ")")
}

fn cells(r: &Report) -> Vec<&Cell> {
    let mut v = Vec::new();
    if let Some(t) = &r.requests {
        v.extend(
            t.rows
                .iter()
                .chain(t.extra_rows.iter().map(|e| &e.row))
                .flat_map(|row| &row.cells),
        );
    }
    if let Some(t) = &r.active {
        v.extend(t.rows.iter().flat_map(|row| &row.cells));
    }
    if let Some(t) = &r.review {
        v.extend(&t.row.cells);
    }
    v
}

fn check_html(src: &str) -> Checked {
    api::check(
        src,
        &CheckOptions {
            kind: KindOption::Html,
            ..Default::default()
        },
    )
}

/// Does the source at `[a, e)` hold `raw`, outside markup? `None` when it does, else why not.
fn points_at(
    src: &str,
    ranges: &[(usize, usize)],
    a: usize,
    e: usize,
    raw: &str,
) -> Option<String> {
    if a > e || e > src.len() || !src.is_char_boundary(a) || !src.is_char_boundary(e) {
        return Some(format!("span {a}..{e} is not in the source"));
    }
    if !clear_of_markup(ranges, a, e) {
        return Some(format!(
            "span {a}..{e} is inside markup: …{}…",
            &src[floor(src, a.saturating_sub(40))..ceil(src, (e + 20).min(src.len()))]
        ));
    }
    let found = text_of_source(src, ranges, a, e);
    if norm_mark_brackets(&found) != norm_mark_brackets(raw) {
        return Some(format!("span {a}..{e} holds {found:?}, not {raw:?}"));
    }
    None
}

fn floor(s: &str, mut i: usize) -> usize {
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn ceil(s: &str, mut i: usize) -> usize {
    while !s.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// A UTF-16 offset of `src` as a byte offset.
fn byte_of_utf16(src: &str, u: usize) -> usize {
    let mut n = 0;
    for (i, c) in src.char_indices() {
        if n >= u {
            return i;
        }
        n += c.len_utf16();
    }
    src.len()
}

/// The JSON's cells and diagnostics point where the model does.
fn check_json(
    name: &str,
    src: &str,
    ranges: &[(usize, usize)],
    j: &Json,
    errors: &mut Vec<String>,
) -> usize {
    let mut n = 0;
    fn walk<'a>(x: &'a Json, out: &mut Vec<&'a Json>) {
        match x {
            Json::Object(m) if m.contains_key("raw") && m.contains_key("kind") => out.push(x),
            Json::Object(m) => m.values().for_each(|v| walk(v, out)),
            Json::Array(a) => a.iter().for_each(|v| walk(v, out)),
            _ => {}
        }
    }
    let mut json_cells = Vec::new();
    walk(&j["tables"], &mut json_cells);
    for c in json_cells {
        let (Some(off), Some(len)) = (c["offset"].as_u64(), c["length"].as_u64()) else {
            continue;
        };
        let a = byte_of_utf16(src, off as usize);
        let e = byte_of_utf16(src, (off + len) as usize);
        n += 1;
        if let Some(why) = points_at(src, ranges, a, e, c["raw"].as_str().unwrap()) {
            errors.push(format!(
                "{name}: JSON cell {} (line {}, column {}): {why}",
                c["raw"], c["line"], c["column"]
            ));
        }
    }
    for d in j["diagnostics"].as_array().unwrap() {
        let a = byte_of_utf16(src, d["offset"].as_u64().unwrap() as usize);
        let e = byte_of_utf16(
            src,
            (d["offset"].as_u64().unwrap() + d["length"].as_u64().unwrap()) as usize,
        );
        if !clear_of_markup(ranges, a, e) {
            errors.push(format!(
                "{name}: diagnostic {} at {a}..{e} points into markup: …{}…",
                d["code"],
                &src[floor(src, a.saturating_sub(40))..ceil(src, (e + 20).min(src.len()))]
            ));
        }
    }
    n
}

#[test]
fn every_cell_of_every_html_report_points_at_its_own_text() {
    let mut errors = Vec::new();
    let (mut files, mut spans, mut segments) = (0, 0, 0);
    for (name, src) in html_inputs() {
        files += 1;
        let ranges = markup_ranges(&src);
        let c = check_html(&src);
        for cell in cells(c.report()) {
            let Some(s) = cell.span else { continue };
            spans += 1;
            if let Some(why) = points_at(&src, &ranges, s.start, s.end, &cell.raw) {
                errors.push(format!(
                    "{name}: cell {:?} (grid {:?}): {why}",
                    cell.raw, cell.grid
                ));
            }
        }
        // Every text segment: its source is its text (byte for byte when it says so). A
        // segment with no source of its own (a cell around its texts) must have its visible
        // characters in segments that have one.
        let doc = &c.parsed.doc;
        let located: Vec<(usize, usize)> = doc
            .segments
            .iter()
            .filter(|s| !s.source.is_empty())
            .map(|s| (s.text.start, s.text.end))
            .collect();
        for seg in &doc.segments {
            let text = &doc.text[seg.text.start..seg.text.end];
            let (a, e) = (seg.source.start, seg.source.end);
            segments += 1;
            if !clear_of_markup(&ranges, a, e) {
                errors.push(format!(
                    "{name}: segment {text:?} at {a}..{e} is inside markup"
                ));
            } else if seg.exact {
                if src.get(a..e) != Some(text) {
                    errors.push(format!(
                        "{name}: segment {text:?} says exact but the source holds {:?}",
                        src.get(a..e)
                    ));
                }
            } else if a < e {
                if let Some(why) = points_at(&src, &ranges, a, e, text) {
                    errors.push(format!("{name}: text segment {text:?}: {why}"));
                }
            } else {
                let lost = text
                    .char_indices()
                    .map(|(k, ch)| (seg.text.start + k, ch))
                    .find(|&(o, ch)| {
                        !ch.is_whitespace() && !located.iter().any(|&(s, t)| s <= o && o < t)
                    });
                if let Some((o, _)) = lost {
                    errors.push(format!(
                        "{name}: text {:?} has no source",
                        &doc.text[o..seg.text.end]
                    ));
                }
            }
        }
        check_json(
            &name,
            &src,
            &ranges,
            &api::to_json(&name, &c, Lang::Zh),
            &mut errors,
        );
    }
    eprintln!("{files} HTML reports, {spans} cell spans, {segments} segments");
    assert!(spans > 2000, "the cells were read ({spans})");
    let shown: Vec<&String> = errors.iter().take(30).collect();
    assert!(
        errors.is_empty(),
        "{} positions do not point at their own text:\n{:#?}",
        errors.len(),
        shown
    );
}

#[test]
fn the_cli_json_points_at_the_cells_of_the_corpus_html_reports() {
    // pingtan-2022.html: before, 184 of its 200 cells pointed into `style="…line-height:20pt"`.
    for path in files_in(&common::corpus_path("reports"), "html") {
        let out = Command::new(env!("CARGO_BIN_EXE_nianbao"))
            .args(["check", "--format", "json"])
            .arg(&path)
            .output()
            .unwrap();
        let j: Json = serde_json::from_slice(&out.stdout)
            .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let src = read(&path);
        let ranges = markup_ranges(&src);
        let mut errors = Vec::new();
        let n = check_json(&path.display().to_string(), &src, &ranges, &j, &mut errors);
        assert!(n >= 100, "{}: the JSON has the cells ({n})", path.display());
        assert!(
            errors.is_empty(),
            "{} of {n}:\n{:#?}",
            errors.len(),
            &errors[..errors.len().min(20)]
        );
    }
}

#[test]
fn markup_ranges_of_the_test_are_right() {
    // The test's own scanner (what the assertions above rely on).
    let s = r#"<p style="a>b">x<!-- 1 --><script>"<td>"</script>y < z</p>"#;
    let r = markup_ranges(s);
    let text: String = (0..s.len())
        .filter(|&i| !r.iter().any(|&(a, e)| a <= i && i < e))
        .map(|i| s.as_bytes()[i] as char)
        .collect();
    assert_eq!(text, "xy < z");
    assert!(clear_of_markup(&r, 15, 16));
    assert!(!clear_of_markup(&r, 12, 13));
    assert!(clear_of_markup(&r, 15, 15));
}

// ---------------------------------------------------------------- footnote marks (item 6)

fn requests_cell<'a>(c: &'a Checked, row: &str, col: usize) -> &'a Cell {
    &c.report()
        .requests
        .as_ref()
        .unwrap()
        .row(row)
        .unwrap()
        .cells[col]
}

#[test]
fn a_footnote_mark_after_a_number_is_no_digit_of_it() {
    // 予以公开 6<sup>1</sup>, 总计 11<sub>3</sub> … 13<sup>[2]</sup>: before, 61, 113 and 132
    // (four errors); the text copy with 6¹, 11₃ and 13⁽²⁾ gave three (P-4, unreadable).
    for file in ["footnote-marks.html", "footnote-marks.txt"] {
        let path = root().join("tests/fixtures/html").join(file);
        let c = common::check_path(&path);
        let codes: Vec<_> = c.diagnostics.iter().map(|d| (d.code, d.severity)).collect();
        assert_eq!(
            c.count(Severity::Error) + c.count(Severity::Warning),
            0,
            "{file}: {codes:?}"
        );
        let granted = requests_cell(&c, "granted", 0);
        assert_eq!(
            granted.value,
            Value::Number {
                value: 6.0,
                signed: false,
                unit: None
            },
            "{file}"
        );
        assert_eq!(granted.raw, "6¹", "{file}: the raw text keeps the mark");
        let total = requests_cell(&c, "total", 0);
        assert_eq!(
            (total.number(), total.raw.as_str()),
            (Some(11.0), "11₃"),
            "{file}"
        );
        let total = requests_cell(&c, "total", 6);
        assert_eq!(
            (total.number(), total.raw.as_str()),
            (Some(13.0), "13⁽²⁾"),
            "{file}"
        );
    }
}

#[test]
fn only_a_mark_after_a_number_is_a_mark() {
    let base = std::fs::read_to_string(root().join("tests/fixtures/rules/_base/report-2021.html"))
        .unwrap();
    let sp = r#"<span style="font-size:10.5pt;font-family:宋体">6</span>"#;
    assert!(base.contains(sp));
    // Text in a <sup> that is not a footnote number, or not after a number, reads as before.
    let words = base.replacen(
        sp,
        r#"<span style="font-size:10.5pt;font-family:宋体">6<sup>注</sup></span>"#,
        1,
    );
    let c = check_html(&words);
    assert!(
        matches!(
            requests_cell(&c, "granted", 0).value,
            Value::Unreadable { .. }
        ),
        "{:?}",
        requests_cell(&c, "granted", 0)
    );
    let alone = base.replacen(
        sp,
        r#"<span style="font-size:10.5pt;font-family:宋体"><sup>6</sup></span>"#,
        1,
    );
    let c = check_html(&alone);
    assert_eq!(requests_cell(&c, "granted", 0).raw, "6");
    assert_eq!(c.count(Severity::Error), 0);
}
