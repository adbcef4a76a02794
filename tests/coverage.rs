//! Never "passing" when nothing could be checked (issue 15): a report whose tables were
//! published as images, a text that is not a report, a report cut short or pasted in part.
//! The CLI's JSON says what could not be checked (`summary.verdict`, `summary.unchecked`),
//! its text output says so in words, and none of them says it passes.

mod common;
use serde_json::Value;
use std::process::Command;

fn fixture(name: &str) -> String {
    format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"))
}

fn json(path: &str) -> (i32, Value) {
    let out = Command::new(env!("CARGO_BIN_EXE_nianbao"))
        .args(["check", "--format", "json", path])
        .output()
        .unwrap();
    (
        out.status.code().unwrap(),
        serde_json::from_slice(&out.stdout).unwrap(),
    )
}

fn text(path: &str, lang: &str) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_nianbao"))
        .args(["check", "--lang", lang, path])
        .output()
        .unwrap();
    String::from_utf8(out.stdout).unwrap()
}

fn unchecked(j: &Value) -> Vec<(String, String)> {
    j["summary"]["unchecked"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| {
            (
                u["part"].as_str().unwrap().to_string(),
                u["reason"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[test]
fn tables_published_as_images_are_not_checked_and_say_so() {
    // Hand-written pages in the style of a real one, and the seed whose tables are infographics.
    let seed = common::corpus_path("seeds/002_ed70c1a3421d292a.txt")
        .display()
        .to_string();
    for path in [
        fixture("coverage/images.txt"),
        fixture("coverage/images.html"),
        seed,
    ] {
        let f = &path;
        let (code, j) = json(&path);
        assert_eq!(code, 0, "{f}: no error-severity finding");
        assert_eq!(j["summary"]["verdict"], "incomplete", "{f}");
        let parts = unchecked(&j);
        for t in ["active", "requests", "reviewLitigation"] {
            assert!(
                parts.iter().any(|(p, r)| p == t && r == "notFound"),
                "{f}: {t} listed as not checked: {parts:?}"
            );
        }
        // Each table's absence is a finding that asks a person to look (it may be an image).
        let p1: Vec<&Value> = j["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|d| d["code"] == "P-1")
            .collect();
        assert_eq!(p1.len(), 3, "{f}");
        assert!(
            p1.iter()
                .all(|d| d["outcome"] == "needsReview" && d["severity"] == "warning"),
            "{f}: {p1:?}"
        );
        let zh = text(&path, "zh");
        assert!(
            zh.contains("未能检查") && zh.contains("结论: 未发现错误，但有部分内容未能检查"),
            "{f}:\n{zh}"
        );
        assert!(!zh.contains("通过全部检查"), "{f}:\n{zh}");
        let en = text(&path, "en");
        assert!(
            en.contains("not checked") && !en.contains("passes every check"),
            "{f}:\n{en}"
        );
    }
}

#[test]
fn a_text_that_is_not_a_report_says_so() {
    for f in ["coverage/news.txt", "coverage/news.html"] {
        let (code, j) = json(&fixture(f));
        assert_eq!(code, 0, "{f}");
        assert_eq!(j["summary"]["verdict"], "notReport", "{f}");
        assert_eq!(j["document"]["isReport"], false, "{f}");
        assert_eq!(j["document"]["format"], "unknown", "{f}");
        let codes: Vec<&str> = j["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| d["code"].as_str().unwrap())
            .collect();
        assert_eq!(
            codes,
            ["P-9"],
            "{f}: only the finding that it is not a report"
        );
        let zh = text(&fixture(f), "zh");
        assert!(
            zh.contains("不是年度报告") && !zh.contains("通过全部检查"),
            "{f}:\n{zh}"
        );
    }
}

#[test]
fn a_report_whose_tables_were_read_passes() {
    for f in [
        "rules/_base/report-2021.txt",
        "rules/_base/report-2021.html",
    ] {
        let (code, j) = json(&fixture(f));
        assert_eq!(code, 0);
        assert_eq!(j["summary"]["verdict"], "pass", "{f}");
        assert!(unchecked(&j).is_empty(), "{f}");
        assert_eq!(j["document"]["isReport"], true);
        assert!(j["document"]["cut"].is_null());
        assert!(text(&fixture(f), "zh").contains("结论: 通过全部检查"));
    }
}

#[test]
fn a_report_cut_inside_table_3_is_read_up_to_the_cut() {
    for f in ["rules/P-10/invalid.txt", "rules/P-10/invalid.html"] {
        let (code, j) = json(&fixture(f));
        assert_eq!(code, 0, "{f}: a cut is not an error of the report");
        assert_eq!(j["summary"]["verdict"], "incomplete", "{f}");
        assert_eq!(j["document"]["cut"]["table"], "requests", "{f}");
        // The rows before the cut are read.
        let rows = &j["tables"]["requests"]["rows"];
        assert_eq!(
            rows["new"]["values"],
            serde_json::json!([10, 1, 0, 0, 1, 0, 12]),
            "{f}"
        );
        assert_eq!(
            rows["denied_internal_affairs"]["values"],
            serde_json::json!([0, 0, 0, 0, 0, 0, 0]),
            "{f}"
        );
        // The identities that need the missing rows are listed as not checked, and nothing
        // after the cut is reported missing.
        let u = &j["summary"]["unchecked"];
        let t3: Vec<&Value> = u
            .as_array()
            .unwrap()
            .iter()
            .filter(|x| x["part"] == "requests")
            .collect();
        assert!(
            t3.iter()
                .any(|x| x["rules"].as_array().unwrap().iter().any(|r| r == "T3-1")),
            "{f}: {u}"
        );
        assert!(
            unchecked(&j).contains(&("reviewLitigation".into(), "cut".into())),
            "{f}: {u}"
        );
        let codes: Vec<&str> = j["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| d["code"].as_str().unwrap())
            .collect();
        assert!(
            codes.contains(&"P-10") && codes.contains(&"P-2"),
            "{f}: {codes:?}"
        );
        assert!(
            !codes
                .iter()
                .any(|c| ["S-1", "P-1", "T3-1", "T3-2"].contains(c)),
            "{f}: {codes:?}"
        );
    }
}

#[test]
fn a_second_report_in_the_same_file_is_checked_too() {
    for f in ["rules/P-15/invalid.txt", "rules/P-15/invalid.html"] {
        let (code, j) = json(&fixture(f));
        assert_eq!(code, 1, "{f}: the error in the second copy fails the file");
        assert_eq!(j["summary"]["verdict"], "fail", "{f}");
        let reports = j["reports"].as_array().unwrap();
        assert_eq!(reports.len(), 1, "{f}");
        assert_eq!(reports[0]["index"], 2);
        assert_eq!(reports[0]["identical"], false);
        assert_eq!(reports[0]["summary"]["verdict"], "fail", "{f}");
        assert_eq!(
            reports[0]["tables"]["requests"]["rows"]["new"]["values"][0], 11,
            "{f}: the second copy's own table"
        );
        assert_eq!(
            j["tables"]["requests"]["rows"]["new"]["values"][0], 10,
            "{f}: the first copy's table"
        );
        let t31: Vec<&Value> = j["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|d| d["code"] == "T3-1")
            .collect();
        assert_eq!(t31.len(), 1, "{f}");
        assert_eq!(t31[0]["report"], 2, "{f}: the finding says which report");
        assert!(
            t31[0]["message"]
                .as_str()
                .unwrap()
                .starts_with("第2份报告："),
            "{f}"
        );
        // Its position is in the second copy, in the whole input.
        assert!(
            t31[0]["offset"].as_u64().unwrap() >= reports[0]["offset"].as_u64().unwrap(),
            "{f}"
        );
    }
    // A copy identical to the first (a page and its print version) is checked once.
    let dir = std::env::temp_dir().join(format!("nianbao-twice-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let base = std::fs::read_to_string(fixture("rules/_base/report-2021.txt")).unwrap();
    let twice = dir.join("twice.txt");
    std::fs::write(&twice, format!("{base}\n{base}")).unwrap();
    let (code, j) = json(twice.to_str().unwrap());
    assert_eq!(code, 0);
    assert_eq!(j["summary"]["verdict"], "pass");
    assert_eq!(j["reports"][0]["identical"], true);
    let codes: Vec<&str> = j["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["code"].as_str().unwrap())
        .collect();
    assert_eq!(codes, ["P-15"], "only the notice that it is there twice");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn a_table_pasted_on_its_own_is_read_and_checked_without_false_errors() {
    // Only table 三 of a report, copied from a page: its rows are read and its identities checked;
    // the sections and tables that are not in the text are listed as not checked, never missing.
    let (code, j) = json(&fixture("coverage/table3-only.txt"));
    assert_eq!(code, 0);
    assert_eq!(j["summary"]["verdict"], "incomplete");
    assert_eq!(
        j["tables"]["requests"]["rows"].as_object().unwrap().len(),
        25,
        "every row of table 三"
    );
    let codes: Vec<&str> = j["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["code"].as_str().unwrap())
        .collect();
    assert!(
        !codes.iter().any(|c| ["S-1", "P-1", "P-2"].contains(c)),
        "{codes:?}"
    );
    let parts = unchecked(&j);
    assert!(
        parts.contains(&("sections".into(), "notInText".into())),
        "{parts:?}"
    );
    assert!(
        parts.contains(&("active".into(), "notInText".into())),
        "{parts:?}"
    );
    assert!(
        !parts.iter().any(|(p, _)| p == "requests"),
        "table 三 itself was checked in full: {parts:?}"
    );
}

#[test]
fn a_report_cut_inside_table_4_keeps_the_values_it_has() {
    // Never "not found" when the table's numbers are on the page: the eight values before the
    // cut are read, the first group's identity is checked, the rest are listed as not checked.
    let (code, j) = json(&fixture("coverage/cut-in-table4.txt"));
    assert_eq!(code, 0);
    assert_eq!(j["document"]["cut"]["table"], "reviewLitigation");
    let values = j["tables"]["reviewLitigation"]["values"]
        .as_array()
        .unwrap();
    assert_eq!(values.len(), 15);
    assert!(
        values[..8].iter().all(|v| v == 0) && values[8..].iter().all(Value::is_null),
        "{values:?}"
    );
    let t4: Vec<&Value> = j["summary"]["unchecked"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|u| u["part"] == "reviewLitigation")
        .collect();
    assert_eq!(t4.len(), 1);
    assert_eq!(t4[0]["reason"], "cut");
    assert_eq!(
        t4[0]["rules"],
        serde_json::json!(["T4-2", "T4-3"]),
        "T4-1 could be checked on the values read"
    );
    let codes: Vec<&str> = j["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["code"].as_str().unwrap())
        .collect();
    assert!(
        !codes.contains(&"P-1") && !codes.contains(&"S-1"),
        "{codes:?}"
    );
}
