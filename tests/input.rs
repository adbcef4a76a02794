//! Integration tests for `nianbao::input`: encodings, .docx, refusals, the
//! real corpus, and a property test that `decode` never panics.

mod common;

use std::io::{Cursor, Write};
use std::time::{Duration, Instant};

use nianbao::input::{decode, sniff_kind, Decoded, InputError, InputKind, MAX_INPUT_BYTES};
use proptest::prelude::*;
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

const REPORT: &str = "平潭综合实验区2024年政府信息公开工作年度报告\n一、总体情况\n（一）主动公开\n";

fn ok(bytes: &[u8], name: Option<&str>) -> Decoded {
    decode(bytes, name).unwrap_or_else(|e| panic!("decode({name:?}) failed: {e}"))
}

// ---------------------------------------------------------------- encodings

#[test]
fn gbk_text_without_declaration_falls_back_to_gb18030() {
    let (gbk, _, unmappable) = encoding_rs::GBK.encode(REPORT);
    assert!(!unmappable);
    assert!(
        std::str::from_utf8(&gbk).is_err(),
        "fixture must be invalid UTF-8"
    );
    let d = ok(&gbk, Some("report.txt"));
    assert_eq!(d.text, REPORT);
    assert_eq!(d.kind, InputKind::Text);
    assert_eq!(d.encoding, encoding_rs::GB18030.name());
    assert!(
        d.notes.iter().any(|n| n.contains("gb18030")),
        "{:?}",
        d.notes
    );
}

#[test]
fn gbk_html_page_with_meta_charset_gb2312() {
    let page = format!(
        "<!DOCTYPE html>\n<html><head><meta charset=\"gb2312\"><title>年报</title></head>\
         <body><p>{REPORT}</p><table><tr><td>收到申请数</td><td>12</td></tr></table></body></html>"
    );
    let (gbk, _, _) = encoding_rs::GBK.encode(&page);
    let d = ok(&gbk, Some("nb.htm"));
    assert_eq!(d.text, page);
    assert_eq!(d.kind, InputKind::Html);
    assert_eq!(d.encoding, "GBK");
    assert!(
        d.notes
            .iter()
            .any(|n| n.contains("GBK") && n.contains("<meta charset>")),
        "{:?}",
        d.notes
    );

    // same page, declared through http-equiv, no file name: sniffed as HTML
    let page = page.replace(
        "<meta charset=\"gb2312\">",
        "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=GBK\">",
    );
    let (gbk, _, _) = encoding_rs::GBK.encode(&page);
    let d = ok(&gbk, None);
    assert_eq!(
        (d.text.as_str(), d.kind, d.encoding),
        (page.as_str(), InputKind::Html, "GBK")
    );
}

#[test]
fn gb18030_label_is_gb18030() {
    let page = format!("<meta charset=\"GB18030\"><p>{REPORT}</p>");
    let (bytes, _, _) = encoding_rs::GB18030.encode(&page);
    let d = ok(&bytes, None);
    assert_eq!((d.text.as_str(), d.encoding), (page.as_str(), "gb18030"));
}

#[test]
fn utf8_with_bom() {
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend_from_slice(REPORT.as_bytes());
    let d = ok(&bytes, Some("a.txt"));
    assert_eq!(
        (d.text.as_str(), d.encoding, d.kind),
        (REPORT, "UTF-8", InputKind::Text)
    );
    assert!(!d.text.starts_with('\u{feff}'));
}

#[test]
fn utf16le_with_bom() {
    let mut bytes = vec![0xFF, 0xFE];
    bytes.extend(REPORT.encode_utf16().flat_map(u16::to_le_bytes));
    let d = ok(&bytes, Some("a.txt"));
    assert_eq!((d.text.as_str(), d.encoding), (REPORT, "UTF-16LE"));
}

#[test]
fn invalid_utf8_without_meta_falls_back_to_gb18030() {
    // A lone 0x80 and GBK bytes: not UTF-8, no declaration.
    let mut bytes = encoding_rs::GBK.encode("收到申请").0.into_owned();
    bytes.extend_from_slice(b" \x80 ok");
    let d = ok(&bytes, None);
    assert_eq!(d.encoding, "gb18030");
    assert!(d.text.starts_with("收到申请"), "{}", d.text);
}

#[test]
fn plain_utf8_has_no_notes() {
    let d = ok(REPORT.as_bytes(), Some("r.txt"));
    assert_eq!(
        (d.text.as_str(), d.encoding, d.kind),
        (REPORT, "UTF-8", InputKind::Text)
    );
    assert!(d.notes.is_empty(), "{:?}", d.notes);
}

#[test]
fn twenty_megabytes_of_text_decode_quickly() {
    let line = "（一）主动公开政府信息情况。本年度共主动公开政府信息1234条。\n";
    let big = line.repeat(20 * 1024 * 1024 / line.len() + 1);
    assert!(big.len() >= 20 * 1024 * 1024);
    let started = Instant::now();
    let d = ok(big.as_bytes(), Some("big.txt"));
    let elapsed = started.elapsed();
    assert_eq!(d.text.len(), big.len());
    assert_eq!(d.kind, InputKind::Text);
    // generous: debug build on a busy 2-core machine
    assert!(elapsed < Duration::from_secs(5), "took {elapsed:?}");
}

// ---------------------------------------------------------------- refusals

#[test]
fn empty_input_is_refused() {
    assert_eq!(decode(b"", None), Err(InputError::Empty));
    assert_eq!(decode(b"\xEF\xBB\xBF  \n", None), Err(InputError::Empty));
    assert_eq!(
        InputError::Empty.to_string(),
        "输入为空 / the input is empty"
    );
}

#[test]
fn too_large_is_refused() {
    let big = vec![b' '; MAX_INPUT_BYTES + 1];
    assert!(
        matches!(decode(&big, None), Err(InputError::TooLarge { size, limit })
        if size == MAX_INPUT_BYTES + 1 && limit == MAX_INPUT_BYTES)
    );
}

fn binary_reason(bytes: &[u8], name: Option<&str>) -> String {
    match decode(bytes, name) {
        Err(InputError::Binary { reason }) => reason,
        other => panic!("expected Binary, got {other:?}"),
    }
}

#[test]
fn png_header_is_binary() {
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x02\0\0\0\x90wS\xde";
    let reason = binary_reason(png, Some("scan.png"));
    assert!(reason.contains("PNG") && reason.contains("OCR"), "{reason}");
}

#[test]
fn pdf_and_legacy_doc_are_binary_with_advice() {
    let r = binary_reason(b"%PDF-1.7\n1 0 obj\n", Some("report.pdf"));
    assert!(r.contains("PDF") && r.contains("extract its text"), "{r}");
    let r = binary_reason(
        b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0\0\0",
        Some("report.doc"),
    );
    assert!(r.contains(".doc") && r.contains(".docx"), "{r}");
}

#[test]
fn nul_bytes_and_control_junk_are_binary() {
    assert!(binary_reason(b"abc\0\0\0def", None).contains("NUL"));
    let junk: Vec<u8> = (1u8..32).cycle().take(4000).collect();
    assert!(binary_reason(&junk, None).contains("control"));
}

#[test]
fn zip_that_is_not_a_docx_is_binary() {
    let zip = build_zip(
        &[("xl/workbook.xml", b"<workbook/>".as_slice())],
        CompressionMethod::Deflated,
    );
    assert!(binary_reason(&zip, Some("table.xlsx")).contains("Excel"));
    let zip = build_zip(
        &[("readme.txt", b"hello".as_slice())],
        CompressionMethod::Stored,
    );
    assert!(binary_reason(&zip, Some("a.zip")).contains("ZIP"));
}

#[test]
fn damaged_zip_is_bad_docx() {
    let mut zip = docx(&document(&para("文字")));
    zip.truncate(zip.len() / 2);
    match decode(&zip, Some("a.docx")) {
        Err(InputError::BadDocx { reason }) => assert!(reason.contains("ZIP"), "{reason}"),
        other => panic!("{other:?}"),
    }
}

// ---------------------------------------------------------------- .docx

const W_NS: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

fn build_zip(entries: &[(&str, &[u8])], method: CompressionMethod) -> Vec<u8> {
    let mut w = ZipWriter::new(Cursor::new(Vec::new()));
    let opts = SimpleFileOptions::default().compression_method(method);
    for (name, data) in entries {
        w.start_file(*name, opts).unwrap();
        w.write_all(data).unwrap();
    }
    w.finish().unwrap().into_inner()
}

fn docx(document_xml: &str) -> Vec<u8> {
    build_zip(
        &[
            ("[Content_Types].xml", br#"<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>"#.as_slice()),
            ("_rels/.rels", br#"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>"#.as_slice()),
            ("word/document.xml", document_xml.as_bytes()),
        ],
        CompressionMethod::Deflated,
    )
}

fn document(body: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="{W_NS}"><w:body>{body}<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>"#
    )
}

fn para(text: &str) -> String {
    format!(
        r#"<w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">{text}</w:t></w:r></w:p>"#
    )
}

fn cell(props: &str, text: &str) -> String {
    format!(
        r#"<w:tc><w:tcPr><w:tcW w:w="2000" w:type="dxa"/>{props}</w:tcPr>{}</w:tc>"#,
        para(text)
    )
}

fn html_body(d: &Decoded) -> &str {
    let start = d.text.find("<body>\n").expect("has <body>") + "<body>\n".len();
    let end = d.text.rfind("</body>").expect("has </body>");
    &d.text[start..end]
}

#[test]
fn docx_paragraph_and_merged_table_become_html() {
    // 3×3 grid:  | 项目 (gridSpan 2)     | 数量 |
    //            | 申请 (vMerge restart) | 当面 | 5    |
    //            | (vMerge continue)     | 网络 | 7 & <8> |
    let table = format!(
        "<w:tbl><w:tblPr><w:tblW w:w=\"0\" w:type=\"auto\"/></w:tblPr>\
         <w:tblGrid><w:gridCol w:w=\"2000\"/><w:gridCol w:w=\"2000\"/><w:gridCol w:w=\"2000\"/></w:tblGrid>\
         <w:tr>{}{}</w:tr><w:tr>{}{}{}</w:tr><w:tr>{}{}{}</w:tr></w:tbl>",
        cell(r#"<w:gridSpan w:val="2"/>"#, "项目"),
        cell("", "数量"),
        cell(r#"<w:vMerge w:val="restart"/>"#, "申请"),
        cell("", "当面"),
        cell("", "5"),
        cell("<w:vMerge/>", ""),
        cell("", "网络"),
        cell("", "7 &amp; &lt;8&gt;"),
    );
    let body = format!(
        "{}{table}<w:p><w:r><w:t>甲</w:t><w:tab/><w:t>乙</w:t><w:br/><w:t>丙</w:t></w:r>\
         <w:del w:id=\"1\" w:author=\"a\"><w:r><w:delText>删掉</w:delText></w:r></w:del>\
         <w:ins w:id=\"2\" w:author=\"a\"><w:r><w:t>新增</w:t></w:r></w:ins></w:p>",
        para("一、总体情况")
    );
    let bytes = docx(&document(&body));
    // detected by content, whatever the name
    for name in [Some("report.docx"), Some("report.bin"), None] {
        let d = ok(&bytes, name);
        assert_eq!(d.kind, InputKind::Html);
        assert_eq!(d.encoding, "UTF-8");
        assert_eq!(
            html_body(&d),
            "<p>一、总体情况</p>\n\
             <table>\n\
             <tr><td colspan=\"2\">项目</td><td>数量</td></tr>\n\
             <tr><td rowspan=\"2\">申请</td><td>当面</td><td>5</td></tr>\n\
             <tr><td>网络</td><td>7 &amp; &lt;8&gt;</td></tr>\n\
             </table>\n\
             <p>甲\t乙<br>\n丙新增</p>\n"
        );
        assert!(d.text.starts_with("<!DOCTYPE html>"));
        assert!(
            d.notes[0].contains("10 paragraphs, 1 table"),
            "{:?}",
            d.notes
        );
        assert!(
            d.notes.iter().any(|n| n.contains("deletions")),
            "{:?}",
            d.notes
        );
        assert_eq!(sniff_kind(&d.text), InputKind::Html);
    }
}

#[test]
fn docx_nested_table() {
    let inner = format!(
        "<w:tbl><w:tr>{}{}</w:tr></w:tbl>",
        cell("", "内1"),
        cell("", "内2")
    );
    let outer = format!(
        "<w:tbl><w:tr><w:tc>{}{inner}<w:p/></w:tc>{}</w:tr></w:tbl>",
        para("外"),
        cell("", "右")
    );
    let d = ok(&docx(&document(&outer)), None);
    assert_eq!(
        html_body(&d),
        "<table>\n<tr><td><p>外</p>\n<table>\n<tr><td>内1</td><td>内2</td></tr>\n</table>\n\n<p></p></td><td>右</td></tr>\n</table>\n"
    );
}

#[test]
fn docx_without_text_is_empty() {
    assert_eq!(
        decode(&docx(&document("<w:p/><w:p></w:p>")), None),
        Err(InputError::Empty)
    );
}

#[test]
fn docx_with_broken_xml_is_bad_docx() {
    let bytes = docx("<w:document><w:body><w:p></w:body>");
    assert!(matches!(
        decode(&bytes, None),
        Err(InputError::BadDocx { .. })
    ));
}

#[test]
fn docx_automatic_list_numbers_are_restored() {
    let numbering = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><w:numbering xmlns:w="{W_NS}">
        <w:abstractNum w:abstractNumId="3">
          <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/><w:suff w:val="nothing"/></w:lvl>
          <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/><w:suff w:val="nothing"/></w:lvl>
        </w:abstractNum>
        <w:num w:numId="7"><w:abstractNumId w:val="3"/></w:num></w:numbering>"#
    );
    let styles = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><w:styles xmlns:w="{W_NS}">
        <w:style w:type="paragraph" w:styleId="2"><w:name w:val="heading 2"/><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="7"/></w:numPr></w:pPr></w:style></w:styles>"#
    );
    let numbered = |ilvl: u8, text: &str| {
        format!(
            r#"<w:p><w:pPr><w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="7"/></w:numPr></w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>"#
        )
    };
    let styled = |text: &str| {
        format!(r#"<w:p><w:pPr><w:pStyle w:val="2"/></w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>"#)
    };
    let body = [
        numbered(0, "总体情况"),
        numbered(1, "主动公开"),
        styled("依申请公开"),
        para("正文"),
        numbered(0, "主动公开政府信息情况"),
        styled("政府信息"),
    ]
    .concat();
    let bytes = build_zip(
        &[
            ("word/document.xml", document(&body).as_bytes()),
            ("word/numbering.xml", numbering.as_bytes()),
            ("word/styles.xml", styles.as_bytes()),
        ],
        CompressionMethod::Deflated,
    );
    let d = ok(&bytes, Some("年报.docx"));
    assert_eq!(
        html_body(&d),
        "<p>一、总体情况</p>\n<p>（一）主动公开</p>\n<p>（二）依申请公开</p>\n<p>正文</p>\n\
         <p>二、主动公开政府信息情况</p>\n<p>（一）政府信息</p>\n"
    );
    assert!(
        d.notes
            .iter()
            .any(|n| n.starts_with("5 automatic list numbers")),
        "{:?}",
        d.notes
    );
}

#[test]
fn docx_written_by_python_docx() {
    let bytes = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/input/python-docx.docx"
    ))
    .unwrap();
    let d = ok(&bytes, Some("python-docx.docx"));
    assert_eq!(d.kind, InputKind::Html);
    assert_eq!(
        html_body(&d),
        "<p>平潭综合实验区2024年政府信息公开工作年度报告</p>\n\
         <p>1.\t总体情况</p>\n<p>2.\t主动公开</p>\n<p>要点</p>\n<p>正文 A&amp;B &lt;x&gt;\t加粗</p>\n\
         <table>\n\
         <tr><td colspan=\"2\">合并横</td><td>r0c2</td></tr>\n\
         <tr><td rowspan=\"2\">合并竖</td><td>r1c1</td><td><p>r1c2</p>\n\
         <table>\n<tr><td>内1</td><td>内2</td></tr>\n</table>\n\n<p></p></td></tr>\n\
         <tr><td>r2c1</td><td>r2c2</td></tr>\n\
         </table>\n"
    );
}

// ---------------------------------------------------------------- zip bombs

/// A ZIP whose `word/document.xml` is `size` bytes of spaces (deflated to ~100 KB).
fn bomb(size: usize) -> Vec<u8> {
    common::zip_of("word/document.xml", b"", b" ", size)
}

/// Overwrites the declared uncompressed size in the local and central headers.
fn lie_about_size(zip: &mut [u8], declared: u32) {
    assert_eq!(&zip[..4], b"PK\x03\x04");
    zip[22..26].copy_from_slice(&declared.to_le_bytes());
    let cd = zip
        .windows(4)
        .rposition(|w| w == b"PK\x01\x02")
        .expect("central directory");
    zip[cd + 24..cd + 28].copy_from_slice(&declared.to_le_bytes());
}

#[test]
fn zip_bomb_is_refused_quickly() {
    let mut zip = bomb(100 * 1024 * 1024);
    assert!(
        zip.len() < 1024 * 1024,
        "bomb should be tiny, is {} bytes",
        zip.len()
    );

    // honest header: refused from the declared size without inflating
    let started = Instant::now();
    match decode(&zip, Some("bomb.docx")) {
        Err(InputError::BadDocx { reason }) => {
            assert!(
                reason.contains("64 MB") && reason.contains("zip bomb"),
                "{reason}"
            )
        }
        other => panic!("{other:?}"),
    }
    assert!(
        started.elapsed() < Duration::from_secs(1),
        "{:?}",
        started.elapsed()
    );

    // lying header (declares 1 KB): refused after at most 64 MB of inflating
    lie_about_size(&mut zip, 1024);
    let started = Instant::now();
    assert!(matches!(
        decode(&zip, Some("bomb.docx")),
        Err(InputError::BadDocx { .. })
    ));
    assert!(
        started.elapsed() < Duration::from_secs(10),
        "{:?}",
        started.elapsed()
    );
}

// ---------------------------------------------------------------- real corpus

#[test]
fn real_corpus_reports_decode_as_utf8() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpus/reports");
    let entries = std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{dir}: {e}"));
    let (mut txt, mut html) = (0, 0);
    for entry in entries {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let is_html = name.ends_with(".html");
        if !(is_html || name.ends_with(".txt")) {
            continue;
        }
        let bytes = std::fs::read(&path).unwrap();
        let d = ok(&bytes, Some(&name));
        assert_eq!(d.encoding, "UTF-8", "{name}");
        assert_eq!(
            d.text.as_bytes(),
            bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes),
            "{name}"
        );
        if is_html {
            html += 1;
            assert_eq!(d.kind, InputKind::Html, "{name}");
            assert_eq!(
                sniff_kind(&d.text),
                InputKind::Html,
                "{name} should sniff as HTML"
            );
        } else {
            txt += 1;
            assert_eq!(d.kind, InputKind::Text, "{name} should sniff as text");
        }
    }
    assert!(
        txt >= 1 && html >= 1,
        "found {txt} .txt and {html} .html reports in {dir}"
    );
}

// ---------------------------------------------------------------- .docx: malformed XML, entities (issue 16)

fn bad_docx_reason(document_xml: &str) -> String {
    match decode(&docx(document_xml), Some("x.docx")) {
        Err(InputError::BadDocx { reason }) => reason,
        other => panic!("{document_xml}: {other:?}"),
    }
}

#[test]
fn docx_with_entities_says_so_rather_than_empty() {
    // Declared entities (the billion laughs, or one that stands for real text): not expanded,
    // and said, not "the input is empty".
    let declared = format!(
        r#"<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY r "政府信息公开工作年度报告">]><w:document xmlns:w="{W_NS}"><w:body>{}</w:body></w:document>"#,
        para("&r;")
    );
    let r = bad_docx_reason(&declared);
    assert!(
        r.contains("实体") && r.contains("/ cannot read the .docx") && r.contains("entities"),
        "{r}"
    );
    // An entity that is not defined at all (HTML's &nbsp;): not well-formed XML.
    let r = bad_docx_reason(&document(&para("12&nbsp;件")));
    assert!(
        r.contains("&nbsp;") && r.contains("未定义的实体") && r.contains("undefined entity"),
        "{r}"
    );
    // The five predefined entities and character references are read as before.
    let d = ok(
        &docx(&document(&para(
            "A&amp;B &lt;&gt; &quot;&apos; &#x4E2D;&#25991;",
        ))),
        None,
    );
    assert!(
        html_body(&d).contains("A&amp;B &lt;&gt; &quot;' 中文"),
        "{}",
        html_body(&d)
    );
}

#[test]
fn docx_whose_document_is_not_wordprocessingml_says_so() {
    for xml in [
        "this is not XML at all",
        "\u{1}\u{2}garbage<<<>>>",
        "<document><body><p><r><t>报告</t></r></p></body></document>",
    ] {
        let r = bad_docx_reason(xml);
        assert!(
            r.contains("没有 Word 文档的内容") && r.contains("holds no Word document"),
            "{xml}: {r}"
        );
    }
    // Broken XML is refused with quick-xml's reason, in both languages.
    let r = bad_docx_reason(&document("<w:p><w:r><w:t>报告</w:x></w:r></w:p>"));
    assert!(
        r.contains("不是格式正确的XML") && r.contains("not well-formed XML"),
        "{r}"
    );
    // A document cut off in the middle: what is there is read, and the note says so.
    let cut = document(&para("一、总体情况"));
    let d = ok(&docx(&cut[..cut.find("</w:t>").unwrap()]), None);
    assert!(html_body(&d).contains("一、总体情况"));
    assert!(
        d.notes.iter().any(|n| n.contains("cut off")),
        "{:?}",
        d.notes
    );
    // A real document without text is still "empty".
    assert_eq!(decode(&docx(&document("")), None), Err(InputError::Empty));
}

// ---------------------------------------------------------------- line ends, invisible characters, long cells (issue 16)

fn fixture_path(rel: &str) -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(rel)
}

fn cli(args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_nianbao"))
        .args(args)
        .output()
        .unwrap()
}

fn cli_json(path: &std::path::Path) -> serde_json::Value {
    let out = cli(&["check", "--format", "json", path.to_str().unwrap()]);
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "{}: {e}: {}",
            path.display(),
            String::from_utf8_lossy(&out.stderr)
        )
    })
}

fn temp_file(name: &str, bytes: &[u8]) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("nianbao-input-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p
}

#[test]
fn a_lone_cr_ends_a_line_in_json_positions_and_in_the_caret_output() {
    // mac-line-ends.txt is rules/T3-3/invalid.txt with every LF turned into a CR (old Mac
    // text); the same with LF, and with CRLF, must give the same lines and columns.
    let mac = fixture_path("input/mac-line-ends.txt");
    let bytes = std::fs::read(&mac).unwrap();
    assert!(
        bytes.contains(&b'\r') && !bytes.contains(&b'\n'),
        "the fixture has CR line ends only"
    );
    let lf = temp_file(
        "lf.txt",
        &bytes
            .iter()
            .map(|&b| if b == b'\r' { b'\n' } else { b })
            .collect::<Vec<_>>(),
    );
    let crlf = temp_file(
        "crlf.txt",
        String::from_utf8(bytes.clone())
            .unwrap()
            .replace('\r', "\r\n")
            .as_bytes(),
    );
    let positions = |j: &serde_json::Value| -> Vec<(String, u64, u64)> {
        j["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| {
                (
                    d["code"].as_str().unwrap().to_string(),
                    d["line"].as_u64().unwrap_or(0),
                    d["column"].as_u64().unwrap_or(0),
                )
            })
            .collect()
    };
    let want = positions(&cli_json(&lf));
    assert!(
        want.iter().any(|p| p.1 > 20),
        "findings in the tables, far down: {want:?}"
    );
    assert_eq!(positions(&cli_json(&mac)), want, "CR");
    assert_eq!(positions(&cli_json(&crlf)), want, "CRLF");
    // The rustc-style output: the same `-->` lines, source lines and carets.
    let text = |p: &std::path::Path| -> String {
        String::from_utf8(cli(&["check", p.to_str().unwrap()]).stdout)
            .unwrap()
            .replace(p.to_str().unwrap(), "FILE")
    };
    let want = text(&lf);
    assert!(want.contains("  --> FILE:26:47"), "{want}");
    assert_eq!(text(&mac), want);
    assert_eq!(text(&crlf), want);
}

/// Every `values` array of the tables (the numbers read), by path.
fn table_values(j: &serde_json::Value) -> Vec<(String, serde_json::Value)> {
    fn walk(v: &serde_json::Value, at: String, out: &mut Vec<(String, serde_json::Value)>) {
        match v {
            serde_json::Value::Object(m) => {
                for (k, x) in m {
                    if k == "values" {
                        out.push((at.clone(), x.clone()));
                    } else {
                        walk(x, format!("{at}.{k}"), out);
                    }
                }
            }
            serde_json::Value::Array(a) => a
                .iter()
                .enumerate()
                .for_each(|(i, x)| walk(x, format!("{at}[{i}]"), out)),
            _ => {}
        }
    }
    let mut out = Vec::new();
    walk(&j["tables"], String::new(), &mut out);
    out
}

#[test]
fn invisible_characters_inside_numbers_are_read_through() {
    // invisible-in-numbers.{txt,html} are rules/_base/report-2021 with U+200B, U+200C, U+200D,
    // U+2060, U+FEFF and U+00AD inside numbers of tables 二 and 三 (one row separated by spaces,
    // not pipes; one number with a zero-width space on both sides): they read as the base does.
    for ext in ["txt", "html"] {
        let base = cli_json(&fixture_path(&format!("rules/_base/report-2021.{ext}")));
        let f = fixture_path(&format!("input/invisible-in-numbers.{ext}"));
        let text = std::fs::read_to_string(&f).unwrap();
        for c in [
            '\u{200B}', '\u{200C}', '\u{200D}', '\u{2060}', '\u{FEFF}', '\u{00AD}',
        ] {
            assert!(
                text.contains(c),
                "{ext}: the fixture holds U+{:04X}",
                c as u32
            );
        }
        let j = cli_json(&f);
        let got = table_values(&j);
        assert!(got.len() > 20, "{ext}: {got:?}");
        assert_eq!(
            got,
            table_values(&base),
            "{ext}: the same numbers as without the invisible characters"
        );
        assert_eq!(
            j["diagnostics"], base["diagnostics"],
            "{ext}: no finding the base does not have"
        );
    }
}

#[test]
fn a_cell_that_is_not_a_number_names_its_invisible_characters() {
    let base = std::fs::read_to_string(fixture_path("rules/_base/report-2021.txt")).unwrap();
    let src = base.replacen(
        "| 10 | 1 | 0 | 0 | 1 | 0 | 12 |",
        "| 1\u{200B}0x | 1 | 0 | 0 | 1 | 0 | 12 |",
        1,
    );
    assert_ne!(src, base);
    let j = cli_json(&temp_file("invisible-not-a-number.txt", src.as_bytes()));
    let d = j["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["code"] == "P-4")
        .unwrap_or_else(|| panic!("{}", j["diagnostics"]));
    assert!(
        d["message"]
            .as_str()
            .unwrap()
            .contains("“1⟨U+200B⟩0x”不是数字"),
        "{d}"
    );
}

#[test]
fn a_long_cell_is_quoted_cut_to_a_readable_length() {
    // A 20 MB run of digits in one cell (P-4) and a 20 MB decimal (S-4, not a whole number):
    // each message stays short and says how long the text was.
    let base = std::fs::read_to_string(fixture_path("rules/_base/report-2021.txt")).unwrap();
    let row = "| 10 | 1 | 0 | 0 | 1 | 0 | 12 |";
    for (name, cell, code, len) in [
        (
            "long-digits.txt",
            "1234567890".repeat(2_000_000),
            "P-4",
            20_000_000,
        ),
        (
            "long-decimal.txt",
            format!("0.{}", "5".repeat(20_000_000)),
            "S-4",
            20_000_002,
        ),
    ] {
        let src = base.replacen(row, &row.replacen("10", &cell, 1), 1);
        let f = temp_file(name, src.as_bytes());
        for lang in ["zh", "en"] {
            let out = cli(&[
                "check",
                "--format",
                "json",
                "--lang",
                lang,
                f.to_str().unwrap(),
            ]);
            let j: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
            let d = j["diagnostics"]
                .as_array()
                .unwrap()
                .iter()
                .find(|d| d["code"] == code)
                .unwrap_or_else(|| panic!("{name}: {}", j["diagnostics"]));
            let m = d["message"].as_str().unwrap();
            assert!(
                m.chars().count() < 200,
                "{name} {lang}: {} characters",
                m.chars().count()
            );
            let said = if lang == "zh" {
                format!("…”（共{len}个字符）")
            } else {
                format!("…” ({len} characters)")
            };
            assert!(
                m.contains(&format!(
                    "“{}{said}",
                    &cell[..nianbao::diagnostic::QUOTE_CHARS]
                )),
                "{name} {lang}: {m}"
            );
            // Every message of the file is short, and the text output too.
            for d in j["diagnostics"].as_array().unwrap() {
                assert!(d.to_string().len() < 4000, "{name}: {d:.200}");
            }
        }
        let text = cli(&["check", f.to_str().unwrap()]).stdout;
        assert!(
            text.len() < 10_000,
            "{name}: the findings for people are {} bytes",
            text.len()
        );
    }
}

// ---------------------------------------------------------------- no panics

fn wordml_tree() -> impl Strategy<Value = String> {
    let leaf = prop_oneof![
        Just("<w:r><w:t>字</w:t></w:r>".to_string()),
        Just("<w:t>&lt;x&gt;</w:t>".to_string()),
        Just("<w:tab/>".to_string()),
        Just("<w:br/>".to_string()),
        Just("<w:vMerge/>".to_string()),
        Just(r#"<w:vMerge w:val="restart"/>"#.to_string()),
        (0u32..4).prop_map(|n| format!(r#"<w:gridSpan w:val="{n}"/>"#)),
        Just(r#"<w:hMerge/>"#.to_string()),
        Just(r#"<w:gridBefore w:val="2"/>"#.to_string()),
        Just(r#"<w:numPr><w:ilvl w:val="1"/><w:numId w:val="7"/></w:numPr>"#.to_string()),
        Just(r#"<w:pStyle w:val="x"/>"#.to_string()),
        Just("<w:delText>删</w:delText>".to_string()),
    ];
    leaf.prop_recursive(8, 96, 6, |inner| {
        (
            prop::sample::select(vec![
                "p",
                "r",
                "tbl",
                "tr",
                "tc",
                "tcPr",
                "pPr",
                "trPr",
                "del",
                "ins",
                "txbxContent",
                "sdt",
                "sdtContent",
                "hyperlink",
                "tcPrChange",
                "numPr",
            ]),
            proptest::collection::vec(inner, 0..6),
        )
            .prop_map(|(name, kids)| format!("<w:{name}>{}</w:{name}>", kids.concat()))
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn decode_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        let _ = decode(&bytes, None);
        let _ = decode(&bytes, Some("x.html"));
    }

    #[test]
    fn decode_never_panics_on_zip_prefix(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        let mut data = b"PK\x03\x04".to_vec();
        data.extend_from_slice(&bytes);
        let _ = decode(&data, Some("x.docx"));
    }

    #[test]
    fn decode_never_panics_on_mutated_docx(
        edits in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..8),
        cut in any::<prop::sample::Index>(),
    ) {
        let mut data = docx(&document(&format!("{}<w:tbl><w:tr>{}</w:tr></w:tbl>", para("一"), cell("<w:vMerge/>", "二"))));
        for (i, b) in edits {
            let i = i.index(data.len());
            data[i] = b;
        }
        data.truncate(cut.index(data.len()) + 1);
        let _ = decode(&data, None);
    }

    /// Damaged XML inside an intact ZIP reaches the XML converter itself.
    #[test]
    fn decode_never_panics_on_mutated_document_xml(
        edits in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..8),
    ) {
        let mut xml = document(&format!(
            "{}<w:tbl><w:tr>{}{}</w:tr><w:tr>{}</w:tr></w:tbl>",
            para("一 &amp; 二"),
            cell(r#"<w:gridSpan w:val="2"/><w:vMerge w:val="restart"/>"#, "三"),
            cell("", "四"),
            cell(r#"<w:gridSpan w:val="2"/><w:vMerge/>"#, ""),
        ))
        .into_bytes();
        for (i, b) in edits {
            let i = i.index(xml.len());
            xml[i] = b;
        }
        let zip = build_zip(&[("word/document.xml", xml.as_slice()), ("word/numbering.xml", xml.as_slice())], CompressionMethod::Stored);
        let _ = decode(&zip, None);
    }

    /// Arbitrary well-formed WordprocessingML trees always convert, and the
    /// HTML has as many `</table>` as `<table>`.
    #[test]
    fn well_formed_docx_trees_convert(tree in wordml_tree()) {
        let numbering = format!(
            r#"<w:numbering xmlns:w="{W_NS}"><w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="1"><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）%1"/></w:lvl></w:abstractNum><w:num w:numId="7"><w:abstractNumId w:val="1"/></w:num></w:numbering>"#
        );
        let zip = build_zip(
            &[("word/document.xml", document(&tree).as_bytes()), ("word/numbering.xml", numbering.as_bytes())],
            CompressionMethod::Stored,
        );
        match decode(&zip, None) {
            Ok(d) => {
                prop_assert_eq!(d.kind, InputKind::Html);
                prop_assert_eq!(d.text.matches("<table>").count(), d.text.matches("</table>").count());
                prop_assert_eq!(d.text.matches("<tr>").count(), d.text.matches("</tr>").count());
            }
            Err(InputError::Empty) => {}
            Err(e) => prop_assert!(false, "{e}"),
        }
    }

    #[test]
    fn text_like_input_round_trips(s in "[a-z0-9一-龥，。、\n ]{1,200}") {
        if let Ok(d) = decode(s.as_bytes(), None) {
            prop_assert_eq!(d.text, s);
            prop_assert_eq!(d.encoding, "UTF-8");
        }
    }
}
