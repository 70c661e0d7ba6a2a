//! Status codes, the thread-local last error, and the panic guard every entry point goes through.

use std::cell::RefCell;
use std::ffi::{c_char, CStr, CString};
use std::panic::{catch_unwind, AssertUnwindSafe};

use syriatalks::{LoadError, QueryError};

/// The status every fallible `st_` function returns.
///
/// The numbers are fixed: a code never changes meaning and is never reused. `0` is success; codes
/// 1-19 are misuse of the API, 20-39 are queries that cannot be answered as asked, 40-59 are
/// problems found while loading a dataset (one per kind of problem the loader reports; a failed
/// load returns the code of its first problem and `st_last_error_details` lists them all).
/// After a non-zero status, `st_last_error_message` says what was wrong.
#[repr(i32)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StStatus {
    /// Success.
    Ok = 0,
    /// A required pointer argument was NULL.
    NullArgument = 1,
    /// An input string was not valid UTF-8.
    InvalidUtf8 = 2,
    /// An argument had a value outside its domain (an unknown record kind number, say).
    InvalidArgument = 3,
    /// An index was not less than the number of records.
    OutOfRange = 4,
    /// No record has the id given.
    NoSuchRecord = 5,
    /// A handle was not one this library handed out, or was already freed. (Best effort: the
    /// library keeps a registry of live handles and never follows an unknown pointer, but a freed
    /// address that a later handle reuses cannot be told apart.)
    InvalidHandle = 6,
    /// The caller's buffer was too small; the text was truncated.
    BufferTooSmall = 7,
    /// The library panicked; this is a bug in syriatalks (the message says where).
    Panic = 8,
    /// An internal failure (the embedded data did not validate, JSON could not be written).
    Internal = 9,
    /// A `kind` word is not in the vocabulary of the record type queried.
    UnknownKind = 20,
    /// The record type queried has no kinds, so a `kind` filter cannot apply.
    NoKinds = 21,
    /// No actor, place, round or source matches a name given in a filter.
    NameNotFound = 22,
    /// A date argument or filter date is not `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, or not a real date.
    BadDateArgument = 23,
    /// The filter's `since` comes after its `until`.
    EmptyRange = 24,
    /// Load: a file or directory could not be read.
    LoadIo = 40,
    /// Load: a data file is not valid TOML or does not fit the schema.
    LoadParse = 41,
    /// Load: a data file or seed text is not valid UTF-8.
    LoadInvalidUtf8 = 42,
    /// Load: the seed manifest is missing an entry or lists a file that is not there.
    LoadManifest = 43,
    /// Load: a seed's sha256 or length differs from the manifest.
    LoadChecksum = 44,
    /// Load: an id is not a lowercase slug.
    LoadBadId = 45,
    /// Load: two records share an id.
    LoadDuplicateId = 46,
    /// Load: a reference names no record, or a record of the wrong type.
    LoadUnknownReference = 47,
    /// Load: an evidence quote is not found verbatim in its source (or is ambiguous).
    LoadMisquote = 48,
    /// Load: a fact-stating record has neither evidence nor an external reference.
    LoadMissingEvidence = 49,
    /// Load: a date is impossible, or its basis lacks what that basis requires.
    LoadBadDate = 50,
    /// Load: an end comes before its start.
    LoadEndBeforeStart = 51,
    /// Load: a derived date disagrees with its recomputation.
    LoadWrongDerivation = 52,
    /// Load: a value disagrees with the words it cites.
    LoadBadValue = 53,
    /// Load: a kind of problem this version of the C API does not know by number.
    LoadOther = 59,
}

impl StStatus {
    /// Every status, for lookups by number.
    pub(crate) const ALL: &'static [StStatus] = &[
        StStatus::Ok,
        StStatus::NullArgument,
        StStatus::InvalidUtf8,
        StStatus::InvalidArgument,
        StStatus::OutOfRange,
        StStatus::NoSuchRecord,
        StStatus::InvalidHandle,
        StStatus::BufferTooSmall,
        StStatus::Panic,
        StStatus::Internal,
        StStatus::UnknownKind,
        StStatus::NoKinds,
        StStatus::NameNotFound,
        StStatus::BadDateArgument,
        StStatus::EmptyRange,
        StStatus::LoadIo,
        StStatus::LoadParse,
        StStatus::LoadInvalidUtf8,
        StStatus::LoadManifest,
        StStatus::LoadChecksum,
        StStatus::LoadBadId,
        StStatus::LoadDuplicateId,
        StStatus::LoadUnknownReference,
        StStatus::LoadMisquote,
        StStatus::LoadMissingEvidence,
        StStatus::LoadBadDate,
        StStatus::LoadEndBeforeStart,
        StStatus::LoadWrongDerivation,
        StStatus::LoadBadValue,
        StStatus::LoadOther,
    ];

    /// The status with this number, if there is one.
    pub(crate) fn from_code(code: i32) -> Option<StStatus> {
        StStatus::ALL.iter().copied().find(|s| *s as i32 == code)
    }

    /// The constant's name in the header, NUL-terminated.
    pub(crate) fn name(self) -> &'static CStr {
        match self {
            StStatus::Ok => c"ST_STATUS_OK",
            StStatus::NullArgument => c"ST_STATUS_NULL_ARGUMENT",
            StStatus::InvalidUtf8 => c"ST_STATUS_INVALID_UTF8",
            StStatus::InvalidArgument => c"ST_STATUS_INVALID_ARGUMENT",
            StStatus::OutOfRange => c"ST_STATUS_OUT_OF_RANGE",
            StStatus::NoSuchRecord => c"ST_STATUS_NO_SUCH_RECORD",
            StStatus::InvalidHandle => c"ST_STATUS_INVALID_HANDLE",
            StStatus::BufferTooSmall => c"ST_STATUS_BUFFER_TOO_SMALL",
            StStatus::Panic => c"ST_STATUS_PANIC",
            StStatus::Internal => c"ST_STATUS_INTERNAL",
            StStatus::UnknownKind => c"ST_STATUS_UNKNOWN_KIND",
            StStatus::NoKinds => c"ST_STATUS_NO_KINDS",
            StStatus::NameNotFound => c"ST_STATUS_NAME_NOT_FOUND",
            StStatus::BadDateArgument => c"ST_STATUS_BAD_DATE_ARGUMENT",
            StStatus::EmptyRange => c"ST_STATUS_EMPTY_RANGE",
            StStatus::LoadIo => c"ST_STATUS_LOAD_IO",
            StStatus::LoadParse => c"ST_STATUS_LOAD_PARSE",
            StStatus::LoadInvalidUtf8 => c"ST_STATUS_LOAD_INVALID_UTF8",
            StStatus::LoadManifest => c"ST_STATUS_LOAD_MANIFEST",
            StStatus::LoadChecksum => c"ST_STATUS_LOAD_CHECKSUM",
            StStatus::LoadBadId => c"ST_STATUS_LOAD_BAD_ID",
            StStatus::LoadDuplicateId => c"ST_STATUS_LOAD_DUPLICATE_ID",
            StStatus::LoadUnknownReference => c"ST_STATUS_LOAD_UNKNOWN_REFERENCE",
            StStatus::LoadMisquote => c"ST_STATUS_LOAD_MISQUOTE",
            StStatus::LoadMissingEvidence => c"ST_STATUS_LOAD_MISSING_EVIDENCE",
            StStatus::LoadBadDate => c"ST_STATUS_LOAD_BAD_DATE",
            StStatus::LoadEndBeforeStart => c"ST_STATUS_LOAD_END_BEFORE_START",
            StStatus::LoadWrongDerivation => c"ST_STATUS_LOAD_WRONG_DERIVATION",
            StStatus::LoadBadValue => c"ST_STATUS_LOAD_BAD_VALUE",
            StStatus::LoadOther => c"ST_STATUS_LOAD_OTHER",
        }
    }

    /// What the status means, in one sentence.
    pub(crate) fn description(self) -> &'static str {
        match self {
            StStatus::Ok => "success",
            StStatus::NullArgument => "a required pointer argument was NULL",
            StStatus::InvalidUtf8 => "an input string was not valid UTF-8",
            StStatus::InvalidArgument => "an argument had a value outside its domain",
            StStatus::OutOfRange => "an index was not less than the number of records",
            StStatus::NoSuchRecord => "no record has the id given",
            StStatus::InvalidHandle => {
                "a handle was not one this library handed out, or was already freed"
            }
            StStatus::BufferTooSmall => "the buffer was too small; the text was truncated",
            StStatus::Panic => "the library panicked (a bug in syriatalks)",
            StStatus::Internal => "an internal failure",
            StStatus::UnknownKind => {
                "a kind word is not in the vocabulary of the record type queried"
            }
            StStatus::NoKinds => "the record type queried has no kinds",
            StStatus::NameNotFound => "no actor, place, round or source matches the name given",
            StStatus::BadDateArgument => {
                "a date is not YYYY, YYYY-MM or YYYY-MM-DD, or not a real date"
            }
            StStatus::EmptyRange => "the time range is empty (since is after until)",
            StStatus::LoadIo => "load: a file or directory could not be read",
            StStatus::LoadParse => "load: a data file is not valid TOML or does not fit the schema",
            StStatus::LoadInvalidUtf8 => "load: a data file or seed text is not valid UTF-8",
            StStatus::LoadManifest => {
                "load: the seed manifest is missing an entry or lists a missing file"
            }
            StStatus::LoadChecksum => "load: a seed's sha256 or length differs from the manifest",
            StStatus::LoadBadId => "load: an id is not a lowercase slug",
            StStatus::LoadDuplicateId => "load: two records share an id",
            StStatus::LoadUnknownReference => {
                "load: a reference names no record, or a record of the wrong type"
            }
            StStatus::LoadMisquote => "load: an evidence quote is not found verbatim in its source",
            StStatus::LoadMissingEvidence => {
                "load: a fact-stating record has neither evidence nor an external reference"
            }
            StStatus::LoadBadDate => {
                "load: a date is impossible, or its basis lacks what it requires"
            }
            StStatus::LoadEndBeforeStart => "load: an end comes before its start",
            StStatus::LoadWrongDerivation => {
                "load: a derived date disagrees with its recomputation"
            }
            StStatus::LoadBadValue => "load: a value disagrees with the words it cites",
            StStatus::LoadOther => "load: another kind of problem",
        }
    }

    /// The status for a load problem, by the core's stable problem-kind word.
    pub(crate) fn for_problem(word: &str) -> StStatus {
        match word {
            "io" => StStatus::LoadIo,
            "parse" => StStatus::LoadParse,
            "invalid_utf8" => StStatus::LoadInvalidUtf8,
            "manifest" => StStatus::LoadManifest,
            "checksum" => StStatus::LoadChecksum,
            "bad_id" => StStatus::LoadBadId,
            "duplicate_id" => StStatus::LoadDuplicateId,
            "unknown_reference" => StStatus::LoadUnknownReference,
            "misquote" => StStatus::LoadMisquote,
            "missing_evidence" => StStatus::LoadMissingEvidence,
            "bad_date" => StStatus::LoadBadDate,
            "end_before_start" => StStatus::LoadEndBeforeStart,
            "wrong_derivation" => StStatus::LoadWrongDerivation,
            "bad_value" => StStatus::LoadBadValue,
            _ => StStatus::LoadOther,
        }
    }
}

/// A failed call: its status, a message, and optional JSON details.
#[derive(Debug, Clone)]
pub(crate) struct Error {
    pub(crate) code: StStatus,
    pub(crate) message: String,
    pub(crate) details: Option<String>,
}

impl Error {
    pub(crate) fn new(code: StStatus, message: impl Into<String>) -> Self {
        Error {
            code,
            message: message.into(),
            details: None,
        }
    }

    pub(crate) fn null(arg: &str) -> Self {
        Error::new(StStatus::NullArgument, format!("argument `{arg}` is NULL"))
    }
}

impl From<QueryError> for Error {
    fn from(e: QueryError) -> Self {
        #[allow(unreachable_patterns)]
        let code = match &e {
            QueryError::UnknownKind { .. } => StStatus::UnknownKind,
            QueryError::NoKinds { .. } => StStatus::NoKinds,
            QueryError::NotFound { .. } => StStatus::NameNotFound,
            QueryError::BadDate(_) => StStatus::BadDateArgument,
            QueryError::EmptyRange { .. } => StStatus::EmptyRange,
            _ => StStatus::InvalidArgument,
        };
        Error::new(code, e.to_string())
    }
}

impl From<&LoadError> for Error {
    fn from(e: &LoadError) -> Self {
        let code = e.problems.first().map_or(StStatus::LoadOther, |p| {
            StStatus::for_problem(p.kind.as_str())
        });
        Error {
            code,
            message: e.to_string(),
            details: serde_json::to_string_pretty(&e.problems).ok(),
        }
    }
}

/// The last error of this thread.
struct LastError {
    code: StStatus,
    message: CString,
    details: Option<CString>,
}

thread_local! {
    static LAST: RefCell<Option<LastError>> = const { RefCell::new(None) };
}

/// A C string of `s`. A NUL byte inside `s` (valid UTF-8, but the end of a C string) becomes a
/// space, so that the copy has the same length and byte offsets (evidence spans) as the original.
pub(crate) fn c_string(s: &str) -> CString {
    let bytes: Vec<u8> = s.bytes().map(|b| if b == 0 { b' ' } else { b }).collect();
    CString::new(bytes).unwrap_or_default()
}

fn set_last(e: Option<Error>) {
    let value = e.map(|e| LastError {
        code: e.code,
        message: c_string(&e.message),
        details: e.details.as_deref().map(c_string),
    });
    // During thread teardown the slot may be gone; there is then nobody left to ask.
    let _ = LAST.try_with(|l| {
        if let Ok(mut slot) = l.try_borrow_mut() {
            *slot = value;
        }
    });
}

/// The last status of this thread.
pub(crate) fn last_code() -> StStatus {
    LAST.try_with(|l| l.try_borrow().ok().and_then(|s| s.as_ref().map(|e| e.code)))
        .ok()
        .flatten()
        .unwrap_or(StStatus::Ok)
}

/// The last message of this thread, valid until the next `st_` call on it ("" when none).
pub(crate) fn last_message() -> *const c_char {
    LAST.try_with(|l| {
        l.try_borrow()
            .ok()
            .and_then(|s| s.as_ref().map(|e| e.message.as_ptr()))
    })
    .ok()
    .flatten()
    .unwrap_or(c"".as_ptr())
}

/// The last error's JSON details of this thread, or NULL.
pub(crate) fn last_details() -> *const c_char {
    LAST.try_with(|l| {
        l.try_borrow().ok().and_then(|s| {
            s.as_ref()
                .and_then(|e| e.details.as_ref().map(|d| d.as_ptr()))
        })
    })
    .ok()
    .flatten()
    .unwrap_or(std::ptr::null())
}

fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    let what = payload
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "unknown panic".to_string());
    format!("internal panic caught at the C boundary (please report): {what}")
}

/// Runs the body of a status-returning entry point: clears this thread's last error, stops any
/// panic, and records the error of a failed call. Every `extern "C"` function returning
/// [`StStatus`] is exactly `guard(|| ...)`; a test checks the source for it.
pub(crate) fn guard<F: FnOnce() -> Result<(), Error>>(body: F) -> StStatus {
    let run = catch_unwind(AssertUnwindSafe(|| {
        set_last(None);
        body()
    }));
    let err = match run {
        Ok(Ok(())) => return StStatus::Ok,
        Ok(Err(e)) => e,
        Err(payload) => Error::new(StStatus::Panic, panic_message(payload.as_ref())),
    };
    let code = err.code;
    // Recording the error allocates; should even that panic, the status still gets out.
    let _ = catch_unwind(AssertUnwindSafe(|| set_last(Some(err))));
    code
}

/// Like [`guard`], but leaves this thread's last error alone when the call succeeds (for
/// `st_status_message`, which describes a code and must not erase the error it describes).
pub(crate) fn guard_pure<F: FnOnce() -> Result<(), Error>>(body: F) -> StStatus {
    let err = match catch_unwind(AssertUnwindSafe(body)) {
        Ok(Ok(())) => return StStatus::Ok,
        Ok(Err(e)) => e,
        Err(payload) => Error::new(StStatus::Panic, panic_message(payload.as_ref())),
    };
    let code = err.code;
    let _ = catch_unwind(AssertUnwindSafe(|| set_last(Some(err))));
    code
}

/// Runs the body of an entry point that returns a value rather than a status (the error
/// accessors, `st_version`): stops any panic, returning `fallback` instead. It leaves this
/// thread's last error as it is.
pub(crate) fn guard_value<T, F: FnOnce() -> T>(fallback: T, body: F) -> T {
    catch_unwind(AssertUnwindSafe(body)).unwrap_or(fallback)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn panics_become_a_status_and_a_message() {
        let status = guard(|| panic!("boom"));
        assert_eq!(status, StStatus::Panic);
        assert_eq!(last_code(), StStatus::Panic);
        // SAFETY: last_message returns a NUL-terminated string owned by this thread's slot.
        let msg = unsafe { CStr::from_ptr(last_message()) }
            .to_str()
            .map(str::to_owned);
        assert!(msg.is_ok_and(|m| m.contains("boom")));
        assert_eq!(guard_value(7, || -> i32 { panic!("again") }), 7);
        assert_eq!(guard(|| Ok(())), StStatus::Ok);
        assert_eq!(last_code(), StStatus::Ok);
    }

    #[test]
    fn every_code_has_a_name_and_round_trips() {
        for s in StStatus::ALL {
            assert_eq!(StStatus::from_code(*s as i32), Some(*s));
            let name = s.name().to_str().unwrap_or_default();
            assert!(name.starts_with("ST_STATUS_"));
            assert!(!s.description().is_empty());
        }
        assert_eq!(StStatus::from_code(1000), None);
        assert_eq!(StStatus::for_problem("misquote"), StStatus::LoadMisquote);
        assert_eq!(StStatus::for_problem("something new"), StStatus::LoadOther);
    }

    #[test]
    fn c_strings_keep_their_length() {
        assert_eq!(c_string("a\0b").as_bytes(), b"a b");
        assert_eq!(c_string("Genève").as_bytes().len(), "Genève".len());
    }

    #[test]
    fn every_problem_kind_has_its_own_code() {
        for kind in syriatalks::ProblemKind::ALL {
            assert_ne!(
                StStatus::for_problem(kind.as_str()),
                StStatus::LoadOther,
                "{kind} needs a status code"
            );
        }
    }
}
