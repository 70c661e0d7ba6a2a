//! Citations and the retired-id register, for C: the core's text, handed over as owned strings.

use std::ffi::c_char;
use std::ptr;

use crate::ffi::{give_string, handle, json, out, text};
use crate::handle::StDataset;
use crate::status::{guard, Error, StStatus};

/// The record with this id cited for a bibliography: `style` is `"bibtex"` (a `@misc` entry) or
/// `"csl"` (CSL-JSON), naming the record id, the data version, the evidence quote and the
/// article it comes from. A retired id cites its replacement and says so.
///
/// `*out` is set to NULL first; on success it is a new string the caller owns and frees with
/// `st_string_free`. `ST_STATUS_NO_SUCH_RECORD` when no record has the id,
/// `ST_STATUS_INVALID_ARGUMENT` for another style.
///
/// # Safety
/// `ds` is NULL or a handle; `id` and `style` are NULL or NUL-terminated strings; `out` is NULL
/// or writable.
#[no_mangle]
pub unsafe extern "C" fn st_cite(
    ds: *const StDataset,
    id: *const c_char,
    style: *const c_char,
    out: *mut *mut c_char,
) -> StStatus {
    guard(|| unsafe {
        let slot = self::out(out, ptr::null_mut(), "out")?;
        let h = handle(ds)?;
        let id = text(id, "id")?;
        let style: syriatalks::CiteStyle =
            text(style, "style")?
                .parse()
                .map_err(|e: syriatalks::UnknownWord| {
                    Error::new(StStatus::InvalidArgument, e.to_string())
                })?;
        let cited = h.ds().cite(id, style).ok_or_else(|| {
            Error::new(StStatus::NoSuchRecord, format!("no record has id `{id}`"))
        })?;
        give_string(&cited, slot);
        Ok(())
    })
}

/// Why and when this id was retired and what replaced it, as JSON: `{"id": ..., "replaced_by":
/// ..., "reason": ..., "data_version": ...}` (`replaced_by` absent when nothing replaced it).
///
/// `*out` is set to NULL first; on success it is a new string the caller owns and frees with
/// `st_string_free`. `ST_STATUS_NO_SUCH_RECORD` when the id was never retired.
///
/// # Safety
/// `ds` is NULL or a handle; `id` is NULL or a NUL-terminated string; `out` is NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn st_retirement_json(
    ds: *const StDataset,
    id: *const c_char,
    out: *mut *mut c_char,
) -> StStatus {
    guard(|| unsafe {
        let slot = self::out(out, ptr::null_mut(), "out")?;
        let h = handle(ds)?;
        let id = text(id, "id")?;
        let r = h.ds().retirement(id).ok_or_else(|| {
            Error::new(StStatus::NoSuchRecord, format!("`{id}` was never retired"))
        })?;
        json(r, slot)
    })
}
