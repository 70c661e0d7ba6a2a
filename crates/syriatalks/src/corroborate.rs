//! Corroboration: records of different sources that attest the same happening share a
//! `happening` key. The data only links them; where the attestations agree and where they
//! conflict (dates with no day in common, differing figure values, differing actors…) is computed
//! here, never typed by hand, and every conflict carries each side's words.
//!
//! Comparisons group attestations by what they say, so a happening with many attestations costs
//! time linear in them, not one comparison per pair.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::dataset::{Dataset, IdIndex};
use crate::date::DateRange;
use crate::error::{Problem, ProblemKind, QueryError};
use crate::evidence::Evidence;
use crate::load::Origins;
use crate::model::{RecordKind, RecordRef};
use crate::validate::is_valid_id;

/// The happening key a record carries, for the record types that attest happenings.
pub(crate) fn key_of(r: RecordRef<'_>) -> Option<&str> {
    match r {
        RecordRef::Event(e) => e.happening.as_deref(),
        RecordRef::Figure(f) => f.happening.as_deref(),
        RecordRef::Quote(q) => q.happening.as_deref(),
        _ => None,
    }
}

/// The source a record speaks for: that of its first evidence.
fn source_of(r: RecordRef<'_>) -> Option<&str> {
    r.evidence().first().map(|e| e.source.as_str())
}

/// One attestation of a happening, as `claims` shows it.
#[derive(Debug, Clone, Serialize)]
pub struct Attestation<'a> {
    /// The record.
    pub id: &'a str,
    /// Its type.
    pub kind: RecordKind,
    /// The source it comes from (its first evidence's).
    pub source: Option<&'a str>,
    /// Its date as the record states it.
    pub date: Option<String>,
    /// The days it may cover once its anchors are applied.
    pub days: Option<DateRange>,
    /// Its label (summary, scope or words).
    pub label: &'a str,
    /// The words that state it.
    pub evidence: Vec<&'a Evidence>,
    /// The record itself.
    #[serde(skip)]
    pub record: RecordRef<'a>,
}

/// One reading of a field that the attestations disagree on: what it says and who says it.
#[derive(Debug, Clone, Serialize)]
pub struct Side<'a> {
    /// What these attestations say (`470,000 (more_than): 470000…`, `2016-02-01`, `russia`).
    pub says: String,
    /// The attestations that say it, by id.
    pub records: Vec<&'a str>,
    /// Their words: the quote of the date for a date, the record's evidence otherwise.
    pub evidence: Vec<&'a Evidence>,
}

/// A field on which the attestations of a happening disagree, with every side.
#[derive(Debug, Clone, Serialize)]
pub struct Conflict<'a> {
    /// What differs: `date`, `kind`, `actors.agent` (one per participant role), `measure`,
    /// `value`, `speaker`, `text`.
    pub field: String,
    /// Each distinct reading, with its attestations and their words.
    pub sides: Vec<Side<'a>>,
    /// Context a reader needs (figures claimed at different times).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// Every attestation of one happening, side by side, with what they agree on and where they
/// conflict.
#[derive(Debug, Clone, Serialize)]
pub struct Happening<'a> {
    /// The key the attestations share; `None` for a record that links to no other.
    pub key: Option<&'a str>,
    /// The attestations, in the order of their days (then id).
    pub attestations: Vec<Attestation<'a>>,
    /// How many distinct sources attest it.
    pub sources: usize,
    /// The fields compared that at least two attestations give and all agree on.
    pub agree: Vec<String>,
    /// The fields on which they conflict.
    pub conflicts: Vec<Conflict<'a>>,
}

/// The readings of one field, grouped: reading → attestation indexes, in the order each reading
/// first appears (attestations come in the order of their days).
struct Readings {
    order: Vec<(String, Vec<usize>)>,
    at: std::collections::HashMap<String, usize>,
}

impl Readings {
    fn new() -> Self {
        Readings {
            order: Vec::new(),
            at: Default::default(),
        }
    }
    fn add(&mut self, says: String, i: usize) {
        match self.at.get(&says) {
            Some(&k) => self.order[k].1.push(i),
            None => {
                self.at.insert(says.clone(), self.order.len());
                self.order.push((says, vec![i]));
            }
        }
    }
    fn len(&self) -> usize {
        self.order.len()
    }
}

impl Dataset {
    /// Every record that attests the same happening as `id` (itself excluded), in the order of
    /// their days; empty when `id` names no record or one with no `happening`.
    ///
    /// ```
    /// let ds = syriatalks::embedded();
    /// let others = ds.attestations("a000-ev-conflict-began");
    /// assert_eq!(others.len(), 4, "four other articles date the conflict's start");
    /// ```
    pub fn attestations(&self, id: &str) -> Vec<RecordRef<'_>> {
        let Some(key) = self.get(id).and_then(key_of) else {
            return Vec::new();
        };
        self.attesting(key)
            .into_iter()
            .filter(|r| r.id() != id)
            .collect()
    }

    /// The records sharing a happening key, in the order of their days, then id.
    fn attesting(&self, key: &str) -> Vec<RecordRef<'_>> {
        let mut v: Vec<RecordRef> = self
            .indexes()
            .by_happening
            .get(key)
            .into_iter()
            .flatten()
            .filter_map(|(k, i)| self.at(*k, *i as usize))
            .collect();
        v.sort_by_key(|r| (self.days(*r).map(|d| (d.first, d.last)), r.id()));
        v
    }

    /// Every happening key of the data, sorted.
    pub fn happening_keys(&self) -> Vec<&str> {
        let mut v: Vec<&str> = self
            .indexes()
            .by_happening
            .keys()
            .map(String::as_str)
            .collect();
        v.sort_unstable();
        v
    }

    /// All attestations of a happening side by side, with their sources and the conflicts among
    /// them. `name` is a happening key (`death-toll`) or the id of any record; a record that
    /// shares no happening is shown alone.
    ///
    /// ```
    /// let ds = syriatalks::embedded();
    /// let began = ds.claims("a000-ev-conflict-began").unwrap();
    /// assert_eq!(began.key, Some("conflict-began"));
    /// assert_eq!(began.sources, 5);
    /// ```
    pub fn claims(&self, name: &str) -> Result<Happening<'_>, QueryError> {
        let name = name.trim();
        let (key, records) = match self.indexes().by_happening.get_key_value(name) {
            Some((k, _)) => (Some(k.as_str()), self.attesting(name)),
            None => match self.get(name) {
                Some(r) => match key_of(r) {
                    Some(k) => (Some(k), self.attesting(k)),
                    None => (None, vec![r]),
                },
                None => {
                    let words = crate::normalize::fold(name);
                    let suggestions: Vec<String> = self
                        .happening_keys()
                        .into_iter()
                        .filter(|k| words.split_whitespace().any(|w| k.contains(w)))
                        .take(5)
                        .map(str::to_string)
                        .collect();
                    return Err(QueryError::NotFound {
                        what: "happening or record",
                        name: name.to_string(),
                        suggestions,
                    });
                }
            },
        };
        Ok(self.compare(key, records))
    }

    /// Compares the attestations of a happening field by field.
    fn compare<'a>(&'a self, key: Option<&'a str>, records: Vec<RecordRef<'a>>) -> Happening<'a> {
        let attestations: Vec<Attestation> = records
            .iter()
            .map(|r| Attestation {
                id: r.id(),
                kind: r.kind(),
                source: source_of(*r),
                date: r.date().map(|d| d.to_string()),
                days: self.days(*r),
                label: r.label(),
                evidence: r.evidence(),
                record: *r,
            })
            .collect();
        let mut sources: Vec<&str> = attestations.iter().filter_map(|a| a.source).collect();
        sources.sort_unstable();
        sources.dedup();

        let mut fields: Vec<(String, Readings)> = Vec::new();
        fn field<'f>(fields: &'f mut Vec<(String, Readings)>, name: &str) -> &'f mut Readings {
            let at = match fields.iter().position(|(n, _)| n == name) {
                Some(at) => at,
                None => {
                    fields.push((name.to_string(), Readings::new()));
                    fields.len() - 1
                }
            };
            &mut fields[at].1
        }
        for (i, r) in records.iter().enumerate() {
            match r {
                RecordRef::Event(e) => {
                    field(&mut fields, "kind").add(e.kind.to_string(), i);
                    let mut roles: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
                    for p in &e.actors {
                        roles.entry(p.role.as_str()).or_default().push(&p.actor);
                    }
                    for (role, mut actors) in roles {
                        actors.sort_unstable();
                        actors.dedup();
                        field(&mut fields, &format!("actors.{role}")).add(actors.join(", "), i);
                    }
                }
                RecordRef::Figure(f) => {
                    field(&mut fields, "measure").add(f.measure.to_string(), i);
                }
                RecordRef::Quote(q) => {
                    field(&mut fields, "speaker").add(q.speaker.clone(), i);
                    field(&mut fields, "text").add(q.text.clone(), i);
                }
                _ => {}
            }
        }

        let mut agree = Vec::new();
        let mut conflicts = Vec::new();
        // Dates conflict when no day is common to all attestations that are dated. A figure's
        // date is when it was claimed, which differs freely; the time it counts is its period.
        let when = |a: &Attestation| -> Option<(String, DateRange)> {
            match a.record {
                RecordRef::Figure(f) => f.period.as_ref().map(|p| (p.to_string(), p.range())),
                _ => Some((a.date.clone()?, a.days?)),
            }
        };
        let dated: Vec<(usize, String, DateRange)> = attestations
            .iter()
            .enumerate()
            .filter_map(|(i, a)| when(a).map(|(s, d)| (i, s, d)))
            .collect();
        let date_field = if attestations.iter().any(|a| a.kind == RecordKind::Figure) {
            "period"
        } else {
            "date"
        };
        if dated.len() >= 2 {
            let first = dated.iter().map(|(_, _, d)| d.first).max();
            let last = dated.iter().map(|(_, _, d)| d.last).min();
            if first <= last {
                agree.push(date_field.to_string());
            } else {
                let mut by_date = Readings::new();
                for (i, says, _) in &dated {
                    by_date.add(says.clone(), *i);
                }
                conflicts.push(Conflict {
                    field: date_field.into(),
                    sides: self.sides(&attestations, by_date, date_field == "date"),
                    note: Some("no day is common to every attestation's dates".into()),
                });
            }
        }
        // Figure values conflict when no number satisfies every claim, each read as the range its
        // qualifier allows ("more than 450,000" and "more than 470,000" agree).
        let values: Vec<(usize, (u64, u64))> = records
            .iter()
            .enumerate()
            .filter_map(|(i, r)| match r {
                // The bounds the loader computed from the value and its qualifier.
                RecordRef::Figure(f) => Some((i, (f.low.unwrap_or(0), f.high.unwrap_or(u64::MAX)))),
                _ => None,
            })
            .collect();
        if values.len() >= 2 {
            let low = values.iter().map(|(_, (l, _))| *l).max().unwrap_or(0);
            let high = values
                .iter()
                .map(|(_, (_, h))| *h)
                .min()
                .unwrap_or(u64::MAX);
            let mut readings = Readings::new();
            for (i, _) in &values {
                if let RecordRef::Figure(f) = records[*i] {
                    let bound = |b: Option<u64>| b.map_or(String::new(), |v| v.to_string());
                    readings.add(
                        format!(
                            "{} ({}): {}…{}",
                            f.text,
                            f.qualifier,
                            bound(f.low),
                            bound(f.high)
                        ),
                        *i,
                    );
                }
            }
            if low <= high {
                agree.push("value".to_string());
            } else {
                let claimed: Vec<Option<DateRange>> =
                    values.iter().map(|(i, _)| attestations[*i].days).collect();
                let same_time = claimed.iter().all(Option::is_some)
                    && claimed.iter().flatten().map(|d| d.first).max()
                        <= claimed.iter().flatten().map(|d| d.last).min();
                conflicts.push(Conflict {
                    field: "value".into(),
                    sides: self.sides(&attestations, readings, false),
                    note: Some(if same_time {
                        "no number lies within every claim's bounds (low…high, from the value and its qualifier)".into()
                    } else {
                        "no number lies within every claim's bounds (low…high, from the value and its qualifier); the claims were made at different times, and a later count may revise an earlier one".into()
                    }),
                });
            }
        }
        for (name, readings) in fields {
            let given: usize = readings.order.iter().map(|(_, v)| v.len()).sum();
            if readings.len() == 1 {
                if given >= 2 {
                    agree.push(name);
                }
                continue;
            }
            conflicts.push(Conflict {
                sides: self.sides(&attestations, readings, false),
                field: name,
                note: None,
            });
        }
        Happening {
            key,
            attestations,
            sources: sources.len(),
            agree,
            conflicts,
        }
    }

    fn sides<'a>(
        &'a self,
        attestations: &[Attestation<'a>],
        readings: Readings,
        dates: bool,
    ) -> Vec<Side<'a>> {
        readings
            .order
            .into_iter()
            .map(|(says, at)| Side {
                says,
                records: at.iter().map(|i| attestations[*i].id).collect(),
                evidence: at
                    .iter()
                    .flat_map(|i| {
                        let r = attestations[*i].record;
                        match r.date().and_then(|d| d.cited.as_ref()) {
                            Some(cited) if dates => vec![cited],
                            _ => r.evidence(),
                        }
                    })
                    .collect(),
            })
            .collect()
    }
}

/// Checks the happening keys: each a slug that is no record's id, shared by records of one type
/// from at least two sources.
pub(crate) fn check(ds: &Dataset, index: &IdIndex, origins: &Origins, problems: &mut Vec<Problem>) {
    let mut groups: BTreeMap<&str, Vec<(RecordKind, usize)>> = BTreeMap::new();
    for kind in [RecordKind::Event, RecordKind::Figure, RecordKind::Quote] {
        for (i, r) in crate::index::records_of(ds, kind).enumerate() {
            if let Some(k) = key_of(r) {
                groups.entry(k).or_default().push((kind, i));
            }
        }
    }
    let mut report = |at: (RecordKind, usize), message: String| {
        problems.push(origins.problem(ds, at, ProblemKind::BadValue, "happening".into(), message));
    };
    for (key, members) in groups {
        let first = members[0];
        let id_of = |(k, i): (RecordKind, usize)| ds.at(k, i).map_or("?", |r| r.id());
        if !is_valid_id(key) {
            report(
                first,
                format!("{key:?} is not a lowercase slug (a-z, 0-9, single hyphens)"),
            );
            continue;
        }
        if let Some((k, _)) = index.get(key) {
            report(
                first,
                format!("`{key}` is also a record id (type {k}): a happening key must not be a record id, so that `claims {key}` means one thing"),
            );
            continue;
        }
        if members.len() == 1 {
            report(
                first,
                format!("no other record attests happening `{key}`: a happening links attestations from different sources (is the key misspelt?)"),
            );
            continue;
        }
        let mut sources: Vec<&str> = Vec::new();
        for m in &members {
            if m.0 != first.0 {
                report(
                    *m,
                    format!(
                        "happening `{key}` is attested by {} `{}`; a {} cannot attest the same happening",
                        first.0,
                        id_of(first),
                        m.0
                    ),
                );
                continue;
            }
            if let Some(src) = ds.at(m.0, m.1).and_then(source_of) {
                if !sources.contains(&src) {
                    sources.push(src);
                }
            }
        }
        if sources.len() == 1 {
            report(
                first,
                format!(
                    "every record attesting happening `{key}` comes from source `{}`: a happening links attestations from different sources",
                    sources[0]
                ),
            );
        }
    }
}

impl Dataset {
    /// Keeps, of rows in a given order (a timeline), the first attestation of each happening, with
    /// the number of distinct sources that attest its happening (1 for a record that shares none).
    ///
    /// ```
    /// let ds = syriatalks::embedded();
    /// let rows = ds.timeline(&syriatalks::Filter::new().kind("conflict_began")).unwrap();
    /// let collapsed = ds.collapse(&rows);
    /// assert_eq!(collapsed.len(), 1);
    /// assert_eq!(collapsed[0].1, 5, "five articles date the start of the conflict");
    /// ```
    pub fn collapse<'a>(&'a self, rows: &[RecordRef<'a>]) -> Vec<(RecordRef<'a>, usize)> {
        let mut seen: std::collections::HashSet<&str> = Default::default();
        rows.iter()
            .filter_map(|r| match key_of(*r) {
                None => Some((*r, 1)),
                Some(k) if seen.insert(k) => Some((*r, self.sources_attesting(k))),
                Some(_) => None,
            })
            .collect()
    }

    /// How many distinct sources attest a happening.
    fn sources_attesting(&self, key: &str) -> usize {
        let mut v: Vec<&str> = self
            .indexes()
            .by_happening
            .get(key)
            .into_iter()
            .flatten()
            .filter_map(|(k, i)| self.at(*k, *i as usize).and_then(source_of))
            .collect();
        v.sort_unstable();
        v.dedup();
        v.len()
    }
}
