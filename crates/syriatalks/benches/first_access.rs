//! What the first access to the embedded dataset costs, against the named alternative of reading
//! the same records from the JSON export (what a user of a downloaded dataset would do), and
//! against a later, cached access.
//!
//! Run: `cargo bench -p syriatalks --bench first_access`.
#![allow(missing_docs)]

use criterion::{black_box, criterion_group, criterion_main, Criterion};

fn first_access(c: &mut Criterion) {
    let export = syriatalks::embedded().to_json();
    let mut g = c.benchmark_group("first_access");
    // What the first access does: decode the compact form the build script validated, and build
    // the indexes.
    // (Dropping the dataset is not part of opening it: iter_with_large_drop leaves it out.)
    g.bench_function("decode_compact", |b| {
        b.iter_with_large_drop(syriatalks::embedded_owned)
    });
    // What it did before the build-time validation: parse the TOML and validate it.
    g.bench_function("parse_toml_and_validate", |b| {
        b.iter_with_large_drop(syriatalks::embedded_from_sources)
    });
    g.bench_function("serde_json_value_of_export", |b| {
        b.iter_with_large_drop(|| serde_json::from_str::<serde_json::Value>(&export))
    });
    g.bench_function("cached_embedded", |b| {
        b.iter(|| black_box(syriatalks::embedded().events().len()))
    });
    g.finish();
}

fn queries(c: &mut Criterion) {
    let ds = syriatalks::embedded();
    let mut g = c.benchmark_group("queries");
    let f = syriatalks::Filter::new().actor("Jaafari");
    g.bench_function("timeline_actor_filter", |b| {
        b.iter(|| black_box(ds.timeline(&f).map(|v| v.len())))
    });
    g.bench_function("search_geneva", |b| {
        b.iter(|| black_box(ds.search("Geneva").len()))
    });
    g.finish();
}

criterion_group!(benches, first_access, queries);
criterion_main!(benches);
