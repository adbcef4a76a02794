//! Rule fixtures (biome-style): `tests/fixtures/rules/<CODE>/valid*.{txt,html}` must produce
//! nothing from that rule; `invalid*.{txt,html}` must produce it at the cells listed in the
//! sidecar `<file>.expect` (one `CODE table/row/column` or bare `CODE` per line). A report
//! named `<file>.previous.txt` or `.previous.html` beside a fixture is given as last year's.
//! Every rule in the registry must have all four kinds of fixture; whole outputs are
//! snapshotted.

use nianbao::api::{self, CheckOptions, KindOption};
use nianbao::diagnostic::{Diagnostic, Lang};
use nianbao::rules::registry::RULES;
use std::path::{Path, PathBuf};

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/rules")
}

fn fixtures(code: &str) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir().join(code))
        .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    v.retain(|p| {
        let name = p.file_name().unwrap().to_string_lossy().to_string();
        (name.ends_with(".txt") || name.ends_with(".html"))
            && !name.contains(".previous.")
            && (name.starts_with("valid") || name.starts_with("invalid"))
    });
    v.sort();
    v
}

fn run(path: &Path, lang: Lang) -> Vec<Diagnostic> {
    let src = std::fs::read_to_string(path).unwrap();
    let kind = if path.extension().is_some_and(|e| e == "html") {
        KindOption::Html
    } else {
        KindOption::Text
    };
    let stem = path.to_string_lossy().to_string();
    let previous = [".previous.txt", ".previous.html"]
        .iter()
        .map(|ext| {
            PathBuf::from(format!(
                "{}{ext}",
                stem.trim_end_matches(".txt").trim_end_matches(".html")
            ))
        })
        .find(|p| p.exists())
        .map(|p| std::fs::read_to_string(p).unwrap());
    api::check(
        &src,
        &CheckOptions {
            kind,
            lang,
            previous,
            ..Default::default()
        },
    )
    .diagnostics
}

fn cell_text(d: &Diagnostic) -> String {
    d.cell
        .as_ref()
        .map(|c| format!("{}/{}/{}", c.table.as_str(), c.row, c.column))
        .unwrap_or_default()
}

#[test]
fn every_rule_has_text_and_html_fixtures_both_ways() {
    let mut missing = Vec::new();
    for r in RULES.iter() {
        let code = r.meta().code;
        let files: Vec<String> = fixtures(code)
            .iter()
            .map(|p| p.file_name().unwrap().to_string_lossy().to_string())
            .collect();
        for (kind, ext) in [
            ("valid", ".txt"),
            ("valid", ".html"),
            ("invalid", ".txt"),
            ("invalid", ".html"),
        ] {
            if !files
                .iter()
                .any(|f| f.starts_with(kind) && f.ends_with(ext))
            {
                missing.push(format!("tests/fixtures/rules/{code}/{kind}{ext}"));
            }
        }
    }
    assert!(
        missing.is_empty(),
        "add these fixture files (see tests/rules.rs for the format):\n{}",
        missing.join("\n")
    );
}

#[test]
fn fixtures_produce_exactly_what_they_say() {
    let mut errors = Vec::new();
    for r in RULES.iter() {
        let code = r.meta().code;
        for path in fixtures(code) {
            let name = path.strip_prefix(dir()).unwrap().display().to_string();
            let diags = run(&path, Lang::Zh);
            let mine: Vec<&Diagnostic> = diags.iter().filter(|d| d.code == code).collect();
            let file = path.file_name().unwrap().to_string_lossy().to_string();
            if file.starts_with("valid") {
                for d in &mine {
                    errors.push(format!(
                        "{name}: valid fixture produced {code} {}: {}",
                        cell_text(d),
                        d.message.zh
                    ));
                }
            } else {
                let expect = PathBuf::from(format!("{}.expect", path.display()));
                let Ok(lines) = std::fs::read_to_string(&expect) else {
                    errors.push(format!(
                        "{name}: add {} listing the expected findings",
                        expect.strip_prefix(dir()).unwrap().display()
                    ));
                    continue;
                };
                if mine.is_empty() {
                    errors.push(format!("{name}: invalid fixture did not produce {code}"));
                }
                for line in lines
                    .lines()
                    .map(str::trim)
                    .filter(|l| !l.is_empty() && !l.starts_with('#'))
                {
                    let mut parts = line.split_whitespace();
                    let want_code = parts.next().unwrap();
                    let want_cell = parts.next();
                    let found = diags.iter().any(|d| {
                        d.code == want_code && want_cell.is_none_or(|c| cell_text(d) == c)
                    });
                    if !found {
                        let got: Vec<String> = diags
                            .iter()
                            .map(|d| format!("{} {}", d.code, cell_text(d)))
                            .collect();
                        errors.push(format!(
                            "{name}: expected `{line}`, got [{}]",
                            got.join(", ")
                        ));
                    }
                }
            }
        }
    }
    assert!(
        errors.is_empty(),
        "{} problem(s):\n{}",
        errors.len(),
        errors.join("\n")
    );
}

#[test]
fn every_rule_speaks_chinese_and_english() {
    let han = |s: &str| s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
    let latin = |s: &str| s.chars().filter(|c| c.is_ascii_alphabetic()).count() >= 3;
    let mut errors = Vec::new();
    for r in RULES.iter() {
        let m = r.meta();
        for (what, t) in [("summary", m.summary), ("what", m.what), ("why", m.why)] {
            if !han(t.zh) {
                errors.push(format!("{}: {what} has no Chinese text", m.code));
            }
            if !latin(t.en) {
                errors.push(format!("{}: {what} has no English text", m.code));
            }
        }
        // Every message the rule emits on its fixtures, in both languages.
        for path in fixtures(m.code) {
            for d in run(&path, Lang::Zh).iter().filter(|d| d.code == m.code) {
                if !han(&d.message.zh) || !latin(&d.message.en) {
                    errors.push(format!(
                        "{}: message not in both languages: {:?}",
                        m.code, d.message
                    ));
                }
                for n in &d.notes {
                    // Arithmetic ("20 + 0 ≠ 21 + 1") reads the same in both languages.
                    let neutral = n.zh == n.en && !han(&n.zh) && !latin(&n.en);
                    if !neutral && (!han(&n.zh) || !latin(&n.en)) {
                        errors.push(format!("{}: note not in both languages: {:?}", m.code, n));
                    }
                }
            }
        }
    }
    assert!(errors.is_empty(), "{}", errors.join("\n"));
}

#[test]
fn codes_and_names_are_unique_and_well_formed() {
    let mut codes = std::collections::HashSet::new();
    let mut names = std::collections::HashSet::new();
    for r in RULES.iter() {
        let m = r.meta();
        assert!(codes.insert(m.code), "duplicate code {}", m.code);
        assert!(names.insert(m.name), "duplicate name {}", m.name);
        assert!(
            m.code.starts_with(m.family.prefix())
                && m.code[m.family.prefix().len()..].starts_with('-'),
            "{} is not in family {:?}",
            m.code,
            m.family
        );
        assert!(
            m.name
                .chars()
                .all(|c| c.is_ascii_lowercase() || c == '-' || c.is_ascii_digit()),
            "{} is not kebab-case",
            m.name
        );
        assert!(!m.formats.is_empty(), "{} applies to no format", m.code);
    }
}

#[test]
fn whole_output_snapshots() {
    for r in RULES.iter() {
        for path in fixtures(r.meta().code) {
            let name = path
                .strip_prefix(dir())
                .unwrap()
                .display()
                .to_string()
                .replace(['/', '.'], "_");
            let src = std::fs::read_to_string(&path).unwrap();
            let kind = if path.extension().is_some_and(|e| e == "html") {
                KindOption::Html
            } else {
                KindOption::Text
            };
            let previous = None::<String>;
            let c = api::check(
                &src,
                &CheckOptions {
                    kind,
                    previous,
                    ..Default::default()
                },
            );
            let json = api::to_json(&path.file_name().unwrap().to_string_lossy(), &c, Lang::Zh);
            let compact: Vec<String> = json["diagnostics"]
                .as_array()
                .unwrap()
                .iter()
                .map(|d| {
                    format!(
                        "{} {}:{} {} {}",
                        d["code"].as_str().unwrap(),
                        d["line"],
                        d["column"],
                        d["cell"],
                        d["message"].as_str().unwrap()
                    )
                })
                .collect();
            insta::assert_snapshot!(name, compact.join("\n"));
        }
    }
}
