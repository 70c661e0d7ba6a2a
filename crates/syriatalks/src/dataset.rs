//! The dataset: every record, an id index, and typed access.

use std::collections::HashMap;

use serde::Serialize;

use crate::model::*;

/// A hash map with a fast hasher: the loader's maps hold a key per record or per quote, and the
/// keys come from the dataset, so SipHash's resistance to chosen keys buys nothing but time here
/// (foldhash's per-process random seed still varies the layout).
pub(crate) type FastMap<K, V> = HashMap<K, V, foldhash::fast::RandomState>;

/// Record id → (type, index among the records of that type).
pub(crate) type IdIndex = FastMap<String, (RecordKind, usize)>;

/// A validated dataset. Obtain one from [`crate::embedded`], [`crate::load`] or
/// [`crate::from_parts`]; every quote in it has been found in its source.
#[derive(Debug, Clone, Serialize)]
pub struct Dataset {
    /// The version of the crate that built this dataset.
    pub(crate) crate_version: &'static str,
    pub(crate) sources: Vec<Source>,
    pub(crate) actors: Vec<Actor>,
    pub(crate) places: Vec<Place>,
    pub(crate) rounds: Vec<Round>,
    pub(crate) events: Vec<Event>,
    pub(crate) figures: Vec<Figure>,
    pub(crate) quotes: Vec<Quote>,
    pub(crate) positions: Vec<Position>,
    pub(crate) instruments: Vec<Instrument>,
    /// The data version, for the embedded dataset.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) data_version: Option<String>,
    /// The retired-id register that look-ups by id follow (see `retired.rs`).
    #[serde(skip)]
    pub(crate) retired: Vec<crate::retired::Retirement>,
    #[serde(skip)]
    pub(crate) index: IdIndex,
    #[serde(skip)]
    indexes: once_cell::sync::OnceCell<crate::index::Indexes>,
}

macro_rules! accessors {
    ($($field:ident, $one:ident, $t:ty;)+) => {
        $(
            #[doc = concat!("Every ", stringify!($one), ", in data-file order.")]
            pub fn $field(&self) -> &[$t] {
                &self.$field
            }

            #[doc = concat!("The ", stringify!($one), " with this id.")]
            pub fn $one(&self, id: &str) -> Option<&$t> {
                match self.index.get(id) {
                    Some((<$t as Record>::KIND, i)) => self.$field.get(*i),
                    _ => None,
                }
            }
        )+
    };
}

impl Default for Dataset {
    fn default() -> Self {
        Dataset {
            crate_version: crate::VERSION,
            data_version: None,
            sources: Vec::new(),
            actors: Vec::new(),
            places: Vec::new(),
            rounds: Vec::new(),
            events: Vec::new(),
            figures: Vec::new(),
            quotes: Vec::new(),
            positions: Vec::new(),
            instruments: Vec::new(),
            retired: Vec::new(),
            index: IdIndex::default(),
            indexes: once_cell::sync::OnceCell::new(),
        }
    }
}

impl Dataset {
    /// The data version: [`crate::DATA_VERSION`] for the embedded dataset, `None` for a user's.
    pub fn data_version(&self) -> Option<&str> {
        self.data_version.as_deref()
    }

    accessors! {
        sources, source, Source;
        actors, actor, Actor;
        places, place, Place;
        rounds, round, Round;
        events, event, Event;
        figures, figure, Figure;
        quotes, quote, Quote;
        positions, position, Position;
        instruments, instrument, Instrument;
    }

    /// A dataset of already validated records (the embedded compact form): builds the id index;
    /// the query indexes wait for the first query, so that opening the embedded data costs only
    /// its decoding.
    pub(crate) fn from_records(r: crate::compact::Records) -> Dataset {
        let mut ds = Dataset {
            sources: r.0,
            actors: r.1,
            places: r.2,
            rounds: r.3,
            events: r.4,
            figures: r.5,
            quotes: r.6,
            positions: r.7,
            instruments: r.8,
            ..Dataset::default()
        };
        let mut index = IdIndex::with_capacity_and_hasher(ds.records().count(), Default::default());
        for kind in RecordKind::ALL {
            for (i, r) in crate::index::records_of(&ds, *kind).enumerate() {
                index.entry(r.id().to_string()).or_insert((*kind, i));
            }
        }
        ds.index = index;
        ds
    }

    /// Takes the id index built while loading and builds the query indexes (called once, after
    /// validation: a loaded corpus is queried right away, and its indexes are part of the load),
    /// with the anchored days validation computed.
    pub(crate) fn finish(&mut self, index: IdIndex, bounds: crate::anchor::Bounds) {
        self.index = index;
        let built = crate::index::Indexes::build_with(self, bounds);
        // A fresh dataset has no indexes yet, so this always sets them.
        let _ = self.indexes.set(built);
    }

    /// The query indexes, built on first use.
    pub(crate) fn indexes(&self) -> &crate::index::Indexes {
        self.indexes
            .get_or_init(|| crate::index::Indexes::build(self))
    }

    /// Every record of every type, sources first.
    pub fn records(&self) -> impl Iterator<Item = RecordRef<'_>> {
        let s = self.sources.iter().map(RecordRef::Source);
        let a = self.actors.iter().map(RecordRef::Actor);
        let p = self.places.iter().map(RecordRef::Place);
        let r = self.rounds.iter().map(RecordRef::Round);
        let e = self.events.iter().map(RecordRef::Event);
        let f = self.figures.iter().map(RecordRef::Figure);
        let q = self.quotes.iter().map(RecordRef::Quote);
        let o = self.positions.iter().map(RecordRef::Position);
        let i = self.instruments.iter().map(RecordRef::Instrument);
        s.chain(a)
            .chain(p)
            .chain(r)
            .chain(e)
            .chain(f)
            .chain(q)
            .chain(o)
            .chain(i)
    }

    /// Where the record with this id is: its type and its index among the records of that type
    /// (as in [`Dataset::events`] and the like).
    pub fn locate(&self, id: &str) -> Option<(RecordKind, usize)> {
        self.index.get(id).copied()
    }

    /// Where this record is, when it is one of this dataset's own (borrowed from it): its type
    /// and index, found from its address without hashing its id. `None` for a record of another
    /// dataset or a copy, even one with the same id ([`Dataset::locate`] finds those by id).
    pub fn position_of(&self, r: RecordRef<'_>) -> Option<(RecordKind, usize)> {
        fn index_in<T>(all: &[T], x: &T) -> Option<usize> {
            let size = std::mem::size_of::<T>();
            let offset = (x as *const T as usize).checked_sub(all.as_ptr() as usize)?;
            (size > 0 && offset % size == 0 && offset / size < all.len()).then(|| offset / size)
        }
        let i = match r {
            RecordRef::Source(x) => index_in(&self.sources, x),
            RecordRef::Actor(x) => index_in(&self.actors, x),
            RecordRef::Place(x) => index_in(&self.places, x),
            RecordRef::Round(x) => index_in(&self.rounds, x),
            RecordRef::Event(x) => index_in(&self.events, x),
            RecordRef::Figure(x) => index_in(&self.figures, x),
            RecordRef::Quote(x) => index_in(&self.quotes, x),
            RecordRef::Position(x) => index_in(&self.positions, x),
            RecordRef::Instrument(x) => index_in(&self.instruments, x),
        }?;
        Some((r.kind(), i))
    }

    /// How many records of a type there are.
    pub(crate) fn count(&self, kind: RecordKind) -> usize {
        match kind {
            RecordKind::Source => self.sources.len(),
            RecordKind::Actor => self.actors.len(),
            RecordKind::Place => self.places.len(),
            RecordKind::Round => self.rounds.len(),
            RecordKind::Event => self.events.len(),
            RecordKind::Figure => self.figures.len(),
            RecordKind::Quote => self.quotes.len(),
            RecordKind::Position => self.positions.len(),
            RecordKind::Instrument => self.instruments.len(),
        }
    }

    /// The `i`-th record of a type.
    pub(crate) fn at(&self, kind: RecordKind, i: usize) -> Option<RecordRef<'_>> {
        Some(match kind {
            RecordKind::Source => RecordRef::Source(self.sources.get(i)?),
            RecordKind::Actor => RecordRef::Actor(self.actors.get(i)?),
            RecordKind::Place => RecordRef::Place(self.places.get(i)?),
            RecordKind::Round => RecordRef::Round(self.rounds.get(i)?),
            RecordKind::Event => RecordRef::Event(self.events.get(i)?),
            RecordKind::Figure => RecordRef::Figure(self.figures.get(i)?),
            RecordKind::Quote => RecordRef::Quote(self.quotes.get(i)?),
            RecordKind::Position => RecordRef::Position(self.positions.get(i)?),
            RecordKind::Instrument => RecordRef::Instrument(self.instruments.get(i)?),
        })
    }

    /// The record with this id, of whatever type.
    ///
    /// ```
    /// let ds = syriatalks::embedded();
    /// let r = ds.get("staffan-de-mistura").expect("de Mistura is in the data");
    /// assert_eq!(r.label(), "Staffan de Mistura");
    /// ```
    pub fn get(&self, id: &str) -> Option<RecordRef<'_>> {
        let (kind, i) = self.locate(id)?;
        self.at(kind, i)
    }

    /// How many records of each type, in [`RecordKind::ALL`] order.
    pub fn counts(&self) -> Vec<(RecordKind, usize)> {
        RecordKind::ALL
            .iter()
            .map(|k| {
                let n = match k {
                    RecordKind::Source => self.sources.len(),
                    RecordKind::Actor => self.actors.len(),
                    RecordKind::Place => self.places.len(),
                    RecordKind::Round => self.rounds.len(),
                    RecordKind::Event => self.events.len(),
                    RecordKind::Figure => self.figures.len(),
                    RecordKind::Quote => self.quotes.len(),
                    RecordKind::Position => self.positions.len(),
                    RecordKind::Instrument => self.instruments.len(),
                };
                (*k, n)
            })
            .collect()
    }

    /// Every record as JSON: one array per type, each record with its evidence spans, the source
    /// texts included so that every quote can be checked against them.
    pub fn to_json(&self) -> String {
        pretty_json(self)
    }
}

/// Pretty-printed JSON of an export document; an error (which the model's types cannot produce)
/// becomes a JSON object saying what it was rather than a panic.
pub(crate) fn pretty_json(value: &impl Serialize) -> String {
    serde_json::to_string_pretty(value)
        .unwrap_or_else(|e| format!("{{\"error\": {:?}}}", e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_borrowed_record_is_found_by_address_and_a_copy_is_not() {
        let ds = crate::embedded();
        for r in ds.records() {
            assert_eq!(ds.position_of(r), ds.locate(r.id()), "{}", r.id());
        }
        // A copy has the same id but lives elsewhere: only `locate` finds its namesake.
        let copy = ds.events()[3].clone();
        assert_eq!(ds.position_of(RecordRef::Event(&copy)), None);
        assert_eq!(
            ds.days(RecordRef::Event(&copy)),
            ds.days(RecordRef::Event(&ds.events()[3]))
        );
        assert!(ds.days(RecordRef::Event(&copy)).is_some());
    }
}
