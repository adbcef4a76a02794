//! Where a text node of the tree lies in the source: the parsers give text without positions
//! (html5ever, the browser's DOM), so each text node is found in the source by its content,
//! in document order, in the page's text only — never inside a tag, a comment or a script, so
//! that a cell's `21` is not found in `style="line-height:21pt"`. Character references
//! (`&nbsp;`, `&#21;`), CR LF line ends and markup the parser dropped from inside a text
//! (`a</x>b` is the one text `ab`) are matched as the parser read them; each character of the
//! text then gets its own source span (most texts are simply their bytes in the source).

/// How far past the cursor one text is looked for.
const WINDOW: usize = 256 * 1024;
/// After the failure budget is spent: a page whose texts are not found costs little more.
const SMALL_WINDOW: usize = 4 * 1024;

pub(super) struct Locator<'a> {
    src: &'a [u8],
    /// The source's markup (`markup::Scan::markup`): text is looked for between these.
    markup: Vec<(usize, usize)>,
    /// The first stretch of markup that ends after the cursor.
    next: usize,
    /// Everything before it is accounted for: texts are looked for from here on.
    pub cursor: usize,
    /// Bytes that searches which found nothing may still read (bounds their cost on a page
    /// whose tree and source disagree).
    budget: usize,
    /// For a text found as [`Found::Mapped`], each character's bytes in the source.
    pub map: Vec<(usize, usize)>,
}

/// Where a text was found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Found {
    /// Not found (it is given the cursor, an empty span).
    No,
    /// Byte for byte at this offset (the common case).
    Exact(usize),
    /// Through references, line ends or dropped markup: `map` has a span per character.
    Mapped,
}

impl<'a> Locator<'a> {
    pub(super) fn new(src: &'a str, markup: Vec<(usize, usize)>) -> Self {
        Locator {
            src: src.as_bytes(),
            markup,
            next: 0,
            cursor: 0,
            budget: 2 * src.len() + (1 << 20),
            map: Vec::new(),
        }
    }

    /// If `q` is in markup, where that markup ends. `idx` is a stretch of markup at or
    /// before the one holding `q`; it moves on.
    fn markup_at(&self, idx: &mut usize, q: usize) -> Option<usize> {
        while self.markup.get(*idx).is_some_and(|r| r.1 <= q) {
            *idx += 1;
        }
        self.markup.get(*idx).filter(|r| r.0 <= q).map(|r| r.1)
    }

    /// Find text `t` (as the parser decoded it) at or after the cursor; on success the
    /// cursor moves past it.
    pub(super) fn locate(&mut self, t: &str) -> Found {
        let Some(first) = t.chars().next() else {
            return Found::No;
        };
        let b = self.src;
        let window = if self.budget > 0 {
            WINDOW
        } else {
            SMALL_WINDOW
        };
        let limit = self.cursor.saturating_add(window).min(b.len());
        let mut lead = [0u8; 4];
        let lead = first.encode_utf8(&mut lead).as_bytes()[0];
        let mut idx = self.next;
        self.markup_at(&mut idx, self.cursor);
        self.next = idx;
        let mut q = self.cursor;
        while q < limit {
            if let Some(e) = self.markup_at(&mut idx, q) {
                q = e;
                continue;
            }
            let c = b[q];
            if c == lead
                && b[q..].starts_with(t.as_bytes())
                && self.markup.get(idx).is_none_or(|r| r.0 >= q + t.len())
            {
                self.cursor = q + t.len();
                return Found::Exact(q);
            }
            let plausible = c == lead || c == b'&' || (c == b'\r' && first == '\n') || c == 0;
            if plausible {
                if let Some(end) = self.match_at(q, idx, t) {
                    self.cursor = end;
                    return Found::Mapped;
                }
            }
            q += 1;
            while q < b.len() && (b[q] & 0xC0) == 0x80 {
                q += 1;
            }
        }
        self.budget = self.budget.saturating_sub(q - self.cursor);
        Found::No
    }

    /// Does `t` start at `q` (`idx`: the first stretch of markup after `q`)? Fills `map`;
    /// returns the end of the match in the source.
    fn match_at(&mut self, mut q: usize, mut idx: usize, t: &str) -> Option<usize> {
        let b = self.src;
        self.map.clear();
        let mut chars = t.chars().peekable();
        let mut first = true;
        while let Some(c) = chars.next() {
            // Markup and NUL the parser dropped from inside the text.
            loop {
                if !first {
                    if let Some(e) = self.markup_at(&mut idx, q) {
                        q = e;
                        continue;
                    }
                }
                match b.get(q) {
                    Some(0) if c != '\u{FFFD}' && c != '\0' => q += 1,
                    _ => break,
                }
            }
            first = false;
            let &x = b.get(q)?;
            if x == b'&' {
                match char_ref(&b[q..]) {
                    Some((Ref::Chars(d1, d2), len))
                        if d1 == c && d2.is_none_or(|d2| chars.peek() == Some(&d2)) =>
                    {
                        self.map.push((q, q + len));
                        if d2.is_some() {
                            chars.next();
                            self.map.push((q, q + len));
                        }
                        q += len;
                        continue;
                    }
                    _ if c == '&' => {
                        self.map.push((q, q + 1));
                        q += 1;
                        continue;
                    }
                    Some((Ref::Unknown, len)) => {
                        // A reference this table does not know: one character, whatever it is.
                        self.map.push((q, q + len));
                        q += len;
                        continue;
                    }
                    _ => return None,
                }
            }
            if c == '\n' && x == b'\r' {
                let len = if b.get(q + 1) == Some(&b'\n') { 2 } else { 1 };
                self.map.push((q, q + len));
                q += len;
                continue;
            }
            if x == 0 && c == '\u{FFFD}' {
                self.map.push((q, q + 1));
                q += 1;
                continue;
            }
            let mut buf = [0u8; 4];
            let e = c.encode_utf8(&mut buf).as_bytes();
            if b.get(q..q + e.len()) != Some(e) {
                return None;
            }
            self.map.push((q, q + e.len()));
            q += e.len();
        }
        Some(q)
    }
}

/// A character reference, decoded.
#[derive(Debug, PartialEq)]
pub(super) enum Ref {
    Chars(char, Option<char>),
    /// A named reference missing from [`NAMED`] (it stands for some character).
    Unknown,
}

/// The character reference at the start of `s` (which starts with `&`) and its length, or
/// `None` when this `&` is text.
pub(super) fn char_ref(s: &[u8]) -> Option<(Ref, usize)> {
    if s.get(1) == Some(&b'#') {
        let (hex, from) = if matches!(s.get(2), Some(b'x' | b'X')) {
            (true, 3)
        } else {
            (false, 2)
        };
        let digits = s[from.min(s.len())..]
            .iter()
            .take_while(|c| {
                if hex {
                    c.is_ascii_hexdigit()
                } else {
                    c.is_ascii_digit()
                }
            })
            .count();
        if digits == 0 {
            return None;
        }
        let mut len = from + digits;
        if s.get(len) == Some(&b';') {
            len += 1;
        }
        let text = std::str::from_utf8(&s[from..from + digits]).ok()?;
        let n = u32::from_str_radix(text, if hex { 16 } else { 10 }).unwrap_or(u32::MAX);
        return Some((Ref::Chars(numeric(n), None), len));
    }
    let name_len = s[1..]
        .iter()
        .take_while(|c| c.is_ascii_alphanumeric())
        .count();
    if name_len == 0 {
        return None;
    }
    let name = &s[1..1 + name_len];
    let semicolon = s.get(1 + name_len) == Some(&b';');
    if semicolon {
        if let Some(&(_, a, b)) = NAMED.iter().find(|(n, ..)| n.as_bytes() == name) {
            return Some((Ref::Chars(a, b), name_len + 2));
        }
        return Some((Ref::Unknown, name_len + 2));
    }
    // Without `;`: only the legacy names, as a prefix (`&nbsp` `&amp`).
    LEGACY
        .iter()
        .filter(|n| name.starts_with(n.as_bytes()))
        .max_by_key(|n| n.len())
        .and_then(|n| {
            NAMED
                .iter()
                .find(|(m, ..)| m == n)
                .map(|&(_, a, b)| (Ref::Chars(a, b), n.len() + 1))
        })
}

/// A numeric reference's character, as the HTML tokenizer maps it.
fn numeric(n: u32) -> char {
    const C1: [u16; 32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
        0x2039, 0x0152, 0x8D, 0x017D, 0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013,
        0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
    ];
    match n {
        0 => '\u{FFFD}',
        0x80..=0x9F => char::from_u32(C1[(n - 0x80) as usize] as u32).unwrap_or('\u{FFFD}'),
        n => char::from_u32(n).unwrap_or('\u{FFFD}'),
    }
}

/// Names that decode without a `;` (the legacy ones of the HTML table that reports use).
const LEGACY: &[&str] = &[
    "amp", "lt", "gt", "quot", "nbsp", "copy", "reg", "shy", "deg", "plusmn", "times", "divide",
    "middot", "laquo", "raquo", "yen", "sect", "para", "micro", "cent", "pound", "curren",
    "brvbar", "uml", "ordf", "not", "macr", "sup1", "sup2", "sup3", "acute", "cedil", "ordm",
    "frac14", "frac12", "frac34", "iquest", "iexcl", "AMP", "LT", "GT", "QUOT", "COPY", "REG",
];

/// Named references a report may use. Others are matched as "some character".
const NAMED: &[(&str, char, Option<char>)] = &[
    ("amp", '&', None),
    ("AMP", '&', None),
    ("lt", '<', None),
    ("LT", '<', None),
    ("gt", '>', None),
    ("GT", '>', None),
    ("quot", '"', None),
    ("QUOT", '"', None),
    ("apos", '\'', None),
    ("nbsp", '\u{A0}', None),
    ("ensp", '\u{2002}', None),
    ("emsp", '\u{2003}', None),
    ("thinsp", '\u{2009}', None),
    ("zwnj", '\u{200C}', None),
    ("zwj", '\u{200D}', None),
    ("lrm", '\u{200E}', None),
    ("rlm", '\u{200F}', None),
    ("shy", '\u{AD}', None),
    ("ldquo", '“', None),
    ("rdquo", '”', None),
    ("lsquo", '‘', None),
    ("rsquo", '’', None),
    ("sbquo", '‚', None),
    ("bdquo", '„', None),
    ("laquo", '«', None),
    ("raquo", '»', None),
    ("lsaquo", '‹', None),
    ("rsaquo", '›', None),
    ("mdash", '—', None),
    ("ndash", '–', None),
    ("minus", '−', None),
    ("hellip", '…', None),
    ("middot", '·', None),
    ("bull", '•', None),
    ("times", '×', None),
    ("divide", '÷', None),
    ("plusmn", '±', None),
    ("deg", '°', None),
    ("permil", '‰', None),
    ("prime", '′', None),
    ("Prime", '″', None),
    ("yen", '¥', None),
    ("cent", '¢', None),
    ("pound", '£', None),
    ("euro", '€', None),
    ("curren", '¤', None),
    ("brvbar", '¦', None),
    ("copy", '©', None),
    ("COPY", '©', None),
    ("reg", '®', None),
    ("REG", '®', None),
    ("trade", '™', None),
    ("sect", '§', None),
    ("para", '¶', None),
    ("micro", 'µ', None),
    ("uml", '¨', None),
    ("ordf", 'ª', None),
    ("ordm", 'º', None),
    ("not", '¬', None),
    ("macr", '¯', None),
    ("acute", '´', None),
    ("cedil", '¸', None),
    ("sup1", '¹', None),
    ("sup2", '²', None),
    ("sup3", '³', None),
    ("frac14", '¼', None),
    ("frac12", '½', None),
    ("frac34", '¾', None),
    ("iquest", '¿', None),
    ("iexcl", '¡', None),
    ("larr", '←', None),
    ("rarr", '→', None),
    ("uarr", '↑', None),
    ("darr", '↓', None),
    ("harr", '↔', None),
    ("rArr", '⇒', None),
    ("hArr", '⇔', None),
    ("le", '≤', None),
    ("ge", '≥', None),
    ("ne", '≠', None),
    ("asymp", '≈', None),
    ("infin", '∞', None),
    ("radic", '√', None),
    ("sum", '∑', None),
    ("lowast", '∗', None),
    ("circ", 'ˆ', None),
    ("tilde", '˜', None),
    ("star", '☆', None),
    ("starf", '★', None),
    ("check", '✓', None),
    ("cir", '○', None),
    ("square", '□', None),
    ("squf", '▪', None),
];

#[cfg(test)]
mod tests {
    use super::super::markup;
    use super::*;

    fn locator(src: &str) -> Locator<'_> {
        Locator::new(src, markup::scan(src).markup)
    }

    fn located(src: &str, texts: &[&str]) -> Vec<String> {
        let mut l = locator(src);
        texts
            .iter()
            .map(|t| match l.locate(t) {
                Found::No => "?".to_string(),
                Found::Exact(a) => format!("={}", &src[a..a + t.len()]),
                Found::Mapped => src[l.map[0].0..l.map.last().unwrap().1].to_string(),
            })
            .collect()
    }

    #[test]
    fn text_is_found_in_text_only() {
        let src = r#"<p style="line-height:21pt"><!-- 21 --><script>x = "21"</script>21</p>"#;
        assert_eq!(located(src, &["21"]), ["=21"]);
        assert_eq!(
            locator(src).locate("21"),
            Found::Exact(src.find("21</p>").unwrap())
        );
        let mut l = locator("<b>1&#50;</b>");
        assert_eq!(l.locate("12"), Found::Mapped);
        assert_eq!(l.map, [(3, 4), (4, 9)]);
        let src =
            "<td>a&nbsp;&amp;&#x31;&#50;b</td><td>\r\n 7</td><td>x&unknown;y</td><td>&lt;</td>";
        assert_eq!(
            located(src, &["a\u{a0}&12b", "\n 7", "x\u{2606}y", "<"]),
            ["a&nbsp;&amp;&#x31;&#50;b", "\r\n 7", "x&unknown;y", "&lt;"]
        );
        // Markup the parser dropped from inside a text, and texts out of reach, not found.
        assert_eq!(located("<td>1</span>2</td>", &["12"]), ["1</span>2"]);
        assert_eq!(located("<td title=\"9\">1</td>", &["9"]), ["?"]);
        assert_eq!(located("x &amp y &copy", &["& y ©"]), ["&amp y &copy"]);
        // A text whose bytes run into markup is not taken as exact.
        assert_eq!(located("<p>ab<!-- c -->c</p>", &["abc"]), ["ab<!-- c -->c"]);
    }

    #[test]
    fn references() {
        assert_eq!(char_ref(b"&#128;"), Some((Ref::Chars('€', None), 6)));
        assert_eq!(char_ref(b"&#0;"), Some((Ref::Chars('\u{FFFD}', None), 4)));
        assert_eq!(
            char_ref(b"&#xD800;"),
            Some((Ref::Chars('\u{FFFD}', None), 8))
        );
        assert_eq!(char_ref(b"&#;"), None);
        assert_eq!(char_ref(b"& b"), None);
        assert_eq!(char_ref(b"&nbspx"), Some((Ref::Chars('\u{A0}', None), 5)));
        assert_eq!(char_ref(b"&foo bar"), None);
        assert_eq!(char_ref(b"&foo;"), Some((Ref::Unknown, 5)));
    }
}
