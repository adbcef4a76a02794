//! A generated report in every layout parses back to the same numbers.

mod common;
use common::gen::{render, GenReport, Layout, LAYOUTS};
use nianbao::api::{self, CheckOptions, KindOption};
use nianbao::model::Value;
use nianbao::template::{self, Format};

fn read_back(r: &GenReport, layout: Layout) -> Vec<String> {
    let src = render(r, layout);
    let kind = if layout == Layout::Html {
        KindOption::Html
    } else {
        KindOption::Text
    };
    let c = api::check(
        &src,
        &CheckOptions {
            kind,
            ..Default::default()
        },
    );
    let rep = c.report();
    let mut errors = Vec::new();
    if rep.format != Format::F2021 {
        errors.push(format!("format {:?}", rep.format));
    }
    if rep.year != Some(r.year) {
        errors.push(format!("year {:?} ≠ {}", rep.year, r.year));
    }
    let matches = |want: u64, v: &Value, ambiguous_ok: bool| match v {
        Value::Number { value, .. } => *value == want as f64,
        Value::Ambiguous { candidates } => ambiguous_ok && candidates.contains(&(want as f64)),
        _ => false,
    };
    let glued = layout == Layout::Glued;
    for (spec, want) in template::request_rows(Format::F2021).zip(&r.requests) {
        match rep.requests.as_ref().and_then(|t| t.row(spec.key)) {
            None => errors.push(format!("requests.{} missing", spec.key)),
            Some(row) => {
                for (c, w) in want.iter().enumerate() {
                    if !matches(*w, &row.cells[c].value, glued) {
                        errors.push(format!(
                            "requests.{}[{c}]: want {w}, read {:?}",
                            spec.key, row.cells[c].value
                        ));
                    }
                }
            }
        }
    }
    match &rep.review {
        None => errors.push("review missing".into()),
        Some(t) => {
            for (c, w) in r.review.iter().enumerate() {
                if !matches(*w, &t.row.cells[c].value, glued) {
                    errors.push(format!(
                        "review[{c}]: want {w}, read {:?}",
                        t.row.cells[c].value
                    ));
                }
            }
        }
    }
    for (spec, want) in template::ACTIVE_ROWS_2021.iter().zip(&r.active) {
        match rep.active.as_ref().and_then(|t| t.row(spec.key)) {
            None => errors.push(format!("active.{} missing", spec.key)),
            Some(row) => {
                for (c, w) in want.iter().enumerate() {
                    if !matches(*w, &row.cells[c].value, glued) {
                        errors.push(format!(
                            "active.{}[{c}]: want {w}, read {:?}",
                            spec.key, row.cells[c].value
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
    // Ambiguity is always said.
    if glued
        && rep
            .requests
            .iter()
            .flat_map(|t| &t.rows)
            .any(|r| !r.candidates.is_empty())
        && !c.diagnostics.iter().any(|d| d.code == "P-3")
    {
        errors.push("ambiguous rows without P-3".into());
    }
    if !glued && c.diagnostics.iter().any(|d| d.code.starts_with("P-")) {
        errors.push(format!(
            "parser findings on a clean layout: {:?}",
            c.diagnostics
                .iter()
                .map(|d| &d.message.en)
                .collect::<Vec<_>>()
        ));
    }
    errors
}

#[test]
fn every_layout_parses_back() {
    let mut failures = Vec::new();
    for seed in 0..40 {
        let r = GenReport::new(seed);
        for layout in LAYOUTS {
            let errors = read_back(&r, layout);
            if !errors.is_empty() {
                failures.push(format!(
                    "seed {seed} {layout:?}:\n  {}",
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
fn the_check_can_fail() {
    // A report whose rendering is altered after generation must not read back as generated.
    let mut r = GenReport::new(7);
    let src = render(&r, Layout::Pipes);
    r.requests[0][0] += 1;
    let c = api::check(
        &src,
        &CheckOptions {
            kind: KindOption::Text,
            ..Default::default()
        },
    );
    assert_ne!(
        c.report().requests.as_ref().unwrap().rows[0].cells[0].number(),
        Some(r.requests[0][0] as f64)
    );
    assert!(!read_back_from(&src, &r).is_empty());
}

fn read_back_from(src: &str, r: &GenReport) -> Vec<String> {
    let c = api::check(
        src,
        &CheckOptions {
            kind: KindOption::Text,
            ..Default::default()
        },
    );
    let row = c.report().requests.as_ref().unwrap().row("new").unwrap();
    (0..7)
        .filter(|&i| row.cells[i].number() != Some(r.requests[0][i] as f64))
        .map(|i| format!("new[{i}]"))
        .collect()
}
