//! Byte spans, line index and UTF-16 conversion.
//!
//! Everything inside the crate works on byte offsets into the input string. People want
//! 1-based line/column numbers, and JavaScript indexes strings in UTF-16 code units, so the
//! conversion happens here, once, at the edge.

use serde::Serialize;

/// A half-open byte range `[start, end)` into the source text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        Span {
            start,
            end: end.max(start),
        }
    }
    pub fn len(&self) -> usize {
        self.end - self.start
    }
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }
    /// The smallest span covering both.
    pub fn cover(self, other: Span) -> Span {
        Span {
            start: self.start.min(other.start),
            end: self.end.max(other.end),
        }
    }
}

/// Maps byte offsets to lines and columns.
#[derive(Clone, Debug)]
pub struct LineIndex {
    line_starts: Vec<usize>,
    /// (byte offset, UTF-16 offset) at char boundaries about every [`CHECKPOINT`] bytes, so that
    /// a position costs a binary search and at most a checkpoint's worth of counting, not a count
    /// from the start of the text (which made JSON output quadratic in the input's size).
    utf16_checkpoints: Vec<(usize, usize)>,
}

const CHECKPOINT: usize = 256;

/// A position for people and for JavaScript.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Position {
    /// 1-based line.
    pub line: usize,
    /// 1-based column, counted in UTF-16 code units (as JavaScript counts).
    pub column: usize,
    /// 0-based offset from the start of the text in UTF-16 code units.
    pub offset: usize,
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let b = text.as_bytes();
        // A line ends at LF, CRLF or a lone CR (old Mac text): the next line starts after it.
        let mut line_starts = vec![0];
        line_starts.extend(
            memchr::memchr2_iter(b'\n', b'\r', b)
                .filter(|&i| b[i] == b'\n' || b.get(i + 1) != Some(&b'\n'))
                .map(|i| i + 1),
        );
        // A checkpoint at the first char boundary at least CHECKPOINT bytes after the last one.
        let mut utf16_checkpoints = vec![(0, 0)];
        let (mut at, mut units) = (0, 0);
        while at < b.len() {
            let mut next = (at + CHECKPOINT).min(b.len());
            while !text.is_char_boundary(next) {
                next += 1;
            }
            units += utf16_len(&text[at..next]);
            at = next;
            if at < b.len() {
                utf16_checkpoints.push((at, units));
            }
        }
        LineIndex {
            line_starts,
            utf16_checkpoints,
        }
    }

    /// UTF-16 offset of a byte offset on a char boundary.
    fn utf16_offset(&self, text: &str, offset: usize) -> usize {
        let k = match self
            .utf16_checkpoints
            .binary_search_by(|(b, _)| b.cmp(&offset))
        {
            Ok(k) => k,
            Err(k) => k - 1,
        };
        let (b, u) = self.utf16_checkpoints[k];
        u + utf16_len(&text[b..offset])
    }

    /// Clamp an offset into the text and onto a char boundary (never panics).
    pub fn clamp(text: &str, offset: usize) -> usize {
        let mut o = offset.min(text.len());
        while o > 0 && !text.is_char_boundary(o) {
            o -= 1;
        }
        o
    }

    /// 0-based line number of a byte offset.
    pub fn line_of(&self, offset: usize) -> usize {
        match self.line_starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i - 1,
        }
    }

    pub fn line_start(&self, line: usize) -> usize {
        self.line_starts.get(line).copied().unwrap_or(0)
    }

    /// The byte range of a 0-based line, without its line terminator (LF, CRLF or CR).
    pub fn line_span(&self, text: &str, line: usize) -> Span {
        let start = self.line_start(line).min(text.len());
        // The next line starts just after this one's terminator (LF, or a lone CR).
        let mut end = self
            .line_starts
            .get(line + 1)
            .map(|s| s - 1)
            .unwrap_or(text.len())
            .min(text.len());
        if end > start && text.as_bytes().get(end - 1) == Some(&b'\r') {
            end -= 1;
        }
        Span::new(start, end.max(start))
    }

    pub fn position(&self, text: &str, offset: usize) -> Position {
        let offset = Self::clamp(text, offset);
        let line = self.line_of(offset);
        let start = self.line_start(line).min(offset);
        let offset16 = self.utf16_offset(text, offset);
        let column = offset16 - self.utf16_offset(text, start) + 1;
        Position {
            line: line + 1,
            column,
            offset: offset16,
        }
    }
}

/// Length of a string in UTF-16 code units.
pub fn utf16_len(s: &str) -> usize {
    // Counted on bytes: every char's first byte is one unit, and four-byte chars (lead byte
    // 0xF0 and above) are two.
    s.bytes()
        .map(|b| usize::from(b & 0xC0 != 0x80) + usize::from(b >= 0xF0))
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_utf16() {
        let text = "一、总体情况\n𠀀ab\r\nc";
        let idx = LineIndex::new(text);
        let p = idx.position(text, text.find('a').unwrap());
        assert_eq!((p.line, p.column), (2, 3)); // 𠀀 is two UTF-16 units
        let p = idx.position(text, text.find('c').unwrap());
        assert_eq!((p.line, p.column), (3, 1));
        assert_eq!(idx.line_span(text, 1), Span::new(19, 25));
        // Offsets inside a char are clamped back, never panic.
        let p = idx.position(text, 1);
        assert_eq!((p.line, p.column, p.offset), (1, 1, 0));
        let p = idx.position(text, 10_000);
        assert_eq!(p.line, 3);
    }

    #[test]
    fn a_lone_cr_ends_a_line_as_lf_and_crlf_do() {
        // Old Mac text (CR), Unix (LF), Windows (CRLF), mixed, blank lines of each kind.
        let text = "一、总体情况\r𠀀ab\r\rc\nd\r\ne\r\r\nf\r";
        let idx = LineIndex::new(text);
        // The lines as a reference splitter cuts them, with each line's start.
        let mut lines: Vec<(usize, &str)> = Vec::new();
        let (mut start, mut i) = (0, 0);
        let b = text.as_bytes();
        while i < b.len() {
            let term = match (b[i], b.get(i + 1)) {
                (b'\r', Some(b'\n')) => 2,
                (b'\r' | b'\n', _) => 1,
                _ => 0,
            };
            if term > 0 {
                lines.push((start, &text[start..i]));
                i += term;
                start = i;
            } else {
                i += 1;
            }
        }
        lines.push((start, &text[start..]));
        assert_eq!(
            lines.iter().map(|l| l.1).collect::<Vec<_>>(),
            ["一、总体情况", "𠀀ab", "", "c", "d", "e", "", "f", ""]
        );
        for (n, (start, line)) in lines.iter().enumerate() {
            assert_eq!(
                idx.line_span(text, n),
                Span::new(*start, start + line.len()),
                "line {n}"
            );
            for (k, _) in line.char_indices().chain([(line.len(), ' ')]) {
                let p = idx.position(text, start + k);
                assert_eq!(
                    (p.line, p.column),
                    (n + 1, line[..k].encode_utf16().count() + 1),
                    "line {n}, byte {k}"
                );
            }
        }
        let p = idx.position(text, text.find('c').unwrap());
        assert_eq!((p.line, p.column), (4, 1));
    }

    #[test]
    fn utf16_len_counts_as_javascript_does() {
        for s in [
            "",
            "abc",
            "一、总体情况",
            "𠀀",
            "a𠀀b\u{7f}\u{80}\u{7ff}\u{800}\u{ffff}\u{10000}\u{10ffff}",
            "ｅ＋１２３\r\n",
        ] {
            assert_eq!(utf16_len(s), s.encode_utf16().count(), "{s:?}");
        }
    }

    #[test]
    fn positions_on_long_lines_agree_with_counting_from_the_start() {
        // Past many checkpoints, on one long line and on many short ones.
        let one_line = "ab𠀀一、".repeat(3000);
        let many_lines = "ab𠀀\n一、\r\n".repeat(3000);
        for text in [one_line.as_str(), many_lines.as_str()] {
            let idx = LineIndex::new(text);
            for (i, _) in text.char_indices().step_by(97).chain([(text.len(), ' ')]) {
                let p = idx.position(text, i);
                let line = text[..i].matches('\n').count();
                let start = text[..i].rfind('\n').map_or(0, |n| n + 1);
                assert_eq!(
                    p,
                    Position {
                        line: line + 1,
                        column: text[start..i].encode_utf16().count() + 1,
                        offset: text[..i].encode_utf16().count()
                    },
                    "at {i}"
                );
            }
        }
    }
}
