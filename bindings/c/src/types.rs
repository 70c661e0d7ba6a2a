//! The C view of the records. Every struct here is built by the library and handed out by
//! pointer; callers only read them. Every `const char *` in them is UTF-8, NUL-terminated, and
//! borrowed from the dataset (or, where a comment says so, from the result holding it): it stays
//! valid until that dataset (or result) is freed, and must not be freed or written through.
//! A NULL string means the field is absent. A list is a pointer and a `_len` count; the pointer is
//! NULL when the count is 0.
//! (A NUL byte inside a value, which valid data never holds, is given as a space, so lengths and
//! byte offsets stay those of the original.)

use std::ffi::c_char;
use std::ptr;

/// The nine record types, numbered for `kind` arguments (which are `int32_t`, so that a wrong
/// number is refused with `ST_STATUS_INVALID_ARGUMENT` rather than being undefined behaviour).
#[repr(i32)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StRecordKind {
    /// An article of the corpus ([`StSource`]).
    Source = 0,
    /// A person, state, organization, delegation or group ([`StActor`]).
    Actor = 1,
    /// A city, village, region, venue or country ([`StPlace`]).
    Place = 2,
    /// One session of a negotiation process ([`StRound`]).
    Round = 3,
    /// Something that happened on a date ([`StEvent`]).
    Event = 4,
    /// A number someone claimed ([`StFigure`]).
    Figure = 5,
    /// Words attributed to a speaker ([`StQuote`]).
    Quote = 6,
    /// A stance of an actor on a topic ([`StPosition`]).
    Position = 7,
    /// A document the talks rest on ([`StInstrument`]).
    Instrument = 8,
}

/// Whether a record certainly or only possibly falls where a question asks: within a date range
/// (`StFilter.dates`, `st_date_fit`) or in session on a date (`st_session_certainty`).
#[repr(i32)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StCertainty {
    /// The data allows it: some day the record may cover lies in the range (the filter default,
    /// so that a zero-initialised `StFilter` keeps every record that may fall in the range).
    Possible = 0,
    /// The data says so: every day the record may cover lies in the range.
    Certain = 1,
    /// It cannot: no day it may cover lies in the range (or it has no date). Only an answer, never
    /// a filter value.
    Outside = 2,
}

/// The first and last day a record may cover once its anchors are applied, as `"YYYY-MM-DD"`
/// (NUL-terminated); both empty strings when the record has no date.
#[repr(C)]
#[derive(Debug, Clone, Copy)]
pub struct StDays {
    /// The first day.
    pub first: [c_char; 11],
    /// The last day.
    pub last: [c_char; 11],
}

/// How precisely a date is known.
#[repr(i32)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StPrecision {
    /// There is no date (the `StDate` is empty).
    None = 0,
    /// Only the year is known.
    Year = 1,
    /// The year and month are known.
    Month = 2,
    /// The calendar day is known.
    Day = 3,
}

/// A partial date with its basis. A year-only date is never shown as 1 January: `month` and `day`
/// are 0 when not known. When the record has no such date, `value` is NULL and `precision` is
/// `ST_PRECISION_NONE`.
#[repr(C)]
#[derive(Debug, Clone, Copy)]
pub struct StDate {
    /// The date as text: `"2017"`, `"2017-02"` or `"2017-02-23"`; NULL when there is no date.
    pub value: *const c_char,
    /// The year (0 when there is no date).
    pub year: i32,
    /// The month 1-12, or 0 when not known.
    pub month: u32,
    /// The day of the month, or 0 when not known.
    pub day: u32,
    /// How precisely the date is known.
    pub precision: StPrecision,
    /// Where the date comes from: `stated`, `derived`, `inferred` or `external`.
    pub basis: *const c_char,
    /// A softener the text puts on it (`early`, `mid`, `late`, `about`), or NULL.
    pub qualifier: *const c_char,
    /// The words of the text that give the date ("on Tuesday"), or NULL.
    pub quote: *const c_char,
    /// How the date was inferred, or NULL.
    pub note: *const c_char,
    /// The public document the date comes from (external dates), or NULL.
    pub reference: *const c_char,
    /// The record (a round, an event…) during which this happened (id), or NULL.
    pub during: *const c_char,
    /// The record this happened after, or on the same day as (id), or NULL.
    pub after: *const c_char,
    /// The record this happened before, or on the same day as (id), or NULL.
    pub before: *const c_char,
}

impl StDate {
    /// No date.
    pub(crate) const NONE: StDate = StDate {
        value: ptr::null(),
        year: 0,
        month: 0,
        day: 0,
        precision: StPrecision::None,
        basis: ptr::null(),
        qualifier: ptr::null(),
        quote: ptr::null(),
        note: ptr::null(),
        reference: ptr::null(),
        during: ptr::null(),
        after: ptr::null(),
        before: ptr::null(),
    };
}

/// The exact words of a source that state a fact, and where they are in it.
#[repr(C)]
#[derive(Debug, Clone, Copy)]
pub struct StEvidence {
    /// The id of the source.
    pub source: *const c_char,
    /// The exact words, byte for byte.
    pub quote: *const c_char,
    /// Which occurrence of the words is meant (1-based), or 0 when they occur once.
    pub occurrence: usize,
    /// Whether `span_start`/`span_end` are set (always, in a loaded dataset).
    pub has_span: bool,
    /// The first byte of the words in the source's `text`.
    pub span_start: usize,
    /// One past the last byte of the words in the source's `text`.
    pub span_end: usize,
}

/// A public document outside the seeds that a fact comes from.
#[repr(C)]
#[derive(Debug, Clone, Copy)]
pub struct StExternal {
    /// The document's title.
    pub title: *const c_char,
    /// A formal reference (document symbol), or NULL.
    pub reference: *const c_char,
    /// Where it can be read, or NULL.
    pub url: *const c_char,
}

/// Any record, by type and position, with what every record has. Query results are lists of these;
/// pass `kind` and `index` to `st_<type>_at` for the full record.
#[repr(C)]
#[derive(Debug, Clone, Copy)]
pub struct StRecordRef {
    /// The record type.
    pub kind: StRecordKind,
    /// The record's position among the records of its type (for `st_<type>_at`).
    pub index: usize,
    /// The record's stable id.
    pub id: *const c_char,
    /// A short human label (name, summary, headline, or the quoted words).
    pub label: *const c_char,
    /// The kind word within its type (event kind, measure, topic…), or NULL for types without one.
    pub kind_word: *const c_char,
    /// The record's main date (empty when it has none).
    pub date: StDate,
}

/// An article of the corpus.
#[repr(C)]
#[derive(Debug, Clone, Copy)]
pub struct StSource {
    /// Stable id.
    pub id: *const c_char,
    /// The file name under `seeds/`.
    pub file: *const c_char,
    /// The headline.
    pub title: *const c_char,
    /// The outlet, or NULL.
    pub outlet: *const c_char,
    /// The byline, or NULL.
    pub author: *const c_char,
    /// When it was published.
    pub published: StDate,
    /// Where it was published, or NULL.
    pub url: *const c_char,
    /// A note for readers, or NULL.
    pub note: *const c_char,
    /// The sha256 of the file, lowercase hex.
    pub sha256: *const c_char,
    /// The full text; evidence spans are byte offsets into it.
    pub text: *const c_char,
    /// The length of `text` in bytes.
    pub text_len: usize,
    /// The words that give the title, outlet, author and date.
    pub evidence: *const StEvidence,
    /// The number of `evidence` entries.
    pub evidence_len: usize,
}

/// A role an actor held, as the text states it.
#[repr(C)]
#[derive(Debug, Clone, Copy)]
pub struct StRole {
    /// The title, in the text's words.
    pub title: *const c_char,
    /// The actor the role is held in or for (id), or NULL.
    pub of: *const c_char,
    /// The round in which it was held (id), or NULL.
    pub round: *const c_char,
    /// When the text says it was held.
    pub as_of: StDate,
}

/// A person, state, organization, delegation or group.
#[repr(C)]
#[derive(Debug, Clone, Copy)]
pub struct StActor {
    /// Stable id.
    pub id: *const c_char,
    /// `person`, `state`, `government`, `organization`, `ngo`, `delegation`, `opposition_group`,
    /// `armed_group` or `media`.
    pub kind: *const c_char,
    /// The name to show.
    pub name: *const c_char,
    /// Every surface form the corpus uses.
    pub aliases: *const *const c_char,
    /// The number of `aliases`.
    pub aliases_len: usize,
    /// Roles, with when they were stated.
    pub roles: *const StRole,
    /// The number of `roles`.
    pub roles_len: usize,
    /// The actors it is a member of (ids).
    pub member_of: *const *const c_char,
    /// The number of `member_of` entries.
    pub member_of_len: usize,
    /// The ISO 3166-1 alpha-2 code of a state ("RU"), or NULL.
    pub iso_alpha2: *const c_char,
    /// The ISO 3166-1 alpha-3 code of a state ("RUS"), or NULL.
    pub iso_alpha3: *const c_char,
    /// A note for readers, or NULL.
    pub note: *const c_char,
    /// Every evidence entry, nested ones (roles, memberships) included.
    pub evidence: *const StEvidence,
    /// The number of `evidence` entries.
    pub evidence_len: usize,
    /// Public documents outside the seeds.
    pub external: *const StExternal,
    /// The number of `external` entries.
    pub external_len: usize,
}

/// A city, village, region, venue or country.
#[repr(C)]
#[derive(Debug, Clone, Copy)]
pub struct StPlace {
    /// Stable id.
    pub id: *const c_char,
    /// `country`, `region`, `city`, `district`, `village` or `venue`.
    pub kind: *const c_char,
    /// The name to show.
    pub name: *const c_char,
    /// Every surface form the corpus uses.
    pub aliases: *const *const c_char,
    /// The number of `aliases`.
    pub aliases_len: usize,
    /// The place it lies in (id), or NULL.
    pub within: *const c_char,
    /// The ISO 3166-1 alpha-2 code of a country ("SY"), or NULL.
    pub iso_alpha2: *const c_char,
    /// The ISO 3166-1 alpha-3 code of a country ("SYR"), or NULL.
    pub iso_alpha3: *const c_char,
    /// The GeoNames id, or 0 when the gazetteer has none (GeoNames ids start at 1).
    pub geonames_id: u32,
    /// Whether `latitude`, `longitude` and `location_precision` are set.
    pub has_coordinates: bool,
    /// WGS84 latitude, decimal degrees (north positive).
    pub latitude: f64,
    /// WGS84 longitude, decimal degrees (east positive).
    pub longitude: f64,
    /// How closely the coordinates locate the place (`exact`, `near`, `admin2`, `admin1`,
    /// `country`; after UCDP GED's `where_prec`), or NULL without coordinates.
    pub location_precision: *const c_char,
    /// A note for readers, or NULL.
    pub note: *const c_char,
    /// The words that name it.
    pub evidence: *const StEvidence,
    /// The number of `evidence` entries.
    pub evidence_len: usize,
    /// Public documents outside the seeds.
    pub external: *const StExternal,
    /// The number of `external` entries.
    pub external_len: usize,
}

/// A delegation at a round.
#[repr(C)]
#[derive(Debug, Clone, Copy)]
pub struct StDelegation {
    /// The party it speaks for (actor id).
    pub party: *const c_char,
    /// Who headed it (actor id), or NULL.
    pub head: *const c_char,
    /// Other named members (actor ids).
    pub members: *const *const c_char,
    /// The number of `members`.
    pub members_len: usize,
}

/// An item put on a round's agenda.
#[repr(C)]
#[derive(Debug, Clone, Copy)]
pub struct StAgendaItem {
    /// The item.
    pub item: *const c_char,
    /// Who proposed it (actor id), or NULL.
    pub proposed_by: *const c_char,
}

/// One session of a negotiation process.
#[repr(C)]
#[derive(Debug, Clone, Copy)]
pub struct StRound {
    /// Stable id.
    pub id: *const c_char,
    /// The name to show ("Geneva IV").
    pub name: *const c_char,
    /// Other names.
    pub aliases: *const *const c_char,
    /// The number of `aliases`.
    pub aliases_len: usize,
    /// `geneva`, `astana`, `vienna` or `moscow`.
    pub process: *const c_char,
    /// The round's number within its process, or 0 when the corpus does not give it.
    pub ordinal: u32,
    /// `held`, `planned` or `cancelled`.
    pub status: *const c_char,
    /// When it began (empty when unknown).
    pub start: StDate,
    /// When it ended (empty when unknown).
    pub end: StDate,
    /// Where (place ids, city then venue).
    pub places: *const *const c_char,
    /// The number of `places`.
    pub places_len: usize,
    /// Who mediated or sponsored it (actor ids).
    pub mediators: *const *const c_char,
    /// The number of `mediators`.
    pub mediators_len: usize,
    /// The delegations and their heads.
    pub delegations: *const StDelegation,
    /// The number of `delegations`.
    pub delegations_len: usize,
    /// Agenda items.
    pub agenda: *const StAgendaItem,
    /// The number of `agenda` items.
    pub agenda_len: usize,
    /// What came of it, or NULL.
    pub outcome: *const c_char,
    /// The instruments it rests on (ids).
    pub instruments: *const *const c_char,
    /// The number of `instruments`.
    pub instruments_len: usize,
    /// The round it follows (id), or NULL.
    pub follows: *const c_char,
    /// A note for readers, or NULL.
    pub note: *const c_char,
    /// Every evidence entry, nested ones (delegations, agenda, dates) included.
    pub evidence: *const StEvidence,
    /// The number of `evidence` entries.
    pub evidence_len: usize,
    /// Public documents outside the seeds.
    pub external: *const StExternal,
    /// The number of `external` entries.
    pub external_len: usize,
}

/// An actor and their part in an event.
#[repr(C)]
#[derive(Debug, Clone, Copy)]
pub struct StParticipant {
    /// The actor (id).
    pub actor: *const c_char,
    /// `agent`, `target`, `mediator`, `participant`, `supporter` or `reporter`.
    pub role: *const c_char,
}

/// Something that happened on a date.
#[repr(C)]
#[derive(Debug, Clone, Copy)]
pub struct StEvent {
    /// Stable id.
    pub id: *const c_char,
    /// What happened (`talks_opened`, `veto`, `capture`…).
    pub kind: *const c_char,
    /// The PLOVER event type of the kind (`CONSULT`, `REJECT`…), or NULL where PLOVER codes none.
    pub plover: *const c_char,
    /// The CAMEO cue category of the kind, as its two-digit code (`"04"`), or NULL.
    pub cameo_root: *const c_char,
    /// When it happened (or began).
    pub date: StDate,
    /// When it ended (empty for events that do not last).
    pub until: StDate,
    /// One line saying what happened.
    pub summary: *const c_char,
    /// Who took part, and how.
    pub actors: *const StParticipant,
    /// The number of `actors`.
    pub actors_len: usize,
    /// Where (place ids).
    pub places: *const *const c_char,
    /// The number of `places`.
    pub places_len: usize,
    /// The round it belongs to (id), or NULL.
    pub round: *const c_char,
    /// Instruments involved (ids).
    pub instruments: *const *const c_char,
    /// The number of `instruments`.
    pub instruments_len: usize,
    /// The happening it attests (a key other sources' records share), or NULL.
    pub happening: *const c_char,
    /// A note for readers, or NULL.
    pub note: *const c_char,
    /// Every evidence entry, the dates' included.
    pub evidence: *const StEvidence,
    /// The number of `evidence` entries.
    pub evidence_len: usize,
    /// Public documents outside the seeds.
    pub external: *const StExternal,
    /// The number of `external` entries.
    pub external_len: usize,
}

/// A number someone claimed.
#[repr(C)]
#[derive(Debug, Clone, Copy)]
pub struct StFigure {
    /// Stable id.
    pub id: *const c_char,
    /// What is counted (`deaths`, `refugees`, `vetoes_cast`…).
    pub measure: *const c_char,
    /// The number (for qualifier `order_of`, the magnitude).
    pub value: u64,
    /// How exact the claim is (`exactly`, `more_than`, `about`, `nearly`…).
    pub qualifier: *const c_char,
    /// Whether `low` is set (unset: the claim sets no lower bound).
    pub has_low: bool,
    /// The least the claim allows, computed from `value` and `qualifier`.
    pub low: u64,
    /// Whether `best` is set (unset for `order_of`, which names a magnitude, not a number).
    pub has_best: bool,
    /// The number the claim names.
    pub best: u64,
    /// Whether `high` is set (unset: the claim sets no upper bound).
    pub has_high: bool,
    /// The most the claim allows.
    pub high: u64,
    /// Whether `number_evidence` and `number_span_start`/`number_span_end` are set.
    pub has_number_span: bool,
    /// Which evidence entry (0-based) holds the number the bounds come from.
    pub number_evidence: usize,
    /// The first byte of the number's words in that evidence's source text.
    pub number_span_start: usize,
    /// One past the last byte of the number's words.
    pub number_span_end: usize,
    /// The number as the text writes it ("450,000").
    pub text: *const c_char,
    /// What the number covers, in brief.
    pub scope: *const c_char,
    /// The place it covers (id), or NULL.
    pub place: *const c_char,
    /// The start of the time it covers (empty when not given).
    pub period_start: StDate,
    /// The end of the time it covers (empty when not given).
    pub period_end: StDate,
    /// When the claim was made or reported (empty when not given).
    pub as_of: StDate,
    /// Who claimed it (actor ids; none when the article states it in its own voice).
    pub claimed_by: *const *const c_char,
    /// The number of `claimed_by` entries.
    pub claimed_by_len: usize,
    /// The round it was claimed at (id), or NULL.
    pub round: *const c_char,
    /// The happening it attests (a key other sources' records share), or NULL.
    pub happening: *const c_char,
    /// A note for readers, or NULL.
    pub note: *const c_char,
    /// The words that state it.
    pub evidence: *const StEvidence,
    /// The number of `evidence` entries.
    pub evidence_len: usize,
    /// Public documents outside the seeds.
    pub external: *const StExternal,
    /// The number of `external` entries.
    pub external_len: usize,
}

/// Words attributed to a speaker, verbatim.
#[repr(C)]
#[derive(Debug, Clone, Copy)]
pub struct StQuote {
    /// Stable id.
    pub id: *const c_char,
    /// Who said it (actor id).
    pub speaker: *const c_char,
    /// The words, verbatim.
    pub text: *const c_char,
    /// When it was said (empty when not given).
    pub said: StDate,
    /// Where it was said (place id), or NULL.
    pub place: *const c_char,
    /// Whom it was said to, or NULL.
    pub audience: *const c_char,
    /// The round it belongs to (id), or NULL.
    pub round: *const c_char,
    /// The happening it attests (a key other sources' records share), or NULL.
    pub happening: *const c_char,
    /// A note for readers, or NULL.
    pub note: *const c_char,
    /// The words with the attribution naming the speaker.
    pub evidence: *const StEvidence,
    /// The number of `evidence` entries.
    pub evidence_len: usize,
    /// Public documents outside the seeds.
    pub external: *const StExternal,
    /// The number of `external` entries.
    pub external_len: usize,
}

/// A stance of an actor on a topic, as of a date.
#[repr(C)]
#[derive(Debug, Clone, Copy)]
pub struct StPosition {
    /// Stable id.
    pub id: *const c_char,
    /// Whose stance (actor id).
    pub actor: *const c_char,
    /// What it is about (`assad_fate`, `political_transition`, `ceasefire`…).
    pub topic: *const c_char,
    /// The stance, in brief.
    pub stance: *const c_char,
    /// As of when (empty when not given).
    pub as_of: StDate,
    /// The round it was stated at (id), or NULL.
    pub round: *const c_char,
    /// Instruments it rests on (ids).
    pub instruments: *const *const c_char,
    /// The number of `instruments`.
    pub instruments_len: usize,
    /// A note for readers, or NULL.
    pub note: *const c_char,
    /// The words that state it.
    pub evidence: *const StEvidence,
    /// The number of `evidence` entries.
    pub evidence_len: usize,
    /// Public documents outside the seeds.
    pub external: *const StExternal,
    /// The number of `external` entries.
    pub external_len: usize,
}

/// A document the talks rest on or refer to.
#[repr(C)]
#[derive(Debug, Clone, Copy)]
pub struct StInstrument {
    /// Stable id.
    pub id: *const c_char,
    /// `communique`, `resolution`, `draft_resolution`, `framework`, `agreement`, `proposal` or
    /// `report`.
    pub kind: *const c_char,
    /// The name to show.
    pub name: *const c_char,
    /// Other names the corpus uses.
    pub aliases: *const *const c_char,
    /// The number of `aliases`.
    pub aliases_len: usize,
    /// When it was adopted, signed or released (empty when not given).
    pub date: StDate,
    /// Who drew it up (actor ids).
    pub authors: *const *const c_char,
    /// The number of `authors`.
    pub authors_len: usize,
    /// The signatories (actor ids).
    pub signatories: *const *const c_char,
    /// The number of `signatories`.
    pub signatories_len: usize,
    /// Parties named as not having signed (actor ids).
    pub absent: *const *const c_char,
    /// The number of `absent` entries.
    pub absent_len: usize,
    /// What it provides, or NULL.
    pub summary: *const c_char,
    /// A note for readers, or NULL.
    pub note: *const c_char,
    /// The words that state it.
    pub evidence: *const StEvidence,
    /// The number of `evidence` entries.
    pub evidence_len: usize,
    /// Public documents outside the seeds.
    pub external: *const StExternal,
    /// The number of `external` entries.
    pub external_len: usize,
}

/// Filters for a query. Zero-initialise it (`StFilter f = {0};`) and set what you need: a NULL
/// field is not a filter. Every field set must match. Strings are UTF-8; the library copies what
/// it needs during the call and keeps no pointer.
#[repr(C)]
#[derive(Debug, Clone, Copy)]
pub struct StFilter {
    /// Records that touch this date or later: `"YYYY"`, `"YYYY-MM"` or `"YYYY-MM-DD"`.
    pub since: *const c_char,
    /// Records that touch this date or earlier (a partial date counts to its last day).
    pub until: *const c_char,
    /// An actor id or any of their names (case, diacritics and `al-` ignored).
    pub actor: *const c_char,
    /// A kind word of the record type queried (event kind, measure, topic…); in a timeline also a
    /// record type (`quote`).
    pub kind: *const c_char,
    /// A place id or name; places within it match too.
    pub place: *const c_char,
    /// A round id or name.
    pub round: *const c_char,
    /// A source id or seed file name.
    pub source: *const c_char,
    /// Words that must occur in the record's fields or evidence (case and accents ignored).
    pub text: *const c_char,
    /// Quotes said by this actor (id or any name, as `actor`); only quotes match it.
    pub speaker: *const c_char,
    /// How `since` and `until` select: `ST_CERTAINTY_POSSIBLE` (0, the default) keeps every record
    /// that may fall in the range, `ST_CERTAINTY_CERTAIN` only those whose every possible day lies
    /// in it.
    pub dates: StCertainty,
}

/// A list of records returned by a query. Owned by the caller: free it with `st_results_free`.
/// It borrows from the dataset it came from, so free it before the dataset.
#[repr(C)]
#[derive(Debug)]
pub struct StResults {
    /// The records, in the order the query gives them.
    pub items: *const StRecordRef,
    /// The number of `items`.
    pub len: usize,
}

/// One place where searched words occur.
#[repr(C)]
#[derive(Debug, Clone, Copy)]
pub struct StSearchHit {
    /// The record the words are in (for a hit in an article's text, its source).
    pub record: StRecordRef,
    /// `text` for an article's text, otherwise the field (`texts[0]`, `evidence[1].quote`). Owned
    /// by the `StSearchResults`.
    pub field: *const c_char,
    /// The first byte of the match within that field's value (for `text`, within the article).
    pub span_start: usize,
    /// One past the last byte of the match.
    pub span_end: usize,
    /// The matched words with some context, on one line. Owned by the `StSearchResults`.
    pub snippet: *const c_char,
}

/// The hits of a full-text search. Owned by the caller: free it with `st_search_results_free`,
/// before the dataset it came from.
#[repr(C)]
#[derive(Debug)]
pub struct StSearchResults {
    /// The hits: records' fields and evidence first, then the articles' texts.
    pub items: *const StSearchHit,
    /// The number of `items`.
    pub len: usize,
}

/// A candidate actor for a name.
#[repr(C)]
#[derive(Debug, Clone, Copy)]
pub struct StCandidate {
    /// The actor.
    pub actor: StRecordRef,
    /// The name or alias that matched best. Owned by the `StCandidates`.
    pub matched: *const c_char,
    /// How it matched: `exact`, `words`, `partial` or `fuzzy` (a static string).
    pub how: *const c_char,
    /// A score in (0, 1]; 1 for an exact match.
    pub score: f64,
}

/// The actors a name could mean, best first. Owned by the caller: free it with
/// `st_candidates_free`, before the dataset it came from.
#[repr(C)]
#[derive(Debug)]
pub struct StCandidates {
    /// The candidates, best first.
    pub items: *const StCandidate,
    /// The number of `items`.
    pub len: usize,
}
