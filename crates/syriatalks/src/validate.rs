//! One validation pass over a parsed dataset that reports every problem, not just the first:
//! seeds against the manifest, ids, references, evidence quotes (placed, never typed), dates and
//! their derivations, figures against the words they cite.

use std::collections::{BTreeMap, HashMap};

use crate::dataset::Dataset;
use crate::date::{Basis, DateValue, PartialDate};
use crate::error::{Problem, ProblemKind};
use crate::evidence::{place, Evidence, Placement};
use crate::load::{sha256_hex, utf8_problem, Manifest, Origin};
use crate::model::*;
use crate::normalize::fold;
use crate::numbers::spelled_value;

/// Whether an id is a lowercase slug: `a-z`, `0-9`, single hyphens between words.
pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.split('-').all(|w| {
            !w.is_empty()
                && w.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

struct Ctx<'a> {
    /// Source id → text.
    texts: HashMap<String, String>,
    /// Source id → seed file name, for messages.
    files: HashMap<String, String>,
    /// Record id → record type.
    kinds: HashMap<String, RecordKind>,
    /// Record id → the date a derivation anchored on it starts from.
    anchors: HashMap<String, PartialDate>,
    origins: &'a HashMap<String, Origin>,
    problems: &'a mut Vec<Problem>,
}

impl Ctx<'_> {
    fn problem(&mut self, kind: ProblemKind, record: &str, field: &str, message: String) {
        let origin = self.origins.get(record);
        self.problems.push(Problem {
            kind,
            file: origin.map(|o| o.file.clone()),
            line: origin.map(|o| o.line),
            record: Some(record.to_string()),
            field: (!field.is_empty()).then(|| field.to_string()),
            message,
        });
    }

    fn reference(&mut self, record: &str, field: &str, id: &str, expected: RecordKind) {
        match self.kinds.get(id) {
            Some(k) if *k == expected => {}
            Some(k) => self.problem(
                ProblemKind::UnknownReference,
                record,
                field,
                format!("`{id}` is a {k} record; this field takes a record of type {expected}"),
            ),
            None => self.problem(
                ProblemKind::UnknownReference,
                record,
                field,
                format!("no record of type {expected} has id `{id}`"),
            ),
        }
    }

    fn references<'s>(
        &mut self,
        record: &str,
        field: &str,
        ids: impl IntoIterator<Item = &'s String>,
        expected: RecordKind,
    ) {
        for (i, id) in ids.into_iter().enumerate() {
            self.reference(record, &format!("{field}[{i}]"), id, expected);
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

    /// Places one quote in its source text, explaining a near miss.
    fn locate(
        &mut self,
        record: &str,
        field: &str,
        source: &str,
        quote: &str,
        occurrence: Option<usize>,
    ) -> Option<crate::evidence::ByteSpan> {
        let Some(text) = self.texts.get(source) else {
            self.reference(
                record,
                &format!("{field}.source"),
                source,
                RecordKind::Source,
            );
            return None;
        };
        let file = self.files.get(source).cloned().unwrap_or_default();
        match place(text, quote, occurrence) {
            Ok(span) => Some(span),
            Err(Placement::Missing) => {
                let hint = if quote.is_empty() {
                    " (the quote is empty)".to_string()
                } else {
                    match fold(text).find(&fold(quote)) {
                        Some(_) => " (the words are there, but case, quote marks, dashes or diacritics differ: copy them byte for byte)".to_string(),
                        None => String::new(),
                    }
                };
                self.problem(
                    ProblemKind::Misquote,
                    record,
                    field,
                    format!("not found verbatim in source `{source}` ({file}){hint}: {quote:?}"),
                );
                None
            }
            Err(Placement::Ambiguous(n)) => {
                self.problem(
                    ProblemKind::Misquote,
                    record,
                    field,
                    format!("occurs {n} times in source `{source}`: lengthen the quote or set `occurrence`"),
                );
                None
            }
            Err(Placement::NoSuchOccurrence(n)) => {
                self.problem(
                    ProblemKind::Misquote,
                    record,
                    field,
                    format!("`occurrence` asks for more than the {n} in source `{source}`"),
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
            let path = format!("{field}[{i}]");
            ev.span = self.locate(
                record,
                &format!("{path}.quote"),
                &ev.source.clone(),
                &ev.quote.clone(),
                ev.occurrence,
            );
        }
    }

    /// Checks a date's basis, its derivation, and places its quote in one of `home` (source ids).
    fn date(&mut self, record: &str, field: &str, date: &mut DateValue, home: &[String]) {
        match (date.basis, &date.derivation) {
            (Basis::Derived, None) => self.problem(
                ProblemKind::BadDate,
                record,
                field,
                "basis `derived` needs a `derivation`".into(),
            ),
            (Basis::Derived, Some(d)) => {
                let path = format!("{field}.derivation");
                match self.anchors.get(&d.from).copied() {
                    None if self.kinds.contains_key(&d.from) => self.problem(
                        ProblemKind::BadDate,
                        record,
                        &format!("{path}.from"),
                        format!("`{}` has no date to derive from", d.from),
                    ),
                    None => self.problem(
                        ProblemKind::UnknownReference,
                        record,
                        &format!("{path}.from"),
                        format!("no record has id `{}`", d.from),
                    ),
                    Some(anchor) => match d.apply(anchor) {
                        Err(why) => self.problem(ProblemKind::WrongDerivation, record, &path, why),
                        Ok(computed) if computed != date.value => self.problem(
                            ProblemKind::WrongDerivation,
                            record,
                            field,
                            format!(
                                "derivation from `{}` ({anchor}) gives {computed}, but the value is {}",
                                d.from, date.value
                            ),
                        ),
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
        if let Some(quote) = date.quote.clone() {
            let found = home.iter().find_map(|src| {
                let text = self.texts.get(src)?;
                place(text, &quote, None).ok().map(|span| Evidence {
                    source: src.clone(),
                    quote: quote.clone(),
                    occurrence: None,
                    span: Some(span),
                })
            });
            match found {
                Some(ev) => date.cited = Some(ev),
                None => self.problem(
                    ProblemKind::Misquote,
                    record,
                    &format!("{field}.quote"),
                    format!(
                        "not found exactly once in the record's sources ({}): {quote:?}",
                        home.join(", ")
                    ),
                ),
            }
        }
    }

    /// Checks a start date, an optional end date, and that the end does not come before the start.
    fn span(
        &mut self,
        record: &str,
        (start_field, start): (&str, &mut DateValue),
        (end_field, end): (&str, Option<&mut DateValue>),
        home: &[String],
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
            if !self.texts.values().any(|t| t.contains(alias.as_str())) {
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

fn home(evidence: &[Evidence]) -> Vec<String> {
    let mut v: Vec<String> = evidence.iter().map(|e| e.source.clone()).collect();
    v.dedup();
    v
}

fn check_seeds(
    ds: &mut Dataset,
    seeds: &BTreeMap<String, Vec<u8>>,
    manifest: Option<&Manifest>,
    ctx: &mut Ctx,
) {
    if let Some(manifest) = manifest {
        let mut listed: HashMap<&str, usize> = HashMap::new();
        for entry in &manifest.seed {
            *listed.entry(entry.file.as_str()).or_default() += 1;
            let file = Some(format!("seeds/{}", entry.file));
            let problem = |kind, message| Problem {
                kind,
                file: file.clone(),
                line: None,
                record: None,
                field: None,
                message,
            };
            match seeds.get(&entry.file) {
                None => ctx.problems.push(problem(
                    ProblemKind::Manifest,
                    "listed in the manifest but not in seeds/".into(),
                )),
                Some(bytes) => {
                    let sha = sha256_hex(bytes);
                    if sha != entry.sha256.to_ascii_lowercase() {
                        ctx.problems.push(problem(
                            ProblemKind::Checksum,
                            format!("sha256 is {sha}, the manifest says {}", entry.sha256),
                        ));
                    }
                    if bytes.len() != entry.bytes {
                        ctx.problems.push(problem(
                            ProblemKind::Checksum,
                            format!("{} bytes, the manifest says {}", bytes.len(), entry.bytes),
                        ));
                    }
                }
            }
        }
        for (name, n) in listed {
            if n > 1 {
                ctx.problems.push(Problem {
                    kind: ProblemKind::Manifest,
                    file: Some(format!("seeds/{name}")),
                    line: None,
                    record: None,
                    field: None,
                    message: format!("listed {n} times in the manifest"),
                });
            }
        }
        for name in seeds.keys() {
            if !manifest.seed.iter().any(|e| &e.file == name) {
                ctx.problems.push(Problem {
                    kind: ProblemKind::Manifest,
                    file: Some(format!("seeds/{name}")),
                    line: None,
                    record: None,
                    field: None,
                    message:
                        "not listed in the manifest (`syriatalks manifest DIR` lists every seed)"
                            .into(),
                });
            }
        }
    }
    for source in &mut ds.sources {
        match seeds.get(&source.file) {
            None => {
                let id = source.id.clone();
                let file = source.file.clone();
                ctx.problem(
                    ProblemKind::Manifest,
                    &id,
                    "file",
                    format!("no seed file `{file}` in seeds/"),
                );
            }
            Some(bytes) => {
                source.sha256 = sha256_hex(bytes);
                match std::str::from_utf8(bytes) {
                    Ok(text) => source.text = text.to_string(),
                    Err(e) => ctx
                        .problems
                        .push(utf8_problem(&format!("seeds/{}", source.file), e)),
                }
            }
        }
    }
}

fn check_source(source: &mut Source, ctx: &mut Ctx) {
    let id = source.id.clone();
    let own = vec![id.clone()];
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
                    ctx.locate(&id, &format!("{field}.quote"), &id, &quote, a.occurrence)
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
                        ctx.locate(&id, &format!("{field}.quote"), &id, &quote, a.occurrence)
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
}

fn check_place(p: &mut Place, ctx: &mut Ctx) {
    let id = p.id.clone();
    ctx.needs_support(&id, &p.evidence, p.external.len());
    ctx.evidence(&id, "evidence", &mut p.evidence, false);
    ctx.aliases(&id, &p.aliases);
    ctx.optional_reference(&id, "within", &p.within, RecordKind::Place);
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
    if !f.evidence.is_empty() && !f.evidence.iter().any(|e| e.quote.contains(f.text.as_str())) {
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

/// Validates `ds` in place (placing every quote and filling spans, texts and checksums), pushing
/// every problem found onto `problems`.
pub(crate) fn validate(
    ds: &mut Dataset,
    origins: &HashMap<String, Origin>,
    seeds: &BTreeMap<String, Vec<u8>>,
    manifest: Option<&Manifest>,
    problems: &mut Vec<Problem>,
) {
    let mut ctx = Ctx {
        texts: HashMap::new(),
        files: HashMap::new(),
        kinds: HashMap::new(),
        anchors: HashMap::new(),
        origins,
        problems,
    };
    check_seeds(ds, seeds, manifest, &mut ctx);
    ctx.texts = ds
        .sources
        .iter()
        .map(|s| (s.id.clone(), s.text.clone()))
        .collect();
    ctx.files = ds
        .sources
        .iter()
        .map(|s| (s.id.clone(), s.file.clone()))
        .collect();

    for r in ds.records() {
        if !is_valid_id(r.id()) {
            let id = r.id().to_string();
            ctx.problem(
                ProblemKind::BadId,
                &id,
                "id",
                format!("{id:?} is not a lowercase slug (a-z, 0-9, single hyphens)"),
            );
        }
        ctx.kinds.entry(r.id().to_string()).or_insert(r.kind());
        if let Some(d) = r.date() {
            ctx.anchors.entry(r.id().to_string()).or_insert(d.value);
        }
    }

    for s in &mut ds.sources {
        check_source(s, &mut ctx);
    }
    ds.actors.iter_mut().for_each(|r| check_actor(r, &mut ctx));
    ds.places.iter_mut().for_each(|r| check_place(r, &mut ctx));
    ds.rounds.iter_mut().for_each(|r| check_round(r, &mut ctx));
    ds.events.iter_mut().for_each(|r| check_event(r, &mut ctx));
    ds.figures
        .iter_mut()
        .for_each(|r| check_figure(r, &mut ctx));
    ds.quotes.iter_mut().for_each(|r| check_quote(r, &mut ctx));
    ds.positions
        .iter_mut()
        .for_each(|r| check_position(r, &mut ctx));
    ds.instruments
        .iter_mut()
        .for_each(|r| check_instrument(r, &mut ctx));

    // Problems are reported in file order, then line, so a long report reads top to bottom.
    ctx.problems
        .sort_by(|a, b| (&a.file, a.line).cmp(&(&b.file, b.line)));
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
