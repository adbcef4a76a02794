//! `.docx` → HTML: reads `word/document.xml` from the ZIP container and turns
//! paragraphs into `<p>` and tables into `<table>` (with `colspan` from
//! `w:gridSpan` and `rowspan` from `w:vMerge`), so the HTML front end can
//! handle the tables.

use std::collections::HashMap;
use std::io::{Cursor, Read};

use quick_xml::events::{BytesStart, Event};
use quick_xml::name::ResolveResult;
use quick_xml::reader::NsReader;

use super::numbering::Numbering;
use super::sniff::describe_zip;
use super::InputError;

/// Largest uncompressed `word/document.xml` we accept (zip-bomb guard).
pub(crate) const MAX_DOCUMENT_XML: u64 = 64 * 1024 * 1024;

const DOCUMENT_XML: &str = "word/document.xml";

/// WordprocessingML namespaces (transitional and strict).
pub(crate) const NS_W: &[&str] = &[
    "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "http://purl.oclc.org/ooxml/wordprocessingml/main",
];
const NS_MC: &str = "http://schemas.openxmlformats.org/markup-compatibility/2006";

/// The result of converting a .docx.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct DocxHtml {
    pub html: String,
    pub paragraphs: usize,
    pub tables: usize,
    /// Characters of visible text (0 → the document is empty).
    pub text_chars: usize,
    /// Some tracked deletions were left out.
    pub skipped_deletions: bool,
    /// `word/document.xml` was not valid UTF-8 and was decoded lossily.
    pub lossy_xml: bool,
    /// Automatic list labels ("一、", "（一）") that were added.
    pub list_labels: usize,
    /// Optional parts (numbering, styles) that could not be read.
    pub unreadable_parts: Vec<&'static str>,
    /// `word/document.xml` ended with elements still open (a cut-off file): what was there
    /// was read.
    pub truncated: bool,
}

/// What a ZIP archive turned out to be.
pub(crate) enum Zip {
    Docx(DocxHtml),
    /// A valid ZIP without `word/document.xml`: bilingual description.
    NotDocx(&'static str),
}

fn bad(zh: &str, en: &str) -> InputError {
    InputError::BadDocx {
        reason: format!("无法读取 .docx：{zh} / cannot read the .docx: {en}"),
    }
}

/// Largest `word/numbering.xml` / `word/styles.xml` we read (else: no list numbers).
const MAX_AUX_XML: u64 = 16 * 1024 * 1024;

type Archive<'a> = zip::ZipArchive<Cursor<&'a [u8]>>;

/// Opens `bytes` as a ZIP archive; if it holds `word/document.xml`, converts it.
pub(crate) fn read_zip(bytes: &[u8]) -> Result<Zip, InputError> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| {
        bad(
            &format!("不是有效的ZIP文件（{e}），文件可能已损坏或不完整"),
            &format!("not a valid ZIP archive ({e}); the file may be damaged or truncated"),
        )
    })?;
    let Some(index) = archive.index_for_name(DOCUMENT_XML) else {
        let names: Vec<String> = archive
            .file_names()
            .filter_map(|n| n.ok().map(|n| n.into_owned()))
            .take(10_000)
            .collect();
        return Ok(Zip::NotDocx(describe_zip(&names)));
    };
    let xml = match read_entry(&mut archive, index, MAX_DOCUMENT_XML) {
        Ok(xml) => xml,
        Err(EntryError::TooBig(size)) => {
            return Err(bad(
                &format!("word/document.xml 解压后 {size} 字节，超过 64 MB 上限（可能是ZIP炸弹）"),
                &format!("word/document.xml is {size} bytes uncompressed, over the 64 MB limit (possible zip bomb)"),
            ))
        }
        Err(EntryError::Open(e)) => {
            return Err(bad(
                &format!("无法打开 word/document.xml（{e}），可能已加密或使用了不支持的压缩方式"),
                &format!("cannot open word/document.xml ({e}); it may be encrypted or use an unsupported compression method"),
            ))
        }
        Err(EntryError::Read(e)) => {
            return Err(bad(
                &format!("解压 word/document.xml 失败（{e}）"),
                &format!("failed to decompress word/document.xml ({e})"),
            ))
        }
    };
    // List numbering is best effort: a missing or unreadable part means no labels.
    let mut aux_failed = Vec::new();
    let mut aux = |name: &'static str| -> Option<String> {
        let index = archive.index_for_name(name)?;
        match read_entry(&mut archive, index, MAX_AUX_XML) {
            Ok(bytes) => Some(xml_text(&bytes).0.into_owned()),
            Err(_) => {
                aux_failed.push(name);
                None
            }
        }
    };
    let numbering_xml = aux("word/numbering.xml");
    let styles_xml = aux("word/styles.xml");
    let numbering = numbering_xml
        .as_deref()
        .map(|n| Numbering::parse(Some(n), styles_xml.as_deref()));
    let mut out = docx_xml_to_html(&xml, numbering)?;
    out.unreadable_parts = aux_failed;
    Ok(Zip::Docx(out))
}

enum EntryError {
    TooBig(String),
    Open(zip::result::ZipError),
    Read(std::io::Error),
}

/// Reads one entry, refusing it when its declared or actual uncompressed
/// size exceeds `limit` (read through `take`, never trusting the header).
fn read_entry(archive: &mut Archive<'_>, index: usize, limit: u64) -> Result<Vec<u8>, EntryError> {
    let mut file = archive.by_index(index).map_err(EntryError::Open)?;
    let declared = file.size();
    if declared > limit {
        return Err(EntryError::TooBig(declared.to_string()));
    }
    let mut buf = Vec::with_capacity(declared.min(8 * 1024 * 1024) as usize);
    (&mut file)
        .take(limit + 1)
        .read_to_end(&mut buf)
        .map_err(EntryError::Read)?;
    if buf.len() as u64 > limit {
        return Err(EntryError::TooBig(format!("{limit}+")));
    }
    Ok(buf)
}

/// XML bytes as text: BOM-aware (UTF-8/UTF-16), lossy for invalid UTF-8.
/// (UTF-16 is decoded by hand: calling encoding_rs through a dynamic `&Encoding` would link
/// every decoder's tables into the WebAssembly build.)
fn xml_text(xml: &[u8]) -> (std::borrow::Cow<'_, str>, bool) {
    fn utf8(b: &[u8]) -> (std::borrow::Cow<'_, str>, bool) {
        match std::str::from_utf8(b) {
            Ok(s) => (std::borrow::Cow::Borrowed(s), false),
            Err(_) => (String::from_utf8_lossy(b), true),
        }
    }
    match encoding_rs::Encoding::for_bom(xml) {
        Some((enc, bom)) if enc == encoding_rs::UTF_16LE || enc == encoding_rs::UTF_16BE => {
            let le = enc == encoding_rs::UTF_16LE;
            let body = &xml[bom..];
            let units = body.chunks_exact(2).map(|c| {
                if le {
                    u16::from_le_bytes([c[0], c[1]])
                } else {
                    u16::from_be_bytes([c[0], c[1]])
                }
            });
            let mut errors = body.len() % 2 == 1;
            let text: String = char::decode_utf16(units)
                .map(|r| {
                    r.unwrap_or_else(|_| {
                        errors = true;
                        char::REPLACEMENT_CHARACTER
                    })
                })
                .collect();
            (std::borrow::Cow::Owned(text), errors)
        }
        Some((_, bom)) => utf8(&xml[bom..]),
        None => utf8(xml),
    }
}

/// Converts the bytes of `word/document.xml` to an HTML page.
pub(crate) fn docx_xml_to_html(
    xml: &[u8],
    numbering: Option<Numbering>,
) -> Result<DocxHtml, InputError> {
    let (text, lossy_xml) = xml_text(xml);
    let mut conv = Converter {
        numbering,
        ..Converter::default()
    };
    conv.run(&text).map_err(|e| match e {
        RunError::Xml(e) => bad(
            &format!("word/document.xml 不是格式正确的XML（{e}）"),
            &format!("word/document.xml is not well-formed XML ({e})"),
        ),
        // Word never writes a DTD (the package format forbids one); its entities are not
        // expanded (an exponential "billion laughs" is a few hundred bytes), so the text they
        // stand for cannot be read.
        RunError::DeclaredEntities => bad(
            "word/document.xml 含有文档类型定义（<!DOCTYPE>）中声明的实体（<!ENTITY>），Word 不会写入这种内容；\
             为安全起见不展开实体，文件可能是伪造或被改动过的",
            "word/document.xml declares entities (<!ENTITY> in a <!DOCTYPE>), which Word never writes; \
             entities are not expanded, for safety, so the file may be forged or altered",
        ),
        RunError::UndefinedEntity(name) => bad(
            &format!("word/document.xml 使用了未定义的实体“&{name};”，不是格式正确的XML"),
            &format!("word/document.xml uses the undefined entity “&{name};”: it is not well-formed XML"),
        ),
    })?;
    if !conv.saw_wordml {
        return Err(bad(
            "word/document.xml 中没有 Word 文档的内容（没有 WordprocessingML 的 w:document 元素），文件可能已损坏",
            "word/document.xml holds no Word document (no WordprocessingML w:document element); the file may be damaged",
        ));
    }
    let truncated = conv.truncated;
    let mut out = conv.finish();
    out.lossy_xml = lossy_xml;
    out.truncated = truncated;
    Ok(out)
}

/// Why `word/document.xml` could not be converted.
enum RunError {
    Xml(quick_xml::Error),
    /// A `<!DOCTYPE>` that declares entities.
    DeclaredEntities,
    /// A reference to an entity that is neither predefined nor a character reference.
    UndefinedEntity(String),
}

impl From<quick_xml::Error> for RunError {
    fn from(e: quick_xml::Error) -> Self {
        RunError::Xml(e)
    }
}

/// Elements we track on the element stack.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum El {
    Body,
    P,
    PPr,
    NumPr,
    R,
    T,
    Tbl,
    Tr,
    Tc,
    /// A subtree whose text is left out (deletions, duplicate fallbacks, …).
    Skip,
    Other,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
enum VMerge {
    #[default]
    No,
    Restart,
    Continue,
}

#[derive(Debug, Default)]
struct Cell {
    blocks: Vec<Block>,
    span: u32,
    vmerge: VMerge,
    hmerge_continue: bool,
}

#[derive(Debug)]
enum Block {
    Para(String),
    Table(String),
}

#[derive(Debug, Default)]
struct Row {
    cells: Vec<Cell>,
    grid_before: u32,
    grid_after: u32,
}

#[derive(Debug, Default)]
struct Table {
    rows: Vec<Row>,
}

/// A paragraph being built, with its numbering properties.
#[derive(Debug, Default)]
struct Para {
    html: String,
    num_id: Option<u32>,
    ilvl: Option<u8>,
    style: Option<String>,
}

/// Open containers, innermost last.
#[derive(Debug)]
enum Frame {
    Para(Para),
    Table(Table),
    Cell(Cell),
}

#[derive(Default)]
struct Converter {
    body: String,
    frames: Vec<Frame>,
    elements: Vec<El>,
    /// Number of `El::Skip` on the element stack.
    skipping: usize,
    paragraphs: usize,
    tables: usize,
    text_chars: usize,
    skipped_deletions: bool,
    numbering: Option<Numbering>,
    list_labels: usize,
    /// An element of the WordprocessingML namespace was seen.
    saw_wordml: bool,
    /// Elements were still open at the end of the XML.
    truncated: bool,
}

/// Most open paragraphs/tables/cells at once; deeper ones are flattened.
const MAX_FRAMES: usize = 200;
/// Most nested tables; deeper ones are flattened into their enclosing cell.
/// Each level copies its content once more, so this bounds the work.
const MAX_TABLE_DEPTH: usize = 16;
/// Most nested paragraphs (text boxes inside paragraphs).
const MAX_PARA_DEPTH: usize = 8;

/// Largest colspan/rowspan we emit (the HTML standard clamps colspan to 1000).
const MAX_SPAN: u32 = 1000;

impl Converter {
    fn run(&mut self, xml: &str) -> Result<(), RunError> {
        let mut reader = NsReader::from_str(xml);
        loop {
            let (ns, event) = reader.read_resolved_event()?;
            let ns = match ns {
                ResolveResult::Bound(n) => Some(n.0),
                _ => None,
            };
            match event {
                Event::Start(e) => {
                    let el = self.start(ns, &e, false);
                    if el == El::Skip {
                        self.skipping += 1;
                    }
                    self.elements.push(el);
                }
                Event::Empty(e) => {
                    let el = self.start(ns, &e, true);
                    self.end(el);
                }
                Event::End(_) => {
                    if let Some(el) = self.elements.pop() {
                        if el == El::Skip {
                            self.skipping -= 1;
                        }
                        self.end(el);
                    }
                }
                Event::Text(t) if self.in_text() => {
                    let t = t.xml10_content();
                    self.push_text(&t);
                }
                Event::CData(t) if self.in_text() => {
                    let t = t.into_inner();
                    self.push_text(&t);
                }
                Event::GeneralRef(r) => {
                    let resolved = if r.is_char_ref() {
                        r.resolve_char_ref().ok().flatten().map(String::from)
                    } else {
                        // (anywhere, not only in text: an undefined entity is not well-formed XML)
                        match quick_xml::escape::resolve_predefined_entity(&r) {
                            Some(s) => Some(s.to_string()),
                            None => {
                                return Err(RunError::UndefinedEntity(r.chars().take(40).collect()))
                            }
                        }
                    };
                    if let Some(s) = resolved.filter(|_| self.in_text()) {
                        self.push_text(&s);
                    }
                }
                Event::DocType(d)
                    if d.as_bytes()
                        .windows(8)
                        .any(|w| w.eq_ignore_ascii_case(b"<!ENTITY")) =>
                {
                    return Err(RunError::DeclaredEntities);
                }
                Event::Eof => break,
                _ => {}
            }
        }
        // Unclosed elements (quick-xml reports most of these as errors): close them.
        self.truncated = !self.elements.is_empty();
        while let Some(el) = self.elements.pop() {
            self.end(el);
        }
        Ok(())
    }

    /// Pops the innermost frame if it is of the expected kind.
    fn pop_frame(&mut self, is: impl Fn(&Frame) -> bool) -> Option<Frame> {
        if self.frames.last().is_some_and(is) {
            self.frames.pop()
        } else {
            None
        }
    }

    fn para_depth(&self) -> usize {
        self.frames
            .iter()
            .filter(|f| matches!(f, Frame::Para(_)))
            .count()
    }

    fn table_depth(&self) -> usize {
        self.frames
            .iter()
            .filter(|f| matches!(f, Frame::Table(_)))
            .count()
    }

    fn in_text(&self) -> bool {
        self.skipping == 0 && self.elements.last() == Some(&El::T)
    }

    fn parent(&self) -> Option<El> {
        self.elements.last().copied()
    }

    /// Handles a start tag (or the start of an empty element) and says how to
    /// track it on the element stack.
    fn start(&mut self, ns: Option<&str>, e: &BytesStart<'_>, empty: bool) -> El {
        let local = e.local_name();
        let local = local.as_ref();
        if ns == Some(NS_MC) {
            // mc:AlternateContent holds the same content twice: keep mc:Choice.
            return if local == "Fallback" {
                El::Skip
            } else {
                El::Other
            };
        }
        if !ns.is_some_and(|n| NS_W.contains(&n)) {
            return El::Other;
        }
        self.saw_wordml = true;
        if self.skipping > 0 {
            return El::Other;
        }
        match local {
            "body" => El::Body,
            // Past the nesting cap, paragraphs and tables become transparent:
            // their text flows into the enclosing container (no quadratic copying).
            "p" if self.frames.len() < MAX_FRAMES && self.para_depth() < MAX_PARA_DEPTH => {
                self.frames.push(Frame::Para(Para::default()));
                El::P
            }
            "pPr" if self.parent() == Some(El::P) => El::PPr,
            "numPr" if self.parent() == Some(El::PPr) => El::NumPr,
            "pStyle" | "numId" | "ilvl" => {
                let parent = self.parent();
                if let Some(Frame::Para(p)) = self.frames.last_mut() {
                    let v = val(e);
                    match (local, parent) {
                        ("pStyle", Some(El::PPr)) => p.style = v,
                        ("numId", Some(El::NumPr)) => {
                            p.num_id = v.and_then(|v| v.trim().parse().ok())
                        }
                        ("ilvl", Some(El::NumPr)) => {
                            p.ilvl = v
                                .and_then(|v| v.trim().parse::<u8>().ok())
                                .map(|l| l.min(8))
                        }
                        _ => {}
                    }
                }
                El::Other
            }
            "r" => El::R,
            "t" => El::T,
            "tab" if self.parent() == Some(El::R) => {
                self.push_raw("\t", 1);
                El::Other
            }
            "br" | "cr" if self.parent() == Some(El::R) => {
                self.push_raw("<br>\n", 1);
                El::Other
            }
            "noBreakHyphen" if self.parent() == Some(El::R) => {
                self.push_raw("-", 1);
                El::Other
            }
            "del" | "moveFrom" if !empty => {
                self.skipped_deletions = true;
                El::Skip
            }
            // Field instructions, deleted text, run properties, and the *old*
            // properties kept by tracked formatting changes (w:tcPrChange holds
            // a previous gridSpan/vMerge, w:pPrChange a previous numbering).
            "delText" | "instrText" | "delInstrText" | "rPr" | "tblPr" | "sectPr" | "tblGrid"
            | "tblPrEx" | "pPrChange" | "rPrChange" | "tcPrChange" | "trPrChange"
            | "tblPrChange" | "sectPrChange" | "tblGridChange" | "numberingChange" => {
                if empty {
                    El::Other
                } else {
                    El::Skip
                }
            }
            "tbl" if self.frames.len() < MAX_FRAMES && self.table_depth() < MAX_TABLE_DEPTH => {
                self.frames.push(Frame::Table(Table::default()));
                El::Tbl
            }
            "tr" => {
                if let Some(Frame::Table(t)) = self.frames.last_mut() {
                    t.rows.push(Row::default());
                }
                El::Tr
            }
            "tc" if matches!(self.frames.last(), Some(Frame::Table(_))) => {
                self.frames.push(Frame::Cell(Cell {
                    span: 1,
                    ..Cell::default()
                }));
                El::Tc
            }
            "gridSpan" => {
                if let (Some(Frame::Cell(c)), Some(v)) = (self.frames.last_mut(), val(e)) {
                    c.span = v.trim().parse::<u32>().unwrap_or(1).clamp(1, MAX_SPAN);
                }
                El::Other
            }
            "vMerge" => {
                if let Some(Frame::Cell(c)) = self.frames.last_mut() {
                    c.vmerge = match val(e).as_deref() {
                        Some("restart") => VMerge::Restart,
                        _ => VMerge::Continue,
                    };
                }
                El::Other
            }
            "hMerge" => {
                if let Some(Frame::Cell(c)) = self.frames.last_mut() {
                    c.hmerge_continue = val(e).as_deref() != Some("restart");
                }
                El::Other
            }
            "gridBefore" | "gridAfter" => {
                if let (Some(Frame::Table(t)), Some(v)) = (self.frames.last_mut(), val(e)) {
                    if let Some(row) = t.rows.last_mut() {
                        let n = v.trim().parse::<u32>().unwrap_or(0).min(MAX_SPAN);
                        if local == "gridBefore" {
                            row.grid_before = n;
                        } else {
                            row.grid_after = n;
                        }
                    }
                }
                El::Other
            }
            _ => El::Other,
        }
    }

    fn end(&mut self, el: El) {
        match el {
            El::P => {
                if let Some(Frame::Para(para)) = self.pop_frame(|f| matches!(f, Frame::Para(_))) {
                    self.paragraphs += 1;
                    let mut content = para.html;
                    if let Some(numbering) = self.numbering.as_mut() {
                        if let Some(label) =
                            numbering.next_label(para.num_id, para.ilvl, para.style.as_deref())
                        {
                            let mut with_label = String::with_capacity(label.len() + content.len());
                            escape_into(&mut with_label, &label);
                            with_label.push_str(&content);
                            content = with_label;
                            self.list_labels += 1;
                        }
                    }
                    self.close_paragraph(content);
                }
            }
            El::Tc => {
                if let Some(Frame::Cell(cell)) = self.pop_frame(|f| matches!(f, Frame::Cell(_))) {
                    if let Some(Frame::Table(t)) = self.frames.last_mut() {
                        if t.rows.is_empty() {
                            t.rows.push(Row::default());
                        }
                        if let Some(row) = t.rows.last_mut() {
                            push_cell(row, cell);
                        }
                    }
                }
            }
            El::Tbl => {
                if let Some(Frame::Table(t)) = self.pop_frame(|f| matches!(f, Frame::Table(_))) {
                    self.tables += 1;
                    let html = render_table(t);
                    match self.frames.last_mut() {
                        Some(Frame::Cell(c)) => c.blocks.push(Block::Table(html)),
                        Some(Frame::Para(p)) => p.html.push_str(&html),
                        Some(Frame::Table(_)) | None => self.body.push_str(&html),
                    }
                }
            }
            _ => {}
        }
    }

    fn close_paragraph(&mut self, content: String) {
        match self.frames.last_mut() {
            // A paragraph inside a paragraph (text box): keep its text inline.
            Some(Frame::Para(outer)) => {
                if !outer.html.is_empty() && !content.is_empty() {
                    outer.html.push_str("<br>\n");
                }
                outer.html.push_str(&content);
            }
            Some(Frame::Cell(c)) => c.blocks.push(Block::Para(content)),
            Some(Frame::Table(_)) | None => {
                self.body.push_str("<p>");
                self.body.push_str(&content);
                self.body.push_str("</p>\n");
            }
        }
    }

    fn sink(&mut self) -> &mut String {
        match self.frames.last_mut() {
            Some(Frame::Para(p)) => &mut p.html,
            _ => &mut self.body,
        }
    }

    fn push_raw(&mut self, html: &str, chars: usize) {
        self.text_chars += chars;
        self.sink().push_str(html);
    }

    fn push_text(&mut self, text: &str) {
        self.text_chars += text.chars().filter(|c| !c.is_whitespace()).count();
        escape_into(self.sink(), text);
    }

    fn finish(self) -> DocxHtml {
        let mut html = String::with_capacity(self.body.len() + 128);
        html.push_str("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"></head><body>\n");
        html.push_str(&self.body);
        html.push_str("</body></html>\n");
        DocxHtml {
            html,
            paragraphs: self.paragraphs,
            tables: self.tables,
            text_chars: self.text_chars,
            skipped_deletions: self.skipped_deletions,
            lossy_xml: false,
            list_labels: self.list_labels,
            unreadable_parts: Vec::new(),
            truncated: false,
        }
    }
}

/// The value of the `w:val` attribute.
fn val(e: &BytesStart<'_>) -> Option<String> {
    e.attributes()
        .with_checks(false)
        .flatten()
        .find(|a| a.key.local_name().as_ref() == "val")
        .map(|a| a.value.into_owned())
}

/// Adds a finished cell to its row, folding legacy horizontal merges
/// (`w:hMerge` continue) into the previous cell.
fn push_cell(row: &mut Row, mut cell: Cell) {
    if cell.hmerge_continue {
        if let Some(prev) = row.cells.last_mut() {
            prev.span = prev.span.saturating_add(cell.span).min(MAX_SPAN);
            if has_content(&cell.blocks) {
                prev.blocks.append(&mut cell.blocks);
            }
            return;
        }
    }
    row.cells.push(cell);
}

fn has_content(blocks: &[Block]) -> bool {
    blocks.iter().any(|b| match b {
        Block::Para(p) => !p.trim().is_empty(),
        Block::Table(_) => true,
    })
}

/// Renders a table, turning vertical merges into `rowspan`.
fn render_table(mut t: Table) -> String {
    // rowspan[r][c]: 0 = omitted (continues a merge), n = rowspan of the cell.
    let mut rowspan: Vec<Vec<u32>> = t.rows.iter().map(|r| vec![1; r.cells.len()]).collect();
    // start column → (row, cell, span) of the cell that started the merge
    let mut active: HashMap<u32, (usize, usize, u32)> = HashMap::new();
    for ri in 0..t.rows.len() {
        let mut next: HashMap<u32, (usize, usize, u32)> = HashMap::new();
        let mut col = t.rows[ri].grid_before;
        for ci in 0..t.rows[ri].cells.len() {
            let (span, vmerge) = {
                let c = &t.rows[ri].cells[ci];
                (c.span, c.vmerge)
            };
            match vmerge {
                VMerge::Continue => match active.get(&col) {
                    Some(&(r0, c0, s0)) if s0 == span => {
                        rowspan[ri][ci] = 0;
                        rowspan[r0][c0] = rowspan[r0][c0].saturating_add(1);
                        next.insert(col, (r0, c0, s0));
                        // Text left in a continued cell belongs to the merged cell.
                        if has_content(&t.rows[ri].cells[ci].blocks) {
                            let moved = std::mem::take(&mut t.rows[ri].cells[ci].blocks);
                            t.rows[r0].cells[c0].blocks.extend(moved);
                        }
                    }
                    // A continuation without a start: show it as a normal cell.
                    _ => {}
                },
                VMerge::Restart => {
                    next.insert(col, (ri, ci, span));
                }
                VMerge::No => {}
            }
            col = col.saturating_add(span);
        }
        active = next;
    }

    let mut html = String::from("<table>\n");
    for (ri, row) in t.rows.iter().enumerate() {
        html.push_str("<tr>");
        if row.grid_before > 0 {
            push_empty_cells(&mut html, row.grid_before);
        }
        for (ci, cell) in row.cells.iter().enumerate() {
            let rs = rowspan[ri][ci];
            if rs == 0 {
                continue;
            }
            html.push_str("<td");
            if cell.span > 1 {
                html.push_str(&format!(" colspan=\"{}\"", cell.span));
            }
            if rs > 1 {
                html.push_str(&format!(" rowspan=\"{}\"", rs.min(65534)));
            }
            html.push('>');
            render_blocks(&mut html, &cell.blocks);
            html.push_str("</td>");
        }
        if row.grid_after > 0 {
            push_empty_cells(&mut html, row.grid_after);
        }
        html.push_str("</tr>\n");
    }
    html.push_str("</table>\n");
    html
}

fn push_empty_cells(html: &mut String, n: u32) {
    if n == 1 {
        html.push_str("<td></td>");
    } else {
        html.push_str(&format!("<td colspan=\"{n}\"></td>"));
    }
}

/// A cell with a single paragraph gets its text directly (`<td>text</td>`);
/// otherwise each paragraph becomes a `<p>` and nested tables follow inline.
fn render_blocks(html: &mut String, blocks: &[Block]) {
    if let [Block::Para(p)] = blocks {
        html.push_str(p);
        return;
    }
    for (i, b) in blocks.iter().enumerate() {
        if i > 0 {
            html.push('\n');
        }
        match b {
            Block::Para(p) => {
                html.push_str("<p>");
                html.push_str(p);
                html.push_str("</p>");
            }
            Block::Table(t) => html.push_str(t),
        }
    }
}

/// HTML-escapes text (`&`, `<`, `>`, `"`) into `out`.
pub(crate) fn escape_into(out: &mut String, text: &str) {
    let mut last = 0;
    for (i, c) in text.char_indices() {
        let rep = match c {
            '&' => "&amp;",
            '<' => "&lt;",
            '>' => "&gt;",
            '"' => "&quot;",
            '\0' => "",
            _ => continue,
        };
        out.push_str(&text[last..i]);
        out.push_str(rep);
        last = i + c.len_utf8();
    }
    out.push_str(&text[last..]);
}

#[cfg(test)]
mod tests {
    use super::*;

    const W: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006""#;

    fn body(inner: &str) -> String {
        let xml = format!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {W}><w:body>{inner}<w:sectPr/></w:body></w:document>"#
        );
        let out = docx_xml_to_html(xml.as_bytes(), None).expect("converts");
        let start = out.html.find("<body>\n").unwrap() + "<body>\n".len();
        let end = out.html.rfind("</body>").unwrap();
        out.html[start..end].to_string()
    }

    fn p(text: &str) -> String {
        format!("<w:p><w:r><w:t>{text}</w:t></w:r></w:p>")
    }

    fn tc(props: &str, text: &str) -> String {
        format!("<w:tc><w:tcPr>{props}</w:tcPr>{}</w:tc>", p(text))
    }

    #[test]
    fn paragraphs_runs_tabs_breaks_and_escaping() {
        let xml = r#"<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr><w:r><w:rPr><w:b/></w:rPr><w:t>一、</w:t></w:r><w:r><w:t xml:space="preserve">总体 </w:t><w:tab/><w:t>A&amp;B &lt;C&gt;</w:t><w:br/><w:t>&#x4E2D;</w:t></w:r></w:p>"#;
        assert_eq!(body(xml), "<p>一、总体 \tA&amp;B &lt;C&gt;<br>\n中</p>\n");
    }

    #[test]
    fn tracked_changes_and_fields() {
        let xml = r#"<w:p><w:r><w:t>保留</w:t></w:r><w:del w:id="1"><w:r><w:delText>删除</w:delText></w:r></w:del><w:ins w:id="2"><w:r><w:t>插入</w:t></w:r></w:ins><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>3</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>"#;
        assert_eq!(body(xml), "<p>保留插入3</p>\n");
    }

    #[test]
    fn alternate_content_counted_once() {
        let tb = |t: &str| format!("<w:txbxContent>{}</w:txbxContent>", p(t));
        let xml = format!(
            "<w:p><w:r><w:t>前</w:t></w:r><w:r><mc:AlternateContent><mc:Choice Requires=\"wps\">{}</mc:Choice><mc:Fallback>{}</mc:Fallback></mc:AlternateContent></w:r></w:p>",
            tb("框"),
            tb("框")
        );
        assert_eq!(body(&xml), "<p>前<br>\n框</p>\n");
    }

    #[test]
    fn table_with_gridspan_and_vmerge() {
        let xml = format!(
            "<w:tbl><w:tblPr/><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>\
             <w:tr>{}{}</w:tr><w:tr>{}{}{}</w:tr><w:tr>{}{}{}</w:tr></w:tbl>",
            tc(r#"<w:gridSpan w:val="2"/>"#, "a"),
            tc("", "b"),
            tc(r#"<w:vMerge w:val="restart"/>"#, "c"),
            tc("", "d"),
            tc("", "e"),
            tc("<w:vMerge/>", ""),
            tc("", "f"),
            tc("", "g"),
        );
        assert_eq!(
            body(&xml),
            "<table>\n<tr><td colspan=\"2\">a</td><td>b</td></tr>\n\
             <tr><td rowspan=\"2\">c</td><td>d</td><td>e</td></tr>\n\
             <tr><td>f</td><td>g</td></tr>\n</table>\n"
        );
    }

    #[test]
    fn nested_table_and_multi_paragraph_cell() {
        let inner = format!("<w:tbl><w:tr>{}</w:tr></w:tbl>", tc("", "内"));
        let xml = format!(
            "<w:tbl><w:tr><w:tc>{}{}{}</w:tc></w:tr></w:tbl>",
            p("一"),
            inner,
            p("二")
        );
        assert_eq!(
            body(&xml),
            "<table>\n<tr><td><p>一</p>\n<table>\n<tr><td>内</td></tr>\n</table>\n\n<p>二</p></td></tr>\n</table>\n"
        );
    }

    #[test]
    fn vmerge_spanning_columns_and_grid_before() {
        let xml = format!(
            "<w:tbl><w:tr>{}{}</w:tr><w:tr><w:trPr><w:gridBefore w:val=\"1\"/></w:trPr>{}</w:tr><w:tr>{}{}</w:tr></w:tbl>",
            tc("", "x"),
            tc(r#"<w:gridSpan w:val="2"/><w:vMerge w:val="restart"/>"#, "y"),
            tc(r#"<w:gridSpan w:val="2"/><w:vMerge/>"#, "z"),
            tc("", "1"),
            tc(r#"<w:gridSpan w:val="2"/><w:vMerge w:val="continue"/>"#, ""),
        );
        assert_eq!(
            body(&xml),
            "<table>\n<tr><td>x</td><td colspan=\"2\" rowspan=\"3\"><p>y</p>\n<p>z</p></td></tr>\n\
             <tr><td></td></tr>\n<tr><td>1</td></tr>\n</table>\n"
        );
    }

    #[test]
    fn tracked_property_changes_keep_the_new_values() {
        // w:tcPrChange holds the cell's *previous* properties (here: a gridSpan)
        let xml = format!(
            "<w:tbl><w:tr>{}{}</w:tr></w:tbl>",
            tc(
                r#"<w:tcPrChange w:id="1"><w:tcPr><w:gridSpan w:val="2"/></w:tcPr></w:tcPrChange>"#,
                "新"
            ),
            tc("", "x"),
        );
        assert_eq!(
            body(&xml),
            "<table>\n<tr><td>新</td><td>x</td></tr>\n</table>\n"
        );
    }

    #[test]
    fn orphan_vmerge_continue_is_a_normal_cell() {
        let xml = format!("<w:tbl><w:tr>{}</w:tr></w:tbl>", tc("<w:vMerge/>", "孤"));
        assert_eq!(body(&xml), "<table>\n<tr><td>孤</td></tr>\n</table>\n");
    }

    #[test]
    fn default_namespace_and_other_namespaces() {
        let xml = r#"<document xmlns="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:a="urn:x"><body><p><r><t>默认</t></r><a:p><a:t>不是</a:t></a:p></p></body></document>"#;
        let out = docx_xml_to_html(xml.as_bytes(), None).unwrap();
        assert!(out.html.contains("<p>默认</p>"), "{}", out.html);
        assert!(!out.html.contains("不是"));
    }

    #[test]
    fn malformed_xml_is_bad_docx() {
        let err = docx_xml_to_html(b"<w:document><w:body><w:p></w:body>", None).unwrap_err();
        assert!(matches!(err, InputError::BadDocx { .. }), "{err:?}");
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        let n = 20_000;
        let xml = format!(
            "<w:document {W}><w:body>{}{}{}</w:body></w:document>",
            format!("<w:tbl><w:tr><w:tc>{}", p("表")).repeat(n),
            p("深"),
            "</w:tc></w:tr></w:tbl>".repeat(n)
        );
        let out = docx_xml_to_html(xml.as_bytes(), None).unwrap();
        assert_eq!(out.tables, MAX_TABLE_DEPTH);
        assert_eq!(out.html.matches('表').count(), n);
        assert!(out.html.contains("深"));
        let xml = format!(
            "<w:document {W}><w:body>{}{}</w:body></w:document>",
            "<w:p><w:r><w:t>段</w:t></w:r>".repeat(n),
            "</w:p>".repeat(n)
        );
        let out = docx_xml_to_html(xml.as_bytes(), None).unwrap();
        assert_eq!(out.html.matches('段').count(), n);
    }

    #[test]
    fn escaping() {
        let mut s = String::new();
        escape_into(&mut s, "a<b>&\"c\"\0");
        assert_eq!(s, "a&lt;b&gt;&amp;&quot;c&quot;");
    }
}
