//! A reader of record batches over a dataset handle.

use std::ops::Deref;

use arrow_array::{RecordBatch, RecordBatchReader};
use arrow_schema::{ArrowError, SchemaRef};
use syriatalks::{Dataset, Filter, QueryError, RecordKind};

use crate::schema::{batch, schema};

/// Rows per batch unless told otherwise: large enough that per-batch costs vanish, small enough
/// that one batch of a million-event corpus stays a few tens of megabytes.
pub const DEFAULT_CHUNK: usize = 64 * 1024;

/// The records of one type, selected once, read as Arrow record batches of at most `chunk` rows.
///
/// `D` is anything that derefs to a [`Dataset`]: `&Dataset` or `&'static Dataset` for the embedded
/// one, `Arc<Dataset>` for a loaded one. With an owning `D` the reader is `Send + 'static`, so it can
/// be handed to `arrow_array::ffi_stream::FFI_ArrowArrayStream::new`.
pub struct Batches<D> {
    ds: D,
    kind: RecordKind,
    rows: Vec<u32>,
    next: usize,
    chunk: usize,
    schema: SchemaRef,
}

impl<D: Deref<Target = Dataset>> Batches<D> {
    /// Every record of `kind`, in data-file order.
    pub fn all(ds: D, kind: RecordKind) -> Self {
        let n = ds
            .counts()
            .into_iter()
            .find(|(k, _)| *k == kind)
            .map_or(0, |(_, n)| n);
        let rows = (0..n as u32).collect();
        Self::from_rows(ds, kind, rows)
    }

    /// The records of `kind` that `filter` keeps, in the order the query returns them.
    pub fn query(ds: D, kind: RecordKind, filter: &Filter) -> Result<Self, QueryError> {
        let rows = ds
            .query(kind, filter)?
            .into_iter()
            .map(|r| match ds.position_of(r) {
                Some((k, i)) if k == kind => i as u32,
                _ => unreachable!("a query returns records of the dataset, of the kind asked"),
            })
            .collect();
        Ok(Self::from_rows(ds, kind, rows))
    }

    /// The records at these positions among the dataset's records of `kind`.
    ///
    /// # Panics
    /// When building a batch, if a position is past the last record of `kind`.
    pub fn from_rows(ds: D, kind: RecordKind, rows: Vec<u32>) -> Self {
        Batches {
            ds,
            kind,
            rows,
            next: 0,
            chunk: DEFAULT_CHUNK,
            schema: schema(kind),
        }
    }

    /// Sets the number of rows per batch (at least one).
    pub fn with_chunk(mut self, rows: usize) -> Self {
        self.chunk = rows.max(1);
        self
    }

    /// The record type.
    pub fn kind(&self) -> RecordKind {
        self.kind
    }

    /// How many rows in all, read or not.
    pub fn num_rows(&self) -> usize {
        self.rows.len()
    }

    /// The positions of the rows among the dataset's records of this type.
    pub fn rows(&self) -> &[u32] {
        &self.rows
    }

    /// The dataset.
    pub fn dataset(&self) -> &Dataset {
        &self.ds
    }

    /// Rows per batch.
    pub fn chunk(&self) -> usize {
        self.chunk
    }
}

impl<D: Deref<Target = Dataset> + Clone> Batches<D> {
    /// A copy of the dataset handle (cheap for `&Dataset` and `Arc<Dataset>`).
    pub fn handle(&self) -> D {
        self.ds.clone()
    }
}

impl<D: Deref<Target = Dataset>> Iterator for Batches<D> {
    type Item = Result<RecordBatch, ArrowError>;

    fn next(&mut self) -> Option<Self::Item> {
        // An empty selection still yields one empty batch, so readers see the columns.
        if self.next >= self.rows.len() && !(self.rows.is_empty() && self.next == 0) {
            return None;
        }
        let end = (self.next + self.chunk).min(self.rows.len());
        let out = batch(&self.ds, self.kind, &self.rows[self.next..end]);
        self.next = end.max(1);
        Some(out)
    }
}

impl<D: Deref<Target = Dataset>> RecordBatchReader for Batches<D> {
    fn schema(&self) -> SchemaRef {
        self.schema.clone()
    }
}
