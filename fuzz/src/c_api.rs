//! `c_api`: the C entry points called the way a C program calls them, through their
//! `extern "C"` functions: C strings cut at the first NUL from fuzzer bytes, NULL for any pointer,
//! a pointer that is not a handle, lists freed twice; every list and string freed at the end.
//!
//! Beyond "no crash", it checks the documented contract: out-params are NULL (or 0) after a
//! failure, every status is a known one and never `ST_STATUS_PANIC` (a panic that the guard
//! caught is still a bug), and every string the library hands out is readable.

use std::ffi::{c_char, CStr, CString};
use std::ptr;

use arbitrary::{Arbitrary, Unstructured};
use syriatalks_c::*;

/// A C string argument: NULL, or the bytes up to the first NUL (as C would see them).
#[derive(Debug, Arbitrary)]
struct CArg(Option<Vec<u8>>);

impl CArg {
    fn to_c(&self) -> Option<CString> {
        self.0.as_ref().map(|b| {
            let end = b.iter().position(|&c| c == 0).unwrap_or(b.len());
            CString::new(&b[..end]).expect("cut at the first NUL")
        })
    }
}

fn ptr_of(s: &Option<CString>) -> *const c_char {
    s.as_ref().map_or(ptr::null(), |s| s.as_ptr())
}

#[derive(Debug, Arbitrary)]
struct CFilter {
    since: CArg,
    until: CArg,
    actor: CArg,
    kind: CArg,
    place: CArg,
    round: CArg,
    source: CArg,
    text: CArg,
    speaker: CArg,
    certain: bool,
}

/// Which dataset pointer a call gets.
#[derive(Debug, Arbitrary, Clone, Copy)]
enum Ds {
    Embedded,
    Null,
    /// The address of something that is not a handle (a C caller's mistake the API must report).
    Bogus,
}

#[derive(Debug, Arbitrary)]
enum Op {
    Query {
        ds: Ds,
        kind: i32,
        filter: Option<CFilter>,
        null_out: bool,
        json: bool,
    },
    Timeline {
        ds: Ds,
        filter: Option<CFilter>,
        null_out: bool,
        json: bool,
    },
    InSession {
        ds: Ds,
        date: CArg,
    },
    FigureSeries {
        ds: Ds,
        measure: CArg,
    },
    Search {
        ds: Ds,
        words: CArg,
        json: bool,
    },
    Resolve {
        ds: Ds,
        name: CArg,
    },
    RecordJson {
        ds: Ds,
        id: CArg,
    },
    RecordGet {
        ds: Ds,
        id: CArg,
        typed: u8,
    },
    RecordAt {
        ds: Ds,
        kind: i32,
        index: usize,
        typed: bool,
    },
    Count {
        ds: Ds,
        kind: i32,
    },
    StatusMessage {
        code: i32,
        buf_len: u16,
        null_buf: bool,
        null_written: bool,
    },
    StatusName {
        code: i32,
    },
    KindName {
        kind: i32,
    },
    DataVersion {
        ds: Ds,
    },
    LoadMissing {
        with_embedded: bool,
        null_path: bool,
    },
    FreeNulls,
    DoubleFree {
        kind: i32,
    },
}

/// Runs up to a few dozen operations from the input.
pub fn run(data: &[u8]) {
    let mut u = Unstructured::new(data);
    for _ in 0..32 {
        let Ok(op) = Op::arbitrary(&mut u) else { break };
        unsafe { apply(&op) };
    }
}

unsafe fn dataset(ds: Ds, bogus: &u64) -> *const StDataset {
    match ds {
        Ds::Embedded => {
            let mut out = ptr::null();
            let st = unsafe { st_dataset_embedded(&mut out) };
            assert_eq!(st, StStatus::Ok, "the embedded dataset did not load");
            assert!(!out.is_null());
            out
        }
        Ds::Null => ptr::null(),
        Ds::Bogus => bogus as *const u64 as *const StDataset,
    }
}

/// Checks a status against the contract and returns whether it is a success.
fn ok(st: StStatus, what: &str) -> bool {
    assert_ne!(
        st,
        StStatus::Panic,
        "{what}: the library panicked: {}",
        last_message()
    );
    let code = st as i32;
    let name = unsafe { CStr::from_ptr(st_status_name(code)) };
    assert_ne!(
        name.to_bytes(),
        b"ST_STATUS_UNKNOWN",
        "{what}: unknown status {code}"
    );
    assert_eq!(
        unsafe { st_last_error_code() },
        st,
        "{what}: last error code disagrees"
    );
    if st != StStatus::Ok {
        assert!(!last_message().is_empty(), "{what}: failed with no message");
    }
    st == StStatus::Ok
}

fn last_message() -> String {
    unsafe { CStr::from_ptr(st_last_error_message()) }
        .to_string_lossy()
        .into_owned()
}

unsafe fn read_str(p: *const c_char) -> usize {
    if p.is_null() {
        0
    } else {
        unsafe { CStr::from_ptr(p) }.to_bytes().len()
    }
}

unsafe fn read_ref(r: &StRecordRef) {
    unsafe {
        assert!(!r.id.is_null(), "a record ref without an id");
        read_str(r.id);
        read_str(r.label);
        read_str(r.kind_word);
        read_str(r.date.value);
        read_str(r.date.basis);
        read_str(r.date.quote);
    }
}

unsafe fn items<'a, T>(p: *const T, len: usize) -> &'a [T] {
    if len == 0 {
        &[]
    } else {
        assert!(!p.is_null(), "a non-empty list without items");
        unsafe { std::slice::from_raw_parts(p, len) }
    }
}

unsafe fn take_json(mut s: *mut c_char, st: StStatus, what: &str) {
    unsafe {
        if ok(st, what) {
            assert!(!s.is_null(), "{what}: success without a string");
            let text = CStr::from_ptr(s).to_str().expect("JSON is UTF-8");
            serde_json::from_str::<serde_json::Value>(text)
                .unwrap_or_else(|e| panic!("{what}: not JSON ({e}): {text}"));
            assert_eq!(st_string_free(&mut s), StStatus::Ok);
            assert!(s.is_null(), "st_string_free did not null the slot");
        } else {
            assert!(s.is_null(), "{what}: failure left a string");
        }
    }
}

unsafe fn take_results(mut r: *mut StResults, st: StStatus, ds: *const StDataset, what: &str) {
    unsafe {
        if ok(st, what) {
            assert!(!r.is_null(), "{what}: success without a list");
            for item in items((*r).items, (*r).len) {
                read_ref(item);
            }
            let mut json = ptr::null_mut();
            let st = st_results_json(ds, r, &mut json);
            take_json(json, st, "st_results_json");
            assert_eq!(st_results_free(&mut r), StStatus::Ok);
            assert!(r.is_null());
        } else {
            assert!(r.is_null(), "{what}: failure left a list");
        }
    }
}

unsafe fn apply(op: &Op) {
    let bogus = 0u64;
    unsafe {
        match op {
            Op::Query {
                ds,
                kind,
                filter,
                null_out,
                json,
            } => {
                let ds = dataset(*ds, &bogus);
                let strings = filter.as_ref().map(c_filter);
                let f = strings
                    .as_ref()
                    .map(|(f, _)| f as *const StFilter)
                    .unwrap_or(ptr::null());
                if *json {
                    let mut out = ptr::null_mut();
                    let slot = if *null_out { ptr::null_mut() } else { &mut out };
                    let st = st_query_json(ds, *kind, f, slot);
                    take_json(out, st, "st_query_json");
                } else {
                    let mut out = ptr::null_mut();
                    let slot = if *null_out { ptr::null_mut() } else { &mut out };
                    let st = st_query(ds, *kind, f, slot);
                    take_results(out, st, ds, "st_query");
                }
            }
            Op::Timeline {
                ds,
                filter,
                null_out,
                json,
            } => {
                let ds = dataset(*ds, &bogus);
                let strings = filter.as_ref().map(c_filter);
                let f = strings
                    .as_ref()
                    .map(|(f, _)| f as *const StFilter)
                    .unwrap_or(ptr::null());
                let mut out = ptr::null_mut();
                if *json {
                    let slot = if *null_out { ptr::null_mut() } else { &mut out };
                    let st = st_timeline_json(ds, f, slot);
                    take_json(out, st, "st_timeline_json");
                } else {
                    let mut list = ptr::null_mut();
                    let slot = if *null_out {
                        ptr::null_mut()
                    } else {
                        &mut list
                    };
                    let st = st_timeline(ds, f, slot);
                    take_results(list, st, ds, "st_timeline");
                }
            }
            Op::InSession { ds, date } => {
                let ds = dataset(*ds, &bogus);
                let date = date.to_c();
                let mut out = ptr::null_mut();
                let st = st_in_session(ds, ptr_of(&date), &mut out);
                take_results(out, st, ds, "st_in_session");
            }
            Op::FigureSeries { ds, measure } => {
                let ds = dataset(*ds, &bogus);
                let m = measure.to_c();
                let mut out = ptr::null_mut();
                let st = st_figure_series(ds, ptr_of(&m), &mut out);
                take_results(out, st, ds, "st_figure_series");
            }
            Op::Search { ds, words, json } => {
                let ds = dataset(*ds, &bogus);
                let w = words.to_c();
                if *json {
                    let mut out = ptr::null_mut();
                    let st = st_search_json(ds, ptr_of(&w), &mut out);
                    take_json(out, st, "st_search_json");
                    return;
                }
                let mut out = ptr::null_mut();
                let st = st_search(ds, ptr_of(&w), &mut out);
                if ok(st, "st_search") {
                    for hit in items((*out).items, (*out).len) {
                        read_ref(&hit.record);
                        read_str(hit.field);
                        read_str(hit.snippet);
                        assert!(hit.span_start <= hit.span_end);
                    }
                    assert_eq!(st_search_results_free(&mut out), StStatus::Ok);
                    assert!(out.is_null());
                } else {
                    assert!(out.is_null());
                }
            }
            Op::Resolve { ds, name } => {
                let ds = dataset(*ds, &bogus);
                let n = name.to_c();
                let mut out = ptr::null_mut();
                let st = st_resolve_actor(ds, ptr_of(&n), &mut out);
                if ok(st, "st_resolve_actor") {
                    for c in items((*out).items, (*out).len) {
                        read_ref(&c.actor);
                        read_str(c.matched);
                        read_str(c.how);
                        assert!(c.score > 0.0 && c.score <= 1.0, "score {}", c.score);
                    }
                    assert_eq!(st_candidates_free(&mut out), StStatus::Ok);
                } else {
                    assert!(out.is_null());
                }
            }
            Op::RecordJson { ds, id } => {
                let ds = dataset(*ds, &bogus);
                let id = id.to_c();
                let mut out = ptr::null_mut();
                let st = st_record_json(ds, ptr_of(&id), &mut out);
                take_json(out, st, "st_record_json");
            }
            Op::RecordGet { ds, id, typed } => {
                let ds = dataset(*ds, &bogus);
                let id = id.to_c();
                let idp = ptr_of(&id);
                macro_rules! get {
                    ($f:ident, $t:ty) => {{
                        let mut out: *const $t = ptr::null();
                        let st = $f(ds, idp, &mut out);
                        assert_eq!(ok(st, stringify!($f)), !out.is_null());
                        if !out.is_null() {
                            read_str((*out).id);
                        }
                    }};
                }
                match typed % 10 {
                    0 => get!(st_source_get, StSource),
                    1 => get!(st_actor_get, StActor),
                    2 => get!(st_place_get, StPlace),
                    3 => get!(st_round_get, StRound),
                    4 => get!(st_event_get, StEvent),
                    5 => get!(st_figure_get, StFigure),
                    6 => get!(st_quote_get, StQuote),
                    7 => get!(st_position_get, StPosition),
                    8 => get!(st_instrument_get, StInstrument),
                    _ => {
                        let mut out: *const StRecordRef = ptr::null();
                        let st = st_record_get(ds, idp, &mut out);
                        assert_eq!(ok(st, "st_record_get"), !out.is_null());
                        if !out.is_null() {
                            read_ref(&*out);
                        }
                    }
                }
            }
            Op::RecordAt {
                ds,
                kind,
                index,
                typed,
            } => {
                let ds = dataset(*ds, &bogus);
                // Small indexes hit real records; the fuzzer's large ones test the bounds.
                let index = if *index > 1_000_000 {
                    *index
                } else {
                    index % 64
                };
                if *typed {
                    let mut out: *const StEvent = ptr::null();
                    let st = st_event_at(ds, index, &mut out);
                    assert_eq!(ok(st, "st_event_at"), !out.is_null());
                    if !out.is_null() {
                        read_str((*out).summary);
                        for p in items((*out).actors, (*out).actors_len) {
                            read_str(p.actor);
                        }
                    }
                } else {
                    let mut out: *const StRecordRef = ptr::null();
                    let st = st_record_at(ds, *kind, index, &mut out);
                    assert_eq!(ok(st, "st_record_at"), !out.is_null());
                    if !out.is_null() {
                        read_ref(&*out);
                    }
                }
            }
            Op::Count { ds, kind } => {
                let ds = dataset(*ds, &bogus);
                let mut n = usize::MAX;
                let st = st_dataset_count(ds, *kind, &mut n);
                if !ok(st, "st_dataset_count") {
                    assert_eq!(n, 0, "a failed count left {n}");
                }
            }
            Op::StatusMessage {
                code,
                buf_len,
                null_buf,
                null_written,
            } => {
                let mut buf = vec![0x55u8; usize::from(*buf_len)];
                let (bp, bl) = if *null_buf {
                    (ptr::null_mut(), 0)
                } else {
                    (buf.as_mut_ptr() as *mut c_char, buf.len())
                };
                let mut written = usize::MAX;
                let wp = if *null_written {
                    ptr::null_mut()
                } else {
                    &mut written
                };
                let st = st_status_message(*code, bp, bl, wp);
                assert_ne!(st, StStatus::Panic);
                if bl > 0 && matches!(st, StStatus::Ok | StStatus::BufferTooSmall) {
                    let s =
                        CStr::from_bytes_until_nul(&buf).expect("the message is NUL-terminated");
                    assert!(s.to_str().is_ok(), "truncated off a UTF-8 boundary");
                    if !*null_written {
                        assert!(s.to_bytes().len() <= written);
                    }
                }
            }
            Op::StatusName { code } => {
                assert!(!st_status_name(*code).is_null());
            }
            Op::KindName { kind } => {
                read_str(st_record_kind_name(*kind));
            }
            Op::DataVersion { ds } => {
                let ds = dataset(*ds, &bogus);
                let mut out = ptr::null();
                let st = st_data_version(ds, &mut out);
                if !ok(st, "st_data_version") {
                    assert!(out.is_null());
                }
                read_str(out);
                read_str(st_version());
            }
            Op::LoadMissing {
                with_embedded,
                null_path,
            } => {
                // Paths from the fuzzer could name /dev/zero or a huge tree; a missing path and
                // NULL exercise the entry points without reading the machine's files.
                let path = c"/nonexistent/syriatalks-fuzz";
                let p = if *null_path {
                    ptr::null()
                } else {
                    path.as_ptr()
                };
                let mut out = ptr::null_mut();
                let st = if *with_embedded {
                    st_dataset_load_with_embedded(p, &mut out)
                } else {
                    st_dataset_load(p, &mut out)
                };
                assert!(!ok(st, "st_dataset_load"), "a missing path loaded");
                assert!(out.is_null());
                read_str(st_last_error_details());
            }
            Op::FreeNulls => {
                assert_eq!(st_results_free(ptr::null_mut()), StStatus::Ok);
                assert_eq!(st_search_results_free(ptr::null_mut()), StStatus::Ok);
                assert_eq!(st_candidates_free(ptr::null_mut()), StStatus::Ok);
                assert_eq!(st_string_free(ptr::null_mut()), StStatus::Ok);
                assert_eq!(st_dataset_free(ptr::null_mut()), StStatus::Ok);
                let mut embedded = dataset(Ds::Embedded, &bogus) as *mut StDataset;
                assert_eq!(st_dataset_free(&mut embedded), StStatus::Ok);
                let mut fake = &bogus as *const u64 as *mut StDataset;
                assert_eq!(st_dataset_free(&mut fake), StStatus::InvalidHandle);
            }
            Op::DoubleFree { kind } => {
                let ds = dataset(Ds::Embedded, &bogus);
                let mut out = ptr::null_mut();
                if st_query(ds, *kind, ptr::null(), &mut out) == StStatus::Ok {
                    let mut copy = out;
                    assert_eq!(st_results_free(&mut out), StStatus::Ok);
                    assert_eq!(st_results_free(&mut out), StStatus::Ok, "NULL slot");
                    assert_eq!(st_results_free(&mut copy), StStatus::InvalidHandle);
                }
            }
        }
    }
}

/// A C filter and the strings it points into (which must outlive it).
fn c_filter(f: &CFilter) -> (StFilter, Vec<Option<CString>>) {
    let s: Vec<Option<CString>> = [
        &f.since, &f.until, &f.actor, &f.kind, &f.place, &f.round, &f.source, &f.text, &f.speaker,
    ]
    .iter()
    .map(|a| a.to_c())
    .collect();
    let filter = StFilter {
        since: ptr_of(&s[0]),
        until: ptr_of(&s[1]),
        actor: ptr_of(&s[2]),
        kind: ptr_of(&s[3]),
        place: ptr_of(&s[4]),
        round: ptr_of(&s[5]),
        source: ptr_of(&s[6]),
        text: ptr_of(&s[7]),
        speaker: ptr_of(&s[8]),
        dates: if f.certain {
            StCertainty::Certain
        } else {
            StCertainty::Possible
        },
    };
    (filter, s)
}
