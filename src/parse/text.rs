//! Plain-text front end. The analysis text keeps the source's bytes, so spans need no map;
//! only anti-scraping noise (runs of two-character fragments such as `y3 V& l- \4 a/ n*`,
//! see seed 002) is blanked out with spaces of the same length.

use super::document::Document;
use crate::model::InputKind;

pub fn render(source: &str) -> Document {
    Document {
        source: source.to_string(),
        kind: InputKind::Text,
        text: scrub_noise(source),
        segments: Vec::new(),
        html_title: None,
    }
}

/// Blank out runs of noise fragments: at least four space-separated tokens of one or two
/// printable ASCII characters, most of them holding punctuation and at least one a letter.
/// Runs of plain numbers (`0 0 1 0 2`) are data and stay.
pub fn scrub_noise(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = bytes.to_vec();
    let mut i = 0;
    while i < bytes.len() {
        // Runs start at the start of a token only ("11O" is not the token "1O").
        let starts_token = i == 0 || !bytes[i - 1].is_ascii_graphic();
        // A run must start with a one- or two-character token followed by a space.
        let short = |k: usize| bytes.get(k).is_some_and(|b| b.is_ascii_graphic());
        let plausible = short(i)
            && (bytes.get(i + 1) == Some(&b' ') || short(i + 1) && bytes.get(i + 2) == Some(&b' '));
        if !starts_token || !plausible {
            // Next byte that starts a char.
            i += 1;
            while i < bytes.len() && bytes[i] & 0xC0 == 0x80 {
                i += 1;
            }
            continue;
        }
        // Collect a run of short tokens starting at i.
        let mut j = i;
        let mut tokens: Vec<(usize, usize)> = Vec::new();
        loop {
            let start = j;
            while j < bytes.len() && bytes[j].is_ascii_graphic() && j - start < 3 {
                j += 1;
            }
            let len = j - start;
            let ends_ok = j >= bytes.len() || bytes[j] == b' ' || !bytes[j].is_ascii_graphic();
            if (1..=2).contains(&len) && ends_ok {
                tokens.push((start, j));
                if j < bytes.len() && bytes[j] == b' ' {
                    j += 1;
                    continue;
                }
            }
            break;
        }
        if tokens.len() >= 4 {
            // Table separators ("|") are not noise.
            let punct = tokens
                .iter()
                .filter(|&&(a, b)| {
                    bytes[a..b]
                        .iter()
                        .any(|c| c.is_ascii_punctuation() && *c != b'|')
                })
                .count();
            let letters = tokens
                .iter()
                .any(|&(a, b)| bytes[a..b].iter().any(|c| c.is_ascii_alphabetic()));
            if punct * 2 >= tokens.len() && letters {
                let (a, _) = tokens[0];
                let (_, b) = tokens[tokens.len() - 1];
                for x in &mut out[a..b] {
                    *x = b' ';
                }
                i = b;
                continue;
            }
        }
        // Not noise: go on after this run (its later tokens start no noisier run).
        i = tokens.last().map(|&(_, b)| b).unwrap_or(i + 1).max(i + 1);
        while i < bytes.len() && bytes[i] & 0xC0 == 0x80 {
            i += 1;
        }
    }
    blank_pinyin(s, &mut out);
    // Whole chars were replaced by ASCII spaces, so this stays valid UTF-8.
    String::from_utf8(out).unwrap_or_else(|_| s.to_string())
}

/// Blank out pinyin injected after characters by spam mirrors: "中(zhōng)", "工(gōng)".
fn blank_pinyin(s: &str, out: &mut [u8]) {
    const TONED: &str = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ";
    let mut from = 0;
    while let Some(i) = s[from..].find('(').map(|i| i + from) {
        from = i + 1;
        let Some(close) = s[i + 1..].find(')').map(|j| i + 1 + j) else {
            break;
        };
        let inner = &s[i + 1..close];
        let ok = (1..=7).contains(&inner.chars().count())
            && inner
                .chars()
                .all(|c| c.is_ascii_lowercase() || TONED.contains(c) || c == 'ü')
            && inner.chars().any(|c| TONED.contains(c))
            && s[..i]
                .chars()
                .next_back()
                .is_some_and(super::document::is_han);
        if ok {
            for b in &mut out[i..=close] {
                *b = b' ';
            }
            from = close + 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn noise_is_blanked_but_numbers_stay() {
        let s =
            "广州海关\ny3 V& l- \\4 a/ n* ^7 h- q9 E; n\" k) n+ W; M\n2020年\n0 1 1 0 2 1 0 0 0 1";
        let t = scrub_noise(s);
        assert_eq!(t.len(), s.len());
        assert!(t.starts_with("广州海关\n   "));
        assert!(!t.contains("V&"));
        assert!(t.ends_with("0 1 1 0 2 1 0 0 0 1"));
        let row = "（七）总计 | 11O | 1 | 0 | 0 | 1 | 0 | 13 |";
        assert_eq!(scrub_noise(row), row);
        let row = "（七）总计 | 1O | 1 | 0 | 0 | 1 | 0 | 13 |";
        assert_eq!(scrub_noise(row), row);
        let t = scrub_noise("中(zhōng)华(a)");
        assert_eq!(t, "中        华(a)");
    }
}
