//! The year and the reporting body, read the way real reports state them.
//!
//! `tests/fixtures/meta/` holds short texts and pages written by hand in the style of real
//! portal pages, one for each way a report states its year (titles ending 年报, 年度报告,
//! 工作报告, 工作年度报告; 特向社会公布…, 现公布…, 由…编制的…; the statistics period in its
//! spellings, 截至…, lost digits; signals that disagree) or names its body (title, opening
//! sentence, signature block, page title, compiler, contact line, metadata field, subject,
//! account; self-references that are never a name; the fullest form of a name; words that are
//! not part of it). Beside each, `<file>.json` says what a reader takes from it:
//!
//! - `year`, `agency` (`null` where the page names no body): always checked;
//! - `source`: where the agency is read (`document.agencyEvidence.source`);
//! - `selfReference`: the self-reference seen when no name was (我局, 本机关…);
//! - `fullerFrom`: `true` when the name given is the fuller form found elsewhere;
//! - `s6`: whether the finding S-6 (the year's signals disagree) must be given or not;
//! - `published`, `title`: the publication date and the title, when the fixture is about them.

use nianbao::api::{self, CheckOptions, KindOption};
use serde_json::Value as Json;
use std::path::{Path, PathBuf};

fn fixtures() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/meta");
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt" || e == "html"))
        .collect();
    v.sort();
    v
}

fn str_or_null(v: Option<&str>) -> Json {
    v.map_or(Json::Null, |s| Json::String(s.to_string()))
}

#[test]
fn year_and_agency_as_reports_state_them() {
    let files = fixtures();
    assert!(
        files.len() >= 40,
        "one fixture per way of stating the year or agency"
    );
    let mut errors = Vec::new();
    for path in &files {
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let exp_path = PathBuf::from(format!("{}.json", path.display()));
        let Ok(exp) = std::fs::read_to_string(&exp_path) else {
            errors.push(format!(
                "{name}: add {name}.json with the expected year and agency"
            ));
            continue;
        };
        let exp: Json = serde_json::from_str(&exp).unwrap();
        let kind = if name.ends_with(".html") {
            KindOption::Html
        } else {
            KindOption::Text
        };
        let src = std::fs::read_to_string(path).unwrap();
        let c = api::check(
            &src,
            &CheckOptions {
                kind,
                ..Default::default()
            },
        );
        let r = c.report();
        let ev = &r.agency_evidence;
        let mut check = |what: &str, want: &Json, got: Json| {
            if *want != got {
                errors.push(format!("{name}: {what}: expected {want}, read {got}"));
            }
        };
        check("year", &exp["year"], r.year.map_or(Json::Null, Json::from));
        check("agency", &exp["agency"], str_or_null(r.agency.as_deref()));
        if let Some(want) = exp.get("source") {
            check("agencyEvidence.source", want, str_or_null(ev.source));
        }
        if exp["agency"].is_null() {
            // A page that names no body says so: no source, and the self-reference it saw.
            check("agencyEvidence.source", &Json::Null, str_or_null(ev.source));
        }
        if let Some(want) = exp.get("selfReference") {
            check(
                "agencyEvidence.selfReference",
                want,
                str_or_null(ev.self_reference.as_deref()),
            );
        }
        if let Some(want) = exp.get("fullerFrom") {
            check(
                "agencyEvidence.fullerFrom (given)",
                want,
                Json::Bool(ev.fuller_from.is_some()),
            );
        }
        if let Some(want) = exp.get("s6") {
            check(
                "S-6 given",
                want,
                Json::Bool(c.diagnostics.iter().any(|d| d.code == "S-6")),
            );
        }
        if let Some(want) = exp.get("published") {
            check("published", want, str_or_null(r.published.as_deref()));
        }
        if let Some(want) = exp.get("title") {
            check("title", want, str_or_null(r.title.as_deref()));
        }
    }
    assert!(
        errors.is_empty(),
        "{} mismatch(es) in tests/fixtures/meta:\n{}",
        errors.len(),
        errors.join("\n")
    );
}

/// The JSON contract carries the evidence (`document.agencyEvidence`) beside `yearEvidence`.
#[test]
fn agency_evidence_is_in_the_json() {
    let src = "根据《中华人民共和国政府信息公开条例》规定，现公布我局2022年政府信息公开工作年度报告。\n一、总体情况\n";
    let c = api::check(src, &CheckOptions::default());
    let j = api::to_json("x.txt", &c, nianbao::diagnostic::Lang::Zh);
    let ev = &j["document"]["agencyEvidence"];
    assert_eq!(j["document"]["agency"], Json::Null);
    assert_eq!(ev["selfReference"], "我局");
    assert_eq!(ev["source"], Json::Null);
    assert!(ev.get("words").is_some() && ev.get("fullerFrom").is_some());
    assert_eq!(j["document"]["yearEvidence"]["title"], 2022);
}
