//! The JSON contract of `nianbao check --format json` (issue 2) is pinned here: field names,
//! row keys and exit codes are relied on by checks beyond this repository. Extend, never
//! rename.

use serde_json::Value;
use std::process::Command;

fn nianbao(args: &[&str]) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_nianbao"))
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).to_string(),
    )
}

fn corpus(rel: &str) -> String {
    format!("{}/../shared/corpus/{rel}", env!("CARGO_MANIFEST_DIR"))
}

const REQUEST_KEYS_2021: [&str; 25] = [
    "new",
    "carried_over",
    "granted",
    "partial",
    "denied_state_secret",
    "denied_prohibited_by_law",
    "denied_three_security_one_stability",
    "denied_third_party_rights",
    "denied_internal_affairs",
    "denied_process_information",
    "denied_enforcement_file",
    "denied_administrative_query",
    "unable_not_held",
    "unable_need_creation",
    "unable_unclear_after_correction",
    "rejected_petition_complaint",
    "rejected_duplicate",
    "rejected_publication",
    "rejected_massive_repeated",
    "rejected_confirm_or_reissue",
    "other_no_correction",
    "other_unpaid_fee",
    "other_other",
    "total",
    "carried_forward",
];

#[test]
fn json_lines_one_object_per_file_with_the_contract_fields() {
    let base = format!(
        "{}/tests/fixtures/rules/_base/report-2021.txt",
        env!("CARGO_MANIFEST_DIR")
    );
    let html = format!(
        "{}/tests/fixtures/rules/_base/report-2021.html",
        env!("CARGO_MANIFEST_DIR")
    );
    let (code, out) = nianbao(&["check", "--format", "json", &base, &html]);
    assert_eq!(code, 0, "a correct report exits 0");
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(
        lines.len(),
        2,
        "one JSON object per input file, one per line"
    );
    for line in lines {
        let j: Value = serde_json::from_str(line).unwrap();
        assert!(j["file"].is_string());
        let doc = &j["document"];
        assert_eq!(doc["format"], "2021");
        assert_eq!(doc["year"], 2023);
        assert_eq!(doc["title"], "示例区人民政府2023年政府信息公开工作年度报告");
        assert_eq!(doc["agency"], "示例区人民政府");
        let rows = j["tables"]["requests"]["rows"].as_object().unwrap();
        let keys: Vec<&str> = rows.keys().map(String::as_str).collect();
        let mut want = REQUEST_KEYS_2021.to_vec();
        want.sort();
        assert_eq!(keys, want);
        assert_eq!(
            rows["new"]["values"],
            serde_json::json!([10, 1, 0, 0, 1, 0, 12])
        );
        assert!(rows["new"]["label"].as_str().unwrap().contains("本年新收"));
        assert_eq!(
            rows["total"]["values"],
            serde_json::json!([11, 1, 0, 0, 1, 0, 13])
        );
        assert!(j["tables"]["requests"]["extraRows"].is_array());
        assert_eq!(
            j["tables"]["reviewLitigation"]["values"]
                .as_array()
                .unwrap()
                .len(),
            15
        );
        let active = j["tables"]["active"].as_object().unwrap();
        for k in [
            "regulations",
            "normative_documents",
            "licensing",
            "penalty",
            "coercion",
            "fees",
        ] {
            assert!(active[k]["values"].is_array(), "tables.active.{k}.values");
        }
        assert_eq!(
            active["normative_documents"]["values"],
            serde_json::json!([3, 1, 25])
        );
        assert_eq!(active["fees"]["values"], serde_json::json!([12.5]));
        assert!(j["diagnostics"].as_array().unwrap().is_empty());
        // What could not be checked, and the verdict (issue 15): extend, never rename.
        let summary = &j["summary"];
        for k in ["errors", "warnings", "notices", "needsReview"] {
            assert_eq!(summary[k], 0, "summary.{k}");
        }
        assert_eq!(summary["verdict"], "pass");
        assert_eq!(summary["unchecked"], serde_json::json!([]));
        assert_eq!(doc["isReport"], true);
        assert!(doc["cut"].is_null());
        assert!(doc["reportEvidence"].is_array());
        assert!(doc["agencyEvidence"].is_object());
    }
}

#[test]
fn diagnostics_carry_code_name_severity_message_position_and_cell() {
    let f = format!(
        "{}/tests/fixtures/rules/T3-3/invalid.txt",
        env!("CARGO_MANIFEST_DIR")
    );
    let (code, out) = nianbao(&["check", "--format", "json", &f]);
    assert_eq!(code, 1, "an error-severity finding exits 1");
    let j: Value = serde_json::from_str(out.lines().next().unwrap()).unwrap();
    let d = j["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["code"] == "T3-3")
        .expect("T3-3");
    assert_eq!(d["name"], "row-total-mismatch");
    assert_eq!(d["severity"], "error");
    assert_eq!(d["outcome"], "violation");
    assert!(d["message"].as_str().unwrap().contains("总计"));
    // Line and column (1-based; column in UTF-16 units) of the cell "8" in line 26.
    let src = std::fs::read_to_string(&f).unwrap();
    let line = src
        .lines()
        .position(|l| l.contains("（一）予以公开"))
        .unwrap()
        + 1;
    let text = src.lines().nth(line - 1).unwrap();
    let col = text[..text.rfind("| 8 |").unwrap() + 2]
        .encode_utf16()
        .count()
        + 1;
    assert_eq!(
        (
            d["line"].as_u64().unwrap() as usize,
            d["column"].as_u64().unwrap() as usize
        ),
        (line, col)
    );
    assert_eq!(
        d["cell"],
        serde_json::json!({"table": "requests", "row": "granted", "column": 6})
    );
    assert!(d["related"].is_array() && d["notes"].is_array());
}

#[test]
fn review_and_2019_rows_use_their_keys() {
    let (_, out) = nianbao(&[
        "check",
        "--format",
        "json",
        &corpus("reports/shanghai-office-2019.html"),
    ]);
    let j: Value = serde_json::from_str(out.lines().next().unwrap()).unwrap();
    assert_eq!(j["document"]["format"], "2019");
    let rows = j["tables"]["requests"]["rows"].as_object().unwrap();
    assert!(
        rows.contains_key("other") && !rows.contains_key("other_other"),
        "2019's single （六） row is `other`"
    );
    assert_eq!(
        rows["total"]["values"],
        serde_json::json!([767, 35, null, null, 2, 1, 805])
    );
    let active = j["tables"]["active"].as_object().unwrap();
    assert!(active.contains_key("other_services") && active.contains_key("procurement"));
    assert_eq!(j["tables"]["reviewLitigation"]["values"][4], 7);
}

#[test]
fn exit_codes() {
    let ok = format!(
        "{}/tests/fixtures/rules/_base/report-2021.txt",
        env!("CARGO_MANIFEST_DIR")
    );
    assert_eq!(nianbao(&["check", &ok]).0, 0);
    assert_eq!(
        nianbao(&["check", "/no/such/file.txt"]).0,
        2,
        "a bad path exits 2"
    );
    let (code, out) = nianbao(&["check", "--format", "json", "/no/such/file.txt"]);
    assert_eq!(code, 2);
    let j: Value = serde_json::from_str(out.lines().next().unwrap()).unwrap();
    assert!(j["error"].as_str().unwrap().contains("cannot read"));
    // Binary junk: a clear message, exit 2, never a panic.
    let dir = std::env::temp_dir().join(format!("nianbao-contract-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let png = dir.join("x.html");
    std::fs::write(&png, b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap();
    let empty = dir.join("empty.txt");
    std::fs::write(&empty, b"").unwrap();
    for f in [&png, &empty] {
        let out = Command::new(env!("CARGO_BIN_EXE_nianbao"))
            .args(["check", f.to_str().unwrap()])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2));
        assert!(!String::from_utf8_lossy(&out.stderr).contains("panicked"));
    }
    // A bad selector is refused before anything runs.
    assert_eq!(nianbao(&["check", "--select", "NOPE-9", &ok]).0, 2);
}

#[test]
fn rules_and_explain() {
    let (code, out) = nianbao(&["rules", "--format", "json"]);
    assert_eq!(code, 0);
    let rules: Value = serde_json::from_str(&out).unwrap();
    let codes: Vec<&str> = rules
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["code"].as_str().unwrap())
        .collect();
    for c in ["S-1", "T3-1", "T3-2", "T3-3", "T4-1", "P-3"] {
        assert!(codes.contains(&c), "{c} listed");
    }
    let (code, out) = nianbao(&["explain", "T3-2"]);
    assert_eq!(code, 0);
    assert!(out.starts_with("# T3-2 outcomes-total-mismatch"));
    let (code, out) = nianbao(&["explain", "row-total-mismatch", "--lang", "en"]);
    assert_eq!(code, 0);
    assert!(out.contains("What it checks"));
    assert_eq!(nianbao(&["explain", "Z-9"]).0, 2);
}

/// A finding on a row the report adds itself names it by the key its `extraRows` entry carries.
#[test]
fn findings_on_a_reports_own_rows_name_them_by_key() {
    let (_, out) = nianbao(&[
        "check",
        "--format",
        "json",
        &corpus("seeds/000_6a976b2651f86c68.txt"),
    ]);
    let j: Value = serde_json::from_str(out.lines().next().unwrap()).unwrap();
    let extra = j["tables"]["requests"]["extraRows"].as_array().unwrap();
    assert!(
        !extra.is_empty(),
        "seed 000 adds rows of its own to table 三"
    );
    for (i, e) in extra.iter().enumerate() {
        assert_eq!(e["key"], format!("extra:{i}"));
    }
    let on_extra: Vec<&Value> = j["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| {
            d["cell"]["row"]
                .as_str()
                .is_some_and(|r| r.starts_with("extra:"))
        })
        .collect();
    assert!(
        !on_extra.is_empty(),
        "T3-6 counts the report's own 申请人撤销申请 row"
    );
    for d in on_extra {
        let key = d["cell"]["row"].as_str().unwrap();
        assert!(
            extra.iter().any(|e| e["key"] == key),
            "{key} names an extra row"
        );
        assert!(!d["cell"]["row"].as_str().unwrap().is_empty());
    }
}
