//! Checking at scale: the whole corpus, synthetic 1 MB and 10 MB inputs (text and HTML), and
//! the whole check against a bare scraper parse of the same HTML (the floor for HTML input).
//! `cargo bench --bench scale`; figures in BENCHMARKS.md. Under `cargo test --all-targets`
//! each benchmark runs once, as a smoke test.

use common::{check, corpus, synthetic};
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use nianbao::api::{self, KindOption};
use std::hint::black_box;

mod common;

fn whole_corpus(c: &mut Criterion) {
    let files = corpus();
    let bytes: usize = files.iter().map(|f| f.0.len()).sum();
    let mut g = c.benchmark_group("corpus");
    g.sample_size(10);
    g.throughput(Throughput::Bytes(bytes as u64));
    g.bench_function(
        format!("check all {} reports (one thread)", files.len()),
        |b| {
            b.iter(|| {
                for (src, kind) in &files {
                    black_box(check(src, *kind));
                }
            })
        },
    );
    g.bench_function(
        format!("check + JSON, all {} reports (one thread)", files.len()),
        |b| {
            b.iter(|| {
                for (src, kind) in &files {
                    let c = check(src, *kind);
                    black_box(api::to_json("x", &c, Default::default()).to_string());
                }
            })
        },
    );
    g.finish();
}

fn large(c: &mut Criterion) {
    let mut g = c.benchmark_group("large input");
    g.sample_size(10);
    for (label, size, html) in [
        ("1 MB text", 1 << 20, false),
        ("10 MB text", 10 << 20, false),
        ("1 MB html", 1 << 20, true),
        ("10 MB html", 10 << 20, true),
    ] {
        let src = synthetic(size, html);
        let kind = if html {
            KindOption::Html
        } else {
            KindOption::Text
        };
        g.throughput(Throughput::Bytes(src.len() as u64));
        g.bench_function(format!("check {label}"), |b| {
            b.iter(|| black_box(check(&src, kind)))
        });
        if html {
            g.bench_function(format!("bare scraper parse {label}"), |b| {
                b.iter(|| black_box(scraper::Html::parse_document(&src)))
            });
        }
    }
    g.finish();
}

criterion_group!(benches, whole_corpus, large);
criterion_main!(benches);
