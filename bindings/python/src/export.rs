//! `syriatalks.export`: the records that match a query written as Parquet, CSV or JSON Lines by
//! the writers of `syriatalks-tables` (the ones the CLI's `export` uses), or as the JSON document
//! of `export --format json`, without the GIL.

use std::fs::{self, File};
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use pyo3::exceptions::{PyOSError, PyRuntimeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::PyDict;
use syriatalks::{Dataset, Filter, QueryError, RecordKind};
use syriatalks_tables::{
    file_name, write_csv, write_jsonl, write_parquet, write_parquet_by_year, Batches, FlatBatches,
    WriteError,
};

use crate::conv::DsHandle;
use crate::NativeDataset;

enum Failure {
    Query(QueryError),
    Write(WriteError),
}

impl From<WriteError> for Failure {
    fn from(e: WriteError) -> Self {
        Failure::Write(e)
    }
}

impl From<std::io::Error> for Failure {
    fn from(e: std::io::Error) -> Self {
        Failure::Write(WriteError::Io(e))
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Format {
    Parquet,
    ParquetByYear,
    Csv,
    Jsonl,
    Json,
}

fn format_of(format: &str, partition: Option<&str>) -> PyResult<Format> {
    match (format, partition) {
        ("parquet", None) => Ok(Format::Parquet),
        ("parquet", Some("year")) => Ok(Format::ParquetByYear),
        ("csv", None) => Ok(Format::Csv),
        ("jsonl", None) => Ok(Format::Jsonl),
        ("json", None) => Ok(Format::Json),
        ("parquet" | "csv" | "jsonl" | "json", Some(p)) => Err(PyValueError::new_err(format!(
            "partition={p:?}: only Parquet is partitioned, and only by \"year\""
        ))),
        (f, _) => Err(PyValueError::new_err(format!(
            "unknown export format {f:?} (expected one of: parquet, csv, jsonl, json)"
        ))),
    }
}

/// The one file a one-file format writes, its folder made first.
fn create_file(path: &Path) -> std::io::Result<File> {
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        fs::create_dir_all(parent)?;
    }
    File::create(path)
}

fn write(
    handle: &DsHandle,
    kinds: &[RecordKind],
    filter: &Filter,
    format: Format,
    dir: &Path,
) -> Result<Vec<PathBuf>, Failure> {
    let mut written = Vec::new();
    if format == Format::Json {
        // The CLI's `export --format json` document, by the same rule (whole, or the subset).
        let ds: &Dataset = handle.ds();
        let text = ds.document_json(kinds, filter).map_err(Failure::Query)?;
        create_file(dir)?.write_all((text + "\n").as_bytes())?;
        return Ok(vec![dir.to_path_buf()]);
    }
    if format == Format::Jsonl {
        // As the CLI's `--out FILE`: the path is the file, so the loader reads it with its seeds.
        let ds: &Dataset = handle.ds();
        let mut records = Vec::new();
        for &kind in kinds {
            records.extend(ds.query(kind, filter).map_err(Failure::Query)?);
        }
        write_jsonl(records, BufWriter::new(create_file(dir)?))?;
        return Ok(vec![dir.to_path_buf()]);
    }
    fs::create_dir_all(dir)?;
    for &kind in kinds {
        let batches = Batches::query(handle.clone(), kind, filter).map_err(Failure::Query)?;
        match format {
            Format::ParquetByYear => {
                let folder = dir.join(kind.as_str());
                // Stale years of an earlier export would join the dataset a reader sees (as the CLI).
                if folder.exists() {
                    fs::remove_dir_all(&folder)?;
                }
                written.extend(
                    write_parquet_by_year(batches, &folder)?
                        .into_iter()
                        .map(|(p, _)| p),
                );
            }
            Format::Parquet | Format::Csv => {
                let ext = if format == Format::Csv {
                    "csv"
                } else {
                    "parquet"
                };
                let path = dir.join(file_name(kind, ext));
                let out = BufWriter::new(File::create(&path)?);
                if format == Format::Csv {
                    write_csv(FlatBatches::new(batches), out)?;
                } else {
                    write_parquet(batches, out)?;
                }
                written.push(path);
            }
            Format::Jsonl | Format::Json => unreachable!("written above"),
        }
    }
    Ok(written)
}

/// export(dataset: NativeDataset, path: str, format: str, partition: Optional[str] = None, record_type: Optional[str] = None, filters: Optional[Mapping[str, object]] = None) -> List[str]
///
/// Writes the records of one type (or of every type) that match the filters under the folder
/// `path`: `TYPE.parquet`, `TYPE/year=YYYY/part-0.parquet` (partition "year", replacing the
/// type's folder) or `TYPE.csv`; for "jsonl" and "json", `path` is the file. Returns the files
/// written.
#[pyfunction]
#[pyo3(signature = (dataset, path, format, partition = None, record_type = None, filters = None))]
pub fn export(
    py: Python<'_>,
    dataset: &NativeDataset,
    path: PathBuf,
    format: &str,
    partition: Option<&str>,
    record_type: Option<&str>,
    filters: Option<&Bound<'_, PyDict>>,
) -> PyResult<Vec<String>> {
    let format = format_of(format, partition)?;
    let kinds = match record_type {
        Some(word) => vec![crate::record_kind(py, word)?],
        None => RecordKind::ALL.to_vec(),
    };
    let filter = crate::filter_from(py, filters)?;
    let handle = dataset.handle().clone();
    match py.detach(|| write(&handle, &kinds, &filter, format, &path)) {
        Ok(files) => Ok(files
            .into_iter()
            .map(|p| p.to_string_lossy().into_owned())
            .collect()),
        Err(Failure::Query(e)) => Err(crate::query_error(py, e)),
        Err(Failure::Write(WriteError::Io(e))) => {
            Err(PyOSError::new_err(format!("syriatalks export: {e}")))
        }
        Err(Failure::Write(e)) => Err(PyRuntimeError::new_err(format!("syriatalks export: {e}"))),
    }
}
