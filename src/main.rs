//! The `nianbao` command line.

use clap::{Parser, Subcommand, ValueEnum};
use nianbao::api::{self, CheckOptions, KindOption};
use nianbao::diagnostic::{Lang, Severity};
use nianbao::rules::RuleConfig;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Parser)]
#[command(name = "nianbao", version, about = "政府信息公开工作年度报告检查工具 / checker for government information-disclosure annual reports")]
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
    /// Files to check.
    #[arg(required = true)]
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
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Check(args) => run_check(args),
        Command::Rules { format, lang } => {
            print!("{}", nianbao::docs::rules_listing(matches!(format, OutputFormat::Json), lang_of(lang)));
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
    let name = path.display().to_string();
    let bytes = if name == "-" {
        let mut b = Vec::new();
        std::io::Read::read_to_end(&mut std::io::stdin(), &mut b).map(|_| b)
    } else {
        std::fs::read(path)
    };
    let bytes = bytes.map_err(|e| format!("无法读取文件 / cannot read the file: {e}"))?;
    nianbao::input::decode(&bytes, Some(&name)).map_err(|e| e.to_string())
}

fn run_check(args: CheckArgs) -> ExitCode {
    let lang = lang_of(args.lang);
    let mut rules = RuleConfig { select: args.select.clone(), ignore: args.ignore.clone(), severity: Vec::new() };
    for s in &args.severity {
        let Some((sel, sev)) = s.split_once('=') else {
            eprintln!("nianbao: --severity 应为 规则=error|warning|notice / --severity takes RULE=error|warning|notice, not {s:?}");
            return ExitCode::from(2);
        };
        let Some(sev) = Severity::parse(sev.trim()) else {
            eprintln!("nianbao: 未知的严重程度 / unknown severity {sev:?} (error, warning, notice)");
            return ExitCode::from(2);
        };
        rules.severity.push((sel.trim().to_string(), sev));
    }
    if let Err(e) = rules.validate() {
        eprintln!("nianbao: {e}");
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
    if previous.is_some() && args.files.len() != 1 {
        eprintln!("nianbao: --previous 只能与一个报告一起使用 / --previous goes with exactly one report");
        return ExitCode::from(2);
    }
    let mut any_error = false;
    let mut failed = false;
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    for path in &args.files {
        let name = path.display().to_string();
        let decoded = match read_input(path) {
            Ok(d) => d,
            Err(e) => {
                failed = true;
                report_failure(&mut out, &name, &e, args.format);
                continue;
            }
        };
        let kind = match args.kind {
            KindArg::Auto => match decoded.kind {
                nianbao::model::InputKind::Html => KindOption::Html,
                nianbao::model::InputKind::Text => KindOption::Text,
            },
            KindArg::Text => KindOption::Text,
            KindArg::Html => KindOption::Html,
        };
        let opts = CheckOptions { kind, lang, previous: previous.clone(), rules: rules.clone() };
        let checked = api::check(&decoded.text, &opts);
        any_error |= checked.has_errors();
        let result = match args.format {
            OutputFormat::Json => {
                let mut j = api::to_json(&name, &checked, lang);
                if let Some(doc) = j.get_mut("document").and_then(|d| d.as_object_mut()) {
                    doc.insert("encoding".into(), serde_json::json!(decoded.encoding));
                }
                writeln!(out, "{}", j)
            }
            OutputFormat::Text => write!(out, "{}", nianbao::render::text(&name, &checked, lang)),
        };
        if result.is_err() {
            // Broken pipe: stop quietly.
            break;
        }
    }
    ExitCode::from(if failed { 2 } else if any_error { 1 } else { 0 })
}

fn report_failure(out: &mut impl Write, name: &str, message: &str, format: OutputFormat) {
    match format {
        OutputFormat::Json => {
            let _ = writeln!(out, "{}", serde_json::json!({"file": name, "error": message, "document": null, "tables": null, "diagnostics": []}));
        }
        OutputFormat::Text => {
            let _ = writeln!(out, "{name}: {message}");
        }
    }
}
