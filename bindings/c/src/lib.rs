//! # syriatalks C API
//!
//! A static and a shared library (`libsyriatalks.a`, `libsyriatalks.so`) with the header
//! `include/syriatalks.h`, generated from this crate by cbindgen. It is a thin layer: every
//! behaviour (filters, timeline, search, name resolution, validation) lives in the `syriatalks`
//! crate; this one converts types and errors.
//!
//! Conventions, for every function:
//! - it returns an [`StStatus`] (0 is success) unless it is documented to return a value;
//! - out-params are set (to NULL or 0) before any other work, then filled on success;
//! - a NULL pointer argument gives `ST_STATUS_NULL_ARGUMENT`, never a crash; input strings must be
//!   UTF-8 (`ST_STATUS_INVALID_UTF8` otherwise);
//! - no panic crosses the boundary: every entry point runs inside one guard (a test checks it);
//! - strings in records are borrowed from the dataset; lists and JSON strings the caller receives
//!   are freed with one call (`st_results_free`, `st_string_free`…), which takes `T**`, accepts
//!   NULL and nulls the slot.

mod cite;
mod ffi;
mod handle;
mod happenings;
mod status;
mod types;
// Last, so that its declarations come after the rest in the generated header.
mod arrow;

pub use arrow::*;
pub use cite::*;
pub use ffi::*;
pub use handle::StDataset;
pub use happenings::*;
pub use status::StStatus;
pub use types::*;
