use serde::Serialize;

use super::*;
use crate::date::{DateRange, DateValue};
use crate::evidence::{Evidence, ExternalRef};
use crate::vocab::vocab;

vocab!(
    /// The nine record types.
    RecordKind, "record kind" {
        /// [`Source`]
        Source = "source",
        /// [`Actor`]
        Actor = "actor",
        /// [`Place`]
        Place = "place",
        /// [`Round`]
        Round = "round",
        /// [`Event`]
        Event = "event",
        /// [`Figure`]
        Figure = "figure",
        /// [`Quote`]
        Quote = "quote",
        /// [`Position`]
        Position = "position",
        /// [`Instrument`]
        Instrument = "instrument",
    }
);

/// What every record type offers to queries: its id, its kind word, when it happened, whom and
/// what it involves, and its evidence. Filters are written once against this trait.
pub trait Record {
    /// Which record type this is.
    const KIND: RecordKind;
    /// The words the `kind` filter accepts for this type (empty when it has no kinds).
    const KIND_WORDS: &'static [&'static str];
    /// Stable id.
    fn id(&self) -> &str;
    /// A short human label (name, summary, or the quoted words).
    fn label(&self) -> &str;
    /// The record's kind word within its type (event kind, measure, topic…), if it has one.
    fn kind_word(&self) -> Option<&'static str>;
    /// The record's main date, if it has one.
    fn date(&self) -> Option<&DateValue>;
    /// The days the record covers, for time filters.
    fn when(&self) -> Option<DateRange>;
    /// Every actor id the record involves.
    fn actor_ids(&self) -> Vec<&str>;
    /// Every place id the record involves.
    fn place_ids(&self) -> Vec<&str>;
    /// Every round id the record belongs to.
    fn round_ids(&self) -> Vec<&str>;
    /// Every evidence entry, nested ones (roles, delegations, agenda) included.
    fn evidence(&self) -> Vec<&Evidence>;
    /// External references.
    fn external(&self) -> &[ExternalRef];
    /// The free-text fields a text filter looks at, as (field name, value); evidence quotes are
    /// added by the filter.
    fn texts(&self) -> Vec<(&'static str, &str)>;
    /// A borrowed, type-erased reference.
    fn as_record(&self) -> RecordRef<'_>;
}

fn opt(s: &Option<String>) -> Option<&str> {
    s.as_deref()
}

fn range_of(start: Option<&DateValue>, end: Option<&DateValue>) -> Option<DateRange> {
    let start = start?;
    let last = end.map_or(start.value.last_day(), |e| e.value.last_day());
    Some(DateRange {
        first: start.value.first_day(),
        last,
    })
}

impl Record for Source {
    const KIND: RecordKind = RecordKind::Source;
    const KIND_WORDS: &'static [&'static str] = &[];
    fn id(&self) -> &str {
        &self.id
    }
    fn label(&self) -> &str {
        &self.title.value
    }
    fn kind_word(&self) -> Option<&'static str> {
        None
    }
    fn date(&self) -> Option<&DateValue> {
        self.published.as_ref()
    }
    fn when(&self) -> Option<DateRange> {
        range_of(self.published.as_ref(), None)
    }
    fn actor_ids(&self) -> Vec<&str> {
        Vec::new()
    }
    fn place_ids(&self) -> Vec<&str> {
        Vec::new()
    }
    fn round_ids(&self) -> Vec<&str> {
        Vec::new()
    }
    fn evidence(&self) -> Vec<&Evidence> {
        [
            Some(&self.title),
            self.outlet.as_ref(),
            self.author.as_ref(),
        ]
        .into_iter()
        .flatten()
        .filter_map(|a| a.cited.as_ref())
        .chain(self.published.as_ref().and_then(|d| d.cited.as_ref()))
        .collect()
    }
    fn external(&self) -> &[ExternalRef] {
        &[]
    }
    fn texts(&self) -> Vec<(&'static str, &str)> {
        let mut v = vec![
            ("title", self.title.value.as_str()),
            ("file", self.file.as_str()),
        ];
        v.extend(self.outlet.as_ref().map(|a| ("outlet", a.value.as_str())));
        v.extend(self.author.as_ref().map(|a| ("author", a.value.as_str())));
        v
    }
    fn as_record(&self) -> RecordRef<'_> {
        RecordRef::Source(self)
    }
}

impl Record for Actor {
    const KIND: RecordKind = RecordKind::Actor;
    const KIND_WORDS: &'static [&'static str] = ActorKind::WORDS;
    fn id(&self) -> &str {
        &self.id
    }
    fn label(&self) -> &str {
        &self.name
    }
    fn kind_word(&self) -> Option<&'static str> {
        Some(self.kind.as_str())
    }
    fn date(&self) -> Option<&DateValue> {
        None
    }
    fn when(&self) -> Option<DateRange> {
        let dates: Vec<DateRange> = self
            .roles
            .iter()
            .filter_map(|r| r.as_of.as_ref())
            .map(|d| d.value.range())
            .collect();
        let first = dates.iter().map(|r| r.first).min()?;
        let last = dates.iter().map(|r| r.last).max()?;
        Some(DateRange { first, last })
    }
    fn actor_ids(&self) -> Vec<&str> {
        let mut v = vec![self.id.as_str()];
        v.extend(self.member_of.iter().map(|m| m.actor.as_str()));
        v.extend(self.roles.iter().filter_map(|r| opt(&r.of)));
        v
    }
    fn place_ids(&self) -> Vec<&str> {
        Vec::new()
    }
    fn round_ids(&self) -> Vec<&str> {
        self.roles.iter().filter_map(|r| opt(&r.round)).collect()
    }
    fn evidence(&self) -> Vec<&Evidence> {
        self.evidence
            .iter()
            .chain(self.roles.iter().flat_map(|r| &r.evidence))
            .chain(self.member_of.iter().flat_map(|m| &m.evidence))
            .collect()
    }
    fn external(&self) -> &[ExternalRef] {
        &self.external
    }
    fn texts(&self) -> Vec<(&'static str, &str)> {
        let mut v = vec![("name", self.name.as_str())];
        v.extend(self.aliases.iter().map(|a| ("aliases", a.as_str())));
        v.extend(self.roles.iter().map(|r| ("roles.title", r.title.as_str())));
        v.extend(opt(&self.note).map(|n| ("note", n)));
        v
    }
    fn as_record(&self) -> RecordRef<'_> {
        RecordRef::Actor(self)
    }
}

impl Record for Place {
    const KIND: RecordKind = RecordKind::Place;
    const KIND_WORDS: &'static [&'static str] = PlaceKind::WORDS;
    fn id(&self) -> &str {
        &self.id
    }
    fn label(&self) -> &str {
        &self.name
    }
    fn kind_word(&self) -> Option<&'static str> {
        Some(self.kind.as_str())
    }
    fn date(&self) -> Option<&DateValue> {
        None
    }
    fn when(&self) -> Option<DateRange> {
        None
    }
    fn actor_ids(&self) -> Vec<&str> {
        Vec::new()
    }
    fn place_ids(&self) -> Vec<&str> {
        let mut v = vec![self.id.as_str()];
        v.extend(opt(&self.within));
        v
    }
    fn round_ids(&self) -> Vec<&str> {
        Vec::new()
    }
    fn evidence(&self) -> Vec<&Evidence> {
        self.evidence.iter().collect()
    }
    fn external(&self) -> &[ExternalRef] {
        &self.external
    }
    fn texts(&self) -> Vec<(&'static str, &str)> {
        let mut v = vec![("name", self.name.as_str())];
        v.extend(self.aliases.iter().map(|a| ("aliases", a.as_str())));
        v.extend(opt(&self.note).map(|n| ("note", n)));
        v
    }
    fn as_record(&self) -> RecordRef<'_> {
        RecordRef::Place(self)
    }
}

impl Record for Round {
    const KIND: RecordKind = RecordKind::Round;
    const KIND_WORDS: &'static [&'static str] = Process::WORDS;
    fn id(&self) -> &str {
        &self.id
    }
    fn label(&self) -> &str {
        &self.name
    }
    fn kind_word(&self) -> Option<&'static str> {
        Some(self.process.as_str())
    }
    fn date(&self) -> Option<&DateValue> {
        self.period.as_ref().map(|p| &p.start)
    }
    fn when(&self) -> Option<DateRange> {
        self.period.as_ref().map(|p| p.range())
    }
    fn actor_ids(&self) -> Vec<&str> {
        let mut v: Vec<&str> = self.mediators.iter().map(String::as_str).collect();
        for d in &self.delegations {
            v.push(&d.party);
            v.extend(opt(&d.head));
            v.extend(d.members.iter().map(String::as_str));
        }
        v.extend(self.agenda.iter().filter_map(|a| opt(&a.proposed_by)));
        v
    }
    fn place_ids(&self) -> Vec<&str> {
        self.places.iter().map(String::as_str).collect()
    }
    fn round_ids(&self) -> Vec<&str> {
        vec![self.id.as_str()]
    }
    fn evidence(&self) -> Vec<&Evidence> {
        self.evidence
            .iter()
            .chain(self.delegations.iter().flat_map(|d| &d.evidence))
            .chain(self.agenda.iter().flat_map(|a| &a.evidence))
            .chain(
                self.period
                    .iter()
                    .flat_map(|p| [Some(&p.start), p.end.as_ref()])
                    .flatten()
                    .filter_map(|d| d.cited.as_ref()),
            )
            .collect()
    }
    fn external(&self) -> &[ExternalRef] {
        &self.external
    }
    fn texts(&self) -> Vec<(&'static str, &str)> {
        let mut v = vec![("name", self.name.as_str())];
        v.extend(self.aliases.iter().map(|a| ("aliases", a.as_str())));
        v.extend(self.agenda.iter().map(|a| ("agenda.item", a.item.as_str())));
        v.extend(opt(&self.outcome).map(|o| ("outcome", o)));
        v.extend(opt(&self.note).map(|n| ("note", n)));
        v
    }
    fn as_record(&self) -> RecordRef<'_> {
        RecordRef::Round(self)
    }
}

impl Record for Event {
    const KIND: RecordKind = RecordKind::Event;
    const KIND_WORDS: &'static [&'static str] = EventKind::WORDS;
    fn id(&self) -> &str {
        &self.id
    }
    fn label(&self) -> &str {
        &self.summary
    }
    fn kind_word(&self) -> Option<&'static str> {
        Some(self.kind.as_str())
    }
    fn date(&self) -> Option<&DateValue> {
        Some(&self.date)
    }
    fn when(&self) -> Option<DateRange> {
        range_of(Some(&self.date), self.until.as_ref())
    }
    fn actor_ids(&self) -> Vec<&str> {
        self.actors.iter().map(|p| p.actor.as_str()).collect()
    }
    fn place_ids(&self) -> Vec<&str> {
        self.places.iter().map(String::as_str).collect()
    }
    fn round_ids(&self) -> Vec<&str> {
        opt(&self.round).into_iter().collect()
    }
    fn evidence(&self) -> Vec<&Evidence> {
        self.evidence
            .iter()
            .chain(
                [Some(&self.date), self.until.as_ref()]
                    .into_iter()
                    .flatten()
                    .filter_map(|d| d.cited.as_ref()),
            )
            .collect()
    }
    fn external(&self) -> &[ExternalRef] {
        &self.external
    }
    fn texts(&self) -> Vec<(&'static str, &str)> {
        let mut v = vec![("summary", self.summary.as_str())];
        v.extend(opt(&self.note).map(|n| ("note", n)));
        v
    }
    fn as_record(&self) -> RecordRef<'_> {
        RecordRef::Event(self)
    }
}

impl Record for Figure {
    const KIND: RecordKind = RecordKind::Figure;
    const KIND_WORDS: &'static [&'static str] = Measure::WORDS;
    fn id(&self) -> &str {
        &self.id
    }
    fn label(&self) -> &str {
        &self.scope
    }
    fn kind_word(&self) -> Option<&'static str> {
        Some(self.measure.as_str())
    }
    fn date(&self) -> Option<&DateValue> {
        self.as_of
            .as_ref()
            .or(self.period.as_ref().map(|p| &p.start))
    }
    fn when(&self) -> Option<DateRange> {
        self.as_of
            .as_ref()
            .map(|d| d.value.range())
            .or(self.period.as_ref().map(|p| p.range()))
    }
    fn actor_ids(&self) -> Vec<&str> {
        self.claimed_by.iter().map(String::as_str).collect()
    }
    fn place_ids(&self) -> Vec<&str> {
        opt(&self.place).into_iter().collect()
    }
    fn round_ids(&self) -> Vec<&str> {
        opt(&self.round).into_iter().collect()
    }
    fn evidence(&self) -> Vec<&Evidence> {
        self.evidence.iter().collect()
    }
    fn external(&self) -> &[ExternalRef] {
        &self.external
    }
    fn texts(&self) -> Vec<(&'static str, &str)> {
        let mut v = vec![("scope", self.scope.as_str()), ("text", self.text.as_str())];
        v.extend(opt(&self.note).map(|n| ("note", n)));
        v
    }
    fn as_record(&self) -> RecordRef<'_> {
        RecordRef::Figure(self)
    }
}

impl Record for Quote {
    const KIND: RecordKind = RecordKind::Quote;
    const KIND_WORDS: &'static [&'static str] = &[];
    fn id(&self) -> &str {
        &self.id
    }
    fn label(&self) -> &str {
        &self.text
    }
    fn kind_word(&self) -> Option<&'static str> {
        None
    }
    fn date(&self) -> Option<&DateValue> {
        self.said.as_ref()
    }
    fn when(&self) -> Option<DateRange> {
        range_of(self.said.as_ref(), None)
    }
    fn actor_ids(&self) -> Vec<&str> {
        vec![self.speaker.as_str()]
    }
    fn place_ids(&self) -> Vec<&str> {
        opt(&self.place).into_iter().collect()
    }
    fn round_ids(&self) -> Vec<&str> {
        opt(&self.round).into_iter().collect()
    }
    fn evidence(&self) -> Vec<&Evidence> {
        self.evidence
            .iter()
            .chain(self.said.as_ref().and_then(|d| d.cited.as_ref()))
            .collect()
    }
    fn external(&self) -> &[ExternalRef] {
        &self.external
    }
    fn texts(&self) -> Vec<(&'static str, &str)> {
        let mut v = vec![("text", self.text.as_str())];
        v.extend(opt(&self.audience).map(|a| ("audience", a)));
        v.extend(opt(&self.note).map(|n| ("note", n)));
        v
    }
    fn as_record(&self) -> RecordRef<'_> {
        RecordRef::Quote(self)
    }
}

impl Record for Position {
    const KIND: RecordKind = RecordKind::Position;
    const KIND_WORDS: &'static [&'static str] = Topic::WORDS;
    fn id(&self) -> &str {
        &self.id
    }
    fn label(&self) -> &str {
        &self.stance
    }
    fn kind_word(&self) -> Option<&'static str> {
        Some(self.topic.as_str())
    }
    fn date(&self) -> Option<&DateValue> {
        self.as_of.as_ref()
    }
    fn when(&self) -> Option<DateRange> {
        range_of(self.as_of.as_ref(), None)
    }
    fn actor_ids(&self) -> Vec<&str> {
        vec![self.actor.as_str()]
    }
    fn place_ids(&self) -> Vec<&str> {
        Vec::new()
    }
    fn round_ids(&self) -> Vec<&str> {
        opt(&self.round).into_iter().collect()
    }
    fn evidence(&self) -> Vec<&Evidence> {
        self.evidence
            .iter()
            .chain(self.as_of.as_ref().and_then(|d| d.cited.as_ref()))
            .collect()
    }
    fn external(&self) -> &[ExternalRef] {
        &self.external
    }
    fn texts(&self) -> Vec<(&'static str, &str)> {
        let mut v = vec![("stance", self.stance.as_str())];
        v.extend(opt(&self.note).map(|n| ("note", n)));
        v
    }
    fn as_record(&self) -> RecordRef<'_> {
        RecordRef::Position(self)
    }
}

impl Record for Instrument {
    const KIND: RecordKind = RecordKind::Instrument;
    const KIND_WORDS: &'static [&'static str] = InstrumentKind::WORDS;
    fn id(&self) -> &str {
        &self.id
    }
    fn label(&self) -> &str {
        &self.name
    }
    fn kind_word(&self) -> Option<&'static str> {
        Some(self.kind.as_str())
    }
    fn date(&self) -> Option<&DateValue> {
        self.date.as_ref()
    }
    fn when(&self) -> Option<DateRange> {
        range_of(self.date.as_ref(), None)
    }
    fn actor_ids(&self) -> Vec<&str> {
        self.authors
            .iter()
            .chain(&self.signatories)
            .chain(&self.absent)
            .map(String::as_str)
            .collect()
    }
    fn place_ids(&self) -> Vec<&str> {
        Vec::new()
    }
    fn round_ids(&self) -> Vec<&str> {
        Vec::new()
    }
    fn evidence(&self) -> Vec<&Evidence> {
        self.evidence
            .iter()
            .chain(self.date.as_ref().and_then(|d| d.cited.as_ref()))
            .collect()
    }
    fn external(&self) -> &[ExternalRef] {
        &self.external
    }
    fn texts(&self) -> Vec<(&'static str, &str)> {
        let mut v = vec![("name", self.name.as_str())];
        v.extend(self.aliases.iter().map(|a| ("aliases", a.as_str())));
        v.extend(opt(&self.summary).map(|x| ("summary", x)));
        v.extend(opt(&self.note).map(|n| ("note", n)));
        v
    }
    fn as_record(&self) -> RecordRef<'_> {
        RecordRef::Instrument(self)
    }
}

/// A borrowed reference to a record of any type, as returned by lookups, timelines and searches.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(tag = "type", content = "record", rename_all = "snake_case")]
#[allow(missing_docs)]
pub enum RecordRef<'a> {
    Source(&'a Source),
    Actor(&'a Actor),
    Place(&'a Place),
    Round(&'a Round),
    Event(&'a Event),
    Figure(&'a Figure),
    Quote(&'a Quote),
    Position(&'a Position),
    Instrument(&'a Instrument),
}

macro_rules! each {
    ($self:expr, $r:ident => $e:expr) => {
        match $self {
            RecordRef::Source($r) => $e,
            RecordRef::Actor($r) => $e,
            RecordRef::Place($r) => $e,
            RecordRef::Round($r) => $e,
            RecordRef::Event($r) => $e,
            RecordRef::Figure($r) => $e,
            RecordRef::Quote($r) => $e,
            RecordRef::Position($r) => $e,
            RecordRef::Instrument($r) => $e,
        }
    };
}

/// A record's own fields, serialized without the `type` tag that [`RecordRef`]'s own form adds
/// (what `{"type": …, "record": …}` holds under `record`).
#[derive(Debug, Clone, Copy)]
pub struct RecordFields<'a>(pub RecordRef<'a>);

impl Serialize for RecordFields<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        each!(self.0, r => r.serialize(s))
    }
}

impl<'a> RecordRef<'a> {
    /// Which record type.
    pub fn kind(&self) -> RecordKind {
        fn k<R: Record>(_: &R) -> RecordKind {
            R::KIND
        }
        each!(self, r => k(*r))
    }
    /// Stable id.
    pub fn id(&self) -> &'a str {
        each!(*self, r => r.id.as_str())
    }
    /// A short human label.
    pub fn label(&self) -> &'a str {
        each!(*self, r => r.label())
    }
    /// The kind word within its type.
    pub fn kind_word(&self) -> Option<&'static str> {
        each!(self, r => r.kind_word())
    }
    /// The main date.
    pub fn date(&self) -> Option<&'a DateValue> {
        each!(*self, r => r.date())
    }
    /// The days covered.
    pub fn when(&self) -> Option<DateRange> {
        each!(self, r => r.when())
    }
    /// Every evidence entry.
    pub fn evidence(&self) -> Vec<&'a Evidence> {
        each!(*self, r => r.evidence())
    }
    /// External references.
    pub fn external(&self) -> &'a [ExternalRef] {
        each!(*self, r => r.external())
    }
    /// Every actor id involved.
    pub fn actor_ids(&self) -> Vec<&'a str> {
        each!(*self, r => r.actor_ids())
    }
    /// Every place id involved.
    pub fn place_ids(&self) -> Vec<&'a str> {
        each!(*self, r => r.place_ids())
    }
    /// Every round id involved.
    pub fn round_ids(&self) -> Vec<&'a str> {
        each!(*self, r => r.round_ids())
    }
    /// The free-text fields.
    pub fn texts(&self) -> Vec<(&'static str, &'a str)> {
        each!(*self, r => r.texts())
    }
}
