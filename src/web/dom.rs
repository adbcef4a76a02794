//! The browser's DOM as an [`HtmlNode`] tree: HTML strings parsed by `DOMParser` (inert: no
//! script runs, nothing loads) and live elements of a page, whose computed style says what is
//! really shown.

use crate::model::GridPos;
use crate::parse::document::Document;
use crate::parse::html::{self, HtmlNode, NodeKind};
use std::borrow::Cow;
use wasm_bindgen::JsCast;
use web_sys::{Element, Node};

#[derive(Clone)]
pub struct DomNode {
    node: Node,
    /// A node of a rendered page: its computed style is meaningful.
    live: bool,
}

impl DomNode {
    /// The node as an element. By node type, not `instanceof`: an element of another window (an
    /// editor's iframe) is not an instance of this window's `Element`.
    pub fn element(&self) -> Option<&Element> {
        (self.node.node_type() == Node::ELEMENT_NODE).then(|| self.node.unchecked_ref::<Element>())
    }
}

impl HtmlNode for DomNode {
    fn kind(&self) -> NodeKind<'_> {
        match self.node.node_type() {
            Node::ELEMENT_NODE => match self.element() {
                Some(e) => NodeKind::Element(Cow::Owned(e.local_name())),
                None => NodeKind::Other,
            },
            Node::TEXT_NODE | Node::CDATA_SECTION_NODE => {
                NodeKind::Text(Cow::Owned(self.node.node_value().unwrap_or_default()))
            }
            Node::DOCUMENT_NODE | Node::DOCUMENT_FRAGMENT_NODE => NodeKind::Container,
            _ => NodeKind::Other,
        }
    }

    fn attr(&self, name: &str) -> Option<Cow<'_, str>> {
        self.element()?.get_attribute(name).map(Cow::Owned)
    }

    fn first_child(&self) -> Option<Self> {
        self.node.first_child().map(|node| DomNode {
            node,
            live: self.live,
        })
    }

    fn next_sibling(&self) -> Option<Self> {
        self.node.next_sibling().map(|node| DomNode {
            node,
            live: self.live,
        })
    }

    fn rendered_hidden(&self) -> Option<bool> {
        if !self.live {
            return None;
        }
        let el = self.element()?;
        // The element's own window (an iframe's, for an editor's body), else this one.
        let window = el
            .owner_document()
            .and_then(|d| d.default_view())
            .or_else(web_sys::window)?;
        let style = window.get_computed_style(el).ok()??;
        let prop = |p: &str| style.get_property_value(p).unwrap_or_default();
        let font_size_zero = prop("font-size")
            .trim_end_matches("px")
            .parse::<f64>()
            .is_ok_and(|v| v == 0.0);
        Some(
            prop("display") == "none"
                || matches!(prop("visibility").as_str(), "hidden" | "collapse")
                || font_size_zero
                || prop("opacity") == "0",
        )
    }
}

/// Whether this global scope has `DOMParser` (windows and documents do; workers do not).
pub fn has_dom_parser() -> bool {
    js_sys::Reflect::has(
        &js_sys::global(),
        &wasm_bindgen::JsValue::from_str("DOMParser"),
    )
    .unwrap_or(false)
}

/// Render an HTML string through the browser's `DOMParser`. The caller checks
/// [`has_dom_parser`] first; were it missing all the same, the markup is read as text.
/// (Builds with html5ever, the Node package, read strings with it instead.)
#[cfg(not(feature = "scraper"))]
pub fn render_string(source: &str) -> Document {
    let parsed = web_sys::DomParser::new()
        .and_then(|p| p.parse_from_string(source, web_sys::SupportedType::TextHtml));
    match parsed {
        Ok(doc) => {
            html::render_tree(
                source,
                DomNode {
                    node: doc.into(),
                    live: false,
                },
                None,
            )
            .0
        }
        Err(_) => crate::parse::text::render(source),
    }
}

/// Render a live element of a page. Its source is its `outerHTML`; positions in the result
/// index that string. Returns the document and the element of each table cell read.
pub fn render_element(el: &Element) -> (Document, Vec<(GridPos, Element)>) {
    let source = el.outer_html();
    let title = el
        .owner_document()
        .map(|d| d.title())
        .filter(|t| !t.trim().is_empty());
    let root = DomNode {
        node: el.clone().into(),
        live: el.is_connected(),
    };
    let (doc, cells) = html::render_tree(&source, root, title);
    let cells = cells
        .into_iter()
        .filter_map(|(pos, n)| n.element().cloned().map(|e| (pos, e)))
        .collect();
    (doc, cells)
}

/// Decode bytes with the browser's `TextDecoder` (the WHATWG decoders encoding_rs also
/// implements): `(text, had_errors)`.
pub fn text_decoder(encoding: &'static encoding_rs::Encoding, bytes: &[u8]) -> (String, bool) {
    let label = encoding.name();
    let opts = web_sys::TextDecoderOptions::new();
    opts.set_fatal(true);
    if let Ok(strict) = web_sys::TextDecoder::new_with_label_and_options(label, &opts) {
        if let Ok(text) = strict.decode_with_u8_array(bytes) {
            return (text, false);
        }
    }
    match web_sys::TextDecoder::new_with_label(label).and_then(|d| d.decode_with_u8_array(bytes)) {
        Ok(text) => (text, true),
        // No decoder for the label (not a browser): the bytes as UTF-8, damage replaced.
        Err(_) => (String::from_utf8_lossy(bytes).into_owned(), true),
    }
}
