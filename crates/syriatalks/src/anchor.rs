//! Where a loosely dated record lies, given what the data says it belongs to: a record dated
//! "2017" that happened `during` Geneva IV lies within Geneva IV's days, one `after` an event is
//! not earlier than that event. This module narrows every record's days by its anchors (in an
//! order in which each anchor is narrowed first), bounds each round's open end by what the data
//! knows, and reports anchors that contradict a stated date, name nothing dated, or loop.
//!
//! Linear in the records (plus a sort of the rounds of each process).

use chrono::{Days, NaiveDate};

use crate::dataset::{Dataset, IdIndex};
use crate::date::{DateRange, DateValue};
use crate::load::kind_slot;
use crate::model::{RecordKind, RoundStatus};

/// The days every record may cover once its anchors are applied, and the days each round was
/// certainly in session.
#[derive(Debug, Clone, Default)]
pub(crate) struct Bounds {
    /// Per type slot, per record: the days it may cover (its date narrowed by its anchors; for a
    /// round, its open end bounded). `None` for undated records.
    pub outer: [Vec<Option<DateRange>>; 9],
    /// Per type slot, per record: the length of its longest chain of `during` and `after` anchors
    /// (0 without any), so that a record sorts after what it follows when both start the same day.
    pub depth: [Vec<u32>; 9],
    /// Per round: the days on which the data says it was certainly in session (from the latest
    /// day it may have begun to the earliest day it may have ended, given its dates and the
    /// records anchored during it), when that is not empty.
    pub certain: Vec<Option<DateRange>>,
}

/// An anchor the data cannot honour.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct AnchorProblem {
    /// The record whose anchor it is.
    pub at: (RecordKind, usize),
    /// The field (`date.during`, `as_of.after`…).
    pub field: String,
    /// What is wrong, naming both records.
    pub message: String,
}

/// Which way an anchor narrows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Relation {
    During,
    After,
    Before,
}

impl Relation {
    fn word(self) -> &'static str {
        match self {
            Relation::During => "during",
            Relation::After => "after",
            Relation::Before => "before",
        }
    }
}

/// The anchors of a date, as (relation, id).
fn anchors_of(d: &DateValue) -> impl Iterator<Item = (Relation, &str)> {
    [
        (Relation::During, d.during.as_deref()),
        (Relation::After, d.after.as_deref()),
        (Relation::Before, d.before.as_deref()),
    ]
    .into_iter()
    .filter_map(|(r, id)| Some((r, id?)))
}

/// The field holding a record type's main date, where anchors are read.
pub(crate) fn main_date_field(kind: RecordKind, has_as_of: bool) -> &'static str {
    match kind {
        RecordKind::Source => "published",
        RecordKind::Round => "period.start",
        RecordKind::Event | RecordKind::Instrument => "date",
        RecordKind::Quote => "said",
        RecordKind::Figure if !has_as_of => "period.start",
        _ => "as_of",
    }
}

fn day_before(d: NaiveDate) -> NaiveDate {
    d.checked_sub_days(Days::new(1)).unwrap_or(d)
}

fn show(r: &DateRange) -> String {
    if r.first == r.last {
        r.first.to_string()
    } else if r.last == NaiveDate::MAX {
        format!("{} onwards", r.first)
    } else {
        format!("{} to {}", r.first, r.last)
    }
}

/// Narrows every record's days by its anchors and bounds the rounds' open ends. `index` maps ids
/// to records (the loader's, before the dataset holds it).
pub(crate) fn resolve(ds: &Dataset, index: &IdIndex) -> (Bounds, Vec<AnchorProblem>) {
    let mut base = [0usize; 9];
    let mut total = 0;
    for (k, n) in ds.counts() {
        base[kind_slot(k)] = total;
        total += n;
    }
    let mut node_of: Vec<(RecordKind, usize)> = Vec::with_capacity(total);
    for k in RecordKind::ALL {
        node_of.extend((0..ds.count(*k)).map(|i| (*k, i)));
    }
    let node = |k: RecordKind, i: usize| base[kind_slot(k)] + i;
    let record = |n: usize| {
        let (k, i) = node_of[n];
        ds.at(k, i)
    };

    // A round without a stated end is bounded by the next held round of its process, or by a
    // round that says it follows it: one cannot still sit when the next has begun.
    let mut open_end: Vec<Option<NaiveDate>> = vec![None; ds.rounds.len()];
    {
        let mut by_process: crate::dataset::FastMap<&str, Vec<(NaiveDate, usize)>> =
            Default::default();
        for (i, r) in ds.rounds.iter().enumerate() {
            if let Some(p) = &r.period {
                if r.status == RoundStatus::Held {
                    by_process
                        .entry(r.process.as_str())
                        .or_default()
                        .push((p.start.value.first_day(), i));
                }
            }
        }
        for starts in by_process.values_mut() {
            starts.sort_unstable();
        }
        for (i, r) in ds.rounds.iter().enumerate() {
            let Some(p) = &r.period else { continue };
            if p.end.is_some() {
                continue;
            }
            let start = p.start.value.first_day();
            let next = by_process.get(r.process.as_str()).and_then(|v| {
                let at = v.partition_point(|(d, _)| *d <= start);
                v.get(at).map(|(d, _)| *d)
            });
            let follower = ds
                .rounds
                .iter()
                .filter(|f| f.follows.as_deref() == Some(r.id.as_str()))
                .filter_map(|f| f.period.as_ref())
                .map(|f| f.start.value.first_day())
                .filter(|d| *d > start)
                .min();
            open_end[i] = [next, follower].into_iter().flatten().min().map(day_before);
        }
    }

    // The days a record states, before anchors; a round without an end runs to its bound, or
    // (without one) is open, so that records anchored during it may lie after its first day.
    let stated = |n: usize| -> Option<DateRange> {
        let (k, i) = node_of[n];
        if k == RecordKind::Round {
            let p = ds.rounds[i].period.as_ref()?;
            let first = p.start.value.first_day();
            let last = match &p.end {
                Some(e) => e.value.last_day(),
                None => open_end[i].unwrap_or(NaiveDate::MAX),
            };
            return Some(DateRange { first, last });
        }
        record(n)?.when()
    };

    let edges = |n: usize| -> Vec<(Relation, &str, Option<usize>)> {
        record(n)
            .and_then(|r| r.date())
            .map(|d| {
                anchors_of(d)
                    .map(|(rel, id)| (rel, id, index.get(id).map(|(k, i)| node(*k, *i))))
                    .collect()
            })
            .unwrap_or_default()
    };

    let mut outer: Vec<Option<DateRange>> = vec![None; total];
    let mut depth: Vec<u32> = vec![0; total];
    let mut problems = Vec::new();
    // 0 = not reached, 1 = on the path, 2 = done. Iterative, so a long chain cannot overflow.
    let mut state = vec![0u8; total];
    for start in 0..total {
        if state[start] != 0 {
            continue;
        }
        let mut stack: Vec<(usize, usize)> = vec![(start, 0)];
        state[start] = 1;
        while let Some(&(n, next_edge)) = stack.last() {
            let es = edges(n);
            if let Some(&(rel, _, target)) = es.get(next_edge) {
                if let Some(top) = stack.last_mut() {
                    top.1 += 1;
                }
                // A record anchored to itself is reported where its date is checked.
                if let Some(t) = target.filter(|t| *t != n) {
                    match state[t] {
                        0 => {
                            state[t] = 1;
                            stack.push((t, 0));
                        }
                        1 => {
                            let from = stack.iter().position(|(m, _)| *m == t).unwrap_or(0);
                            let mut chain: Vec<&str> = stack[from..]
                                .iter()
                                .filter_map(|(m, _)| record(*m).map(|r| r.id()))
                                .collect();
                            chain.push(record(t).map_or("?", |r| r.id()));
                            let (k, i) = node_of[n];
                            let has_as_of =
                                matches!(k, RecordKind::Figure) && ds.figures[i].as_of.is_some();
                            problems.push(AnchorProblem {
                                at: node_of[n],
                                field: format!("{}.{}", main_date_field(k, has_as_of), rel.word()),
                                message: format!(
                                    "the date is anchored to itself through {}",
                                    chain.join(" → ")
                                ),
                            });
                        }
                        _ => {}
                    }
                }
                continue;
            }
            // Every anchor of `n` is resolved: narrow its days.
            stack.pop();
            state[n] = 2;
            let Some(mut days) = stated(n) else {
                continue;
            };
            let (k, i) = node_of[n];
            let has_as_of = matches!(k, RecordKind::Figure) && ds.figures[i].as_of.is_some();
            let field = main_date_field(k, has_as_of);
            for (rel, id, target) in es {
                let Some(t) = target.filter(|t| *t != n) else {
                    continue;
                };
                // A target on a loop has no bounds yet; the loop is reported.
                if state[t] != 2 {
                    continue;
                }
                let Some(to) = outer[t] else {
                    problems.push(AnchorProblem {
                        at: (k, i),
                        field: format!("{field}.{}", rel.word()),
                        message: format!("`{id}` has no date to anchor on"),
                    });
                    continue;
                };
                // Only what a record follows orders it after another; `before` bounds it only.
                if rel != Relation::Before {
                    depth[n] = depth[n].max(depth[t] + 1);
                }
                let narrowed = match rel {
                    Relation::During => DateRange {
                        first: days.first.max(to.first),
                        last: days.last.min(to.last),
                    },
                    Relation::After => DateRange {
                        first: days.first.max(to.first),
                        last: days.last,
                    },
                    Relation::Before => DateRange {
                        first: days.first,
                        last: days.last.min(to.last),
                    },
                };
                if narrowed.first > narrowed.last {
                    let own = record(n).map_or("?", |r| r.id());
                    problems.push(AnchorProblem {
                        at: (k, i),
                        field: format!("{field}.{}", rel.word()),
                        message: format!(
                            "`{own}` ({}) cannot be {} `{id}` ({}): no day satisfies both",
                            show(&days),
                            rel.word(),
                            show(&to)
                        ),
                    });
                } else {
                    days = narrowed;
                }
            }
            outer[n] = Some(days);
        }
    }

    // Rounds: certainly in session from the latest day it may have begun to the earliest day it
    // may have ended. It began by its start's last day, by its own last possible day, and by the
    // last possible day of every record anchored during it; it ended no earlier than its stated
    // end's first day and the first possible day of every record anchored during it. An open
    // round without a bound ends, as far as the data knows, with what is certain.
    let round_slot = kind_slot(RecordKind::Round);
    let mut members: Vec<Option<(NaiveDate, NaiveDate)>> = vec![None; ds.rounds.len()];
    for (n, days) in outer.iter().enumerate() {
        let Some(d) = record(n).and_then(|r| r.date()) else {
            continue;
        };
        let Some(id) = d.during.as_deref() else {
            continue;
        };
        if let (Some((RecordKind::Round, ri)), Some(days)) = (index.get(id), *days) {
            let m = &mut members[*ri];
            *m = Some(match *m {
                None => (days.last, days.first),
                Some((began_by, until)) => (began_by.min(days.last), until.max(days.first)),
            });
        }
    }
    let mut certain = vec![None; ds.rounds.len()];
    for (i, r) in ds.rounds.iter().enumerate() {
        let Some(p) = &r.period else { continue };
        let n = base[round_slot] + i;
        let until = [
            p.end.as_ref().map(|e| e.value.first_day()),
            members[i].map(|m| m.1),
        ]
        .into_iter()
        .flatten()
        .max();
        if let Some(days) = &mut outer[n] {
            if days.last == NaiveDate::MAX {
                days.last = p.start.value.last_day().max(until.unwrap_or(days.first));
            }
        }
        let began_by = [
            Some(p.start.value.last_day()),
            outer[n].map(|d| d.last),
            members[i].map(|m| m.0),
        ]
        .into_iter()
        .flatten()
        .min();
        if let (Some(from), Some(until)) = (began_by, until) {
            if from <= until {
                certain[i] = Some(DateRange {
                    first: from,
                    last: until,
                });
            }
        }
    }

    let mut bounds = Bounds {
        certain,
        ..Bounds::default()
    };
    for k in RecordKind::ALL {
        let slot = kind_slot(*k);
        let range = base[slot]..base[slot] + ds.count(*k);
        bounds.outer[slot] = outer[range.clone()].to_vec();
        bounds.depth[slot] = depth[range].to_vec();
    }
    (bounds, problems)
}

impl Dataset {
    /// The days on which the data says a round was certainly in session: from the latest day it
    /// may have begun to the earliest day it may have ended (see [`Dataset::sessions_on`]);
    /// `None` when no day is certain (or the round is not in this dataset).
    pub fn certain_days(&self, round: &crate::model::Round) -> Option<DateRange> {
        match self.locate(&round.id) {
            Some((RecordKind::Round, i)) => self.indexes().bounds.certain.get(i).copied().flatten(),
            _ => None,
        }
    }

    /// The days a record may cover once its anchors are applied: its own dates narrowed by what it
    /// happened `during`, `after` or `before`, and for a round without a stated end, up to the
    /// next known bound (see `docs/DATA.md`, "Anchors"). `None` for an undated record.
    ///
    /// ```
    /// let ds = syriatalks::embedded();
    /// let r = ds.get("a000-ev-same-table").unwrap();
    /// let days = ds.days(r).unwrap();
    /// assert_eq!(days.first.to_string(), "2017-02-23", "it happened at Geneva IV, not in January");
    /// ```
    pub fn days(&self, r: crate::model::RecordRef<'_>) -> Option<DateRange> {
        // A record borrowed from this dataset is found by its address; any other by its id.
        let at = self.position_of(r).or_else(|| self.locate(r.id()));
        match at {
            Some((k, i)) if k == r.kind() => self.indexes().bounds.outer[kind_slot(k)]
                .get(i)
                .copied()
                .flatten(),
            _ => r.when(),
        }
    }
}
