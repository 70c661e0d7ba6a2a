//! One validation pass over a parsed dataset that reports every problem, not just the first:
//! seeds against the manifest, ids, references, evidence quotes (placed, never typed), dates and
//! their derivations, figures against the words they cite.

use std::collections::{HashMap, HashSet};

use crate::dataset::Dataset;
use crate::date::{Basis, DateValue, PartialDate};
use crate::error::{Problem, ProblemKind};
use crate::evidence::{ByteSpan, Evidence, Placement};
use crate::load::{kind_slot, Origins, Seed};
use crate::model::*;
use crate::numbers::spelled_value;
use crate::place::{near_misses, occurring, Lookup, Placements, Requests};
use crate::read::Manifest;

/// Whether an id is a lowercase slug: `a-z`, `0-9`, single hyphens between words.
pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.split('-').all(|w| {
            !w.is_empty()
                && w.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

/// Record id → (type, index in type).
type Index = crate::dataset::IdIndex;

struct Ctx<'a> {
    index: &'a Index,
    origins: &'a Origins,
    /// Source texts by source index; `None` where the seed is missing or unreadable (a problem
    /// says so once, so quotes citing it are not reported again).
    texts: &'a [Option<String>],
    /// Seed file names by source index, for messages.
    files: &'a [String],
    /// The main date of every record, by type slot and index: what a derivation anchors on.
    anchors: &'a [Vec<Option<PartialDate>>; 9],
    placements: &'a Placements,
    /// Aliases that occur in no source (normally none).
    absent_aliases: &'a HashSet<String>,
    /// Ids of records that did not parse: a reference to one is not reported again, its own
    /// problem being the root cause.
    unparsed: &'a HashSet<String>,
    /// The record being checked, for the file and line of its problems.
    at: (RecordKind, usize),
    /// Per source, whether its text has Windows line endings, once looked at.
    crlf: Vec<Option<bool>>,
    /// Per figure, whether it has an `as_of` (then that, not its period's start, is its main date).
    figure_has_as_of: Vec<bool>,
    /// Quotes not found verbatim, as (source index, quote, index of their problem), for near-miss
    /// hints computed afterwards in one pass per source.
    misses: Vec<(usize, String, usize)>,
    /// Ids that no record has, as (index of the one problem reporting them, further references):
    /// a missing record is one root cause, however many records point at it.
    unknown: std::collections::HashMap<String, (usize, usize)>,
    problems: &'a mut Vec<Problem>,
}

impl Ctx<'_> {
    fn problem(&mut self, kind: ProblemKind, record: &str, field: &str, message: String) {
        let origin = self.origins.of(self.at.0, self.at.1);
        self.problems.push(Problem {
            kind,
            file: origin.map(|o| o.0.to_string()),
            line: origin.map(|o| o.1),
            record: Some(record.to_string()),
            field: (!field.is_empty()).then(|| field.to_string()),
            message,
        });
    }

    fn reference(&mut self, record: &str, field: &str, id: &str, expected: RecordKind) {
        if self.unparsed.contains(id) {
            return;
        }
        match self.index.get(id) {
            Some((k, _)) if *k == expected => {}
            Some((k, _)) => {
                let k = *k;
                self.problem(
                    ProblemKind::UnknownReference,
                    record,
                    field,
                    format!("`{id}` is a {k} record; this field takes a record of type {expected}"),
                )
            }
            None => self.unknown_id(
                record,
                field,
                id,
                format!("no record of type {expected} has id `{id}`"),
            ),
        }
    }

    /// Reports an id that no record has, the first time only; later references are counted.
    fn unknown_id(&mut self, record: &str, field: &str, id: &str, message: String) {
        if let Some(seen) = self.unknown.get_mut(id) {
            seen.1 += 1;
            return;
        }
        self.unknown
            .insert(id.to_string(), (self.problems.len(), 0));
        self.problem(ProblemKind::UnknownReference, record, field, message);
    }

    fn references<'s>(
        &mut self,
        record: &str,
        field: &str,
        ids: impl IntoIterator<Item = &'s String>,
        expected: RecordKind,
    ) {
        for (i, id) in ids.into_iter().enumerate() {
            if !matches!(self.index.get(id.as_str()), Some((k, _)) if *k == expected)
                && !self.unparsed.contains(id)
            {
                self.reference(record, &format!("{field}[{i}]"), id, expected);
            }
        }
    }

    fn optional_reference(
        &mut self,
        record: &str,
        field: &str,
        id: &Option<String>,
        expected: RecordKind,
    ) {
        if let Some(id) = id {
            self.reference(record, field, id, expected);
        }
    }

    /// Whether a source's text has Windows line endings (looked at once per source).
    fn has_crlf(&mut self, src: usize) -> bool {
        *self.crlf[src].get_or_insert_with(|| {
            self.texts[src]
                .as_deref()
                .is_some_and(|t| memchr::memmem::find(t.as_bytes(), b"\r\n").is_some())
        })
    }

    /// The index of a source id, if it names a source.
    fn source_index(&self, id: &str) -> Option<usize> {
        match self.index.get(id) {
            Some((RecordKind::Source, i)) => Some(*i),
            _ => None,
        }
    }

    /// Places one quote in its source text, explaining why not. `field` is built only for a
    /// problem, so that the common case allocates nothing.
    fn locate(
        &mut self,
        record: &str,
        field: &dyn Fn() -> String,
        source: &str,
        quote: &str,
        occurrence: Option<usize>,
    ) -> Option<ByteSpan> {
        let Some(src) = self.source_index(source) else {
            let f = format!("{}.source", field().trim_end_matches(".quote"));
            self.reference(record, &f, source, RecordKind::Source);
            return None;
        };
        // A seed that is missing or unreadable has been reported once already.
        let text = self.texts[src].as_deref()?;
        let file = &self.files[src];
        match self.placements.lookup(src, text, quote, occurrence) {
            Lookup::Placed(Ok(span)) => Some(span),
            Lookup::Placed(Err(Placement::Missing)) => {
                let why = if quote.is_empty() {
                    " (the quote is empty)"
                } else if quote.contains('\n') && self.has_crlf(src) {
                    " (the seed has Windows line endings, \\r\\n, and the quote spans a line break written \\n: convert the seed to \\n and rewrite its manifest, or quote within one line)"
                } else {
                    ""
                };
                let message =
                    format!("not found verbatim in source `{source}` ({file}){why}: {quote:?}");
                let at = self.problems.len();
                self.problem(ProblemKind::Misquote, record, &field(), message);
                if !quote.is_empty() {
                    self.misses.push((src, quote.to_string(), at));
                }
                None
            }
            Lookup::Placed(Err(Placement::Ambiguous(n))) => {
                self.problem(
                    ProblemKind::Misquote,
                    record,
                    &field(),
                    format!("occurs {n} times in source `{source}`: lengthen the quote or set `occurrence`"),
                );
                None
            }
            Lookup::Placed(Err(Placement::NoSuchOccurrence(n))) => {
                let f = format!("{}.occurrence", field().trim_end_matches(".quote"));
                let message = match occurrence {
                    Some(0) => "`occurrence` counts from 1".to_string(),
                    Some(k) => format!(
                        "`occurrence = {k}` asks for more than the {n} occurrence{} of the quote in source `{source}`",
                        if n == 1 { "" } else { "s" }
                    ),
                    None => format!("no such occurrence in source `{source}`"),
                };
                self.problem(ProblemKind::Misquote, record, &f, message);
                None
            }
            Lookup::OverBudget(n) => {
                self.problem(
                    ProblemKind::Misquote,
                    record,
                    &field(),
                    format!("the quotes citing source `{source}` match its text more than {n} times in all (many very short or repetitive quotes): lengthen them"),
                );
                None
            }
        }
    }

    fn evidence(&mut self, record: &str, field: &str, evidence: &mut [Evidence], required: bool) {
        if required && evidence.is_empty() {
            self.problem(
                ProblemKind::MissingEvidence,
                record,
                field,
                "needs at least one evidence quote".into(),
            );
        }
        for (i, ev) in evidence.iter_mut().enumerate() {
            ev.span = self.locate(
                record,
                &|| format!("{field}[{i}].quote"),
                &ev.source,
                &ev.quote,
                ev.occurrence,
            );
        }
    }

    /// Checks a date's basis, its derivation, and places its quote in one of `home` (source ids).
    fn date(&mut self, record: &str, field: &str, date: &mut DateValue, home: &[&str]) {
        self.anchors_of(record, field, date);
        match (date.basis, &date.derivation) {
            (Basis::Derived, None) => self.problem(
                ProblemKind::BadDate,
                record,
                field,
                "basis `derived` needs a `derivation`".into(),
            ),
            (Basis::Derived, Some(d)) => {
                let path = format!("{field}.derivation");
                let anchor = self
                    .index
                    .get(d.from.as_str())
                    .map(|(k, i)| self.anchors[kind_slot(*k)][*i]);
                match anchor {
                    Some(None) => self.problem(
                        ProblemKind::BadDate,
                        record,
                        &format!("{path}.from"),
                        format!("`{}` has no date to derive from", d.from),
                    ),
                    None => self.unknown_id(
                        record,
                        &format!("{path}.from"),
                        &d.from,
                        format!("no record has id `{}`", d.from),
                    ),
                    Some(Some(anchor)) => match d.apply(anchor) {
                        Err(why) => self.problem(ProblemKind::WrongDerivation, record, &path, why),
                        Ok(computed) if computed != date.value => {
                            let message = format!(
                                "derivation from `{}` ({anchor}) gives {computed}, but the value is {}",
                                d.from, date.value
                            );
                            self.problem(ProblemKind::WrongDerivation, record, field, message)
                        }
                        Ok(_) => {}
                    },
                }
            }
            (basis, Some(_)) => self.problem(
                ProblemKind::BadDate,
                record,
                field,
                format!("a `derivation` is given but the basis is `{basis}`"),
            ),
            (Basis::External, None) if date.reference.is_none() => self.problem(
                ProblemKind::BadDate,
                record,
                field,
                "basis `external` needs a `reference`".into(),
            ),
            (Basis::Inferred, None) if date.note.is_none() => self.problem(
                ProblemKind::BadDate,
                record,
                field,
                "basis `inferred` needs a `note` saying how".into(),
            ),
            _ => {}
        }
        if date.basis == Basis::Stated && date.quote.is_none() {
            self.problem(
                ProblemKind::BadDate,
                record,
                field,
                "basis `stated` needs the `quote` that states it".into(),
            );
        }
        date.cited = None;
        if let Some(quote) = &date.quote {
            let mut checked = false;
            let mut found = None;
            for src in home {
                let Some(i) = self.source_index(src) else {
                    continue;
                };
                let Some(text) = self.texts[i].as_deref() else {
                    continue;
                };
                checked = true;
                if let Lookup::Placed(Ok(span)) = self.placements.lookup(i, text, quote, None) {
                    found = Some(Evidence {
                        source: src.to_string(),
                        quote: quote.clone(),
                        occurrence: None,
                        span: Some(span),
                    });
                    break;
                }
            }
            match found {
                Some(ev) => date.cited = Some(ev),
                // Unknown or unreadable sources are reported once, where they are cited.
                None if !checked && !home.is_empty() => {}
                None => {
                    let message = format!(
                        "not found exactly once in the record's sources ({}): {quote:?}",
                        home.join(", ")
                    );
                    self.problem(
                        ProblemKind::Misquote,
                        record,
                        &format!("{field}.quote"),
                        message,
                    )
                }
            }
        }
    }

    /// Checks that a date's anchors name records, and that they sit on the record's main date.
    fn anchors_of(&mut self, record: &str, field: &str, date: &DateValue) {
        let (kind, i) = self.at;
        let has_as_of = kind == RecordKind::Figure && self.figure_has_as_of.get(i) == Some(&true);
        let main = crate::anchor::main_date_field(kind, has_as_of);
        for (word, id) in [
            ("during", &date.during),
            ("after", &date.after),
            ("before", &date.before),
        ] {
            let Some(id) = id else { continue };
            let f = format!("{field}.{word}");
            if field != main {
                self.problem(
                    ProblemKind::BadDate,
                    record,
                    &f,
                    format!("anchors are read on the record's main date only (`{main}` for {kind} records)"),
                );
            } else if id == record {
                self.problem(
                    ProblemKind::BadDate,
                    record,
                    &f,
                    "a record cannot be anchored to itself".into(),
                );
            } else if self.index.get(id.as_str()).is_none() && !self.unparsed.contains(id) {
                self.problem(
                    ProblemKind::UnknownReference,
                    record,
                    &f,
                    format!("no record has id `{id}`"),
                );
            }
        }
    }

    /// Checks a start date, an optional end date, and that the end does not come before the start.
    fn span(
        &mut self,
        record: &str,
        (start_field, start): (&str, &mut DateValue),
        (end_field, end): (&str, Option<&mut DateValue>),
        home: &[&str],
    ) {
        self.date(record, start_field, start, home);
        if let Some(end) = end {
            self.date(record, end_field, end, home);
            if end.value.last_day() < start.value.first_day() {
                let message = format!("ends {} before it starts {}", end.value, start.value);
                self.problem(ProblemKind::EndBeforeStart, record, end_field, message);
            }
        }
    }

    fn needs_support(&mut self, record: &str, evidence: &[Evidence], external: usize) {
        if evidence.is_empty() && external == 0 {
            self.problem(
                ProblemKind::MissingEvidence,
                record,
                "evidence",
                "needs an evidence quote or an external reference".into(),
            );
        }
    }

    fn aliases(&mut self, record: &str, aliases: &[String]) {
        for (i, alias) in aliases.iter().enumerate() {
            if self.absent_aliases.contains(alias) {
                self.problem(
                    ProblemKind::BadValue,
                    record,
                    &format!("aliases[{i}]"),
                    format!("alias {alias:?} occurs in no source: aliases are the corpus's own surface forms"),
                );
            }
        }
    }
}

/// The distinct sources of some evidence, in order (the sources a date's quote may come from).
fn home(evidence: &[Evidence]) -> Vec<&str> {
    let mut v: Vec<&str> = Vec::with_capacity(evidence.len());
    for e in evidence {
        if !v.contains(&e.source.as_str()) {
            v.push(&e.source);
        }
    }
    v
}

/// Checks the seeds against the manifest, and gives each source its text and checksum. Returns the
/// texts by source index (taken out of the sources while validation runs, so that the records can
/// be changed while the texts are read; [`validate`] puts them back).
fn check_seeds(
    ds: &mut Dataset,
    seeds: &mut HashMap<String, Seed>,
    (unlisted, unreadable): (&[String], &HashSet<String>),
    manifest: Option<&Manifest>,
    problems: &mut Vec<Problem>,
    origins: &Origins,
) -> Vec<Option<String>> {
    let file_problem = |kind, file: &str, message| Problem {
        kind,
        file: Some(format!("seeds/{file}")),
        line: None,
        record: None,
        field: None,
        message,
    };
    if let Some(manifest) = manifest {
        let mut listed: HashMap<&str, usize> = HashMap::new();
        for entry in &manifest.seed {
            *listed.entry(entry.file.as_str()).or_default() += 1;
            match seeds.get(&entry.file) {
                None if unreadable.contains(&entry.file) => {}
                None => problems.push(file_problem(
                    ProblemKind::Manifest,
                    &entry.file,
                    "listed in the manifest but not in seeds/".into(),
                )),
                Some(seed) => {
                    if seed.sha256 != entry.sha256.to_ascii_lowercase() {
                        problems.push(file_problem(
                            ProblemKind::Checksum,
                            &entry.file,
                            format!(
                                "sha256 is {}, the manifest says {}",
                                seed.sha256, entry.sha256
                            ),
                        ));
                    }
                    if seed.bytes != entry.bytes {
                        problems.push(file_problem(
                            ProblemKind::Checksum,
                            &entry.file,
                            format!("{} bytes, the manifest says {}", seed.bytes, entry.bytes),
                        ));
                    }
                }
            }
        }
        let mut repeated: Vec<(&str, usize)> = listed.into_iter().filter(|(_, n)| *n > 1).collect();
        repeated.sort();
        for (name, n) in repeated {
            problems.push(file_problem(
                ProblemKind::Manifest,
                name,
                format!("listed {n} times in the manifest"),
            ));
        }
    }
    for name in unlisted {
        problems.push(file_problem(
            ProblemKind::Manifest,
            name,
            "not listed in the manifest (`syriatalks manifest DIR` lists every seed); unlisted files are not read"
                .into(),
        ));
    }
    let mut texts = Vec::with_capacity(ds.sources.len());
    for (i, source) in ds.sources.iter_mut().enumerate() {
        let mut text = None;
        match seeds.get_mut(&source.file) {
            // Without a manifest no seed is read; the missing manifest is the one problem.
            None if manifest.is_none() => {}
            None => {
                let origin = origins.of(RecordKind::Source, i);
                let listed = manifest.is_some_and(|m| m.seed.iter().any(|e| e.file == source.file));
                let why = if unlisted.contains(&source.file) {
                    format!("seed file `{}` is not listed in the manifest", source.file)
                } else if listed {
                    format!("seed file `{}` could not be read", source.file)
                } else {
                    format!("no seed file `{}` in seeds/", source.file)
                };
                // A listed seed that could not be read has its own problem already.
                if !listed {
                    problems.push(Problem {
                        kind: ProblemKind::Manifest,
                        file: origin.map(|o| o.0.to_string()),
                        line: origin.map(|o| o.1),
                        record: Some(source.id.clone()),
                        field: Some("file".into()),
                        message: why,
                    });
                }
            }
            Some(seed) => {
                source.sha256 = seed.sha256.clone();
                // Several sources may share a file; the first takes the text, the others copy it.
                text = seed.text.clone();
            }
        }
        texts.push(text);
    }
    texts
}

/// The longest title, outlet, author or address a source may have, in bytes. The flat tables
/// (CSV, pandas) write a source's title, outlet and address on the row of every record that cites
/// it, so without a bound one long title times many citing records would make an export grow with
/// their product; real headlines and addresses are a few hundred bytes.
pub const MAX_SOURCE_FIELD_BYTES: usize = 2048;

fn check_source(source: &mut Source, ctx: &mut Ctx) {
    let id = source.id.clone();
    let own = [id.as_str()];
    let fields = [
        ("title", Some(source.title.value.as_str())),
        ("outlet", source.outlet.as_ref().map(|a| a.value.as_str())),
        ("author", source.author.as_ref().map(|a| a.value.as_str())),
        ("url", source.url.as_deref()),
    ];
    for (field, value) in fields {
        if let Some(v) = value.filter(|v| v.len() > MAX_SOURCE_FIELD_BYTES) {
            ctx.problem(
                ProblemKind::BadValue,
                &id,
                field,
                format!(
                    "{} bytes, over the limit of {MAX_SOURCE_FIELD_BYTES} bytes for a source's \
                     title, outlet, author or url",
                    v.len()
                ),
            );
        }
    }
    for (field, attested) in [
        ("title", Some(&mut source.title)),
        ("outlet", source.outlet.as_mut()),
        ("author", source.author.as_mut()),
    ] {
        let Some(a) = attested else { continue };
        a.cited = None;
        match a.basis {
            Basis::Stated => {
                let quote = a.quote.clone().unwrap_or_else(|| a.value.clone());
                if let Some(span) =
                    ctx.locate(&id, &|| format!("{field}.quote"), &id, &quote, a.occurrence)
                {
                    a.cited = Some(Evidence {
                        source: id.clone(),
                        quote,
                        occurrence: a.occurrence,
                        span: Some(span),
                    });
                }
            }
            Basis::Derived => ctx.problem(
                ProblemKind::BadValue,
                &id,
                field,
                "basis `derived` applies to dates only".into(),
            ),
            Basis::Inferred | Basis::External if a.note.is_none() => ctx.problem(
                ProblemKind::BadValue,
                &id,
                field,
                format!("basis `{}` needs a `note` saying how", a.basis),
            ),
            _ => {
                if let Some(quote) = a.quote.clone() {
                    if let Some(span) =
                        ctx.locate(&id, &|| format!("{field}.quote"), &id, &quote, a.occurrence)
                    {
                        a.cited = Some(Evidence {
                            source: id.clone(),
                            quote,
                            occurrence: a.occurrence,
                            span: Some(span),
                        });
                    }
                }
            }
        }
    }
    if let Some(d) = source.published.as_mut() {
        ctx.date(&id, "published", d, &own);
    }
}

fn check_actor(a: &mut Actor, ctx: &mut Ctx) {
    let id = a.id.clone();
    ctx.needs_support(&id, &a.evidence, a.external.len());
    ctx.evidence(&id, "evidence", &mut a.evidence, false);
    ctx.aliases(&id, &a.aliases);
    for (i, role) in a.roles.iter_mut().enumerate() {
        let f = format!("roles[{i}]");
        ctx.evidence(&id, &format!("{f}.evidence"), &mut role.evidence, true);
        ctx.optional_reference(&id, &format!("{f}.of"), &role.of, RecordKind::Actor);
        ctx.optional_reference(&id, &format!("{f}.round"), &role.round, RecordKind::Round);
        let h = home(&role.evidence);
        if let Some(d) = role.as_of.as_mut() {
            ctx.date(&id, &format!("{f}.as_of"), d, &h);
        }
    }
    for (i, m) in a.member_of.iter_mut().enumerate() {
        let f = format!("member_of[{i}]");
        ctx.evidence(&id, &format!("{f}.evidence"), &mut m.evidence, true);
        ctx.reference(&id, &format!("{f}.actor"), &m.actor, RecordKind::Actor);
    }
    let iso = crate::ident::iso_problems(
        a.iso_alpha2.as_deref(),
        a.iso_alpha3.as_deref(),
        a.kind == ActorKind::State,
        a.kind.as_str(),
    );
    for (field, message) in iso {
        ctx.problem(ProblemKind::BadValue, &id, field, message);
    }
}

fn check_place(p: &mut Place, ctx: &mut Ctx) {
    let id = p.id.clone();
    ctx.needs_support(&id, &p.evidence, p.external.len());
    ctx.evidence(&id, "evidence", &mut p.evidence, false);
    ctx.aliases(&id, &p.aliases);
    ctx.optional_reference(&id, "within", &p.within, RecordKind::Place);
    let mut found = crate::ident::iso_problems(
        p.iso_alpha2.as_deref(),
        p.iso_alpha3.as_deref(),
        p.kind == PlaceKind::Country,
        p.kind.as_str(),
    );
    found.extend(crate::ident::location_problems(
        p.latitude,
        p.longitude,
        p.location_precision,
        p.geonames_id,
    ));
    for (field, message) in found {
        ctx.problem(ProblemKind::BadValue, &id, field, message);
    }
}

fn check_round(r: &mut Round, ctx: &mut Ctx) {
    let id = r.id.clone();
    ctx.needs_support(&id, &r.evidence, r.external.len());
    ctx.evidence(&id, "evidence", &mut r.evidence, false);
    ctx.references(&id, "places", &r.places, RecordKind::Place);
    ctx.references(&id, "mediators", &r.mediators, RecordKind::Actor);
    ctx.references(&id, "instruments", &r.instruments, RecordKind::Instrument);
    ctx.optional_reference(&id, "follows", &r.follows, RecordKind::Round);
    for (i, d) in r.delegations.iter_mut().enumerate() {
        let f = format!("delegations[{i}]");
        ctx.evidence(&id, &format!("{f}.evidence"), &mut d.evidence, true);
        ctx.reference(&id, &format!("{f}.party"), &d.party, RecordKind::Actor);
        ctx.optional_reference(&id, &format!("{f}.head"), &d.head, RecordKind::Actor);
        ctx.references(&id, &format!("{f}.members"), &d.members, RecordKind::Actor);
    }
    for (i, a) in r.agenda.iter_mut().enumerate() {
        let f = format!("agenda[{i}]");
        ctx.evidence(&id, &format!("{f}.evidence"), &mut a.evidence, true);
        ctx.optional_reference(
            &id,
            &format!("{f}.proposed_by"),
            &a.proposed_by,
            RecordKind::Actor,
        );
    }
    let h = home(&r.evidence);
    if let Some(p) = r.period.as_mut() {
        ctx.span(
            &id,
            ("period.start", &mut p.start),
            ("period.end", p.end.as_mut()),
            &h,
        );
    }
}

fn check_event(e: &mut Event, ctx: &mut Ctx) {
    let id = e.id.clone();
    ctx.needs_support(&id, &e.evidence, e.external.len());
    ctx.evidence(&id, "evidence", &mut e.evidence, false);
    for (i, p) in e.actors.iter().enumerate() {
        ctx.reference(
            &id,
            &format!("actors[{i}].actor"),
            &p.actor,
            RecordKind::Actor,
        );
    }
    ctx.references(&id, "places", &e.places, RecordKind::Place);
    ctx.references(&id, "instruments", &e.instruments, RecordKind::Instrument);
    ctx.optional_reference(&id, "round", &e.round, RecordKind::Round);
    let h = home(&e.evidence);
    ctx.span(&id, ("date", &mut e.date), ("until", e.until.as_mut()), &h);
    let row = crate::ident::crosswalk(e.kind);
    (e.plover, e.cameo_root) = (row.plover, row.cameo);
}

fn check_figure(f: &mut Figure, ctx: &mut Ctx) {
    let id = f.id.clone();
    ctx.needs_support(&id, &f.evidence, f.external.len());
    ctx.evidence(&id, "evidence", &mut f.evidence, false);
    ctx.optional_reference(&id, "place", &f.place, RecordKind::Place);
    ctx.optional_reference(&id, "round", &f.round, RecordKind::Round);
    ctx.references(&id, "claimed_by", &f.claimed_by, RecordKind::Actor);
    let h = home(&f.evidence);
    if let Some(p) = f.period.as_mut() {
        ctx.span(
            &id,
            ("period.start", &mut p.start),
            ("period.end", p.end.as_mut()),
            &h,
        );
    }
    if let Some(d) = f.as_of.as_mut() {
        ctx.date(&id, "as_of", d, &h);
    }
    let crate::ident::Bounds { low, best, high } = crate::ident::bounds(f.qualifier, f.value);
    (f.low, f.best, f.high) = (low, best, high);
    // The bounds come from the number's words: say where they are, so each bound can be cited.
    f.number_evidence = f
        .evidence
        .iter()
        .position(|e| e.quote.contains(f.text.as_str()));
    f.number_span = f.number_evidence.and_then(|i| {
        let e = &f.evidence[i];
        let at = e.quote.find(f.text.as_str())?;
        e.span.map(|s| ByteSpan {
            start: s.start + at,
            end: s.start + at + f.text.len(),
        })
    });
    if !f.evidence.is_empty() && f.number_evidence.is_none() {
        ctx.problem(
            ProblemKind::BadValue,
            &id,
            "text",
            format!("{:?} occurs in none of the evidence quotes", f.text),
        );
    }
    match spelled_value(&f.text) {
        Some(v) if v == f.value => {}
        Some(v) => ctx.problem(ProblemKind::BadValue, &id, "value", format!("{} is written {:?}, which reads {v}", f.value, f.text)),
        None => ctx.problem(
            ProblemKind::BadValue,
            &id,
            "text",
            format!("{:?} is not a number this loader can read back (digits, a number word, an ordinal, `N million`)", f.text),
        ),
    }
}

fn check_quote(q: &mut Quote, ctx: &mut Ctx) {
    let id = q.id.clone();
    if q.evidence.is_empty() {
        ctx.problem(
            ProblemKind::MissingEvidence,
            &id,
            "evidence",
            "a quote needs the evidence that attributes it".into(),
        );
    }
    ctx.evidence(&id, "evidence", &mut q.evidence, false);
    ctx.reference(&id, "speaker", &q.speaker, RecordKind::Actor);
    ctx.optional_reference(&id, "place", &q.place, RecordKind::Place);
    ctx.optional_reference(&id, "round", &q.round, RecordKind::Round);
    if q.text.is_empty() || !q.evidence.iter().any(|e| e.quote.contains(q.text.as_str())) {
        ctx.problem(
            ProblemKind::Misquote,
            &id,
            "text",
            "the quoted words must lie, verbatim, inside one of the evidence quotes".into(),
        );
    }
    let h = home(&q.evidence);
    if let Some(d) = q.said.as_mut() {
        ctx.date(&id, "said", d, &h);
    }
}

fn check_position(p: &mut Position, ctx: &mut Ctx) {
    let id = p.id.clone();
    ctx.needs_support(&id, &p.evidence, p.external.len());
    ctx.evidence(&id, "evidence", &mut p.evidence, false);
    ctx.reference(&id, "actor", &p.actor, RecordKind::Actor);
    ctx.optional_reference(&id, "round", &p.round, RecordKind::Round);
    ctx.references(&id, "instruments", &p.instruments, RecordKind::Instrument);
    let h = home(&p.evidence);
    if let Some(d) = p.as_of.as_mut() {
        ctx.date(&id, "as_of", d, &h);
    }
}

fn check_instrument(i: &mut Instrument, ctx: &mut Ctx) {
    let id = i.id.clone();
    ctx.needs_support(&id, &i.evidence, i.external.len());
    ctx.evidence(&id, "evidence", &mut i.evidence, false);
    ctx.aliases(&id, &i.aliases);
    ctx.references(&id, "authors", &i.authors, RecordKind::Actor);
    ctx.references(&id, "signatories", &i.signatories, RecordKind::Actor);
    ctx.references(&id, "absent", &i.absent, RecordKind::Actor);
    let h = home(&i.evidence);
    if let Some(d) = i.date.as_mut() {
        ctx.date(&id, "date", d, &h);
    }
}

/// What was read of the seeds: each seed read (by file name), the files present but not listed,
/// and the manifest.
pub(crate) struct SeedsRead<'a> {
    pub seeds: HashMap<String, Seed>,
    /// Listed seeds that could not be read (each has its problem already).
    pub unreadable: HashSet<String>,
    pub unlisted: &'a [String],
    pub manifest: Option<&'a Manifest>,
}

/// Collects every quote the checks will place, per source, so that each source is searched once.
fn requests<'a>(ds: &'a Dataset, index: &Index) -> Requests<'a> {
    let mut req = Requests::new(ds.sources.len());
    let src = |id: &str| match index.get(id) {
        Some((RecordKind::Source, i)) => Some(*i),
        _ => None,
    };
    let evidence = |req: &mut Requests<'a>, evidence: &'a [Evidence]| {
        for e in evidence {
            if let Some(i) = src(&e.source) {
                req.add(i, &e.quote, e.occurrence);
            }
        }
    };
    let date = |req: &mut Requests<'a>, d: Option<&'a DateValue>, home: &[Evidence]| {
        if let Some(q) = d.and_then(|d| d.quote.as_deref()) {
            for e in home {
                if let Some(i) = src(&e.source) {
                    req.add(i, q, None);
                }
            }
        }
    };
    for s in &ds.sources {
        // By id, as the checks look it up: a duplicated id (itself an error) names the first.
        let Some(i) = src(&s.id) else { continue };
        for a in [Some(&s.title), s.outlet.as_ref(), s.author.as_ref()]
            .into_iter()
            .flatten()
        {
            if a.basis == Basis::Stated {
                req.add(i, a.quote.as_deref().unwrap_or(&a.value), a.occurrence);
            } else if let Some(q) = &a.quote {
                req.add(i, q, a.occurrence);
            }
        }
        if let Some(q) = s.published.as_ref().and_then(|d| d.quote.as_deref()) {
            req.add(i, q, None);
        }
    }
    for a in &ds.actors {
        evidence(&mut req, &a.evidence);
        for r in &a.roles {
            evidence(&mut req, &r.evidence);
            date(&mut req, r.as_of.as_ref(), &r.evidence);
        }
        for m in &a.member_of {
            evidence(&mut req, &m.evidence);
        }
    }
    for p in &ds.places {
        evidence(&mut req, &p.evidence);
    }
    for r in &ds.rounds {
        evidence(&mut req, &r.evidence);
        for d in &r.delegations {
            evidence(&mut req, &d.evidence);
        }
        for a in &r.agenda {
            evidence(&mut req, &a.evidence);
        }
        if let Some(p) = &r.period {
            date(&mut req, Some(&p.start), &r.evidence);
            date(&mut req, p.end.as_ref(), &r.evidence);
        }
    }
    for e in &ds.events {
        evidence(&mut req, &e.evidence);
        date(&mut req, Some(&e.date), &e.evidence);
        date(&mut req, e.until.as_ref(), &e.evidence);
    }
    for f in &ds.figures {
        evidence(&mut req, &f.evidence);
        if let Some(p) = &f.period {
            date(&mut req, Some(&p.start), &f.evidence);
            date(&mut req, p.end.as_ref(), &f.evidence);
        }
        date(&mut req, f.as_of.as_ref(), &f.evidence);
    }
    for q in &ds.quotes {
        evidence(&mut req, &q.evidence);
        date(&mut req, q.said.as_ref(), &q.evidence);
    }
    for p in &ds.positions {
        evidence(&mut req, &p.evidence);
        date(&mut req, p.as_of.as_ref(), &p.evidence);
    }
    for i in &ds.instruments {
        evidence(&mut req, &i.evidence);
        date(&mut req, i.date.as_ref(), &i.evidence);
    }
    req
}

/// The field that holds a record type's main date (the one derivations anchor on).
fn main_date_field(kind: RecordKind) -> &'static str {
    match kind {
        RecordKind::Source => "published",
        RecordKind::Round => "period.start",
        RecordKind::Event | RecordKind::Instrument => "date",
        RecordKind::Quote => "said",
        _ => "as_of",
    }
}

/// Finds the cycles of a graph in which every node has at most one successor, each once, in the
/// order of their first node. Linear in the nodes.
fn cycles(next: &[Option<usize>]) -> Vec<Vec<usize>> {
    // 0 = unvisited, 1 = on the current path, 2 = done.
    let mut state = vec![0u8; next.len()];
    let mut out = Vec::new();
    for start in 0..next.len() {
        let mut path = Vec::new();
        let mut at = Some(start);
        while let Some(n) = at {
            match state[n] {
                0 => {
                    state[n] = 1;
                    path.push(n);
                    at = next[n];
                }
                1 => {
                    let from = path.iter().position(|&p| p == n).unwrap_or(0);
                    let mut cycle = path[from..].to_vec();
                    let first = cycle
                        .iter()
                        .enumerate()
                        .min_by_key(|(_, v)| **v)
                        .map_or(0, |(i, _)| i);
                    cycle.rotate_left(first);
                    out.push(cycle);
                    break;
                }
                _ => break,
            }
        }
        for n in path {
            state[n] = 2;
        }
    }
    out.sort();
    out
}

/// Refuses dates derived, through any chain, from themselves, and places within themselves: such
/// data says nothing, and would make ordering and nesting loop.
fn check_cycles(ds: &Dataset, index: &Index, origins: &Origins, problems: &mut Vec<Problem>) {
    // Nodes: every record, numbered by type slot then index.
    let mut base = [0usize; 9];
    let mut total = 0;
    for (k, n) in ds.counts() {
        base[kind_slot(k)] = total;
        total += n;
    }
    let mut node_of = Vec::with_capacity(total);
    let mut next = vec![None; total];
    for k in RecordKind::ALL {
        for (i, r) in crate::index::records_of(ds, *k).enumerate() {
            node_of.push((*k, i));
            if let Some(from) = r
                .date()
                .and_then(|d| d.derivation.as_ref())
                .map(|d| d.from.as_str())
            {
                if let Some((fk, fi)) = index.get(from) {
                    next[base[kind_slot(*k)] + i] = Some(base[kind_slot(*fk)] + fi);
                }
            }
        }
    }
    let report = |problems: &mut Vec<Problem>, cycle: &[usize], field: &str, what: &str| {
        let (kind, i) = &node_of[cycle[0]];
        let id_of = |n: usize| {
            let (k, i) = node_of[n];
            ds.at(k, i).map_or("?", |r| r.id())
        };
        let origin = origins.of(*kind, *i);
        let chain: Vec<&str> = cycle
            .iter()
            .chain(std::iter::once(&cycle[0]))
            .map(|n| id_of(*n))
            .collect();
        let message = if cycle.len() == 1 {
            format!("{what} itself")
        } else {
            format!("{what} itself through {}", chain.join(" → "))
        };
        problems.push(Problem {
            kind: ProblemKind::BadDate,
            file: origin.map(|o| o.0.to_string()),
            line: origin.map(|o| o.1),
            record: Some(id_of(cycle[0]).to_string()),
            field: Some(field.to_string()),
            message,
        });
    };
    for cycle in cycles(&next) {
        let field = format!("{}.derivation.from", main_date_field(node_of[cycle[0]].0));
        report(problems, &cycle, &field, "the date is derived from");
    }
    let place_next: Vec<Option<usize>> = ds
        .places
        .iter()
        .map(|p| match p.within.as_deref().and_then(|w| index.get(w)) {
            Some((RecordKind::Place, j)) => Some(*j),
            _ => None,
        })
        .collect();
    for cycle in cycles(&place_next) {
        let cycle: Vec<usize> = cycle
            .iter()
            .map(|p| base[kind_slot(RecordKind::Place)] + p)
            .collect();
        let before = problems.len();
        report(problems, &cycle, "within", "the place lies within");
        if let Some(p) = problems.get_mut(before) {
            p.kind = ProblemKind::BadValue;
        }
    }
}

/// Validates `ds` in place (placing every quote and filling spans, texts and checksums), pushing
/// every problem found onto `problems`.
/// Returns the anchored days it computed on the way (meaningful when no problem was found).
pub(crate) fn validate(
    progress: &crate::progress::Reporter<'_>,
    ds: &mut Dataset,
    index: &Index,
    origins: &Origins,
    seeds: SeedsRead<'_>,
    problems: &mut Vec<Problem>,
) -> crate::anchor::Bounds {
    let SeedsRead {
        mut seeds,
        unreadable,
        unlisted,
        manifest,
    } = seeds;
    let texts = check_seeds(
        ds,
        &mut seeds,
        (unlisted, &unreadable),
        manifest,
        problems,
        origins,
    );
    drop(seeds);
    let placements = Placements::compute(&texts, requests(ds, index));
    let aliases: Vec<&str> = ds
        .actors
        .iter()
        .flat_map(|a| &a.aliases)
        .chain(ds.places.iter().flat_map(|p| &p.aliases))
        .chain(ds.instruments.iter().flat_map(|i| &i.aliases))
        .map(String::as_str)
        .collect();
    let absent_aliases: HashSet<String> = if texts.iter().all(Option::is_some) {
        occurring(&texts, &aliases)
            .into_iter()
            .zip(&aliases)
            .filter(|(hit, _)| !hit)
            .map(|(_, a)| a.to_string())
            .collect()
    } else {
        // With a seed unreadable, an alias may be missing only because of it: that seed's problem
        // is the one to report.
        HashSet::new()
    };
    let anchors: [Vec<Option<PartialDate>>; 9] = std::array::from_fn(|slot| {
        crate::index::records_of(ds, RecordKind::ALL[slot])
            .map(|r| r.date().map(|d| d.value))
            .collect()
    });
    let files: Vec<String> = ds.sources.iter().map(|s| s.file.clone()).collect();
    check_cycles(ds, index, origins, problems);

    // Records that did not parse have their problem already; nothing refers to them again.
    let unparsed: HashSet<String> = problems
        .iter()
        .filter(|p| matches!(p.kind, ProblemKind::Parse | ProblemKind::BadDate))
        .filter_map(|p| p.record.clone())
        .filter(|id| !index.contains_key(id))
        .collect();
    let mut ctx = Ctx {
        unparsed: &unparsed,
        index,
        origins,
        texts: &texts,
        files: &files,
        anchors: &anchors,
        placements: &placements,
        absent_aliases: &absent_aliases,
        at: (RecordKind::Source, 0),
        crlf: vec![None; texts.len()],
        figure_has_as_of: ds.figures.iter().map(|f| f.as_of.is_some()).collect(),
        misses: Vec::new(),
        unknown: Default::default(),
        problems,
    };
    for kind in RecordKind::ALL {
        let bad: Vec<(usize, String)> = crate::index::records_of(ds, *kind)
            .enumerate()
            .filter(|(_, r)| !is_valid_id(r.id()))
            .map(|(i, r)| (i, r.id().to_string()))
            .collect();
        for (i, id) in bad {
            ctx.at = (*kind, i);
            ctx.problem(
                ProblemKind::BadId,
                &id,
                "id",
                format!("{id:?} is not a lowercase slug (a-z, 0-9, single hyphens)"),
            );
        }
    }
    macro_rules! check_all {
        ($field:ident, $kind:ident, $check:ident) => {
            for (i, r) in ds.$field.iter_mut().enumerate() {
                ctx.at = (RecordKind::$kind, i);
                $check(r, &mut ctx);
                if i % 4096 == 4095 {
                    progress.add(4096);
                }
            }
        };
    }
    check_all!(sources, Source, check_source);
    check_all!(actors, Actor, check_actor);
    check_all!(places, Place, check_place);
    check_all!(rounds, Round, check_round);
    check_all!(events, Event, check_event);
    check_all!(figures, Figure, check_figure);
    check_all!(quotes, Quote, check_quote);
    check_all!(positions, Position, check_position);
    check_all!(instruments, Instrument, check_instrument);

    let unknown = std::mem::take(&mut ctx.unknown);
    // Near-miss hints for the quotes not found verbatim, one pass per source.
    let misses = std::mem::take(&mut ctx.misses);
    let asked: Vec<(usize, &str)> = misses.iter().map(|(s, q, _)| (*s, q.as_str())).collect();
    for ((_, _, at), near) in misses.iter().zip(near_misses(&texts, &asked)) {
        if near {
            if let Some(p) = problems.get_mut(*at) {
                if let Some(colon) = p.message.find("): ") {
                    p.message.insert_str(colon + 1, " (the words are there, but case, quote marks, dashes or diacritics differ: copy them byte for byte)");
                }
            }
        }
    }

    for (at, more) in unknown.into_values() {
        if let (Some(p), 1..) = (problems.get_mut(at), more) {
            p.message.push_str(&format!(
                " ({more} more reference{} to it not reported again)",
                if more == 1 { "" } else { "s" }
            ));
        }
    }
    // Anchors that contradict a stated date or loop, and happening keys that link nothing.
    let (bounds, anchor_problems) = crate::anchor::resolve(ds, index);
    for p in anchor_problems {
        problems.push(origins.problem(ds, p.at, ProblemKind::BadDate, p.field, p.message));
    }
    crate::corroborate::check(ds, index, origins, problems);

    for (source, text) in ds.sources.iter_mut().zip(texts) {
        source.text = text.unwrap_or_default();
    }

    // Problems are reported in file order, then line, so a long report reads top to bottom.
    problems.sort_by(|a, b| (&a.file, a.line).cmp(&(&b.file, b.line)));
    // The query indexes take these rather than resolve the anchors a second time.
    bounds
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_lowercase_slugs() {
        for good in ["geneva-iv", "a", "x1-2017"] {
            assert!(is_valid_id(good), "{good}");
        }
        for bad in ["", "Geneva", "a--b", "-a", "a-", "a_b", "a b", "é"] {
            assert!(!is_valid_id(bad), "{bad}");
        }
    }
}
