//! Keeping html5ever linear on deeply nested markup.
//!
//! html5ever's tree builder walks its stack of open elements for many start tags (a `<div>`
//! first closes a `<p>` "in button scope", which means looking down the whole stack when
//! there is none), so 100 000 nested `<div>`s cost 5·10⁹ steps (45 s). Browsers cap the depth
//! of the tree they build (Blink at 512); html5ever has no such cap, so this pass gives it
//! markup it cannot nest too deeply: it follows the tree builder's stack of open elements
//! closely enough (implied end tags, scopes, tables, foreign content) — erring on the
//! shallow side, never the deep one — and removes the start and end tags of the elements
//! that would sit deeper than the limit.
//!
//! The renderer reads everything below [`super::MAX_DEPTH`] as plain text anyway, and this
//! pass only removes tags deeper than that, so what is rendered does not change: the texts
//! are the same, in the same order (text positions are then found in the original source).

use super::markup::{self, TagAt};
use std::borrow::Cow;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// FNV-1a: tag names are a few bytes, and SipHash cost more than the rest of the tracker.
#[derive(Default)]
struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h = (h ^ b as u64).wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

/// Scope boundaries of the tree builder ("has an element in scope").
const DEFAULT_SCOPE: u8 = 1;
/// "Has an element in table scope": html, table, template.
const TABLE_SCOPE: u8 = 2;
/// The "special" elements (an end tag of another name stops at them).
const SPECIAL: u8 = 4;
/// Special elements other than address, div and p (an `<li>` looks for an open `<li>` up to them).
const SPECIAL_NOT_ADP: u8 = 8;
const HEADING: u8 = 16;
const CATEGORIES: usize = 5;

fn flags_of(name: &[u8]) -> u8 {
    let mut f = 0;
    if matches!(
        name,
        b"applet"
            | b"caption"
            | b"html"
            | b"table"
            | b"td"
            | b"th"
            | b"marquee"
            | b"object"
            | b"template"
    ) {
        f |= DEFAULT_SCOPE;
    }
    if matches!(name, b"html" | b"table" | b"template") {
        f |= TABLE_SCOPE;
    }
    if is_special(name) {
        f |= SPECIAL;
        if !matches!(name, b"address" | b"div" | b"p") {
            f |= SPECIAL_NOT_ADP;
        }
    }
    if is_heading(name) {
        f |= HEADING;
    }
    f
}

fn is_heading(name: &[u8]) -> bool {
    matches!(name, b"h1" | b"h2" | b"h3" | b"h4" | b"h5" | b"h6")
}

fn is_special(name: &[u8]) -> bool {
    matches!(
        name,
        b"address"
            | b"applet"
            | b"area"
            | b"article"
            | b"aside"
            | b"base"
            | b"basefont"
            | b"bgsound"
            | b"blockquote"
            | b"body"
            | b"br"
            | b"button"
            | b"caption"
            | b"center"
            | b"col"
            | b"colgroup"
            | b"dd"
            | b"details"
            | b"dir"
            | b"div"
            | b"dl"
            | b"dt"
            | b"embed"
            | b"fieldset"
            | b"figcaption"
            | b"figure"
            | b"footer"
            | b"form"
            | b"frame"
            | b"frameset"
            | b"h1"
            | b"h2"
            | b"h3"
            | b"h4"
            | b"h5"
            | b"h6"
            | b"head"
            | b"header"
            | b"hgroup"
            | b"hr"
            | b"html"
            | b"iframe"
            | b"img"
            | b"input"
            | b"keygen"
            | b"li"
            | b"link"
            | b"listing"
            | b"main"
            | b"marquee"
            | b"menu"
            | b"meta"
            | b"nav"
            | b"noembed"
            | b"noframes"
            | b"noscript"
            | b"object"
            | b"ol"
            | b"p"
            | b"param"
            | b"plaintext"
            | b"pre"
            | b"script"
            | b"search"
            | b"section"
            | b"select"
            | b"source"
            | b"style"
            | b"summary"
            | b"table"
            | b"tbody"
            | b"td"
            | b"template"
            | b"textarea"
            | b"tfoot"
            | b"th"
            | b"thead"
            | b"title"
            | b"tr"
            | b"track"
            | b"ul"
            | b"wbr"
            | b"xmp"
    )
}

fn is_void(name: &[u8]) -> bool {
    matches!(
        name,
        b"area"
            | b"base"
            | b"basefont"
            | b"bgsound"
            | b"br"
            | b"col"
            | b"embed"
            | b"frame"
            | b"hr"
            | b"img"
            | b"image"
            | b"input"
            | b"keygen"
            | b"link"
            | b"meta"
            | b"param"
            | b"source"
            | b"track"
            | b"wbr"
    )
}

/// Start tags that close an open `<p>` (in button scope) before they open.
fn closes_p(name: &[u8]) -> bool {
    matches!(
        name,
        b"address"
            | b"article"
            | b"aside"
            | b"blockquote"
            | b"center"
            | b"details"
            | b"dialog"
            | b"dir"
            | b"div"
            | b"dl"
            | b"fieldset"
            | b"figcaption"
            | b"figure"
            | b"footer"
            | b"header"
            | b"hgroup"
            | b"main"
            | b"nav"
            | b"ol"
            | b"p"
            | b"search"
            | b"section"
            | b"summary"
            | b"ul"
            | b"menu"
            | b"pre"
            | b"listing"
            | b"xmp"
            | b"plaintext"
            | b"form"
            | b"hr"
            | b"li"
            | b"dd"
            | b"dt"
    ) || is_heading(name)
}

/// HTML start tags that end foreign (SVG, MathML) content.
fn breaks_out_of_foreign(name: &[u8]) -> bool {
    matches!(
        name,
        b"b" | b"big"
            | b"blockquote"
            | b"body"
            | b"br"
            | b"center"
            | b"code"
            | b"dd"
            | b"div"
            | b"dl"
            | b"dt"
            | b"em"
            | b"embed"
            | b"h1"
            | b"h2"
            | b"h3"
            | b"h4"
            | b"h5"
            | b"h6"
            | b"head"
            | b"hr"
            | b"i"
            | b"img"
            | b"li"
            | b"listing"
            | b"menu"
            | b"meta"
            | b"nobr"
            | b"ol"
            | b"p"
            | b"pre"
            | b"ruby"
            | b"s"
            | b"small"
            | b"span"
            | b"strong"
            | b"strike"
            | b"sub"
            | b"sup"
            | b"table"
            | b"tt"
            | b"u"
            | b"ul"
            | b"var"
            | b"font"
    )
}

/// What may stay in `<head>` without ending it.
fn head_content(name: &[u8]) -> bool {
    matches!(
        name,
        b"base"
            | b"basefont"
            | b"bgsound"
            | b"link"
            | b"meta"
            | b"noframes"
            | b"script"
            | b"style"
            | b"template"
            | b"title"
            | b"noscript"
    )
}

#[derive(Clone, Copy)]
struct Entry {
    id: u16,
    /// Removed from the markup handed to the parser.
    cut: bool,
    foreign: bool,
    /// For foreign content: where it starts (the `<svg>` or `<math>`).
    root: u32,
}

/// The tree builder's stack of open elements, approximately, with for each name and each
/// category the positions where they are open (so that "is there a `<p>` in button scope" is
/// one comparison, not a walk down the stack).
struct Tracker {
    limit: usize,
    stack: Vec<Entry>,
    names: HashMap<Vec<u8>, u16, BuildHasherDefault<Fnv>>,
    /// Per name id: the name.
    by_id: Vec<Box<[u8]>>,
    flags: Vec<u8>,
    /// Per name id: the stack positions of its open elements, increasing.
    open: Vec<Vec<u32>>,
    /// Per category bit: the stack positions of its open elements, increasing.
    cats: [Vec<u32>; CATEGORIES],
    /// Byte ranges of the source to remove, increasing.
    cuts: Vec<(usize, usize)>,
}

// Name ids interned first, so that they are constants.
const KNOWN: [&[u8]; 24] = [
    b"html", b"head", b"body", b"p", b"li", b"dd", b"dt", b"table", b"tbody", b"thead", b"tfoot",
    b"tr", b"td", b"th", b"caption", b"select", b"option", b"form", b"a", b"nobr", b"button",
    b"ruby", b"ol", b"ul",
];
const HEAD: u16 = 1;
const BODY: u16 = 2;
const P: u16 = 3;
const LI: u16 = 4;
const DD: u16 = 5;
const DT: u16 = 6;
const TABLE: u16 = 7;
const TBODY: u16 = 8;
const THEAD: u16 = 9;
const TFOOT: u16 = 10;
const TR: u16 = 11;
const TD: u16 = 12;
const TH: u16 = 13;
const CAPTION: u16 = 14;
const SELECT: u16 = 15;
const OPTION: u16 = 16;
const FORM: u16 = 17;
const A: u16 = 18;
const NOBR: u16 = 19;
const BUTTON: u16 = 20;
const RUBY: u16 = 21;
const OL: u16 = 22;
const UL: u16 = 23;

/// Names whose elements "generate implied end tags" pops.
fn implied_end(name: &[u8]) -> bool {
    matches!(
        name,
        b"dd" | b"dt" | b"li" | b"optgroup" | b"option" | b"p" | b"rb" | b"rp" | b"rt" | b"rtc"
    )
}

/// `a` is at or above `b` on the stack (`b` absent: nothing bounds it).
fn at_or_above(a: usize, b: Option<usize>) -> bool {
    b.is_none_or(|b| a >= b)
}

impl Tracker {
    fn new(limit: usize) -> Self {
        let mut t = Tracker {
            limit,
            stack: Vec::new(),
            names: HashMap::default(),
            by_id: Vec::new(),
            flags: Vec::new(),
            open: Vec::new(),
            cats: Default::default(),
            cuts: Vec::new(),
        };
        for n in KNOWN {
            t.intern(n);
        }
        t
    }

    fn intern(&mut self, name: &[u8]) -> u16 {
        if let Some(&id) = self.names.get(name) {
            return id;
        }
        // Past 65 535 distinct names, the last id is shared: only its end tags may then match
        // another name's element (the estimate stays an estimate).
        let id = self.flags.len().min(u16::MAX as usize) as u16;
        if (id as usize) == self.flags.len() {
            self.names.insert(name.to_vec(), id);
            self.by_id.push(name.into());
            self.flags.push(flags_of(name));
            self.open.push(Vec::new());
        }
        id
    }

    fn name_of(&self, id: u16) -> &[u8] {
        &self.by_id[id as usize]
    }

    fn last(&self, id: u16) -> Option<usize> {
        self.open[id as usize].last().map(|&p| p as usize)
    }

    fn last_cat(&self, bit: u8) -> Option<usize> {
        self.cats[bit.trailing_zeros() as usize]
            .last()
            .map(|&p| p as usize)
    }

    fn top(&self) -> Option<Entry> {
        self.stack.last().copied()
    }

    fn top_is(&self, id: u16) -> bool {
        self.top().is_some_and(|e| e.id == id && !e.foreign)
    }

    fn in_foreign(&self) -> bool {
        self.top().is_some_and(|e| e.foreign)
    }

    /// The open element `id` nearest the top, if nothing in `bounds` (categories) or
    /// `extra` (names) is above it.
    fn in_scope(&self, id: u16, bounds: u8, extra: &[u16]) -> Option<usize> {
        let p = self.last(id)?;
        let mut bound = None;
        for bit in [
            DEFAULT_SCOPE,
            TABLE_SCOPE,
            SPECIAL,
            SPECIAL_NOT_ADP,
            HEADING,
        ] {
            if bounds & bit != 0 {
                bound = bound.max(self.last_cat(bit));
            }
        }
        for &e in extra {
            bound = bound.max(self.last(e));
        }
        at_or_above(p, bound).then_some(p)
    }

    fn push(&mut self, id: u16, tag: (usize, usize), foreign: bool) {
        let pos = self.stack.len();
        let cut = pos >= self.limit && !foreign;
        if cut {
            self.cuts.push(tag);
        }
        let root = match self.top() {
            Some(e) if foreign && e.foreign => e.root,
            _ => pos as u32,
        };
        self.stack.push(Entry {
            id,
            cut,
            foreign,
            root,
        });
        self.open[id as usize].push(pos as u32);
        if !foreign {
            let f = self.flags[id as usize];
            for (k, cat) in self.cats.iter_mut().enumerate() {
                if f & (1 << k) != 0 {
                    cat.push(pos as u32);
                }
            }
        }
    }

    /// Pop the element at `pos` and everything above it.
    fn pop_to(&mut self, pos: usize) {
        while self.stack.len() > pos {
            let Some(e) = self.stack.pop() else { break };
            self.open[e.id as usize].pop();
            if !e.foreign {
                let f = self.flags[e.id as usize];
                for (k, cat) in self.cats.iter_mut().enumerate() {
                    if f & (1 << k) != 0 {
                        cat.pop();
                    }
                }
            }
        }
    }

    /// An end tag closes the element at `pos` (and what is above it).
    fn close(&mut self, pos: usize, tag: (usize, usize)) {
        if self.stack[pos].cut {
            self.cuts.push(tag);
        }
        self.pop_to(pos);
    }

    fn close_p(&mut self) {
        if let Some(p) = self.in_scope(P, DEFAULT_SCOPE, &[BUTTON]) {
            self.pop_to(p);
        }
    }

    /// "Generate implied end tags" (but not for `except`).
    fn pop_implied(&mut self, except: Option<&[u8]>) {
        while let Some(e) = self.top() {
            let name = self.name_of(e.id);
            if e.foreign || !implied_end(name) || Some(name) == except {
                break;
            }
            self.pop_to(self.stack.len() - 1);
        }
    }

    fn start(&mut self, name: &[u8], tag: (usize, usize), self_closing: bool) {
        if let Some(e) = self.top().filter(|e| e.foreign) {
            if !breaks_out_of_foreign(name) {
                if !self_closing {
                    let id = self.intern(name);
                    self.push(id, tag, true);
                }
                return;
            }
            self.pop_to(e.root as usize);
        }
        match name {
            b"html" | b"frameset" => return,
            b"body" => {
                if let Some(h) = self.last(HEAD) {
                    self.pop_to(h);
                }
                if self.last(BODY).is_none() {
                    self.push(BODY, tag, false);
                }
                return;
            }
            b"head" => {
                if self.last(HEAD).is_none() && self.last(BODY).is_none() {
                    self.push(HEAD, tag, false);
                }
                return;
            }
            _ => {}
        }
        if self.top_is(HEAD) && !head_content(name) {
            self.pop_to(self.stack.len() - 1);
        }
        if is_void(name) {
            if name == b"hr" {
                self.close_p();
            }
            if name == b"input" {
                if let Some(s) = self.in_scope(SELECT, DEFAULT_SCOPE, &[]) {
                    self.pop_to(s);
                }
            }
            return;
        }
        if name == b"svg" || name == b"math" {
            if !self_closing {
                let id = self.intern(name);
                self.push(id, tag, true);
            }
            return;
        }
        let table = self.last(TABLE);
        let above_table = |p: Option<usize>| p.filter(|&p| table.is_some_and(|t| p > t));
        match name {
            b"li" => {
                if let Some(l) = self
                    .last(LI)
                    .filter(|&l| at_or_above(l, self.last_cat(SPECIAL_NOT_ADP)))
                {
                    self.pop_to(l);
                }
                self.close_p();
            }
            b"dd" | b"dt" => {
                let d = self.last(DD).max(self.last(DT));
                if let Some(d) = d.filter(|&d| at_or_above(d, self.last_cat(SPECIAL_NOT_ADP))) {
                    self.pop_to(d);
                }
                self.close_p();
            }
            n if is_heading(n) => {
                self.close_p();
                if self
                    .top()
                    .is_some_and(|e| !e.foreign && self.flags[e.id as usize] & HEADING != 0)
                {
                    self.pop_to(self.stack.len() - 1);
                }
            }
            b"form" => {
                if self.last(FORM).is_some() {
                    return; // a form inside a form is ignored
                }
                self.close_p();
            }
            n if closes_p(n) => self.close_p(),
            b"button" => {
                if let Some(b) = self.in_scope(BUTTON, DEFAULT_SCOPE, &[]) {
                    self.pop_to(b);
                }
            }
            b"a" => {
                if let Some(a) = self.in_scope(A, DEFAULT_SCOPE, &[]) {
                    self.pop_to(a);
                }
            }
            b"nobr" => {
                if let Some(a) = self.in_scope(NOBR, DEFAULT_SCOPE, &[]) {
                    self.pop_to(a);
                }
            }
            b"table" => {
                let cell = self.last(TD).max(self.last(TH)).max(self.last(CAPTION));
                match table {
                    // In a table, not in one of its cells: this table ends the other one.
                    Some(t) if cell.is_none_or(|c| t > c) => self.pop_to(t),
                    _ => self.close_p(),
                }
            }
            b"caption" | b"colgroup" | b"tbody" | b"thead" | b"tfoot" => {
                let Some(t) = table else { return };
                self.pop_to(t + 1);
            }
            b"tr" => {
                let Some(t) = table else { return };
                let section =
                    above_table(self.last(TBODY).max(self.last(THEAD)).max(self.last(TFOOT)));
                self.pop_to(section.unwrap_or(t) + 1);
            }
            b"td" | b"th" => {
                let Some(t) = table else { return };
                let section =
                    above_table(self.last(TBODY).max(self.last(THEAD)).max(self.last(TFOOT)));
                let row = above_table(self.last(TR));
                self.pop_to(row.or(section).unwrap_or(t) + 1);
            }
            b"select" => {
                if let Some(s) = self.in_scope(SELECT, DEFAULT_SCOPE, &[]) {
                    self.pop_to(s);
                    return;
                }
            }
            b"option" | b"optgroup" => {
                if self.in_scope(SELECT, DEFAULT_SCOPE, &[]).is_some() {
                    self.pop_implied(if name == b"option" {
                        Some(b"optgroup")
                    } else {
                        None
                    });
                } else if self.top_is(OPTION) {
                    self.pop_to(self.stack.len() - 1);
                }
            }
            b"rb" | b"rtc" | b"rp" | b"rt" if self.in_scope(RUBY, DEFAULT_SCOPE, &[]).is_some() => {
                self.pop_implied(if matches!(name, b"rp" | b"rt") {
                    Some(b"rtc")
                } else {
                    None
                });
            }
            _ => {}
        }
        let id = self.intern(name);
        self.push(id, tag, false);
    }

    fn end(&mut self, name: &[u8], tag: (usize, usize)) {
        let Some(&id) = self.names.get(name) else {
            return;
        };
        if let Some(e) = self.top().filter(|e| e.foreign) {
            if name == b"br" || name == b"p" {
                self.pop_to(e.root as usize);
            } else if let Some(p) = self.last(id).filter(|&p| self.stack[p].foreign) {
                return self.close(p, tag);
            }
        }
        let target = match name {
            b"body" | b"html" | b"br" => None,
            b"head" => self.top_is(HEAD).then(|| self.stack.len() - 1),
            b"p" => self.in_scope(P, DEFAULT_SCOPE, &[BUTTON]),
            b"li" => self.in_scope(LI, DEFAULT_SCOPE, &[OL, UL]),
            n if is_heading(n) => {
                let h = self.last_cat(HEADING);
                h.filter(|&h| at_or_above(h, self.last_cat(DEFAULT_SCOPE)))
            }
            b"td" | b"th" | b"tr" | b"tbody" | b"thead" | b"tfoot" | b"caption" | b"table"
            | b"colgroup" => self.in_scope(id, TABLE_SCOPE, &[]),
            b"form" => self.last(FORM),
            n if is_special(n)
                || matches!(
                    n,
                    b"a" | b"b"
                        | b"big"
                        | b"code"
                        | b"em"
                        | b"font"
                        | b"i"
                        | b"nobr"
                        | b"s"
                        | b"small"
                        | b"strike"
                        | b"strong"
                        | b"tt"
                        | b"u"
                ) =>
            {
                self.in_scope(id, DEFAULT_SCOPE, &[])
            }
            // Any other end tag: the nearest element of that name, unless a special element is above it.
            _ => self.in_scope(id, SPECIAL, &[]),
        };
        if let Some(p) = target {
            self.close(p, tag);
        }
    }
}

/// The markup with the tags of elements nested deeper than `limit` removed (borrowed when
/// nothing is that deep, as on every real page). `tags` are the source's, from [`markup::scan`].
pub(super) fn flatten<'a>(src: &'a str, tags: &[TagAt], limit: usize) -> Cow<'a, str> {
    // Fewer tags than the limit cannot nest that deep.
    if tags.len() <= limit {
        return Cow::Borrowed(src);
    }
    let b = src.as_bytes();
    let mut t = Tracker::new(limit);
    let mut lower = Vec::new();
    for tag in tags {
        let name = tag.name(b);
        lower.clear();
        lower.extend(name.iter().map(u8::to_ascii_lowercase));
        let range = (tag.start, tag.end);
        if tag.close {
            t.end(&lower, range);
            continue;
        }
        if !t.in_foreign() && markup::is_raw_text(&lower) {
            // Raw text is no markup; the element opens and closes around it.
            if t.top_is(HEAD) && !head_content(&lower) {
                t.pop_to(t.stack.len() - 1);
            }
            if lower == b"xmp" {
                t.close_p();
            }
            continue;
        }
        t.start(&lower, range, tag.self_closing);
    }
    if t.cuts.is_empty() {
        return Cow::Borrowed(src);
    }
    let mut out = String::with_capacity(src.len());
    let mut from = 0;
    for &(a, e) in &t.cuts {
        out.push_str(&src[from..a]);
        from = e;
    }
    out.push_str(&src[from..]);
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn depth_after(src: &str) -> usize {
        let mut t = Tracker::new(usize::MAX);
        for tag in markup::scan(src).tags {
            let lower = tag.name(src.as_bytes()).to_ascii_lowercase();
            if tag.close {
                t.end(&lower, (tag.start, tag.end));
            } else {
                t.start(&lower, (tag.start, tag.end), tag.self_closing);
            }
        }
        t.stack.len()
    }

    #[test]
    fn follows_implied_end_tags() {
        assert_eq!(depth_after("<html><body><div><p>a<p>b<div>c"), 3);
        assert_eq!(depth_after("<ul><li>a<li>b<li><p>c"), 3);
        assert_eq!(depth_after("<ul><li><div>a<li>b"), 2);
        assert_eq!(depth_after("<table><tr><td>1<td>2<tr><td>3"), 3);
        assert_eq!(depth_after("<table><tr><td><table><tr><td>1</table>2"), 3);
        assert_eq!(depth_after("<div><span><b>x</div>"), 0);
        assert_eq!(depth_after("<div><table><tr><td></div>"), 4);
        assert_eq!(depth_after("<p><svg><path/><g><rect/></g><p>x"), 1);
        assert_eq!(
            depth_after("<select><option>a<option>b<optgroup><option>c"),
            3
        );
        assert_eq!(depth_after("<td><tr>x"), 0);
        assert_eq!(depth_after("<a>1<a>2<a>3"), 1);
        assert_eq!(depth_after("<form><form><div></form>"), 0);
    }

    #[test]
    fn name_ids_are_the_known_names() {
        let t = Tracker::new(8);
        for (id, name) in [
            (HEAD, "head"),
            (BODY, "body"),
            (P, "p"),
            (LI, "li"),
            (DD, "dd"),
            (DT, "dt"),
            (TABLE, "table"),
            (TBODY, "tbody"),
            (THEAD, "thead"),
            (TFOOT, "tfoot"),
            (TR, "tr"),
            (TD, "td"),
            (TH, "th"),
            (CAPTION, "caption"),
            (SELECT, "select"),
            (OPTION, "option"),
            (FORM, "form"),
            (A, "a"),
            (NOBR, "nobr"),
            (BUTTON, "button"),
            (RUBY, "ruby"),
            (OL, "ol"),
            (UL, "ul"),
        ] {
            assert_eq!(t.name_of(id), name.as_bytes());
        }
    }

    #[test]
    fn cuts_only_what_is_too_deep() {
        let src = format!(
            "<html><body>{}x{}</body></html>",
            "<div>".repeat(10),
            "</div>".repeat(10)
        );
        let tags = |s: &str| markup::scan(s).tags;
        assert!(matches!(flatten(&src, &tags(&src), 4), Cow::Owned(_)));
        assert_eq!(
            flatten(&src, &tags(&src), 4),
            format!(
                "<html><body>{}x{}</body></html>",
                "<div>".repeat(3),
                "</div>".repeat(3)
            )
        );
        assert!(matches!(flatten(&src, &tags(&src), 12), Cow::Borrowed(_)));
        let src = format!("<p>{}", "<p>x".repeat(100));
        assert!(
            matches!(flatten(&src, &tags(&src), 8), Cow::Borrowed(_)),
            "unclosed paragraphs do not nest"
        );
    }
}
