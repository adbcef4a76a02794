//! Inputs shared by the benchmarks: the corpus, decoded as the CLI does, and synthetic large
//! inputs made of a real report repeated.

#![allow(dead_code)]

use nianbao::api::{self, CheckOptions, KindOption};
use nianbao::model::InputKind;
use std::path::Path;

/// Every report of the corpus, decoded as the CLI does, with how to read it.
pub fn corpus() -> Vec<(String, KindOption)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    let mut files = Vec::new();
    for dir in ["reports", "seeds", "excerpts"] {
        let mut names: Vec<_> = std::fs::read_dir(root.join(dir))
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        names.sort();
        files.extend(names);
    }
    files
        .iter()
        .map(|p| {
            let d = nianbao::input::decode(&std::fs::read(p).unwrap(), p.to_str()).unwrap();
            (
                d.text,
                if d.kind == InputKind::Html {
                    KindOption::Html
                } else {
                    KindOption::Text
                },
            )
        })
        .collect()
}

pub fn check(src: &str, kind: KindOption) -> api::Checked {
    api::check(
        src,
        &CheckOptions {
            kind,
            ..Default::default()
        },
    )
}

/// A real report repeated to about `size` bytes: text, or the HTML page's body repeated.
pub fn synthetic(size: usize, html: bool) -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    if html {
        let page = std::fs::read_to_string(root.join("reports/pingtan-2022.html")).unwrap();
        let (a, b) = (page.find("<body").unwrap(), page.rfind("</body>").unwrap());
        let body = &page[a..b];
        let mut out = page[..a].to_string();
        out.push_str(&body.repeat((size / body.len()).max(1)));
        out.push_str(&page[b..]);
        out
    } else {
        let one = std::fs::read_to_string(root.join("seeds/004_046dc01fb9bbe87a.txt")).unwrap();
        one.repeat(size / one.len() + 1)
    }
}
