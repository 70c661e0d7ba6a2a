//! Indexes built once at load, so that a query's cost grows with its answer, not with the corpus:
//! dates (an interval index over each record's first and last day), actors, places, rounds,
//! sources and kind words, the names actors, places and rounds are known by, and which places lie
//! within which.

use chrono::NaiveDate;

use crate::dataset::{Dataset, FastMap as HashMap};
use crate::load::kind_slot;
use crate::model::{Record, RecordKind, RecordRef};
use crate::normalize::name_key;

/// Record indexes, one list per record type (by [`kind_slot`]).
pub(crate) type PerKind = [Vec<u32>; 9];

/// Records whose days overlap a range, found without looking at the others.
///
/// Records are grouped by how many days they cover, in classes of powers of two; within a class
/// they are sorted by first day, so a range query is, per class, one binary search and a walk over
/// the records starting in `[first - longest, last]`: records that mostly overlap the range.
#[derive(Debug, Clone, Default)]
pub(crate) struct DateIndex {
    classes: Vec<LengthClass>,
}

/// (the class's longest span in days, its records as (first day, last day, index) by first day).
type LengthClass = (i32, Vec<(i32, i32, u32)>);

/// Days since the common era, as the index stores them.
pub(crate) fn day_number(d: NaiveDate) -> i32 {
    use chrono::Datelike;
    d.num_days_from_ce()
}

impl DateIndex {
    fn build(spans: impl Iterator<Item = (u32, (i32, i32))>) -> Self {
        let mut classes: Vec<LengthClass> = Vec::new();
        for (i, (first, last)) in spans {
            let len = (last - first).max(0) as u32;
            let class = (u32::BITS - len.leading_zeros()) as usize;
            if classes.len() <= class {
                classes.resize_with(class + 1, Default::default);
            }
            let c = &mut classes[class];
            c.0 = c.0.max(last - first);
            c.1.push((first, last, i));
        }
        for c in &mut classes {
            c.1.sort_unstable();
        }
        classes.retain(|c| !c.1.is_empty());
        DateIndex { classes }
    }

    /// How many records the walk for this range would look at (an upper bound on the answer).
    pub(crate) fn estimate(&self, first: i32, last: i32) -> usize {
        self.classes
            .iter()
            .map(|(longest, v)| {
                let lo = v.partition_point(|e| e.0 < first.saturating_sub(*longest));
                let hi = v.partition_point(|e| e.0 <= last);
                hi.saturating_sub(lo)
            })
            .sum()
    }

    /// The records overlapping `[first, last]`, unordered.
    pub(crate) fn overlapping(&self, first: i32, last: i32, out: &mut Vec<u32>) {
        for (longest, v) in &self.classes {
            let lo = v.partition_point(|e| e.0 < first.saturating_sub(*longest));
            let hi = v.partition_point(|e| e.0 <= last);
            out.extend(
                v[lo..hi.max(lo)]
                    .iter()
                    .filter(|e| e.1 >= first)
                    .map(|e| e.2),
            );
        }
    }
}

/// Every index of a dataset.
#[derive(Debug, Clone, Default)]
pub(crate) struct Indexes {
    /// Per record type, the dated records.
    pub dates: [DateIndex; 9],
    /// Per record type and record, its first and last day (an empty span for undated records):
    /// lets a candidate list from another index be cut to a date range without touching records.
    pub spans: [Vec<(i32, i32)>; 9],
    /// Actor id → the records involving it, per type.
    pub by_actor: HashMap<String, PerKind>,
    /// Place id → the records in it, per type.
    pub by_place: HashMap<String, PerKind>,
    /// Round id → the records of it, per type.
    pub by_round: HashMap<String, PerKind>,
    /// Source id → the records citing it, per type.
    pub by_source: HashMap<String, PerKind>,
    /// Per record type, kind word → its records.
    pub by_kind: [HashMap<&'static str, Vec<u32>>; 9],
    /// Name key of an actor's name or alias → actor indexes.
    pub actor_names: HashMap<String, Vec<u32>>,
    /// Name key of a place's name or alias → place indexes.
    pub place_names: HashMap<String, Vec<u32>>,
    /// Name key of a round's name or alias → round indexes.
    pub round_names: HashMap<String, Vec<u32>>,
    /// Place id → the places directly within it.
    pub children: HashMap<String, Vec<u32>>,
    /// Each record's days narrowed by its anchors, and the rounds' certain days.
    pub bounds: crate::anchor::Bounds,
    /// Happening key → the records attesting it.
    pub by_happening: HashMap<String, Vec<(RecordKind, u32)>>,
}

fn post(map: &mut HashMap<String, PerKind>, key: &str, slot: usize, i: u32) {
    let lists = match map.get_mut(key) {
        Some(l) => l,
        None => map.entry(key.to_string()).or_default(),
    };
    // Records list a key once in the usual case; a repeated key in one record adds it once.
    if lists[slot].last() != Some(&i) {
        lists[slot].push(i);
    }
}

fn names<'a>(
    map: &mut HashMap<String, Vec<u32>>,
    i: u32,
    names: impl IntoIterator<Item = &'a String>,
) {
    for n in names {
        let list = map.entry(name_key(n)).or_default();
        if list.last() != Some(&i) {
            list.push(i);
        }
    }
}

impl Indexes {
    /// Builds every index in one pass over the records.
    // Never inlined: tests/c/valgrind.supp recognises the embedded dataset's lifelong indexes by
    // this frame, and a release build that inlines it into its caller (as adding a caller of
    // `Dataset::query` once did) would turn them into reported leaks.
    #[inline(never)]
    pub(crate) fn build(ds: &Dataset) -> Indexes {
        // A validated dataset's anchors hold; its problems were reported at load.
        Self::build_with(ds, crate::anchor::resolve(ds, &ds.index).0)
    }

    /// Builds every index, with the anchored days already resolved (by validation).
    pub(crate) fn build_with(ds: &Dataset, bounds: crate::anchor::Bounds) -> Indexes {
        let mut ix = Indexes {
            bounds,
            ..Indexes::default()
        };
        for kind in RecordKind::ALL {
            let slot = kind_slot(*kind);
            let mut spans = Vec::new();
            let mut flat = Vec::new();
            for (i, r) in records_of(ds, *kind).enumerate() {
                let days = ix.bounds.outer[slot].get(i).copied().flatten();
                let i = i as u32;
                match days {
                    Some(w) => {
                        let span = (day_number(w.first), day_number(w.last));
                        spans.push((i, span));
                        flat.push(span);
                    }
                    None => flat.push((i32::MAX, i32::MIN)),
                }
                for a in r.actor_ids() {
                    post(&mut ix.by_actor, a, slot, i);
                }
                for p in r.place_ids() {
                    post(&mut ix.by_place, p, slot, i);
                }
                for x in r.round_ids() {
                    post(&mut ix.by_round, x, slot, i);
                }
                if *kind == RecordKind::Source {
                    post(&mut ix.by_source, r.id(), slot, i);
                }
                for e in r.evidence() {
                    post(&mut ix.by_source, &e.source, slot, i);
                }
                if let Some(w) = r.kind_word() {
                    ix.by_kind[slot].entry(w).or_default().push(i);
                }
                if let Some(h) = crate::corroborate::key_of(r) {
                    ix.by_happening
                        .entry(h.to_string())
                        .or_default()
                        .push((*kind, i));
                }
            }
            ix.dates[slot] = DateIndex::build(spans.into_iter());
            ix.spans[slot] = flat;
        }
        for (i, a) in ds.actors().iter().enumerate() {
            names(
                &mut ix.actor_names,
                i as u32,
                std::iter::once(&a.name).chain(&a.aliases),
            );
        }
        for (i, p) in ds.places().iter().enumerate() {
            names(
                &mut ix.place_names,
                i as u32,
                std::iter::once(&p.name).chain(&p.aliases),
            );
            if let Some(w) = &p.within {
                ix.children.entry(w.clone()).or_default().push(i as u32);
            }
        }
        for (i, r) in ds.rounds().iter().enumerate() {
            names(
                &mut ix.round_names,
                i as u32,
                std::iter::once(&r.name).chain(&r.aliases),
            );
        }
        ix
    }
}

/// The records of one type, as type-erased references.
pub(crate) fn records_of(
    ds: &Dataset,
    kind: RecordKind,
) -> Box<dyn Iterator<Item = RecordRef<'_>> + '_> {
    fn refs<R: Record>(v: &[R]) -> Box<dyn Iterator<Item = RecordRef<'_>> + '_> {
        Box::new(v.iter().map(|r| r.as_record()))
    }
    match kind {
        RecordKind::Source => refs(ds.sources()),
        RecordKind::Actor => refs(ds.actors()),
        RecordKind::Place => refs(ds.places()),
        RecordKind::Round => refs(ds.rounds()),
        RecordKind::Event => refs(ds.events()),
        RecordKind::Figure => refs(ds.figures()),
        RecordKind::Quote => refs(ds.quotes()),
        RecordKind::Position => refs(ds.positions()),
        RecordKind::Instrument => refs(ds.instruments()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_date_index_finds_exactly_the_overlapping_spans() {
        // Spans of every length class, checked against a plain scan.
        let spans: Vec<(i32, i32)> = (0..2000)
            .map(|i| {
                let first = (i * 37) % 1500;
                let len = [0, 1, 5, 30, 31, 365, 366, 1000][i as usize % 8];
                (first, first + len)
            })
            .collect();
        let ix = DateIndex::build(spans.iter().enumerate().map(|(i, s)| (i as u32, *s)));
        for (a, b) in [(0, 0), (100, 160), (1400, 3000), (-50, -1), (700, 700)] {
            let mut got = Vec::new();
            ix.overlapping(a, b, &mut got);
            got.sort_unstable();
            let want: Vec<u32> = spans
                .iter()
                .enumerate()
                .filter(|(_, s)| s.0 <= b && s.1 >= a)
                .map(|(i, _)| i as u32)
                .collect();
            assert_eq!(got, want, "range {a}..={b}");
            assert!(ix.estimate(a, b) >= want.len());
        }
    }

    #[test]
    fn a_loaded_dataset_indexes_the_anchored_days_its_validation_resolved() {
        // The load hands validation's anchor bounds to the indexes instead of resolving twice:
        // they must be what resolving the finished dataset gives.
        let data = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
        let ds = crate::load(&data).expect("the embedded data folder loads");
        let fresh = crate::anchor::resolve(&ds, &ds.index).0;
        let held = &ds.indexes().bounds;
        assert_eq!(held.outer, fresh.outer);
        assert_eq!(held.depth, fresh.depth);
        assert_eq!(held.certain, fresh.certain);
        assert!(held.outer.iter().flatten().any(Option::is_some));
    }
}
