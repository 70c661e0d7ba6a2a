//! Arrow, Parquet and CSV against JSON for the same records: every event of a user corpus (e.g.
//! the 1M-event corpus of `syriatalks generate`) built into Arrow batches and into their flat form,
//! written as Parquet and as CSV, and written as JSON Lines and as a serde_json array, all to a sink, in the same run, so the ratios
//! compare like with like. `scripts/bench-scale` runs it on its largest corpus.
//!
//! ```sh
//! syriatalks generate --events 1000000 --out /tmp/corpus
//! SYRIATALKS_BENCH_DATA=/tmp/corpus cargo bench -p syriatalks-tables --bench export
//! ```
//!
//! Without `SYRIATALKS_BENCH_DATA` the bench says so and measures nothing.
#![allow(missing_docs)]

use std::io::{sink, Write};
use std::path::PathBuf;
use std::time::Duration;

use criterion::{black_box, criterion_group, criterion_main, Criterion};
use syriatalks::{RecordKind, RecordRef};
use syriatalks_tables::{write_csv, write_jsonl, write_parquet, Batches, FlatBatches};

fn export(c: &mut Criterion) {
    let Some(dir) = std::env::var_os("SYRIATALKS_BENCH_DATA").map(PathBuf::from) else {
        eprintln!("export: skipped (set SYRIATALKS_BENCH_DATA to a corpus folder)");
        return;
    };
    let ds = syriatalks::load(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    let n = ds.events().len();
    eprintln!("export: {n} events from {}", dir.display());
    let mut g = c.benchmark_group("export");
    g.sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(20));
    g.bench_function("arrow_batches", |b| {
        b.iter(|| {
            let rows: usize = Batches::all(&ds, RecordKind::Event)
                .map(|b| b.unwrap().num_rows())
                .sum();
            black_box(rows)
        })
    });
    g.bench_function("parquet", |b| {
        b.iter(|| black_box(write_parquet(Batches::all(&ds, RecordKind::Event), sink()).unwrap()))
    });
    g.bench_function("flat_batches", |b| {
        b.iter(|| {
            let rows: usize = FlatBatches::new(Batches::all(&ds, RecordKind::Event))
                .map(|b| b.unwrap().num_rows())
                .sum();
            black_box(rows)
        })
    });
    g.bench_function("csv", |b| {
        b.iter(|| {
            let flat = FlatBatches::new(Batches::all(&ds, RecordKind::Event));
            black_box(write_csv(flat, std::io::BufWriter::new(sink())).unwrap())
        })
    });
    g.bench_function("jsonl", |b| {
        b.iter(|| black_box(write_jsonl(ds.events().iter().map(RecordRef::Event), sink()).unwrap()))
    });
    g.bench_function("json", |b| {
        b.iter(|| {
            let mut w = std::io::BufWriter::new(sink());
            serde_json::to_writer(&mut w, ds.events()).unwrap();
            w.flush().unwrap();
        })
    });
    g.finish();
}

criterion_group!(benches, export);
criterion_main!(benches);
