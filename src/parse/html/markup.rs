//! The markup of an HTML source as its tokenizer sees it, far enough to tell text from markup:
//! where a tag, a comment or a doctype starts and ends (quoted attribute values may hold `>`),
//! and which elements hold raw text (`<script>`, `<style>`, `<textarea>`…) that is no text of
//! the page. No allocation; every function is linear in what it reads.

/// One markup construct starting at a `<`.
#[derive(Clone, Copy, Debug)]
pub(super) enum Token<'a> {
    /// A start or end tag: `name` as written (any letter case).
    Tag {
        end: usize,
        name: &'a [u8],
        close: bool,
        /// `<x/>` (only foreign content honours it; read by the depth guard).
        #[cfg_attr(not(feature = "scraper"), allow(dead_code))]
        self_closing: bool,
    },
    /// A comment, a doctype, a processing instruction, a bogus comment or `</>`.
    Other { end: usize },
}

impl Token<'_> {
    pub(super) fn end(&self) -> usize {
        match *self {
            Token::Tag { end, .. } | Token::Other { end } => end,
        }
    }
}

fn is_space(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\r' | b'\x0c')
}

/// The markup construct that starts at `i` (where `b[i]` is `<`), or `None` when this `<` is
/// text (`a < b`, `<3`, a `</` at the very end).
pub(super) fn token_at(b: &[u8], i: usize) -> Option<Token<'_>> {
    let next = *b.get(i + 1)?;
    match next {
        c if c.is_ascii_alphabetic() => Some(tag(b, i + 1, false)),
        b'/' => match b.get(i + 2) {
            Some(c) if c.is_ascii_alphabetic() => Some(tag(b, i + 2, true)),
            Some(b'>') => Some(Token::Other { end: i + 3 }),
            Some(_) => Some(Token::Other {
                end: bogus_comment_end(b, i + 2),
            }),
            None => None,
        },
        b'!' => {
            if b[i..].starts_with(b"<!--") {
                Some(Token::Other {
                    end: comment_end(b, i + 4),
                })
            } else {
                Some(Token::Other {
                    end: bogus_comment_end(b, i + 2),
                })
            }
        }
        b'?' => Some(Token::Other {
            end: bogus_comment_end(b, i + 1),
        }),
        _ => None,
    }
}

fn bogus_comment_end(b: &[u8], from: usize) -> usize {
    memchr::memchr(b'>', &b[from.min(b.len())..]).map_or(b.len(), |k| from + k + 1)
}

/// The end of a comment whose body starts at `from` (just after `<!--`): `-->`, `--!>`, or the
/// abrupt `<!-->` and `<!--->`.
fn comment_end(b: &[u8], from: usize) -> usize {
    let rest = &b[from.min(b.len())..];
    if rest.starts_with(b">") {
        return from + 1;
    }
    if rest.starts_with(b"->") {
        return from + 2;
    }
    let mut at = 0;
    while let Some(k) = memchr::memchr(b'-', &rest[at..]) {
        let p = at + k;
        if rest[p..].starts_with(b"-->") {
            return from + p + 3;
        }
        if rest[p..].starts_with(b"--!>") {
            return from + p + 4;
        }
        at = p + 1;
    }
    b.len()
}

/// A tag whose name starts at `name_start`: its name, attributes (quoted values may hold `>`)
/// and end. A tag cut off by the end of the input ends there.
fn tag(b: &[u8], name_start: usize, close: bool) -> Token<'_> {
    let mut k = name_start;
    while k < b.len() && !is_space(b[k]) && b[k] != b'/' && b[k] != b'>' {
        k += 1;
    }
    let name = &b[name_start..k];
    let mut self_closing = false;
    let end = loop {
        let Some(&c) = b.get(k) else { break b.len() };
        match c {
            b'>' => break k + 1,
            b'/' => {
                if b.get(k + 1) == Some(&b'>') {
                    self_closing = true;
                    break k + 2;
                }
                k += 1;
            }
            c if is_space(c) => k += 1,
            _ => {
                // An attribute name (its first character may be `=`), then maybe a value.
                k += 1;
                while k < b.len() && !is_space(b[k]) && !matches!(b[k], b'/' | b'>' | b'=') {
                    k += 1;
                }
                while k < b.len() && is_space(b[k]) {
                    k += 1;
                }
                if b.get(k) != Some(&b'=') {
                    continue;
                }
                k += 1;
                while k < b.len() && is_space(b[k]) {
                    k += 1;
                }
                match b.get(k) {
                    Some(&q @ (b'"' | b'\'')) => {
                        k = memchr::memchr(q, &b[k + 1..]).map_or(b.len(), |j| k + 1 + j + 1);
                    }
                    _ => {
                        while k < b.len() && !is_space(b[k]) && b[k] != b'>' {
                            k += 1;
                        }
                    }
                }
            }
        }
    };
    Token::Tag {
        end,
        name,
        close,
        self_closing,
    }
}

/// Elements whose content is raw text (or RCDATA) to the tokenizer: not markup, and for the
/// renderer no page text (`<title>` is read apart; the others are skipped).
pub(super) fn is_raw_text(name: &[u8]) -> bool {
    const RAW: [&[u8]; 9] = [
        b"script",
        b"style",
        b"textarea",
        b"title",
        b"xmp",
        b"iframe",
        b"noembed",
        b"noframes",
        b"noscript",
    ];
    name.len() <= 8 && RAW.iter().any(|r| r.eq_ignore_ascii_case(name))
}

/// Where the raw text of an element named `name` that starts at `from` ends: at its end tag
/// (`</name` followed by a space, `/` or `>`, any letter case), or the end of the input.
pub(super) fn raw_text_end(b: &[u8], from: usize, name: &[u8]) -> usize {
    let mut at = from;
    while let Some(k) = memchr::memchr(b'<', b.get(at..).unwrap_or(&[])) {
        let p = at + k;
        let n = p + 2 + name.len();
        if b.get(p + 1) == Some(&b'/')
            && b.get(p + 2..n)
                .is_some_and(|s| s.eq_ignore_ascii_case(name))
            && b.get(n)
                .is_none_or(|&c| is_space(c) || c == b'/' || c == b'>')
        {
            return p;
        }
        at = p + 1;
    }
    b.len()
}

/// A tag of the source, as [`scan`] found it.
#[derive(Clone, Copy, Debug)]
pub(super) struct TagAt {
    pub start: usize,
    pub end: usize,
    /// Where its name ends (it starts after `<` or `</`).
    pub name_end: usize,
    pub close: bool,
    /// `<x/>` (only foreign content honours it; read by the depth guard).
    #[cfg_attr(not(feature = "scraper"), allow(dead_code))]
    pub self_closing: bool,
}

impl TagAt {
    pub(super) fn name<'a>(&self, b: &'a [u8]) -> &'a [u8] {
        &b[self.start + 1 + self.close as usize..self.name_end]
    }
}

/// One pass over the markup of a source.
pub(super) struct Scan {
    /// Every tag, in source order.
    pub tags: Vec<TagAt>,
    /// Every stretch of markup, in source order: tags, comments, doctypes, and a raw-text
    /// element's start tag together with its content (`<script>…`, up to its end tag, which
    /// is a stretch of its own). What lies between them is the page's text.
    pub markup: Vec<(usize, usize)>,
}

pub(super) fn scan(src: &str) -> Scan {
    let b = src.as_bytes();
    let mut tags = Vec::new();
    let mut markup = Vec::new();
    let mut i = 0;
    while let Some(k) = memchr::memchr(b'<', &b[i..]) {
        let at = i + k;
        let Some(token) = token_at(b, at) else {
            i = at + 1;
            continue;
        };
        let mut end = token.end();
        if let Token::Tag {
            name,
            close,
            self_closing,
            ..
        } = token
        {
            tags.push(TagAt {
                start: at,
                end,
                name_end: at + 1 + close as usize + name.len(),
                close,
                self_closing,
            });
            // (`<script/>` opens a script all the same: the tokenizer ignores the slash.)
            if !close && is_raw_text(name) {
                end = raw_text_end(b, end, name);
            } else if !close && name.eq_ignore_ascii_case(b"plaintext") {
                end = b.len(); // the rest is text, but no page's
            }
        }
        markup.push((at, end));
        i = end;
    }
    Scan { tags, markup }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn end(s: &str) -> Option<usize> {
        token_at(s.as_bytes(), 0).map(|t| t.end())
    }

    #[test]
    fn tags_comments_and_text() {
        assert_eq!(end(r#"<p style="a>b" class=x>t"#), Some(23));
        assert_eq!(end("<p title='>'>t"), Some(13));
        assert_eq!(end("<br/>x"), Some(5));
        assert_eq!(end("</td >x"), Some(6));
        assert_eq!(end("<!-- a > b -->x"), Some(14));
        assert_eq!(end("<!-->x"), Some(5));
        assert_eq!(end("<!--->x"), Some(6));
        assert_eq!(end("<!DOCTYPE html>x"), Some(15));
        assert_eq!(end("<?xml ?>x"), Some(8));
        assert_eq!(end("</>x"), Some(3));
        assert_eq!(end("< 5"), None);
        assert_eq!(end("<3"), None);
        assert_eq!(end("<p"), Some(2));
        let s = "<script>if (a<b) x = '</p>';</SCRIPT >t";
        assert_eq!(
            scan(s).markup,
            [(0, s.len() - 11), (s.len() - 11, s.len() - 1)]
        );
        let s = "<style>.a{}</styles></style>";
        assert_eq!(scan(s).markup[0], (0, 20));
        let s = "a<b class='>'>c</B>< d<!-- e -->";
        let m = scan(s);
        assert_eq!(m.markup, [(1, 14), (15, 19), (22, 32)]);
        assert_eq!(
            m.tags
                .iter()
                .map(|t| (t.name(s.as_bytes()), t.close))
                .collect::<Vec<_>>(),
            [(&b"b"[..], false), (&b"B"[..], true)]
        );
        assert!(matches!(
            token_at(b"<img src=a/>", 0),
            Some(Token::Tag {
                self_closing: false,
                ..
            })
        ));
    }
}
