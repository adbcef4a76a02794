//! What each fuzz target does with its input, shared by the targets (`fuzz_targets/`) and by
//! the test that replays the crashes they found (`tests/pathological.rs`, fixtures in
//! `tests/fixtures/fuzz/<target>/`). Everything the CLI does with a file: decode, check, the
//! JSON object and the text rendering. A panic anywhere is the failure.

#![allow(dead_code)]

use nianbao::api::{self, CheckOptions, KindOption};
use nianbao::diagnostic::Lang;

/// Separates last year's report from this year's in the `previous` target's input.
pub const PAIR_SEPARATOR: &[u8] = b"\n\x00\x00\n";

fn check_and_render(text: &str, kind: KindOption, previous: Option<String>) {
    let c = api::check(
        text,
        &CheckOptions {
            kind,
            previous,
            ..Default::default()
        },
    );
    let j = api::to_json("fuzz", &c, Lang::Zh);
    assert!(j.is_object());
    let _ = nianbao::render::text("fuzz", &c, Lang::En);
}

/// Any UTF-8 as plain text.
pub fn text(data: &[u8]) {
    if let Ok(s) = std::str::from_utf8(data) {
        check_and_render(s, KindOption::Text, None);
    }
}

/// Any UTF-8 as HTML.
pub fn html(data: &[u8]) {
    if let Ok(s) = std::str::from_utf8(data) {
        check_and_render(s, KindOption::Html, None);
    }
}

/// Any bytes as a file, under each kind of name: decoded, then checked as the CLI would.
pub fn decode(data: &[u8]) {
    for name in [None, Some("r.txt"), Some("r.html"), Some("r.docx")] {
        match nianbao::input::decode(data, name) {
            Ok(d) => {
                let kind = if d.kind == nianbao::model::InputKind::Html {
                    KindOption::Html
                } else {
                    KindOption::Text
                };
                check_and_render(&d.text, kind, None);
                // Decoding does not depend on the name beyond the kind: one check is enough.
                return;
            }
            Err(e) => assert!(!e.to_string().is_empty()),
        }
    }
}

/// Last year's report, [`PAIR_SEPARATOR`], this year's: the cross-year rules (Y-*).
pub fn previous(data: &[u8]) {
    let at = data
        .windows(PAIR_SEPARATOR.len())
        .position(|w| w == PAIR_SEPARATOR);
    let (last, this) = match at {
        Some(i) => (&data[..i], &data[i + PAIR_SEPARATOR.len()..]),
        None => (data, data),
    };
    let (Ok(last), Ok(this)) = (std::str::from_utf8(last), std::str::from_utf8(this)) else {
        return;
    };
    check_and_render(this, KindOption::Auto, Some(last.to_string()));
}
