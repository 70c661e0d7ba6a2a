//! The table of each record type: its columns, declared once, in order.

use std::sync::Arc;

use arrow_array::{ArrayRef, RecordBatch};
use arrow_schema::{ArrowError, Schema, SchemaRef};
use syriatalks::date::weekday_name;
use syriatalks::{
    Actor, ActorKind, AgendaItem, Attested, Basis, ByteSpan, CameoRoot, Dataset, DateQualifier,
    DateValue, Delegation, Event, EventKind, Evidence, ExternalRef, Figure, Instrument,
    InstrumentKind, LocationPrecision, Measure, Membership, Participant, ParticipantRole, Place,
    PlaceKind, PloverEventType, Position, Precision, Process, Qualifier, Quote, Record, RecordKind,
    Relation, Role, Round, RoundStatus, Source, Topic,
};

use crate::column::Col;

/// The EDTF (ISO 8601-2) form of a date: the partial date as written (`2017`, `2017-09`,
/// `2017-09-14`), followed by `~` when the text calls it approximate (qualifier `about`), `?` when
/// the date is inferred rather than stated or derived (basis `inferred`), and `%` when both hold.
/// The qualifiers `early`, `mid` and `late` narrow a date inside its month or year rather than
/// soften it; EDTF has no mark for that, so they add none (the `date_qualifier` column keeps them).
pub fn edtf(d: &DateValue) -> String {
    let mut s = d.value.to_string();
    let approximate = d.qualifier == Some(DateQualifier::About);
    let uncertain = d.basis == Basis::Inferred;
    match (approximate, uncertain) {
        (true, true) => s.push('%'),
        (true, false) => s.push('~'),
        (false, true) => s.push('?'),
        (false, false) => {}
    }
    s
}

/// The EDTF form of a start and an optional end: one date, or an interval `start/end` (one date
/// when both ends read the same, as "in 2012 … in 2012" does: `2012/2012` says no more).
pub fn edtf_interval(start: &DateValue, end: Option<&DateValue>) -> String {
    let from = edtf(start);
    match end.map(edtf) {
        Some(to) if to != from => format!("{from}/{to}"),
        _ => from,
    }
}

/// The two columns of a byte span, `start` and `end` (one past the last byte), from the same
/// optional span; UTF-8 offsets into a source's text.
fn span_cols<T: 'static>(
    (start, start_doc): (&str, &str),
    (end, end_doc): (&str, &str),
    get: impl Fn(&T) -> Option<ByteSpan> + Copy + Send + Sync + 'static,
) -> [Col<T>; 2] {
    [
        Col::u64(start, start_doc, true, move |r| {
            get(r).map(|s| s.start as u64)
        }),
        Col::u64(end, end_doc, true, move |r| get(r).map(|s| s.end as u64)),
    ]
}

fn evidence_item() -> Vec<Col<Evidence>> {
    vec![
        Col::dict_req(
            "source",
            "The id of the source the quote is found in.",
            |e: &Evidence| &e.source,
        ),
        Col::utf8_req(
            "quote",
            "The exact words of the source that state the fact.",
            |e: &Evidence| &e.quote,
        ),
        Col::u64(
            "occurrence",
            "Which occurrence of the quote in the source text the span is, counting from 1, as the record's data gives it; null when the data gives none, which the loader allows only when the words occur exactly once in the source.",
            true,
            |e: &Evidence| e.occurrence.map(|k| k as u64),
        ),
    ]
    .into_iter()
    .chain(span_cols(
        (
            "start",
            "Byte offset of the quote in the source text (UTF-8), where it starts.",
        ),
        (
            "end",
            "Byte offset of the quote in the source text (UTF-8), one past its end.",
        ),
        |e: &Evidence| e.span,
    ))
    .collect()
}

/// The entry a record is cited by: its own first evidence entry, else the first nested one (a
/// role's, a delegation's, an agenda item's, a date's), so that a row has a quote whenever the
/// record has any.
fn first_evidence<T: Record>(get: fn(&T) -> &[Evidence], r: &T) -> Option<&Evidence> {
    get(r).first().or_else(|| r.evidence().first().copied())
}

/// The evidence list and the flat citable columns of the first evidence entry.
fn evidence<T: Record + 'static>(get: fn(&T) -> &[Evidence], what: &'static str) -> Vec<Col<T>> {
    vec![
        Col::list("evidence", &format!("Every evidence entry for the {what}: the source and the verbatim quote, with its byte span in the source text."), get, evidence_item()),
        Col::dict("source", "The source id of the record's first evidence entry (its own, else the first nested one: a role's, a delegation's, a date's), flat, for citing.", move |r| first_evidence(get, r).map(|e| e.source.as_str())),
        Col::utf8("quote", "The quote of that first evidence entry (flat, for citing).", move |r| first_evidence(get, r).map(|e| e.quote.as_str())),
    ]
    .into_iter()
    .chain(span_cols(
        ("quote_start", "Byte offset where that first evidence quote starts in its source text."),
        ("quote_end", "Byte offset one past the end of that first evidence quote in its source text."),
        move |r| first_evidence(get, r).and_then(|e| e.span),
    ))
    .collect()
}

fn external<T: 'static>(get: fn(&T) -> &[ExternalRef]) -> Col<T> {
    Col::list(
        "external",
        "Public documents outside the corpus that the record points to (title, reference, url).",
        get,
        vec![
            Col::utf8_req("title", "The document's title.", |x: &ExternalRef| &x.title),
            Col::utf8(
                "reference",
                "Its reference (a UN symbol, a treaty number…).",
                |x: &ExternalRef| x.reference.as_deref(),
            ),
            Col::utf8("url", "Where it is published.", |x: &ExternalRef| {
                x.url.as_deref()
            }),
        ],
    )
}

/// The main date of a record: EDTF text, stated days, the vocabulary words, the anchored days
/// that filters use, and the anchors.
fn dates<T: Record + 'static>(
    main: fn(&T) -> Option<&DateValue>,
    end: fn(&T) -> Option<&DateValue>,
) -> Vec<Col<T>> {
    let [date_quote_start, date_quote_end] = span_cols(
        (
            "date_quote_start",
            "Byte offset where `date_quote` starts in that source's text.",
        ),
        (
            "date_quote_end",
            "Byte offset one past the end of `date_quote` in that source's text.",
        ),
        move |r| main(r).and_then(|d| d.cited.as_ref()).and_then(|e| e.span),
    );
    vec![
        Col::utf8_owned("date", "The main date in EDTF (ISO 8601-2): `2017-09`, `2014-01~` (approximate: qualifier about), `2016?` (inferred), `%` for both; `start/end` when the record states an end. Early/mid/late add no mark (see date_qualifier).", move |r| {
            main(r).map(|d| edtf_interval(d, end(r)))
        }),
        Col::date("date_first", "The first day the stated date covers (a month covers all its days).", |_, r: &T| r.when().map(|w| w.first)),
        Col::date("date_last", "The last day the stated date (or its stated end) covers.", |_, r: &T| r.when().map(|w| w.last)),
        Col::vocab("date_precision", "How precise the main date is: year, month or day.", Precision::WORDS, move |r| main(r).map(|d| d.value.precision().as_str())),
        Col::vocab("date_basis", "Where the main date comes from: stated, derived, inferred or external.", Basis::WORDS, move |r| main(r).map(|d| d.basis.as_str())),
        Col::vocab("date_qualifier", "A softener the text puts on the date: early, mid, late or about.", DateQualifier::WORDS, move |r| main(r).and_then(|d| d.qualifier).map(|q| q.as_str())),
        Col::utf8("date_quote", "The words of the text that give the date.", move |r| main(r).and_then(|d| d.quote.as_deref())),
        Col::utf8("date_reference", "The public document an external date comes from.", move |r| main(r).and_then(|d| d.reference.as_deref())),
        Col::utf8("date_note", "Why the date is what it is.", move |r| main(r).and_then(|d| d.note.as_deref())),
        Col::dict("date_quote_source", "The id of the source `date_quote` was found in (among the record's own sources).", move |r| main(r).and_then(|d| d.cited.as_ref()).map(|e| e.source.as_str())),
        date_quote_start,
        date_quote_end,
        Col::dict("date_derived_from", "For a derived date, the id of its anchor (a source's publication or a dated record).", move |r| main(r).and_then(|d| d.derivation.as_ref()).map(|d| d.from.as_str())),
        Col::i64("date_derived_days", "For a derived date, the days added to the anchor before a weekday is looked for (negative: back).", move |r| main(r).and_then(|d| d.derivation.as_ref()).and_then(|d| d.days)),
        Col::i32("date_derived_years", "For a derived date, the years added to the anchor; the date then has year precision (\"last year\" is -1).", move |r| main(r).and_then(|d| d.derivation.as_ref()).and_then(|d| d.years)),
        Col::vocab("date_derived_weekday", "For a derived date, the weekday looked for from the (shifted) anchor: monday … sunday.", WEEKDAYS, move |r| main(r).and_then(|d| d.derivation.as_ref()).and_then(|d| d.weekday).map(weekday_name)),
        Col::vocab("date_derived_relation", "Which way from the (shifted) anchor the weekday is looked for: on_or_before, before, on_or_after or after.", Relation::WORDS, move |r| main(r).and_then(|d| d.derivation.as_ref()).and_then(|d| d.relation).map(|x| x.as_str())),
        Col::date("days_first", "The first day the record can have happened once its anchors are applied: what date filters use (Dataset::days).", |ds, r: &T| ds.days(r.as_record()).map(|w| w.first)),
        Col::date("days_last", "The last day the record can have happened once its anchors are applied: what date filters use (Dataset::days).", |ds, r: &T| ds.days(r.as_record()).map(|w| w.last)),
        Col::dict("during", "The record (round, event…) during which this happened, by id.", move |r| main(r).and_then(|d| d.during.as_deref())),
        Col::dict("after", "The record this happened after (or on the same day as), by id.", move |r| main(r).and_then(|d| d.after.as_deref())),
        Col::dict("before", "The record this happened before (or on the same day as), by id.", move |r| main(r).and_then(|d| d.before.as_deref())),
    ]
}

fn strs(v: &[String]) -> Vec<&str> {
    v.iter().map(String::as_str).collect()
}

fn note<T: 'static>(get: fn(&T) -> Option<&str>) -> Col<T> {
    Col::utf8("note", "A remark by the data's authors (not a quote).", get)
}

/// The weekdays a derivation looks for, in the order `weekday_name` names them from Monday.
const WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// The citation of a source's title, outlet or author (`what`): its basis (unless the caller
/// declares it), the words found in the text with their byte span, and the note.
fn attested(
    what: &'static str,
    with_basis: bool,
    get: fn(&Source) -> Option<&Attested>,
) -> Vec<Col<Source>> {
    let mut v = Vec::new();
    if with_basis {
        v.push(Col::vocab(
            &format!("{what}_basis"),
            &format!("Where the {what} comes from: stated, inferred or external."),
            Basis::WORDS,
            move |r| get(r).map(|a| a.basis.as_str()),
        ));
    }
    v.extend([
        Col::utf8(
            &format!("{what}_quote"),
            &format!("The words of the source's own text that give the {what} (the {what} itself unless the data names other words), as found there; null when none were looked up (an inferred or external {what} without a quote)."),
            move |r| get(r).and_then(|a| a.cited.as_ref()).map(|e| e.quote.as_str()),
        ),
        Col::u64(
            &format!("{what}_occurrence"),
            &format!("Which occurrence of `{what}_quote` in the text is meant, counting from 1, as the data gives it; null when the data gives none (the words then occur once)."),
            true,
            move |r| get(r).and_then(|a| a.occurrence).map(|k| k as u64),
        ),
    ]);
    v.extend(span_cols(
        (
            &format!("{what}_quote_start"),
            &format!("Byte offset where `{what}_quote` starts in the source's text."),
        ),
        (
            &format!("{what}_quote_end"),
            &format!("Byte offset one past the end of `{what}_quote` in the source's text."),
        ),
        move |r| get(r).and_then(|a| a.cited.as_ref()).and_then(|e| e.span),
    ));
    v.push(Col::utf8(
        &format!("{what}_note"),
        &format!("How the {what} was found or inferred (not a quote)."),
        move |r| get(r).and_then(|a| a.note.as_deref()),
    ));
    v
}

fn source_cols() -> Vec<Col<Source>> {
    let mut v = vec![
        Col::dict_req("id", "The source's stable id.", |r: &Source| &r.id),
        Col::utf8_req(
            "file",
            "The seed text file, relative to the data folder.",
            |r: &Source| &r.file,
        ),
        Col::utf8_req(
            "title",
            "The article's title, as the text gives it.",
            |r: &Source| &r.title.value,
        ),
        Col::vocab_req(
            "title_basis",
            "Where the title comes from: stated, inferred or external.",
            Basis::WORDS,
            |r: &Source| r.title.basis.as_str(),
        ),
    ];
    v.extend(attested("title", false, |r| Some(&r.title)));
    v.push(Col::utf8(
        "outlet",
        "The publication that ran it.",
        |r: &Source| r.outlet.as_ref().map(|a| a.value.as_str()),
    ));
    v.extend(attested("outlet", true, |r| r.outlet.as_ref()));
    v.push(Col::utf8("author", "Who wrote it.", |r: &Source| {
        r.author.as_ref().map(|a| a.value.as_str())
    }));
    v.extend(attested("author", true, |r| r.author.as_ref()));
    v.extend(dates(|r: &Source| r.published.as_ref(), |_| None));
    v.extend([
        Col::utf8("url", "Where it was published.", |r: &Source| {
            r.url.as_deref()
        }),
        note(|r: &Source| r.note.as_deref()),
        Col::utf8_req(
            "sha256",
            "SHA-256 of the seed text (hex), as the manifest records it.",
            |r: &Source| &r.sha256,
        ),
    ]);
    v
}

fn actor_cols() -> Vec<Col<Actor>> {
    let mut v = vec![
        Col::dict_req("id", "The actor's stable id.", |r: &Actor| &r.id),
        Col::vocab_req("kind", "person, state, government, organization, ngo, delegation, opposition_group, armed_group or media.", ActorKind::WORDS, |r: &Actor| r.kind.as_str()),
        Col::utf8_req("name", "The actor's name.", |r: &Actor| &r.name),
        Col::list_utf8("aliases", "Other names the sources use.", |r: &Actor| strs(&r.aliases)),
        Col::list("roles", "Titles the actor held (title, of whom, in which round, as of when, evidence).", |r: &Actor| &r.roles, vec![
            Col::utf8_req("title", "The title.", |x: &Role| &x.title),
            Col::dict("of", "The actor id the title is held in.", |x: &Role| x.of.as_deref()),
            Col::dict("round", "The round id the title applies to.", |x: &Role| x.round.as_deref()),
            Col::utf8_owned("as_of", "When the title was held, in EDTF.", |x: &Role| x.as_of.as_ref().map(edtf)),
            Col::list("evidence", "Where the role is stated.", |x: &Role| &x.evidence, evidence_item()),
        ]),
        Col::list("member_of", "Groups the actor belongs to (actor id, evidence).", |r: &Actor| &r.member_of, vec![
            Col::dict_req("actor", "The group's actor id.", |x: &Membership| &x.actor),
            Col::list("evidence", "Where the membership is stated.", |x: &Membership| &x.evidence, evidence_item()),
        ]),
        Col::dict("iso_alpha2", "ISO 3166-1 alpha-2 code of a state or government.", |r: &Actor| r.iso_alpha2.as_deref()),
        Col::dict("iso_alpha3", "ISO 3166-1 alpha-3 code of a state or government.", |r: &Actor| r.iso_alpha3.as_deref()),
        note(|r: &Actor| r.note.as_deref()),
    ];
    v.extend(evidence(|r: &Actor| &r.evidence, "actor"));
    v.push(external(|r: &Actor| &r.external));
    v
}

fn place_cols() -> Vec<Col<Place>> {
    let mut v = vec![
        Col::dict_req("id", "The place's stable id.", |r: &Place| &r.id),
        Col::vocab_req(
            "kind",
            "country, region, city, district, village or venue.",
            PlaceKind::WORDS,
            |r: &Place| r.kind.as_str(),
        ),
        Col::utf8_req("name", "The place's name.", |r: &Place| &r.name),
        Col::list_utf8("aliases", "Other names the sources use.", |r: &Place| {
            strs(&r.aliases)
        }),
        Col::dict("within", "The id of the place it lies in.", |r: &Place| {
            r.within.as_deref()
        }),
        Col::dict(
            "iso_alpha2",
            "ISO 3166-1 alpha-2 code (countries).",
            |r: &Place| r.iso_alpha2.as_deref(),
        ),
        Col::dict(
            "iso_alpha3",
            "ISO 3166-1 alpha-3 code (countries).",
            |r: &Place| r.iso_alpha3.as_deref(),
        ),
        Col::u32("geonames_id", "GeoNames id.", |r: &Place| r.geonames_id),
        Col::f64("latitude", "Latitude (WGS 84, degrees).", |r: &Place| {
            r.latitude
        }),
        Col::f64("longitude", "Longitude (WGS 84, degrees).", |r: &Place| {
            r.longitude
        }),
        Col::vocab(
            "location_precision",
            "How precisely the coordinates locate the place.",
            LocationPrecision::WORDS,
            |r: &Place| r.location_precision.map(|p| p.as_str()),
        ),
        note(|r: &Place| r.note.as_deref()),
    ];
    v.extend(evidence(|r: &Place| &r.evidence, "place"));
    v.push(external(|r: &Place| &r.external));
    v
}

fn round_cols() -> Vec<Col<Round>> {
    let mut v = vec![
        Col::dict_req("id", "The round's stable id.", |r: &Round| &r.id),
        Col::utf8_req("name", "The round's name.", |r: &Round| &r.name),
        Col::list_utf8("aliases", "Other names the sources use.", |r: &Round| {
            strs(&r.aliases)
        }),
        Col::vocab_req(
            "process",
            "geneva, astana, vienna or moscow.",
            Process::WORDS,
            |r: &Round| r.process.as_str(),
        ),
        Col::u32("ordinal", "Its number within the process.", |r: &Round| {
            r.ordinal
        }),
        Col::vocab_req(
            "status",
            "held, planned or cancelled.",
            RoundStatus::WORDS,
            |r: &Round| r.status.as_str(),
        ),
    ];
    v.extend(dates(
        |r: &Round| r.period.as_ref().map(|p| &p.start),
        |r: &Round| r.period.as_ref().and_then(|p| p.end.as_ref()),
    ));
    v.extend([
        Col::list_dict("places", "Place ids where it was held.", |r: &Round| {
            strs(&r.places)
        }),
        Col::list_dict("mediators", "Actor ids of its mediators.", |r: &Round| {
            strs(&r.mediators)
        }),
        Col::list(
            "delegations",
            "The delegations (party, head, members, evidence).",
            |r: &Round| &r.delegations,
            vec![
                Col::dict_req(
                    "party",
                    "The actor id the delegation represents.",
                    |x: &Delegation| &x.party,
                ),
                Col::dict("head", "The actor id of its head.", |x: &Delegation| {
                    x.head.as_deref()
                }),
                Col::list_dict("members", "Actor ids of its members.", |x: &Delegation| {
                    strs(&x.members)
                }),
                Col::list(
                    "evidence",
                    "Where the delegation is stated.",
                    |x: &Delegation| &x.evidence,
                    evidence_item(),
                ),
            ],
        ),
        Col::list(
            "agenda",
            "The agenda items (item, proposed_by, evidence).",
            |r: &Round| &r.agenda,
            vec![
                Col::utf8_req("item", "The item.", |x: &AgendaItem| &x.item),
                Col::dict(
                    "proposed_by",
                    "The actor id that proposed it.",
                    |x: &AgendaItem| x.proposed_by.as_deref(),
                ),
                Col::list(
                    "evidence",
                    "Where the item is stated.",
                    |x: &AgendaItem| &x.evidence,
                    evidence_item(),
                ),
            ],
        ),
        Col::utf8("outcome", "What came of it.", |r: &Round| {
            r.outcome.as_deref()
        }),
        Col::list_dict(
            "instruments",
            "Instrument ids it produced or discussed.",
            |r: &Round| strs(&r.instruments),
        ),
        Col::dict("follows", "The id of the round it follows.", |r: &Round| {
            r.follows.as_deref()
        }),
        note(|r: &Round| r.note.as_deref()),
    ]);
    v.extend(evidence(|r: &Round| &r.evidence, "round"));
    v.push(external(|r: &Round| &r.external));
    v
}

fn event_cols() -> Vec<Col<Event>> {
    let mut v = vec![
        Col::dict_req("id", "The event's stable id.", |r: &Event| &r.id),
        Col::vocab_req(
            "kind",
            "The event kind (talks_opened, veto, capture…).",
            EventKind::WORDS,
            |r: &Event| r.kind.as_str(),
        ),
        Col::vocab(
            "plover",
            "The PLOVER event type the kind maps to.",
            PloverEventType::WORDS,
            |r: &Event| r.plover.map(|p| p.as_str()),
        ),
        Col::vocab(
            "cameo_root",
            "The CAMEO root code the kind maps to.",
            CameoRoot::WORDS,
            |r: &Event| r.cameo_root.map(|c| c.as_str()),
        ),
    ];
    v.extend(dates(
        |r: &Event| Some(&r.date),
        |r: &Event| r.until.as_ref(),
    ));
    v.extend([
        Col::utf8_owned("until", "The stated end, in EDTF.", |r: &Event| r.until.as_ref().map(edtf)),
        Col::utf8_req("summary", "What happened, in the data authors' words.", |r: &Event| &r.summary),
        Col::list("actors", "Who took part, and in which role (agent, target, mediator, participant, supporter, reporter).", |r: &Event| &r.actors, vec![
            Col::dict_req("actor", "The actor id.", |x: &Participant| &x.actor),
            Col::vocab_req("role", "The actor's role.", ParticipantRole::WORDS, |x: &Participant| x.role.as_str()),
        ]),
        Col::list_dict("actor_ids", "The actor ids of `actors`, for `list_contains(actor_ids, ID)`.", |r: &Event| r.actors.iter().map(|p| p.actor.as_str()).collect()),
        Col::list_dict("places", "Place ids.", |r: &Event| strs(&r.places)),
        Col::dict("round", "The round id it belongs to.", |r: &Event| r.round.as_deref()),
        Col::list_dict("instruments", "Instrument ids involved.", |r: &Event| strs(&r.instruments)),
        Col::dict("happening", "The key shared by the records that report the same happening (corroboration).", |r: &Event| r.happening.as_deref()),
        note(|r: &Event| r.note.as_deref()),
    ]);
    v.extend(evidence(|r: &Event| &r.evidence, "event"));
    v.push(external(|r: &Event| &r.external));
    v
}

fn figure_cols() -> Vec<Col<Figure>> {
    let [number_start, number_end] = span_cols(
        (
            "number_start",
            "Byte offset where `text` starts in that source's text.",
        ),
        (
            "number_end",
            "Byte offset one past the end of `text` in that source's text.",
        ),
        |r: &Figure| r.number_span,
    );
    let mut v = vec![
        Col::dict_req("id", "The figure's stable id.", |r: &Figure| &r.id),
        Col::vocab_req(
            "measure",
            "What is counted (deaths, refugees…).",
            Measure::WORDS,
            |r: &Figure| r.measure.as_str(),
        ),
        Col::u64(
            "value",
            "The number as the text states it.",
            false,
            |r: &Figure| Some(r.value),
        ),
        Col::vocab_req(
            "qualifier",
            "How the text qualifies it (exactly, more_than, about…).",
            Qualifier::WORDS,
            |r: &Figure| r.qualifier.as_str(),
        ),
        Col::u64(
            "low",
            "The lowest value the qualified number allows.",
            true,
            |r: &Figure| r.low,
        ),
        Col::u64("best", "The best single estimate.", true, |r: &Figure| {
            r.best
        }),
        Col::u64(
            "high",
            "The highest value the qualified number allows (null: unbounded).",
            true,
            |r: &Figure| r.high,
        ),
        Col::utf8_req("text", "The number's words as written.", |r: &Figure| {
            &r.text
        }),
        Col::u64(
            "number_evidence",
            "Which entry of `evidence` (counting from 0) holds `text`, the number the bounds come from: the first whose quote contains it.",
            true,
            |r: &Figure| r.number_evidence.map(|i| i as u64),
        ),
        Col::dict(
            "number_source",
            "The source id of that evidence entry.",
            |r: &Figure| {
                r.number_evidence
                    .and_then(|i| r.evidence.get(i))
                    .map(|e| e.source.as_str())
            },
        ),
        number_start,
        number_end,
        Col::utf8_req("scope", "What the number covers.", |r: &Figure| &r.scope),
        Col::dict("place", "The place id it concerns.", |r: &Figure| {
            r.place.as_deref()
        }),
        Col::utf8_owned(
            "period",
            "The period it covers, in EDTF (`start/end`).",
            |r: &Figure| {
                r.period
                    .as_ref()
                    .map(|p| edtf_interval(&p.start, p.end.as_ref()))
            },
        ),
        Col::utf8_owned(
            "as_of",
            "The date it holds as of, in EDTF.",
            |r: &Figure| r.as_of.as_ref().map(edtf),
        ),
    ];
    v.extend(dates(
        |r: &Figure| r.as_of.as_ref().or(r.period.as_ref().map(|p| &p.start)),
        |r: &Figure| {
            if r.as_of.is_some() {
                None
            } else {
                r.period.as_ref().and_then(|p| p.end.as_ref())
            }
        },
    ));
    v.extend([
        Col::list_dict(
            "claimed_by",
            "Actor ids that claim it (empty: the article states it in its own voice; the flat form writes `(the article)`).",
            |r: &Figure| strs(&r.claimed_by),
        )
        .empty_in_flat_form(syriatalks::NO_CLAIMANT),
        Col::dict("round", "The round id it belongs to.", |r: &Figure| {
            r.round.as_deref()
        }),
        Col::dict(
            "happening",
            "The key shared by the records that report the same happening (corroboration).",
            |r: &Figure| r.happening.as_deref(),
        ),
        note(|r: &Figure| r.note.as_deref()),
    ]);
    v.extend(evidence(|r: &Figure| &r.evidence, "figure"));
    v.push(external(|r: &Figure| &r.external));
    v
}

fn quote_cols() -> Vec<Col<Quote>> {
    let mut v = vec![
        Col::dict_req("id", "The quote's stable id.", |r: &Quote| &r.id),
        Col::dict_req("speaker", "The actor id of the speaker.", |r: &Quote| {
            &r.speaker
        }),
        Col::utf8_req(
            "text",
            "The words attributed to the speaker.",
            |r: &Quote| &r.text,
        ),
    ];
    v.extend(dates(|r: &Quote| r.said.as_ref(), |_| None));
    v.extend([
        Col::dict("place", "The place id where it was said.", |r: &Quote| {
            r.place.as_deref()
        }),
        Col::utf8("audience", "Whom it was said to.", |r: &Quote| {
            r.audience.as_deref()
        }),
        Col::dict("round", "The round id it belongs to.", |r: &Quote| {
            r.round.as_deref()
        }),
        Col::dict(
            "happening",
            "The key shared by the records that report the same happening (corroboration).",
            |r: &Quote| r.happening.as_deref(),
        ),
        note(|r: &Quote| r.note.as_deref()),
    ]);
    v.extend(evidence(|r: &Quote| &r.evidence, "quote"));
    v.push(external(|r: &Quote| &r.external));
    v
}

fn position_cols() -> Vec<Col<Position>> {
    let mut v = vec![
        Col::dict_req("id", "The position's stable id.", |r: &Position| &r.id),
        Col::dict_req("actor", "The actor id holding it.", |r: &Position| &r.actor),
        Col::vocab_req(
            "topic",
            "The topic (assad_fate, ceasefire…).",
            Topic::WORDS,
            |r: &Position| r.topic.as_str(),
        ),
        Col::utf8_req(
            "stance",
            "The stance, in the data authors' words.",
            |r: &Position| &r.stance,
        ),
    ];
    v.extend(dates(|r: &Position| r.as_of.as_ref(), |_| None));
    v.extend([
        Col::dict("round", "The round id it belongs to.", |r: &Position| {
            r.round.as_deref()
        }),
        Col::list_dict(
            "instruments",
            "Instrument ids it refers to.",
            |r: &Position| strs(&r.instruments),
        ),
        note(|r: &Position| r.note.as_deref()),
    ]);
    v.extend(evidence(|r: &Position| &r.evidence, "position"));
    v.push(external(|r: &Position| &r.external));
    v
}

fn instrument_cols() -> Vec<Col<Instrument>> {
    let mut v = vec![
        Col::dict_req("id", "The instrument's stable id.", |r: &Instrument| &r.id),
        Col::vocab_req(
            "kind",
            "communique, resolution, draft_resolution, framework, agreement, proposal or report.",
            InstrumentKind::WORDS,
            |r: &Instrument| r.kind.as_str(),
        ),
        Col::utf8_req("name", "Its name.", |r: &Instrument| &r.name),
        Col::list_utf8(
            "aliases",
            "Other names the sources use.",
            |r: &Instrument| strs(&r.aliases),
        ),
    ];
    v.extend(dates(|r: &Instrument| r.date.as_ref(), |_| None));
    v.extend([
        Col::list_dict("authors", "Actor ids of its authors.", |r: &Instrument| {
            strs(&r.authors)
        }),
        Col::list_dict(
            "signatories",
            "Actor ids of its signatories.",
            |r: &Instrument| strs(&r.signatories),
        ),
        Col::list_dict(
            "absent",
            "Actor ids that did not sign or attend.",
            |r: &Instrument| strs(&r.absent),
        ),
        Col::utf8(
            "summary",
            "What it says, in the data authors' words.",
            |r: &Instrument| r.summary.as_deref(),
        ),
        note(|r: &Instrument| r.note.as_deref()),
    ]);
    v.extend(evidence(|r: &Instrument| &r.evidence, "instrument"));
    v.push(external(|r: &Instrument| &r.external));
    v
}

fn schema_of<T>(cols: &[Col<T>], kind: RecordKind) -> SchemaRef {
    let fields: Vec<_> = cols.iter().map(|c| c.field.clone()).collect();
    Arc::new(
        Schema::new(fields).with_metadata(
            [(
                "syriatalks.record_type".to_string(),
                kind.as_str().to_string(),
            )]
            .into(),
        ),
    )
}

fn batch_of<T>(
    ds: &Dataset,
    all: &[T],
    rows: &[u32],
    cols: &[Col<T>],
    schema: SchemaRef,
) -> Result<RecordBatch, ArrowError> {
    let rows: Vec<&T> = rows.iter().map(|&i| &all[i as usize]).collect();
    let arrays: Vec<ArrayRef> = cols.iter().map(|c| (c.build)(ds, &rows)).collect();
    RecordBatch::try_new(schema, arrays)
}

macro_rules! tables {
    ($($kind:ident => $t:ty, $cols:ident, $all:ident;)+) => {
        /// The Arrow schema of the table of one record type. Built on each call (microseconds),
        /// not cached in a static, so that a C or Python consumer that releases everything leaves
        /// nothing allocated behind.
        pub fn schema(kind: RecordKind) -> SchemaRef {
            match kind {
                $(RecordKind::$kind => schema_of(&$cols(), kind),)+
            }
        }

        /// One batch of the rows at positions `rows` (indices into the dataset's records of `kind`).
        pub(crate) fn batch(
            ds: &Dataset,
            kind: RecordKind,
            rows: &[u32],
        ) -> Result<RecordBatch, ArrowError> {
            match kind {
                $(RecordKind::$kind => batch_of(ds, ds.$all(), rows, &$cols(), schema(kind)),)+
            }
        }
    };
}

tables! {
    Source => Source, source_cols, sources;
    Actor => Actor, actor_cols, actors;
    Place => Place, place_cols, places;
    Round => Round, round_cols, rounds;
    Event => Event, event_cols, events;
    Figure => Figure, figure_cols, figures;
    Quote => Quote, quote_cols, quotes;
    Position => Position, position_cols, positions;
    Instrument => Instrument, instrument_cols, instruments;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_weekday_vocabulary_is_the_names_the_core_gives() {
        let mut day = chrono::Weekday::Mon;
        for word in WEEKDAYS {
            assert_eq!(weekday_name(day), *word);
            day = day.succ();
        }
        assert_eq!(day, chrono::Weekday::Mon, "seven days, once each");
    }

    #[test]
    fn an_interval_whose_ends_read_the_same_is_one_date() {
        let d = |text: &str| DateValue::new(text.parse().unwrap(), Basis::Stated);
        assert_eq!(edtf_interval(&d("2012"), Some(&d("2012"))), "2012");
        assert_eq!(
            edtf_interval(&d("2012"), Some(&d("2013-06"))),
            "2012/2013-06"
        );
        assert_eq!(edtf_interval(&d("2012-02-01"), None), "2012-02-01");
    }
}
