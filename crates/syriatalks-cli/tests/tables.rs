//! `export --format jsonl|csv|parquet`: a year-partitioned Parquet export answers a date + actor
//! query as the query API does, a generated corpus larger than one batch exports whole, and the
//! JSON Lines export of a corpus loads back as the same dataset.

use std::fs::File;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use arrow_array::cast::AsArray;
use arrow_array::types::Date32Type;
use arrow_array::{Array, RecordBatch};
use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;
use syriatalks::{Filter, PartialDate, RecordKind};

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_syriatalks"))
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("cannot run syriatalks: {e}"))
}

fn ok(args: &[&str]) -> String {
    let o = run(args);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{args:?}: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8(o.stdout).unwrap()
}

fn tmp(tag: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("syriatalks-tables-{tag}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

fn parquet_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        let p = e.path();
        if p.is_dir() {
            parquet_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "parquet") {
            out.push(p);
        }
    }
    out.sort();
}

fn read(path: &Path) -> Vec<RecordBatch> {
    ParquetRecordBatchReaderBuilder::try_new(File::open(path).unwrap())
        .unwrap()
        .build()
        .unwrap()
        .map(Result::unwrap)
        .collect()
}

fn strings(a: &arrow_array::ArrayRef) -> Vec<String> {
    let a = arrow_cast::cast(a, &arrow_schema::DataType::Utf8).unwrap();
    a.as_string::<i32>()
        .iter()
        .map(|s| s.unwrap_or("").to_string())
        .collect()
}

#[test]
fn a_year_partitioned_export_answers_a_date_and_actor_query_like_the_api() {
    let ds = syriatalks::embedded();
    let dir = tmp("pq");
    let o = run(&[
        "export",
        "--format",
        "parquet",
        "--partition",
        "year",
        "--out",
        dir.to_str().unwrap(),
    ]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    for kind in RecordKind::ALL {
        assert!(dir.join(kind.as_str()).is_dir(), "{kind}");
    }
    let mut files = Vec::new();
    parquet_files(&dir.join("event"), &mut files);
    assert!(files
        .iter()
        .any(|p| p.to_str().unwrap().contains("/year=2016/part-0.parquet")));
    let batches: Vec<RecordBatch> = files.iter().flat_map(|p| read(p)).collect();
    let (from, to) = (
        PartialDate::month(2016, 1).unwrap(),
        PartialDate::month(2017, 3).unwrap(),
    );
    // Every actor of the events, so that the check covers many selections.
    let mut actors: Vec<&str> = ds
        .events()
        .iter()
        .flat_map(|e| e.actors.iter().map(|p| p.actor.as_str()))
        .collect();
    actors.sort();
    actors.dedup();
    for actor in actors {
        let f = Filter::new().since(from).until(to).actor(actor);
        let mut want: Vec<String> = ds
            .query(RecordKind::Event, &f)
            .unwrap()
            .iter()
            .map(|r| r.id().to_string())
            .collect();
        // What a DuckDB user writes: list_contains(actor_ids, ID) and the anchored days overlapping
        // the range (the `possible` reading of --from/--to).
        let mut got = Vec::new();
        let (lo, hi) = (
            syriatalks_tables::date32(from.first_day()),
            syriatalks_tables::date32(to.last_day()),
        );
        for b in &batches {
            let ids = strings(b.column_by_name("id").unwrap());
            let first = b
                .column_by_name("days_first")
                .unwrap()
                .as_primitive::<Date32Type>()
                .clone();
            let last = b
                .column_by_name("days_last")
                .unwrap()
                .as_primitive::<Date32Type>()
                .clone();
            let lists = b
                .column_by_name("actor_ids")
                .unwrap()
                .as_list::<i32>()
                .clone();
            for (i, id) in ids.iter().enumerate() {
                let has = strings(&lists.value(i)).iter().any(|a| a == actor);
                let overlaps = first.is_valid(i) && first.value(i) <= hi && last.value(i) >= lo;
                if has && overlaps {
                    got.push(id.clone());
                }
            }
        }
        want.sort();
        got.sort();
        assert_eq!(got, want, "events(actor={actor}, 2016-01..2017-03)");
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn csv_and_filters_write_one_file_per_type_with_the_query_rows() {
    let ds = syriatalks::embedded();
    let dir = tmp("csv");
    ok(&[
        "export",
        "--format",
        "csv",
        "--kind",
        "figure",
        "--from",
        "2016",
        "--out",
        dir.to_str().unwrap(),
    ]);
    let names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into())
        .collect();
    assert_eq!(names, vec!["figure.csv".to_string()]);
    let text = std::fs::read_to_string(dir.join("figure.csv")).unwrap();
    let f = Filter::new().since(PartialDate::year(2016));
    let want = ds.query(RecordKind::Figure, &f).unwrap();
    let mut lines = text.lines();
    assert!(lines.next().unwrap().starts_with("id,label,measure,value,"));
    let ids: Vec<&str> = lines
        .filter(|l| !l.starts_with('"') && !l.is_empty())
        .filter_map(|l| l.split(',').next())
        .filter(|id| ds.get(id).is_some())
        .collect();
    let want: Vec<&str> = want.iter().map(|r| r.id()).collect();
    assert_eq!(ids, want);
    let o = run(&["export", "--format", "csv"]);
    assert_eq!(o.status.code(), Some(2), "csv needs --out");
    let o = run(&["export", "--format", "jsonl", "--kind", "bogus"]);
    assert_eq!(o.status.code(), Some(2));
    let o = run(&[
        "export",
        "--format",
        "csv",
        "--partition",
        "year",
        "--out",
        dir.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(2), "--partition is for parquet");
    let _ = std::fs::remove_dir_all(&dir);
}

/// A generated corpus larger than one batch (64k rows): Parquet holds every event once, in order,
/// and the JSON Lines export, with the corpus's seeds, loads back as the same dataset.
#[test]
fn a_corpus_larger_than_one_batch_exports_whole_and_round_trips_through_json_lines() {
    let corpus = tmp("corpus");
    ok(&[
        "generate",
        "--events",
        "70000",
        "--per-article",
        "1000",
        "--format",
        "jsonl",
        "--out",
        corpus.to_str().unwrap(),
    ]);
    let data = corpus.to_str().unwrap();
    let out = tmp("corpus-pq");
    ok(&[
        "--data",
        data,
        "export",
        "--format",
        "parquet",
        "--kind",
        "event",
        "--out",
        out.to_str().unwrap(),
    ]);
    let batches = read(&out.join("event.parquet"));
    let ids: Vec<String> = batches.iter().flat_map(|b| strings(b.column(0))).collect();
    let ds = syriatalks::load(&corpus).unwrap();
    assert!(ds.events().len() > syriatalks_tables::DEFAULT_CHUNK);
    let want: Vec<&str> = ds.events().iter().map(|e| e.id.as_str()).collect();
    assert_eq!(ids, want);

    let again = tmp("corpus-jsonl");
    std::fs::create_dir_all(again.join("seeds")).unwrap();
    for e in std::fs::read_dir(corpus.join("seeds")).unwrap().flatten() {
        std::fs::copy(e.path(), again.join("seeds").join(e.file_name())).unwrap();
    }
    let jsonl = again.join("records.jsonl");
    ok(&[
        "--data",
        data,
        "export",
        "--format",
        "jsonl",
        "--out",
        jsonl.to_str().unwrap(),
    ]);
    let back = syriatalks::load(&again).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(back.counts(), ds.counts());
    assert!(
        back.to_json() == ds.to_json(),
        "the JSON Lines export loads back as the same dataset"
    );
    for d in [corpus, out, again] {
        let _ = std::fs::remove_dir_all(d);
    }
}
