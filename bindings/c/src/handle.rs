//! The dataset handle: a core `Dataset` plus the C view of it (NUL-terminated copies of every
//! string and the C structs pointing at them), built once when the handle is made. Also the
//! registry of live handles, so that a freed or made-up pointer is refused instead of followed.

use std::any::Any;
use std::collections::{BTreeMap, HashMap};
use std::ffi::{c_char, CString};
use std::ptr;
use std::sync::{LazyLock, Mutex, OnceLock};

use syriatalks::{Dataset, DateValue, Evidence, ExternalRef, Period, RecordKind, RecordRef};

use crate::status::{c_string, Error, StStatus};
use crate::types::*;

/// Owns the NUL-terminated strings and the arrays the C structs point into. Nothing is removed
/// or moved until the arena is dropped, so every pointer it hands out stays valid that long.
#[derive(Default)]
struct Arena {
    strings: HashMap<Box<str>, CString>,
    keep: Vec<Box<dyn Any>>,
}

impl Arena {
    /// A NUL-terminated copy of `s` (one per distinct string).
    fn s(&mut self, s: &str) -> *const c_char {
        if let Some(c) = self.strings.get(s) {
            return c.as_ptr();
        }
        let c = c_string(s);
        let p = c.as_ptr();
        self.strings.insert(s.into(), c);
        p
    }

    fn opt(&mut self, s: Option<&str>) -> *const c_char {
        s.map_or(ptr::null(), |s| self.s(s))
    }

    /// Keeps a list alive and returns its pointer and length (NULL when empty).
    fn list<T: 'static>(&mut self, v: Vec<T>) -> (*const T, usize) {
        if v.is_empty() {
            return (ptr::null(), 0);
        }
        let out = (v.as_ptr(), v.len());
        self.keep.push(Box::new(v));
        out
    }

    fn strs<'a>(
        &mut self,
        items: impl IntoIterator<Item = &'a str>,
    ) -> (*const *const c_char, usize) {
        let v: Vec<*const c_char> = items.into_iter().map(|s| self.s(s)).collect();
        self.list(v)
    }

    fn date(&mut self, d: Option<&DateValue>) -> StDate {
        let Some(d) = d else { return StDate::NONE };
        let (month, day) = (d.value.month_value(), d.value.day_value());
        StDate {
            value: self.s(&d.value.to_string()),
            year: d.value.year_value(),
            month: month.unwrap_or(0),
            day: day.unwrap_or(0),
            precision: match (month, day) {
                (_, Some(_)) => StPrecision::Day,
                (Some(_), None) => StPrecision::Month,
                _ => StPrecision::Year,
            },
            basis: self.s(d.basis.as_str()),
            qualifier: self.opt(d.qualifier.map(|q| q.as_str())),
            quote: self.opt(d.quote.as_deref()),
            note: self.opt(d.note.as_deref()),
            reference: self.opt(d.reference.as_deref()),
            during: self.opt(d.during.as_deref()),
            after: self.opt(d.after.as_deref()),
            before: self.opt(d.before.as_deref()),
        }
    }

    fn period(&mut self, p: Option<&Period>) -> (StDate, StDate) {
        match p {
            None => (StDate::NONE, StDate::NONE),
            Some(p) => (self.date(Some(&p.start)), self.date(p.end.as_ref())),
        }
    }

    fn evidence(&mut self, list: Vec<&Evidence>) -> (*const StEvidence, usize) {
        let v: Vec<StEvidence> = list
            .into_iter()
            .map(|e| StEvidence {
                source: self.s(&e.source),
                quote: self.s(&e.quote),
                occurrence: e.occurrence.unwrap_or(0),
                has_span: e.span.is_some(),
                span_start: e.span.map_or(0, |s| s.start),
                span_end: e.span.map_or(0, |s| s.end),
            })
            .collect();
        self.list(v)
    }

    fn external(&mut self, list: &[ExternalRef]) -> (*const StExternal, usize) {
        let v: Vec<StExternal> = list
            .iter()
            .map(|x| StExternal {
                title: self.s(&x.title),
                reference: self.opt(x.reference.as_deref()),
                url: self.opt(x.url.as_deref()),
            })
            .collect();
        self.list(v)
    }
}

fn kind_of(k: RecordKind) -> StRecordKind {
    // Exhaustive, so that a record type added to the core fails to compile here.
    match k {
        RecordKind::Source => StRecordKind::Source,
        RecordKind::Actor => StRecordKind::Actor,
        RecordKind::Place => StRecordKind::Place,
        RecordKind::Round => StRecordKind::Round,
        RecordKind::Event => StRecordKind::Event,
        RecordKind::Figure => StRecordKind::Figure,
        RecordKind::Quote => StRecordKind::Quote,
        RecordKind::Position => StRecordKind::Position,
        RecordKind::Instrument => StRecordKind::Instrument,
    }
}

/// The record types in `StRecordKind` order (which is also the core's `records()` order).
const KINDS: [StRecordKind; 9] = [
    StRecordKind::Source,
    StRecordKind::Actor,
    StRecordKind::Place,
    StRecordKind::Round,
    StRecordKind::Event,
    StRecordKind::Figure,
    StRecordKind::Quote,
    StRecordKind::Position,
    StRecordKind::Instrument,
];

/// A `kind` argument checked against the enumeration.
pub(crate) fn record_kind(kind: i32) -> Result<StRecordKind, Error> {
    usize::try_from(kind)
        .ok()
        .and_then(|i| KINDS.get(i).copied())
        .ok_or_else(|| {
            Error::new(
                StStatus::InvalidArgument,
                format!("`kind` {kind} is not a record kind (expected 0-8, see StRecordKind)"),
            )
        })
}

/// The core's record type for a C one.
pub(crate) fn core_kind(kind: StRecordKind) -> RecordKind {
    RecordKind::ALL
        .iter()
        .copied()
        .find(|k| kind_of(*k) == kind)
        .unwrap_or(RecordKind::Source)
}

/// The dataset, borrowed for the life of the program (embedded) or owned by the handle.
enum Holder {
    Static(&'static Dataset),
    Owned(Box<Dataset>),
}

/// An opaque dataset handle. The embedded one (`st_dataset_embedded`) lives for the whole program
/// and must not be freed; a loaded one is freed with `st_dataset_free`. A handle is immutable and
/// may be shared between threads.
pub struct StDataset {
    holder: Holder,
    arena: Arena,
    data_version: *const c_char,
    pub(crate) sources: Vec<StSource>,
    pub(crate) actors: Vec<StActor>,
    pub(crate) places: Vec<StPlace>,
    pub(crate) rounds: Vec<StRound>,
    pub(crate) events: Vec<StEvent>,
    pub(crate) figures: Vec<StFigure>,
    pub(crate) quotes: Vec<StQuote>,
    pub(crate) positions: Vec<StPosition>,
    pub(crate) instruments: Vec<StInstrument>,
    /// One per record, in `records()` order (all sources, then all actors…).
    refs: Vec<StRecordRef>,
    /// Where each type starts in `refs`.
    offsets: [usize; 9],
}

// SAFETY: a handle is never mutated after `build`; its raw pointers point into heap buffers the
// handle itself owns (the arena), so sharing it or moving it between threads is sound.
unsafe impl Send for StDataset {}
// SAFETY: as above: immutable after construction.
unsafe impl Sync for StDataset {}

impl StDataset {
    /// The core dataset.
    pub(crate) fn ds(&self) -> &Dataset {
        match &self.holder {
            Holder::Static(d) => d,
            Holder::Owned(d) => d,
        }
    }

    pub(crate) fn data_version(&self) -> *const c_char {
        self.data_version
    }

    fn build(holder: Holder) -> StDataset {
        let mut h = StDataset {
            holder,
            arena: Arena::default(),
            data_version: ptr::null(),
            sources: Vec::new(),
            actors: Vec::new(),
            places: Vec::new(),
            rounds: Vec::new(),
            events: Vec::new(),
            figures: Vec::new(),
            quotes: Vec::new(),
            positions: Vec::new(),
            instruments: Vec::new(),
            refs: Vec::new(),
            offsets: [0; 9],
        };
        // The dataset lives on the heap (or in a static) and is never moved or changed, so a
        // reference to it may sit beside the arena being filled.
        let ds: &Dataset = match &h.holder {
            Holder::Static(d) => d,
            // SAFETY: the Box's contents do not move when `h` does and are dropped only with `h`;
            // `ds` is not used after this function returns.
            Holder::Owned(d) => unsafe { &*(d.as_ref() as *const Dataset) },
        };
        let a = &mut h.arena;
        h.data_version = a.opt(ds.data_version());

        let mut counters = [0usize; 9];
        let mut last_kind = None;
        for r in ds.records() {
            let kind = kind_of(r.kind());
            let k = kind as usize;
            if last_kind != Some(kind) {
                h.offsets[k] = h.refs.len();
                last_kind = Some(kind);
            }
            let index = counters[k];
            counters[k] += 1;
            let item = StRecordRef {
                kind,
                index,
                id: a.s(r.id()),
                label: a.s(r.label()),
                kind_word: a.opt(r.kind_word()),
                date: a.date(r.date()),
            };
            h.refs.push(item);
            let (evidence, evidence_len) = a.evidence(r.evidence());
            let (external, external_len) = a.external(r.external());
            match r {
                RecordRef::Source(s) => h.sources.push(StSource {
                    id: a.s(&s.id),
                    file: a.s(&s.file),
                    title: a.s(&s.title.value),
                    outlet: a.opt(s.outlet.as_ref().map(|x| x.value.as_str())),
                    author: a.opt(s.author.as_ref().map(|x| x.value.as_str())),
                    published: a.date(s.published.as_ref()),
                    url: a.opt(s.url.as_deref()),
                    note: a.opt(s.note.as_deref()),
                    sha256: a.s(&s.sha256),
                    text: a.s(&s.text),
                    text_len: s.text.len(),
                    evidence,
                    evidence_len,
                }),
                RecordRef::Actor(x) => {
                    let (aliases, aliases_len) = a.strs(x.aliases.iter().map(String::as_str));
                    let roles: Vec<StRole> = x
                        .roles
                        .iter()
                        .map(|r| StRole {
                            title: a.s(&r.title),
                            of: a.opt(r.of.as_deref()),
                            round: a.opt(r.round.as_deref()),
                            as_of: a.date(r.as_of.as_ref()),
                        })
                        .collect();
                    let (roles, roles_len) = a.list(roles);
                    let (member_of, member_of_len) =
                        a.strs(x.member_of.iter().map(|m| m.actor.as_str()));
                    h.actors.push(StActor {
                        id: a.s(&x.id),
                        kind: a.s(x.kind.as_str()),
                        name: a.s(&x.name),
                        aliases,
                        aliases_len,
                        roles,
                        roles_len,
                        member_of,
                        member_of_len,
                        iso_alpha2: a.opt(x.iso_alpha2.as_deref()),
                        iso_alpha3: a.opt(x.iso_alpha3.as_deref()),
                        note: a.opt(x.note.as_deref()),
                        evidence,
                        evidence_len,
                        external,
                        external_len,
                    })
                }
                RecordRef::Place(x) => {
                    let (aliases, aliases_len) = a.strs(x.aliases.iter().map(String::as_str));
                    h.places.push(StPlace {
                        id: a.s(&x.id),
                        kind: a.s(x.kind.as_str()),
                        name: a.s(&x.name),
                        aliases,
                        aliases_len,
                        within: a.opt(x.within.as_deref()),
                        iso_alpha2: a.opt(x.iso_alpha2.as_deref()),
                        iso_alpha3: a.opt(x.iso_alpha3.as_deref()),
                        geonames_id: x.geonames_id.unwrap_or(0),
                        has_coordinates: x.latitude.is_some() && x.longitude.is_some(),
                        latitude: x.latitude.unwrap_or(0.0),
                        longitude: x.longitude.unwrap_or(0.0),
                        location_precision: a.opt(x.location_precision.map(|p| p.as_str())),
                        note: a.opt(x.note.as_deref()),
                        evidence,
                        evidence_len,
                        external,
                        external_len,
                    })
                }
                RecordRef::Round(x) => {
                    let (aliases, aliases_len) = a.strs(x.aliases.iter().map(String::as_str));
                    let (start, end) = a.period(x.period.as_ref());
                    let (places, places_len) = a.strs(x.places.iter().map(String::as_str));
                    let (mediators, mediators_len) = a.strs(x.mediators.iter().map(String::as_str));
                    let delegations: Vec<StDelegation> = x
                        .delegations
                        .iter()
                        .map(|d| {
                            let (members, members_len) =
                                a.strs(d.members.iter().map(String::as_str));
                            StDelegation {
                                party: a.s(&d.party),
                                head: a.opt(d.head.as_deref()),
                                members,
                                members_len,
                            }
                        })
                        .collect();
                    let (delegations, delegations_len) = a.list(delegations);
                    let agenda: Vec<StAgendaItem> = x
                        .agenda
                        .iter()
                        .map(|i| StAgendaItem {
                            item: a.s(&i.item),
                            proposed_by: a.opt(i.proposed_by.as_deref()),
                        })
                        .collect();
                    let (agenda, agenda_len) = a.list(agenda);
                    let (instruments, instruments_len) =
                        a.strs(x.instruments.iter().map(String::as_str));
                    h.rounds.push(StRound {
                        id: a.s(&x.id),
                        name: a.s(&x.name),
                        aliases,
                        aliases_len,
                        process: a.s(x.process.as_str()),
                        ordinal: x.ordinal.unwrap_or(0),
                        status: a.s(x.status.as_str()),
                        start,
                        end,
                        places,
                        places_len,
                        mediators,
                        mediators_len,
                        delegations,
                        delegations_len,
                        agenda,
                        agenda_len,
                        outcome: a.opt(x.outcome.as_deref()),
                        instruments,
                        instruments_len,
                        follows: a.opt(x.follows.as_deref()),
                        note: a.opt(x.note.as_deref()),
                        evidence,
                        evidence_len,
                        external,
                        external_len,
                    })
                }
                RecordRef::Event(x) => {
                    let actors: Vec<StParticipant> = x
                        .actors
                        .iter()
                        .map(|p| StParticipant {
                            actor: a.s(&p.actor),
                            role: a.s(p.role.as_str()),
                        })
                        .collect();
                    let (actors, actors_len) = a.list(actors);
                    let (places, places_len) = a.strs(x.places.iter().map(String::as_str));
                    let (instruments, instruments_len) =
                        a.strs(x.instruments.iter().map(String::as_str));
                    h.events.push(StEvent {
                        id: a.s(&x.id),
                        kind: a.s(x.kind.as_str()),
                        plover: a.opt(x.plover.map(|p| p.as_str())),
                        cameo_root: a.opt(x.cameo_root.map(|c| c.as_str())),
                        date: a.date(Some(&x.date)),
                        until: a.date(x.until.as_ref()),
                        summary: a.s(&x.summary),
                        actors,
                        actors_len,
                        places,
                        places_len,
                        round: a.opt(x.round.as_deref()),
                        instruments,
                        instruments_len,
                        happening: a.opt(x.happening.as_deref()),
                        note: a.opt(x.note.as_deref()),
                        evidence,
                        evidence_len,
                        external,
                        external_len,
                    })
                }
                RecordRef::Figure(x) => {
                    let (period_start, period_end) = a.period(x.period.as_ref());
                    let (claimed_by, claimed_by_len) =
                        a.strs(x.claimed_by.iter().map(String::as_str));
                    h.figures.push(StFigure {
                        id: a.s(&x.id),
                        measure: a.s(x.measure.as_str()),
                        value: x.value,
                        qualifier: a.s(x.qualifier.as_str()),
                        has_low: x.low.is_some(),
                        low: x.low.unwrap_or(0),
                        has_best: x.best.is_some(),
                        best: x.best.unwrap_or(0),
                        has_high: x.high.is_some(),
                        high: x.high.unwrap_or(0),
                        has_number_span: x.number_evidence.is_some() && x.number_span.is_some(),
                        number_evidence: x.number_evidence.unwrap_or(0),
                        number_span_start: x.number_span.map_or(0, |s| s.start),
                        number_span_end: x.number_span.map_or(0, |s| s.end),
                        text: a.s(&x.text),
                        scope: a.s(&x.scope),
                        place: a.opt(x.place.as_deref()),
                        period_start,
                        period_end,
                        as_of: a.date(x.as_of.as_ref()),
                        claimed_by,
                        claimed_by_len,
                        round: a.opt(x.round.as_deref()),
                        happening: a.opt(x.happening.as_deref()),
                        note: a.opt(x.note.as_deref()),
                        evidence,
                        evidence_len,
                        external,
                        external_len,
                    })
                }
                RecordRef::Quote(x) => h.quotes.push(StQuote {
                    id: a.s(&x.id),
                    speaker: a.s(&x.speaker),
                    text: a.s(&x.text),
                    said: a.date(x.said.as_ref()),
                    place: a.opt(x.place.as_deref()),
                    audience: a.opt(x.audience.as_deref()),
                    round: a.opt(x.round.as_deref()),
                    happening: a.opt(x.happening.as_deref()),
                    note: a.opt(x.note.as_deref()),
                    evidence,
                    evidence_len,
                    external,
                    external_len,
                }),
                RecordRef::Position(x) => {
                    let (instruments, instruments_len) =
                        a.strs(x.instruments.iter().map(String::as_str));
                    h.positions.push(StPosition {
                        id: a.s(&x.id),
                        actor: a.s(&x.actor),
                        topic: a.s(x.topic.as_str()),
                        stance: a.s(&x.stance),
                        as_of: a.date(x.as_of.as_ref()),
                        round: a.opt(x.round.as_deref()),
                        instruments,
                        instruments_len,
                        note: a.opt(x.note.as_deref()),
                        evidence,
                        evidence_len,
                        external,
                        external_len,
                    })
                }
                RecordRef::Instrument(x) => {
                    let (aliases, aliases_len) = a.strs(x.aliases.iter().map(String::as_str));
                    let (authors, authors_len) = a.strs(x.authors.iter().map(String::as_str));
                    let (signatories, signatories_len) =
                        a.strs(x.signatories.iter().map(String::as_str));
                    let (absent, absent_len) = a.strs(x.absent.iter().map(String::as_str));
                    h.instruments.push(StInstrument {
                        id: a.s(&x.id),
                        kind: a.s(x.kind.as_str()),
                        name: a.s(&x.name),
                        aliases,
                        aliases_len,
                        date: a.date(x.date.as_ref()),
                        authors,
                        authors_len,
                        signatories,
                        signatories_len,
                        absent,
                        absent_len,
                        summary: a.opt(x.summary.as_deref()),
                        note: a.opt(x.note.as_deref()),
                        evidence,
                        evidence_len,
                        external,
                        external_len,
                    })
                }
            }
        }
        h
    }

    /// How many records of a type.
    pub(crate) fn count(&self, kind: StRecordKind) -> usize {
        match kind {
            StRecordKind::Source => self.sources.len(),
            StRecordKind::Actor => self.actors.len(),
            StRecordKind::Place => self.places.len(),
            StRecordKind::Round => self.rounds.len(),
            StRecordKind::Event => self.events.len(),
            StRecordKind::Figure => self.figures.len(),
            StRecordKind::Quote => self.quotes.len(),
            StRecordKind::Position => self.positions.len(),
            StRecordKind::Instrument => self.instruments.len(),
        }
    }

    /// The reference for the `index`-th record of a type.
    pub(crate) fn ref_at(&self, kind: StRecordKind, index: usize) -> Option<&StRecordRef> {
        (index < self.count(kind))
            .then(|| self.refs.get(self.offsets[kind as usize] + index))
            .flatten()
    }

    /// The reference for a record id.
    pub(crate) fn ref_of(&self, id: &str) -> Option<&StRecordRef> {
        let (kind, index) = self.ds().locate(id)?;
        self.ref_at(kind_of(kind), index)
    }

    /// The C reference for a core record of this dataset.
    pub(crate) fn ref_for(&self, r: RecordRef<'_>) -> Result<StRecordRef, Error> {
        self.ref_of(r.id()).copied().ok_or_else(|| {
            Error::new(
                StStatus::Internal,
                format!("record `{}` is missing from the C view", r.id()),
            )
        })
    }

    /// The core record a C reference stands for, if it belongs to this dataset.
    pub(crate) fn record_for(&self, r: &StRecordRef) -> Option<RecordRef<'_>> {
        let mine = self.ref_at(r.kind, r.index)?;
        if !ptr::eq(mine.id, r.id) {
            return None;
        }
        let ds = self.ds();
        let i = r.index;
        Some(match r.kind {
            StRecordKind::Source => RecordRef::Source(ds.sources().get(i)?),
            StRecordKind::Actor => RecordRef::Actor(ds.actors().get(i)?),
            StRecordKind::Place => RecordRef::Place(ds.places().get(i)?),
            StRecordKind::Round => RecordRef::Round(ds.rounds().get(i)?),
            StRecordKind::Event => RecordRef::Event(ds.events().get(i)?),
            StRecordKind::Figure => RecordRef::Figure(ds.figures().get(i)?),
            StRecordKind::Quote => RecordRef::Quote(ds.quotes().get(i)?),
            StRecordKind::Position => RecordRef::Position(ds.positions().get(i)?),
            StRecordKind::Instrument => RecordRef::Instrument(ds.instruments().get(i)?),
        })
    }
}

/// What a registered pointer is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Tag {
    EmbeddedDataset,
    Dataset,
    Results,
    SearchResults,
    Candidates,
    String,
}

// A BTreeMap rather than a HashMap: its nodes are pointed to from their start, so leak checkers
// see the registry as reachable rather than "possibly lost".
static LIVE: LazyLock<Mutex<BTreeMap<usize, Tag>>> = LazyLock::new(|| Mutex::new(BTreeMap::new()));

fn live() -> std::sync::MutexGuard<'static, BTreeMap<usize, Tag>> {
    LIVE.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// Records a pointer handed out to C.
pub(crate) fn register<T>(p: *const T, tag: Tag) {
    live().insert(p as usize, tag);
}

/// The tag of a pointer handed out to C and not yet freed.
pub(crate) fn tag_of<T>(p: *const T) -> Option<Tag> {
    live().get(&(p as usize)).copied()
}

/// Forgets a pointer being freed; true if it was live with that tag.
pub(crate) fn unregister<T>(p: *const T, tag: Tag) -> bool {
    let mut map = live();
    if map.get(&(p as usize)) == Some(&tag) {
        map.remove(&(p as usize));
        true
    } else {
        false
    }
}

static EMBEDDED: OnceLock<StDataset> = OnceLock::new();

/// The embedded dataset's handle, built on first use.
pub(crate) fn embedded() -> Result<&'static StDataset, Error> {
    if let Some(h) = EMBEDDED.get() {
        return Ok(h);
    }
    let ds = syriatalks::try_embedded().map_err(|e| {
        let mut err = Error::from(e);
        err.code = StStatus::Internal;
        err.message = format!("the embedded dataset does not validate: {}", err.message);
        err
    })?;
    let h = EMBEDDED.get_or_init(|| StDataset::build(Holder::Static(ds)));
    register(h as *const StDataset, Tag::EmbeddedDataset);
    Ok(h)
}

/// A new handle owning a loaded dataset, registered; free with [`free_dataset`].
pub(crate) fn owned(ds: Dataset) -> *mut StDataset {
    let p = Box::into_raw(Box::new(StDataset::build(Holder::Owned(Box::new(ds)))));
    register(p as *const StDataset, Tag::Dataset);
    p
}
