//! HTML front end: renders a page or a Word export into the analysis text.
//!
//! Tables become a true grid (rowspan/colspan expanded): cells joined by tabs, rows by
//! newlines, a cell covered by a span left empty. Block elements start new lines. Hidden
//! elements (`display:none`, `visibility:hidden`, `font-size:0`, the `hidden` attribute,
//! classes a `<style>` block hides: the usual anti-scraping "jammer" spans), `<script>`,
//! `<style>` and friends are skipped.

use super::document::{Document, Segment};
use crate::model::{GridPos, InputKind};
use crate::source::Span;
use ego_tree::NodeRef;
use scraper::{Html, Node};
use std::collections::HashSet;

/// Spans larger than this are clamped: a hostile `rowspan="100000"` must not blow up memory.
const MAX_SPAN: usize = 1000;
/// A table grid larger than this many cells is rendered as plain text.
const MAX_GRID_CELLS: usize = 2_000_000;

const SKIP: &[&str] = &[
    "script", "style", "noscript", "template", "head", "iframe", "object", "embed", "svg", "math", "select", "option",
    "button", "input", "textarea", "canvas", "audio", "video", "map",
];
const BLOCK: &[&str] = &[
    "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "section", "article",
    "header", "footer", "nav", "aside", "main", "blockquote", "pre", "address", "figure", "figcaption", "form",
    "fieldset", "hr", "caption", "center", "body", "html",
];

pub fn render(source: &str) -> Document {
    let html = Html::parse_document(source);
    let mut r = Renderer {
        src: source,
        out: String::with_capacity(source.len() / 3),
        segs: Vec::new(),
        cells: Vec::new(),
        cursor: 0,
        td_offsets: cell_tag_offsets(source),
        tables: 0,
        hidden_classes: hidden_classes(&html),
        in_cell: 0,
        grid: None,
        title: None,
    };
    r.title = html
        .tree
        .root()
        .descendants()
        .find(|n| n.value().as_element().is_some_and(|e| e.name() == "title"))
        .map(|n| n.descendants().filter_map(|d| d.value().as_text().map(|t| t.to_string())).collect::<String>())
        .map(|t| t.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|t| !t.is_empty());
    r.walk(html.tree.root());
    // Cell segments first, text segments after them on ties (the sort is stable), so that a
    // lookup at an offset finds the most precise piece: the text itself.
    let mut segs = r.cells;
    segs.extend(r.segs);
    segs.sort_by_key(|s| (s.text.start, usize::MAX - s.text.len()));
    Document { source: source.to_string(), kind: InputKind::Html, text: r.out, segments: segs, html_title: r.title }
}

struct Renderer<'a> {
    src: &'a str,
    out: String,
    segs: Vec<Segment>,
    cells: Vec<Segment>,
    cursor: usize,
    td_offsets: Vec<Span>,
    tables: usize,
    hidden_classes: HashSet<String>,
    in_cell: usize,
    grid: Option<GridPos>,
    title: Option<String>,
}

impl<'a> Renderer<'a> {
    fn walk(&mut self, node: NodeRef<'_, Node>) {
        match node.value() {
            Node::Text(t) => self.text(t),
            Node::Element(e) => {
                let name = e.name().to_ascii_lowercase();
                if SKIP.contains(&name.as_str()) || self.hidden(e) {
                    return;
                }
                match name.as_str() {
                    "br" => self.line_break(),
                    "table" => self.table(node),
                    "td" | "th" | "tr" | "tbody" | "thead" | "tfoot" => {
                        // Stray table parts outside a table: treat as blocks.
                        self.block_break();
                        for c in node.children() {
                            self.walk(c);
                        }
                        self.block_break();
                    }
                    n if BLOCK.contains(&n) => {
                        self.block_break();
                        for c in node.children() {
                            self.walk(c);
                        }
                        self.block_break();
                    }
                    _ => {
                        for c in node.children() {
                            self.walk(c);
                        }
                    }
                }
            }
            Node::Document | Node::Fragment => {
                for c in node.children() {
                    self.walk(c);
                }
            }
            _ => {}
        }
    }

    fn hidden(&self, e: &scraper::node::Element) -> bool {
        if e.attr("hidden").is_some() {
            return true;
        }
        if let Some(style) = e.attr("style") {
            if style_hides(style) {
                return true;
            }
        }
        if !self.hidden_classes.is_empty() && e.classes().any(|c| self.hidden_classes.contains(c)) {
            return true;
        }
        false
    }

    fn text(&mut self, t: &str) {
        // Collapse white space as a browser does; U+00A0 counts as a space here.
        let mut collapsed = String::with_capacity(t.len());
        let mut space = self.out.is_empty() || self.out.ends_with([' ', '\n', '\t']);
        for c in t.chars() {
            if c.is_whitespace() || c == '\u{00A0}' || c == '\u{3000}' {
                if !space {
                    collapsed.push(' ');
                    space = true;
                }
            } else {
                collapsed.push(c);
                space = false;
            }
        }
        if collapsed.is_empty() {
            return;
        }
        let start = self.out.len();
        self.out.push_str(&collapsed);
        let source = self.locate(t);
        let exact = self.src.get(source.start..source.end) == Some(&self.out[start..]);
        self.segs.push(Segment { text: Span::new(start, self.out.len()), source, grid: self.grid, exact });
    }

    /// Find the source bytes of a text node: search forward from the cursor for its first
    /// visible characters. Entities make the lengths differ; then only the start is exact.
    fn locate(&mut self, t: &str) -> Span {
        let trimmed = t.trim_matches(|c: char| c.is_whitespace() || c == '\u{00A0}');
        let probe: String = trimmed.chars().take(6).collect();
        if probe.is_empty() {
            return Span::new(self.cursor, self.cursor);
        }
        let window_end = (self.cursor + 20_000).min(self.src.len());
        let hay = &self.src[self.cursor..crate::source::LineIndex::clamp(self.src, window_end)];
        if let Some(i) = hay.find(&probe) {
            let start = self.cursor + i;
            let end = if self.src[start..].starts_with(trimmed) { start + trimmed.len() } else { start + probe.len() };
            self.cursor = end;
            return Span::new(start, end);
        }
        Span::new(self.cursor, self.cursor)
    }

    fn line_break(&mut self) {
        if self.in_cell > 0 {
            if !self.out.ends_with([' ', '\t', '\n']) {
                self.out.push(' ');
            }
        } else {
            self.out.push('\n');
        }
    }

    fn block_break(&mut self) {
        if self.in_cell > 0 {
            if !self.out.is_empty() && !self.out.ends_with([' ', '\t', '\n']) {
                self.out.push(' ');
            }
        } else if !self.out.is_empty() && !self.out.ends_with('\n') {
            // Trailing spaces of a line carry nothing.
            while self.out.ends_with(' ') {
                self.out.pop();
            }
            self.out.push('\n');
        }
    }

    fn table(&mut self, table: NodeRef<'_, Node>) {
        let index = self.tables;
        self.tables += 1;
        let rows = table_rows(table, &self.hidden_classes);
        // Lay the cells out on a grid: every position holds the id of the cell covering it.
        let mut grid: Vec<Vec<Option<usize>>> = Vec::new();
        let mut cells: Vec<(NodeRef<'_, Node>, usize, usize)> = Vec::new(); // node, row, col
        let mut total = 0usize;
        for (r, row) in rows.iter().enumerate() {
            if grid.len() <= r {
                grid.resize(r + 1, Vec::new());
            }
            let mut c = 0;
            for &cell in row {
                while grid[r].get(c).is_some_and(Option::is_some) {
                    c += 1;
                }
                let e = cell.value().as_element().expect("cells are elements");
                let colspan = span_attr(e.attr("colspan"));
                let rowspan = span_attr(e.attr("rowspan")).min(rows.len() - r);
                total += colspan * rowspan;
                if total > MAX_GRID_CELLS {
                    break;
                }
                let id = cells.len();
                cells.push((cell, r, c));
                for rr in r..r + rowspan {
                    if grid.len() <= rr {
                        grid.resize(rr + 1, Vec::new());
                    }
                    if grid[rr].len() < c + colspan {
                        grid[rr].resize(c + colspan, None);
                    }
                    for cc in c..c + colspan {
                        grid[rr][cc] = Some(id);
                    }
                }
                c += colspan;
            }
        }
        // Render: one piece per cell and row, as a browser copies a table. A cell spanning
        // columns is one piece; a cell spanning rows leaves an empty piece in the rows below,
        // so that the columns stay aligned.
        self.block_break();
        for (r, row) in grid.iter().enumerate() {
            if r > 0 {
                self.out.push('\n');
            }
            let mut first = true;
            for (c, slot) in row.iter().enumerate() {
                let covering = *slot;
                if let Some(id) = covering {
                    if cells[id].2 != c {
                        continue; // a later column of a cell already written
                    }
                }
                if !first {
                    self.out.push('\t');
                }
                first = false;
                if let Some(id) = covering {
                    let (node, or, _) = cells[id];
                    if or == r {
                        self.cell(node, GridPos { table: index, row: r, col: c });
                    }
                }
            }
        }
        self.block_break();
    }

    fn cell(&mut self, node: NodeRef<'_, Node>, pos: GridPos) {
        // The next cell start tag at or after the cursor.
        let k = self.td_offsets.partition_point(|s| s.start < self.cursor);
        let source = self.td_offsets.get(k).copied().unwrap_or(Span::new(self.cursor, self.cursor));
        if source.end > self.cursor {
            self.cursor = source.end;
        }
        let start = self.out.len();
        let saved = self.grid;
        self.grid = Some(pos);
        let nested = node.descendants().skip(1).any(|n| n.value().as_element().is_some_and(|e| e.name() == "table"));
        if nested {
            // A layout table: its cell holds blocks and tables of its own.
            for c in node.children() {
                self.walk(c);
            }
        } else {
            self.in_cell += 1;
            for c in node.children() {
                self.walk(c);
            }
            self.in_cell -= 1;
            while self.out.len() > start && self.out.ends_with(' ') {
                self.out.pop();
            }
        }
        self.grid = saved;
        self.cells.push(Segment { text: Span::new(start, self.out.len()), source, grid: Some(pos), exact: false });
    }
}

fn span_attr(v: Option<&str>) -> usize {
    v.and_then(|s| s.trim().trim_end_matches(';').parse::<usize>().ok()).filter(|&n| n >= 1).unwrap_or(1).min(MAX_SPAN)
}

/// The `<tr>` rows of a table (directly or inside thead/tbody/tfoot, not nested tables),
/// each with its visible `<td>`/`<th>` cells.
fn table_rows<'t>(table: NodeRef<'t, Node>, hidden: &HashSet<String>) -> Vec<Vec<NodeRef<'t, Node>>> {
    let mut rows = Vec::new();
    let visible = |n: &NodeRef<'t, Node>| {
        n.value().as_element().is_some_and(|e| {
            e.attr("hidden").is_none()
                && !e.attr("style").is_some_and(style_hides)
                && !(!hidden.is_empty() && e.classes().any(|c| hidden.contains(c)))
        })
    };
    let mut push_row = |tr: NodeRef<'t, Node>| {
        let cells: Vec<_> = tr
            .children()
            .filter(|c| c.value().as_element().is_some_and(|e| e.name() == "td" || e.name() == "th"))
            .filter(|c| visible(c))
            .collect();
        rows.push(cells);
    };
    for child in table.children() {
        let Some(e) = child.value().as_element() else { continue };
        match e.name() {
            "tr" if visible(&child) => push_row(child),
            "thead" | "tbody" | "tfoot" if visible(&child) => {
                for tr in child.children() {
                    if tr.value().as_element().is_some_and(|e| e.name() == "tr") && visible(&tr) {
                        push_row(tr);
                    }
                }
            }
            _ => {}
        }
    }
    rows
}

/// Does an inline style hide the element?
fn style_hides(style: &str) -> bool {
    let s: String = style.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_ascii_lowercase();
    s.contains("display:none")
        || s.contains("visibility:hidden")
        || s.split(';').any(|d| {
            d.strip_prefix("font-size:").is_some_and(|v| {
                let n: String = v.chars().take_while(|c| c.is_ascii_digit() || *c == '.').collect();
                n.parse::<f64>().is_ok_and(|x| x == 0.0)
            })
        })
        || s.contains("opacity:0;")
        || s.ends_with("opacity:0")
}

/// Classes hidden by simple rules in `<style>` blocks, e.g. `.jammer{display:none}`.
fn hidden_classes(html: &Html) -> HashSet<String> {
    let mut out = HashSet::new();
    for node in html.tree.root().descendants() {
        let Some(e) = node.value().as_element() else { continue };
        if e.name() != "style" {
            continue;
        }
        let css: String = node.children().filter_map(|c| c.value().as_text().map(|t| t.to_string())).collect();
        for rule in css.split('}') {
            let Some((selectors, body)) = rule.split_once('{') else { continue };
            if !style_hides(body) {
                continue;
            }
            for sel in selectors.split(',') {
                let sel = sel.trim();
                // Only simple class selectors, possibly qualified by a tag: `.x`, `span.x`.
                if let Some((_, class)) = sel.rsplit_once('.') {
                    if !class.is_empty() && class.chars().all(|c| c.is_alphanumeric() || c == '-' || c == '_') {
                        out.insert(class.to_string());
                    }
                }
            }
        }
    }
    out
}

/// Byte spans of every `<td …>` / `<th …>` start tag in source order, outside comments,
/// scripts and styles.
fn cell_tag_offsets(src: &str) -> Vec<Span> {
    let b = src.as_bytes();
    let lower = |i: usize| b.get(i).map(|c| c.to_ascii_lowercase());
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if b[i] != b'<' {
            i += 1;
            continue;
        }
        if src[i..].starts_with("<!--") {
            i = src[i + 4..].find("-->").map(|j| i + 4 + j + 3).unwrap_or(b.len());
            continue;
        }
        let name_is = |i: usize, n: &[u8]| {
            n.iter().enumerate().all(|(k, &c)| lower(i + 1 + k) == Some(c))
                && !lower(i + 1 + n.len()).is_some_and(|c| c.is_ascii_alphanumeric())
        };
        for raw in [&b"script"[..], b"style"] {
            if name_is(i, raw) {
                let close = format!("</{}", std::str::from_utf8(raw).unwrap_or(""));
                let rest = &src[i..];
                let lower_rest = rest.to_ascii_lowercase();
                i += lower_rest.find(&close).unwrap_or(rest.len());
                break;
            }
        }
        if i < b.len() && b[i] == b'<' && (name_is(i, b"td") || name_is(i, b"th")) {
            let end = src[i..].find('>').map(|j| i + j + 1).unwrap_or(b.len());
            out.push(Span::new(i, end));
            i = end;
            continue;
        }
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grid_expands_spans_and_skips_hidden() {
        let src = r#"<html><head><title>T</title><style>.j{display:none}</style></head><body>
<p>一、总体情况<span class="j">噪声</span></p>
<table><tr><td rowspan="2">三、本年度办理结果</td><td>（一）予以公开</td><td>1</td></tr>
<tr><td>（二）部分公开</td><td>&nbsp;</td></tr></table>
<script>var x = "<td>";</script><p style="display: none">隐藏</p></body></html>"#;
        let d = render(src);
        assert_eq!(d.text, "一、总体情况\n三、本年度办理结果\t（一）予以公开\t1\n\t（二）部分公开\t\n");
        let spans = render("<table><tr><td colspan=2>行政许可</td><td colspan=3>5</td></tr></table>");
        assert_eq!(spans.text, "行政许可\t5\n");
        assert_eq!(d.html_title.as_deref(), Some("T"));
        // The cell "1" maps to its grid position and its <td> tag.
        let at = d.text.find('1').unwrap();
        assert_eq!(d.grid_at(at), Some(GridPos { table: 0, row: 0, col: 2 }));
        let s = d.source_span(Span::new(at, at + 1));
        assert_eq!(&src[s.start..s.end], "1");
    }

    #[test]
    fn hostile_spans_are_clamped() {
        let src = "<table><tr><td rowspan=100000 colspan=100000>x</td><td>1</td></tr></table>";
        let d = render(src);
        assert!(d.text.contains('x'));
    }
}
