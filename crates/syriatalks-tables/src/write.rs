//! Writers: CSV (one flat file per record type) and Parquet (one file per type, or one folder
//! per year, hive-partitioned). Each writes batch by batch, so a corpus is never held twice.

#[cfg(feature = "parquet")]
use std::fs::{self, File};
#[cfg(feature = "parquet")]
use std::io::BufWriter;
#[cfg(any(feature = "csv", feature = "parquet"))]
use std::io::Write;
#[cfg(any(feature = "csv", feature = "parquet"))]
use std::ops::Deref;
#[cfg(feature = "parquet")]
use std::path::{Path, PathBuf};
#[cfg(feature = "csv")]
use std::sync::Arc;

#[cfg(feature = "parquet")]
use arrow_array::RecordBatchReader;
#[cfg(feature = "csv")]
use arrow_array::{ArrayRef, RecordBatch};
#[cfg(feature = "csv")]
use arrow_cast::cast;
use arrow_schema::ArrowError;
#[cfg(feature = "csv")]
use arrow_schema::{DataType, Schema, SchemaRef};
use chrono::Datelike;
#[cfg(feature = "parquet")]
use parquet::arrow::ArrowWriter;
#[cfg(feature = "parquet")]
use parquet::basic::Compression;
#[cfg(feature = "parquet")]
use parquet::errors::ParquetError;
#[cfg(feature = "parquet")]
use parquet::file::properties::WriterProperties;
use syriatalks::{Dataset, RecordKind, RecordRef};

#[cfg(feature = "parquet")]
use crate::reader::Batches;

/// The partition folder of records with no anchored day, as Hive, Spark and DuckDB name it
/// (they read it back as a null `year`).
pub const UNDATED_PARTITION: &str = "__HIVE_DEFAULT_PARTITION__";

/// What can go wrong writing a table.
#[derive(Debug)]
#[non_exhaustive]
pub enum WriteError {
    /// Reading or writing a file.
    Io(std::io::Error),
    /// Building or converting Arrow data.
    Arrow(ArrowError),
    /// Encoding Parquet.
    #[cfg(feature = "parquet")]
    Parquet(ParquetError),
}

impl std::fmt::Display for WriteError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            WriteError::Io(e) => write!(f, "{e}"),
            WriteError::Arrow(e) => write!(f, "arrow: {e}"),
            #[cfg(feature = "parquet")]
            WriteError::Parquet(e) => write!(f, "parquet: {e}"),
        }
    }
}

impl std::error::Error for WriteError {}

impl From<std::io::Error> for WriteError {
    fn from(e: std::io::Error) -> Self {
        WriteError::Io(e)
    }
}
impl From<ArrowError> for WriteError {
    fn from(e: ArrowError) -> Self {
        WriteError::Arrow(e)
    }
}
#[cfg(feature = "parquet")]
impl From<ParquetError> for WriteError {
    fn from(e: ParquetError) -> Self {
        WriteError::Parquet(e)
    }
}

#[cfg(feature = "parquet")]
fn properties() -> WriterProperties {
    WriterProperties::builder()
        .set_compression(Compression::SNAPPY)
        .build()
}

#[cfg(feature = "parquet")]
/// Writes every batch of `reader` as one Parquet file; returns the rows written.
pub fn write_parquet<R: RecordBatchReader, W: Write + Send>(
    reader: R,
    out: W,
) -> Result<usize, WriteError> {
    let mut w = ArrowWriter::try_new(out, reader.schema(), Some(properties()))?;
    let mut rows = 0;
    for b in reader {
        let b = b?;
        rows += b.num_rows();
        w.write(&b)?;
    }
    w.close()?;
    Ok(rows)
}

/// The record at position `i` among the dataset's records of `kind` (as `Batches::rows` numbers
/// them).
///
/// # Panics
/// If `i` is past the last record of `kind`.
pub fn record_at(ds: &Dataset, kind: RecordKind, i: usize) -> RecordRef<'_> {
    match kind {
        RecordKind::Source => RecordRef::Source(&ds.sources()[i]),
        RecordKind::Actor => RecordRef::Actor(&ds.actors()[i]),
        RecordKind::Place => RecordRef::Place(&ds.places()[i]),
        RecordKind::Round => RecordRef::Round(&ds.rounds()[i]),
        RecordKind::Event => RecordRef::Event(&ds.events()[i]),
        RecordKind::Figure => RecordRef::Figure(&ds.figures()[i]),
        RecordKind::Quote => RecordRef::Quote(&ds.quotes()[i]),
        RecordKind::Position => RecordRef::Position(&ds.positions()[i]),
        RecordKind::Instrument => RecordRef::Instrument(&ds.instruments()[i]),
    }
}

/// The year partition of a record: the year of its first anchored day (`Dataset::days`), or
/// `None` when it has none.
pub fn partition_year(ds: &Dataset, r: RecordRef<'_>) -> Option<i32> {
    ds.days(r).map(|d| d.first.year())
}

#[cfg(feature = "parquet")]
/// Writes the rows of `batches` hive-partitioned by year under `dir`:
/// `dir/year=2016/part-0.parquet`, undated records in `dir/year=__HIVE_DEFAULT_PARTITION__/`.
/// Years come in ascending order, undated last; rows keep their order within a year. Returns the
/// files written with their row counts.
pub fn write_parquet_by_year<D: Deref<Target = Dataset> + Clone>(
    batches: Batches<D>,
    dir: &Path,
) -> Result<Vec<(PathBuf, usize)>, WriteError> {
    let ds = batches.dataset();
    let kind = batches.kind();
    let mut by_year: std::collections::BTreeMap<(bool, i32), Vec<u32>> = Default::default();
    for &i in batches.rows() {
        let y = partition_year(ds, record_at(ds, kind, i as usize));
        by_year
            .entry((y.is_none(), y.unwrap_or(0)))
            .or_default()
            .push(i);
    }
    let handle = batches.handle();
    let chunk = batches.chunk();
    let mut written = Vec::new();
    for ((undated, year), rows) in by_year {
        let name = if undated {
            UNDATED_PARTITION.to_string()
        } else {
            year.to_string()
        };
        let folder = dir.join(format!("year={name}"));
        fs::create_dir_all(&folder)?;
        let path = folder.join("part-0.parquet");
        let part = Batches::from_rows(handle.clone(), kind, rows).with_chunk(chunk);
        let n = write_parquet(part, BufWriter::new(File::create(&path)?))?;
        written.push((path, n));
    }
    Ok(written)
}

#[cfg(feature = "csv")]
/// Writes the flat form of the rows (see [`crate::FlatBatches`]) as CSV with a header row,
/// dictionary columns as their words; returns the rows written.
pub fn write_csv<D: Deref<Target = Dataset>, W: Write>(
    rows: crate::FlatBatches<D>,
    out: W,
) -> Result<usize, WriteError> {
    let mut w = arrow_csv::WriterBuilder::new().with_header(true).build(out);
    let mut written = 0;
    for b in rows {
        let b = words(&b?)?;
        written += b.num_rows();
        w.write(&b)?;
    }
    Ok(written)
}

#[cfg(feature = "csv")]
/// A flat batch with its dictionary columns cast to plain strings, as CSV holds them.
pub fn words(b: &RecordBatch) -> Result<RecordBatch, ArrowError> {
    let mut fields = Vec::with_capacity(b.num_columns());
    let mut cols: Vec<ArrayRef> = Vec::with_capacity(b.num_columns());
    for (f, c) in b.schema().fields().iter().zip(b.columns()) {
        if matches!(f.data_type(), DataType::Dictionary(..)) {
            fields.push(f.as_ref().clone().with_data_type(DataType::Utf8));
            cols.push(cast(c, &DataType::Utf8)?);
        } else {
            fields.push(f.as_ref().clone());
            cols.push(c.clone());
        }
    }
    let schema: SchemaRef =
        Arc::new(Schema::new(fields).with_metadata(b.schema().metadata().clone()));
    RecordBatch::try_new(schema, cols)
}

/// The file name of a record type's table: `event.csv`, `event.parquet`.
pub fn file_name(kind: RecordKind, ext: &str) -> String {
    format!("{}.{ext}", kind.as_str())
}
