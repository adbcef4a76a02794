//! Growth: time and peak memory of a check at 1×, 10× and 100× the size of a real report
//! (text: seed 004, 8.5 KB; HTML: pingtan 2022, 268 KB), each size in a fresh process so that
//! its peak resident memory (VmHWM) is its own. `cargo bench --bench growth`; figures in
//! BENCHMARKS.md. Under `cargo test --all-targets` it checks the 1× inputs once.

use common::{check, synthetic};
use nianbao::api::KindOption;
use std::process::Command;
use std::time::Instant;

mod common;

const TEXT: usize = 8_700;
const HTML: usize = 268_000;

/// Peak resident memory of this process in KiB (Linux).
fn peak_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    status
        .lines()
        .find(|l| l.starts_with("VmHWM:"))?
        .split_whitespace()
        .nth(1)?
        .parse()
        .ok()
}

/// One size in this process: prints `bytes median_ms peak_kib`.
fn one(html: bool, factor: usize, runs: usize) {
    let src = synthetic(factor * if html { HTML } else { TEXT }, html);
    let kind = if html {
        KindOption::Html
    } else {
        KindOption::Text
    };
    let mut times: Vec<f64> = (0..runs)
        .map(|_| {
            let t = Instant::now();
            std::hint::black_box(check(&src, kind));
            t.elapsed().as_secs_f64() * 1e3
        })
        .collect();
    times.sort_by(|a, b| a.total_cmp(b));
    println!(
        "{} {:.2} {}",
        src.len(),
        times[times.len() / 2],
        peak_kib().unwrap_or(0)
    );
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if let Some(i) = args.iter().position(|a| a == "--one") {
        one(
            args[i + 1] == "html",
            args[i + 2].parse().unwrap(),
            args[i + 3].parse().unwrap(),
        );
        return;
    }
    if !args.iter().any(|a| a == "--bench") {
        // `cargo test`: a smoke run.
        one(false, 1, 1);
        one(true, 1, 1);
        return;
    }
    println!("| input | factor | size | median check | per MB | peak memory (whole process) |");
    println!("|---|---|---|---|---|---|");
    let me = std::env::current_exe().unwrap();
    for (label, html) in [("text (seed 004)", false), ("html (pingtan 2022)", true)] {
        for factor in [1, 10, 100] {
            let runs = if factor == 100 { 5 } else { 15 };
            let out = Command::new(&me)
                .args([
                    "--one",
                    if html { "html" } else { "text" },
                    &factor.to_string(),
                    &runs.to_string(),
                ])
                .output()
                .unwrap();
            let line = String::from_utf8_lossy(&out.stdout);
            let f: Vec<f64> = line
                .split_whitespace()
                .filter_map(|x| x.parse().ok())
                .collect();
            if f.len() != 3 {
                eprintln!(
                    "growth: {label} ×{factor} failed: {line} {}",
                    String::from_utf8_lossy(&out.stderr)
                );
                std::process::exit(1);
            }
            let mb = f[0] / 1e6;
            println!(
                "| {label} | {factor}× | {:.2} MB | {:.1} ms | {:.1} ms | {:.0} MiB |",
                mb,
                f[1],
                f[1] / mb,
                f[2] / 1024.0
            );
        }
    }
}
