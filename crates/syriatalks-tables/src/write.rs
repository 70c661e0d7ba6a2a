//! Writers: CSV (one flat file per record type) and Parquet (one file per type, or one folder
//! per year, hive-partitioned). Each writes batch by batch, so a corpus is never held twice.

#[cfg(feature = "parquet")]
use std::fs::{self, File};
#[cfg(feature = "parquet")]
use std::io::BufWriter;
#[cfg(any(feature = "csv", feature = "parquet"))]
use std::io::Write;
#[cfg(feature = "parquet")]
use std::ops::Deref;
#[cfg(feature = "parquet")]
use std::path::{Path, PathBuf};
#[cfg(feature = "csv")]
use std::sync::Arc;

#[cfg(feature = "csv")]
use arrow_array::cast::AsArray;
#[cfg(any(feature = "csv", feature = "parquet"))]
use arrow_array::RecordBatchReader;
#[cfg(feature = "csv")]
use arrow_array::{Array, ArrayRef, RecordBatch, StringArray};
#[cfg(feature = "csv")]
use arrow_cast::cast;
#[cfg(feature = "csv")]
use arrow_cast::display::{ArrayFormatter, FormatOptions};
use arrow_schema::ArrowError;
#[cfg(feature = "csv")]
use arrow_schema::{DataType, Field, Schema, SchemaRef};
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
/// Writes every batch of `reader` as CSV with a header row, lists flattened (see [`flatten`]);
/// returns the rows written.
pub fn write_csv<R: RecordBatchReader, W: Write>(reader: R, out: W) -> Result<usize, WriteError> {
    let mut w = arrow_csv::WriterBuilder::new().with_header(true).build(out);
    let mut rows = 0;
    for b in reader {
        let b = flatten(&b?)?;
        rows += b.num_rows();
        w.write(&b)?;
    }
    Ok(rows)
}

#[cfg(feature = "csv")]
/// A batch with every column CSV can hold: dictionary strings as plain strings, lists of ids or
/// names joined with `"; "` (as `to_dataframe` joins them), lists of structs (evidence, roles,
/// delegations…) as JSON arrays of objects.
pub fn flatten(b: &RecordBatch) -> Result<RecordBatch, ArrowError> {
    let mut fields = Vec::with_capacity(b.num_columns());
    let mut cols = Vec::with_capacity(b.num_columns());
    for (f, c) in b.schema().fields().iter().zip(b.columns()) {
        let (dt, col): (DataType, ArrayRef) = match f.data_type() {
            DataType::Dictionary(..) => (DataType::Utf8, cast(c, &DataType::Utf8)?),
            DataType::List(item) if matches!(item.data_type(), DataType::Struct(_)) => {
                (DataType::Utf8, Arc::new(list_to_json(c)?))
            }
            DataType::List(_) => (DataType::Utf8, Arc::new(join_list(c)?)),
            other => (other.clone(), c.clone()),
        };
        fields.push(Field::new(f.name(), dt, f.is_nullable()).with_metadata(f.metadata().clone()));
        cols.push(col);
    }
    let schema: SchemaRef = Arc::new(Schema::new(fields));
    RecordBatch::try_new(schema, cols)
}

#[cfg(feature = "csv")]
fn join_list(c: &ArrayRef) -> Result<StringArray, ArrowError> {
    let list = c.as_list::<i32>();
    let mut out = Vec::with_capacity(list.len());
    for i in 0..list.len() {
        if list.is_null(i) {
            out.push(None);
            continue;
        }
        let items = cast(&list.value(i), &DataType::Utf8)?;
        let items = items.as_string::<i32>();
        let joined: Vec<&str> = items.iter().map(|s| s.unwrap_or("")).collect();
        out.push(Some(joined.join("; ")));
    }
    Ok(StringArray::from(out))
}

#[cfg(feature = "csv")]
fn list_to_json(c: &ArrayRef) -> Result<StringArray, ArrowError> {
    let list = c.as_list::<i32>();
    let mut out = Vec::with_capacity(list.len());
    for i in 0..list.len() {
        if list.is_null(i) {
            out.push(None);
            continue;
        }
        let mut s = String::new();
        json_value(&list.value(i), None, &mut s)?;
        out.push(Some(s));
    }
    Ok(StringArray::from(out))
}

#[cfg(feature = "csv")]
/// Writes `a` (or its row `row`) as JSON: a list as an array, a struct as an object, numbers
/// bare, everything else as a string.
fn json_value(a: &ArrayRef, row: Option<usize>, s: &mut String) -> Result<(), ArrowError> {
    let Some(row) = row else {
        s.push('[');
        for j in 0..a.len() {
            if j > 0 {
                s.push(',');
            }
            json_value(a, Some(j), s)?;
        }
        s.push(']');
        return Ok(());
    };
    if a.is_null(row) {
        s.push_str("null");
        return Ok(());
    }
    match a.data_type() {
        DataType::Struct(fields) => {
            let st = a.as_struct();
            s.push('{');
            for (k, (f, c)) in fields.iter().zip(st.columns()).enumerate() {
                if k > 0 {
                    s.push(',');
                }
                s.push_str(&json_string(f.name()));
                s.push(':');
                json_value(c, Some(row), s)?;
            }
            s.push('}');
        }
        DataType::List(_) => json_value(&a.as_list::<i32>().value(row), None, s)?,
        dt => {
            let text = ArrayFormatter::try_new(a.as_ref(), &FormatOptions::default())?
                .value(row)
                .to_string();
            if dt.is_integer() || dt.is_floating() {
                s.push_str(&text);
            } else {
                s.push_str(&json_string(&text));
            }
        }
    }
    Ok(())
}

#[cfg(feature = "csv")]
fn json_string(t: &str) -> String {
    let mut s = String::with_capacity(t.len() + 2);
    s.push('"');
    for ch in t.chars() {
        match ch {
            '"' => s.push_str("\\\""),
            '\\' => s.push_str("\\\\"),
            '\n' => s.push_str("\\n"),
            '\r' => s.push_str("\\r"),
            '\t' => s.push_str("\\t"),
            c if (c as u32) < 0x20 => s.push_str(&format!("\\u{:04x}", c as u32)),
            c => s.push(c),
        }
    }
    s.push('"');
    s
}

/// The file name of a record type's table: `event.csv`, `event.parquet`.
pub fn file_name(kind: RecordKind, ext: &str) -> String {
    format!("{}.{ext}", kind.as_str())
}
