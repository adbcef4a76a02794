//! Byte-level helpers for choosing an encoding: the `<meta charset>`
//! prescan, UTF-8 statistics and BOM-less UTF-16 sniffing.

/// How far into the file the `<meta>` prescan looks (the HTML standard uses 1024
/// bytes; Chinese government pages often have long `<head>`s, so we look further).
pub(crate) const PRESCAN_BYTES: usize = 4096;

/// Where a charset declaration was found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Declared {
    /// The label as written in the file (trimmed), e.g. `gb2312`.
    pub label: String,
    /// Human-readable source, e.g. `<meta charset>`.
    pub source: &'static str,
}

/// Looks for a charset declaration in the first [`PRESCAN_BYTES`] bytes: an
/// XML declaration `<?xml … encoding="…"?>` at the very start, `<meta charset=…>`
/// or `<meta http-equiv="Content-Type" content="…; charset=…">`.
///
/// This is a simplified version of the HTML standard's prescan: comments are
/// skipped, attribute values may be quoted or not, names are case-insensitive.
pub(crate) fn prescan(bytes: &[u8]) -> Option<Declared> {
    let b = &bytes[..bytes.len().min(PRESCAN_BYTES)];
    if starts_with_ci(b, b"<?xml") {
        let end = find(b, b"?>", 0).unwrap_or(b.len());
        let decl = &b[..end];
        if let Some(pos) = find_ci(decl, b"encoding", 0) {
            let mut i = pos + b"encoding".len();
            i = skip_ws(decl, i);
            if decl.get(i) == Some(&b'=') {
                i = skip_ws(decl, i + 1);
                if let Some(&q) = decl.get(i) {
                    if q == b'"' || q == b'\'' {
                        if let Some(close) = decl[i + 1..].iter().position(|&c| c == q) {
                            let label = trim_label(&decl[i + 1..i + 1 + close]);
                            if !label.is_empty() {
                                return Some(Declared {
                                    label,
                                    source: "<?xml encoding>",
                                });
                            }
                        }
                    }
                }
            }
        }
    }
    let mut i = 0;
    while i < b.len() {
        if b[i] != b'<' {
            i += 1;
            continue;
        }
        if b[i..].starts_with(b"<!--") {
            match find(b, b"-->", i + 4) {
                Some(end) => {
                    i = end + 3;
                    continue;
                }
                None => return None,
            }
        }
        if starts_with_ci(&b[i..], b"<meta") && b.get(i + 5).is_some_and(|&c| is_ws(c) || c == b'/')
        {
            i += 5;
            let mut charset: Option<String> = None;
            let mut http_equiv_content_type = false;
            let mut content: Option<Vec<u8>> = None;
            while let Some((name, value)) = next_attribute(b, &mut i) {
                match name.as_slice() {
                    b"charset" if charset.is_none() => charset = Some(trim_label(&value)),
                    b"http-equiv" => {
                        http_equiv_content_type =
                            value.trim_ascii().eq_ignore_ascii_case(b"content-type")
                    }
                    b"content" if content.is_none() => content = Some(value),
                    _ => {}
                }
            }
            if let Some(label) = charset.filter(|l| !l.is_empty()) {
                return Some(Declared {
                    label,
                    source: "<meta charset>",
                });
            }
            if http_equiv_content_type {
                if let Some(label) = content.as_deref().and_then(charset_from_content) {
                    return Some(Declared {
                        label,
                        source: "<meta http-equiv=\"Content-Type\">",
                    });
                }
            }
            continue;
        }
        i += 1;
    }
    None
}

/// Parses one attribute of a tag, starting at `*i`; returns `None` at `>` or at
/// the end of the input. Names are lower-cased.
fn next_attribute(b: &[u8], i: &mut usize) -> Option<(Vec<u8>, Vec<u8>)> {
    while *i < b.len() && (is_ws(b[*i]) || b[*i] == b'/') {
        *i += 1;
    }
    if *i >= b.len() {
        return None;
    }
    if b[*i] == b'>' {
        *i += 1;
        return None;
    }
    let mut name = Vec::new();
    while *i < b.len() {
        let c = b[*i];
        if c == b'=' && !name.is_empty() {
            break;
        }
        if is_ws(c) || c == b'/' || c == b'>' {
            break;
        }
        name.push(c.to_ascii_lowercase());
        *i += 1;
    }
    *i = skip_ws(b, *i);
    if b.get(*i) != Some(&b'=') {
        return Some((name, Vec::new()));
    }
    *i = skip_ws(b, *i + 1);
    let mut value = Vec::new();
    match b.get(*i) {
        None => {}
        Some(&q) if q == b'"' || q == b'\'' => {
            *i += 1;
            while *i < b.len() && b[*i] != q {
                value.push(b[*i]);
                *i += 1;
            }
            *i += 1; // closing quote (or past the end)
        }
        Some(_) => {
            while *i < b.len() && !is_ws(b[*i]) && b[*i] != b'>' {
                value.push(b[*i]);
                *i += 1;
            }
        }
    }
    Some((name, value))
}

/// Extracts the charset from a `content="text/html; charset=gb2312"` value.
fn charset_from_content(content: &[u8]) -> Option<String> {
    let mut from = 0;
    while let Some(pos) = find_ci(content, b"charset", from) {
        let mut i = skip_ws(content, pos + b"charset".len());
        if content.get(i) != Some(&b'=') {
            from = pos + 1;
            continue;
        }
        i = skip_ws(content, i + 1);
        let value = match content.get(i) {
            Some(&q) if q == b'"' || q == b'\'' => {
                let rest = &content[i + 1..];
                &rest[..rest.iter().position(|&c| c == q)?]
            }
            Some(_) => {
                let rest = &content[i..];
                let end = rest
                    .iter()
                    .position(|&c| is_ws(c) || c == b';')
                    .unwrap_or(rest.len());
                &rest[..end]
            }
            None => return None,
        };
        let label = trim_label(value);
        return (!label.is_empty()).then_some(label);
    }
    None
}

fn trim_label(v: &[u8]) -> String {
    String::from_utf8_lossy(v.trim_ascii()).into_owned()
}

fn is_ws(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\r' | 0x0C)
}

fn skip_ws(b: &[u8], mut i: usize) -> usize {
    while i < b.len() && is_ws(b[i]) {
        i += 1;
    }
    i
}

fn starts_with_ci(hay: &[u8], prefix: &[u8]) -> bool {
    hay.len() >= prefix.len() && hay[..prefix.len()].eq_ignore_ascii_case(prefix)
}

fn find(hay: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    if from > hay.len() {
        return None;
    }
    hay[from..]
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|p| p + from)
}

pub(crate) fn find_ci(hay: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    if from > hay.len() {
        return None;
    }
    hay[from..]
        .windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle))
        .map(|p| p + from)
}

/// What a UTF-8 validation pass found.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Utf8Stats {
    /// Well-formed multi-byte sequences (i.e. non-ASCII characters).
    pub multibyte: usize,
    /// Maximal invalid subsequences (each would become one U+FFFD).
    pub invalid: usize,
}

impl Utf8Stats {
    /// Valid UTF-8 with only a few damaged sequences (e.g. a file cut in the
    /// middle of a character, or one stray byte): still better read as UTF-8.
    /// Text in another encoding (GBK) almost never forms many valid UTF-8
    /// multi-byte sequences, so we require at least 20 good ones per bad one.
    pub fn mostly_utf8(&self) -> bool {
        self.multibyte >= 8 && self.multibyte >= self.invalid.saturating_mul(20)
    }
}

/// Validates `bytes` as UTF-8, counting good multi-byte and bad sequences.
pub(crate) fn utf8_stats(bytes: &[u8]) -> Utf8Stats {
    let mut stats = Utf8Stats::default();
    let mut rest = bytes;
    loop {
        match std::str::from_utf8(rest) {
            Ok(s) => {
                stats.multibyte += count_lead_bytes(s.as_bytes());
                return stats;
            }
            Err(e) => {
                let valid = e.valid_up_to();
                stats.multibyte += count_lead_bytes(&rest[..valid]);
                stats.invalid += 1;
                match e.error_len() {
                    Some(n) => rest = &rest[valid + n..],
                    None => return stats, // truncated sequence at the very end
                }
            }
        }
    }
}

/// Counts UTF-8 lead bytes of multi-byte sequences, stopping at `limit`.
pub(crate) fn count_lead_bytes_upto(bytes: &[u8], limit: usize) -> usize {
    let mut n = 0;
    for &b in bytes {
        if b >= 0xC0 {
            n += 1;
            if n >= limit {
                break;
            }
        }
    }
    n
}

fn count_lead_bytes(bytes: &[u8]) -> usize {
    // (a plain count, which vectorises; `count_lead_bytes_upto` stops early instead)
    bytes.iter().filter(|&&b| b >= 0xC0).count()
}

/// Detects UTF-16 without a byte order mark from the position of NUL bytes in
/// the first 8 KB: ASCII characters (digits, line breaks, punctuation) in
/// UTF-16LE have their NUL at odd offsets, in UTF-16BE at even offsets, while
/// binary data has NULs at both. (CJK characters like 一 U+4E00 put a few NULs
/// on the other side, so the other side may have up to a quarter as many.)
pub(crate) fn sniff_utf16(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let sample = &bytes[..bytes.len().min(8192) & !1];
    let pairs = sample.len() / 2;
    if pairs < 2 || bytes.len() & 1 == 1 {
        return None;
    }
    let (mut even, mut odd) = (0usize, 0usize);
    for pair in sample.chunks_exact(2) {
        even += usize::from(pair[0] == 0);
        odd += usize::from(pair[1] == 0);
    }
    let enough = |n: usize| n >= 2 && n * 100 >= pairs; // at least 1% of the characters
    if enough(odd) && even * 4 <= odd {
        Some(encoding_rs::UTF_16LE)
    } else if enough(even) && odd * 4 <= even {
        Some(encoding_rs::UTF_16BE)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn label(b: &str) -> Option<String> {
        prescan(b.as_bytes()).map(|d| d.label)
    }

    #[test]
    fn meta_charset_forms() {
        assert_eq!(
            label(r#"<html><head><meta charset="gb2312">"#).as_deref(),
            Some("gb2312")
        );
        assert_eq!(label("<META CHARSET=GBK>").as_deref(), Some("GBK"));
        assert_eq!(label("<meta charset='utf-8' />").as_deref(), Some("utf-8"));
        assert_eq!(
            label(r#"<meta http-equiv="Content-Type" content="text/html; charset=gb2312">"#)
                .as_deref(),
            Some("gb2312")
        );
        assert_eq!(
            label(r#"<meta content="text/html;charset = 'GB18030'" http-equiv=content-type>"#)
                .as_deref(),
            Some("GB18030")
        );
        assert_eq!(
            label(r#"<?xml version="1.0" encoding="GBK"?><html>"#).as_deref(),
            Some("GBK")
        );
        // commented out, missing http-equiv, not a meta tag
        assert_eq!(label(r#"<!-- <meta charset="gbk"> --><p>x</p>"#), None);
        assert_eq!(label(r#"<meta name="x" content="charset=gbk">"#), None);
        assert_eq!(label(r#"<metadata charset="gbk">"#), None);
        assert_eq!(label(r#"<meta charset="">"#), None);
        // only the first 4 KB count
        let late = format!("{}<meta charset=gbk>", " ".repeat(PRESCAN_BYTES));
        assert_eq!(label(&late), None);
    }

    #[test]
    fn prescan_survives_truncation() {
        for s in [
            "<meta",
            "<meta ",
            "<meta charset",
            "<meta charset=",
            "<meta charset=\"gb",
            "<!--",
            "<?xml encoding=",
            "<?xml encoding='",
            "<meta http-equiv=content-type content=\"charset=\"",
        ] {
            let _ = prescan(s.as_bytes());
        }
    }

    #[test]
    fn utf8_statistics() {
        assert_eq!(
            utf8_stats("abc".as_bytes()),
            Utf8Stats {
                multibyte: 0,
                invalid: 0
            }
        );
        assert_eq!(
            utf8_stats("政府信息".as_bytes()),
            Utf8Stats {
                multibyte: 4,
                invalid: 0
            }
        );
        let mut cut = "政府信息公开工作年度报告".as_bytes().to_vec();
        cut.pop();
        let s = utf8_stats(&cut);
        assert_eq!((s.multibyte, s.invalid), (11, 1));
        assert!(!s.mostly_utf8()); // 11 < 20
        let (gbk, _, _) = encoding_rs::GBK.encode("政府信息公开工作年度报告");
        assert!(!utf8_stats(&gbk).mostly_utf8());
    }

    #[test]
    fn utf16_sniffing() {
        let le: Vec<u8> = "2024年报告\n"
            .encode_utf16()
            .flat_map(|u| u.to_le_bytes())
            .collect();
        let be: Vec<u8> = "2024年报告\n"
            .encode_utf16()
            .flat_map(|u| u.to_be_bytes())
            .collect();
        assert_eq!(sniff_utf16(&le), Some(encoding_rs::UTF_16LE));
        assert_eq!(sniff_utf16(&be), Some(encoding_rs::UTF_16BE));
        assert_eq!(sniff_utf16(b"\0\0\0\0\x01\x02\0\0"), None);
        assert_eq!(sniff_utf16(b"plain text"), None);
    }
}
