//! The fuzz harnesses, as plain functions: each `fuzz_targets/*.rs` is one line that hands
//! libFuzzer's bytes to one of these, and `tests/regressions.rs` replays the saved inputs of
//! `regressions/` through the same functions on a stable compiler, without libFuzzer.
//!
//! Every harness panics only on a broken invariant (an assertion below) or on a panic inside
//! syriatalks itself; both are findings.

pub mod c_api;
mod tables;

use arbitrary::{Arbitrary, Unstructured};
use chrono::{Datelike, Days, NaiveDate, Weekday};
use syriatalks::{
    normalize, numbers, Dataset, DateValue, Derivation, Filter, LoadError, Measure, PartialDate,
    Period, Precision, RecordKind, RecordRef, Relation,
};

/// The seed file name every fuzzed dataset uses; `gen-corpus.py` rewrites source records to it.
pub const SEED_FILE: &str = "seed.txt";

/// Splits `data` at the first `n - 1` occurrences of `sep` (like `splitn`), lossily as UTF-8.
fn sections(data: &[u8], sep: u8, n: usize) -> Vec<&[u8]> {
    data.splitn(n, |&b| b == sep).collect()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// The manifest a dataset with this one seed needs; computed so that the fuzzer, which cannot
/// forge a sha256, still reaches the validation behind the manifest check.
pub fn manifest_for_seed(seed: &[u8]) -> String {
    use sha2::{Digest, Sha256};
    let hex: String = Sha256::digest(seed)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    format!(
        "[[seed]]\nfile = \"{SEED_FILE}\"\nsha256 = \"{hex}\"\nbytes = {}\n",
        seed.len()
    )
}

/// Input layout of the loader targets (see README): `RECORDS \0 SEED [\0 MANIFEST]`, where
/// RECORDS holds one or more record files separated by `\x01`. Without a MANIFEST section the
/// harness writes the right one; with it, the fuzzer's manifest is used as given.
pub fn load(data: &[u8], extension: &str) {
    match parse(data, extension) {
        Ok(ds) => exercise_loaded(&ds),
        Err(e) => check_load_error(&e),
    }
}

/// `tables`: a dataset laid out as for `load_toml`; one the loader accepts is turned into every
/// record type's Arrow batches, flat form, exploded form, CSV and JSON Lines (see `tables.rs`).
pub fn tables(data: &[u8]) {
    match parse(data, "toml") {
        Ok(ds) => tables::exercise(&ds, data),
        Err(e) => check_load_error(&e),
    }
}

/// The dataset the loader targets' input layout describes, loaded.
fn parse(data: &[u8], extension: &str) -> Result<Dataset, LoadError> {
    let parts = sections(data, 0, 3);
    let files: Vec<(String, String)> = parts[0]
        .split(|&b| b == 1)
        .enumerate()
        .map(|(i, f)| (format!("records-{i}.{extension}"), text(f)))
        .collect();
    let seed = parts.get(1).copied();
    let manifest = match (seed, parts.get(2)) {
        (_, Some(m)) => Some(text(m)),
        (Some(s), None) => Some(manifest_for_seed(s)),
        (None, None) => None,
    };
    let file_refs: Vec<(&str, &str)> = files
        .iter()
        .map(|(n, t)| (n.as_str(), t.as_str()))
        .collect();
    let seeds: Vec<(&str, &[u8])> = seed.map(|s| (SEED_FILE, s)).into_iter().collect();
    syriatalks::from_parts(&file_refs, &seeds, manifest.as_deref())
}

/// The seed section of a loader target's input, as the loaded dataset read it.
fn seed_of(data: &[u8]) -> Option<&[u8]> {
    sections(data, 0, 3).get(1).copied()
}

fn check_load_error(e: &LoadError) {
    assert!(!e.problems.is_empty(), "a LoadError without problems");
    for p in &e.problems {
        // Finding 3: a TOML file ending right after `=` gave a problem with no message.
        assert!(!p.message.is_empty(), "a problem that says nothing: {p:?}");
    }
    let _ = e.to_string();
}

/// A dataset the loader accepted is queried the way a user would, so that values which pass
/// validation but break a query (odd dates, empty names) are found too.
fn exercise_loaded(ds: &Dataset) {
    let all = Filter::new();
    let timeline = ds.timeline(&all).expect("an empty filter is always usable");
    for pair in timeline.windows(2) {
        let (a, b) = (pair[0].when(), pair[1].when());
        if let (Some(a), Some(b)) = (a, b) {
            assert!(
                a.first <= b.first,
                "timeline out of order: {a:?} then {b:?}"
            );
        }
    }
    for r in ds.records() {
        assert!(
            ds.get(r.id()).is_some(),
            "record {} cannot be found by id",
            r.id()
        );
        if let Some(range) = r.when() {
            assert!(
                range.first <= range.last,
                "{} covers no day: {range:?}",
                r.id()
            );
        }
        for ev in r.evidence() {
            if let (Some(span), Some(src)) = (ev.span, ds.source(&ev.source)) {
                assert_eq!(
                    src.text.get(span.start..span.end),
                    Some(ev.quote.as_str()),
                    "the span of a quote in {} does not slice its words",
                    r.id()
                );
            }
        }
    }
    let _ = ds.to_json();
    if let Some(a) = ds.actors().first() {
        let _ = ds.resolve_actor(&a.name);
    }
    let _ = ds.search("the");
}

/// `partial_date`: parses up to two dates (one per line) and checks what a parsed date promises.
pub fn partial_date(data: &[u8]) {
    let Ok(s) = std::str::from_utf8(data) else {
        return;
    };
    if s.starts_with('{') {
        // A date as it appears in a record: the serde path the loader takes.
        if let Ok(v) = serde_json::from_str::<DateValue>(s) {
            check_date(v.value);
            let _ = v.to_string();
        }
        if let Ok(p) = serde_json::from_str::<Period>(s) {
            let _ = p.range();
            let _ = p.to_string();
        }
        return;
    }
    let (a, b) = s.split_once('\n').unwrap_or((s, ""));
    let a = a.parse::<PartialDate>().ok();
    let b = b.parse::<PartialDate>().ok();
    for d in a.iter().chain(&b) {
        check_date(*d);
    }
    if let (Some(a), Some(b)) = (a, b) {
        assert_eq!(
            a.cmp(&b),
            b.cmp(&a).reverse(),
            "ordering is not antisymmetric"
        );
        assert_eq!(
            a == b,
            a.cmp(&b).is_eq(),
            "ordering disagrees with equality"
        );
        assert_eq!(
            a.range().overlaps(&b.range()),
            b.range().overlaps(&a.range())
        );
    }
}

/// What every parsed (or derived) date must satisfy.
pub fn check_date(d: PartialDate) {
    let shown = d.to_string();
    let back: PartialDate = shown
        .parse()
        .unwrap_or_else(|e| panic!("{d:?} displays as `{shown}`, which does not parse: {e}"));
    assert_eq!(back, d, "`{shown}` does not parse back to the same date");
    assert!(
        (1..=9999).contains(&d.year_value()),
        "year {} is outside 1–9999",
        d.year_value()
    );
    let json = serde_json::to_string(&d).expect("a date serializes");
    let again: PartialDate = serde_json::from_str(&json).expect("a serialized date parses");
    assert_eq!(again, d);
    let (first, last) = (d.first_day(), d.last_day());
    assert!(first <= last, "{d} covers no day");
    assert_eq!(d.range().first, first);
    assert_eq!(d.range().last, last);
    assert!(d.range().overlaps(&d.range()));
    assert!(d.range().contains(first) && d.range().contains(last));
    assert!(
        first != NaiveDate::MIN && last != NaiveDate::MAX,
        "{d} fell back to MIN/MAX"
    );
    assert_eq!(first.year(), d.year_value());
    assert_eq!(last.year(), d.year_value());
    match d.precision() {
        Precision::Day => {
            assert_eq!(d.as_naive(), Some(first));
            assert_eq!(first, last);
        }
        Precision::Month => {
            assert_eq!(first.day(), 1);
            assert_eq!(Some(first.month()), d.month_value());
            assert_eq!(last.month(), first.month());
            assert_ne!(last.succ_opt().map(|n| n.month()), Some(first.month()));
            assert!(d.as_naive().is_none());
        }
        Precision::Year => {
            assert_eq!((first.month(), first.day()), (1, 1));
            assert_eq!((last.month(), last.day()), (12, 31));
            assert!(d.as_naive().is_none());
        }
    }
}

/// An anchor as any caller of the public API can build it, in range or not.
#[derive(Debug, Arbitrary)]
enum Anchor {
    Text(String),
    Day(i32, u32, u32),
    Month(i32, u32),
    Year(i32),
}

#[derive(Debug, Arbitrary)]
struct DerivationInput {
    anchor: Anchor,
    days: Option<i64>,
    years: Option<i32>,
    weekday: Option<u8>,
    relation: Option<u8>,
}

/// The JSON form, as a derivation appears in a record: `{"anchor": "2016-02-02",
/// "derivation": {"from": "x", "weekday": "monday", "relation": "before"}}`.
fn from_json(data: &[u8]) -> Option<(PartialDate, Derivation)> {
    #[derive(serde::Deserialize)]
    struct Input {
        anchor: PartialDate,
        derivation: Derivation,
    }
    let input: Input = serde_json::from_slice(data).ok()?;
    Some((input.anchor, input.derivation))
}

fn from_arbitrary(data: &[u8]) -> Option<(PartialDate, Derivation)> {
    let input = DerivationInput::arbitrary(&mut Unstructured::new(data)).ok()?;
    let anchor = match input.anchor {
        Anchor::Text(t) => t.parse().ok(),
        Anchor::Day(y, m, d) => PartialDate::day(y, m, d),
        Anchor::Month(y, m) => PartialDate::month(y, m),
        Anchor::Year(y) => Some(PartialDate::year(y)),
    }?;
    let weekday = input
        .weekday
        .map(|w| Weekday::try_from(w % 7).expect("0–6 is a weekday"));
    let relation = input
        .relation
        .map(|r| Relation::ALL[usize::from(r) % Relation::ALL.len()]);
    let d = Derivation {
        from: "anchor".into(),
        days: input.days,
        years: input.years,
        weekday,
        relation,
    };
    Some((anchor, d))
}

/// `derivation`: applies an arbitrary derivation to an arbitrary anchor; a result must be a
/// date that displays and parses back (so in years 1–9999) and agrees with plain calendar
/// arithmetic; anything else must be an `Err` with a message.
pub fn derivation(data: &[u8]) {
    let parsed = if data.first() == Some(&b'{') {
        from_json(data)
    } else {
        from_arbitrary(data)
    };
    let Some((anchor, d)) = parsed else { return };
    let (weekday, relation) = (d.weekday, d.relation);
    let result = match d.apply(anchor) {
        Ok(r) => r,
        Err(message) => {
            assert!(!message.is_empty(), "an empty derivation error");
            return;
        }
    };
    check_date(result);
    if let Some(years) = d.years {
        assert_eq!(result.precision(), Precision::Year);
        assert_eq!(
            Some(result.year_value()),
            anchor.year_value().checked_add(years),
            "{anchor} + {years} years"
        );
        return;
    }
    let start = anchor
        .as_naive()
        .expect("day arithmetic succeeded on a day");
    let shifted = match d.days.unwrap_or(0) {
        n if n >= 0 => start.checked_add_days(Days::new(n.unsigned_abs())),
        n => start.checked_sub_days(Days::new(n.unsigned_abs())),
    }
    .expect("the result exists, so the shifted day does");
    let got = result.as_naive().expect("day arithmetic gives a day");
    match (weekday, relation) {
        (None, _) => assert_eq!(got, shifted),
        (Some(w), Some(rel)) => {
            assert_eq!(got.weekday(), w);
            let gap = (got - shifted).num_days();
            let ok = match rel {
                Relation::OnOrBefore => (-6..=0).contains(&gap),
                Relation::Before => (-7..=-1).contains(&gap),
                Relation::OnOrAfter => (0..=6).contains(&gap),
                Relation::After => (1..=7).contains(&gap),
            };
            assert!(ok, "{rel} {w} from {shifted} gave {got}");
        }
        (Some(_), None) => panic!("a weekday without a relation was accepted"),
    }
}

/// `numbers`: number words, and the text folding behind every name match and search.
pub fn numbers(data: &[u8]) {
    let Ok(s) = std::str::from_utf8(data) else {
        return;
    };
    let value = numbers::spelled_value(s);
    // Plain digits read as themselves, whatever else the function knows.
    let t = s.trim();
    if (1..=19).contains(&t.len()) && t.bytes().all(|b| b.is_ascii_digit()) {
        assert_eq!(value, t.parse::<u64>().ok(), "`{t}`");
    }
    // The same number with thousands separators reads the same.
    if let Some(n) = value.filter(|_| t.bytes().all(|b| b.is_ascii_digit())) {
        assert_eq!(numbers::spelled_value(&with_commas(n)), Some(n));
    }
    for (_, word) in syriatalks::audit::scan(s).iter().map(|i| (i.kind, &i.text)) {
        let _ = numbers::spelled_value(word);
    }

    let folded = normalize::fold(s);
    assert_eq!(
        normalize::fold(&folded),
        folded,
        "fold is not idempotent on {s:?}"
    );
    let (mapped, map) = normalize::fold_with_map(s);
    assert_eq!(mapped, folded, "fold_with_map folds differently from fold");
    assert_eq!(map.len(), mapped.len() + 1);
    assert!(
        map.windows(2).all(|w| w[0] <= w[1]),
        "the map goes backwards"
    );
    assert!(map.iter().all(|&i| s.is_char_boundary(i)));
    // Every span of the folded text maps back to a slice of the original.
    let bounds: Vec<usize> = (0..=mapped.len())
        .filter(|&i| mapped.is_char_boundary(i))
        .collect();
    for (k, &start) in bounds.iter().enumerate().step_by(3) {
        for &end in bounds[k..].iter().step_by(5) {
            let (from, to) = normalize::unfold_span(&map, s, start, end);
            assert!(
                from <= to && to <= s.len(),
                "{start}..{end} maps to {from}..{to}"
            );
            assert!(
                s.get(from..to).is_some(),
                "{from}..{to} is not on char boundaries"
            );
        }
    }
    let key = normalize::name_key(s);
    assert_eq!(
        normalize::name_key(&key),
        key,
        "name_key is not idempotent on {s:?}"
    );
}

fn with_commas(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// `filter`: a query on the embedded dataset with fields from the input, separated by `\0`:
/// `KIND_BYTE since \0 until \0 actor \0 kind \0 place \0 round \0 source \0 text`; an empty
/// field is unset.
pub fn filter(data: &[u8]) {
    let Some((&selector, rest)) = data.split_first() else {
        return;
    };
    let ds = syriatalks::embedded();
    let fields: Vec<String> = sections(rest, 0, 8).into_iter().map(text).collect();
    let field = |i: usize| fields.get(i).filter(|s| !s.is_empty()).cloned();
    let date = |i: usize| field(i).and_then(|s| s.parse::<PartialDate>().ok());
    let f = Filter {
        since: date(0),
        until: date(1),
        actor: field(2),
        kind: field(3),
        place: field(4),
        round: field(5),
        source: field(6),
        text: field(7),
        // The selector's top bit picks the range mode, the rest the record type.
        dates: if selector & 0x80 != 0 {
            syriatalks::Certainty::Certain
        } else {
            syriatalks::Certainty::Possible
        },
        ..Filter::default()
    };
    let kind = RecordKind::ALL[usize::from(selector & 0x7f) % RecordKind::ALL.len()];
    let window = match (f.since, f.until) {
        (None, None) => None,
        (s, u) => Some((s.map(|d| d.first_day()), u.map(|d| d.last_day()))),
    };
    if let Ok(found) = ds.query(kind, &f) {
        for r in &found {
            assert_eq!(r.kind(), kind, "query({kind}) returned a {}", r.kind());
            // A range selects on a record's days: its dates narrowed by its anchors.
            let days = ds.days(*r);
            if let Some((since, until)) = window {
                let days = days.unwrap_or_else(|| panic!("{} is undated", r.id()));
                let certain = f.dates == syriatalks::Certainty::Certain;
                let (low, high) = if certain {
                    (days.first, days.last)
                } else {
                    (days.last, days.first)
                };
                assert!(since.is_none_or(|s| low >= s), "{} before since", r.id());
                assert!(until.is_none_or(|u| high <= u), "{} after until", r.id());
                assert!(
                    ds.date_fit(*r, f.since, f.until)
                        .is_some_and(|c| !certain || c == syriatalks::Certainty::Certain),
                    "{} kept but does not fit",
                    r.id()
                );
            }
            if let Ok(h) = ds.claims(r.id()) {
                assert!(h.attestations.iter().any(|a| a.id == r.id()));
            }
        }
    }
    if let Some(d) = f.until {
        for (round, _) in ds.sessions_on(d) {
            assert!(ds.in_session(d).iter().any(|x| x.id == round.id));
        }
    }
    let _ = ds.timeline(&f);
    if let Some(d) = f.since {
        for round in ds.in_session(d) {
            let _ = &round.id;
        }
    }
    if let Some(Ok(m)) = f.kind.as_deref().map(str::parse::<Measure>) {
        let _ = ds.figure_series(m);
    }
    // Search folds the whole corpus on each call (milliseconds), so only once per input.
    if let Some(words) = f.text.as_deref() {
        check_search(ds, words);
    }
    if let Some(name) = f.actor.as_deref() {
        let found = ds.resolve_actor(name);
        assert!(
            found.windows(2).all(|w| w[0].how <= w[1].how),
            "candidates not ranked"
        );
    }
}

fn check_search(ds: &Dataset, words: &str) {
    for hit in ds.search(words) {
        assert!(hit.span.start <= hit.span.end);
        // A quote's own `text` field is also called "text"; only a source's is the article.
        if let (RecordRef::Source(src), "text") = (hit.record, hit.field.as_str()) {
            let matched = src.text.get(hit.span.start..hit.span.end);
            assert!(
                matched.is_some(),
                "span {:?} does not slice the text",
                hit.span
            );
        }
    }
}
