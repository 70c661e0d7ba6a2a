//! Part of a dataset as one JSON document, in the shape of the whole export: the records a
//! selection keeps, plus the sources their evidence cites, so that every quote in the document can
//! still be checked against the text it comes from.

use std::collections::HashSet;

use serde::Serialize;

use crate::dataset::Dataset;
use crate::date::{Certainty, PartialDate};
use crate::error::QueryError;
use crate::model::*;
use crate::query::Filter;

/// The records of some types that a filter keeps, with the sources they cite
/// ([`Dataset::subset`]). It serializes as the whole export does ([`Dataset::to_json`]: the crate
/// version, one array per record type, the data version) plus a `selection` object saying what was
/// asked and which sources are there only because a kept record cites them.
#[derive(Debug, Serialize)]
pub struct Subset<'d> {
    crate_version: &'static str,
    sources: Vec<&'d Source>,
    actors: Vec<&'d Actor>,
    places: Vec<&'d Place>,
    rounds: Vec<&'d Round>,
    events: Vec<&'d Event>,
    figures: Vec<&'d Figure>,
    quotes: Vec<&'d Quote>,
    positions: Vec<&'d Position>,
    instruments: Vec<&'d Instrument>,
    #[serde(skip_serializing_if = "Option::is_none")]
    data_version: Option<&'d str>,
    selection: Selection<'d>,
}

/// What a subset was asked for, written into the document so that a reader can tell a filtered
/// export from the whole one.
#[derive(Debug, Serialize)]
struct Selection<'d> {
    /// The record types selected, in [`RecordKind::ALL`] order.
    types: Vec<RecordKind>,
    /// The filters given (only those set).
    filter: FilterEcho,
    /// Ids of the sources present only because a kept record's evidence cites them (the filter did
    /// not keep them, or their type was not selected), in data-file order.
    cited_sources: Vec<&'d str>,
}

/// The set fields of a [`Filter`], for the document (the filter itself is not serializable, and
/// a reader needs only what narrowed the export).
#[derive(Debug, Serialize)]
struct FilterEcho {
    #[serde(skip_serializing_if = "Option::is_none")]
    from: Option<PartialDate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    to: Option<PartialDate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    actor: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    kind: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    place: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    round: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    source: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    text: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    speaker: Option<String>,
    /// Only meaningful with a date range, so only written with one.
    #[serde(skip_serializing_if = "Option::is_none")]
    dates: Option<Certainty>,
}

impl From<&Filter> for FilterEcho {
    fn from(f: &Filter) -> Self {
        FilterEcho {
            from: f.since,
            to: f.until,
            actor: f.actor.clone(),
            kind: f.kind.clone(),
            place: f.place.clone(),
            round: f.round.clone(),
            source: f.source.clone(),
            text: f.text.clone(),
            speaker: f.speaker.clone(),
            dates: (f.since.is_some() || f.until.is_some()).then_some(f.dates),
        }
    }
}

impl Dataset {
    /// The records of `kinds` that `filter` keeps (as [`Dataset::query`] keeps them, in its
    /// order), and the sources their evidence and dates cite. Records a kept record refers to by
    /// id (actors, places, rounds, anchors) are not added: they stay ids, so the document holds
    /// what the filter kept and no more; only the cited sources are added, because a quote is
    /// checkable only against its source's text.
    ///
    /// ```
    /// use syriatalks::{Filter, RecordKind};
    /// let ds = syriatalks::embedded();
    /// let part = ds.subset(&[RecordKind::Event], &Filter::new().actor("lavrov")).unwrap();
    /// assert!(!part.kept().is_empty());
    /// assert!(part.kept().iter().all(|r| r.kind() == RecordKind::Event));
    /// assert!(!part.cited_sources().is_empty());
    /// ```
    pub fn subset(&self, kinds: &[RecordKind], filter: &Filter) -> Result<Subset<'_>, QueryError> {
        let mut part = Subset {
            crate_version: self.crate_version,
            sources: Vec::new(),
            actors: Vec::new(),
            places: Vec::new(),
            rounds: Vec::new(),
            events: Vec::new(),
            figures: Vec::new(),
            quotes: Vec::new(),
            positions: Vec::new(),
            instruments: Vec::new(),
            data_version: self.data_version(),
            selection: Selection {
                types: RecordKind::ALL
                    .iter()
                    .copied()
                    .filter(|k| kinds.contains(k))
                    .collect(),
                filter: filter.into(),
                cited_sources: Vec::new(),
            },
        };
        let mut cited: HashSet<&str> = HashSet::new();
        for kind in &part.selection.types {
            for r in self.query(*kind, filter)? {
                cited.extend(r.evidence().iter().map(|e| e.source.as_str()));
                cited.extend(
                    r.date()
                        .and_then(|d| d.cited.as_ref())
                        .map(|e| e.source.as_str()),
                );
                match r {
                    RecordRef::Source(x) => part.sources.push(x),
                    RecordRef::Actor(x) => part.actors.push(x),
                    RecordRef::Place(x) => part.places.push(x),
                    RecordRef::Round(x) => part.rounds.push(x),
                    RecordRef::Event(x) => part.events.push(x),
                    RecordRef::Figure(x) => part.figures.push(x),
                    RecordRef::Quote(x) => part.quotes.push(x),
                    RecordRef::Position(x) => part.positions.push(x),
                    RecordRef::Instrument(x) => part.instruments.push(x),
                }
            }
        }
        let kept: HashSet<&str> = part.sources.iter().map(|s| s.id.as_str()).collect();
        for s in self.sources() {
            if cited.contains(s.id.as_str()) && !kept.contains(s.id.as_str()) {
                part.sources.push(s);
                part.selection.cited_sources.push(&s.id);
            }
        }
        Ok(part)
    }

    /// The JSON document `syriatalks export --format json` writes: the whole dataset's
    /// ([`Dataset::to_json`], unchanged) when `kinds` is every type and `filter` narrows nothing,
    /// else the [`Subset`] of what they keep. One rule for the CLI and the bindings.
    pub fn document_json(
        &self,
        kinds: &[RecordKind],
        filter: &Filter,
    ) -> Result<String, QueryError> {
        if kinds == RecordKind::ALL && *filter == Filter::default() {
            Ok(self.to_json())
        } else {
            Ok(self.subset(kinds, filter)?.to_json())
        }
    }
}

impl<'d> Subset<'d> {
    /// The records the selection kept, by type in [`RecordKind::ALL`] order (the cited sources
    /// added beside them are not among them).
    pub fn kept(&self) -> Vec<RecordRef<'d>> {
        let cited: HashSet<&str> = self.selection.cited_sources.iter().copied().collect();
        let sources = self
            .sources
            .iter()
            .filter(|s| !cited.contains(s.id.as_str()))
            .map(|x| RecordRef::Source(x));
        sources
            .chain(self.actors.iter().map(|x| RecordRef::Actor(x)))
            .chain(self.places.iter().map(|x| RecordRef::Place(x)))
            .chain(self.rounds.iter().map(|x| RecordRef::Round(x)))
            .chain(self.events.iter().map(|x| RecordRef::Event(x)))
            .chain(self.figures.iter().map(|x| RecordRef::Figure(x)))
            .chain(self.quotes.iter().map(|x| RecordRef::Quote(x)))
            .chain(self.positions.iter().map(|x| RecordRef::Position(x)))
            .chain(self.instruments.iter().map(|x| RecordRef::Instrument(x)))
            .collect()
    }

    /// The ids of the sources present only because a kept record cites them.
    pub fn cited_sources(&self) -> &[&'d str] {
        &self.selection.cited_sources
    }

    /// The document as pretty-printed JSON, like [`Dataset::to_json`].
    pub fn to_json(&self) -> String {
        crate::dataset::pretty_json(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_what_the_query_keeps_and_adds_only_cited_sources() {
        let ds = crate::embedded();
        let f = Filter::new().actor("lavrov");
        let part = ds.subset(&[RecordKind::Event], &f).unwrap();
        let want: Vec<&str> = ds
            .query(RecordKind::Event, &f)
            .unwrap()
            .iter()
            .map(|r| r.id())
            .collect();
        let got: Vec<&str> = part.kept().iter().map(|r| r.id()).collect();
        assert_eq!(got, want);
        let cited: HashSet<&str> = part
            .kept()
            .iter()
            .flat_map(|r| r.evidence())
            .map(|e| e.source.as_str())
            .collect();
        let mut listed: Vec<&str> = part.cited_sources().to_vec();
        listed.sort_unstable();
        let mut cited: Vec<&str> = cited.into_iter().collect();
        cited.sort_unstable();
        assert_eq!(listed, cited);
        assert_eq!(part.sources.len(), cited.len());
        assert!(part.actors.is_empty() && part.rounds.is_empty());
    }

    #[test]
    fn a_kept_source_is_not_listed_as_only_cited() {
        let ds = crate::embedded();
        let part = ds.subset(RecordKind::ALL, &Filter::new()).unwrap();
        assert!(part.cited_sources().is_empty());
        assert_eq!(part.kept().len(), ds.records().count());
        // Unfiltered, the document holds what the whole export holds, plus the selection.
        let mut whole: serde_json::Value = serde_json::from_str(&ds.to_json()).unwrap();
        let mut doc: serde_json::Value = serde_json::from_str(&part.to_json()).unwrap();
        let selection = doc.as_object_mut().unwrap().remove("selection").unwrap();
        assert_eq!(selection["types"].as_array().unwrap().len(), 9);
        assert_eq!(doc, std::mem::take(&mut whole));
    }

    #[test]
    fn the_document_is_the_whole_export_unless_something_narrows_it() {
        let ds = crate::embedded();
        let all = Filter::default();
        assert_eq!(
            ds.document_json(RecordKind::ALL, &all).unwrap(),
            ds.to_json()
        );
        let events = [RecordKind::Event];
        assert_eq!(
            ds.document_json(&events, &all).unwrap(),
            ds.subset(&events, &all).unwrap().to_json()
        );
        let lavrov = Filter::new().actor("lavrov");
        assert_eq!(
            ds.document_json(RecordKind::ALL, &lavrov).unwrap(),
            ds.subset(RecordKind::ALL, &lavrov).unwrap().to_json()
        );
    }
}
