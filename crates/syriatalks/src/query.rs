//! The query vocabulary shared by every binding: time range, actor, kind, place, round, source and
//! free text; a merged timeline; rounds in session on a date; figure series.

use std::collections::HashSet;

use crate::dataset::Dataset;
use crate::date::{Certainty, DateRange, PartialDate};
use crate::error::QueryError;
use crate::index::{day_number, records_of};
use crate::load::kind_slot;
use crate::model::*;
use crate::normalize::{fold, name_key};

/// Filters for a query. Every field is optional; the ones given must all match.
///
/// ```
/// use syriatalks::{embedded, Event, Filter, PartialDate, Record};
/// let ds = embedded();
/// // What happened between 1 and 3 February 2016?
/// let (from, to): (PartialDate, PartialDate) = ("2016-02-01".parse().unwrap(), "2016-02-03".parse().unwrap());
/// let events = ds.select::<Event>(&Filter::new().since(from).until(to)).unwrap();
/// assert!(events.iter().any(|e| e.kind.as_str() == "talks_opened"));
/// // Partial dates match by overlap: an event known only to the month touches the window too.
/// let window = syriatalks::DateRange { first: from.first_day(), last: to.last_day() };
/// assert!(events.iter().all(|e| e.when().unwrap().overlaps(&window)));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    /// Records that touch this date or later (a partial date counts from its first day).
    pub since: Option<PartialDate>,
    /// Records that touch this date or earlier (a partial date counts to its last day).
    pub until: Option<PartialDate>,
    /// An actor id or any of their names, matched without regard to case, diacritics or `al-`;
    /// failing an exact name, every actor whose name contains all the words given.
    pub actor: Option<String>,
    /// A kind word of the record type queried (event kind, measure, topic…).
    pub kind: Option<String>,
    /// A place id or name; records in places within it match too.
    pub place: Option<String>,
    /// A round id or name.
    pub round: Option<String>,
    /// A source id or seed file name: records with evidence from it.
    pub source: Option<String>,
    /// Words that must occur in the record's fields or evidence (folded: case and accents ignored).
    pub text: Option<String>,
    /// Quotes said by this actor (id or name, matched as `actor` is); only quotes match it. Unlike
    /// `actor`, it leaves out quotes that merely name the actor in their audience.
    pub speaker: Option<String>,
    /// How `since` and `until` select: `possible` (the default) keeps every record that may fall
    /// in the range (its days touch it), `certain` only those whose every possible day lies in it.
    /// Days are a record's dates narrowed by its anchors ([`Dataset::days`]).
    pub dates: Certainty,
}

impl Filter {
    /// No filter: everything matches.
    pub fn new() -> Self {
        Filter::default()
    }
    /// Sets `since`.
    pub fn since(mut self, date: PartialDate) -> Self {
        self.since = Some(date);
        self
    }
    /// Sets `until`.
    pub fn until(mut self, date: PartialDate) -> Self {
        self.until = Some(date);
        self
    }
    /// Sets `actor`.
    pub fn actor(mut self, name: impl Into<String>) -> Self {
        self.actor = Some(name.into());
        self
    }
    /// Sets `kind`.
    pub fn kind(mut self, word: impl Into<String>) -> Self {
        self.kind = Some(word.into());
        self
    }
    /// Sets `place`.
    pub fn place(mut self, name: impl Into<String>) -> Self {
        self.place = Some(name.into());
        self
    }
    /// Sets `round`.
    pub fn round(mut self, name: impl Into<String>) -> Self {
        self.round = Some(name.into());
        self
    }
    /// Sets `source`.
    pub fn source(mut self, name: impl Into<String>) -> Self {
        self.source = Some(name.into());
        self
    }
    /// Sets `text`.
    pub fn text(mut self, words: impl Into<String>) -> Self {
        self.text = Some(words.into());
        self
    }
    /// Sets `speaker`.
    pub fn speaker(mut self, name: impl Into<String>) -> Self {
        self.speaker = Some(name.into());
        self
    }
    /// Sets `dates`: whether the range keeps records that possibly or certainly fall in it.
    pub fn dates(mut self, how: Certainty) -> Self {
        self.dates = how;
        self
    }
}

/// A filter with its names resolved to ids.
struct Compiled<'a> {
    range: Option<DateRange>,
    certain: bool,
    actors: Option<HashSet<&'a str>>,
    kind: Option<Kind>,
    places: Option<HashSet<&'a str>>,
    round: Option<HashSet<&'a str>>,
    source: Option<&'a str>,
    text: Option<String>,
    speakers: Option<HashSet<&'a str>>,
}

/// What a `kind` word selects: a kind within one type, or (in a timeline) a whole record type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Word(&'static str),
    Type(RecordKind),
}

/// The record types a timeline merges.
const TIMELINE_KINDS: &[RecordKind] = &[
    RecordKind::Round,
    RecordKind::Event,
    RecordKind::Figure,
    RecordKind::Quote,
    RecordKind::Position,
    RecordKind::Instrument,
];

fn words_of(kind: RecordKind) -> &'static [&'static str] {
    match kind {
        RecordKind::Source => Source::KIND_WORDS,
        RecordKind::Actor => Actor::KIND_WORDS,
        RecordKind::Place => Place::KIND_WORDS,
        RecordKind::Round => Round::KIND_WORDS,
        RecordKind::Event => Event::KIND_WORDS,
        RecordKind::Figure => Figure::KIND_WORDS,
        RecordKind::Quote => Quote::KIND_WORDS,
        RecordKind::Position => Position::KIND_WORDS,
        RecordKind::Instrument => Instrument::KIND_WORDS,
    }
}

fn normal_word(word: &str) -> String {
    word.trim().to_ascii_lowercase().replace(['-', ' '], "_")
}

impl Dataset {
    fn compile(&self, f: &Filter, kinds: &[RecordKind]) -> Result<Compiled<'_>, QueryError> {
        if let (Some(since), Some(until)) = (f.since, f.until) {
            if since.first_day() > until.last_day() {
                return Err(QueryError::EmptyRange {
                    since: since.to_string(),
                    until: until.to_string(),
                });
            }
        }
        let range = (f.since.is_some() || f.until.is_some()).then(|| DateRange {
            first: f.since.map_or(chrono::NaiveDate::MIN, |d| d.first_day()),
            last: f.until.map_or(chrono::NaiveDate::MAX, |d| d.last_day()),
        });
        let kind = match &f.kind {
            None => None,
            Some(word) => Some(self.kind_word(word, kinds)?),
        };
        let actors = match &f.actor {
            None => None,
            Some(name) => Some(self.actor_ids_named(name)?),
        };
        let places = match &f.place {
            None => None,
            Some(name) => Some(self.places_within(name)?),
        };
        let round = match &f.round {
            None => None,
            Some(name) => Some(self.rounds_named(name)?),
        };
        let source = match &f.source {
            None => None,
            Some(name) => Some(self.source_named(name)?),
        };
        let text = f.text.as_deref().map(fold).filter(|t| !t.trim().is_empty());
        let speakers = match &f.speaker {
            None => None,
            Some(name) => Some(self.actor_ids_named(name)?),
        };
        Ok(Compiled {
            speakers,
            range,
            certain: f.dates == Certainty::Certain,
            actors,
            kind,
            places,
            round,
            source,
            text,
        })
    }

    fn kind_word(&self, word: &str, kinds: &[RecordKind]) -> Result<Kind, QueryError> {
        let w = normal_word(word);
        if kinds.len() > 1 {
            if let Some(k) = kinds.iter().find(|k| k.as_str() == w) {
                return Ok(Kind::Type(*k));
            }
        }
        for k in kinds {
            if let Some(found) = words_of(*k).iter().find(|v| **v == w) {
                return Ok(Kind::Word(found));
            }
        }
        match kinds {
            [one] if words_of(*one).is_empty() => Err(QueryError::NoKinds {
                record: one.as_str(),
            }),
            [one] => Err(QueryError::UnknownKind {
                word: word.to_string(),
                record: one.as_str(),
                valid: words_of(*one).to_vec(),
            }),
            _ => {
                let mut valid: Vec<&'static str> = kinds.iter().map(|k| k.as_str()).collect();
                valid.extend(kinds.iter().flat_map(|k| words_of(*k).iter().copied()));
                Err(QueryError::UnknownKind {
                    word: word.to_string(),
                    record: "timeline",
                    valid,
                })
            }
        }
    }

    /// The ids of every actor whose id, name or alias matches `name`.
    fn actor_ids_named(&self, name: &str) -> Result<HashSet<&str>, QueryError> {
        let ids = self.named_in(RecordKind::Actor, name);
        if !ids.is_empty() {
            return Ok(ids);
        }
        // No exact name: a name containing every word asked ("Jaafari") is meant, and all such
        // actors match ("Bashar" is both Bashar al-Assad and Bashar al-Jaafari).
        let candidates = self.resolve_actor(name);
        let words: HashSet<&str> = candidates
            .iter()
            .filter(|c| c.how == crate::resolve::MatchKind::Words)
            .map(|c| c.actor.id.as_str())
            .collect();
        if words.is_empty() {
            let suggestions = candidates
                .into_iter()
                .take(3)
                .map(|c| c.actor.name.clone())
                .collect();
            return Err(QueryError::NotFound {
                what: "actor",
                name: name.to_string(),
                suggestions,
            });
        }
        Ok(words)
    }

    /// The ids of the place named and every place within it.
    fn places_within(&self, name: &str) -> Result<HashSet<&str>, QueryError> {
        let ids = self.named_in(RecordKind::Place, name);
        if ids.is_empty() {
            let suggestions = suggest(&self.places, name, |p| &p.name);
            return Err(QueryError::NotFound {
                what: "place",
                name: name.to_string(),
                suggestions,
            });
        }
        // Every place within, through the parent → children index: linear in the places found,
        // however deep the nesting (validation has refused cycles; `seen` guards all the same).
        let mut seen: HashSet<&str> = ids.iter().copied().collect();
        let mut todo: Vec<&str> = ids.into_iter().collect();
        while let Some(id) = todo.pop() {
            for &child in self.indexes().children.get(id).into_iter().flatten() {
                let child = self.places[child as usize].id.as_str();
                if seen.insert(child) {
                    todo.push(child);
                }
            }
        }
        Ok(seen)
    }

    fn rounds_named(&self, name: &str) -> Result<HashSet<&str>, QueryError> {
        let ids = self.named_in(RecordKind::Round, name);
        if ids.is_empty() {
            let suggestions = suggest(&self.rounds, name, |r| &r.name);
            return Err(QueryError::NotFound {
                what: "round",
                name: name.to_string(),
                suggestions,
            });
        }
        Ok(ids)
    }

    fn source_named(&self, name: &str) -> Result<&str, QueryError> {
        let name = name.trim();
        self.sources
            .iter()
            .find(|s| s.id == name || s.file == name || s.file.strip_suffix(".txt") == Some(name))
            .map(|s| s.id.as_str())
            .ok_or_else(|| QueryError::NotFound {
                what: "source",
                name: name.to_string(),
                suggestions: self.sources.iter().map(|s| s.id.clone()).collect(),
            })
    }

    /// The records of one type that may match, from the most selective index the filter can use,
    /// in data-file order; `None` when no index applies (then every record is a candidate).
    fn candidates(&self, c: &Compiled, kind: RecordKind) -> Option<Vec<u32>> {
        let slot = kind_slot(kind);
        let ix = self.indexes();
        type Map = crate::dataset::FastMap<String, crate::index::PerKind>;
        enum Plan<'p> {
            Keys(&'p Map, Vec<&'p str>),
            Kind(&'p [u32]),
            Dates(i32, i32),
        }
        let keys = |map: &'_ Map, ids: Vec<&'_ str>| -> usize {
            ids.iter()
                .filter_map(|id| map.get(*id))
                .map(|l| l[slot].len())
                .sum()
        };
        let mut plans: Vec<(usize, Plan)> = Vec::new();
        for (set, map) in [
            (&c.actors, &ix.by_actor),
            (&c.places, &ix.by_place),
            (&c.round, &ix.by_round),
        ] {
            if let Some(ids) = set {
                let ids: Vec<&str> = ids.iter().copied().collect();
                plans.push((keys(map, ids.clone()), Plan::Keys(map, ids)));
            }
        }
        if let Some(source) = c.source {
            plans.push((
                keys(&ix.by_source, vec![source]),
                Plan::Keys(&ix.by_source, vec![source]),
            ));
        }
        if let Some(Kind::Word(w)) = c.kind {
            let list = ix.by_kind[slot].get(w).map_or(&[][..], |v| v.as_slice());
            plans.push((list.len(), Plan::Kind(list)));
        }
        if let Some(range) = &c.range {
            let (a, b) = (day_number(range.first), day_number(range.last));
            plans.push((ix.dates[slot].estimate(a, b), Plan::Dates(a, b)));
        }
        let (_, best) = plans.into_iter().min_by_key(|(n, _)| *n)?;
        // A candidate from another index outside the date range is dropped on its span alone,
        // without looking at the record.
        let spans = &ix.spans[slot];
        let window = c
            .range
            .as_ref()
            .map(|r| (day_number(r.first), day_number(r.last)));
        let in_range = |i: &u32| match window {
            Some((a, b)) => spans
                .get(*i as usize)
                .is_some_and(|&(first, last)| first <= b && last >= a),
            None => true,
        };
        let mut v: Vec<u32> = match best {
            Plan::Keys(map, ids) => ids
                .iter()
                .filter_map(|id| map.get(*id))
                .flat_map(|l| l[slot].iter().copied())
                .filter(in_range)
                .collect(),
            Plan::Kind(list) => list.iter().copied().filter(in_range).collect(),
            Plan::Dates(a, b) => {
                let mut v = Vec::new();
                ix.dates[slot].overlapping(a, b, &mut v);
                v
            }
        };
        v.sort_unstable();
        v.dedup();
        Some(v)
    }

    /// The records of one type that match, in data-file order.
    fn run(&self, c: &Compiled, kind: RecordKind) -> Vec<RecordRef<'_>> {
        if let Some(Kind::Type(t)) = c.kind {
            if t != kind {
                return Vec::new();
            }
        }
        match self.candidates(c, kind) {
            Some(ids) => ids
                .into_iter()
                .filter_map(|i| Some((self.at(kind, i as usize)?, i as usize)))
                .filter(|(r, i)| self.matches(c, *r, *i))
                .map(|(r, _)| r)
                .collect(),
            None => records_of(self, kind)
                .enumerate()
                .filter(|(i, r)| self.matches(c, *r, *i))
                .map(|(_, r)| r)
                .collect(),
        }
    }

    /// Whether record `i` of its type (`r`) passes the filter.
    fn matches(&self, c: &Compiled, r: RecordRef, i: usize) -> bool {
        if let Some(speakers) = &c.speakers {
            if !matches!(r, RecordRef::Quote(q) if speakers.contains(q.speaker.as_str())) {
                return false;
            }
        }
        if let Some(range) = &c.range {
            let (first, last) = self.indexes().spans[kind_slot(r.kind())]
                .get(i)
                .copied()
                .unwrap_or((i32::MAX, i32::MIN));
            let (a, b) = (day_number(range.first), day_number(range.last));
            let fits = if c.certain {
                first >= a && last <= b && first <= last
            } else {
                first <= b && last >= a
            };
            if !fits {
                return false;
            }
        }
        match c.kind {
            Some(Kind::Word(w)) if r.kind_word() != Some(w) => return false,
            Some(Kind::Type(t)) if r.kind() != t => return false,
            _ => {}
        }
        if let Some(actors) = &c.actors {
            if !r.actor_ids().iter().any(|a| actors.contains(a)) {
                return false;
            }
        }
        if let Some(places) = &c.places {
            if !r.place_ids().iter().any(|p| places.contains(p)) {
                return false;
            }
        }
        if let Some(rounds) = &c.round {
            if !r.round_ids().iter().any(|x| rounds.contains(x)) {
                return false;
            }
        }
        if let Some(source) = c.source {
            let own = r.kind() == RecordKind::Source && r.id() == source;
            if !own && !r.evidence().iter().any(|e| e.source == source) {
                return false;
            }
        }
        if let Some(text) = &c.text {
            let in_fields = r
                .texts()
                .iter()
                .any(|(_, t)| fold(t).contains(text.as_str()));
            if !in_fields
                && !r
                    .evidence()
                    .iter()
                    .any(|e| fold(&e.quote).contains(text.as_str()))
            {
                return false;
            }
        }
        true
    }

    /// The records of one type that match the filter, in data-file order.
    ///
    /// ```
    /// use syriatalks::{embedded, Filter, Round};
    /// let geneva = embedded().select::<Round>(&Filter::new().kind("geneva")).unwrap();
    /// assert!(geneva.len() >= 5);
    /// ```
    pub fn select<R: Stored>(&self, f: &Filter) -> Result<Vec<&R>, QueryError> {
        let c = self.compile(f, &[R::KIND])?;
        let all = R::all(self);
        match self.candidates(&c, R::KIND) {
            Some(ids) => Ok(ids
                .into_iter()
                .filter_map(|i| Some((all.get(i as usize)?, i as usize)))
                .filter(|(r, i)| self.matches(&c, r.as_record(), *i))
                .map(|(r, _)| r)
                .collect()),
            None => Ok(all
                .iter()
                .enumerate()
                .filter(|(i, r)| self.matches(&c, r.as_record(), *i))
                .map(|(_, r)| r)
                .collect()),
        }
    }

    /// The records of a type given at run time that match the filter (for bindings).
    pub fn query(&self, kind: RecordKind, f: &Filter) -> Result<Vec<RecordRef<'_>>, QueryError> {
        let c = self.compile(f, &[kind])?;
        Ok(self.run(&c, kind))
    }

    /// Every dated round, event, figure, quote, position and instrument that matches, merged in
    /// chronological order of their days narrowed by their anchors ([`Dataset::days`]): by first
    /// day, then after what they are anchored to, then a longer span before a shorter one, then by
    /// type and id. No record precedes what the data says it follows. `kind` may name a record type (`quote`) or any kind word (`veto`).
    ///
    /// ```
    /// let ds = syriatalks::embedded();
    /// let all = ds.timeline(&syriatalks::Filter::new()).unwrap();
    /// let years: Vec<i32> = all.iter().filter_map(|r| r.date()).map(|d| d.value.year_value()).collect();
    /// assert!(years.windows(2).all(|w| w[0] <= w[1]));
    /// ```
    pub fn timeline(&self, f: &Filter) -> Result<Vec<RecordRef<'_>>, QueryError> {
        let c = self.compile(f, TIMELINE_KINDS)?;
        let mut out: Vec<RecordRef> = TIMELINE_KINDS
            .iter()
            .flat_map(|k| self.run(&c, *k))
            .filter(|r| r.date().is_some())
            .collect();
        self.sort_by_days(&mut out);
        Ok(out)
    }

    /// The rounds that took place (status `held`) and may have been in session on `date`, in time
    /// order: a round's days run from its start to its stated end or, without one, to the next
    /// known bound ([`Dataset::days`]). [`Dataset::sessions_on`] says which are certain.
    ///
    /// ```
    /// let ds = syriatalks::embedded();
    /// let on = ds.in_session("2017-02-23".parse().unwrap());
    /// assert!(on.iter().any(|r| r.name.contains("Geneva IV")));
    /// ```
    pub fn in_session(&self, date: PartialDate) -> Vec<&Round> {
        self.sessions_on(date).into_iter().map(|(r, _)| r).collect()
    }

    /// The rounds that took place and may have been in session on `date`, each with whether the
    /// data says it certainly was (every day of `date` lies between the last day its start may be
    /// and the later of its stated end and the last record anchored during it) or only possibly.
    ///
    /// ```
    /// use syriatalks::Certainty;
    /// let ds = syriatalks::embedded();
    /// let on = ds.sessions_on("2016-02-02".parse().unwrap());
    /// assert!(on.iter().any(|(r, c)| r.id == "geneva-iii-2016" && *c == Certainty::Certain));
    /// ```
    pub fn sessions_on(&self, date: PartialDate) -> Vec<(&Round, Certainty)> {
        let range = date.range();
        let bounds = &self.indexes().bounds;
        let slot = kind_slot(RecordKind::Round);
        let mut v: Vec<(usize, &Round, Certainty)> = self
            .rounds
            .iter()
            .enumerate()
            .filter(|(_, r)| r.status == RoundStatus::Held)
            .filter_map(|(i, r)| {
                let days = bounds.outer[slot].get(i).copied().flatten()?;
                if !days.overlaps(&range) {
                    return None;
                }
                let certain = bounds.certain.get(i).copied().flatten();
                let c = if certain.is_some_and(|c| range.within(&c)) {
                    Certainty::Certain
                } else {
                    Certainty::Possible
                };
                Some((i, r, c))
            })
            .collect();
        v.sort_by_key(|(i, r, _)| (bounds.outer[slot][*i].map(|d| d.first), r.id.as_str()));
        v.into_iter().map(|(_, r, c)| (r, c)).collect()
    }

    /// Every round in time order (by the first day it may have begun, then id); undated rounds
    /// last.
    pub fn rounds_in_order(&self) -> Vec<&Round> {
        let days = &self.indexes().bounds.outer[kind_slot(RecordKind::Round)];
        let mut v: Vec<(Option<DateRange>, &Round)> = self
            .rounds
            .iter()
            .enumerate()
            .map(|(i, r)| (days.get(i).copied().flatten(), r))
            .collect();
        v.sort_by_key(|(d, r)| (d.is_none(), d.map(|d| d.first), r.id.as_str()));
        v.into_iter().map(|(_, r)| r).collect()
    }

    /// Whether a record certainly or only possibly falls between `since` and `until` (either may
    /// be open), going by its days narrowed by its anchors; `None` when it cannot fall there (or
    /// is undated).
    ///
    /// ```
    /// use syriatalks::Certainty;
    /// let ds = syriatalks::embedded();
    /// let r = ds.get("a002-ev-hardatneen-captured").unwrap();
    /// let (a, b) = ("2016-02-01".parse().ok(), "2016-02-03".parse().ok());
    /// assert_eq!(ds.date_fit(r, a, b), Some(Certainty::Certain));
    /// ```
    pub fn date_fit(
        &self,
        r: RecordRef<'_>,
        since: Option<PartialDate>,
        until: Option<PartialDate>,
    ) -> Option<Certainty> {
        let range = DateRange {
            first: since.map_or(chrono::NaiveDate::MIN, |d| d.first_day()),
            last: until.map_or(chrono::NaiveDate::MAX, |d| d.last_day()),
        };
        let days = self.days(r)?;
        if days.within(&range) {
            Some(Certainty::Certain)
        } else if days.overlaps(&range) {
            Some(Certainty::Possible)
        } else {
            None
        }
    }

    /// Sorts records by their days ([`Dataset::timeline`]'s order).
    pub(crate) fn sort_by_days<'a>(&self, v: &mut [RecordRef<'a>]) {
        let bounds = &self.indexes().bounds;
        v.sort_by_cached_key(|r| {
            let (k, i) = self
                .locate(r.id())
                .filter(|(k, _)| *k == r.kind())
                .unwrap_or((r.kind(), usize::MAX));
            let slot = kind_slot(k);
            let days = bounds.outer[slot].get(i).copied().flatten();
            let depth = bounds.depth[slot].get(i).copied().unwrap_or(0);
            (
                days.is_none(),
                days.map(|d| d.first),
                depth,
                std::cmp::Reverse(days.map(|d| d.last)),
                r.kind(),
                r.id(),
            )
        });
    }

    /// Every claim of one measure, in the order of the date the claim was made (figures without a
    /// date last), each with its evidence and so its source. Conflicting claims stay side by side.
    ///
    /// ```
    /// use syriatalks::{embedded, Measure};
    /// let tolls = embedded().figure_series(Measure::Deaths);
    /// assert!(tolls.len() >= 4, "four articles give a death toll");
    /// ```
    pub fn figure_series(&self, measure: Measure) -> Vec<&Figure> {
        let mut v: Vec<&Figure> = self
            .figures
            .iter()
            .filter(|f| f.measure == measure)
            .collect();
        v.sort_by(|a, b| match (a.date(), b.date()) {
            (Some(x), Some(y)) => x.value.cmp(&y.value).then(a.id.cmp(&b.id)),
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, Some(_)) => std::cmp::Ordering::Greater,
            (None, None) => a.id.cmp(&b.id),
        });
        v
    }
}

impl Dataset {
    /// The ids of the records of a type (actors, places or rounds) whose id is `name`, or whose
    /// name or an alias has its name key: one look-up in the name index.
    fn named_in(&self, kind: RecordKind, name: &str) -> HashSet<&str> {
        let names = match kind {
            RecordKind::Actor => &self.indexes().actor_names,
            RecordKind::Place => &self.indexes().place_names,
            _ => &self.indexes().round_names,
        };
        let id_at = |i: usize| -> Option<&str> { self.at(kind, i).map(|r| r.id()) };
        let mut ids: HashSet<&str> = names
            .get(&name_key(name))
            .into_iter()
            .flatten()
            .filter_map(|&i| id_at(i as usize))
            .collect();
        if let Some((k, i)) = self.locate(name.trim()) {
            if k == kind {
                ids.extend(id_at(i));
            }
        }
        ids
    }
}

/// The names that contain what was asked, for a "did you mean" list.
fn suggest<'a, T>(items: &'a [T], name: &str, label: impl Fn(&'a T) -> &'a String) -> Vec<String> {
    let key = name_key(name);
    items
        .iter()
        .map(label)
        .filter(|n| name_key(n).contains(&key))
        .cloned()
        .collect()
}

/// A record type stored in a [`Dataset`], so that [`Dataset::select`] can be generic.
pub trait Stored: Record + Sized {
    /// Every record of this type in the dataset.
    fn all(ds: &Dataset) -> &[Self];
}

macro_rules! stored {
    ($($t:ty => $field:ident),+) => {
        $(impl Stored for $t {
            fn all(ds: &Dataset) -> &[Self] {
                ds.$field()
            }
        })+
    };
}
stored!(Source => sources, Actor => actors, Place => places, Round => rounds, Event => events,
    Figure => figures, Quote => quotes, Position => positions, Instrument => instruments);

#[cfg(test)]
mod tests {
    use super::*;

    /// Every filter combination over the embedded data gives, through the indexes, exactly what a
    /// scan of every record gives.
    #[test]
    fn indexed_queries_answer_as_a_full_scan_does() {
        let ds = crate::embedded();
        let dates = [
            None,
            Some("2016"),
            Some("2016-02"),
            Some("2017-02-23"),
            Some("2012"),
        ];
        let actors = [
            None,
            Some("Jaafari"),
            Some("staffan-de-mistura"),
            Some("Russia"),
        ];
        let places = [None, Some("Geneva"), Some("Syria"), Some("Aleppo")];
        let kinds = [None, Some("veto"), Some("deaths"), Some("geneva")];
        let rounds = [None, Some("Geneva IV")];
        let sources = [None, Some("src-2016-02-disarray")];
        let mut checked = 0;
        for since in dates {
            for until in dates {
                for actor in actors {
                    for place in places {
                        for kind in kinds {
                            for round in rounds {
                                for source in sources {
                                    let f = Filter {
                                        since: since.map(|d| d.parse().unwrap()),
                                        until: until.map(|d| d.parse().unwrap()),
                                        actor: actor.map(str::to_string),
                                        place: place.map(str::to_string),
                                        kind: kind.map(str::to_string),
                                        round: round.map(str::to_string),
                                        source: source.map(str::to_string),
                                        text: None,
                                        speaker: None,
                                        dates: if checked % 2 == 0 {
                                            Certainty::Possible
                                        } else {
                                            Certainty::Certain
                                        },
                                    };
                                    // The scan applies the range itself, to each record's days.
                                    let undated = Filter {
                                        since: None,
                                        until: None,
                                        ..f.clone()
                                    };
                                    let range = DateRange {
                                        first: f
                                            .since
                                            .map_or(chrono::NaiveDate::MIN, |d| d.first_day()),
                                        last: f
                                            .until
                                            .map_or(chrono::NaiveDate::MAX, |d| d.last_day()),
                                    };
                                    for rk in RecordKind::ALL {
                                        let (Ok(c), Ok(u)) =
                                            (ds.compile(&f, &[*rk]), ds.compile(&undated, &[*rk]))
                                        else {
                                            continue;
                                        };
                                        let scan: Vec<&str> = records_of(ds, *rk)
                                            .enumerate()
                                            .filter(|(i, r)| ds.matches(&u, *r, *i))
                                            .map(|(_, r)| r)
                                            .filter(|r| {
                                                c.range.is_none()
                                                    || ds.days(*r).is_some_and(|d| {
                                                        if f.dates == Certainty::Certain {
                                                            d.within(&range)
                                                        } else {
                                                            d.overlaps(&range)
                                                        }
                                                    })
                                            })
                                            .map(|r| r.id())
                                            .collect();
                                        let indexed: Vec<&str> =
                                            ds.run(&c, *rk).iter().map(|r| r.id()).collect();
                                        assert_eq!(indexed, scan, "{rk} {f:?}");
                                        checked += 1;
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        assert!(checked > 1000, "{checked}");
    }
}
