//! Parsing and checking speed. `cargo bench --bench parse`; figures are recorded in
//! BENCHMARKS.md. Under `cargo test --all-targets` each benchmark runs once, as a smoke test.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use nianbao::api::{self, CheckOptions, KindOption};
use std::hint::black_box;
use std::path::Path;

fn corpus(rel: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/corpus")
        .join(rel);
    nianbao::input::decode(&std::fs::read(path).unwrap(), Some(rel))
        .unwrap()
        .text
}

fn opts(kind: KindOption) -> CheckOptions {
    CheckOptions {
        kind,
        ..Default::default()
    }
}

fn typical(c: &mut Criterion) {
    let mut g = c.benchmark_group("typical report");
    for (name, rel, kind) in [
        (
            "text (pipe table, seed 004)",
            "seeds/004_046dc01fb9bbe87a.txt",
            KindOption::Text,
        ),
        (
            "text (glued digits, pingtan 2021)",
            "reports/pingtan-2021.txt",
            KindOption::Text,
        ),
        (
            "html (portal page, pingtan 2022)",
            "reports/pingtan-2022.html",
            KindOption::Html,
        ),
    ] {
        let src = corpus(rel);
        g.throughput(Throughput::Bytes(src.len() as u64));
        g.bench_with_input(BenchmarkId::new("parse", name), &src, |b, s| {
            b.iter(|| {
                black_box(nianbao::parse::parse(
                    s,
                    if kind == KindOption::Html {
                        nianbao::model::InputKind::Html
                    } else {
                        nianbao::model::InputKind::Text
                    },
                ))
            })
        });
        g.bench_with_input(BenchmarkId::new("parse + check", name), &src, |b, s| {
            b.iter(|| black_box(api::check(s, &opts(kind))))
        });
    }
    // The floor for HTML input: a bare scraper parse of the same page.
    let html = corpus("reports/pingtan-2022.html");
    g.bench_function("bare scraper parse (pingtan 2022 html)", |b| {
        b.iter(|| black_box(scraper::Html::parse_document(&html)))
    });
    g.finish();
}

fn large(c: &mut Criterion) {
    // A synthetic 1 MB input: a real report repeated.
    let one = corpus("seeds/004_046dc01fb9bbe87a.txt");
    let big = one.repeat(1_000_000 / one.len() + 1);
    let mut g = c.benchmark_group("large input");
    g.sample_size(10);
    g.throughput(Throughput::Bytes(big.len() as u64));
    g.bench_function("1 MB text", |b| {
        b.iter(|| black_box(api::check(&big, &opts(KindOption::Text))))
    });
    g.finish();
}

criterion_group!(benches, typical, large);
criterion_main!(benches);
