//! The benchmark query at scale: "events from 1 February to 31 March 2016 involving one actor",
//! over a user corpus loaded from disk (`syriatalks generate` writes one; `scripts/bench-scale`
//! runs this bench on 100k and 1M events beside Python, pandas, DuckDB and SQLite).
//!
//! ```sh
//! syriatalks generate --events 1000000 --out /tmp/corpus
//! SYRIATALKS_BENCH_DATA=/tmp/corpus cargo bench -p syriatalks --bench scale
//! ```
//!
//! The actor and the window come from the corpus's `generated.json` (written by the generator
//! with the number of rows the query must return); `SYRIATALKS_BENCH_ACTOR` overrides the actor.
//! Without `SYRIATALKS_BENCH_DATA` the bench says so and measures nothing, so that a plain
//! `cargo bench` over the workspace still passes.
#![allow(missing_docs)]

use std::{path::PathBuf, time::Instant};

use criterion::{black_box, criterion_group, criterion_main, Criterion};
use syriatalks::{Event, Filter};

fn scale(c: &mut Criterion) {
    let Some(dir) = std::env::var_os("SYRIATALKS_BENCH_DATA").map(PathBuf::from) else {
        eprintln!(
            "scale: skipped (set SYRIATALKS_BENCH_DATA to a corpus folder; `syriatalks generate` writes one)"
        );
        return;
    };
    let info: serde_json::Value = std::fs::read_to_string(dir.join("generated.json"))
        .ok()
        .and_then(|t| serde_json::from_str(&t).ok())
        .unwrap_or_default();
    let query = &info["query"];
    let field = |k: &str, default: &str| query[k].as_str().unwrap_or(default).to_string();
    let actor = std::env::var("SYRIATALKS_BENCH_ACTOR").unwrap_or_else(|_| field("actor", ""));
    if actor.is_empty() {
        eprintln!(
            "scale: skipped ({} has no generated.json naming the query's actor; set SYRIATALKS_BENCH_ACTOR)",
            dir.display()
        );
        return;
    }
    let (since, until) = (field("since", "2016-02-01"), field("until", "2016-03-31"));

    let started = Instant::now();
    let ds = match syriatalks::load(&dir) {
        Ok(ds) => ds,
        Err(e) => {
            eprintln!("scale: {} does not load: {e}", dir.display());
            return;
        }
    };
    let filter = match (since.parse(), until.parse()) {
        (Ok(s), Ok(u)) => Filter::new().since(s).until(u).actor(actor.as_str()),
        _ => {
            eprintln!("scale: bad dates in generated.json: {since}, {until}");
            return;
        }
    };
    let rows = ds.select::<Event>(&filter).map(|v| v.len()).unwrap_or(0);
    // One line for scripts/bench-scale to read; criterion's own output follows.
    println!(
        "scale: loaded {} events in {:.2} s; query since {since} until {until} actor {actor}: {rows} rows (expected {})",
        ds.events().len(),
        started.elapsed().as_secs_f64(),
        query["rows"]
    );

    let mut g = c.benchmark_group("scale");
    g.sample_size(20);
    g.bench_function(format!("query-{}", ds.events().len()), |b| {
        b.iter(|| black_box(ds.select::<Event>(&filter).map(|v| v.len())))
    });
    g.finish();
}

criterion_group!(benches, scale);
criterion_main!(benches);
