//! HTML front end: renders a page or a Word export into the analysis text.
//!
//! Tables become a true grid (rowspan/colspan expanded): cells joined by tabs, rows by
//! newlines, a cell covered by a span left empty. Block elements start new lines. Hidden
//! elements (`display:none`, `visibility:hidden`, `font-size:0`, the `hidden` attribute,
//! classes a `<style>` block hides: the usual anti-scraping "jammer" spans), `<script>`,
//! `<style>` and friends are skipped.
//!
//! Each piece of the rendered text keeps the source bytes it came from: texts are found in the
//! page's text, never inside a tag or a script (`locate`, over one scan of the markup,
//! `markup`). A footnote mark after a number (`21<sup>1</sup>`) is written in superscript
//! digits (`21¹`), which no number reads as its own. html5ever is given the markup without
//! tags nested deeper than the renderer reads (`depth`), so that deep nesting stays linear.
//!
//! The renderer walks any tree that implements [`HtmlNode`]: natively the tree scraper
//! (html5ever) builds from a string ([`render`], feature `scraper`); in the browser the
//! browser's own DOM, either parsed from a string by `DOMParser` or a live element of a page
//! (the `web` module), which also knows what the page really shows.

#[cfg(feature = "scraper")]
mod depth;
mod locate;
mod markup;

use super::document::{Document, Segment};
use crate::model::{GridPos, InputKind};
use crate::source::Span;
use locate::{Found, Locator};
use std::borrow::Cow;
use std::collections::HashSet;

/// Spans larger than this are clamped: a hostile `rowspan="100000"` must not blow up memory.
const MAX_SPAN: usize = 1000;
/// A table grid larger than this many cells is rendered as plain text.
const MAX_GRID_CELLS: usize = 2_000_000;
/// Elements nested deeper than this are read as text only (their markup is ignored), so that a
/// hostile page cannot exhaust the stack.
const MAX_DEPTH: usize = 512;

/// What an element does to the rendered text.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Role {
    /// Not shown, or not report text: `<script>`, `<style>`, form controls, media…
    Skip,
    Break,
    Table,
    /// `<td>`, `<tr>`… (outside a table: blocks)
    TablePart,
    Block,
    Inline,
}

impl Role {
    fn of(name: &str) -> Role {
        let lower;
        let name = if name.bytes().any(|b| b.is_ascii_uppercase()) {
            lower = name.to_ascii_lowercase();
            lower.as_str()
        } else {
            name
        };
        match name {
            "script" | "style" | "noscript" | "template" | "head" | "iframe" | "object"
            | "embed" | "svg" | "math" | "select" | "option" | "button" | "input" | "textarea"
            | "canvas" | "audio" | "video" | "map" => Role::Skip,
            "br" => Role::Break,
            "table" => Role::Table,
            "td" | "th" | "tr" | "tbody" | "thead" | "tfoot" => Role::TablePart,
            "p" | "div" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "li" | "ul" | "ol" | "dl"
            | "dt" | "dd" | "section" | "article" | "header" | "footer" | "nav" | "aside"
            | "main" | "blockquote" | "pre" | "address" | "figure" | "figcaption" | "form"
            | "fieldset" | "hr" | "caption" | "center" | "body" | "html" => Role::Block,
            _ => Role::Inline,
        }
    }
}

/// What a node of an HTML tree is, as far as the renderer cares.
pub enum NodeKind<'a> {
    /// An element, by its lower-case local name.
    Element(Cow<'a, str>),
    /// A text node's data (entities already decoded).
    Text(Cow<'a, str>),
    /// A document or fragment: only its children count.
    Container,
    /// Comments, doctypes, processing instructions: ignored.
    Other,
}

/// A node of an HTML tree: the little the renderer needs of a DOM.
pub trait HtmlNode: Clone {
    fn kind(&self) -> NodeKind<'_>;
    fn attr(&self, name: &str) -> Option<Cow<'_, str>>;
    fn first_child(&self) -> Option<Self>;
    fn next_sibling(&self) -> Option<Self>;
    /// Whether a live page hides this element (computed style); `None` when the tree was not
    /// rendered (a parsed string), and the renderer judges by attributes and `<style>` rules.
    fn rendered_hidden(&self) -> Option<bool> {
        None
    }
}

fn children<N: HtmlNode>(node: &N) -> impl Iterator<Item = N> {
    std::iter::successors(node.first_child(), |c| c.next_sibling())
}

fn tag<N: HtmlNode>(node: &N) -> Option<Cow<'_, str>> {
    match node.kind() {
        NodeKind::Element(name) => Some(name),
        _ => None,
    }
}

fn is_tag<N: HtmlNode>(node: &N, names: &[&str]) -> bool {
    tag(node).is_some_and(|t| names.iter().any(|n| t.eq_ignore_ascii_case(n)))
}

/// `root` and the nodes below it in document order, without walking below a node `prune`
/// says to leave (an explicit stack: no recursion, however deep the tree).
fn descendants<N: HtmlNode>(root: &N, prune: impl Fn(&N) -> bool) -> impl Iterator<Item = N> {
    let mut stack = vec![root.clone()];
    std::iter::from_fn(move || {
        let n = stack.pop()?;
        if !prune(&n) {
            let at = stack.len();
            stack.extend(children(&n));
            stack[at..].reverse();
        }
        Some(n)
    })
}

fn text_of<N: HtmlNode>(node: &N) -> String {
    let mut out = String::new();
    for n in descendants(node, |_| false) {
        if let NodeKind::Text(t) = n.kind() {
            out.push_str(&t);
        }
    }
    out
}

/// Parse an HTML string with html5ever (scraper) and render it.
#[cfg(feature = "scraper")]
pub fn render(source: &str) -> Document {
    // html5ever nests without limit, and costs depth × tags on deep markup: give it the markup
    // without the tags deeper than the renderer reads (texts are then found in `source`).
    let scan = markup::scan(source);
    let shallow = depth::flatten(source, &scan.tags, MAX_DEPTH + 16);
    let html = scraper::Html::parse_document(&shallow);
    render_scanned(source, scan, html.tree.root(), None).0
}

#[cfg(feature = "scraper")]
impl<'a> HtmlNode for ego_tree::NodeRef<'a, scraper::Node> {
    fn kind(&self) -> NodeKind<'_> {
        match self.value() {
            scraper::Node::Element(e) => NodeKind::Element(Cow::Borrowed(e.name())),
            scraper::Node::Text(t) => NodeKind::Text(Cow::Borrowed(&t[..])),
            scraper::Node::Document | scraper::Node::Fragment => NodeKind::Container,
            _ => NodeKind::Other,
        }
    }
    fn attr(&self, name: &str) -> Option<Cow<'_, str>> {
        // A linear scan by name: an element has a handful of attributes, and scraper's own
        // `attr` interns the name and binary-searches by qualified name, which costs more.
        self.value()
            .as_element()?
            .attrs()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| Cow::Borrowed(v))
    }
    fn first_child(&self) -> Option<Self> {
        ego_tree::NodeRef::first_child(self)
    }
    fn next_sibling(&self) -> Option<Self> {
        ego_tree::NodeRef::next_sibling(self)
    }
}

/// Render a tree whose markup is `source` (text is located in `source` to map positions back).
/// `title` stands for the page's `<title>` when the tree has none (a live element of a page).
/// Returns the document and, for each table cell rendered, its grid position and node.
pub fn render_tree<N: HtmlNode>(
    source: &str,
    root: N,
    title: Option<String>,
) -> (Document, Vec<(GridPos, N)>) {
    render_scanned(source, markup::scan(source), root, title)
}

fn render_scanned<N: HtmlNode>(
    source: &str,
    scan: markup::Scan,
    root: N,
    title: Option<String>,
) -> (Document, Vec<(GridPos, N)>) {
    let markup = Markup::of(source, &scan.tags);
    // Without a `<style` in the markup there is no `<style>` element to read (saves a walk of the tree).
    let hidden_classes = if markup.has_style {
        hidden_classes(&root)
    } else {
        HashSet::new()
    };
    let mut r = Renderer {
        out: String::with_capacity(source.len() / 3),
        segs: Vec::new(),
        cells: Vec::new(),
        cell_nodes: Vec::new(),
        loc: Locator::new(source, scan.markup),
        td_offsets: markup.cell_tags,
        tables: 0,
        hidden_classes,
        in_cell: 0,
        depth: 0,
        grid: None,
        mark: None,
    };
    let own_title = find_title(&root).map(|t| text_of(&t));
    let title = own_title
        .or(title)
        .map(|t| t.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|t| !t.is_empty());
    r.walk(root);
    // Cell segments first, text segments after them on ties (the sort is stable), so that a
    // lookup at an offset finds the most precise piece: the text itself.
    let mut segs = r.cells;
    segs.extend(r.segs);
    segs.sort_by_key(|s| (s.text.start, usize::MAX - s.text.len()));
    let doc = Document {
        source: source.to_string(),
        kind: InputKind::Html,
        text: r.out,
        segments: segs,
        html_title: title,
    };
    (doc, r.cell_nodes)
}

/// The first `<title>` element, outside `<body>` content that is skipped anyway.
fn find_title<N: HtmlNode>(root: &N) -> Option<N> {
    descendants(root, |n| is_tag(n, &["body", "svg"])).find(|n| is_tag(n, &["title"]))
}

struct Renderer<'a, N> {
    out: String,
    segs: Vec<Segment>,
    cells: Vec<Segment>,
    cell_nodes: Vec<(GridPos, N)>,
    /// Finds each text in the source.
    loc: Locator<'a>,
    td_offsets: Vec<Span>,
    tables: usize,
    hidden_classes: HashSet<String>,
    in_cell: usize,
    depth: usize,
    grid: Option<GridPos>,
    /// Inside a `<sup>` or `<sub>` footnote mark after a number: its digits are written as
    /// superscripts (subscripts), which no number reads as its own digits.
    mark: Option<Mark>,
}

/// A footnote mark set as `<sup>` or `<sub>`.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Mark {
    Sup,
    Sub,
}

impl Mark {
    /// Digits and brackets of a mark, as superscripts (subscripts).
    fn convert(self, c: char) -> char {
        const SUP: [char; 10] = ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];
        let d = match c {
            '0'..='9' => Some(c as usize - '0' as usize),
            '０'..='９' => Some(c as usize - '０' as usize),
            _ => None,
        };
        match (self, d, c) {
            (Mark::Sup, Some(d), _) => SUP[d],
            (Mark::Sub, Some(d), _) => char::from_u32(0x2080 + d as u32).unwrap_or(c),
            (Mark::Sup, None, '(' | '（' | '[' | '［' | '〔') => '⁽',
            (Mark::Sup, None, ')' | '）' | ']' | '］' | '〕') => '⁾',
            (Mark::Sub, None, '(' | '（' | '[' | '［' | '〔') => '₍',
            (Mark::Sub, None, ')' | '）' | ']' | '］' | '〕') => '₎',
            _ => c,
        }
    }

    /// Is this the text of a footnote mark: up to three digits, maybe in brackets (`1`, `[2]`, `（3）`)?
    fn is_mark(text: &str) -> bool {
        let t = text.trim_matches(|c: char| c.is_whitespace() || c == '\u{A0}');
        let t = t
            .strip_prefix(['(', '（', '[', '［', '〔'])
            .and_then(|t| t.strip_suffix([')', '）', ']', '］', '〕']))
            .unwrap_or(t);
        let n = t.chars().count();
        (1..=3).contains(&n)
            && t.chars()
                .all(|c| c.is_ascii_digit() || ('０'..='９').contains(&c))
    }
}

/// White space as the renderer collapses it (U+00A0 and U+3000 count as spaces).
fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{00A0}' || c == '\u{3000}'
}

impl<'a, N: HtmlNode> Renderer<'a, N> {
    fn walk(&mut self, node: N) {
        if self.depth >= MAX_DEPTH {
            // Too deep to walk safely: keep the words, lose the markup.
            let t = text_of(&node);
            self.text(&t);
            return;
        }
        self.depth += 1;
        self.walk_node(node);
        self.depth -= 1;
    }

    fn walk_children(&mut self, node: &N) {
        for c in children(node) {
            self.walk(c);
        }
    }

    fn walk_node(&mut self, node: N) {
        let role = match node.kind() {
            NodeKind::Text(t) => return self.text(&t),
            NodeKind::Container => return self.walk_children(&node),
            NodeKind::Other => return,
            NodeKind::Element(name) => Role::of(&name),
        };
        if role == Role::Skip || is_hidden(&node, &self.hidden_classes) {
            return;
        }
        match role {
            Role::Break => self.line_break(),
            Role::Table => self.table(node),
            // Stray table parts outside a table are blocks.
            Role::Block | Role::TablePart => {
                self.block_break();
                self.walk_children(&node);
                self.block_break();
            }
            Role::Inline
                if is_tag(&node, &["sup", "sub"])
                    && self.mark.is_none()
                    && self.after_number()
                    && Mark::is_mark(&text_of(&node)) =>
            {
                // `21<sup>1</sup>`: a footnote mark, not a digit of 21.
                self.mark = Some(if is_tag(&node, &["sup"]) {
                    Mark::Sup
                } else {
                    Mark::Sub
                });
                self.walk_children(&node);
                self.mark = None;
            }
            Role::Inline | Role::Skip => self.walk_children(&node),
        }
    }

    /// Does the output end with a digit (spaces aside)?
    fn after_number(&self) -> bool {
        self.out
            .trim_end_matches(' ')
            .ends_with(|c: char| c.is_ascii_digit() || ('０'..='９').contains(&c))
    }

    fn text(&mut self, t: &str) {
        // Collapse white space as a browser does; U+00A0 counts as a space here. Each piece of
        // the output gets the source bytes it came from: a run of characters its own (mapped
        // character by character when the source spells them otherwise), a collapsed run of
        // white space the whole run.
        let found = if t.chars().any(|c| !is_space(c)) {
            self.loc.locate(t)
        } else {
            Found::No
        };
        let here = self.loc.cursor;
        let map = std::mem::take(&mut self.loc.map);
        // The source of t[i..j], characters k..l.
        let source = |i: usize, j: usize, k: usize, l: usize| match found {
            Found::Exact(s) => Span::new(s + i, s + j),
            Found::Mapped if k < l => Span::new(map[k].0, map[l - 1].1),
            _ => Span::new(here, here),
        };
        let first_seg = self.segs.len();
        let mut space = self.out.is_empty() || self.out.ends_with([' ', '\n', '\t']);
        let mut chars = t.char_indices().enumerate().peekable();
        while let Some((k, (i, c))) = chars.next() {
            if is_space(c) {
                let (mut l, mut j) = (k + 1, i + c.len_utf8());
                while let Some(&(k2, (i2, c2))) = chars.peek() {
                    if !is_space(c2) {
                        break;
                    }
                    (l, j) = (k2 + 1, i2 + c2.len_utf8());
                    chars.next();
                }
                if !space {
                    let o = self.out.len();
                    self.out.push(' ');
                    let src = source(i, j, k, l);
                    let exact = found != Found::No && &t[i..j] == " " && src.len() == 1;
                    self.piece(first_seg, Span::new(o, o + 1), src, exact);
                }
                space = true;
                continue;
            }
            space = false;
            if found == Found::Mapped || self.mark.is_some() {
                // Character by character.
                let shown = self.mark.map_or(c, |m| m.convert(c));
                let o = self.out.len();
                self.out.push(shown);
                let src = source(i, i + c.len_utf8(), k, k + 1);
                let exact = found != Found::No && shown == c && src.len() == c.len_utf8();
                self.piece(first_seg, Span::new(o, self.out.len()), src, exact);
                continue;
            }
            // A run of characters up to the next white space, as one piece.
            let mut j = i + c.len_utf8();
            while let Some(&(_, (i2, c2))) = chars.peek() {
                if is_space(c2) {
                    break;
                }
                j = i2 + c2.len_utf8();
                chars.next();
            }
            let o = self.out.len();
            self.out.push_str(&t[i..j]);
            let exact = found != Found::No;
            self.piece(
                first_seg,
                Span::new(o, self.out.len()),
                source(i, j, 0, 0),
                exact,
            );
        }
        self.loc.map = map;
    }

    /// Add a piece of output and its source, merged with the segment before it when both map
    /// byte for byte and follow each other (or both stand at the same place).
    fn piece(&mut self, first_seg: usize, text: Span, source: Span, exact: bool) {
        if self.segs.len() > first_seg {
            if let Some(last) = self.segs.last_mut() {
                let follows = last.text.end == text.start && last.grid == self.grid;
                if follows && exact && last.exact && last.source.end == source.start {
                    last.text.end = text.end;
                    last.source.end = source.end;
                    return;
                }
                if follows && !exact && !last.exact && source.is_empty() && last.source == source {
                    last.text.end = text.end;
                    return;
                }
            }
        }
        self.segs.push(Segment {
            text,
            source,
            grid: self.grid,
            exact,
        });
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

    fn table(&mut self, table: N) {
        let index = self.tables;
        self.tables += 1;
        let rows = table_rows(&table, &self.hidden_classes);
        // Lay the cells out on a grid: every position holds the id of the cell covering it.
        let mut grid: Vec<Vec<Option<usize>>> = Vec::new();
        let mut cells: Vec<(N, usize, usize, usize)> = Vec::new(); // node, row, col, levels below the table
        let mut total = 0usize;
        for (r, (row, levels)) in rows.iter().enumerate() {
            if grid.len() <= r {
                grid.resize(r + 1, Vec::new());
            }
            let mut c = 0;
            for cell in row {
                while grid[r].get(c).is_some_and(Option::is_some) {
                    c += 1;
                }
                let colspan = span_attr(cell.attr("colspan").as_deref());
                let rowspan = span_attr(cell.attr("rowspan").as_deref()).min(rows.len() - r);
                total += colspan * rowspan;
                if total > MAX_GRID_CELLS {
                    break;
                }
                let id = cells.len();
                cells.push((cell.clone(), r, c, *levels));
                for rr in r..r + rowspan {
                    if grid.len() <= rr {
                        grid.resize(rr + 1, Vec::new());
                    }
                    if grid[rr].len() < c + colspan {
                        grid[rr].resize(c + colspan, None);
                    }
                    for slot in &mut grid[rr][c..c + colspan] {
                        *slot = Some(id);
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
                    let (node, or, _, levels) = &cells[id];
                    if *or == r {
                        self.cell(
                            node.clone(),
                            GridPos {
                                table: index,
                                row: r,
                                col: c,
                            },
                            *levels,
                        );
                    }
                }
            }
        }
        self.block_break();
    }

    /// A cell `levels` elements below its table (`tr`, `td`; `tbody` too when there is one).
    fn cell(&mut self, node: N, pos: GridPos, levels: usize) {
        // The next cell start tag at or after the cursor; the cell stands just after it (an
        // empty cell is an empty span there, outside the tag).
        let cursor = self.loc.cursor;
        let k = self.td_offsets.partition_point(|s| s.start < cursor);
        let at = self.td_offsets.get(k).map_or(cursor, |s| s.end);
        let source = Span::new(at, at);
        self.loc.cursor = cursor.max(at);
        let start = self.out.len();
        let saved = self.grid;
        self.grid = Some(pos);
        // The cell's content is as deep in the tree as it is (the rows were not walked).
        self.depth += levels;
        if has_nested_table(&node, MAX_DEPTH.saturating_sub(self.depth)) {
            // A layout table: its cell holds blocks and tables of its own.
            self.walk_children(&node);
        } else {
            self.in_cell += 1;
            self.walk_children(&node);
            self.in_cell -= 1;
            while self.out.len() > start && self.out.ends_with(' ') {
                self.out.pop();
            }
        }
        self.depth -= levels;
        self.grid = saved;
        self.cell_nodes.push((pos, node));
        self.cells.push(Segment {
            text: Span::new(start, self.out.len()),
            source,
            grid: Some(pos),
            exact: false,
        });
    }
}

fn span_attr(v: Option<&str>) -> usize {
    v.and_then(|s| s.trim().trim_end_matches(';').parse::<usize>().ok())
        .filter(|&n| n >= 1)
        .unwrap_or(1)
        .min(MAX_SPAN)
}

/// Does the cell hold a table of its own (a layout table) among its descendants down to
/// `depth` levels below it? (Deeper than the renderer walks, a table is text.)
fn has_nested_table<N: HtmlNode>(cell: &N, depth: usize) -> bool {
    let mut stack: Vec<(N, usize)> = children(cell).map(|c| (c, 1)).collect();
    stack.reverse();
    while let Some((n, d)) = stack.pop() {
        if d > depth {
            continue;
        }
        if is_tag(&n, &["table"]) {
            return true;
        }
        let at = stack.len();
        stack.extend(children(&n).map(|c| (c, d + 1)));
        stack[at..].reverse();
    }
    false
}

/// Is an element hidden: by the live page's computed style, the `hidden` attribute, an
/// inline style, or a class a `<style>` block hides?
fn is_hidden<N: HtmlNode>(node: &N, hidden_classes: &HashSet<String>) -> bool {
    if let Some(h) = node.rendered_hidden() {
        return h;
    }
    node.attr("hidden").is_some()
        || node.attr("style").is_some_and(|s| style_hides(&s))
        || (!hidden_classes.is_empty()
            && node.attr("class").is_some_and(|c| {
                c.split_ascii_whitespace()
                    .any(|c| hidden_classes.contains(c))
            }))
}

/// The `<tr>` rows of a table (directly or inside thead/tbody/tfoot, not nested tables),
/// each with its visible `<td>`/`<th>` cells and how many levels below the table they are.
fn table_rows<N: HtmlNode>(table: &N, hidden: &HashSet<String>) -> Vec<(Vec<N>, usize)> {
    let mut rows = Vec::new();
    let visible = |n: &N| !is_hidden(n, hidden);
    let mut push_row = |tr: &N, levels: usize| {
        let cells: Vec<N> = children(tr)
            .filter(|c| is_tag(c, &["td", "th"]) && visible(c))
            .collect();
        rows.push((cells, levels));
    };
    for child in children(table) {
        if is_tag(&child, &["tr"]) {
            if visible(&child) {
                push_row(&child, 2);
            }
        } else if is_tag(&child, &["thead", "tbody", "tfoot"]) && visible(&child) {
            for tr in children(&child) {
                if is_tag(&tr, &["tr"]) && visible(&tr) {
                    push_row(&tr, 3);
                }
            }
        }
    }
    rows
}

/// Does an inline style (or a CSS rule's body) hide the element? `display: none`,
/// `visibility: hidden`, `font-size: 0` (any unit) or `opacity: 0`, in any letter case, with
/// or without `!important`. Word exports put a style on nearly every span, so this reads the
/// declarations in place without allocating.
fn style_hides(style: &str) -> bool {
    let b = style.as_bytes();
    memchr::memchr_iter(b':', b).any(|colon| {
        // Only values starting `0`, `.`, `n(one)` or `h(idden)` can hide; most declarations are
        // others (font-family, margins, borders…), so look at the property only for those.
        let value_start = b[colon + 1..]
            .iter()
            .position(|c| !c.is_ascii_whitespace())
            .map_or(b.len(), |k| colon + 1 + k);
        if b.get(value_start)
            .is_some_and(|&c| c.is_ascii() && !matches!(c, b'0' | b'.' | b'n' | b'N' | b'h' | b'H'))
        {
            return false;
        }
        let start = memchr::memrchr(b';', &b[..colon]).map_or(0, |k| k + 1);
        let end = memchr::memchr(b';', &b[colon..]).map_or(b.len(), |k| colon + k);
        declaration_hides(&style[start..colon], &style[colon + 1..end])
    })
}

/// Does one declaration `prop: value` hide the element?
fn declaration_hides(prop: &str, value: &str) -> bool {
    let prop = prop.trim_ascii();
    let hides: fn(&str) -> bool = match prop.len() {
        7 if prop.eq_ignore_ascii_case("display") => |v| v.eq_ignore_ascii_case("none"),
        10 if prop.eq_ignore_ascii_case("visibility") => |v| v.eq_ignore_ascii_case("hidden"),
        9 if prop.eq_ignore_ascii_case("font-size") => number_is_zero,
        7 if prop.eq_ignore_ascii_case("opacity") => number_is_zero,
        _ => return false,
    };
    let mut value = value.trim();
    // (Compared as bytes: the last ten bytes may cut a character; when they match they are
    // ASCII, so the cut is then on a boundary.)
    let bytes = value.as_bytes();
    if bytes.len() >= 10 && bytes[bytes.len() - 10..].eq_ignore_ascii_case(b"!important") {
        value = value[..value.len() - 10].trim_end();
    }
    hides(value)
}

/// Does a CSS value start with a number equal to zero (`0`, `0.0`, `0px`, `0pt`)?
fn number_is_zero(v: &str) -> bool {
    let n = &v[..v
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(v.len())];
    n.parse::<f64>().is_ok_and(|x| x == 0.0)
}

/// Classes hidden by simple rules in `<style>` blocks, e.g. `.jammer{display:none}`.
fn hidden_classes<N: HtmlNode>(root: &N) -> HashSet<String> {
    let mut out = HashSet::new();
    for node in descendants(root, |n| is_tag(n, &["style"])).filter(|n| is_tag(n, &["style"])) {
        let css = text_of(&node);
        for rule in css.split('}') {
            let Some((selectors, body)) = rule.split_once('{') else {
                continue;
            };
            if !style_hides(body) {
                continue;
            }
            for sel in selectors.split(',') {
                let sel = sel.trim();
                // Only simple class selectors, possibly qualified by a tag: `.x`, `span.x`.
                if let Some((_, class)) = sel.rsplit_once('.') {
                    if !class.is_empty()
                        && class
                            .chars()
                            .all(|c| c.is_alphanumeric() || c == '-' || c == '_')
                    {
                        out.insert(class.to_string());
                    }
                }
            }
        }
    }
    out
}

/// What the renderer needs of the markup's tags: every `<td …>` / `<th …>` start tag (byte
/// spans in source order, outside comments, scripts and styles), and whether there is a
/// `<style>`.
struct Markup {
    cell_tags: Vec<Span>,
    has_style: bool,
}

impl Markup {
    fn of(src: &str, tags: &[markup::TagAt]) -> Markup {
        let b = src.as_bytes();
        let mut has_style = false;
        let mut cell_tags = Vec::new();
        for t in tags.iter().filter(|t| !t.close) {
            let name = t.name(b);
            if name.eq_ignore_ascii_case(b"td") || name.eq_ignore_ascii_case(b"th") {
                cell_tags.push(Span::new(t.start, t.end));
            } else {
                has_style |= name.eq_ignore_ascii_case(b"style");
            }
        }
        Markup {
            cell_tags,
            has_style,
        }
    }
}

#[cfg(all(test, feature = "scraper"))]
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
        assert_eq!(
            d.text,
            "一、总体情况\n三、本年度办理结果\t（一）予以公开\t1\n\t（二）部分公开\t\n"
        );
        let spans =
            render("<table><tr><td colspan=2>行政许可</td><td colspan=3>5</td></tr></table>");
        assert_eq!(spans.text, "行政许可\t5\n");
        assert_eq!(d.html_title.as_deref(), Some("T"));
        // The cell "1" maps to its grid position and its <td> tag.
        let at = d.text.find('1').unwrap();
        assert_eq!(
            d.grid_at(at),
            Some(GridPos {
                table: 0,
                row: 0,
                col: 2
            })
        );
        let s = d.source_span(Span::new(at, at + 1));
        assert_eq!(&src[s.start..s.end], "1");
    }

    #[test]
    fn styles_that_hide() {
        for hides in [
            "display:none",
            "DISPLAY: None !important",
            "color:red; visibility : hidden",
            "font-size:0",
            "font-size:0pt",
            "font-size: 0.0px;",
            "opacity:0",
            "opacity: 0.0",
            "background:url(http://x/a.png);display:none",
            "display:\u{3000}none",
            "font-size:.0",
            "color:red;;font-size : 0 ;",
        ] {
            assert!(style_hides(hides), "{hides}");
        }
        for shows in [
            "font-size:10.5pt；字体：宋体",
            "display:宋体宋体宋体宋体",
            "",
            "display:block",
            "font-size:10.5pt",
            "font-size:0.5em",
            "opacity:0.5",
            "visibility:visible",
            "mso-hide:none",
            "text-indent:0;color:none",
        ] {
            assert!(!style_hides(shows), "{shows}");
        }
    }

    #[test]
    fn grid_walker_agrees_with_grid_at() {
        let src = "<p>前言</p><table><tr><td rowspan=2>a</td><td>b</td><td></td></tr><tr><td>c</td><td colspan=2>d d</td></tr></table><p>后记</p><table><tr><td>e</td></tr></table>";
        let d = render(src);
        let mut walk = d.grid_walker();
        for at in 0..=d.text.len() + 1 {
            assert_eq!(walk(at), d.grid_at(at), "at {at}");
        }
        // Asked out of order, it still answers right.
        let mut walk = d.grid_walker();
        for at in [d.text.len(), 0, 5, 3] {
            assert_eq!(walk(at), d.grid_at(at), "at {at}");
        }
    }

    #[test]
    fn deep_markup_renders_as_without_the_depth_guard() {
        // The tags the guard removes lie below MAX_DEPTH, where the renderer reads text only:
        // the document is the same as from the whole markup.
        let t = "某某县2023年报告";
        let mut cases = Vec::new();
        for n in [MAX_DEPTH - 20, MAX_DEPTH + 40, 3 * MAX_DEPTH] {
            for (open, close) in [
                ("<div>", "</div>"),
                ("<span class=x>", "</span>"),
                ("<b>", "</b>"),
                ("<table><tr><td>", "</td></tr></table>"),
                ("<blockquote><p>a", ""),
                ("<ul><li>x", "</li></ul>"),
                (
                    "<div><p>1<span style=\"display:none\">9</span><br>",
                    "</div>",
                ),
                ("<svg><g>", "</g></svg>"),
            ] {
                cases.push(format!("<html><head><title>T</title></head><body><p>前</p>{}{t}<p>尾</p>{}<p>后记</p></body></html>", open.repeat(n), close.repeat(n)));
                cases.push(format!("<html><body>{}{t}", open.repeat(n)));
            }
        }
        for src in cases {
            let whole = scraper::Html::parse_document(&src);
            let plain = render_tree(&src, whole.tree.root(), None).0;
            let guarded = render(&src);
            assert_eq!(guarded.text, plain.text, "{}", &src[..80]);
            assert_eq!(guarded.text.contains(t), plain.text.contains(t));
        }
    }

    #[test]
    fn hostile_spans_are_clamped() {
        let src = "<table><tr><td rowspan=100000 colspan=100000>x</td><td>1</td></tr></table>";
        let d = render(src);
        assert!(d.text.contains('x'));
    }
}
