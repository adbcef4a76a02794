//! Content sniffing: known binary formats by their magic bytes, and HTML vs.
//! plain text.

use super::InputKind;

/// A binary format recognised by its first bytes, with a bilingual message
/// saying what to do instead.
pub(crate) fn binary_magic(bytes: &[u8]) -> Option<&'static str> {
    const TABLE: &[(&[u8], &str)] = &[
        (
            b"%PDF-",
            "这是PDF文件，不是文本：请先提取其中的文字（或另存为 .txt/.docx） / \
             this looks like a PDF: extract its text first (or save it as .txt/.docx)",
        ),
        (
            b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1",
            "这是旧版 Word（.doc）、WPS、Excel（.xls）或加密的 Office 文件：请另存为 .docx 或文本 / \
             this looks like a legacy Word .doc, WPS, Excel .xls or encrypted Office file: save it as .docx or text",
        ),
        (
            b"{\\rtf",
            "这是RTF文件：请另存为 .docx 或文本 / \
             this looks like an RTF document: save it as .docx or text",
        ),
        (
            b"\x89PNG\r\n\x1a\n",
            "这是PNG图片，不是文本：请先识别（OCR）其中的文字 / \
             this looks like a PNG image, not text: run OCR on it first",
        ),
        (
            b"\xFF\xD8\xFF",
            "这是JPEG图片，不是文本：请先识别（OCR）其中的文字 / \
             this looks like a JPEG image, not text: run OCR on it first",
        ),
        (
            b"GIF87a",
            "这是GIF图片，不是文本 / this looks like a GIF image, not text",
        ),
        (
            b"GIF89a",
            "这是GIF图片，不是文本 / this looks like a GIF image, not text",
        ),
        (
            b"PK\x05\x06",
            "这是一个空的ZIP压缩包 / this looks like an empty ZIP archive",
        ),
        (
            b"Rar!\x1a\x07",
            "这是RAR压缩包：请先解压 / this looks like a RAR archive: extract it first",
        ),
        (
            b"7z\xBC\xAF\x27\x1C",
            "这是7z压缩包：请先解压 / this looks like a 7z archive: extract it first",
        ),
        (
            b"\x1F\x8B",
            "这是gzip压缩文件：请先解压 / this looks like a gzip-compressed file: decompress it first",
        ),
        (
            b"\x7FELF",
            "这是可执行程序，不是文本 / this looks like an executable program, not text",
        ),
    ];
    TABLE
        .iter()
        .find(|(magic, _)| bytes.starts_with(magic))
        .map(|(_, msg)| *msg)
}

/// Is this the start of a ZIP local file header (`PK\x03\x04`)?
pub(crate) fn is_zip(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04")
}

/// Tags that mark text as HTML when they appear near the start.
const HTML_TAGS: &[&str] = &[
    "!doctype", "html", "head", "body", "meta", "title", "table", "tbody", "thead", "tr", "td",
    "th", "p", "div", "span", "br", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "font",
    "b", "strong", "em", "i", "u", "a", "img", "hr", "center", "section", "article", "style",
    "script", "link", "pre", "o:p",
];

/// How many characters from the start [`sniff_kind`] looks at for a tag.
const NEAR_START: usize = 1024;
/// How much of the text [`sniff_kind`] scans for the share of tags.
const SCAN_LIMIT: usize = 64 * 1024;

/// Guesses whether `text` is HTML markup or plain text.
///
/// HTML when a known tag (`<html`, `<table`, `<p`, `<div`, `<span`, `<br`, …)
/// appears in the first 1024 characters (after leading whitespace), or when
/// the first 64 KB hold at least 8 known tags that make up at least 10% of it
/// (or at least 50 known tags). Used for files and for pasted text.
pub fn sniff_kind(text: &str) -> InputKind {
    let text = text.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
    let near_end = text
        .char_indices()
        .nth(NEAR_START)
        .map_or(text.len(), |(i, _)| i);
    let scan_end = floor_char_boundary(text, SCAN_LIMIT);
    let b = &text.as_bytes()[..scan_end];

    let mut tags = 0usize;
    let mut tag_bytes = 0usize;
    let mut i = 0;
    while i < b.len() {
        if b[i] != b'<' {
            i += 1;
            continue;
        }
        let Some(len) = known_tag_at(&b[i..]) else {
            i += 1;
            continue;
        };
        if i < near_end {
            return InputKind::Html;
        }
        tags += 1;
        // extent of the tag up to '>' (bounded)
        let end = b[i..]
            .iter()
            .take(512)
            .position(|&c| c == b'>')
            .map_or(len, |p| p + 1);
        tag_bytes += end;
        i += end.max(1);
    }
    if tags >= 50 || (tags >= 8 && tag_bytes * 10 >= b.len()) {
        InputKind::Html
    } else {
        InputKind::Text
    }
}

/// If `b` starts with `<tag` or `</tag` for a known HTML tag followed by a
/// delimiter, returns the length of that prefix.
fn known_tag_at(b: &[u8]) -> Option<usize> {
    let mut start = 1;
    if b.get(1) == Some(&b'/') {
        start = 2;
    }
    let rest = &b[start.min(b.len())..];
    for tag in HTML_TAGS {
        let t = tag.as_bytes();
        if rest.len() > t.len()
            && rest[..t.len()].eq_ignore_ascii_case(t)
            && matches!(rest[t.len()], b'>' | b' ' | b'\t' | b'\n' | b'\r' | b'/')
        {
            return Some(start + t.len());
        }
    }
    None
}

fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    if i >= s.len() {
        return s.len();
    }
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// What a ZIP archive that is not a .docx probably is, from its entry names.
#[cfg(feature = "docx")]
pub(crate) fn describe_zip(names: &[String]) -> &'static str {
    let has = |n: &str| names.iter().any(|x| x == n);
    if has("xl/workbook.xml") {
        "这是Excel表格（.xlsx），不是Word文档：请另存为 .docx 或文本 / \
         this looks like an Excel workbook (.xlsx), not a Word document: save it as .docx or text"
    } else if has("ppt/presentation.xml") {
        "这是PowerPoint演示文稿（.pptx），不是Word文档 / \
         this looks like a PowerPoint presentation (.pptx), not a Word document"
    } else if has("content.xml") && has("mimetype") {
        "这是OpenDocument文件（如 .odt），请另存为 .docx 或文本 / \
         this looks like an OpenDocument file (e.g. .odt): save it as .docx or text"
    } else if names.iter().any(|n| n.ends_with(".docx")) {
        "这是包含Word文档的ZIP压缩包：请先解压，再逐个检查 / \
         this is a ZIP archive containing Word documents: extract it and check them one by one"
    } else {
        "这是ZIP压缩包，不是Word文档（缺少 word/document.xml） / \
         this looks like a ZIP archive, not a Word document (no word/document.xml)"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sniffs_markup_near_start() {
        assert_eq!(sniff_kind("<!DOCTYPE html><html>…"), InputKind::Html);
        assert_eq!(
            sniff_kind("\u{feff}  <table><tr><td>1</td></tr></table>"),
            InputKind::Html
        );
        assert_eq!(sniff_kind("<p>一、总体情况</p>"), InputKind::Html);
        assert_eq!(sniff_kind("一、总体情况<br>二、主动公开"), InputKind::Html);
        assert_eq!(
            sniff_kind("<meta charset='utf-8'><div>x</div>"),
            InputKind::Html
        );
        assert_eq!(sniff_kind("<P CLASS=x>大写</P>"), InputKind::Html);
    }

    #[test]
    fn plain_text_stays_text() {
        assert_eq!(sniff_kind(""), InputKind::Text);
        assert_eq!(
            sniff_kind("一、总体情况\n2024年，本机关……"),
            InputKind::Text
        );
        assert_eq!(
            sniff_kind("x < y and <pre-release> and <problem>"),
            InputKind::Text
        );
        assert_eq!(
            sniff_kind("《政府信息公开条例》<第二十条>"),
            InputKind::Text
        );
    }

    #[test]
    fn sniffs_share_of_tags_later_in_the_text() {
        let head = "正文".repeat(600); // 1200 chars of text first
        let body = "<td>1</td>".repeat(30);
        assert_eq!(sniff_kind(&format!("{head}{body}")), InputKind::Html);
        let few = format!("{head}<br>");
        assert_eq!(sniff_kind(&few), InputKind::Text);
    }

    #[test]
    fn magic_numbers() {
        assert!(binary_magic(b"%PDF-1.7\n").unwrap().contains("PDF"));
        assert!(binary_magic(b"\x89PNG\r\n\x1a\n\0\0")
            .unwrap()
            .contains("PNG"));
        assert!(binary_magic(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1")
            .unwrap()
            .contains(".doc"));
        assert_eq!(binary_magic(b"plain"), None);
        assert!(is_zip(b"PK\x03\x04rest"));
    }
}
