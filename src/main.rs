//! The `nianbao` command line.

mod cli;

use clap::{Parser, Subcommand, ValueEnum};
use cli::summary::{csv_header, csv_row, CheckedFile, Outcome, Record, Totals};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use nianbao::api::{self, CheckOptions, KindOption};
use nianbao::diagnostic::{Lang, Severity};
use nianbao::rules::RuleConfig;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "nianbao",
    version,
    about = "政府信息公开工作年度报告检查工具 / checker for government information-disclosure annual reports"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check report files (.html, .htm, .txt, .docx); `-` reads standard input.
    Check(CheckArgs),
    /// List every rule: code, name, severity, formats, summary.
    Rules {
        /// `json` for machine-readable output.
        #[arg(long, value_enum, default_value = "text")]
        format: OutputFormat,
        #[arg(long, value_enum, default_value = "zh")]
        lang: LangArg,
    },
    /// Print a rule's documentation (by code such as T3-2, or by name).
    Explain {
        code: String,
        #[arg(long, value_enum, default_value = "zh")]
        lang: LangArg,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum OutputFormat {
    Text,
    Json,
}

#[derive(Clone, Copy, ValueEnum)]
enum LangArg {
    Zh,
    En,
}

#[derive(Clone, Copy, ValueEnum)]
enum KindArg {
    Auto,
    Text,
    Html,
}

#[derive(clap::Args)]
struct CheckArgs {
    /// Files or folders to check. Folders are searched at any depth for .html, .htm, .txt and
    /// .docx files, which are checked in parallel and printed sorted by path; `-` reads standard input.
    #[arg(required = true, value_name = "PATH")]
    files: Vec<PathBuf>,
    /// Output: `text` for people, `json` for one JSON object per file per line.
    #[arg(long, value_enum, default_value = "text")]
    format: OutputFormat,
    /// Language of messages.
    #[arg(long, value_enum, default_value = "zh")]
    lang: LangArg,
    /// How to read the input (by default from the file name and content).
    #[arg(long, value_enum, default_value = "auto")]
    kind: KindArg,
    /// Last year's report from the same body, for the cross-year rules (Y-*). With it,
    /// exactly one report is checked.
    #[arg(long, value_name = "LAST_YEAR")]
    previous: Option<PathBuf>,
    /// Run only these rules: codes (T3-2), names, families (T3, requests) or ALL; comma-separated.
    #[arg(long, value_delimiter = ',')]
    select: Vec<String>,
    /// Do not run these rules (same forms as --select).
    #[arg(long, value_delimiter = ',')]
    ignore: Vec<String>,
    /// Change severities: SELECTOR=error|warning|notice, comma-separated (e.g. T3-6=warning).
    #[arg(long, value_delimiter = ',')]
    severity: Vec<String>,
    /// The summary after the findings: `text` (the default when more than one file is checked;
    /// on standard error with --format json), `none`, `csv` (one row per file on standard output
    /// instead of the findings; the text summary goes to standard error) or a file name ending in
    /// `.csv` (the rows written there, the rest as usual).
    #[arg(long, value_name = "text|csv|none|FILE.csv")]
    summary: Option<String>,
    /// How many files to check at once (default, and 0: one per core). Never more than the
    /// cores or the files.
    #[arg(long, short = 'j', value_name = "N", allow_negative_numbers = true)]
    jobs: Option<usize>,
    /// No progress bar (it is shown only when standard error is a terminal and more than one
    /// file is checked).
    #[arg(long)]
    no_progress: bool,
}

/// Where the closing summary goes.
#[derive(Clone, Debug, PartialEq, Eq)]
enum SummaryArg {
    /// Text after many files, nothing after one.
    Auto,
    Text,
    None,
    /// CSV on standard output instead of the findings.
    CsvStdout,
    /// CSV written to a file.
    CsvFile(PathBuf),
}

fn summary_arg(s: Option<&str>) -> Result<SummaryArg, String> {
    Ok(match s {
        None => SummaryArg::Auto,
        Some("text") => SummaryArg::Text,
        Some("none") => SummaryArg::None,
        Some("csv") => SummaryArg::CsvStdout,
        Some(p) if p.to_ascii_lowercase().ends_with(".csv") => SummaryArg::CsvFile(PathBuf::from(p)),
        Some(other) => {
            return Err(format!(
                "--summary 应为 text、csv、none 或以 .csv 结尾的文件名 / --summary takes text, csv, none or a file name ending in .csv, not {other:?}"
            ))
        }
    })
}

fn main() -> ExitCode {
    // (clap's own errors are English: a Chinese sentence goes before them.)
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => return cli::args::report(&e),
    };
    match cli.command {
        Command::Check(args) => run_check(args),
        Command::Rules { format, lang } => {
            print!(
                "{}",
                nianbao::docs::rules_listing(matches!(format, OutputFormat::Json), lang_of(lang))
            );
            ExitCode::SUCCESS
        }
        Command::Explain { code, lang } => match nianbao::docs::explain(&code, lang_of(lang)) {
            Some(text) => {
                print!("{text}");
                ExitCode::SUCCESS
            }
            None => {
                eprintln!("nianbao: 没有规则 {code} / no rule {code}; `nianbao rules` lists them");
                ExitCode::from(2)
            }
        },
    }
}

fn lang_of(l: LangArg) -> Lang {
    match l {
        LangArg::Zh => Lang::Zh,
        LangArg::En => Lang::En,
    }
}

/// Read and decode one file (or standard input for `-`).
fn read_input(path: &Path) -> Result<nianbao::input::Decoded, String> {
    use nianbao::input::{read_limited, ReadError};
    let name = path.display().to_string();
    // Read up to the size limit and no further: a 2 GB file, /dev/zero or `yes |` is refused
    // as soon as the limit is passed, with bounded memory.
    let bytes = if name == "-" {
        read_limited(std::io::stdin().lock(), None)
    } else {
        match std::fs::File::open(path) {
            Ok(f) => {
                // A regular file's length is known (a device's or a pipe's is not).
                let hint = f.metadata().ok().filter(|m| m.is_file()).map(|m| m.len());
                read_limited(f, hint)
            }
            Err(e) => Err(ReadError::Io(e)),
        }
    };
    let bytes = bytes.map_err(|e| match e {
        ReadError::Io(e) => format!("无法读取文件 / cannot read the file: {e}"),
        ReadError::Input(e) => e.to_string(),
    })?;
    nianbao::input::decode(&bytes, Some(&name)).map_err(|e| e.to_string())
}

fn run_check(args: CheckArgs) -> ExitCode {
    let lang = lang_of(args.lang);
    let mut rules = RuleConfig {
        select: args.select.clone(),
        ignore: args.ignore.clone(),
        severity: Vec::new(),
    };
    for s in &args.severity {
        let Some((sel, sev)) = s.split_once('=') else {
            eprintln!("nianbao: --severity 应为 规则=error|warning|notice / --severity takes RULE=error|warning|notice, not {s:?}");
            return ExitCode::from(2);
        };
        let Some(sev) = Severity::parse(sev.trim()) else {
            eprintln!(
                "nianbao: 未知的严重程度 / unknown severity {sev:?} (error, warning, notice)"
            );
            return ExitCode::from(2);
        };
        rules.severity.push((sel.trim().to_string(), sev));
    }
    if let Err(e) = rules.validate() {
        eprintln!("nianbao: {e}");
        return ExitCode::from(2);
    }
    let summary = match summary_arg(args.summary.as_deref()) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("nianbao: {e}");
            return ExitCode::from(2);
        }
    };
    if summary == SummaryArg::CsvStdout && matches!(args.format, OutputFormat::Json) {
        eprintln!(
            "nianbao: --summary csv 把表格写到标准输出，不能与 --format json 同用；可用 --summary 文件名.csv / \
             --summary csv writes the table to standard output and cannot go with --format json; use --summary FILE.csv"
        );
        return ExitCode::from(2);
    }
    let previous = match &args.previous {
        None => None,
        Some(p) => match read_input(p) {
            Ok(d) => Some(d.text),
            Err(e) => {
                eprintln!("nianbao: {}: {e}", p.display());
                return ExitCode::from(2);
            }
        },
    };
    let expanded = cli::expand(&args.files);
    for dir in &expanded.empty {
        eprintln!("nianbao: {}: 没有找到报告文件（.html .htm .txt .docx）/ no report files (.html .htm .txt .docx) found", dir.display());
    }
    // Links are not followed in folders: each is said here (standard error, so that JSON Lines
    // on standard output stay pure) and counted in the summary.
    for s in &expanded.skipped {
        eprintln!("nianbao: {}: {}", s.path.display(), s.reason);
    }
    let inputs = expanded.inputs;
    if inputs.is_empty() {
        return ExitCode::from(2);
    }
    if previous.is_some() && inputs.len() != 1 {
        eprintln!(
            "nianbao: --previous 只能与一个报告一起使用 / --previous goes with exactly one report"
        );
        return ExitCode::from(2);
    }
    let batch = inputs.len() > 1 || expanded.any_folder;
    let mut csv = match &summary {
        SummaryArg::CsvFile(p) => match std::fs::File::create(p)
            .map(std::io::BufWriter::new)
            .and_then(|mut f| {
                f.write_all(csv_header().as_bytes())?;
                Ok(f)
            }) {
            Ok(t) => Some(t),
            Err(e) => {
                eprintln!("nianbao: {}: 无法写入 / cannot write: {e}", p.display());
                return ExitCode::from(2);
            }
        },
        _ => None,
    };
    let csv_stdout = summary == SummaryArg::CsvStdout;
    // Where the text summary goes: after the findings for people; on standard error when standard
    // output carries JSON Lines or CSV.
    let text_summary = match summary {
        SummaryArg::Auto => batch,
        SummaryArg::Text | SummaryArg::CsvStdout | SummaryArg::CsvFile(_) => true,
        SummaryArg::None => false,
    };
    let summary_to_stderr = csv_stdout || matches!(args.format, OutputFormat::Json);

    let stdout = std::io::stdout();
    let stdout_tty = stdout.is_terminal();
    let mut out = std::io::BufWriter::new(stdout.lock());
    if csv_stdout && out.write_all(csv_header().as_bytes()).is_err() {
        return ExitCode::from(2);
    }
    let progress = (!args.no_progress && inputs.len() > 1 && std::io::stderr().is_terminal()).then(|| {
        let pb = ProgressBar::with_draw_target(Some(inputs.len() as u64), ProgressDrawTarget::stderr());
        pb.set_style(
            ProgressStyle::with_template("{spinner} [{elapsed_precise}] {wide_bar} {pos}/{len} 文件 / files · 剩余 / left {eta}")
                .unwrap_or_else(|_| ProgressStyle::default_bar()),
        );
        pb
    });
    let started = std::time::Instant::now();

    let job = FileJob {
        format: args.format,
        kind: args.kind,
        lang,
        rules,
        previous,
        render: !csv_stdout,
    };
    let mut totals = Totals {
        skipped_links: expanded
            .skipped
            .iter()
            .map(|s| s.path.display().to_string())
            .collect(),
        ..Totals::default()
    };
    let mut any_error = false;
    let mut failed = false;
    let mut write_failed = false;
    let run = cli::run_ordered(
        &inputs,
        args.jobs.unwrap_or(0),
        |input| job.run(input),
        |r: FileResult| {
            if let Some(pb) = &progress {
                pb.inc(1);
            }
            totals.add(&r.record);
            match &r.record.outcome {
                Outcome::Failed(_) => failed = true,
                Outcome::Checked(c) => any_error |= c.errors > 0,
            }
            let mut ok = true;
            if let Some(f) = csv.as_mut() {
                if let Err(e) = f.write_all(csv_row(&r.record).as_bytes()) {
                    eprintln!("nianbao: --summary: 无法写入 / cannot write: {e}");
                    failed = true;
                    ok = false;
                }
            }
            {
                let text = if csv_stdout {
                    csv_row(&r.record)
                } else {
                    r.output
                };
                let mut write = || {
                    out.write_all(text.as_bytes())?;
                    if stdout_tty {
                        out.flush()?;
                    }
                    Ok::<(), std::io::Error>(())
                };
                let res = match &progress {
                    Some(pb) if stdout_tty => pb.suspend(write),
                    _ => write(),
                };
                if res.is_err() {
                    // Broken pipe: stop quietly.
                    write_failed = true;
                    ok = false;
                }
            }
            ok
        },
    );
    if let Some(pb) = &progress {
        pb.finish_and_clear();
    }
    if let Err(e) = run {
        eprintln!("nianbao: {e}");
        return ExitCode::from(2);
    }
    if let Some(mut f) = csv.take() {
        if let Err(e) = f.flush() {
            eprintln!("nianbao: --summary: 无法写入 / cannot write: {e}");
            failed = true;
        }
    }
    if text_summary && !write_failed {
        let text = totals.render();
        if summary_to_stderr {
            let _ = out.flush();
            eprint!("{text}");
        } else {
            // A blank line between the last file's findings and the summary.
            let _ = write!(out, "\n{text}");
        }
    }
    let _ = out.flush();
    if progress.is_some() {
        let secs = started.elapsed().as_secs_f64();
        eprintln!(
            "nianbao: 已检查 {} 个文件，用时 {secs:.1} 秒 / checked {} files in {secs:.1} s",
            totals.files, totals.files
        );
    }
    ExitCode::from(if failed {
        2
    } else if any_error {
        1
    } else {
        0
    })
}

/// Everything a worker needs to check one file.
struct FileJob {
    format: OutputFormat,
    kind: KindArg,
    lang: Lang,
    rules: RuleConfig,
    previous: Option<String>,
    /// Whether to render the per-file output (not with `--summary csv`).
    render: bool,
}

struct FileResult {
    /// What goes to standard output for this file (the findings, or the JSON line).
    output: String,
    record: Record,
}

impl FileJob {
    fn run(&self, input: &cli::Input) -> FileResult {
        let path = input.path();
        let name = path.display().to_string();
        let label = cli::input_label(path);
        // A panic in the checker is a bug; in a batch it is reported for that file and the run
        // goes on (the release profile unwinds for this).
        let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            self.check(input, &name, &label)
        }));
        r.unwrap_or_else(|p| {
            let msg = format!(
                "内部错误：检查此文件时程序崩溃（{}），请报告此文件 / internal error: the checker panicked on this file ({}); please report it",
                cli::panic_message(&*p),
                cli::panic_message(&*p)
            );
            self.failure(name, label, msg)
        })
    }

    fn check(&self, input: &cli::Input, name: &str, label: &str) -> FileResult {
        let path = match input {
            cli::Input::File(p) => p,
            cli::Input::Unlisted(_, msg) => {
                return self.failure(name.to_string(), label.to_string(), msg.clone())
            }
        };
        let decoded = match read_input(path) {
            Ok(d) => d,
            Err(e) => return self.failure(name.to_string(), label.to_string(), e),
        };
        let kind = match self.kind {
            KindArg::Auto => match decoded.kind {
                nianbao::model::InputKind::Html => KindOption::Html,
                nianbao::model::InputKind::Text => KindOption::Text,
            },
            KindArg::Text => KindOption::Text,
            KindArg::Html => KindOption::Html,
        };
        let opts = CheckOptions {
            kind,
            lang: self.lang,
            previous: self.previous.clone(),
            rules: self.rules.clone(),
        };
        let checked = api::check(&decoded.text, &opts);
        let output = if !self.render {
            String::new()
        } else {
            match self.format {
                OutputFormat::Json => {
                    let mut j = api::to_json(name, &checked, self.lang);
                    if let Some(doc) = j.get_mut("document").and_then(|d| d.as_object_mut()) {
                        doc.insert("encoding".into(), serde_json::json!(decoded.encoding));
                    }
                    // (to_string writes bytes directly; Display goes through a formatter)
                    let mut line = serde_json::to_string(&j)
                        .expect("a JSON value with string keys always serializes");
                    line.push('\n');
                    line
                }
                OutputFormat::Text => nianbao::render::text(name, &checked, self.lang),
            }
        };
        let r = checked.report();
        let file = CheckedFile {
            agency: r.agency.clone(),
            year: r.year,
            format: r.format.as_str(),
            encoding: decoded.encoding,
            errors: checked.count(Severity::Error),
            warnings: checked.count(Severity::Warning),
            notices: checked.count(Severity::Notice),
            findings: checked
                .diagnostics
                .iter()
                .map(|d| (d.code.to_string(), d.name.to_string(), d.severity.as_str()))
                .collect(),
            verdict: checked.verdict().as_str(),
            unchecked: checked
                .unchecked
                .iter()
                .map(|u| format!("{} / {}", u.message.zh, u.message.en))
                .collect(),
        };
        FileResult {
            output,
            record: Record {
                file: name.to_string(),
                input: label.to_string(),
                outcome: Outcome::Checked(Box::new(file)),
            },
        }
    }

    fn failure(&self, name: String, label: String, message: String) -> FileResult {
        let output = if !self.render {
            String::new()
        } else {
            match self.format {
                OutputFormat::Json => format!(
                    "{}\n",
                    serde_json::json!({"file": name, "error": message, "document": null, "tables": null, "diagnostics": []})
                ),
                OutputFormat::Text => format!("{name}: {message}\n"),
            }
        };
        FileResult {
            output,
            record: Record {
                file: name,
                input: label,
                outcome: Outcome::Failed(message),
            },
        }
    }
}
