//! Turning the bytes of an uploaded or local file into text for the parser.
//!
//! [`decode`] accepts plain text, HTML pages and Word `.docx` files and never
//! panics. It works in this order:
//!
//! 1. Size: empty input is [`InputError::Empty`], more than
//!    [`MAX_INPUT_BYTES`] is [`InputError::TooLarge`]. Files and standard input are read with
//!    [`read_limited`], which stops at the limit: a 2 GB file or an endless pipe is refused
//!    without being read into memory.
//! 2. Containers: a ZIP (`PK\x03\x04`) holding `word/document.xml` is a
//!    `.docx` whatever its name; its paragraphs and tables are converted to
//!    HTML ([`InputKind::Html`]): `<p>` per paragraph, `<table>` with
//!    `colspan`/`rowspan` from merged cells, tracked deletions left out, and
//!    automatic list numbers ("一、", "（一）") restored from
//!    `word/numbering.xml`. A `document.xml` over 64 MB (declared or actual)
//!    is refused as a zip bomb. Other ZIPs, PDFs, images, legacy `.doc` and
//!    similar formats recognised by their magic bytes are
//!    [`InputError::Binary`] with a message saying what the file looks like.
//! 3. Encoding of text, first match wins:
//!    1. a byte order mark (UTF-8, UTF-16LE, UTF-16BE);
//!    2. UTF-16 without a BOM, recognised by its NUL-byte pattern (any other
//!       NUL byte in the first 8 KB means a binary file);
//!    3. a charset declared in the first 4 KB: `<meta charset=…>`,
//!       `<meta http-equiv="Content-Type" content="…charset=…">` or
//!       `<?xml … encoding=…?>`, mapped with the WHATWG label table
//!       (`gb2312`/`gbk` → GBK, `gb18030` → gb18030). A declaration that the
//!       bytes clearly contradict loses: a page declared GBK whose bytes are
//!       valid UTF-8 with Chinese text is read as UTF-8, and one declared UTF-8
//!       whose bytes are not is read as gb18030;
//!    4. UTF-8 if the bytes are valid UTF-8 (or nearly: a few damaged
//!       sequences among many good ones);
//!    5. otherwise gb18030, the superset of GBK/GB2312 that Chinese
//!       government sites use.
//! 4. Checks on the result: replaced (undecodable) sequences are counted and
//!    noted; text that is mostly replacement or control characters is
//!    [`InputError::Binary`]; stray NUL characters are removed; text that is
//!    only whitespace is [`InputError::Empty`].
//!
//! The kind is [`InputKind::Html`] for `.html`/`.htm` files, `.docx` files,
//! and text that [`sniff_kind`] recognises as markup; otherwise
//! [`InputKind::Text`].

mod charset;
#[cfg(feature = "docx")]
mod docx;
#[cfg(feature = "docx")]
mod numbering;
mod sniff;

use std::fmt;

use encoding_rs::{Encoding, GB18030, UTF_8};

pub use sniff::sniff_kind;

/// Largest input [`decode`] accepts (64 MiB).
pub const MAX_INPUT_BYTES: usize = 64 * 1024 * 1024;

/// How the decoded text should be parsed (HTML also for `.docx`, which is converted to it).
pub use crate::model::InputKind;

/// The text of a file, ready for the parser.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// UTF-8 text, without a byte order mark.
    pub text: String,
    /// Whether `text` is HTML or plain text.
    pub kind: InputKind,
    /// The encoding_rs name of the encoding used, e.g. `"UTF-8"`, `"GBK"`,
    /// `"gb18030"`, `"UTF-16LE"` (`"UTF-8"` for `.docx`).
    pub encoding: &'static str,
    /// Human-readable notes on how the input was read (English).
    pub notes: Vec<String>,
}

/// Why a file could not be turned into text. `Display` gives a message in
/// Chinese followed by English.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InputError {
    /// No bytes, or only whitespace / a byte order mark.
    Empty,
    /// More than the limit.
    TooLarge { size: usize, limit: usize },
    /// More than the limit, found while reading a stream (standard input, a pipe, a device)
    /// whose size is not known beforehand: reading stopped after `limit` bytes.
    TooLargeStream { limit: usize },
    /// Not text: a binary format, or bytes that do not decode to text.
    /// `reason` is a complete bilingual message saying what the file looks like.
    Binary { reason: String },
    /// A ZIP/`.docx` that cannot be read (damaged, encrypted, zip bomb,
    /// malformed XML). `reason` is a complete bilingual message.
    BadDocx { reason: String },
    /// A ZIP/`.docx` given to a build without the `.docx` reader (the browser's main module):
    /// the host loads the reader module and asks it (www/checker.js does).
    DocxReaderNeeded,
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            InputError::Empty => f.write_str("输入为空 / the input is empty"),
            InputError::TooLarge { size, limit } => write!(
                f,
                "输入过大：{size} 字节，上限为 {limit} 字节 / \
                 the input is too large: {size} bytes, the limit is {limit} bytes"
            ),
            InputError::TooLargeStream { limit } => write!(
                f,
                "输入过大：超过 {limit} 字节（{mib} MiB）的上限，已停止读取 / \
                 the input is too large: more than the limit of {limit} bytes ({mib} MiB); reading stopped there",
                mib = limit >> 20
            ),
            InputError::Binary { reason } | InputError::BadDocx { reason } => f.write_str(reason),
            InputError::DocxReaderNeeded => f.write_str(
                "读取 .docx 文件需要 .docx 读取模块（nianbao_docx），此引擎未包含 / \
                 reading a .docx file needs the .docx reader module (nianbao_docx), which this engine build leaves out",
            ),
        }
    }
}

impl std::error::Error for InputError {}

/// Reads a whole input, but never more than [`MAX_INPUT_BYTES`] + 1 bytes: a larger one
/// (a 2 GB file, `/dev/zero`, an endless pipe) is refused as soon as the limit is passed, with
/// memory bounded by the limit. `size_hint` (a regular file's length) lets a file that is
/// known to be too large be refused before anything is read, and sizes the buffer.
pub fn read_limited(
    reader: impl std::io::Read,
    size_hint: Option<u64>,
) -> Result<Vec<u8>, ReadError> {
    use std::io::Read as _;
    let limit = MAX_INPUT_BYTES;
    if let Some(size) = size_hint.filter(|&s| s > limit as u64) {
        return Err(ReadError::Input(InputError::TooLarge {
            size: usize::try_from(size).unwrap_or(usize::MAX),
            limit,
        }));
    }
    let mut buf = Vec::with_capacity(size_hint.map_or(0, |s| s as usize + 1).min(limit + 1));
    reader
        .take(limit as u64 + 1)
        .read_to_end(&mut buf)
        .map_err(ReadError::Io)?;
    if buf.len() > limit {
        // A stream, or a file longer than its length said (still growing, or a device).
        return Err(ReadError::Input(InputError::TooLargeStream { limit }));
    }
    Ok(buf)
}

/// Why [`read_limited`] gave no bytes.
#[derive(Debug)]
pub enum ReadError {
    /// The reader failed.
    Io(std::io::Error),
    /// The input is over the limit ([`InputError::TooLarge`] or [`InputError::TooLargeStream`]).
    Input(InputError),
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReadError::Io(e) => write!(f, "无法读取 / cannot read: {e}"),
            ReadError::Input(e) => e.fmt(f),
        }
    }
}

impl std::error::Error for ReadError {}

/// A valid-UTF-8 file with at least this many non-ASCII characters is read as
/// UTF-8 even if a `<meta>` declares another encoding.
const MIN_MULTIBYTE_TO_OVERRIDE: usize = 8;
/// NUL bytes within this many leading bytes mean a binary file.
const NUL_WINDOW: usize = 8192;
const NUL_REASON: &str = "文件中含有NUL字节，看起来是二进制文件而不是文本 / \
                          the file contains NUL bytes: it looks like a binary file, not text";

/// Decodes the bytes of a file (`file_name` is only a hint: its extension
/// marks `.html`/`.htm` as HTML). See the [module docs](self) for the order in
/// which the encoding is chosen.
pub fn decode(bytes: &[u8], file_name: Option<&str>) -> Result<Decoded, InputError> {
    decode_with(bytes, file_name, &encoding_rs_decoder)
}

/// Decodes bytes in an encoding: `(text, had_errors)`, invalid sequences replaced by U+FFFD.
/// Natively [`encoding_rs_decoder`]; the browser build passes its `TextDecoder`, which has the
/// same WHATWG decoders, so that their tables (hundreds of KB) stay out of the `.wasm`.
pub type TextDecoderFn<'a> = &'a dyn Fn(&'static Encoding, &[u8]) -> (String, bool);

/// The native text decoder: encoding_rs.
pub fn encoding_rs_decoder(encoding: &'static Encoding, bytes: &[u8]) -> (String, bool) {
    let (cow, had_errors) = encoding.decode_without_bom_handling(bytes);
    (cow.into_owned(), had_errors)
}

/// [`decode`] with the given text decoder; everything else (detection, `.docx`, refusals) is
/// the same.
pub fn decode_with(
    bytes: &[u8],
    file_name: Option<&str>,
    text_decoder: TextDecoderFn<'_>,
) -> Result<Decoded, InputError> {
    if bytes.is_empty() {
        return Err(InputError::Empty);
    }
    if bytes.len() > MAX_INPUT_BYTES {
        return Err(InputError::TooLarge {
            size: bytes.len(),
            limit: MAX_INPUT_BYTES,
        });
    }
    let ext = file_name.map(extension).unwrap_or_default();

    if sniff::is_zip(bytes) {
        return decode_zip(bytes);
    }
    if let Some(reason) = sniff::binary_magic(bytes) {
        return Err(InputError::Binary {
            reason: reason.to_string(),
        });
    }

    let mut notes = Vec::new();
    if ext == "docx" {
        notes.push("named .docx but not a ZIP file; read as text".to_string());
    }
    let mut utf8_invalid: Option<usize> = None;
    let (encoding, body) = if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        notes.push(format!(
            "decoded as {} from its byte order mark",
            enc.name()
        ));
        (enc, &bytes[bom_len..])
    } else if let Some(enc) = charset::sniff_utf16(bytes) {
        notes.push(format!(
            "no byte order mark, but the NUL bytes between ASCII characters say {0}; decoded as {0}",
            enc.name()
        ));
        (enc, bytes)
    } else if bytes[..bytes.len().min(NUL_WINDOW)].contains(&0) {
        return Err(InputError::Binary {
            reason: NUL_REASON.to_string(),
        });
    } else {
        let (enc, invalid) = choose_encoding(bytes, &mut notes);
        utf8_invalid = invalid;
        (enc, bytes)
    };
    // (a UTF-8 file with a BOM may still be binary junk)
    if encoding != encoding_rs::UTF_16LE
        && encoding != encoding_rs::UTF_16BE
        && body[..body.len().min(NUL_WINDOW)].contains(&0)
    {
        return Err(InputError::Binary {
            reason: NUL_REASON.to_string(),
        });
    }

    let (mut text, had_errors) = text_decoder(encoding, body);
    if text.starts_with('\u{feff}') {
        // A second BOM (e.g. a file converted twice).
        text.drain(..'\u{feff}'.len_utf8());
    }

    let scan = scan_text(&text);
    let replaced = match utf8_invalid {
        Some(n) => n,
        None if had_errors => scan.replacements,
        None => 0,
    };
    if scan.chars == 0 {
        return Err(InputError::Empty);
    }
    if scan.controls.saturating_mul(10) > scan.chars {
        let pct = scan.controls.saturating_mul(100) / scan.chars;
        return Err(InputError::Binary {
            reason: format!(
                "文件中控制字符过多（{pct}%），看起来是二进制文件而不是文本 / \
                 too many control characters ({pct}%): it looks like a binary file, not text"
            ),
        });
    }
    if (replaced + scan.controls).saturating_mul(3) > scan.chars {
        let name = encoding.name();
        return Err(InputError::Binary {
            reason: format!(
                "大部分字节无法按 {name} 解码，看起来不是文本文件 / \
                 most bytes cannot be decoded as {name}: it does not look like a text file"
            ),
        });
    }
    if replaced > 0 {
        notes.push(format!(
            "{replaced} invalid byte sequence{} replaced with U+FFFD",
            if replaced == 1 { "" } else { "s" }
        ));
    }
    if scan.nuls > 0 {
        text.retain(|c| c != '\0');
        notes.push(format!("{} NUL character(s) removed", scan.nuls));
    }
    if text.trim().is_empty() {
        return Err(InputError::Empty);
    }
    let kind = if matches!(ext.as_str(), "html" | "htm" | "xhtml" | "shtml") {
        InputKind::Html
    } else {
        sniff_kind(&text)
    };
    Ok(Decoded {
        text,
        kind,
        encoding: encoding.name(),
        notes,
    })
}

/// Picks the encoding of BOM-less, non-UTF-16 bytes. Also returns the number
/// of invalid sequences when UTF-8 was chosen (for the replacement note).
fn choose_encoding(bytes: &[u8], notes: &mut Vec<String>) -> (&'static Encoding, Option<usize>) {
    let stats = charset::utf8_stats(bytes);
    let undeclared = |notes: &mut Vec<String>| {
        if stats.invalid == 0 || stats.mostly_utf8() {
            (UTF_8, Some(stats.invalid))
        } else {
            notes.push(
                "not valid UTF-8 and no charset declared; decoded as gb18030 (superset of GBK/GB2312)"
                    .to_string(),
            );
            (GB18030, None)
        }
    };
    let Some(declared) = charset::prescan(bytes) else {
        return undeclared(notes);
    };
    let (label, source) = (declared.label.as_str(), declared.source);
    let enc = match Encoding::for_label(label.as_bytes()) {
        // "replacement" (e.g. hz-gb-2312) would throw everything away.
        Some(enc) if enc == encoding_rs::REPLACEMENT => {
            notes.push(format!(
                "unsupported charset \"{label}\" in {source} ignored"
            ));
            return undeclared(notes);
        }
        // A meta tag cannot really declare UTF-16 (it would not be readable as ASCII).
        Some(enc) if enc == encoding_rs::UTF_16LE || enc == encoding_rs::UTF_16BE => UTF_8,
        Some(enc) if enc == encoding_rs::X_USER_DEFINED => encoding_rs::WINDOWS_1252,
        Some(enc) => enc,
        None => {
            notes.push(format!("unknown charset \"{label}\" in {source} ignored"));
            return undeclared(notes);
        }
    };
    if enc == UTF_8 {
        if stats.invalid == 0 || stats.mostly_utf8() {
            (UTF_8, Some(stats.invalid))
        } else {
            notes.push(format!(
                "{source} declares \"{label}\" but the bytes are not UTF-8; decoded as gb18030 \
                 (superset of GBK/GB2312)"
            ));
            (GB18030, None)
        }
    } else if stats.invalid == 0
        && charset::count_lead_bytes_upto(bytes, MIN_MULTIBYTE_TO_OVERRIDE)
            >= MIN_MULTIBYTE_TO_OVERRIDE
    {
        notes.push(format!(
            "{source} declares \"{label}\" but the bytes are valid UTF-8; decoded as UTF-8"
        ));
        (UTF_8, Some(0))
    } else {
        notes.push(format!(
            "decoded as {} from {source} (\"{label}\")",
            enc.name()
        ));
        (enc, None)
    }
}

/// Counts in decoded text.
#[derive(Debug, Default, Clone, Copy)]
struct TextScan {
    chars: usize,
    /// C0/C1 control characters other than tab, line breaks, VT and form feed
    /// (NUL included).
    controls: usize,
    nuls: usize,
    replacements: usize,
}

fn scan_text(text: &str) -> TextScan {
    // Whole-slice counts (vectorised) rather than one branchy loop: this runs over every byte
    // of every file of a batch.
    let b = text.as_bytes();
    let nuls = b.iter().filter(|&&c| c == 0).count();
    let c0 = b
        .iter()
        .filter(|&&c| matches!(c, 0x01..=0x08 | 0x0E..=0x1F | 0x7F))
        .count();
    // C1 controls U+0080..U+009F are C2 80..C2 9F in UTF-8.
    let c1 = memchr::memchr_iter(0xC2, b)
        .filter(|&i| matches!(b.get(i + 1), Some(0x80..=0x9F)))
        .count();
    TextScan {
        chars: text.chars().count(),
        controls: nuls + c0 + c1,
        nuls,
        replacements: text.matches('\u{FFFD}').count(),
    }
}

/// Lower-cased extension of the last path component.
fn extension(name: &str) -> String {
    let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
    match base.rsplit_once('.') {
        Some((stem, ext)) if !stem.is_empty() => ext.trim().to_ascii_lowercase(),
        _ => String::new(),
    }
}

#[cfg(not(feature = "docx"))]
fn decode_zip(_bytes: &[u8]) -> Result<Decoded, InputError> {
    Err(InputError::DocxReaderNeeded)
}

#[cfg(feature = "docx")]
fn decode_zip(bytes: &[u8]) -> Result<Decoded, InputError> {
    match docx::read_zip(bytes)? {
        docx::Zip::NotDocx(reason) => Err(InputError::Binary {
            reason: reason.to_string(),
        }),
        docx::Zip::Docx(d) => {
            if d.text_chars == 0 {
                return Err(InputError::Empty);
            }
            let mut notes = vec![format!(
                "converted from .docx (word/document.xml) to HTML: {} paragraph{}, {} table{}",
                d.paragraphs,
                if d.paragraphs == 1 { "" } else { "s" },
                d.tables,
                if d.tables == 1 { "" } else { "s" },
            )];
            if d.list_labels > 0 {
                notes.push(format!(
                    "{} automatic list number{} (e.g. 一、/（一）) restored from word/numbering.xml",
                    d.list_labels,
                    if d.list_labels == 1 { "" } else { "s" }
                ));
            }
            for part in &d.unreadable_parts {
                notes.push(format!(
                    "{part} could not be read; automatic list numbers left out"
                ));
            }
            if d.skipped_deletions {
                notes.push("tracked deletions left out, insertions kept".to_string());
            }
            if d.truncated {
                notes.push(
                    "word/document.xml ends before its elements are closed (the file may be cut off); what was there was read"
                        .to_string(),
                );
            }
            if d.lossy_xml {
                notes.push(
                    "word/document.xml was not valid UTF-8; invalid bytes replaced with U+FFFD"
                        .to_string(),
                );
            }
            Ok(Decoded {
                text: d.html,
                kind: InputKind::Html,
                encoding: UTF_8.name(),
                notes,
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(bytes: &[u8], name: Option<&str>) -> Decoded {
        decode(bytes, name).unwrap_or_else(|e| panic!("decode failed: {e}"))
    }

    #[test]
    fn plain_utf8() {
        let d = ok("一、总体情况\n".as_bytes(), Some("a.txt"));
        assert_eq!(
            (d.text.as_str(), d.kind, d.encoding),
            ("一、总体情况\n", InputKind::Text, "UTF-8")
        );
        assert!(d.notes.is_empty(), "{:?}", d.notes);
    }

    #[test]
    fn boms() {
        let d = ok(b"\xEF\xBB\xBFabc", None);
        assert_eq!((d.text.as_str(), d.encoding), ("abc", "UTF-8"));
        let mut le = vec![0xFF, 0xFE];
        le.extend("报告".encode_utf16().flat_map(u16::to_le_bytes));
        assert_eq!(ok(&le, None).text, "报告");
        let mut be = vec![0xFE, 0xFF];
        be.extend("报告".encode_utf16().flat_map(u16::to_be_bytes));
        let d = ok(&be, None);
        assert_eq!((d.text.as_str(), d.encoding), ("报告", "UTF-16BE"));
    }

    #[test]
    fn utf16_without_bom() {
        let le: Vec<u8> = "2024年度报告\r\n一、总体情况\r\n"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        let d = ok(&le, None);
        assert_eq!(
            (d.text.as_str(), d.encoding),
            ("2024年度报告\r\n一、总体情况\r\n", "UTF-16LE")
        );
    }

    #[test]
    fn meta_declared_gbk_but_utf8_bytes() {
        let page = "<html><head><meta charset=\"gb2312\"></head><body>政府信息公开工作年度报告</body></html>";
        let d = ok(page.as_bytes(), Some("x.html"));
        assert_eq!(d.encoding, "UTF-8");
        assert!(d.text.contains("年度报告"));
        assert!(d.notes[0].contains("valid UTF-8"), "{:?}", d.notes);
    }

    #[test]
    fn meta_declared_utf8_but_gbk_bytes() {
        let page = "<html><head><meta charset=\"utf-8\"></head><body>政府信息公开工作年度报告</body></html>";
        let (bytes, _, _) = encoding_rs::GBK.encode(page);
        let d = ok(&bytes, None);
        assert_eq!(d.encoding, "gb18030");
        assert!(d.text.contains("政府信息公开工作年度报告"));
        assert_eq!(d.kind, InputKind::Html);
    }

    #[test]
    fn unknown_and_replacement_labels_are_ignored() {
        let d = ok("<meta charset=\"klingon\"><p>报告</p>".as_bytes(), None);
        assert_eq!(d.encoding, "UTF-8");
        assert!(d.notes[0].contains("unknown charset"));
        let d = ok("<meta charset=\"hz-gb-2312\"><p>报告</p>".as_bytes(), None);
        assert_eq!((d.encoding, d.text.contains("报告")), ("UTF-8", true));
    }

    #[test]
    fn mostly_utf8_with_one_bad_byte_stays_utf8() {
        let mut bytes = "政府信息公开".repeat(20).into_bytes();
        bytes.insert(30, 0xFF);
        let d = ok(&bytes, None);
        assert_eq!(d.encoding, "UTF-8");
        assert_eq!(d.text.matches('\u{FFFD}').count(), 1);
        assert!(
            d.notes
                .iter()
                .any(|n| n == "1 invalid byte sequence replaced with U+FFFD"),
            "{:?}",
            d.notes
        );
    }

    #[test]
    fn empty_inputs() {
        assert_eq!(decode(b"", None), Err(InputError::Empty));
        assert_eq!(decode(b"\xEF\xBB\xBF", None), Err(InputError::Empty));
        assert_eq!(decode(b" \r\n\t ", None), Err(InputError::Empty));
        assert_eq!(
            decode("\u{3000}\n".as_bytes(), None),
            Err(InputError::Empty)
        );
        assert_eq!(decode(b"\xFF\xFE", None), Err(InputError::Empty));
    }

    #[test]
    fn too_large_is_checked_before_anything_else() {
        let big = vec![b'a'; MAX_INPUT_BYTES + 1];
        assert_eq!(
            decode(&big, None),
            Err(InputError::TooLarge {
                size: MAX_INPUT_BYTES + 1,
                limit: MAX_INPUT_BYTES
            })
        );
    }

    #[test]
    fn binary_inputs() {
        for (bytes, needle) in [
            (&b"%PDF-1.4\n%\xE2\xE3\xCF\xD3"[..], "PDF"),
            (&b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"[..], "PNG"),
            (&b"abc\0def"[..], "NUL"),
            (&b"\x01\x02\x03\x04\x05abc"[..], "control"),
            (&b"\xEF\xBB\xBFab\0cd"[..], "NUL"),
        ] {
            match decode(bytes, None) {
                Err(InputError::Binary { reason }) => assert!(reason.contains(needle), "{reason}"),
                other => panic!("{bytes:?}: {other:?}"),
            }
        }
    }

    #[test]
    fn late_nul_bytes_are_removed() {
        let mut bytes = "报告\n".repeat(5000).into_bytes();
        bytes.push(0);
        let d = ok(&bytes, None);
        assert!(!d.text.contains('\0'));
        assert!(d.notes.iter().any(|n| n.contains("NUL")));
    }

    #[test]
    fn html_kind_by_name_or_content() {
        assert_eq!(ok(b"just text", Some("A.HTM")).kind, InputKind::Html);
        assert_eq!(ok(b"just text", Some("dir.v2/a")).kind, InputKind::Text);
        assert_eq!(ok(b"<div>x</div>", Some("a.txt")).kind, InputKind::Html);
    }

    #[test]
    fn extensions() {
        assert_eq!(extension("C:\\报告\\2024.HTML"), "html");
        assert_eq!(extension("/a.b/c"), "");
        assert_eq!(extension(".htm"), "");
        assert_eq!(extension("x.docx"), "docx");
    }

    #[test]
    fn error_messages_are_bilingual() {
        assert_eq!(
            InputError::Empty.to_string(),
            "输入为空 / the input is empty"
        );
        let e = InputError::TooLarge { size: 10, limit: 5 }.to_string();
        assert!(e.starts_with("输入过大") && e.contains("too large"), "{e}");
        let e: Box<dyn std::error::Error> = Box::new(InputError::Empty);
        assert!(!e.to_string().is_empty());
    }

    #[test]
    fn kind_serializes_lowercase() {
        assert_eq!(serde_json::to_string(&InputKind::Html).unwrap(), "\"html\"");
        assert_eq!(serde_json::to_string(&InputKind::Text).unwrap(), "\"text\"");
    }
}
