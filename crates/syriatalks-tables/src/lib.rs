//! Arrow tables of the syriatalks dataset: one schema per record type, defined once here, record
//! batches read in chunks from any dataset handle, and CSV and Parquet writers that stream batch by
//! batch. The CLI, the C library and the Python binding all go through this crate; the core crate
//! stays free of Arrow.
//!
//! ```
//! use syriatalks::RecordKind;
//! let ds = syriatalks::embedded();
//! let mut batches = syriatalks_tables::Batches::all(ds, RecordKind::Event);
//! let first = batches.next().unwrap().unwrap();
//! assert_eq!(first.num_rows(), ds.events().len());
//! assert_eq!(first.schema(), syriatalks_tables::schema(RecordKind::Event));
//! ```

mod column;
mod docs;
#[cfg(feature = "flat")]
mod flat;
#[cfg(feature = "flat")]
mod json_cells;
mod jsonl;
mod reader;
mod schema;
mod write;

pub use column::{date32, DOC_KEY, FLAT_EMPTY_KEY};
pub use docs::{markdown as docs_markdown, type_name};
#[cfg(feature = "flat")]
pub use flat::{flat_row_count, flat_schema, FlatBatches, MAX_EXPLODED_RECORD_BYTES};
pub use jsonl::{jsonl_line, write_jsonl};
pub use reader::{Batches, DEFAULT_CHUNK};
pub use schema::{edtf, edtf_interval, schema};
pub use write::{file_name, partition_year, record_at, WriteError, UNDATED_PARTITION};
#[cfg(feature = "csv")]
pub use write::{words, write_csv};
#[cfg(feature = "parquet")]
pub use write::{write_parquet, write_parquet_by_year};

/// The Arrow crates this one is built on, re-exported so dependants use the same versions.
pub use arrow_array;
pub use arrow_schema;
