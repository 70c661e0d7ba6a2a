//! Corroboration and anchored dates for C: every attestation of a happening (`st_claims_json`),
//! the other records attesting a record's happening, a collapsed timeline, the days a record may
//! cover once anchored, whether it certainly or possibly falls in a range, whether a round was
//! certainly or possibly in session, and the rounds in time order. Each entry point is one guard
//! call, as in `ffi.rs`.

use std::ffi::c_char;
use std::ptr;

use syriatalks::{Certainty, DateRange, PartialDate, QueryError, RecordRef};

use crate::ffi::{date_arg, filter, handle, json, new_results, opt_text, out, refs, text};
use crate::handle::StDataset;
use crate::status::{guard, Error, StStatus};
use crate::types::*;

fn certainty(c: Option<Certainty>) -> StCertainty {
    match c {
        Some(Certainty::Certain) => StCertainty::Certain,
        Some(Certainty::Possible) => StCertainty::Possible,
        None => StCertainty::Outside,
    }
}

/// The record with this id, or `ST_STATUS_NO_SUCH_RECORD`.
fn record<'a>(h: &'a StDataset, id: &str) -> Result<RecordRef<'a>, Error> {
    h.ds()
        .get(id)
        .ok_or_else(|| Error::new(StStatus::NoSuchRecord, format!("no record has id `{id}`")))
}

/// Writes `"YYYY-MM-DD"` and its NUL into a buffer of 11.
fn day(buf: &mut [c_char; 11], d: impl std::fmt::Display) {
    // A calendar day displays as YYYY-MM-DD.
    let s = d.to_string();
    let bytes = s.as_bytes();
    // Years outside 0001–9999 are refused by the loader, so the text always fits.
    for (i, slot) in buf.iter_mut().enumerate() {
        *slot = bytes.get(i).map_or(0, |b| *b as c_char);
    }
    buf[10] = 0;
}

/// Every attestation of a happening side by side, as JSON: `name` is a happening key
/// (`"death-toll"`) or any record id. The object has `key` (null for a record sharing none),
/// `attestations` (each with `id`, `kind`, `source`, `date`, `days`, `label`, `evidence`),
/// `sources`, `agree` (fields agreed on) and `conflicts` (each with `field`, `note` and `sides`,
/// every side with `says`, `records` and their `evidence`) — the same as `syriatalks claims --json`.
///
/// `*out` is set to NULL first; on success it is a new string the caller owns and frees with
/// `st_string_free`. `ST_STATUS_NAME_NOT_FOUND` when `name` is neither.
///
/// # Safety
/// `ds` is NULL or a handle; `name` is NULL or a NUL-terminated string; `out` is NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn st_claims_json(
    ds: *const StDataset,
    name: *const c_char,
    out: *mut *mut c_char,
) -> StStatus {
    guard(|| unsafe {
        let slot = self::out(out, ptr::null_mut(), "out")?;
        let h = handle(ds)?;
        let claims = h.ds().claims(text(name, "name")?)?;
        json(&claims, slot)
    })
}

/// The other records that attest the same happening as the record `id`, in the order of their
/// days; an empty list when it shares none.
///
/// `*out` is set to NULL first; on success it is a new list the caller owns and frees with
/// `st_results_free` (before the dataset). `ST_STATUS_NO_SUCH_RECORD` for an unknown id.
///
/// # Safety
/// `ds` is NULL or a handle; `id` is NULL or a NUL-terminated string; `out` is NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn st_attestations(
    ds: *const StDataset,
    id: *const c_char,
    out: *mut *mut StResults,
) -> StStatus {
    guard(|| unsafe {
        let slot = self::out(out, ptr::null_mut(), "out")?;
        let h = handle(ds)?;
        let id = text(id, "id")?;
        record(h, id)?;
        let items = refs(h, h.ds().attestations(id))?;
        new_results(items, slot);
        Ok(())
    })
}

/// How many distinct sources attest the happening of the record `id` (1 when it shares none): the
/// count a collapsed timeline shows beside each row.
///
/// `*out` is set to 0 first. `ST_STATUS_NO_SUCH_RECORD` for an unknown id.
///
/// # Safety
/// `ds` is NULL or a handle; `id` is NULL or a NUL-terminated string; `out` is NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn st_happening_sources(
    ds: *const StDataset,
    id: *const c_char,
    out: *mut usize,
) -> StStatus {
    guard(|| unsafe {
        let slot = self::out(out, 0, "out")?;
        let h = handle(ds)?;
        let r = record(h, text(id, "id")?)?;
        *slot = h.ds().collapse(&[r]).first().map_or(1, |(_, n)| *n);
        Ok(())
    })
}

/// Like `st_timeline`, but one row per happening: records of other articles attesting the same
/// happening are folded into the first (`st_happening_sources` gives each row's count).
///
/// `*out` is set to NULL first; on success it is a new list the caller owns and frees with
/// `st_results_free` (before the dataset).
///
/// # Safety
/// As for `st_timeline`.
#[no_mangle]
pub unsafe extern "C" fn st_timeline_collapsed(
    ds: *const StDataset,
    filter: *const StFilter,
    out: *mut *mut StResults,
) -> StStatus {
    guard(|| unsafe {
        let slot = self::out(out, ptr::null_mut(), "out")?;
        let h = handle(ds)?;
        let f = self::filter(filter)?;
        let rows = h.ds().timeline(&f)?;
        let items = refs(h, h.ds().collapse(&rows).into_iter().map(|(r, _)| r))?;
        new_results(items, slot);
        Ok(())
    })
}

/// The first and last day the record `id` may cover once its anchors are applied (its dates
/// narrowed by what it happened during, after or before; a round without a stated end runs to its
/// next known bound). Both strings are empty when the record has no date.
///
/// `*out` is cleared first. `ST_STATUS_NO_SUCH_RECORD` for an unknown id.
///
/// # Safety
/// `ds` is NULL or a handle; `id` is NULL or a NUL-terminated string; `out` is NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn st_record_days(
    ds: *const StDataset,
    id: *const c_char,
    out: *mut StDays,
) -> StStatus {
    guard(|| unsafe {
        let slot = self::out(
            out,
            StDays {
                first: [0; 11],
                last: [0; 11],
            },
            "out",
        )?;
        let h = handle(ds)?;
        let r = record(h, text(id, "id")?)?;
        if let Some(DateRange { first, last }) = h.ds().days(r) {
            day(&mut slot.first, first);
            day(&mut slot.last, last);
        }
        Ok(())
    })
}

/// Whether the record `id` certainly (`ST_CERTAINTY_CERTAIN`: every day it may cover lies in the
/// range) or only possibly (`ST_CERTAINTY_POSSIBLE`) falls between `since` and `until` (either
/// may be NULL: open), or not at all (`ST_CERTAINTY_OUTSIDE`, also for an undated record).
///
/// `*out` is set to `ST_CERTAINTY_OUTSIDE` first. `ST_STATUS_NO_SUCH_RECORD` for an unknown id,
/// `ST_STATUS_BAD_DATE_ARGUMENT` for a malformed date.
///
/// # Safety
/// `ds` is NULL or a handle; `id` is NULL or a NUL-terminated string; `since` and `until` are NULL
/// or NUL-terminated strings; `out` is NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn st_date_fit(
    ds: *const StDataset,
    id: *const c_char,
    since: *const c_char,
    until: *const c_char,
    out: *mut StCertainty,
) -> StStatus {
    guard(|| unsafe {
        let slot = self::out(out, StCertainty::Outside, "out")?;
        let h = handle(ds)?;
        let r = record(h, text(id, "id")?)?;
        let bound = |p, name| -> Result<Option<PartialDate>, Error> {
            opt_text(p, name)?.map(|s| date_arg(s, name)).transpose()
        };
        let (since, until) = (bound(since, "since")?, bound(until, "until")?);
        if let (Some(a), Some(b)) = (since, until) {
            if a.first_day() > b.last_day() {
                return Err(Error::from(QueryError::EmptyRange {
                    since: a.to_string(),
                    until: b.to_string(),
                }));
            }
        }
        *slot = certainty(h.ds().date_fit(r, since, until));
        Ok(())
    })
}

/// Whether the round `id` was certainly (`ST_CERTAINTY_CERTAIN`: it had surely begun and the data
/// shows it sitting on that day or later) or possibly (`ST_CERTAINTY_POSSIBLE`) in session on
/// `date`, or not (`ST_CERTAINTY_OUTSIDE`; also for a round not held). `st_in_session` lists the
/// rounds that were certainly or possibly in session.
///
/// `*out` is set to `ST_CERTAINTY_OUTSIDE` first. `ST_STATUS_NO_SUCH_RECORD` when `id` names no
/// round.
///
/// # Safety
/// `ds` is NULL or a handle; `id` and `date` are NULL or NUL-terminated strings; `out` is NULL or
/// writable.
#[no_mangle]
pub unsafe extern "C" fn st_session_certainty(
    ds: *const StDataset,
    id: *const c_char,
    date: *const c_char,
    out: *mut StCertainty,
) -> StStatus {
    guard(|| unsafe {
        let slot = self::out(out, StCertainty::Outside, "out")?;
        let h = handle(ds)?;
        let id = text(id, "id")?;
        let date = date_arg(text(date, "date")?, "date")?;
        if h.ds().round(id).is_none() {
            return Err(Error::new(
                StStatus::NoSuchRecord,
                format!("no round has id `{id}`"),
            ));
        }
        *slot = certainty(
            h.ds()
                .sessions_on(date)
                .into_iter()
                .find(|(r, _)| r.id == id)
                .map(|(_, c)| c),
        );
        Ok(())
    })
}

/// Every round in time order (by the first day it may have begun), undated rounds last;
/// `st_query` with `ST_RECORD_KIND_ROUND` keeps data-file order.
///
/// `*out` is set to NULL first; on success it is a new list the caller owns and frees with
/// `st_results_free` (before the dataset).
///
/// # Safety
/// `ds` is NULL or a handle; `out` is NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn st_rounds_in_order(
    ds: *const StDataset,
    out: *mut *mut StResults,
) -> StStatus {
    guard(|| unsafe {
        let slot = self::out(out, ptr::null_mut(), "out")?;
        let h = handle(ds)?;
        let items = refs(
            h,
            h.ds().rounds_in_order().into_iter().map(RecordRef::Round),
        )?;
        new_results(items, slot);
        Ok(())
    })
}
