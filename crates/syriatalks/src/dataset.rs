//! The dataset: every record, an id index, and typed access.

use std::collections::HashMap;

use serde::Serialize;

use crate::model::*;

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
    #[serde(skip)]
    index: HashMap<String, (RecordKind, usize)>,
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
            index: HashMap::new(),
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

    /// Deserializes one record of the named array and adds it; the error is the reason it does
    /// not fit the schema.
    pub(crate) fn push(&mut self, array: &str, value: toml::Value) -> Result<(), String> {
        fn de<T: serde::de::DeserializeOwned>(
            v: toml::Value,
            into: &mut Vec<T>,
        ) -> Result<(), String> {
            into.push(
                v.try_into()
                    .map_err(|e: toml::de::Error| e.message().trim().to_string())?,
            );
            Ok(())
        }
        match array {
            "source" => de(value, &mut self.sources),
            "actor" => de(value, &mut self.actors),
            "place" => de(value, &mut self.places),
            "round" => de(value, &mut self.rounds),
            "event" => de(value, &mut self.events),
            "figure" => de(value, &mut self.figures),
            "quote" => de(value, &mut self.quotes),
            "position" => de(value, &mut self.positions),
            "instrument" => de(value, &mut self.instruments),
            other => Err(format!("unknown record type `{other}`")),
        }
    }

    /// Builds the id index (called once, after validation).
    pub(crate) fn finish(&mut self) {
        self.index.clear();
        let entries: Vec<(String, (RecordKind, usize))> = {
            let mut counters: HashMap<RecordKind, usize> = HashMap::new();
            self.records()
                .map(|r| {
                    let n = counters.entry(r.kind()).or_default();
                    let entry = (r.id().to_string(), (r.kind(), *n));
                    *n += 1;
                    entry
                })
                .collect()
        };
        self.index.extend(entries);
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

    /// The record with this id, of whatever type.
    ///
    /// ```
    /// let ds = syriatalks::embedded();
    /// let r = ds.get("staffan-de-mistura").expect("de Mistura is in the data");
    /// assert_eq!(r.label(), "Staffan de Mistura");
    /// ```
    pub fn get(&self, id: &str) -> Option<RecordRef<'_>> {
        let (kind, i) = self.locate(id)?;
        Some(match kind {
            RecordKind::Source => RecordRef::Source(&self.sources[i]),
            RecordKind::Actor => RecordRef::Actor(&self.actors[i]),
            RecordKind::Place => RecordRef::Place(&self.places[i]),
            RecordKind::Round => RecordRef::Round(&self.rounds[i]),
            RecordKind::Event => RecordRef::Event(&self.events[i]),
            RecordKind::Figure => RecordRef::Figure(&self.figures[i]),
            RecordKind::Quote => RecordRef::Quote(&self.quotes[i]),
            RecordKind::Position => RecordRef::Position(&self.positions[i]),
            RecordKind::Instrument => RecordRef::Instrument(&self.instruments[i]),
        })
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
        serde_json::to_string_pretty(self)
            .unwrap_or_else(|e| format!("{{\"error\": {:?}}}", e.to_string()))
    }
}
