//! CSV and Parquet files read back equal to the batches; the year partitions are laid out as
//! Hive, DuckDB and Spark expect.

use std::fs::File;
use std::path::PathBuf;

use arrow_array::RecordBatch;
use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;
use syriatalks::RecordKind;
use syriatalks_tables::{
    partition_year, schema, words, write_csv, write_parquet, write_parquet_by_year, Batches,
    FlatBatches, UNDATED_PARTITION,
};

fn scratch(name: &str) -> PathBuf {
    let d = PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
        .join("syriatalks-tables")
        .join(name);
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn read_parquet(path: &std::path::Path) -> Vec<RecordBatch> {
    ParquetRecordBatchReaderBuilder::try_new(File::open(path).unwrap())
        .unwrap()
        .build()
        .unwrap()
        .map(Result::unwrap)
        .collect()
}

#[test]
fn parquet_reads_back_equal_for_every_type() {
    let ds = syriatalks::embedded();
    let dir = scratch("parquet");
    for kind in RecordKind::ALL {
        let path = dir.join(format!("{kind}.parquet"));
        let n = write_parquet(Batches::all(ds, *kind), File::create(&path).unwrap()).unwrap();
        let want: Vec<RecordBatch> = Batches::all(ds, *kind).map(Result::unwrap).collect();
        assert_eq!(n, want.iter().map(RecordBatch::num_rows).sum::<usize>());
        let got = read_parquet(&path);
        let got = arrow_select::concat::concat_batches(&schema(*kind), &got).unwrap();
        let want = arrow_select::concat::concat_batches(&schema(*kind), &want).unwrap();
        assert_eq!(got.num_rows(), want.num_rows(), "{kind}");
        for (i, f) in want.schema().fields().iter().enumerate() {
            assert_eq!(
                got.column(i).as_ref(),
                want.column(i).as_ref(),
                "{kind}.{}",
                f.name()
            );
        }
    }
}

#[test]
fn csv_reads_back_equal_to_the_flattened_batches() {
    let ds = syriatalks::embedded();
    let dir = scratch("csv");
    for kind in RecordKind::ALL {
        let path = dir.join(format!("{kind}.csv"));
        write_csv(
            FlatBatches::new(Batches::all(ds, *kind)),
            File::create(&path).unwrap(),
        )
        .unwrap();
        let want = words(
            &FlatBatches::new(Batches::all(ds, *kind))
                .next()
                .unwrap()
                .unwrap(),
        )
        .unwrap();
        // CSV reads an empty field as null, so every column is read as nullable.
        let nullable: Vec<arrow_schema::Field> = want
            .schema()
            .fields()
            .iter()
            .map(|f| f.as_ref().clone().with_nullable(true))
            .collect();
        let read_schema = std::sync::Arc::new(arrow_schema::Schema::new(nullable));
        let got: Vec<RecordBatch> = arrow_csv::ReaderBuilder::new(read_schema.clone())
            .with_header(true)
            .build(File::open(&path).unwrap())
            .unwrap()
            .map(Result::unwrap)
            .collect();
        let got = arrow_select::concat::concat_batches(&read_schema, &got).unwrap();
        assert_eq!(got.num_rows(), want.num_rows(), "{kind}");
        for (i, f) in want.schema().fields().iter().enumerate() {
            // CSV cannot tell an empty string from a missing one.
            let g = arrow_cast::cast(got.column(i), &arrow_schema::DataType::Utf8).unwrap();
            let w = arrow_cast::cast(want.column(i), &arrow_schema::DataType::Utf8).unwrap();
            let norm = |a: &arrow_array::ArrayRef| -> Vec<String> {
                use arrow_array::cast::AsArray;
                a.as_string::<i32>()
                    .iter()
                    .map(|s| s.unwrap_or("").to_string())
                    .collect()
            };
            assert_eq!(norm(&g), norm(&w), "{kind}.{}", f.name());
        }
    }
    let header = std::fs::read_to_string(dir.join("event.csv")).unwrap();
    let header = header.lines().next().unwrap();
    assert!(header.starts_with("id,label,kind,"), "{header}");
    assert!(header.contains(",actor_ids,"));
}

#[test]
fn year_partitions_hold_each_record_once_under_its_first_anchored_year() {
    let ds = syriatalks::embedded();
    let dir = scratch("by-year");
    for kind in [RecordKind::Event, RecordKind::Place, RecordKind::Figure] {
        let files = write_parquet_by_year(
            Batches::all(ds, kind).with_chunk(5),
            &dir.join(kind.as_str()),
        )
        .unwrap();
        let mut seen = Vec::new();
        for (path, n) in &files {
            let folder = path
                .parent()
                .unwrap()
                .file_name()
                .unwrap()
                .to_str()
                .unwrap()
                .to_string();
            assert_eq!(path.file_name().unwrap(), "part-0.parquet");
            let year = folder.strip_prefix("year=").expect("hive folder name");
            let batches = read_parquet(path);
            assert_eq!(batches.iter().map(RecordBatch::num_rows).sum::<usize>(), *n);
            for b in &batches {
                let ids = arrow_cast::cast(b.column(0), &arrow_schema::DataType::Utf8).unwrap();
                use arrow_array::cast::AsArray;
                for id in ids.as_string::<i32>().iter().map(Option::unwrap) {
                    let r = ds.get(id).unwrap();
                    let want = partition_year(ds, r)
                        .map_or(UNDATED_PARTITION.to_string(), |y| y.to_string());
                    assert_eq!(year, want, "{id}");
                    seen.push(id.to_string());
                }
            }
        }
        let mut all: Vec<String> = ds
            .records()
            .filter(|r| r.kind() == kind)
            .map(|r| r.id().to_string())
            .collect();
        seen.sort();
        all.sort();
        assert_eq!(seen, all, "{kind}: every record once");
        if kind == RecordKind::Place {
            assert!(files
                .iter()
                .all(|(p, _)| p.to_str().unwrap().contains(UNDATED_PARTITION)));
        } else {
            assert!(files.len() > 1, "{kind} spans several years");
        }
    }
}
