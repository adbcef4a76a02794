//! The real cases of SPEC §10 behave as written there.

mod common;
use common::{check_path, corpus_path};
use nianbao::api::Checked;
use nianbao::diagnostic::Severity;
use std::path::Path;

fn case(name: &str) -> Checked {
    check_path(
        &Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/cases")
            .join(name),
    )
}

fn corpus(rel: &str) -> Checked {
    check_path(&corpus_path(rel))
}

fn arithmetic(c: &Checked) -> Vec<&nianbao::diagnostic::Diagnostic> {
    c.diagnostics
        .iter()
        .filter(|d| {
            d.code.starts_with("T3-") && !matches!(d.code, "T3-6" | "T3-7" | "T3-8" | "T3-9")
                || d.code.starts_with("T4-")
        })
        .collect()
}

/// §10.2: Pingtan 2020 — outcome rows add up to 27 (自然人 26) against a total of 21 (20).
#[test]
fn pingtan_2020_fails_t3_2_in_the_natural_person_column_only() {
    for name in ["pingtan-2020-glued.txt", "pingtan-2020-tabs.txt"] {
        let c = case(name);
        let a = arithmetic(&c);
        assert_eq!(
            a.len(),
            1,
            "{name}: {:?}",
            a.iter().map(|d| &d.message.en).collect::<Vec<_>>()
        );
        let d = a[0];
        assert_eq!((d.code, d.severity), ("T3-2", Severity::Error));
        let cell = d.cell.as_ref().unwrap();
        assert_eq!((cell.row.as_str(), cell.column), ("total", 0), "{name}");
        assert!(
            d.message.zh.contains("26") && d.message.zh.contains("20"),
            "{}",
            d.message.zh
        );
        // The 总计 column (27 ≠ 21) is told as the same cause.
        assert!(
            d.related
                .iter()
                .any(|r| r.cell.as_ref().is_some_and(|c| c.column == 6)
                    && r.message.zh.contains("27")),
            "{name}: {:?}",
            d.related
        );
        // T3-1 holds: 21 + 0 = 21 + 0.
        assert!(!c.diagnostics.iter().any(|d| d.code == "T3-1"));
    }
}

/// §10.3: Shanghai 2019 — blank totals: S-3, and no arithmetic error where only blanks are involved.
#[test]
fn shanghai_2019_blank_totals_are_reported_once_and_not_as_arithmetic() {
    let c = corpus("reports/shanghai-office-2019.html");
    let s3: Vec<_> = c.diagnostics.iter().filter(|d| d.code == "S-3").collect();
    assert_eq!(
        s3.iter()
            .filter(|d| d
                .cell
                .as_ref()
                .is_some_and(|c| c.table == nianbao::model::TableId::Requests))
            .count(),
        1,
        "S-3 once for table 三"
    );
    assert!(
        arithmetic(&c).is_empty(),
        "{:?}",
        arithmetic(&c)
            .iter()
            .map(|d| &d.message.en)
            .collect::<Vec<_>>()
    );
    // Its narrative mismatches (§7.3): 258 vs 275 disclosed, 265 vs 337 unable to provide.
    let x5 = c.diagnostics.iter().find(|d| d.code == "X-5").expect("X-5");
    assert!(
        x5.message.zh.contains("258") && x5.message.zh.contains("275"),
        "{}",
        x5.message.zh
    );
    let x6 = c.diagnostics.iter().find(|d| d.code == "X-6").expect("X-6");
    assert!(
        x6.message.zh.contains("265") && x6.message.zh.contains("337"),
        "{}",
        x6.message.zh
    );
}

/// §10.1/§10.5/§7.3: the correct reports get no error at all.
#[test]
fn correct_reports_get_no_error() {
    for rel in [
        "seeds/000_6a976b2651f86c68.txt",
        "seeds/001_2de537dbf11b8123.txt",
        "seeds/004_046dc01fb9bbe87a.txt",
        "reports/pingtan-2019.txt",
        "reports/pingtan-2021.txt",
        "reports/pingtan-2022.txt",
        "reports/pingtan-2022.html",
        "reports/pingtan-2025.txt",
        "reports/huaian-2024.txt",
    ] {
        let c = corpus(rel);
        let errors: Vec<_> = c
            .diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .map(|d| format!("{} {}", d.code, d.message.en))
            .collect();
        assert!(errors.is_empty(), "{rel}: {errors:?}");
    }
}
