//! Query results as Arrow: a native object implementing the Arrow PyCapsule interface
//! (`__arrow_c_stream__`, `__arrow_c_schema__`), so that pyarrow, polars, DuckDB and any other
//! Arrow consumer read it without syriatalks depending on any of them, and without a copy
//! through Python objects. The batches come from `syriatalks-tables`; this module only hands
//! them over the Arrow C stream interface.

use std::ffi::CStr;
use std::sync::Arc;

use arrow_array::ffi_stream::FFI_ArrowArrayStream;
use arrow_array::RecordBatchReader;
use arrow_schema::ffi::FFI_ArrowSchema;
use arrow_schema::{ArrowError, SchemaRef};
use pyo3::exceptions::{PyRuntimeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyCapsule, PyDict};
use syriatalks::{Dataset, RecordKind};
use syriatalks_tables::{flat_row_count, flat_schema, schema, Batches, FlatBatches};

use crate::conv::DsHandle;
use crate::records::PyRecord;
use crate::NativeDataset;

/// The capsule names the PyCapsule interface specifies; consumers check them.
const STREAM_CAPSULE: &CStr = c"arrow_array_stream";
const SCHEMA_CAPSULE: &CStr = c"arrow_schema";

/// A reader of the batches of one table, owning what it reads (the dataset handle and the rows).
pub type BatchReader = Box<dyn RecordBatchReader + Send>;

/// Makes a fresh reader over the same rows: each `__arrow_c_stream__` call is a new stream,
/// because consumers such as DuckDB may scan the same object more than once.
pub type MakeBatches = Box<dyn Fn() -> Result<BatchReader, ArrowError> + Send + Sync>;

fn arrow_error(e: ArrowError) -> PyErr {
    PyRuntimeError::new_err(format!("syriatalks: Arrow: {e}"))
}

/// The records of one type that matched a query, as an Arrow table. Pass it to
/// `pyarrow.table(t)`, `polars.DataFrame(t)` or name it in a DuckDB query; each read makes a
/// new stream over the same rows.
#[pyclass(frozen, module = "syriatalks._native", name = "ArrowTable")]
pub struct ArrowTable {
    record_type: &'static str,
    rows: usize,
    schema: SchemaRef,
    make: MakeBatches,
}

impl ArrowTable {
    /// A table of `rows` records of `record_type`, whose batches `make` produces.
    pub fn new(
        record_type: &'static str,
        rows: usize,
        schema: SchemaRef,
        make: MakeBatches,
    ) -> Self {
        ArrowTable {
            record_type,
            rows,
            schema,
            make,
        }
    }
}

#[pymethods]
impl ArrowTable {
    /// __arrow_c_stream__(self, requested_schema: Optional[object] = None) -> object
    ///
    /// A new Arrow C stream over the rows, in a PyCapsule named ``arrow_array_stream`` (the
    /// Arrow PyCapsule interface). A requested schema is ignored, as the interface allows: the
    /// table has one schema. A stream the consumer did not take is released with the capsule.
    #[pyo3(signature = (requested_schema = None))]
    fn __arrow_c_stream__<'py>(
        &self,
        py: Python<'py>,
        requested_schema: Option<Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyCapsule>> {
        let _ = requested_schema;
        let reader = (self.make)().map_err(arrow_error)?;
        // The capsule owns the stream; dropping it runs the stream's `release` unless a consumer
        // moved the stream out (which nulls `release` in the capsule's copy).
        PyCapsule::new_with_value(py, FFI_ArrowArrayStream::new(reader), STREAM_CAPSULE)
    }

    /// __arrow_c_schema__(self) -> object
    ///
    /// The table's Arrow schema, in a PyCapsule named ``arrow_schema``.
    fn __arrow_c_schema__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyCapsule>> {
        let schema = FFI_ArrowSchema::try_from(self.schema.as_ref()).map_err(arrow_error)?;
        PyCapsule::new_with_value(py, schema, SCHEMA_CAPSULE)
    }

    /// The record type of the rows (``"event"``…).
    ///
    /// :type: str
    #[getter]
    fn record_type(&self) -> &'static str {
        self.record_type
    }

    /// How many rows the table has (records; evidence entries when exploded).
    ///
    /// :type: int
    #[getter]
    fn num_rows(&self) -> usize {
        self.rows
    }

    /// The column names, in order.
    ///
    /// :type: List[str]
    #[getter]
    fn column_names(&self) -> Vec<String> {
        self.schema
            .fields()
            .iter()
            .map(|f| f.name().clone())
            .collect()
    }

    fn __len__(&self) -> usize {
        self.rows
    }

    fn __repr__(&self) -> String {
        format!(
            "<syriatalks.ArrowTable {}: {} rows, {} columns>",
            self.record_type,
            self.rows,
            self.schema.fields().len()
        )
    }
}

impl std::ops::Deref for DsHandle {
    type Target = Dataset;

    fn deref(&self) -> &Dataset {
        self.ds()
    }
}

/// The shape of an Arrow table handed to Python.
#[derive(Clone, Copy)]
pub enum Form {
    /// The record type's table (docs/TABLES.md).
    Table,
    /// Its flat form, one row per record (what CSV holds; `to_dataframe` reads it).
    Flat,
    /// Its flat form, one row per evidence entry.
    FlatExploded,
}

impl Form {
    fn from_flags(flat: bool, explode_evidence: bool) -> PyResult<Form> {
        match (flat, explode_evidence) {
            (false, false) => Ok(Form::Table),
            (true, false) => Ok(Form::Flat),
            (true, true) => Ok(Form::FlatExploded),
            (false, true) => Err(PyValueError::new_err(
                "explode_evidence=True needs flat=True: the table form keeps every evidence entry in its `evidence` list",
            )),
        }
    }
}

/// to_arrow(dataset: NativeDataset, record_type: str, filters: Optional[Mapping[str, object]] = None, flat: bool = False, explode_evidence: bool = False) -> ArrowTable
///
/// The records of one type that match the filters, as an Arrow table (the query runs once, here,
/// without the GIL; each stream reads those rows again). ``flat=True`` gives the flat form (lists
/// joined, citation columns added: docs/TABLES.md), ``explode_evidence=True`` one flat row per
/// evidence entry; a record too wide to explode (syriatalks_tables::MAX_EXPLODED_RECORD_BYTES)
/// ends the stream with an error naming it, which pyarrow raises as ``ArrowInvalid`` (``to_dataframe``
/// raises it as ``syriatalks.LimitError``).
#[pyfunction]
#[pyo3(signature = (dataset, record_type, filters = None, flat = false, explode_evidence = false))]
pub fn to_arrow(
    py: Python<'_>,
    dataset: &NativeDataset,
    record_type: &str,
    filters: Option<&Bound<'_, PyDict>>,
    flat: bool,
    explode_evidence: bool,
) -> PyResult<ArrowTable> {
    let form = Form::from_flags(flat, explode_evidence)?;
    let kind = crate::record_kind(py, record_type)?;
    let filter = crate::filter_from(py, filters)?;
    let handle = dataset.handle().clone();
    let selected = py
        .detach(|| Batches::query(handle.clone(), kind, &filter))
        .map_err(|e| crate::query_error(py, e))?;
    Ok(table_of(handle, kind, selected.rows().into(), form))
}

/// records_to_arrow(records: List[Record], flat: bool = False, explode_evidence: bool = False, record_type: Optional[str] = None) -> ArrowTable
///
/// These records (all of one type, from one dataset) as an Arrow table, in their order; ``flat``
/// and ``explode_evidence`` as for :func:`to_arrow`. An empty list needs ``record_type`` (it names
/// the columns).
#[pyfunction]
#[pyo3(signature = (records, flat = false, explode_evidence = false, record_type = None))]
pub fn records_to_arrow(
    py: Python<'_>,
    records: Vec<PyRef<'_, PyRecord>>,
    flat: bool,
    explode_evidence: bool,
    record_type: Option<&str>,
) -> PyResult<ArrowTable> {
    let form = Form::from_flags(flat, explode_evidence)?;
    let mut found: Option<(DsHandle, RecordKind)> = None;
    let mut rows = Vec::with_capacity(records.len());
    for r in &records {
        let kind = r.kind();
        let (handle, index) = r.position().ok_or_else(|| {
            PyValueError::new_err(
                "a detached record (from pickle) has no dataset to read a table from",
            )
        })?;
        match &found {
            None => found = Some((handle.clone(), kind)),
            Some((h, k)) if *k == kind && std::ptr::eq(h.ds(), handle.ds()) => {}
            Some((_, k)) => {
                return Err(PyValueError::new_err(format!(
                    "records_to_arrow takes records of one type from one dataset: {} and {} found",
                    k.as_str(),
                    kind.as_str()
                )))
            }
        }
        rows.push(
            u32::try_from(index).map_err(|_| PyValueError::new_err("record index out of range"))?,
        );
    }
    if let (Some(word), Some((_, kind))) = (record_type, &found) {
        if crate::record_kind(py, word)? != *kind {
            return Err(PyValueError::new_err(format!(
                "records_to_arrow: record_type {word} given for records of type {}",
                kind.as_str()
            )));
        }
    }
    let (handle, kind) = match (found, record_type) {
        (Some(f), _) => f,
        // No rows: any dataset gives the columns.
        (None, Some(word)) => (
            DsHandle::Embedded(syriatalks::embedded()),
            crate::record_kind(py, word)?,
        ),
        (None, None) => return Err(PyValueError::new_err(
            "records_to_arrow needs at least one record or a record_type (it names the columns)",
        )),
    };
    Ok(table_of(handle, kind, rows.into(), form))
}

fn table_of(handle: DsHandle, kind: RecordKind, rows: Arc<[u32]>, form: Form) -> ArrowTable {
    let n = flat_row_count(&handle, kind, &rows, matches!(form, Form::FlatExploded));
    let schema = match form {
        Form::Table => schema(kind),
        Form::Flat => flat_schema(kind, false),
        Form::FlatExploded => flat_schema(kind, true),
    };
    let make: MakeBatches = Box::new(move || {
        let table = Batches::from_rows(handle.clone(), kind, rows.to_vec());
        let reader: BatchReader = match form {
            Form::Table => Box::new(table),
            Form::Flat => Box::new(FlatBatches::new(table)),
            Form::FlatExploded => Box::new(FlatBatches::new(table).exploding_evidence()),
        };
        Ok(reader)
    });
    ArrowTable::new(kind.as_str(), n, schema, make)
}
