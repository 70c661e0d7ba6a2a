//! The compact binary form of a validated dataset, in which the build script embeds the curated
//! data: every record with its computed spans, citations, checksums and texts, so that the first
//! access decodes it without parsing TOML or searching a text again.
//!
//! A hand-written codec rather than a serde format: serde's `skip_deserializing` on computed fields
//! (spans, texts) and `skip_serializing_if` on optional ones are right for the data files and the
//! JSON export but make a non-self-describing format lose those fields. Each struct's codec lists
//! its fields once, and the macro destructures and rebuilds the struct without `..`, so a field
//! added to the model and not here is a compile error, never silently dropped. Only the build
//! script writes this form and only this crate's build embeds it; decoding still checks every
//! length and tag and fails with an error rather than a panic.

use crate::date::{DateValue, Derivation, PartialDate, Period};
use crate::evidence::{ByteSpan, Evidence, ExternalRef};
use crate::model::*;

/// The format's version: changes whenever the encoding or the model changes shape.
const MAGIC: &[u8; 8] = b"STCMPCT2";

/// Bad compact bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct CodecError(pub &'static str);

/// Reads compact bytes front to back.
pub(crate) struct Reader<'a> {
    bytes: &'a [u8],
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], CodecError> {
        if self.bytes.len() < n {
            return Err(CodecError("truncated"));
        }
        let (head, rest) = self.bytes.split_at(n);
        self.bytes = rest;
        Ok(head)
    }

    fn u64(&mut self) -> Result<u64, CodecError> {
        // LEB128: small numbers (lengths, spans) take a byte or two.
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.take(1)?[0];
            v |= u64::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return Ok(v);
            }
        }
        Err(CodecError("number too long"))
    }

    fn len(&mut self) -> Result<usize, CodecError> {
        let n = self.u64()?;
        // No length can exceed the bytes left (every element takes at least one byte).
        if n > self.bytes.len() as u64 {
            return Err(CodecError("length past the end"));
        }
        Ok(n as usize)
    }
}

/// A type with a compact form.
// Encoding runs in the build script and the tests only; the library decodes.
#[allow(dead_code)]
pub(crate) trait Compact: Sized {
    fn put(&self, out: &mut Vec<u8>);
    fn take(r: &mut Reader<'_>) -> Result<Self, CodecError>;
}

#[allow(dead_code)]
fn put_u64(out: &mut Vec<u8>, mut v: u64) {
    loop {
        let b = (v & 0x7f) as u8;
        v >>= 7;
        if v == 0 {
            out.push(b);
            return;
        }
        out.push(b | 0x80);
    }
}

impl Compact for u64 {
    fn put(&self, out: &mut Vec<u8>) {
        put_u64(out, *self);
    }
    fn take(r: &mut Reader<'_>) -> Result<Self, CodecError> {
        r.u64()
    }
}

impl Compact for usize {
    fn put(&self, out: &mut Vec<u8>) {
        put_u64(out, *self as u64);
    }
    fn take(r: &mut Reader<'_>) -> Result<Self, CodecError> {
        usize::try_from(r.u64()?).map_err(|_| CodecError("usize out of range"))
    }
}

impl Compact for u32 {
    fn put(&self, out: &mut Vec<u8>) {
        put_u64(out, u64::from(*self));
    }
    fn take(r: &mut Reader<'_>) -> Result<Self, CodecError> {
        u32::try_from(r.u64()?).map_err(|_| CodecError("u32 out of range"))
    }
}

impl Compact for i64 {
    fn put(&self, out: &mut Vec<u8>) {
        // Zigzag, so that small negative numbers stay small.
        put_u64(out, ((*self << 1) ^ (*self >> 63)) as u64);
    }
    fn take(r: &mut Reader<'_>) -> Result<Self, CodecError> {
        let v = r.u64()?;
        Ok(((v >> 1) as i64) ^ -((v & 1) as i64))
    }
}

impl Compact for i32 {
    fn put(&self, out: &mut Vec<u8>) {
        i64::from(*self).put(out);
    }
    fn take(r: &mut Reader<'_>) -> Result<Self, CodecError> {
        i32::try_from(i64::take(r)?).map_err(|_| CodecError("i32 out of range"))
    }
}

impl Compact for f64 {
    fn put(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(&self.to_le_bytes());
    }
    fn take(r: &mut Reader<'_>) -> Result<Self, CodecError> {
        let bytes = r.take(8)?;
        let mut b = [0u8; 8];
        b.copy_from_slice(bytes);
        Ok(f64::from_le_bytes(b))
    }
}

impl Compact for String {
    fn put(&self, out: &mut Vec<u8>) {
        self.len().put(out);
        out.extend_from_slice(self.as_bytes());
    }
    fn take(r: &mut Reader<'_>) -> Result<Self, CodecError> {
        let n = r.len()?;
        let bytes = r.take(n)?;
        std::str::from_utf8(bytes)
            .map(str::to_string)
            .map_err(|_| CodecError("string is not UTF-8"))
    }
}

impl<T: Compact> Compact for Option<T> {
    fn put(&self, out: &mut Vec<u8>) {
        match self {
            None => out.push(0),
            Some(v) => {
                out.push(1);
                v.put(out);
            }
        }
    }
    fn take(r: &mut Reader<'_>) -> Result<Self, CodecError> {
        match r.take(1)?[0] {
            0 => Ok(None),
            1 => T::take(r).map(Some),
            _ => Err(CodecError("bad option tag")),
        }
    }
}

impl<T: Compact> Compact for Vec<T> {
    fn put(&self, out: &mut Vec<u8>) {
        self.len().put(out);
        for v in self {
            v.put(out);
        }
    }
    fn take(r: &mut Reader<'_>) -> Result<Self, CodecError> {
        let n = r.len()?;
        let mut v = Vec::with_capacity(n);
        for _ in 0..n {
            v.push(T::take(r)?);
        }
        Ok(v)
    }
}

impl Compact for chrono::Weekday {
    fn put(&self, out: &mut Vec<u8>) {
        out.push(self.num_days_from_monday() as u8);
    }
    fn take(r: &mut Reader<'_>) -> Result<Self, CodecError> {
        use chrono::Weekday::*;
        let all = [Mon, Tue, Wed, Thu, Fri, Sat, Sun];
        all.get(r.take(1)?[0] as usize)
            .copied()
            .ok_or(CodecError("bad weekday"))
    }
}

impl Compact for PartialDate {
    fn put(&self, out: &mut Vec<u8>) {
        self.year_value().put(out);
        self.month_value().put(out);
        self.day_value().put(out);
    }
    fn take(r: &mut Reader<'_>) -> Result<Self, CodecError> {
        let y = i32::take(r)?;
        let m = <Option<u32> as Compact>::take(r)?;
        let d = <Option<u32> as Compact>::take(r)?;
        match (m, d) {
            (None, None) => Ok(PartialDate::year(y)),
            (Some(m), None) => PartialDate::month(y, m).ok_or(CodecError("bad month")),
            (Some(m), Some(d)) => PartialDate::day(y, m, d).ok_or(CodecError("bad day")),
            (None, Some(_)) => Err(CodecError("a day without a month")),
        }
    }
}

/// Closed vocabularies travel as their position in `ALL`.
macro_rules! compact_vocab {
    ($($t:ty),+) => {$(
        impl Compact for $t {
            fn put(&self, out: &mut Vec<u8>) {
                let i = <$t>::ALL.iter().position(|v| v == self).unwrap_or(0);
                out.push(i as u8);
            }
            fn take(r: &mut Reader<'_>) -> Result<Self, CodecError> {
                <$t>::ALL.get(r.take(1)?[0] as usize).copied().ok_or(CodecError("bad vocabulary word"))
            }
        }
    )+};
}
compact_vocab!(
    crate::date::Basis,
    crate::date::DateQualifier,
    crate::date::Relation,
    ActorKind,
    EventKind,
    ParticipantRole,
    Measure,
    Qualifier,
    InstrumentKind,
    PlaceKind,
    Topic,
    Process,
    RoundStatus,
    crate::ident::LocationPrecision,
    crate::ident::PloverEventType,
    crate::ident::CameoRoot
);

/// A struct travels as its fields in the order listed; the list must name every field.
macro_rules! compact_struct {
    ($($t:ident { $($f:ident),+ $(,)? })+) => {$(
        impl Compact for $t {
            fn put(&self, out: &mut Vec<u8>) {
                let $t { $($f),+ } = self;
                $($f.put(out);)+
            }
            fn take(r: &mut Reader<'_>) -> Result<Self, CodecError> {
                Ok($t { $($f: Compact::take(r)?),+ })
            }
        }
    )+};
}
compact_struct! {
    ByteSpan { start, end }
    Evidence { source, quote, occurrence, span }
    ExternalRef { title, reference, url }
    Derivation { from, days, years, weekday, relation }
    DateValue { value, basis, qualifier, quote, cited, derivation, reference, note, during, after, before }
    Period { start, end }
    Attested { value, basis, quote, occurrence, note, cited }
    Source { id, file, title, outlet, author, published, url, note, sha256, text }
    Role { title, of, round, as_of, evidence }
    Membership { actor, evidence }
    Actor { id, kind, name, aliases, roles, member_of, iso_alpha2, iso_alpha3, note, evidence, external }
    Place { id, kind, name, aliases, within, iso_alpha2, iso_alpha3, geonames_id, latitude, longitude, location_precision, note, evidence, external }
    Delegation { party, head, members, evidence }
    AgendaItem { item, proposed_by, evidence }
    Round { id, name, aliases, process, ordinal, status, period, places, mediators, delegations, agenda, outcome, instruments, follows, note, evidence, external }
    Participant { actor, role }
    Event { id, kind, plover, cameo_root, date, until, summary, actors, places, round, instruments, happening, note, evidence, external }
    Figure { id, measure, value, qualifier, low, best, high, number_evidence, number_span, text, scope, place, period, as_of, claimed_by, round, happening, note, evidence, external }
    Quote { id, speaker, text, said, place, audience, round, happening, note, evidence, external }
    Position { id, actor, topic, stance, as_of, round, instruments, note, evidence, external }
    Instrument { id, kind, name, aliases, date, authors, signatories, absent, summary, note, evidence, external }
}

/// The records of a validated dataset, by type.
pub(crate) type Records = (
    Vec<Source>,
    Vec<Actor>,
    Vec<Place>,
    Vec<Round>,
    Vec<Event>,
    Vec<Figure>,
    Vec<Quote>,
    Vec<Position>,
    Vec<Instrument>,
);

/// Encodes a dataset's records.
#[allow(dead_code)]
pub(crate) fn encode(ds: &crate::dataset::Dataset) -> Vec<u8> {
    fn all<T: Compact>(v: &[T], out: &mut Vec<u8>) {
        v.len().put(out);
        for x in v {
            x.put(out);
        }
    }
    let mut out = MAGIC.to_vec();
    all(ds.sources(), &mut out);
    all(ds.actors(), &mut out);
    all(ds.places(), &mut out);
    all(ds.rounds(), &mut out);
    all(ds.events(), &mut out);
    all(ds.figures(), &mut out);
    all(ds.quotes(), &mut out);
    all(ds.positions(), &mut out);
    all(ds.instruments(), &mut out);
    out
}

/// Decodes what [`encode`] wrote.
pub(crate) fn decode(bytes: &[u8]) -> Result<Records, CodecError> {
    let mut r = Reader { bytes };
    if r.take(MAGIC.len())? != MAGIC {
        return Err(CodecError("not this version's compact form"));
    }
    let records = (
        Compact::take(&mut r)?,
        Compact::take(&mut r)?,
        Compact::take(&mut r)?,
        Compact::take(&mut r)?,
        Compact::take(&mut r)?,
        Compact::take(&mut r)?,
        Compact::take(&mut r)?,
        Compact::take(&mut r)?,
        Compact::take(&mut r)?,
    );
    if !r.bytes.is_empty() {
        return Err(CodecError("trailing bytes"));
    }
    Ok(records)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_round_trip() {
        for v in [0i64, 1, -1, 63, -64, 64, i64::MAX, i64::MIN] {
            let mut out = Vec::new();
            v.put(&mut out);
            assert_eq!(i64::take(&mut Reader { bytes: &out }), Ok(v));
        }
        for v in [0u64, 127, 128, u64::MAX] {
            let mut out = Vec::new();
            v.put(&mut out);
            assert_eq!(u64::take(&mut Reader { bytes: &out }), Ok(v));
        }
    }

    #[test]
    fn the_embedded_data_round_trips() {
        let ds = crate::embedded_from_sources().expect("the embedded data validates");
        let bytes = encode(&ds);
        let again = crate::dataset::Dataset::from_records(decode(&bytes).expect("decodes"));
        assert_eq!(encode(&again), bytes);
        assert_eq!(again.to_json(), {
            let mut d = again.clone();
            d.data_version = None;
            d.to_json()
        });
    }

    #[test]
    fn bad_bytes_are_errors() {
        assert!(decode(b"").is_err());
        assert!(decode(MAGIC).is_err());
        let mut bytes = MAGIC.to_vec();
        bytes.push(0xff);
        assert!(decode(&bytes).is_err());
    }
}
