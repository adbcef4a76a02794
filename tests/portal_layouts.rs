//! Generated reports in the layouts that portals' pages take as text (`tests/common/portal.rs`:
//! pipe rows with `||||` for spanned cells, one cell per line ending ` |`, rows opened by a
//! lone `|`, cells separated by blank lines, space-separated PDF text with stacked header
//! characters), with and without the label variants real reports write (typos, old names,
//! traditional characters, half-width brackets, doubled spaces) and blank cells, read back
//! cell by cell.

mod common;
use common::gen::GenReport;
use common::portal::{is_blank, render_portal, Variants, PORTAL_LAYOUTS};
use nianbao::api::{self, CheckOptions, KindOption};
use nianbao::model::Value;
use nianbao::template::{self, Format};

fn read_back(
    seed: u64,
    layout: common::portal::PortalLayout,
    v: Variants,
    blanks: bool,
) -> Vec<String> {
    let r = GenReport::new(seed);
    let src = render_portal(&r, layout, &v, blanks);
    let blanks = blanks && layout != common::portal::PortalLayout::PdfText;
    check_back(&r, &src, KindOption::Text, v, blanks)
}

/// Read `src` (a rendering of `r`) and list every difference from `r`.
fn check_back(
    r: &GenReport,
    src: &str,
    kind: KindOption,
    v: Variants,
    blanks: bool,
) -> Vec<String> {
    let c = api::check(
        src,
        &CheckOptions {
            kind,
            ..Default::default()
        },
    );
    let rep = c.report();
    let mut errors = Vec::new();
    if rep.format != Format::F2021 {
        errors.push(format!(
            "format {:?} ({})",
            rep.format, rep.format_evidence.reason
        ));
    }
    if rep.year != Some(r.year) {
        errors.push(format!("year {:?} ≠ {}", rep.year, r.year));
    }
    let ok = |want: Option<u64>, v: &Value| match (want, v) {
        (Some(w), Value::Number { value, .. }) => *value == w as f64,
        (None, Value::Blank) => true,
        _ => false,
    };
    for (i, (spec, want)) in template::request_rows(Format::F2021)
        .zip(&r.requests)
        .enumerate()
    {
        match rep.requests.as_ref().and_then(|t| t.row(spec.key)) {
            None => errors.push(format!("requests.{} not read", spec.key)),
            Some(row) => {
                for (col, w) in want.iter().enumerate() {
                    let w = (!is_blank(blanks, i, col)).then_some(*w);
                    if !ok(w, &row.cells[col].value) {
                        errors.push(format!(
                            "requests.{}[{col}]: want {w:?}, read {:?}",
                            spec.key, row.cells[col].value
                        ));
                    }
                }
            }
        }
    }
    match &rep.review {
        None => errors.push("table 4 not read".into()),
        Some(t) => {
            for (col, w) in r.review.iter().enumerate() {
                if !ok(Some(*w), &t.row.cells[col].value) {
                    errors.push(format!(
                        "review[{col}]: want {w}, read {:?}",
                        t.row.cells[col].value
                    ));
                }
            }
        }
    }
    for (spec, want) in template::ACTIVE_ROWS_2021.iter().zip(&r.active) {
        match rep.active.as_ref().and_then(|t| t.row(spec.key)) {
            None => errors.push(format!("active.{} not read", spec.key)),
            Some(row) => {
                for (col, w) in want.iter().enumerate() {
                    if !ok(Some(*w), &row.cells[col].value) {
                        errors.push(format!(
                            "active.{}[{col}]: want {w}, read {:?}",
                            spec.key, row.cells[col].value
                        ));
                    }
                }
            }
        }
    }
    let sections: Vec<u8> = rep.sections.iter().map(|s| s.number).collect();
    if sections != [1, 2, 3, 4, 5, 6] {
        errors.push(format!("sections {sections:?}"));
    }
    // A clean layout gets no finding of the parser's making but the notices that name a
    // label read as a variant of a template row.
    for d in c
        .diagnostics
        .iter()
        .filter(|d| d.code.starts_with("P-") && d.code != "P-11")
    {
        errors.push(format!("{} {}", d.code, d.message.en));
    }
    if v.typos {
        let named: Vec<&str> = c
            .diagnostics
            .iter()
            .filter(|d| d.code == "P-11")
            .map(|d| d.message.zh.as_str())
            .collect();
        for typo in ["本年新受", "上年转结", "合计"] {
            if !named.iter().any(|m| m.contains(typo)) {
                errors.push(format!(
                    "no P-11 notice names the label written “{typo}”: {named:?}"
                ));
            }
        }
    }
    if c.diagnostics
        .iter()
        .any(|d| d.severity == nianbao::diagnostic::Severity::Error)
    {
        errors.push(format!(
            "errors on a consistent report: {:?}",
            c.diagnostics
                .iter()
                .filter(|d| d.severity == nianbao::diagnostic::Severity::Error)
                .map(|d| &d.message.en)
                .collect::<Vec<_>>()
        ));
    }
    errors
}

fn run(v: Variants, blanks: bool) {
    let mut failures = Vec::new();
    for seed in 0..12 {
        for layout in PORTAL_LAYOUTS {
            let errors = read_back(seed, layout, v, blanks);
            if !errors.is_empty() {
                failures.push(format!(
                    "seed {seed} {layout:?} {v:?} blanks {blanks}:\n  {}",
                    errors.join("\n  ")
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} failure(s):\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn portal_layouts_read_back() {
    run(Variants::default(), false);
}

#[test]
fn portal_layouts_with_blank_cells_read_back() {
    run(Variants::default(), true);
}

#[test]
fn label_variants_read_back_in_every_layout() {
    run(Variants::ALL, false);
}

#[test]
fn each_variant_alone() {
    for v in [
        Variants {
            typos: true,
            ..Default::default()
        },
        Variants {
            names: true,
            ..Default::default()
        },
        Variants {
            traditional: true,
            ..Default::default()
        },
        Variants {
            half_width: true,
            ..Default::default()
        },
    ] {
        run(v, true);
    }
}

#[test]
fn label_variants_in_html() {
    // The same variants in a Word-export HTML page (rowspans, colspans, spans in cells).
    let mut failures = Vec::new();
    for seed in 0..12 {
        let r = GenReport::new(seed);
        let html = common::gen::render(&r, common::gen::Layout::Html);
        for v in [
            Variants {
                typos: true,
                ..Default::default()
            },
            Variants {
                traditional: true,
                half_width: true,
                ..Default::default()
            },
            Variants::ALL,
        ] {
            let src = common::portal::apply_variants(&html, &v);
            assert_ne!(src, html, "{v:?} changes the page");
            let errors = check_back(&r, &src, KindOption::Html, v, false);
            if !errors.is_empty() {
                failures.push(format!(
                    "seed {seed} HTML {v:?}:\n  {}",
                    errors.join("\n  ")
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} failure(s):\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn a_layout_example_is_what_a_portal_shows() {
    // The shapes the generator must produce, as seen on real pages (wild 011, 014, 030, 037, 027).
    let r = GenReport::new(3);
    let cells = render_portal(
        &r,
        common::portal::PortalLayout::CellLines,
        &Variants::default(),
        false,
    );
    assert!(
        cells.contains("第二十条第（一）项 | |||\n"),
        "a caption row padded to the grid width"
    );
    assert!(cells.contains("行政许可 |\n"));
    let pipes = render_portal(
        &r,
        common::portal::PortalLayout::PipeRows,
        &Variants::default(),
        false,
    );
    assert!(
        pipes
            .lines()
            .any(|l| l.starts_with("一、本年新收政府信息公开申请数量 | ") && l.ends_with(" | ||")),
        "{pipes}"
    );
    let lone = render_portal(
        &r,
        common::portal::PortalLayout::LonePipeRows,
        &Variants::default(),
        false,
    );
    assert!(lone.contains("|\n规章 |\n"));
    let blank = render_portal(
        &r,
        common::portal::PortalLayout::BlankLines,
        &Variants::default(),
        true,
    );
    assert!(
        blank.contains("\n\n\n") && !blank.contains("\n\n\n\n"),
        "an empty cell is one more blank line"
    );
    let pdf = render_portal(
        &r,
        common::portal::PortalLayout::PdfText,
        &Variants::default(),
        false,
    );
    assert!(
        pdf.contains("自\n然\n人\n"),
        "header characters stacked one per line"
    );
    let names = render_portal(
        &r,
        common::portal::PortalLayout::PipeRows,
        &Variants {
            names: true,
            ..Default::default()
        },
        false,
    );
    assert!(
        names.contains("第二十一条第（一）项")
            && names.contains("第二十条  第（五）项")
            && names.contains("现行有效件数（历史累计）")
    );
}
