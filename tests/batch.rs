//! Batch checking (`nianbao check DIR...`, issue 7): folders walked, files checked in parallel
//! and printed sorted by path, the same JSON object per file as a single-file run, the closing
//! summary, the CSV table, failures reported without stopping the run, exit codes.

use serde_json::Value;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn nianbao(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_nianbao"))
        .args(args)
        .output()
        .unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("standard output is UTF-8")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn corpus(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/corpus")
        .join(rel)
}

fn fixture(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(rel)
}

/// A fresh temporary folder for one test.
fn tmp(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("nianbao-batch-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn put(dir: &Path, rel: &str, from: &Path) -> PathBuf {
    let to = dir.join(rel);
    std::fs::create_dir_all(to.parent().unwrap()).unwrap();
    std::fs::copy(from, &to).unwrap();
    to
}

/// A folder of real reports in sub-folders, a file the walk must skip and one it cannot read.
fn province(name: &str) -> (PathBuf, Vec<PathBuf>) {
    let d = tmp(name);
    let mut files = vec![
        put(
            &d,
            "市/平潭/2022.html",
            &corpus("reports/pingtan-2022.html"),
        ),
        put(&d, "市/平潭/2021.txt", &corpus("reports/pingtan-2021.txt")),
        put(
            &d,
            "市/上海/办公厅-2019.HTML",
            &corpus("reports/shanghai-office-2019.html"),
        ),
        put(&d, "a-seed.txt", &corpus("seeds/004_046dc01fb9bbe87a.txt")),
        put(&d, "b/T3-3-invalid.txt", &fixture("rules/T3-3/invalid.txt")),
        put(&d, "b/base.htm", &fixture("rules/_base/report-2021.html")),
    ];
    std::fs::write(d.join("b/说明.md"), "不是报告 / not a report").unwrap();
    std::fs::write(d.join("b/scan.pdf"), b"%PDF-1.4").unwrap();
    let png = d.join("b/image.html");
    std::fs::write(&png, b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap();
    files.push(png);
    files.sort();
    (d, files)
}

#[test]
fn a_folder_gives_one_json_line_per_report_sorted_by_path_each_as_a_single_run_prints_it() {
    let (dir, files) = province("json");
    let out = nianbao(&["check", "--format", "json", dir.to_str().unwrap()]);
    assert_eq!(
        out.status.code(),
        Some(2),
        "an unreadable file among them exits 2, as a single run does"
    );
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines.len(),
        files.len(),
        "one line per report file (.md and .pdf skipped):\n{text}"
    );
    for (line, file) in lines.iter().zip(&files) {
        let j: Value = serde_json::from_str(line).expect("standard output is pure JSON Lines");
        assert_eq!(j["file"], file.to_str().unwrap(), "sorted by path");
        // Exactly what checking the file alone prints: the per-file contract is unchanged.
        let alone = nianbao(&["check", "--format", "json", file.to_str().unwrap()]);
        assert_eq!(*line, stdout(&alone).trim_end(), "{}", file.display());
    }
    let err = stderr(&out);
    assert!(
        err.contains("汇总 / summary"),
        "the summary goes to standard error with --format json:\n{err}"
    );
    assert!(
        err.contains(&format!("文件 / files: {}", files.len())),
        "{err}"
    );
    assert!(
        !err.contains('\r') && !err.contains('\u{1b}'),
        "no progress bar when standard error is not a terminal"
    );
    assert!(!err.contains("panicked"));
}

#[test]
fn parallel_runs_print_exactly_what_a_serial_run_prints() {
    let (dir, _) = province("order");
    for format in ["json", "text"] {
        let serial = nianbao(&[
            "check",
            "-j",
            "1",
            "--format",
            format,
            dir.to_str().unwrap(),
        ]);
        for _ in 0..3 {
            let parallel = nianbao(&[
                "check",
                "-j",
                "4",
                "--format",
                format,
                dir.to_str().unwrap(),
            ]);
            assert_eq!(stdout(&parallel), stdout(&serial), "--format {format}");
            assert_eq!(stderr(&parallel), stderr(&serial), "--format {format}");
            assert_eq!(parallel.status.code(), serial.status.code());
        }
    }
}

#[test]
fn the_summary_adds_up_what_the_json_lines_say() {
    let (dir, files) = province("summary");
    let json = nianbao(&["check", "--format", "json", dir.to_str().unwrap()]);
    let mut passing = 0;
    let mut failed = 0;
    let mut formats: BTreeMap<String, usize> = BTreeMap::new();
    let mut per_rule: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    for line in stdout(&json).lines() {
        let j: Value = serde_json::from_str(line).unwrap();
        if j["error"].is_string() {
            failed += 1;
            continue;
        }
        *formats
            .entry(j["document"]["format"].as_str().unwrap().to_string())
            .or_default() += 1;
        if j["summary"]["verdict"] == "pass" {
            passing += 1;
        }
        let mut codes: Vec<String> = Vec::new();
        for d in j["diagnostics"].as_array().unwrap() {
            let code = d["code"].as_str().unwrap().to_string();
            per_rule.entry(code.clone()).or_default().0 += 1;
            if !codes.contains(&code) {
                codes.push(code);
            }
        }
        for c in codes {
            per_rule.get_mut(&c).unwrap().1 += 1;
        }
    }
    assert_eq!(failed, 1);
    assert!(
        per_rule.contains_key("T3-3"),
        "the invalid fixture's finding is counted"
    );

    // In text format the summary ends standard output.
    let text = nianbao(&["check", dir.to_str().unwrap()]);
    assert_eq!(text.status.code(), Some(2));
    let out = stdout(&text);
    let summary = &out[out
        .find("── 汇总 / summary ──")
        .expect("summary at the end of standard output")..];
    assert!(
        summary.contains(&format!(
            "文件 / files: {} (htm 1, html 3, txt 3)",
            files.len()
        )),
        "{summary}"
    );
    assert!(
        summary.contains("无法读取或检查 / could not be read or checked: 1"),
        "{summary}"
    );
    let checked = files.len() - failed;
    assert!(
        summary.contains(&format!(
            "passing (no error, every part checked): {passing} / {checked}"
        )),
        "{summary}"
    );
    let fmts: Vec<String> = ["2021", "2019", "pre2019", "unknown"]
        .iter()
        .filter_map(|f| formats.get(*f).map(|n| format!("{f} {n}")))
        .collect();
    assert!(
        summary.contains(&format!("报告格式 / report formats: {}", fmts.join(", "))),
        "{summary}"
    );
    for (code, (n, in_files)) in &per_rule {
        let line = summary
            .lines()
            .find(|l| l.trim_start().starts_with(&format!("{code} ")))
            .unwrap_or_else(|| panic!("{code} in the summary:\n{summary}"));
        assert!(
            line.contains(&format!("{n} findings in {in_files} files")),
            "{line}"
        );
    }
    // The same summary, on standard error, after JSON Lines.
    assert_eq!(stderr(&json), summary.to_string());
}

#[test]
fn csv_summary_one_row_per_file_with_bom_for_spreadsheets() {
    let (dir, files) = province("csv");
    let out = nianbao(&["check", "--summary", "csv", dir.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let bytes = out.stdout.clone();
    assert!(
        bytes.starts_with("\u{feff}".as_bytes()),
        "a UTF-8 byte order mark first, so Excel reads Chinese"
    );
    let mut r = csv::Reader::from_reader(&bytes[3..]);
    let header: Vec<String> = r.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(header[0], "文件/file");
    assert_eq!(header.len(), 13);
    assert_eq!(header[11], "结论/verdict");
    let rows: Vec<csv::StringRecord> = r.records().map(|x| x.unwrap()).collect();
    assert_eq!(
        rows.len(),
        files.len(),
        "one row per file, and nothing else on standard output"
    );
    assert!(
        stderr(&out).contains("汇总 / summary"),
        "the text summary goes to standard error"
    );
    for (row, file) in rows.iter().zip(&files) {
        assert_eq!(&row[0], file.to_str().unwrap());
        let alone: Value =
            serde_json::from_str(&stdout(&nianbao(&["check", "--format", "json", &row[0]])))
                .unwrap();
        if let Some(e) = alone["error"].as_str() {
            assert_eq!(&row[10], e, "the failure message");
            assert_eq!(&row[6], "");
            continue;
        }
        let doc = &alone["document"];
        assert_eq!(&row[1], doc["agency"].as_str().unwrap_or(""));
        assert_eq!(
            &row[2],
            &doc["year"]
                .as_i64()
                .map(|y| y.to_string())
                .unwrap_or_default()
        );
        assert_eq!(&row[3], doc["format"].as_str().unwrap());
        assert_eq!(&row[5], doc["encoding"].as_str().unwrap());
        assert_eq!(&row[6], &alone["summary"]["errors"].to_string());
        assert_eq!(&row[7], &alone["summary"]["warnings"].to_string());
        assert_eq!(&row[8], &alone["summary"]["notices"].to_string());
        assert_eq!(&row[11], alone["summary"]["verdict"].as_str().unwrap());
        let unchecked = alone["summary"]["unchecked"].as_array().unwrap();
        assert_eq!(
            row[12].is_empty(),
            unchecked.is_empty(),
            "what could not be checked: {:?}",
            &row[12]
        );
        // The main codes: every error and warning code, errors first.
        let diags = alone["diagnostics"].as_array().unwrap();
        for d in diags.iter().filter(|d| d["severity"] != "notice") {
            let code = d["code"].as_str().unwrap();
            assert!(
                row[9]
                    .split(' ')
                    .any(|c| c == code || c.starts_with(&format!("{code}×"))),
                "{code} in {:?}",
                &row[9]
            );
        }
        if diags.iter().all(|d| d["severity"] == "notice") {
            assert_eq!(&row[9], "");
        }
    }
    let t33 = rows
        .iter()
        .find(|r| r[0].ends_with("T3-3-invalid.txt"))
        .unwrap();
    assert!(t33[9].starts_with("T3-3"), "{:?}", &t33[9]);
    let inputs: Vec<&str> = rows.iter().map(|r| &r[4]).collect();
    assert_eq!(
        inputs,
        ["txt", "txt", "htm", "html", "html", "txt", "html"],
        "the input type, from the extension in lower case"
    );
}

#[test]
fn csv_to_a_file_keeps_json_lines_on_standard_output() {
    let (dir, files) = province("csvfile");
    let table = dir.join("汇总.csv");
    let out = nianbao(&[
        "check",
        "--format",
        "json",
        "--summary",
        table.to_str().unwrap(),
        dir.join("市").to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let n = files
        .iter()
        .filter(|f| f.starts_with(dir.join("市")))
        .count();
    assert_eq!(stdout(&out).lines().count(), n);
    let csv_text = std::fs::read_to_string(&table).unwrap();
    assert!(csv_text.starts_with('\u{feff}'));
    assert_eq!(csv_text.lines().count(), n + 1);
    assert!(stderr(&out).contains("汇总 / summary"));
    // csv on standard output cannot share it with JSON Lines.
    assert_eq!(
        nianbao(&[
            "check",
            "--format",
            "json",
            "--summary",
            "csv",
            dir.to_str().unwrap()
        ])
        .status
        .code(),
        Some(2)
    );
    assert_eq!(
        nianbao(&["check", "--summary", "spreadsheet", dir.to_str().unwrap()])
            .status
            .code(),
        Some(2)
    );
}

#[test]
fn exit_codes_over_folders() {
    let clean = tmp("clean");
    put(
        &clean,
        "x/base.txt",
        &fixture("rules/_base/report-2021.txt"),
    );
    put(
        &clean,
        "x/base.html",
        &fixture("rules/_base/report-2021.html"),
    );
    assert_eq!(
        nianbao(&["check", clean.to_str().unwrap()]).status.code(),
        Some(0)
    );
    put(&clean, "y/bad.txt", &fixture("rules/T3-3/invalid.txt"));
    assert_eq!(
        nianbao(&["check", clean.to_str().unwrap()]).status.code(),
        Some(1),
        "an error-severity finding exits 1"
    );
    std::fs::write(clean.join("y/empty.txt"), b"").unwrap();
    let out = nianbao(&["check", "--format", "json", clean.to_str().unwrap()]);
    assert_eq!(
        out.status.code(),
        Some(2),
        "an unreadable file exits 2 (as for a single file)"
    );
    assert_eq!(
        stdout(&out).lines().count(),
        4,
        "and the run went on to the end"
    );

    let empty = tmp("empty");
    std::fs::write(empty.join("readme.md"), "x").unwrap();
    let out = nianbao(&["check", empty.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("no report files"), "{}", stderr(&out));
    // --previous goes with one report, not a folder of them.
    let prev = fixture("rules/_base/report-2021.txt");
    assert_eq!(
        nianbao(&[
            "check",
            "--previous",
            prev.to_str().unwrap(),
            clean.to_str().unwrap()
        ])
        .status
        .code(),
        Some(2)
    );
}

#[test]
fn one_file_prints_as_before_without_a_summary() {
    let f = fixture("rules/_base/report-2021.txt");
    let out = nianbao(&["check", f.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0));
    assert!(!stdout(&out).contains("汇总"), "no summary after one file");
    assert!(stderr(&out).is_empty());
    // Unless asked for.
    let out = nianbao(&["check", "--summary", "text", f.to_str().unwrap()]);
    assert!(stdout(&out).contains("文件 / files: 1 (txt 1)"));
}

#[test]
fn a_closed_pipe_stops_the_run_quietly() {
    let dir = tmp("pipe");
    for i in 0..200 {
        put(
            &dir,
            &format!("r{i:03}.txt"),
            &fixture("rules/_base/report-2021.txt"),
        );
    }
    let mut child = Command::new(env!("CARGO_BIN_EXE_nianbao"))
        .args(["check", "--format", "json", dir.to_str().unwrap()])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 64];
    std::io::Read::read_exact(child.stdout.as_mut().unwrap(), &mut first).unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    assert!(!stderr(&out).contains("panicked"), "{}", stderr(&out));
    assert!(
        !stderr(&out).contains("汇总"),
        "no summary after the reader went away"
    );
}

#[test]
fn a_progress_bar_on_a_terminal_only() {
    // `script` (util-linux, on every Debian system) gives the command a terminal.
    let (dir, _) = province("tty");
    let log = dir.join("tty.log");
    let cmd = format!(
        "{} check --format json {} >/dev/null",
        env!("CARGO_BIN_EXE_nianbao"),
        dir.to_str().unwrap()
    );
    let st = Command::new("script")
        .args(["-q", "-e", "-c", &cmd, log.to_str().unwrap()])
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert!(st.status.code().is_some());
    let seen = String::from_utf8_lossy(&std::fs::read(&log).unwrap()).into_owned();
    assert!(
        seen.contains("checked 7 files in"),
        "the closing line on a terminal:\n{seen}"
    );
    assert!(seen.contains("汇总 / summary"));
    let quiet = Command::new("script")
        .args([
            "-q",
            "-e",
            "-c",
            &format!("{cmd} --no-progress"),
            log.to_str().unwrap(),
        ])
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert!(quiet.status.code().is_some());
    let seen = String::from_utf8_lossy(&std::fs::read(&log).unwrap()).into_owned();
    assert!(
        !seen.contains("checked 7 files in"),
        "--no-progress:\n{seen}"
    );
}

#[cfg(unix)]
#[test]
fn symbolic_links_in_a_folder_are_skipped_and_said() {
    // Links are not followed inside folders (one may lead outside, to a file checked twice or
    // round a loop): each is named on standard error, with why, and counted in the summary;
    // standard output stays pure JSON Lines.
    use std::os::unix::fs::symlink;
    let dir = tmp("links");
    let real = put(&dir, "d/real.txt", &fixture("rules/_base/report-2021.txt"));
    std::fs::create_dir_all(dir.join("elsewhere")).unwrap();
    put(
        &dir,
        "elsewhere/other.txt",
        &fixture("rules/T3-3/invalid.txt"),
    );
    symlink(&real, dir.join("d/alias.txt")).unwrap();
    symlink(dir.join("elsewhere"), dir.join("d/folder")).unwrap();
    symlink(dir.join("d/gone.txt"), dir.join("d/broken.html")).unwrap();
    symlink(&real, dir.join("d/notes.md")).unwrap(); // not a report by its name: nothing to say
    let d = dir.join("d");
    let d = d.to_str().unwrap();

    let out = nianbao(&["check", "--format", "json", d]);
    assert_eq!(out.status.code(), Some(0));
    let lines: Vec<Value> = stdout(&out)
        .lines()
        .map(|l| serde_json::from_str(l).expect("standard output is JSON Lines"))
        .collect();
    assert_eq!(lines.len(), 1, "only the real file is checked");
    let err = stderr(&out);
    for (name, what) in [
        ("alias.txt", "a symbolic link to a file"),
        ("folder", "a symbolic link to a folder"),
        ("broken.html", "a broken symbolic link"),
    ] {
        let line = err
            .lines()
            .find(|l| l.contains(&format!("/d/{name}:")))
            .unwrap_or_else(|| panic!("{name} is named:\n{err}"));
        assert!(line.contains("已跳过") && line.contains(what), "{line}");
    }
    assert!(!err.contains("notes.md"), "{err}");
    assert!(err.contains("symbolic links skipped (links in folders are not followed; name the target to check it): 3"), "the summary (on standard error with JSON):\n{err}");

    // For people: the notices on standard error, the count and the paths in the summary after
    // the findings.
    let out = nianbao(&["check", d]);
    let summary = &stdout(&out)[stdout(&out).find("── 汇总").unwrap()..];
    assert!(
        summary.contains("跳过的符号链接") && summary.contains(": 3"),
        "{summary}"
    );
    assert!(
        summary.contains("/d/alias.txt")
            && summary.contains("/d/folder")
            && summary.contains("/d/broken.html"),
        "{summary}"
    );
    assert_eq!(
        stderr(&out)
            .lines()
            .filter(|l| l.contains("已跳过"))
            .count(),
        3,
        "{}",
        stderr(&out)
    );
    // A link named on the command line is read: only links met inside folders are skipped.
    let alias = dir.join("d/alias.txt");
    assert_eq!(
        nianbao(&["check", alias.to_str().unwrap()]).status.code(),
        Some(0)
    );
    let out = nianbao(&[
        "check",
        "--format",
        "json",
        dir.join("d/folder").to_str().unwrap(),
    ]);
    assert_eq!(stdout(&out).lines().count(), 1);
}

#[test]
fn argument_errors_are_in_both_languages_and_exit_2() {
    let f = fixture("rules/_base/report-2021.txt");
    let f = f.to_str().unwrap();
    for (args, zh, en) in [
        (
            vec!["check", "--frobnicate", f],
            "未知的参数“--frobnicate”",
            "unexpected argument '--frobnicate'",
        ),
        (
            vec!["check", f, "--lang"],
            "选项 --lang <LANG> 缺少取值（可选：zh、en）",
            "a value is required for '--lang <LANG>'",
        ),
        (
            vec!["check", "--lang", "fr", f],
            "选项 --lang <LANG> 的值“fr”无效（可选：zh、en）",
            "invalid value 'fr'",
        ),
        (
            vec!["check", "-j", "abc", f],
            "选项 --jobs <N> 的值“abc”无效，应为非负整数",
            "invalid value 'abc' for '--jobs <N>'",
        ),
        (
            vec!["check", "-j", "-3", f],
            "选项 --jobs <N> 的值“-3”无效，应为非负整数",
            "invalid value '-3' for '--jobs <N>'",
        ),
        (
            vec!["check"],
            "缺少必需的参数：<PATH>",
            "the following required arguments were not provided",
        ),
        (
            vec!["chek", f],
            "未知的子命令“chek”（可用：check、rules、explain）。是否想用 check？",
            "unrecognized subcommand 'chek'",
        ),
        (
            vec!["check", "--format", "json", "--format", "text", f],
            "选项 --format <FORMAT> 只能给一次",
            "cannot be used multiple times",
        ),
        (vec![], "缺少子命令", "Usage: nianbao <COMMAND>"),
    ] {
        let out = nianbao(&args);
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert!(stdout(&out).is_empty(), "{args:?}");
        let (z, e) = (err.find(zh), err.find(en));
        assert!(
            z.is_some() && e.is_some() && z < e,
            "{args:?}: Chinese “{zh}” first, then English “{en}”:\n{err}"
        );
        assert!(err.starts_with("错误："), "{args:?}: {err}");
    }
    // Help and version are no errors: as clap prints them, exit 0.
    let out = nianbao(&["--version"]);
    assert_eq!(
        (out.status.code(), stderr(&out).is_empty()),
        (Some(0), true)
    );
    let out = nianbao(&["check", "--help"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(stdout(&out).contains("--jobs"));
}

#[test]
fn jobs_beyond_the_cores_or_the_files_are_clamped() {
    // (Checking is CPU-bound: `-j` above the cores or the files only starts idle threads; the
    // thread count is clamped, the output is what `-j 1` prints, standard error as well. The
    // `-j 10000` that used to hang is tests/pathological.rs's, behind a hang guard.)
    let (dir, files) = province("jobs");
    let serial = nianbao(&[
        "check",
        "-j",
        "1",
        "--format",
        "json",
        dir.to_str().unwrap(),
    ]);
    for jobs in ["64", "0"] {
        let out = nianbao(&[
            "check",
            "-j",
            jobs,
            "--format",
            "json",
            dir.to_str().unwrap(),
        ]);
        assert_eq!(stdout(&out), stdout(&serial), "-j {jobs}");
        assert_eq!(stderr(&out), stderr(&serial), "-j {jobs}");
        assert_eq!(stdout(&out).lines().count(), files.len());
    }
}
