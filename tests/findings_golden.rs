//! The findings on every report of `../shared/corpus/` (seeds, reports, excerpts and the wild
//! openings), as the JSON contract gives them: code, severity, outcome, position, cell, message,
//! related locations, fix, and the summary. A change to the structure must leave these the same
//! (issue 17: "the findings on every corpus report are the same before and after"); a change to
//! what is checked shows up here as a diff to review (`INSTA_UPDATE=always cargo test --test
//! findings_golden`, then read it).

mod common;
use nianbao::diagnostic::Lang;
use serde_json::Value;
use std::fmt::Write;

fn files() -> Vec<String> {
    let mut out = Vec::new();
    for dir in ["seeds", "reports", "excerpts", "wild"] {
        let mut v: Vec<String> = std::fs::read_dir(common::corpus_path(dir))
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".txt") || n.ends_with(".html"))
            .map(|n| format!("{dir}/{n}"))
            .collect();
        v.sort();
        out.extend(v);
    }
    out
}

fn cell(v: &Value) -> String {
    if v.is_null() {
        return String::new();
    }
    format!(
        " {}/{}/{}",
        v["table"].as_str().unwrap_or(""),
        v["row"].as_str().unwrap_or(""),
        v["column"]
    )
}

fn findings(rel: &str) -> String {
    let c = common::check_path(&common::corpus_path(rel));
    let j = nianbao::api::to_json(rel, &c, Lang::Zh);
    let mut s = String::new();
    let doc = &j["document"];
    let _ = writeln!(
        s,
        "document: {} {} {}",
        doc["format"], doc["year"], doc["agency"]
    );
    for d in j["diagnostics"].as_array().unwrap() {
        let _ = writeln!(
            s,
            "{} {} {} {}:{}{}{} {}",
            d["code"].as_str().unwrap(),
            d["severity"].as_str().unwrap(),
            d["outcome"].as_str().unwrap(),
            d["line"],
            d["column"],
            cell(&d["cell"]),
            d.get("report")
                .map(|r| format!(" report {r}"))
                .unwrap_or_default(),
            d["message"].as_str().unwrap()
        );
        for r in d["related"].as_array().unwrap() {
            let _ = writeln!(
                s,
                "    related {}:{}{} {}",
                r["line"],
                r["column"],
                cell(&r["cell"]),
                r["message"].as_str().unwrap()
            );
        }
        for n in d["notes"].as_array().unwrap() {
            let _ = writeln!(s, "    note {}", n.as_str().unwrap());
        }
        if !d["fix"].is_null() {
            let _ = writeln!(
                s,
                "    fix {} → {}",
                d["fix"]["message"].as_str().unwrap(),
                d["fix"]["replacement"]
            );
        }
    }
    let sm = &j["summary"];
    let _ = writeln!(
        s,
        "summary: {} errors, {} warnings, {} notices, {} to review; {}",
        sm["errors"], sm["warnings"], sm["notices"], sm["needsReview"], sm["verdict"]
    );
    for u in sm["unchecked"].as_array().unwrap() {
        let _ = writeln!(
            s,
            "unchecked {} {} {}: {}",
            u["part"].as_str().unwrap(),
            u["reason"].as_str().unwrap(),
            u["rules"],
            u["message"].as_str().unwrap()
        );
    }
    s
}

#[test]
fn findings_on_every_corpus_report() {
    let files = files();
    assert!(
        files.len() >= 117,
        "the corpus and the wild openings ({} files)",
        files.len()
    );
    for rel in files {
        let name = rel.replace(['/', '.'], "_");
        insta::assert_snapshot!(name, findings(&rel));
    }
}
