//! Query results as an Arrow C stream (`st_query_arrow`): the same selection as `st_query`, as
//! record batches whose columns are the tables of `docs/TABLES.md`. The header declares
//! `struct ArrowSchema`, `struct ArrowArray` and `struct ArrowArrayStream` verbatim from the Arrow
//! C data and stream interface specifications (cbindgen.toml's `after_includes`), so a C program
//! needs no Arrow library to consume the stream.

use arrow_array::ffi_stream::FFI_ArrowArrayStream;
use syriatalks::Filter;
use syriatalks_tables::Batches;

use crate::ffi::{filter, handle};
use crate::handle::{core_kind, record_kind, StDataset};
use crate::status::{guard, Error, StStatus};
use crate::types::StFilter;

/// The records of type `kind` (an `StRecordKind`) that match `filter` (NULL: all), as an Arrow C
/// stream of record batches (at most 65,536 rows each; one empty batch when nothing matches).
/// The columns of each record type are listed in docs/TABLES.md: ids and kind words are
/// dictionary-encoded strings (format `i` with a `u` dictionary), dates `tdD`, evidence a list of
/// structs, and so on. Same filters, same order and same errors as `st_query`.
///
/// `out->release` is set to NULL first; on success `*out` is a live stream the caller consumes
/// with `get_schema`/`get_next` and releases with `out->release(out)`, after releasing every
/// schema and array it obtained, and **before** freeing the dataset (the stream reads from it).
///
/// # Safety
/// `ds` is NULL or a handle; `filter` is NULL or points to an `StFilter` whose fields are NULL or
/// NUL-terminated strings; `out` is NULL or points to writable memory for one
/// `struct ArrowArrayStream`.
#[no_mangle]
pub unsafe extern "C" fn st_query_arrow(
    ds: *const StDataset,
    kind: i32,
    filter: *const StFilter,
    out: *mut FFI_ArrowArrayStream,
) -> StStatus {
    guard(|| unsafe {
        if out.is_null() {
            return Err(Error::null("out"));
        }
        // A consumer that ignores the status must still find a released (empty) stream.
        // SAFETY: `out` is writable (documented); `empty` has every callback NULL.
        out.write(FFI_ArrowArrayStream::empty());
        // SAFETY: the handle outlives the stream by the documented contract (release the stream
        // before st_dataset_free), as lists returned by st_query outlive nothing either.
        let h: &'static StDataset = handle(ds)?;
        let kind = core_kind(record_kind(kind)?);
        let f = self::filter(filter)?;
        let reader = if f == Filter::default() {
            Batches::all(h.ds(), kind)
        } else {
            Batches::query(h.ds(), kind, &f)?
        };
        out.write(FFI_ArrowArrayStream::new(Box::new(reader)));
        Ok(())
    })
}
