//! The `nianbao` command line.

use clap::{Parser, Subcommand, ValueEnum};
use nianbao::api::{self, CheckOptions, KindOption};
use nianbao::diagnostic::Lang;
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
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Check(args) => run_check(args),
    }
}

fn run_check(args: CheckArgs) -> ExitCode {
    let lang = match args.lang {
        LangArg::Zh => Lang::Zh,
        LangArg::En => Lang::En,
    };
    let mut any_error = false;
    let mut failed = false;
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    for path in &args.files {
        let name = path.display().to_string();
        let bytes = if name == "-" {
            let mut b = Vec::new();
            std::io::Read::read_to_end(&mut std::io::stdin(), &mut b).map(|_| b)
        } else {
            std::fs::read(path)
        };
        let bytes = match bytes {
            Ok(b) => b,
            Err(e) => {
                failed = true;
                report_failure(&mut out, &name, &format!("无法读取文件 / cannot read the file: {e}"), args.format);
                continue;
            }
        };
        let decoded = match nianbao::input::decode(&bytes, Some(&name)) {
            Ok(d) => d,
            Err(e) => {
                failed = true;
                report_failure(&mut out, &name, &e.to_string(), args.format);
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
        let checked = api::check(&decoded.text, &CheckOptions { kind, lang, ..Default::default() });
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
            return ExitCode::from(if failed { 2 } else if any_error { 1 } else { 0 });
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
    let _ = Path::new(name);
}
