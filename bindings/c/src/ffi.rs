//! The exported functions. Each one is exactly `guard(|| ...)`, `guard_pure(|| ...)` or
//! `guard_value(fallback, || ...)` around a call into the helpers below (a test checks the source
//! for it), so no panic crosses the boundary. Each checks its pointers (NULL gives a status), nulls
//! its out-params before any other work, and refuses strings that are not UTF-8.

use std::ffi::{c_char, CStr, CString};
use std::ptr;
use std::sync::LazyLock;

use syriatalks::{Filter, Measure, PartialDate, QueryError, RecordRef};

use crate::handle::{self, core_kind, record_kind, register, tag_of, unregister, StDataset, Tag};
use crate::status::{self, c_string, guard, guard_pure, guard_value, Error, StStatus};
use crate::types::*;

// ---------------------------------------------------------------------------------------------
// Helpers (not exported).

/// A dataset handle argument: non-NULL and live.
pub(crate) unsafe fn handle<'a>(p: *const StDataset) -> Result<&'a StDataset, Error> {
    if p.is_null() {
        return Err(Error::null("ds"));
    }
    match tag_of(p) {
        // SAFETY: registered handles are live `StDataset`s until unregistered by st_dataset_free.
        Some(Tag::Dataset | Tag::EmbeddedDataset) => Ok(unsafe { &*p }),
        _ => Err(Error::new(
            StStatus::InvalidHandle,
            "`ds` is not a live dataset handle (freed, or not from st_dataset_*)",
        )),
    }
}

/// A required input string.
pub(crate) unsafe fn text<'a>(p: *const c_char, name: &str) -> Result<&'a str, Error> {
    if p.is_null() {
        return Err(Error::null(name));
    }
    // SAFETY: the caller passes a NUL-terminated string (documented on every function).
    let bytes = unsafe { CStr::from_ptr(p) };
    bytes.to_str().map_err(|e| {
        Error::new(
            StStatus::InvalidUtf8,
            format!(
                "argument `{name}` is not valid UTF-8 (bad byte at offset {})",
                e.valid_up_to()
            ),
        )
    })
}

/// An optional input string (NULL is `None`).
pub(crate) unsafe fn opt_text<'a>(p: *const c_char, name: &str) -> Result<Option<&'a str>, Error> {
    if p.is_null() {
        Ok(None)
    } else {
        // SAFETY: as for `text`.
        unsafe { text(p, name) }.map(Some)
    }
}

/// An out-param slot: non-NULL; set to `value` before any other work.
pub(crate) unsafe fn out<'a, T>(p: *mut T, value: T, name: &str) -> Result<&'a mut T, Error> {
    if p.is_null() {
        return Err(Error::null(name));
    }
    // SAFETY: the caller passes a writable slot (documented).
    unsafe {
        p.write(value);
        Ok(&mut *p)
    }
}

pub(crate) fn date_arg(s: &str, name: &str) -> Result<PartialDate, Error> {
    s.parse::<PartialDate>().map_err(|e| {
        let mut err = Error::from(QueryError::from(e));
        err.message = format!("`{name}`: {}", err.message);
        err
    })
}

/// The core filter for a C one (NULL is no filter).
pub(crate) unsafe fn filter(f: *const StFilter) -> Result<Filter, Error> {
    let mut out = Filter::new();
    if f.is_null() {
        return Ok(out);
    }
    // `dates` is read as an integer through the raw pointer, before any reference to the struct
    // exists, so a value outside the enum is refused rather than undefined behaviour.
    // SAFETY: a non-NULL filter points to an StFilter (documented).
    let dates = unsafe { ptr::addr_of!((*f).dates).cast::<i32>().read() };
    out.dates = match dates {
        0 => syriatalks::Certainty::Possible,
        1 => syriatalks::Certainty::Certain,
        other => {
            return Err(Error::new(
                StStatus::InvalidArgument,
                format!("`filter.dates` is {other}: expected ST_CERTAINTY_POSSIBLE (0) or ST_CERTAINTY_CERTAIN (1)"),
            ))
        }
    };
    // SAFETY: as above; `dates` holds a value of the enum (checked just now).
    let f = unsafe { &*f };
    // SAFETY: every field is NULL or a NUL-terminated string (documented).
    unsafe {
        out.since = opt_text(f.since, "filter.since")?
            .map(|s| date_arg(s, "filter.since"))
            .transpose()?;
        out.until = opt_text(f.until, "filter.until")?
            .map(|s| date_arg(s, "filter.until"))
            .transpose()?;
        out.actor = opt_text(f.actor, "filter.actor")?.map(str::to_owned);
        out.kind = opt_text(f.kind, "filter.kind")?.map(str::to_owned);
        out.place = opt_text(f.place, "filter.place")?.map(str::to_owned);
        out.round = opt_text(f.round, "filter.round")?.map(str::to_owned);
        out.source = opt_text(f.source, "filter.source")?.map(str::to_owned);
        out.text = opt_text(f.text, "filter.text")?.map(str::to_owned);
        out.speaker = opt_text(f.speaker, "filter.speaker")?.map(str::to_owned);
    }
    Ok(out)
}

/// Frees what a `T**` slot holds: NULL slot or NULL content is a no-op; the slot is nulled.
unsafe fn free_slot<T>(
    slot: *mut *mut T,
    free: impl FnOnce(*mut T) -> Result<(), Error>,
) -> Result<(), Error> {
    if slot.is_null() {
        return Ok(());
    }
    // SAFETY: a non-NULL slot is readable and writable (documented).
    let p = unsafe { slot.replace(ptr::null_mut()) };
    if p.is_null() {
        return Ok(());
    }
    free(p)
}

fn invalid(what: &str) -> Error {
    Error::new(
        StStatus::InvalidHandle,
        format!("`{what}` was not returned by this library, or was already freed"),
    )
}

pub(crate) fn json<T: serde::Serialize + ?Sized>(
    value: &T,
    out: &mut *mut c_char,
) -> Result<(), Error> {
    let text = serde_json::to_string_pretty(value)
        .map_err(|e| Error::new(StStatus::Internal, format!("cannot write JSON: {e}")))?;
    give_string(&text, out);
    Ok(())
}

/// Hands `text` to C as a new string the caller owns (registered, so `st_string_free` knows it).
pub(crate) fn give_string(text: &str, out: &mut *mut c_char) {
    let p = c_string(text).into_raw();
    register(p as *const c_char, Tag::String);
    *out = p;
}

/// A list handed to C: its public part (items pointer and length) first, so that a pointer to
/// the box is a pointer to the public struct, then the items and the C strings they point into.
#[repr(C)]
struct ListBox<P: PublicList> {
    public: P,
    items: Vec<P::Item>,
    strings: Vec<CString>,
}

/// The public struct of a list type: what it holds and how the registry knows it.
trait PublicList: Sized {
    type Item;
    const TAG: Tag;
    fn new(items: *const Self::Item, len: usize) -> Self;
}

impl PublicList for StResults {
    type Item = StRecordRef;
    const TAG: Tag = Tag::Results;
    fn new(items: *const StRecordRef, len: usize) -> Self {
        StResults { items, len }
    }
}

impl PublicList for StSearchResults {
    type Item = StSearchHit;
    const TAG: Tag = Tag::SearchResults;
    fn new(items: *const StSearchHit, len: usize) -> Self {
        StSearchResults { items, len }
    }
}

impl PublicList for StCandidates {
    type Item = StCandidate;
    const TAG: Tag = Tag::Candidates;
    fn new(items: *const StCandidate, len: usize) -> Self {
        StCandidates { items, len }
    }
}

/// Boxes a list, registers it and stores it in `slot`; the caller frees it with [`free_list`].
fn publish<P: PublicList>(items: Vec<P::Item>, strings: Vec<CString>, slot: &mut *mut P) {
    let mut b = Box::new(ListBox {
        public: P::new(ptr::null(), 0),
        items,
        strings,
    });
    // The items' buffer does not move when the box is built, so the pointer stays valid.
    let first = if b.items.is_empty() {
        ptr::null()
    } else {
        b.items.as_ptr()
    };
    b.public = P::new(first, b.items.len());
    let p = Box::into_raw(b) as *mut P;
    register(p as *const P, P::TAG);
    *slot = p;
}

pub(crate) fn new_results(items: Vec<StRecordRef>, slot: &mut *mut StResults) {
    publish(items, Vec::new(), slot);
}

/// Frees a list from [`publish`] held in `slot` and nulls the slot.
///
/// # Safety
/// `slot` is NULL or a writable slot holding NULL or a pointer from this library.
unsafe fn free_list<P: PublicList>(slot: *mut *mut P, name: &'static str) -> Result<(), Error> {
    // SAFETY: the caller's contract; a pointer is turned back into its box only once the
    // registry confirms this library handed it out as a list of this type.
    unsafe {
        free_slot(slot, |p| {
            if !unregister(p as *const P, P::TAG) {
                return Err(invalid(name));
            }
            drop(Box::from_raw(p as *mut ListBox<P>));
            Ok(())
        })
    }
}

pub(crate) fn refs<'a>(
    h: &StDataset,
    records: impl IntoIterator<Item = RecordRef<'a>>,
) -> Result<Vec<StRecordRef>, Error> {
    records.into_iter().map(|r| h.ref_for(r)).collect()
}

unsafe fn record_at<T>(
    ds: *const StDataset,
    index: usize,
    slot: *mut *const T,
    kind: StRecordKind,
    pick: fn(&StDataset) -> &[T],
) -> Result<(), Error> {
    // SAFETY: forwarded from the entry point's contract.
    unsafe {
        let slot = out(slot, ptr::null(), "out")?;
        let h = handle(ds)?;
        let all = pick(h);
        let item = all.get(index).ok_or_else(|| {
            Error::new(
                StStatus::OutOfRange,
                format!(
                    "index {index} is out of range: there are {} {:?} records",
                    all.len(),
                    kind
                ),
            )
        })?;
        *slot = item;
    }
    Ok(())
}

/// The C reference of the record with this id; a retired id leads to its replacement (whose id
/// the reference carries; `st_retirement_json` says why), as every look-up by id does.
fn ref_following<'h>(h: &'h StDataset, id: &str) -> Result<&'h StRecordRef, Error> {
    if let Some(r) = h.ref_of(id) {
        return Ok(r);
    }
    let not_found = || {
        let why = h.ds().retirement(id).map_or_else(
            || format!("no record has id `{id}`"),
            syriatalks::retired::retirement_note,
        );
        Error::new(StStatus::NoSuchRecord, why)
    };
    let found = h.ds().resolve_id(id).ok_or_else(not_found)?;
    h.ref_of(found.record.id()).ok_or_else(not_found)
}

unsafe fn record_get<T>(
    ds: *const StDataset,
    id: *const c_char,
    slot: *mut *const T,
    kind: StRecordKind,
    pick: fn(&StDataset) -> &[T],
) -> Result<(), Error> {
    // SAFETY: forwarded from the entry point's contract.
    unsafe {
        let slot = out(slot, ptr::null(), "out")?;
        let h = handle(ds)?;
        let id = text(id, "id")?;
        let wanted = core_kind(kind).as_str();
        let r = ref_following(h, id)?;
        if r.kind != kind {
            let found = core_kind(r.kind).as_str();
            return Err(Error::new(
                StStatus::NoSuchRecord,
                format!("`{id}` is of type {found}, not {wanted}"),
            ));
        }
        let item = pick(h)
            .get(r.index)
            .ok_or_else(|| Error::new(StStatus::Internal, format!("`{id}` has no C view")))?;
        *slot = item;
    }
    Ok(())
}

unsafe fn load_into(
    path: *const c_char,
    slot: *mut *mut StDataset,
    with_embedded: bool,
) -> Result<(), Error> {
    // SAFETY: forwarded from the entry point's contract.
    unsafe {
        let slot = out(slot, ptr::null_mut(), "out")?;
        let path = text(path, "path")?;
        let loaded = if with_embedded {
            syriatalks::load_with_embedded(path)
        } else {
            syriatalks::load(path)
        };
        let ds = loaded.map_err(|e| Error::from(&e))?;
        *slot = handle::owned(ds);
    }
    Ok(())
}

unsafe fn query_refs(
    ds: *const StDataset,
    kind: i32,
    f: *const StFilter,
) -> Result<(&'static StDataset, Vec<StRecordRef>), Error> {
    // SAFETY: forwarded from the entry point's contract; the 'static lifetime is only used
    // within the call.
    unsafe {
        let h: &'static StDataset = handle(ds)?;
        let kind = record_kind(kind)?;
        let f = filter(f)?;
        let found = h.ds().query(core_kind(kind), &f)?;
        Ok((h, refs(h, found)?))
    }
}

unsafe fn timeline_refs(
    ds: *const StDataset,
    f: *const StFilter,
) -> Result<(&'static StDataset, Vec<StRecordRef>), Error> {
    // SAFETY: as for `query_refs`.
    unsafe {
        let h: &'static StDataset = handle(ds)?;
        let f = filter(f)?;
        let found = h.ds().timeline(&f)?;
        Ok((h, refs(h, found)?))
    }
}

fn how_word(how: &syriatalks::MatchKind) -> *const c_char {
    match how {
        syriatalks::MatchKind::Exact => c"exact".as_ptr(),
        syriatalks::MatchKind::Words => c"words".as_ptr(),
        syriatalks::MatchKind::Partial => c"partial".as_ptr(),
        syriatalks::MatchKind::Fuzzy => c"fuzzy".as_ptr(),
    }
}

/// The static NUL-terminated word of a record type.
fn kind_word(kind: syriatalks::RecordKind) -> *const c_char {
    match kind.as_str() {
        "source" => c"source".as_ptr(),
        "actor" => c"actor".as_ptr(),
        "place" => c"place".as_ptr(),
        "round" => c"round".as_ptr(),
        "event" => c"event".as_ptr(),
        "figure" => c"figure".as_ptr(),
        "quote" => c"quote".as_ptr(),
        "position" => c"position".as_ptr(),
        "instrument" => c"instrument".as_ptr(),
        _ => ptr::null(),
    }
}

static VERSION: LazyLock<CString> = LazyLock::new(|| c_string(syriatalks::VERSION));

// ---------------------------------------------------------------------------------------------
// Versions and errors.

/// The version of the library (and of the syriatalks crate it wraps), e.g. `"0.1.0"`.
///
/// Returns a static string: never NULL, never to be freed.
///
/// # Safety
/// None: this function takes no arguments.
#[no_mangle]
pub unsafe extern "C" fn st_version() -> *const c_char {
    guard_value(c"".as_ptr(), || VERSION.as_ptr())
}

/// The data version of a dataset: the embedded dataset's (e.g. `"2026.11.0"`), or NULL for a
/// dataset loaded from files (which has none).
///
/// `*out` is set to NULL first; on success it is borrowed from the dataset (do not free).
///
/// # Safety
/// `ds` is NULL or a handle from `st_dataset_*`; `out` is NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn st_data_version(
    ds: *const StDataset,
    out: *mut *const c_char,
) -> StStatus {
    guard(|| unsafe {
        let slot = self::out(out, ptr::null(), "out")?;
        *slot = handle(ds)?.data_version();
        Ok(())
    })
}

/// The status of the last call on this thread that returns a status (`ST_STATUS_OK` after a
/// success). Each such call resets it, except `st_status_message`.
///
/// # Safety
/// None: this function takes no arguments.
#[no_mangle]
pub unsafe extern "C" fn st_last_error_code() -> StStatus {
    guard_value(StStatus::Panic, status::last_code)
}

/// What went wrong in the last failed call on this thread, in English ("" after a success).
///
/// Never NULL. Borrowed from thread-local storage: valid until the next `st_` call on this thread;
/// copy it to keep it; do not free.
///
/// # Safety
/// None: this function takes no arguments.
#[no_mangle]
pub unsafe extern "C" fn st_last_error_message() -> *const c_char {
    guard_value(c"".as_ptr(), status::last_message)
}

/// Structured details of the last failed call on this thread, as JSON, or NULL when there are
/// none. After a failed load it is the array of every problem found, each with `kind`, `file`,
/// `line`, `record`, `field` and `message`.
///
/// Borrowed from thread-local storage: valid until the next `st_` call on this thread; do not free.
///
/// # Safety
/// None: this function takes no arguments.
#[no_mangle]
pub unsafe extern "C" fn st_last_error_details() -> *const c_char {
    guard_value(ptr::null(), status::last_details)
}

/// The name of a status code's constant (`"ST_STATUS_LOAD_MISQUOTE"`), or
/// `"ST_STATUS_UNKNOWN"` for a number that is not a status.
///
/// Returns a static string: never NULL, never to be freed.
///
/// # Safety
/// None: any number may be passed.
#[no_mangle]
pub unsafe extern "C" fn st_status_name(code: i32) -> *const c_char {
    guard_value(c"ST_STATUS_UNKNOWN".as_ptr(), || {
        StStatus::from_code(code)
            .map_or(c"ST_STATUS_UNKNOWN", |s| s.name())
            .as_ptr()
    })
}

/// Writes what a status code means, in English, into the caller's buffer `buf` of `buf_len` bytes,
/// NUL-terminated and truncated (on a UTF-8 boundary) to fit. `*written` (when `written` is not
/// NULL) is set to the length the full text needs, without the NUL. Pass `buf = NULL, buf_len = 0`
/// to ask for the length only.
///
/// Returns `ST_STATUS_BUFFER_TOO_SMALL` when the text was truncated (or only measured),
/// `ST_STATUS_INVALID_ARGUMENT` for a number that is not a status. Unlike other calls it leaves the
/// last error of the thread as it was when it succeeds, so it can describe `st_last_error_code()`.
///
/// # Safety
/// `buf` is NULL (with `buf_len` 0) or writable for `buf_len` bytes; `written` is NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn st_status_message(
    code: i32,
    buf: *mut c_char,
    buf_len: usize,
    written: *mut usize,
) -> StStatus {
    guard_pure(|| unsafe {
        if !written.is_null() {
            written.write(0);
        }
        if buf.is_null() && buf_len > 0 {
            return Err(Error::null("buf"));
        }
        let status = StStatus::from_code(code).ok_or_else(|| {
            Error::new(
                StStatus::InvalidArgument,
                format!("{code} is not a status code"),
            )
        })?;
        let text = status.description();
        if !written.is_null() {
            written.write(text.len());
        }
        if buf_len == 0 {
            return Err(Error::new(
                StStatus::BufferTooSmall,
                format!("the message needs {} bytes and a NUL", text.len()),
            ));
        }
        let mut n = text.len().min(buf_len - 1);
        while !text.is_char_boundary(n) {
            n -= 1;
        }
        ptr::copy_nonoverlapping(text.as_ptr(), buf as *mut u8, n);
        buf.add(n).write(0);
        if n < text.len() {
            return Err(Error::new(
                StStatus::BufferTooSmall,
                format!("the message needs {} bytes and a NUL", text.len()),
            ));
        }
        Ok(())
    })
}

/// The word for a record type (`"event"` for `ST_RECORD_KIND_EVENT`), as used in filters and
/// JSON, or NULL for a number that is not an `StRecordKind`.
///
/// Returns a static string: never to be freed.
///
/// # Safety
/// None: any number may be passed.
#[no_mangle]
pub unsafe extern "C" fn st_record_kind_name(kind: i32) -> *const c_char {
    guard_value(ptr::null(), || {
        record_kind(kind).map_or(ptr::null(), |k| kind_word(core_kind(k)))
    })
}

// ---------------------------------------------------------------------------------------------
// Datasets.

/// The embedded dataset, parsed and validated on first use (later calls are free).
///
/// `*out` is set to NULL first. The handle lives for the whole program: do not free it (passing it
/// to `st_dataset_free` is a harmless no-op). Fails with `ST_STATUS_INTERNAL` only if the embedded
/// data does not validate, which the crate's tests rule out.
///
/// # Safety
/// `out` is NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn st_dataset_embedded(out: *mut *const StDataset) -> StStatus {
    guard(|| unsafe {
        let slot = self::out(out, ptr::null(), "out")?;
        *slot = handle::embedded()?;
        Ok(())
    })
}

/// Loads a user's dataset from `path` (a directory of `*.toml` record files with a `seeds/`
/// folder, or one record file with `seeds/` beside it), through the same validation as the
/// embedded data.
///
/// `*out` is set to NULL first. On success it is a new handle the caller owns and frees with
/// `st_dataset_free`. On failure the status is that of the first problem found (`ST_STATUS_LOAD_*`),
/// `st_last_error_message` lists every problem with its file, line, record and field, and
/// `st_last_error_details` gives them as JSON. `path` must be UTF-8; it is not kept.
///
/// # Safety
/// `path` is NULL or a NUL-terminated string; `out` is NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn st_dataset_load(
    path: *const c_char,
    out: *mut *mut StDataset,
) -> StStatus {
    guard(|| unsafe { load_into(path, out, false) })
}

/// Like `st_dataset_load`, but the records at `path` are added on top of the embedded ones, so
/// they may cite the embedded sources and actors. Ids must not clash with embedded ones.
///
/// The new handle is owned by the caller: free it with `st_dataset_free`.
///
/// # Safety
/// `path` is NULL or a NUL-terminated string; `out` is NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn st_dataset_load_with_embedded(
    path: *const c_char,
    out: *mut *mut StDataset,
) -> StStatus {
    guard(|| unsafe { load_into(path, out, true) })
}

/// Frees a dataset from `st_dataset_load*` and sets `*ds` to NULL. NULL (or `*ds` NULL) is a
/// no-op; the embedded handle is left alone. Every pointer borrowed from the dataset becomes
/// invalid; free its results first. A pointer that is not a live handle gives
/// `ST_STATUS_INVALID_HANDLE` and is not touched.
///
/// # Safety
/// `ds` is NULL or a writable slot holding NULL or a pointer from this library.
#[no_mangle]
pub unsafe extern "C" fn st_dataset_free(ds: *mut *mut StDataset) -> StStatus {
    guard(|| unsafe {
        free_slot(ds, |p| match tag_of(p as *const StDataset) {
            Some(Tag::EmbeddedDataset) => Ok(()),
            Some(Tag::Dataset) if unregister(p as *const StDataset, Tag::Dataset) => {
                drop(Box::from_raw(p));
                Ok(())
            }
            _ => Err(invalid("ds")),
        })
    })
}

/// How many records of a type (`kind` is an `StRecordKind`) the dataset holds.
///
/// `*out` is set to 0 first.
///
/// # Safety
/// `ds` is NULL or a handle from `st_dataset_*`; `out` is NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn st_dataset_count(
    ds: *const StDataset,
    kind: i32,
    out: *mut usize,
) -> StStatus {
    guard(|| unsafe {
        let slot = self::out(out, 0, "out")?;
        let h = handle(ds)?;
        *slot = h.count(record_kind(kind)?);
        Ok(())
    })
}

// ---------------------------------------------------------------------------------------------
// Records.

/// The `index`-th record of a type (`kind` is an `StRecordKind`), as a reference.
///
/// `*out` is set to NULL first; on success it is borrowed from the dataset (do not free).
///
/// # Safety
/// `ds` is NULL or a handle from `st_dataset_*`; `out` is NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn st_record_at(
    ds: *const StDataset,
    kind: i32,
    index: usize,
    out: *mut *const StRecordRef,
) -> StStatus {
    guard(|| unsafe {
        let slot = self::out(out, ptr::null(), "out")?;
        let h = handle(ds)?;
        let kind = record_kind(kind)?;
        let r = h.ref_at(kind, index).ok_or_else(|| {
            Error::new(
                StStatus::OutOfRange,
                format!(
                    "index {index} is out of range: there are {} {kind:?} records",
                    h.count(kind)
                ),
            )
        })?;
        *slot = r;
        Ok(())
    })
}

/// The record with this id, of whatever type, as a reference (its `kind` and `index` lead to the
/// full record through `st_<type>_at`).
///
/// `*out` is set to NULL first; on success it is borrowed from the dataset (do not free).
/// `ST_STATUS_NO_SUCH_RECORD` when no record has the id. A retired id gives its replacement (the
/// reference carries the replacement's id; `st_retirement_json` says why), as every look-up by id
/// in this API does.
///
/// # Safety
/// `ds` is NULL or a handle from `st_dataset_*`; `id` is NULL or a NUL-terminated string;
/// `out` is NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn st_record_get(
    ds: *const StDataset,
    id: *const c_char,
    out: *mut *const StRecordRef,
) -> StStatus {
    guard(|| unsafe {
        let slot = self::out(out, ptr::null(), "out")?;
        let h = handle(ds)?;
        let id = text(id, "id")?;
        *slot = ref_following(h, id)?;
        Ok(())
    })
}

/// The `index`-th source. `*out` is set to NULL first; on success it is borrowed from the dataset.
///
/// # Safety
/// `ds` is NULL or a handle from `st_dataset_*`; `out` is NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn st_source_at(
    ds: *const StDataset,
    index: usize,
    out: *mut *const StSource,
) -> StStatus {
    guard(|| unsafe { record_at(ds, index, out, StRecordKind::Source, |h| &h.sources) })
}

/// The source with this id. `*out` is set to NULL first; on success it is borrowed from the
/// dataset. `ST_STATUS_NO_SUCH_RECORD` when no source has the id.
///
/// # Safety
/// `ds` is NULL or a handle; `id` is NULL or a NUL-terminated string; `out` is NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn st_source_get(
    ds: *const StDataset,
    id: *const c_char,
    out: *mut *const StSource,
) -> StStatus {
    guard(|| unsafe { record_get(ds, id, out, StRecordKind::Source, |h| &h.sources) })
}

/// The `index`-th actor. `*out` is set to NULL first; on success it is borrowed from the dataset.
///
/// # Safety
/// `ds` is NULL or a handle from `st_dataset_*`; `out` is NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn st_actor_at(
    ds: *const StDataset,
    index: usize,
    out: *mut *const StActor,
) -> StStatus {
    guard(|| unsafe { record_at(ds, index, out, StRecordKind::Actor, |h| &h.actors) })
}

/// The actor with this id. `*out` is set to NULL first; on success it is borrowed from the
/// dataset. `ST_STATUS_NO_SUCH_RECORD` when no actor has the id (to find one by name, use
/// `st_resolve_actor`).
///
/// # Safety
/// `ds` is NULL or a handle; `id` is NULL or a NUL-terminated string; `out` is NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn st_actor_get(
    ds: *const StDataset,
    id: *const c_char,
    out: *mut *const StActor,
) -> StStatus {
    guard(|| unsafe { record_get(ds, id, out, StRecordKind::Actor, |h| &h.actors) })
}

/// The `index`-th place. `*out` is set to NULL first; on success it is borrowed from the dataset.
///
/// # Safety
/// `ds` is NULL or a handle from `st_dataset_*`; `out` is NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn st_place_at(
    ds: *const StDataset,
    index: usize,
    out: *mut *const StPlace,
) -> StStatus {
    guard(|| unsafe { record_at(ds, index, out, StRecordKind::Place, |h| &h.places) })
}

/// The place with this id. `*out` is set to NULL first; on success it is borrowed from the
/// dataset. `ST_STATUS_NO_SUCH_RECORD` when no place has the id.
///
/// # Safety
/// `ds` is NULL or a handle; `id` is NULL or a NUL-terminated string; `out` is NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn st_place_get(
    ds: *const StDataset,
    id: *const c_char,
    out: *mut *const StPlace,
) -> StStatus {
    guard(|| unsafe { record_get(ds, id, out, StRecordKind::Place, |h| &h.places) })
}

/// The `index`-th round. `*out` is set to NULL first; on success it is borrowed from the dataset.
///
/// # Safety
/// `ds` is NULL or a handle from `st_dataset_*`; `out` is NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn st_round_at(
    ds: *const StDataset,
    index: usize,
    out: *mut *const StRound,
) -> StStatus {
    guard(|| unsafe { record_at(ds, index, out, StRecordKind::Round, |h| &h.rounds) })
}

/// The round with this id. `*out` is set to NULL first; on success it is borrowed from the
/// dataset. `ST_STATUS_NO_SUCH_RECORD` when no round has the id.
///
/// # Safety
/// `ds` is NULL or a handle; `id` is NULL or a NUL-terminated string; `out` is NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn st_round_get(
    ds: *const StDataset,
    id: *const c_char,
    out: *mut *const StRound,
) -> StStatus {
    guard(|| unsafe { record_get(ds, id, out, StRecordKind::Round, |h| &h.rounds) })
}

/// The `index`-th event. `*out` is set to NULL first; on success it is borrowed from the dataset.
///
/// # Safety
/// `ds` is NULL or a handle from `st_dataset_*`; `out` is NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn st_event_at(
    ds: *const StDataset,
    index: usize,
    out: *mut *const StEvent,
) -> StStatus {
    guard(|| unsafe { record_at(ds, index, out, StRecordKind::Event, |h| &h.events) })
}

/// The event with this id. `*out` is set to NULL first; on success it is borrowed from the
/// dataset. `ST_STATUS_NO_SUCH_RECORD` when no event has the id.
///
/// # Safety
/// `ds` is NULL or a handle; `id` is NULL or a NUL-terminated string; `out` is NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn st_event_get(
    ds: *const StDataset,
    id: *const c_char,
    out: *mut *const StEvent,
) -> StStatus {
    guard(|| unsafe { record_get(ds, id, out, StRecordKind::Event, |h| &h.events) })
}

/// The `index`-th figure. `*out` is set to NULL first; on success it is borrowed from the dataset.
///
/// # Safety
/// `ds` is NULL or a handle from `st_dataset_*`; `out` is NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn st_figure_at(
    ds: *const StDataset,
    index: usize,
    out: *mut *const StFigure,
) -> StStatus {
    guard(|| unsafe { record_at(ds, index, out, StRecordKind::Figure, |h| &h.figures) })
}

/// The figure with this id. `*out` is set to NULL first; on success it is borrowed from the
/// dataset. `ST_STATUS_NO_SUCH_RECORD` when no figure has the id.
///
/// # Safety
/// `ds` is NULL or a handle; `id` is NULL or a NUL-terminated string; `out` is NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn st_figure_get(
    ds: *const StDataset,
    id: *const c_char,
    out: *mut *const StFigure,
) -> StStatus {
    guard(|| unsafe { record_get(ds, id, out, StRecordKind::Figure, |h| &h.figures) })
}

/// The `index`-th quote. `*out` is set to NULL first; on success it is borrowed from the dataset.
///
/// # Safety
/// `ds` is NULL or a handle from `st_dataset_*`; `out` is NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn st_quote_at(
    ds: *const StDataset,
    index: usize,
    out: *mut *const StQuote,
) -> StStatus {
    guard(|| unsafe { record_at(ds, index, out, StRecordKind::Quote, |h| &h.quotes) })
}

/// The quote with this id. `*out` is set to NULL first; on success it is borrowed from the
/// dataset. `ST_STATUS_NO_SUCH_RECORD` when no quote has the id.
///
/// # Safety
/// `ds` is NULL or a handle; `id` is NULL or a NUL-terminated string; `out` is NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn st_quote_get(
    ds: *const StDataset,
    id: *const c_char,
    out: *mut *const StQuote,
) -> StStatus {
    guard(|| unsafe { record_get(ds, id, out, StRecordKind::Quote, |h| &h.quotes) })
}

/// The `index`-th position. `*out` is set to NULL first; on success it is borrowed from the
/// dataset.
///
/// # Safety
/// `ds` is NULL or a handle from `st_dataset_*`; `out` is NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn st_position_at(
    ds: *const StDataset,
    index: usize,
    out: *mut *const StPosition,
) -> StStatus {
    guard(|| unsafe { record_at(ds, index, out, StRecordKind::Position, |h| &h.positions) })
}

/// The position with this id. `*out` is set to NULL first; on success it is borrowed from the
/// dataset. `ST_STATUS_NO_SUCH_RECORD` when no position has the id.
///
/// # Safety
/// `ds` is NULL or a handle; `id` is NULL or a NUL-terminated string; `out` is NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn st_position_get(
    ds: *const StDataset,
    id: *const c_char,
    out: *mut *const StPosition,
) -> StStatus {
    guard(|| unsafe { record_get(ds, id, out, StRecordKind::Position, |h| &h.positions) })
}

/// The `index`-th instrument. `*out` is set to NULL first; on success it is borrowed from the
/// dataset.
///
/// # Safety
/// `ds` is NULL or a handle from `st_dataset_*`; `out` is NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn st_instrument_at(
    ds: *const StDataset,
    index: usize,
    out: *mut *const StInstrument,
) -> StStatus {
    guard(|| unsafe { record_at(ds, index, out, StRecordKind::Instrument, |h| &h.instruments) })
}

/// The instrument with this id. `*out` is set to NULL first; on success it is borrowed from the
/// dataset. `ST_STATUS_NO_SUCH_RECORD` when no instrument has the id.
///
/// # Safety
/// `ds` is NULL or a handle; `id` is NULL or a NUL-terminated string; `out` is NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn st_instrument_get(
    ds: *const StDataset,
    id: *const c_char,
    out: *mut *const StInstrument,
) -> StStatus {
    guard(|| unsafe { record_get(ds, id, out, StRecordKind::Instrument, |h| &h.instruments) })
}

// ---------------------------------------------------------------------------------------------
// Queries.

/// The records of one type (`kind` is an `StRecordKind`) that match the filter, in data-file
/// order. `filter` may be NULL (everything matches).
///
/// `*out` is set to NULL first; on success it is a new list the caller owns and frees with
/// `st_results_free` (before the dataset). A filter the core cannot use gives its status
/// (`ST_STATUS_UNKNOWN_KIND`, `ST_STATUS_NAME_NOT_FOUND`, `ST_STATUS_BAD_DATE_ARGUMENT`…).
///
/// # Safety
/// `ds` is NULL or a handle; `filter` is NULL or points to an `StFilter` whose fields are NULL or
/// NUL-terminated strings; `out` is NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn st_query(
    ds: *const StDataset,
    kind: i32,
    filter: *const StFilter,
    out: *mut *mut StResults,
) -> StStatus {
    guard(|| unsafe {
        let slot = self::out(out, ptr::null_mut(), "out")?;
        let (_, items) = query_refs(ds, kind, filter)?;
        new_results(items, slot);
        Ok(())
    })
}

/// Every dated round, event, figure, quote, position and instrument that matches the filter,
/// merged in chronological order (a coarser date before a finer one starting the same day).
/// `filter` may be NULL; its `kind` may name a record type (`"quote"`) or a kind word (`"veto"`).
///
/// `*out` is set to NULL first; on success it is a new list the caller owns and frees with
/// `st_results_free` (before the dataset).
///
/// # Safety
/// As for `st_query`.
#[no_mangle]
pub unsafe extern "C" fn st_timeline(
    ds: *const StDataset,
    filter: *const StFilter,
    out: *mut *mut StResults,
) -> StStatus {
    guard(|| unsafe {
        let slot = self::out(out, ptr::null_mut(), "out")?;
        let (_, items) = timeline_refs(ds, filter)?;
        new_results(items, slot);
        Ok(())
    })
}

/// The rounds that took place and were in session on `date` (`"YYYY"`, `"YYYY-MM"` or
/// `"YYYY-MM-DD"`; a coarser date matches any round touching it).
///
/// `*out` is set to NULL first; on success it is a new list the caller owns and frees with
/// `st_results_free` (before the dataset).
///
/// # Safety
/// `ds` is NULL or a handle; `date` is NULL or a NUL-terminated string; `out` is NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn st_in_session(
    ds: *const StDataset,
    date: *const c_char,
    out: *mut *mut StResults,
) -> StStatus {
    guard(|| unsafe {
        let slot = self::out(out, ptr::null_mut(), "out")?;
        let h = handle(ds)?;
        let date = date_arg(text(date, "date")?, "date")?;
        let items = refs(h, h.ds().in_session(date).into_iter().map(RecordRef::Round))?;
        new_results(items, slot);
        Ok(())
    })
}

/// Every claim of one measure (`"deaths"`, `"refugees"`, `"vetoes_cast"`…), in the order of the
/// date the claim was made (undated ones last). Conflicting claims stay side by side.
///
/// `*out` is set to NULL first; on success it is a new list of figures the caller owns and frees
/// with `st_results_free` (before the dataset). `ST_STATUS_UNKNOWN_KIND` for a word that is not a
/// measure.
///
/// # Safety
/// `ds` is NULL or a handle; `measure` is NULL or a NUL-terminated string; `out` is NULL or
/// writable.
#[no_mangle]
pub unsafe extern "C" fn st_figure_series(
    ds: *const StDataset,
    measure: *const c_char,
    out: *mut *mut StResults,
) -> StStatus {
    guard(|| unsafe {
        let slot = self::out(out, ptr::null_mut(), "out")?;
        let h = handle(ds)?;
        let measure: Measure =
            text(measure, "measure")?
                .parse()
                .map_err(|e: syriatalks::UnknownWord| {
                    Error::new(StStatus::UnknownKind, e.to_string())
                })?;
        let items = refs(
            h,
            h.ds()
                .figure_series(measure)
                .into_iter()
                .map(RecordRef::Figure),
        )?;
        new_results(items, slot);
        Ok(())
    })
}

/// Frees a list from `st_query`, `st_timeline`, `st_in_session` or `st_figure_series` and sets
/// `*results` to NULL. NULL (or `*results` NULL) is a no-op; a pointer this library did not
/// return (or already freed) gives `ST_STATUS_INVALID_HANDLE` and is not touched.
///
/// # Safety
/// `results` is NULL or a writable slot holding NULL or a pointer from this library.
#[no_mangle]
pub unsafe extern "C" fn st_results_free(results: *mut *mut StResults) -> StStatus {
    guard(|| unsafe { free_list(results, "results") })
}

/// Every occurrence of `words` (case, accents and quote marks ignored) in the records' fields and
/// evidence, then in the articles' texts, each with a snippet and its byte span: at most the first
/// 1,000 (the core's `DEFAULT_SEARCH_LIMIT`), so that a common word in a large corpus cannot take
/// all memory. Empty words find nothing.
///
/// `*out` is set to NULL first; on success it is a new list the caller owns and frees with
/// `st_search_results_free` (before the dataset).
///
/// # Safety
/// `ds` is NULL or a handle; `words` is NULL or a NUL-terminated string; `out` is NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn st_search(
    ds: *const StDataset,
    words: *const c_char,
    out: *mut *mut StSearchResults,
) -> StStatus {
    guard(|| unsafe {
        let slot = self::out(out, ptr::null_mut(), "out")?;
        let h = handle(ds)?;
        let words = text(words, "words")?;
        let hits = h.ds().search(words);
        let mut items = Vec::with_capacity(hits.len());
        let mut strings = Vec::with_capacity(hits.len() * 2);
        for hit in hits {
            let field = c_string(&hit.field);
            let snippet = c_string(&hit.snippet);
            items.push(StSearchHit {
                record: h.ref_for(hit.record)?,
                field: field.as_ptr(),
                span_start: hit.span.start,
                span_end: hit.span.end,
                snippet: snippet.as_ptr(),
            });
            strings.push(field);
            strings.push(snippet);
        }
        publish(items, strings, slot);
        Ok(())
    })
}

/// Frees a list from `st_search` and sets `*results` to NULL. NULL (or `*results` NULL) is a
/// no-op; a pointer this library did not return gives `ST_STATUS_INVALID_HANDLE`.
///
/// # Safety
/// `results` is NULL or a writable slot holding NULL or a pointer from this library.
#[no_mangle]
pub unsafe extern "C" fn st_search_results_free(results: *mut *mut StSearchResults) -> StStatus {
    guard(|| unsafe { free_list(results, "results") })
}

/// The actors a name could mean, best first: exact matches of the id, name or an alias (case,
/// diacritics and `al-` set aside), then names containing every word, then partial and near
/// spellings. An empty list (not an error) when nothing is close.
///
/// `*out` is set to NULL first; on success it is a new list the caller owns and frees with
/// `st_candidates_free` (before the dataset).
///
/// # Safety
/// `ds` is NULL or a handle; `name` is NULL or a NUL-terminated string; `out` is NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn st_resolve_actor(
    ds: *const StDataset,
    name: *const c_char,
    out: *mut *mut StCandidates,
) -> StStatus {
    guard(|| unsafe {
        let slot = self::out(out, ptr::null_mut(), "out")?;
        let h = handle(ds)?;
        let name = text(name, "name")?;
        let found = h.ds().resolve_actor(name);
        let mut items = Vec::with_capacity(found.len());
        let mut strings = Vec::with_capacity(found.len());
        for c in found {
            let matched = c_string(c.matched);
            items.push(StCandidate {
                actor: h.ref_for(RecordRef::Actor(c.actor))?,
                matched: matched.as_ptr(),
                how: how_word(&c.how),
                score: c.score,
            });
            strings.push(matched);
        }
        publish(items, strings, slot);
        Ok(())
    })
}

/// Frees a list from `st_resolve_actor` and sets `*candidates` to NULL. NULL (or `*candidates`
/// NULL) is a no-op; a pointer this library did not return gives `ST_STATUS_INVALID_HANDLE`.
///
/// # Safety
/// `candidates` is NULL or a writable slot holding NULL or a pointer from this library.
#[no_mangle]
pub unsafe extern "C" fn st_candidates_free(candidates: *mut *mut StCandidates) -> StStatus {
    guard(|| unsafe { free_list(candidates, "candidates") })
}

// ---------------------------------------------------------------------------------------------
// JSON.

/// The record with this id as JSON: `{"type": "event", "record": {...}}`, with every field, its
/// evidence and their byte spans (the same shape as the Rust and Python APIs). A retired id gives
/// the record that replaced it, with a `"retired"` array saying which ids were followed and why
/// (`id`, `replaced_by`, `reason`, `data_version`).
///
/// `*out` is set to NULL first; on success it is a new string the caller owns and frees with
/// `st_string_free`.
///
/// # Safety
/// `ds` is NULL or a handle; `id` is NULL or a NUL-terminated string; `out` is NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn st_record_json(
    ds: *const StDataset,
    id: *const c_char,
    out: *mut *mut c_char,
) -> StStatus {
    guard(|| unsafe {
        let slot = self::out(out, ptr::null_mut(), "out")?;
        let h = handle(ds)?;
        let id = text(id, "id")?;
        // A retired id gives its replacement, with `"retired"` saying which and why.
        let r = h.ds().resolve_id(id).ok_or_else(|| {
            let why = h.ds().retirement(id).map_or_else(
                || format!("no record has id `{id}`"),
                syriatalks::retired::retirement_note,
            );
            Error::new(StStatus::NoSuchRecord, why)
        })?;
        json(&r, slot)
    })
}

/// The records of a result list (from `st_query`, `st_timeline`, `st_in_session` or
/// `st_figure_series` on this dataset) as a JSON array of `{"type": ..., "record": {...}}`.
///
/// `*out` is set to NULL first; on success it is a new string the caller owns and frees with
/// `st_string_free`. The list is not consumed.
///
/// # Safety
/// `ds` is NULL or a handle; `results` is NULL or a live list from this library; `out` is NULL or
/// writable.
#[no_mangle]
pub unsafe extern "C" fn st_results_json(
    ds: *const StDataset,
    results: *const StResults,
    out: *mut *mut c_char,
) -> StStatus {
    guard(|| unsafe {
        let slot = self::out(out, ptr::null_mut(), "out")?;
        let h = handle(ds)?;
        if results.is_null() {
            return Err(Error::null("results"));
        }
        if tag_of(results) != Some(Tag::Results) {
            return Err(invalid("results"));
        }
        let list = &*(results as *const ListBox<StResults>);
        let records = list
            .items
            .iter()
            .map(|r| h.record_for(r))
            .collect::<Option<Vec<RecordRef>>>()
            .ok_or_else(|| {
                Error::new(
                    StStatus::InvalidArgument,
                    "`results` come from another dataset",
                )
            })?;
        json(&records, slot)
    })
}

/// Like `st_query`, but the matching records come back as one JSON array of
/// `{"type": ..., "record": {...}}`.
///
/// `*out` is set to NULL first; on success it is a new string the caller owns and frees with
/// `st_string_free`.
///
/// # Safety
/// As for `st_query`.
#[no_mangle]
pub unsafe extern "C" fn st_query_json(
    ds: *const StDataset,
    kind: i32,
    filter: *const StFilter,
    out: *mut *mut c_char,
) -> StStatus {
    guard(|| unsafe {
        let slot = self::out(out, ptr::null_mut(), "out")?;
        let h = handle(ds)?;
        let kind = record_kind(kind)?;
        let f = self::filter(filter)?;
        json(&h.ds().query(core_kind(kind), &f)?, slot)
    })
}

/// Like `st_timeline`, but as one JSON array of `{"type": ..., "record": {...}}`.
///
/// `*out` is set to NULL first; on success it is a new string the caller owns and frees with
/// `st_string_free`.
///
/// # Safety
/// As for `st_timeline`.
#[no_mangle]
pub unsafe extern "C" fn st_timeline_json(
    ds: *const StDataset,
    filter: *const StFilter,
    out: *mut *mut c_char,
) -> StStatus {
    guard(|| unsafe {
        let slot = self::out(out, ptr::null_mut(), "out")?;
        let h = handle(ds)?;
        let f = self::filter(filter)?;
        json(&h.ds().timeline(&f)?, slot)
    })
}

/// Like `st_search`, but as one JSON array of hits, each with `record`, `field`, `span` and
/// `snippet`.
///
/// `*out` is set to NULL first; on success it is a new string the caller owns and frees with
/// `st_string_free`.
///
/// # Safety
/// As for `st_search`.
#[no_mangle]
pub unsafe extern "C" fn st_search_json(
    ds: *const StDataset,
    words: *const c_char,
    out: *mut *mut c_char,
) -> StStatus {
    guard(|| unsafe {
        let slot = self::out(out, ptr::null_mut(), "out")?;
        let h = handle(ds)?;
        let words = text(words, "words")?;
        json(&h.ds().search(words), slot)
    })
}

/// The whole dataset as JSON: one array per record type, each record with its evidence spans,
/// the source texts included.
///
/// `*out` is set to NULL first; on success it is a new string the caller owns and frees with
/// `st_string_free`.
///
/// # Safety
/// `ds` is NULL or a handle; `out` is NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn st_dataset_json(ds: *const StDataset, out: *mut *mut c_char) -> StStatus {
    guard(|| unsafe {
        let slot = self::out(out, ptr::null_mut(), "out")?;
        let h = handle(ds)?;
        give_string(&h.ds().to_json(), slot);
        Ok(())
    })
}

/// Frees a string from an `st_*_json` function and sets `*s` to NULL. NULL (or `*s` NULL) is a
/// no-op; a pointer this library did not return gives `ST_STATUS_INVALID_HANDLE` and is not
/// touched (so never pass strings borrowed from a dataset).
///
/// # Safety
/// `s` is NULL or a writable slot holding NULL or a pointer from this library.
#[no_mangle]
pub unsafe extern "C" fn st_string_free(s: *mut *mut c_char) -> StStatus {
    guard(|| unsafe {
        free_slot(s, |p| {
            if !unregister(p as *const c_char, Tag::String) {
                return Err(invalid("s"));
            }
            drop(CString::from_raw(p));
            Ok(())
        })
    })
}
