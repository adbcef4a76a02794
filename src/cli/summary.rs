//! What a batch run adds up: the closing summary (files, input and report formats, reports
//! passing, findings per rule) and the CSV table with one row per file.

use std::collections::BTreeMap;

/// What one file contributed to the summary.
#[derive(Clone, Debug)]
pub struct Record {
    /// The name as printed (the path as given or found).
    pub file: String,
    /// `txt`, `html`, `htm`, `docx`, `stdin` or another extension in lower case.
    pub input: String,
    pub outcome: Outcome,
}

#[derive(Clone, Debug)]
pub enum Outcome {
    /// The file was read and checked.
    Checked(Box<CheckedFile>),
    /// The file could not be read or checked; the message is bilingual.
    Failed(String),
}

#[derive(Clone, Debug)]
pub struct CheckedFile {
    pub agency: Option<String>,
    pub year: Option<i32>,
    /// `2021`, `2019`, `pre2019`, `unknown`.
    pub format: &'static str,
    pub encoding: &'static str,
    pub errors: usize,
    pub warnings: usize,
    pub notices: usize,
    /// Every finding: (code, name, severity).
    pub findings: Vec<(String, String, &'static str)>,
    /// `pass`, `fail`, `incomplete` or `notReport` (the JSON contract's `summary.verdict`).
    pub verdict: &'static str,
    /// What could not be checked, one bilingual line each.
    pub unchecked: Vec<String>,
}

impl CheckedFile {
    /// The codes of the error- and warning-severity findings, errors first, most frequent first:
    /// `T3-3×2 T3-2 T4-1`.
    pub fn main_codes(&self) -> String {
        let mut counts: BTreeMap<(u8, &str), usize> = BTreeMap::new();
        for (code, _, sev) in &self.findings {
            let rank = match *sev {
                "error" => 0,
                "warning" => 1,
                _ => continue,
            };
            *counts.entry((rank, code.as_str())).or_default() += 1;
        }
        let mut v: Vec<_> = counts.into_iter().collect();
        v.sort_by(|((ra, ca), na), ((rb, cb), nb)| {
            ra.cmp(rb).then(nb.cmp(na)).then_with(|| code_order(ca, cb))
        });
        v.iter()
            .map(|((_, code), n)| {
                if *n > 1 {
                    format!("{code}×{n}")
                } else {
                    code.to_string()
                }
            })
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// Rule codes in their natural order: family, then number (`T3-2` before `T3-10`).
fn code_order(a: &str, b: &str) -> std::cmp::Ordering {
    fn key(c: &str) -> (&str, u32, &str) {
        match c.rsplit_once('-') {
            Some((fam, n)) => match n.parse() {
                Ok(n) => (fam, n, ""),
                Err(_) => (fam, u32::MAX, n),
            },
            None => (c, 0, ""),
        }
    }
    key(a).cmp(&key(b))
}

/// Totals over a run.
#[derive(Default, Debug)]
pub struct Totals {
    pub files: usize,
    pub failed: usize,
    /// Reports with no error whose every part was checked.
    pub passing: usize,
    /// Reports with no error but parts that could not be checked.
    pub incomplete: usize,
    /// Texts that are not annual reports.
    pub not_report: usize,
    pub inputs: BTreeMap<String, usize>,
    pub formats: BTreeMap<&'static str, usize>,
    /// code → (name, severity, findings, files)
    pub rules: BTreeMap<String, (String, &'static str, usize, usize)>,
    /// Symbolic links met in folders and not followed (their paths as printed).
    pub skipped_links: Vec<String>,
}

/// Most skipped links named in the summary (the notices before it name every one).
const SKIPPED_SHOWN: usize = 10;

impl Totals {
    pub fn add(&mut self, r: &Record) {
        self.files += 1;
        *self.inputs.entry(r.input.clone()).or_default() += 1;
        match &r.outcome {
            Outcome::Failed(_) => self.failed += 1,
            Outcome::Checked(c) => {
                match c.verdict {
                    "pass" => self.passing += 1,
                    "incomplete" => self.incomplete += 1,
                    "notReport" => self.not_report += 1,
                    _ => {}
                }
                *self.formats.entry(c.format).or_default() += 1;
                let mut seen: Vec<&str> = Vec::new();
                for (code, name, sev) in &c.findings {
                    let e = self
                        .rules
                        .entry(code.clone())
                        .or_insert_with(|| (name.clone(), *sev, 0, 0));
                    e.2 += 1;
                    if !seen.contains(&code.as_str()) {
                        seen.push(code);
                        e.3 += 1;
                    }
                }
            }
        }
    }

    /// The closing summary, for people (`中文 / English`).
    pub fn render(&self) -> String {
        use std::fmt::Write as _;
        let mut out = String::new();
        let checked = self.files - self.failed;
        let _ = writeln!(out, "── 汇总 / summary ──");
        let inputs: Vec<String> = self
            .inputs
            .iter()
            .map(|(k, n)| format!("{k} {n}"))
            .collect();
        let _ = writeln!(out, "文件 / files: {} ({})", self.files, inputs.join(", "));
        if self.failed > 0 {
            let _ = writeln!(
                out,
                "无法读取或检查 / could not be read or checked: {}",
                self.failed
            );
        }
        if !self.skipped_links.is_empty() {
            let n = self.skipped_links.len();
            let _ = writeln!(
                out,
                "跳过的符号链接（文件夹中的链接不跟随，要检查请直接给出目标）/ symbolic links skipped (links in folders are not followed; name the target to check it): {n}"
            );
            for p in self.skipped_links.iter().take(SKIPPED_SHOWN) {
                let _ = writeln!(out, "  {p}");
            }
            if n > SKIPPED_SHOWN {
                let _ = writeln!(
                    out,
                    "  …另有 {} 个 / … and {} more",
                    n - SKIPPED_SHOWN,
                    n - SKIPPED_SHOWN
                );
            }
        }
        // The formats in a fixed order, then any other.
        let mut formats: Vec<String> = Vec::new();
        for f in ["2021", "2019", "pre2019", "unknown"] {
            if let Some(n) = self.formats.get(f) {
                formats.push(format!("{f} {n}"));
            }
        }
        for (f, n) in &self.formats {
            if !["2021", "2019", "pre2019", "unknown"].contains(f) {
                formats.push(format!("{f} {n}"));
            }
        }
        if !formats.is_empty() {
            let _ = writeln!(out, "报告格式 / report formats: {}", formats.join(", "));
        }
        let _ = writeln!(
            out,
            "通过（无错误且全部已检查）/ passing (no error, every part checked): {} / {checked}",
            self.passing
        );
        if self.incomplete > 0 {
            let _ = writeln!(
                out,
                "未发现错误但有部分未能检查 / no error but not every part checked: {}",
                self.incomplete
            );
        }
        if self.not_report > 0 {
            let _ = writeln!(
                out,
                "不是年度报告，未作检查 / not an annual report, not checked: {}",
                self.not_report
            );
        }
        if self.rules.is_empty() {
            let _ = writeln!(out, "未发现问题 / no findings");
        } else {
            let total: usize = self.rules.values().map(|r| r.2).sum();
            let _ = writeln!(out, "各规则问题数 / findings per rule ({total}):");
            let mut rows: Vec<_> = self.rules.iter().collect();
            rows.sort_by(|(ca, a), (cb, b)| b.2.cmp(&a.2).then_with(|| code_order(ca, cb)));
            let w = rows
                .iter()
                .map(|(c, r)| c.len() + 1 + r.0.len())
                .max()
                .unwrap_or(0);
            for (code, (name, sev, n, files)) in rows {
                let label = format!("{code} {name}");
                let _ = writeln!(out, "  {label:<w$}  {sev:<7}  {n:>6} 处，涉及 {files} 个文件 / {n} findings in {files} files");
            }
        }
        out
    }
}

pub const CSV_HEADER: [&str; 13] = [
    "文件/file",
    "机关/agency",
    "年度/year",
    "格式/format",
    "输入/input",
    "编码/encoding",
    "错误/errors",
    "警告/warnings",
    "提示/notices",
    "主要问题/main codes",
    "读取失败/failure",
    "结论/verdict",
    "未能检查/not checked",
];

/// The start of the CSV table: a UTF-8 byte order mark (so that Excel reads the Chinese text)
/// and the bilingual header.
pub fn csv_header() -> String {
    format!("\u{feff}{}", csv_line(&CSV_HEADER))
}

/// One file's row of the CSV table.
pub fn csv_row(r: &Record) -> String {
    let row: [String; 13] = match &r.outcome {
        Outcome::Checked(c) => [
            r.file.clone(),
            c.agency.clone().unwrap_or_default(),
            c.year.map(|y| y.to_string()).unwrap_or_default(),
            c.format.to_string(),
            r.input.clone(),
            c.encoding.to_string(),
            c.errors.to_string(),
            c.warnings.to_string(),
            c.notices.to_string(),
            c.main_codes(),
            String::new(),
            c.verdict.to_string(),
            c.unchecked.join("；"),
        ],
        Outcome::Failed(msg) => {
            let mut row: [String; 13] = Default::default();
            row[0] = r.file.clone();
            row[4] = r.input.clone();
            row[10] = msg.clone();
            row
        }
    };
    csv_line(&row)
}

fn csv_line<S: AsRef<[u8]>>(fields: &[S]) -> String {
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    // Writing to a Vec cannot fail, and the fields are UTF-8.
    let _ = w.write_record(fields);
    let bytes = w.into_inner().unwrap_or_default();
    String::from_utf8(bytes).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(findings: &[(&str, &'static str)]) -> CheckedFile {
        CheckedFile {
            agency: Some("示例区人民政府".into()),
            year: Some(2023),
            format: "2021",
            encoding: "UTF-8",
            errors: findings.iter().filter(|f| f.1 == "error").count(),
            warnings: findings.iter().filter(|f| f.1 == "warning").count(),
            notices: findings.iter().filter(|f| f.1 == "notice").count(),
            findings: findings
                .iter()
                .map(|(c, s)| (c.to_string(), format!("name-of-{c}"), *s))
                .collect(),
            verdict: if findings.iter().any(|f| f.1 == "error") {
                "fail"
            } else {
                "pass"
            },
            unchecked: Vec::new(),
        }
    }

    #[test]
    fn main_codes_errors_first_then_by_count_then_code() {
        let f = file(&[
            ("T4-1", "warning"),
            ("T3-10", "error"),
            ("T3-2", "error"),
            ("T3-10", "error"),
            ("P-3", "notice"),
        ]);
        assert_eq!(f.main_codes(), "T3-10×2 T3-2 T4-1");
        assert_eq!(file(&[("P-3", "notice")]).main_codes(), "");
    }

    #[test]
    fn totals_count_files_findings_and_passing() {
        let mut t = Totals::default();
        let rec = |name: &str, o: Outcome| Record {
            file: name.into(),
            input: "txt".into(),
            outcome: o,
        };
        t.add(&rec(
            "a",
            Outcome::Checked(Box::new(file(&[("T3-2", "error"), ("T3-2", "error")]))),
        ));
        t.add(&rec(
            "b",
            Outcome::Checked(Box::new(file(&[("T3-2", "error"), ("P-3", "notice")]))),
        ));
        t.add(&rec("c", Outcome::Checked(Box::new(file(&[])))));
        t.add(&rec("d", Outcome::Failed("坏 / bad".into())));
        assert_eq!((t.files, t.failed, t.passing), (4, 1, 1));
        assert_eq!(t.rules["T3-2"].2, 3, "three T3-2 findings");
        assert_eq!(t.rules["T3-2"].3, 2, "in two files");
        let s = t.render();
        assert!(s.contains("文件 / files: 4 (txt 4)"), "{s}");
        assert!(
            s.contains("passing (no error, every part checked): 1 / 3"),
            "{s}"
        );
        assert!(s.contains("could not be read or checked: 1"), "{s}");
        let t3 = s.find("T3-2").unwrap();
        let p3 = s.find("P-3").unwrap();
        assert!(t3 < p3, "most frequent rule first:\n{s}");
    }

    #[test]
    fn csv_has_bom_header_and_quoted_fields() {
        let s = csv_header()
            + &csv_row(&Record {
                file: "a,b.txt".into(),
                input: "txt".into(),
                outcome: Outcome::Checked(Box::new(file(&[("T3-2", "error")]))),
            })
            + &csv_row(&Record {
                file: "c.html".into(),
                input: "html".into(),
                outcome: Outcome::Failed("无法读取 / cannot read".into()),
            });
        assert!(s.starts_with('\u{feff}'));
        assert!(s.contains("\r\n"), "CRLF line ends, as spreadsheets expect");
        let lines: Vec<&str> = s.trim_start_matches('\u{feff}').lines().collect();
        assert_eq!(lines[0], CSV_HEADER.join(","));
        assert_eq!(
            lines[1],
            "\"a,b.txt\",示例区人民政府,2023,2021,txt,UTF-8,1,0,0,T3-2,,fail,"
        );
        assert_eq!(lines[2], "c.html,,,,html,,,,,,无法读取 / cannot read,,");
    }
}
