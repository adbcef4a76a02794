//! The analysis document: the text every later stage reads, with a map back to the source.
//!
//! For plain text the analysis text has the same bytes as the source, except that
//! anti-scraping noise is blanked out with spaces (so offsets stay the same). For HTML it is
//! the rendered text: blocks on their own lines, table cells separated by tabs and table rows
//! by newlines (what a browser puts on the clipboard), hidden elements left out; a segment
//! table maps every piece back to the source bytes and, for table cells, to the grid.

use crate::model::{GridPos, InputKind};
use crate::source::Span;

#[derive(Clone, Debug)]
pub struct Segment {
    /// Range in the analysis text.
    pub text: Span,
    /// Nearest range in the source.
    pub source: Span,
    /// For HTML table cells.
    pub grid: Option<GridPos>,
    /// The analysis text of this piece equals its source bytes, so offsets map one to one.
    pub exact: bool,
}

#[derive(Clone, Debug)]
pub struct Document {
    pub source: String,
    pub kind: InputKind,
    pub text: String,
    /// Empty for plain text (identity map); sorted by `text.start` for HTML.
    pub segments: Vec<Segment>,
    /// The HTML `<title>`, when there is one.
    pub html_title: Option<String>,
}

impl Document {
    /// Map a span of the analysis text to the source.
    pub fn source_span(&self, span: Span) -> Span {
        if self.segments.is_empty() {
            return span;
        }
        let start = self.segment_at(span.start).map(|s| self.project(s, span.start));
        let end = self.segment_at(span.end.saturating_sub(1).max(span.start)).map(|s| self.project(s, span.end));
        match (start, end) {
            (Some(a), Some(b)) => Span::new(a, b.max(a)),
            (Some(a), None) => Span::new(a, a),
            _ => Span::new(0, 0),
        }
    }

    /// The grid position of the table cell that holds this analysis-text offset.
    pub fn grid_at(&self, offset: usize) -> Option<GridPos> {
        self.segment_at(offset).and_then(|s| s.grid)
    }

    /// [`grid_at`](Self::grid_at) for offsets asked in increasing order: one pass over the
    /// segments rather than a search per offset (an offset asked out of order is searched).
    pub fn grid_walker(&self) -> impl FnMut(usize) -> Option<GridPos> + '_ {
        let mut i = 0;
        move |offset| {
            let first = self.segments.get(i)?;
            if first.text.start > offset && i > 0 {
                return self.grid_at(offset);
            }
            while self.segments.get(i + 1).is_some_and(|s| s.text.start <= offset) {
                i += 1;
            }
            self.segments[i].grid
        }
    }

    fn segment_at(&self, offset: usize) -> Option<&Segment> {
        if self.segments.is_empty() {
            return None;
        }
        let i = match self.segments.binary_search_by(|s| s.text.start.cmp(&offset)) {
            Ok(i) => i,
            Err(0) => 0,
            Err(i) => i - 1,
        };
        self.segments.get(i)
    }

    fn project(&self, seg: &Segment, offset: usize) -> usize {
        // Text segments map byte for byte when they are the same text; otherwise to an end.
        if seg.exact {
            let d = offset.saturating_sub(seg.text.start).min(seg.source.len());
            seg.source.start + d
        } else if offset >= seg.text.end {
            seg.source.end
        } else {
            seg.source.start
        }
    }
}

/// Fold a character for matching: full-width ASCII to ASCII, all quotes to `"`, brackets to
/// ASCII, `．`/`。` kept apart. Whitespace (including U+00A0 and U+3000) maps to `None`.
pub fn fold(c: char) -> Option<char> {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0),
        '\u{3000}' | '\u{00A0}' | '\u{2002}'..='\u{200B}' | '\u{FEFF}' => None,
        c if c.is_whitespace() => None,
        '“' | '”' | '‘' | '’' | '「' | '」' | '\'' | '〝' | '〞' => Some('"'),
        '〔' | '【' => Some('['),
        '〕' | '】' => Some(']'),
        '﹙' => Some('('),
        '﹚' => Some(')'),
        _ => Some(c),
    }
}

/// A whitespace-free, folded view of a piece of text, with each byte mapped back.
#[derive(Clone, Debug)]
pub struct Compact {
    pub text: String,
    /// For every byte of `text`, the byte offset in the original of the char it came from.
    map: Vec<u32>,
    /// For every byte of `text`, the byte offset just after that char in the original.
    end_map: Vec<u32>,
    base_end: usize,
}

impl Compact {
    /// Build over `text[span]`; offsets map into `text` (not the span).
    pub fn new(text: &str, span: Span) -> Self {
        let slice = &text[span.start..span.end];
        let mut out = String::with_capacity(slice.len());
        let mut map = Vec::with_capacity(slice.len());
        let mut end_map = Vec::with_capacity(slice.len());
        for (i, c) in slice.char_indices() {
            if let Some(f) = fold(c) {
                let at = (span.start + i) as u32;
                let after = (span.start + i + c.len_utf8()) as u32;
                out.push(f);
                for _ in 0..f.len_utf8() {
                    map.push(at);
                    end_map.push(after);
                }
            }
        }
        Compact { text: out, map, end_map, base_end: span.end }
    }

    /// Original offset of a compact byte offset (the end maps to the end of the span).
    pub fn orig(&self, i: usize) -> usize {
        self.map.get(i).map(|&o| o as usize).unwrap_or(self.base_end)
    }

    /// Original offset just after the char at compact offset `i - 1`.
    pub fn orig_end(&self, i: usize) -> usize {
        if i == 0 {
            return self.orig(0);
        }
        self.end_map.get(i - 1).map(|&o| o as usize).unwrap_or(self.base_end)
    }

    /// Compact offset of the first char at or after an original offset.
    pub fn at_orig(&self, orig: usize) -> usize {
        self.map.partition_point(|&o| (o as usize) < orig)
    }

    /// Every occurrence of `needle` (already folded), as compact byte offsets.
    pub fn find_all(&self, needle: &str, limit: usize) -> Vec<usize> {
        self.text.match_indices(needle).map(|(i, _)| i).take(limit).collect()
    }
}

/// Fold a label or keyword the way `Compact` folds text.
pub fn fold_str(s: &str) -> String {
    s.chars().filter_map(fold).collect()
}

/// Is this a CJK ideograph (or CJK punctuation that belongs to labels)?
pub fn is_han(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FA1F)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compact_maps_back() {
        let t = "ab 三、本年度办 理结果（一）予以公开";
        let c = Compact::new(t, Span::new(0, t.len()));
        assert_eq!(c.text, "ab三、本年度办理结果(一)予以公开");
        let i = c.text.find("予以公开").unwrap();
        assert_eq!(&t[c.orig(i)..], "予以公开");
        let j = i + "予以公开".len();
        assert_eq!(c.orig_end(j), t.len());
        assert_eq!(c.at_orig(t.find("理").unwrap()), c.text.find("理").unwrap());
    }
}
