//! clap's argument errors in both languages, like every other message of the command line: a
//! Chinese sentence first, then clap's own English message (with its usage line and tips).

use clap::error::{ContextKind, ContextValue, ErrorKind};
use std::process::ExitCode;

/// Prints a parse error (or the help or version clap was asked for) and gives the exit code:
/// 0 for `--help` and `--version`, 2 for a bad command line, as clap does.
pub fn report(e: &clap::Error) -> ExitCode {
    if let Some(zh) = zh_message(e) {
        eprintln!("{zh}");
    }
    let _ = e.print();
    ExitCode::from(u8::try_from(e.exit_code()).unwrap_or(2))
}

/// The Chinese sentence for an error (`None` for the help and version, which are no errors).
pub fn zh_message(e: &clap::Error) -> Option<String> {
    let ctx = |k: ContextKind| e.get(k).map(plain);
    let arg = ctx(ContextKind::InvalidArg).unwrap_or_default();
    let value = ctx(ContextKind::InvalidValue).unwrap_or_default();
    let valid = ctx(ContextKind::ValidValue)
        .map(|v| format!("（可选：{v}）"))
        .unwrap_or_default();
    let suggested = ctx(ContextKind::SuggestedArg)
        .or_else(|| ctx(ContextKind::SuggestedSubcommand))
        .or_else(|| ctx(ContextKind::SuggestedValue))
        .map(|s| format!("是否想用 {s}？"))
        .unwrap_or_default();
    let what = match e.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => return None,
        ErrorKind::InvalidValue if value.is_empty() => format!("选项 {arg} 缺少取值{valid}"),
        ErrorKind::InvalidValue => format!("选项 {arg} 的值“{value}”无效{valid}"),
        ErrorKind::ValueValidation if arg.contains("<N>") => {
            format!("选项 {arg} 的值“{value}”无效，应为非负整数")
        }
        ErrorKind::ValueValidation => format!("选项 {arg} 的值“{value}”无效"),
        ErrorKind::UnknownArgument => format!("未知的参数“{arg}”"),
        ErrorKind::InvalidSubcommand => {
            let sub = ctx(ContextKind::InvalidSubcommand).unwrap_or_default();
            format!("未知的子命令“{sub}”（可用：check、rules、explain）")
        }
        ErrorKind::NoEquals => format!("选项 {arg} 的值须用等号给出（{arg}=…）"),
        ErrorKind::TooManyValues => format!("选项 {arg} 的值过多（“{value}”）"),
        ErrorKind::TooFewValues | ErrorKind::WrongNumberOfValues => {
            format!("选项 {arg} 的值的个数不对")
        }
        ErrorKind::ArgumentConflict => match ctx(ContextKind::PriorArg) {
            Some(prior) if prior != arg => format!("选项 {arg} 不能与 {prior} 同用"),
            _ => format!("选项 {arg} 只能给一次"),
        },
        ErrorKind::MissingRequiredArgument => format!("缺少必需的参数：{arg}"),
        ErrorKind::MissingSubcommand | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            "缺少子命令：check（检查报告）、rules（列出规则）或 explain（规则说明）".to_string()
        }
        ErrorKind::InvalidUtf8 => "参数不是有效的 UTF-8 文本".to_string(),
        _ => "命令行参数有误".to_string(),
    };
    Some(format!("错误：{what}。{suggested}用 --help 查看用法。"))
}

/// A context value as plain text (clap styles some of them).
fn plain(v: &ContextValue) -> String {
    match v {
        ContextValue::Strings(s) => s.join("、"),
        ContextValue::StyledStrs(s) => s
            .iter()
            .map(|s| s.to_string())
            .collect::<Vec<_>>()
            .join("、"),
        other => other.to_string(),
    }
}
