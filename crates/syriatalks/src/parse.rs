//! Parsing record files, TOML or JSON Lines, straight into typed records.
//!
//! The cost of a load must grow with its bytes whatever the layout, so: line numbers come from one
//! newline index per file (never a count from the start of the file per record); a well-formed TOML
//! file is deserialized in one go into typed records (no intermediate value tree), and only a file
//! that fails is parsed again record by record, so that one bad record is reported with its line
//! and id while the others still load; a large file is cut at its top-level `[[type]]` headers (or
//! its lines, for JSON Lines) into pieces parsed on every core.

use serde::de::{self, DeserializeOwned, MapAccess, Visitor};
use serde::Deserialize;
use toml::Spanned;

use crate::error::{Problem, ProblemKind};
use crate::model::*;

/// The record arrays a data file may hold, by their TOML name: the record types' words.
pub(crate) const ARRAYS: &[&str] = RecordKind::WORDS;

/// The byte offsets at which each line of a text starts, for turning an offset into a line number
/// in `O(log lines)`.
pub(crate) struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    /// Indexes the newlines of `text` (one pass).
    pub(crate) fn new(text: &str) -> Self {
        let mut starts = vec![0];
        starts.extend(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1));
        LineIndex { starts }
    }

    /// The 1-based line holding byte `offset`.
    pub(crate) fn line(&self, offset: usize) -> usize {
        self.starts.partition_point(|&s| s <= offset)
    }
}

/// One record of any type.
// Only the per-record path of a failing file makes these, one at a time, each moved at once into
// its typed vector: boxing the larger variants would add an allocation and save nothing.
#[allow(clippy::large_enum_variant)]
#[derive(Debug)]
pub(crate) enum AnyRecord {
    Source(Source),
    Actor(Actor),
    Place(Place),
    Round(Round),
    Event(Event),
    Figure(Figure),
    Quote(Quote),
    Position(Position),
    Instrument(Instrument),
}

/// The records of one type that a file held, in file order, with their 1-based lines.
#[derive(Debug)]
pub(crate) struct Batch<T> {
    pub records: Vec<T>,
    pub lines: Vec<u32>,
}

impl<T> Default for Batch<T> {
    fn default() -> Self {
        Batch {
            records: Vec::new(),
            lines: Vec::new(),
        }
    }
}

impl<T> Batch<T> {
    fn push(&mut self, record: T, line: usize) {
        self.records.push(record);
        self.lines.push(u32::try_from(line).unwrap_or(u32::MAX));
    }

    /// Adds another batch's records after these (moving the vectors when this one is empty).
    pub(crate) fn append(&mut self, other: Batch<T>) {
        if self.records.is_empty() {
            *self = other;
        } else {
            self.records.extend(other.records);
            self.lines.extend(other.lines);
        }
    }
}

/// What one record file held: its records, by type and in file order, with their lines, and the
/// problems met. Typed vectors rather than one vector of an enum of every type: the enum is as
/// large as the largest record type, and a million records would carry that slack.
#[derive(Debug, Default)]
pub(crate) struct Parsed {
    pub sources: Batch<Source>,
    pub actors: Batch<Actor>,
    pub places: Batch<Place>,
    pub rounds: Batch<Round>,
    pub events: Batch<Event>,
    pub figures: Batch<Figure>,
    pub quotes: Batch<Quote>,
    pub positions: Batch<Position>,
    pub instruments: Batch<Instrument>,
    pub problems: Vec<Problem>,
}

/// Runs `$m!(field, Variant)` for every record type, in [`RecordKind::ALL`] order.
macro_rules! each_type {
    ($m:ident) => {
        $m!(sources, Source);
        $m!(actors, Actor);
        $m!(places, Place);
        $m!(rounds, Round);
        $m!(events, Event);
        $m!(figures, Figure);
        $m!(quotes, Quote);
        $m!(positions, Position);
        $m!(instruments, Instrument);
    };
}
pub(crate) use each_type;

impl Parsed {
    /// Adds one record read at `line`.
    pub(crate) fn push(&mut self, record: AnyRecord, line: usize) {
        match record {
            AnyRecord::Source(r) => self.sources.push(r, line),
            AnyRecord::Actor(r) => self.actors.push(r, line),
            AnyRecord::Place(r) => self.places.push(r, line),
            AnyRecord::Round(r) => self.rounds.push(r, line),
            AnyRecord::Event(r) => self.events.push(r, line),
            AnyRecord::Figure(r) => self.figures.push(r, line),
            AnyRecord::Quote(r) => self.quotes.push(r, line),
            AnyRecord::Position(r) => self.positions.push(r, line),
            AnyRecord::Instrument(r) => self.instruments.push(r, line),
        }
    }

    /// Adds the records and problems of the next piece of the same file.
    pub(crate) fn append(&mut self, other: Parsed) {
        macro_rules! join {
            ($field:ident, $variant:ident) => {
                self.$field.append(other.$field);
            };
        }
        each_type!(join);
        self.problems.extend(other.problems);
    }

    /// How many records there are.
    pub(crate) fn len(&self) -> usize {
        let mut n = 0;
        macro_rules! count {
            ($field:ident, $variant:ident) => {
                n += self.$field.records.len();
            };
        }
        each_type!(count);
        n
    }
}

/// The whole-file shape of a well-formed TOML record file.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TomlFile {
    #[serde(default)]
    source: Vec<Spanned<Source>>,
    #[serde(default)]
    actor: Vec<Spanned<Actor>>,
    #[serde(default)]
    place: Vec<Spanned<Place>>,
    #[serde(default)]
    round: Vec<Spanned<Round>>,
    #[serde(default)]
    event: Vec<Spanned<Event>>,
    #[serde(default)]
    figure: Vec<Spanned<Figure>>,
    #[serde(default)]
    quote: Vec<Spanned<Quote>>,
    #[serde(default)]
    position: Vec<Spanned<Position>>,
    #[serde(default)]
    instrument: Vec<Spanned<Instrument>>,
}

/// The size of the pieces a large file is cut into: large enough to amortize a thread's start,
/// small enough that a piece's parse tree stays in cache and all cores share a lone big file.
const PIECE: usize = 4 << 20;

/// Parses one TOML record file; a file of more than two pieces is cut in pieces parsed on every
/// core.
/// `done` is told how many bytes each parsed piece held.
pub(crate) fn parse_toml(name: &str, text: &str, done: &(dyn Fn(u64) + Sync)) -> Parsed {
    parse_toml_with(name, text, PIECE, done)
}

fn parse_toml_with(name: &str, text: &str, piece: usize, done: &(dyn Fn(u64) + Sync)) -> Parsed {
    let lines = LineIndex::new(text);
    let pieces = toml_pieces(text, piece);
    if pieces.len() > 1 {
        // Each piece starts at a top-level `[[type]]` header, so the pieces hold the same arrays as
        // the whole; a piece that does not parse alone (a header inside a multi-line string) sends
        // the whole file down the ordinary path, which reports exact lines.
        let mut out = Some(Parsed::default());
        crate::parallel::parallel_ordered(
            pieces.len(),
            |i| {
                let (start, end) = pieces[i];
                let parsed = typed_toml(&text[start..end], start, &lines);
                done((end - start) as u64);
                parsed
            },
            |_, piece| match (&mut out, piece) {
                (Some(all), Some(piece)) => all.append(piece),
                _ => out = None,
            },
        );
        if let Some(out) = out {
            return out;
        }
    }
    let parsed = match typed_toml(text, 0, &lines) {
        Some(parsed) => parsed,
        None => record_by_record(name, text, &lines),
    };
    if pieces.len() == 1 {
        done(text.len() as u64);
    }
    parsed
}

/// Where to cut a TOML file: at lines that are exactly a top-level array header (`[[event]]`),
/// about `target` bytes apart.
fn toml_pieces(text: &str, target: usize) -> Vec<(usize, usize)> {
    if text.len() < 2 * target {
        return vec![(0, text.len())];
    }
    let bytes = text.as_bytes();
    let mut cuts = vec![0];
    let mut next = target;
    while next < text.len() {
        // The next line start at or after `next` that begins a top-level array header.
        let mut at = next;
        let found = loop {
            let Some(nl) = memchr::memchr(b'\n', &bytes[at..]) else {
                break None;
            };
            let line_start = at + nl + 1;
            let line_end =
                memchr::memchr(b'\n', &bytes[line_start..]).map_or(text.len(), |e| line_start + e);
            let line = text[line_start..line_end].trim_end_matches('\r');
            if line
                .strip_prefix("[[")
                .and_then(|l| l.strip_suffix("]]"))
                .is_some_and(|name| ARRAYS.contains(&name))
            {
                break Some(line_start);
            }
            at = line_start;
        };
        match found {
            Some(cut) => {
                cuts.push(cut);
                next = cut + target;
            }
            None => break,
        }
    }
    cuts.push(text.len());
    cuts.windows(2).map(|w| (w[0], w[1])).collect()
}

/// The fast path: the whole text (a file or a piece of one starting at byte `base`) deserialized
/// at once into typed records; `None` if anything in it is wrong.
fn typed_toml(text: &str, base: usize, lines: &LineIndex) -> Option<Parsed> {
    let file: TomlFile = toml::from_str(text).ok()?;
    let mut out = Parsed::default();
    macro_rules! take {
        ($from:ident, $into:ident) => {
            out.$into.records.reserve_exact(file.$from.len());
            out.$into.lines.reserve_exact(file.$from.len());
            for s in file.$from {
                let line = lines.line(base + s.span().start);
                out.$into.push(s.into_inner(), line);
            }
        };
    }
    take!(source, sources);
    take!(actor, actors);
    take!(place, places);
    take!(round, rounds);
    take!(event, events);
    take!(figure, figures);
    take!(quote, quotes);
    take!(position, positions);
    take!(instrument, instruments);
    Some(out)
}

/// The slow path, for a file that did not deserialize at once: every record on its own, so each
/// bad one is reported with its line and id while the others load.
fn record_by_record(name: &str, text: &str, lines: &LineIndex) -> Parsed {
    let mut out = Parsed::default();
    let problem = |kind, line, record, field, message| Problem {
        kind,
        file: Some(name.to_string()),
        line,
        record,
        field,
        message,
    };
    let file: std::collections::BTreeMap<String, Vec<Spanned<toml::Value>>> =
        match toml::from_str(text) {
            Ok(f) => f,
            Err(e) => {
                out.problems.push(problem(
                    ProblemKind::Parse,
                    e.span().map(|s| lines.line(s.start)),
                    None,
                    None,
                    toml_message(&e),
                ));
                return out;
            }
        };
    for (array, records) in file {
        if !ARRAYS.contains(&array.as_str()) {
            let line = find_header(text, &array).map(|o| lines.line(o));
            out.problems.push(problem(
                ProblemKind::Parse,
                line,
                None,
                Some(array.clone()),
                format!(
                    "unknown record type `{array}` (expected one of: {})",
                    ARRAYS.join(", ")
                ),
            ));
            continue;
        }
        for (i, spanned) in records.into_iter().enumerate() {
            let line = lines.line(spanned.span().start);
            let value = spanned.into_inner();
            let id = value.get("id").and_then(|v| v.as_str()).map(str::to_string);
            let Some(id) = id else {
                out.problems.push(problem(
                    ProblemKind::Parse,
                    Some(line),
                    None,
                    Some("id".into()),
                    format!("{array} number {} has no string `id`", i + 1),
                ));
                continue;
            };
            match from_value(&array, value) {
                Ok(r) => out.push(r, line),
                Err((message, field)) => out.problems.push(problem(
                    schema_kind(&message),
                    Some(line),
                    Some(id),
                    field,
                    message,
                )),
            }
        }
    }
    out
}

/// What a TOML error says: its message, or, where the parser gives none (a file that ends right
/// after `=`), what its full report says.
pub(crate) fn toml_message(e: &toml::de::Error) -> String {
    let message = e.message().trim();
    if !message.is_empty() {
        return message.to_string();
    }
    let full = e.to_string();
    let said: Vec<&str> = full
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with("TOML parse error") && !l.contains('|'))
        .collect();
    if said.is_empty() {
        "the TOML is incomplete here (a value, a quote or a bracket is missing)".to_string()
    } else {
        said.join("; ")
    }
}

/// The offset of a `[[name]]` or `[name]` header at the start of a line.
fn find_header(text: &str, name: &str) -> Option<usize> {
    let double = format!("[[{name}]]");
    let single = format!("[{name}]");
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let t = line.trim_start();
        if t.starts_with(&double) || t.starts_with(&single) {
            return Some(offset + (line.len() - t.len()));
        }
        offset += line.len();
    }
    None
}

/// A date that parses as text but names no calendar day is a date problem, not a syntax one.
fn schema_kind(message: &str) -> ProblemKind {
    if message.contains(crate::date::DATE_ERROR_PREFIX) {
        ProblemKind::BadDate
    } else {
        ProblemKind::Parse
    }
}

/// The field a serde message names, when it names one (`unknown field `x``, `missing field `x``).
fn field_of(message: &str) -> Option<String> {
    for lead in ["unknown field `", "missing field `", "duplicate field `"] {
        if let Some(rest) = message.split(lead).nth(1) {
            return rest.split('`').next().map(str::to_string);
        }
    }
    None
}

/// The field a deserialization error is about: the path to where it happened (`evidence`,
/// `actors[1].role`), joined with the field its message names, if any.
fn field_at(path: &serde_path_to_error::Path, message: &str) -> Option<String> {
    let path = path.to_string();
    match (path.as_str(), field_of(message)) {
        (".", named) => named,
        // Some deserializers have already stepped into the key the message names.
        (p, Some(named)) if p == named || p.ends_with(&format!(".{named}")) => Some(path),
        (_, Some(named)) => Some(format!("{path}.{named}")),
        (_, None) => Some(path),
    }
}

/// A record from its TOML value; the error is the message and the field it is about.
fn from_value(array: &str, value: toml::Value) -> Result<AnyRecord, (String, Option<String>)> {
    fn de<T: DeserializeOwned>(v: toml::Value) -> Result<T, (String, Option<String>)> {
        serde_path_to_error::deserialize(v).map_err(|e| {
            let message = toml_message(e.inner());
            let field = field_at(e.path(), &message);
            (message, field)
        })
    }
    Ok(match array {
        "source" => AnyRecord::Source(de(value)?),
        "actor" => AnyRecord::Actor(de(value)?),
        "place" => AnyRecord::Place(de(value)?),
        "round" => AnyRecord::Round(de(value)?),
        "event" => AnyRecord::Event(de(value)?),
        "figure" => AnyRecord::Figure(de(value)?),
        "quote" => AnyRecord::Quote(de(value)?),
        "position" => AnyRecord::Position(de(value)?),
        "instrument" => AnyRecord::Instrument(de(value)?),
        other => return Err((format!("unknown record type `{other}`"), None)),
    })
}

/// One JSON Lines record: an object whose first key is `"type"`, the rest being the record's
/// fields. Reading the type first lets the rest go straight into the typed record, with no
/// buffering.
struct JsonLine(AnyRecord);

impl<'de> Deserialize<'de> for JsonLine {
    fn deserialize<D: de::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = JsonLine;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a JSON object whose first key is \"type\"")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<JsonLine, A::Error> {
                let key: Option<std::borrow::Cow<'de, str>> = map.next_key()?;
                if key.as_deref() != Some("type") {
                    return Err(de::Error::custom(
                        "the first key must be \"type\" (the record type: source, actor, place, round, event, figure, quote, position or instrument)",
                    ));
                }
                let kind: std::borrow::Cow<'de, str> = map.next_value()?;
                let rest = de::value::MapAccessDeserializer::new(map);
                Ok(JsonLine(match kind.as_ref() {
                    "source" => AnyRecord::Source(Source::deserialize(rest)?),
                    "actor" => AnyRecord::Actor(Actor::deserialize(rest)?),
                    "place" => AnyRecord::Place(Place::deserialize(rest)?),
                    "round" => AnyRecord::Round(Round::deserialize(rest)?),
                    "event" => AnyRecord::Event(Event::deserialize(rest)?),
                    "figure" => AnyRecord::Figure(Figure::deserialize(rest)?),
                    "quote" => AnyRecord::Quote(Quote::deserialize(rest)?),
                    "position" => AnyRecord::Position(Position::deserialize(rest)?),
                    "instrument" => AnyRecord::Instrument(Instrument::deserialize(rest)?),
                    other => {
                        return Err(de::Error::custom(format!(
                            "unknown record type `{other}` (expected one of: {})",
                            ARRAYS.join(", ")
                        )))
                    }
                }))
            }
        }
        d.deserialize_map(V)
    }
}

/// Parses a JSON Lines record file: one record per non-blank line. Large files are cut at line
/// boundaries and parsed on every core.
/// `done` is told how many bytes each parsed piece held.
pub(crate) fn parse_jsonl(name: &str, text: &str, done: &(dyn Fn(u64) + Sync)) -> Parsed {
    let pieces = if text.len() < 2 * PIECE {
        vec![(0, text.len())]
    } else {
        let target = PIECE;
        let mut cuts = vec![0];
        while let Some(&last) = cuts.last() {
            let want = last + target;
            if want >= text.len() {
                break;
            }
            match memchr::memchr(b'\n', &text.as_bytes()[want..]) {
                Some(nl) => cuts.push(want + nl + 1),
                None => break,
            }
        }
        cuts.push(text.len());
        cuts.dedup();
        cuts.windows(2).map(|w| (w[0], w[1])).collect()
    };
    // The line number a piece starts at, counted once (linear in the file).
    let mut first_lines = Vec::with_capacity(pieces.len());
    let mut line = 1;
    let mut prev = 0;
    for &(start, _) in &pieces {
        line += memchr::memchr_iter(b'\n', &text.as_bytes()[prev..start]).count();
        first_lines.push(line);
        prev = start;
    }
    let run = |(start, end): (usize, usize), first_line: usize| {
        done((end - start) as u64);
        let mut out = Parsed::default();
        for (i, raw) in text[start..end].split('\n').enumerate() {
            let line_no = first_line + i;
            let raw = raw.strip_suffix('\r').unwrap_or(raw);
            if raw.trim().is_empty() {
                continue;
            }
            match serde_json::from_str::<JsonLine>(raw) {
                Ok(JsonLine(r)) => out.push(r, line_no),
                Err(e) => out.problems.push(json_problem(name, line_no, raw, &e)),
            }
        }
        out
    };
    if pieces.len() == 1 {
        return run(pieces[0], 1);
    }
    let mut out = Parsed::default();
    crate::parallel::parallel_ordered(
        pieces.len(),
        |i| run(pieces[i], first_lines[i]),
        |_, piece| out.append(piece),
    );
    out
}

fn json_problem(name: &str, line: usize, raw: &str, e: &serde_json::Error) -> Problem {
    // The record's id, when the line is at least JSON with a string `id`.
    let id = serde_json::from_str::<serde_json::Value>(raw)
        .ok()
        .and_then(|v| v.get("id").and_then(|i| i.as_str()).map(str::to_string));
    let full = e.to_string();
    let bare = full
        .rfind(" at line ")
        .map_or(full.as_str(), |at| &full[..at]);
    // A column helps find a syntax error; a schema error names its field instead, as in TOML.
    let (kind, message) = if e.is_syntax() || e.is_eof() {
        (
            ProblemKind::Parse,
            format!("{bare} (column {})", e.column()),
        )
    } else {
        (schema_kind(bare), bare.to_string())
    };
    // Where in the record the error is: read the line again, tracking the path (errors only).
    let field = serde_path_to_error::deserialize::<_, JsonLine>(
        &mut serde_json::Deserializer::from_str(raw),
    )
    .err()
    .and_then(|e| field_at(e.path(), &message))
    .or_else(|| field_of(&message));
    Problem {
        kind,
        file: Some(name.to_string()),
        line: Some(line),
        record: id,
        field,
        message,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_index_counts_from_one() {
        let idx = LineIndex::new("a\nbc\n\nd");
        assert_eq!(
            [0, 1, 2, 3, 4, 5, 6].map(|o| idx.line(o)),
            [1, 1, 2, 2, 2, 3, 4]
        );
    }

    fn event_toml(i: usize) -> String {
        format!(
            "[[event]]\nid = \"e{i}\"\nkind = \"other\"\nsummary = \"s\"\ndate = {{ value = \"2016\", basis = \"inferred\", note = \"n\" }}\n\n"
        )
    }

    #[test]
    fn a_large_file_cut_in_pieces_parses_as_the_whole() {
        let text: String = (0..40_000).map(event_toml).collect();
        assert!(toml_pieces(&text, 1 << 16).len() > 10);
        let lines = LineIndex::new(&text);
        let whole = typed_toml(&text, 0, &lines).expect("valid");
        let cut = parse_toml_with("f.toml", &text, 1 << 16, &|_| {});
        assert_eq!(whole.len(), 40_000);
        let ids = |p: &Parsed| -> Vec<(String, u32)> {
            p.events
                .records
                .iter()
                .zip(&p.events.lines)
                .map(|(r, l)| (r.id.clone(), *l))
                .collect()
        };
        assert_eq!(ids(&whole), ids(&cut));
        assert_eq!(whole.events.lines[1], 7);
    }

    #[test]
    fn a_header_inside_a_multiline_string_does_not_cut_the_file() {
        let mut text: String = (0..20_000).map(event_toml).collect();
        text.push_str("[[event]]\nid = \"tricky\"\nkind = \"other\"\nsummary = \"\"\"\n");
        text.push_str(&"[[event]]\nid = \"inside\"\n".repeat(50_000));
        text.push_str("\"\"\"\ndate = { value = \"2016\", basis = \"inferred\", note = \"n\" }\n");
        text.push_str(
            &(0..20_000)
                .map(event_toml)
                .collect::<String>()
                .replace("\"e", "\"f"),
        );
        let cut = parse_toml_with("f.toml", &text, 1 << 16, &|_| {});
        assert!(cut.problems.is_empty(), "{:?}", cut.problems.first());
        assert_eq!(cut.len(), 40_001);
        assert!(cut.events.records.iter().all(|r| r.id != "inside"));
    }

    #[test]
    fn json_lines_need_the_type_first() {
        let text = "{\"type\":\"place\",\"id\":\"x\",\"kind\":\"city\",\"name\":\"X\"}\n\n{\"id\":\"y\",\"type\":\"place\"}\n{\"type\":\"nope\",\"id\":\"z\"}\n{\"type\":\"place\",\"id\":\"w\",\"kind\":\"city\",\"name\":\"W\",\"colour\":1}\n";
        let p = parse_jsonl("r.jsonl", text, &|_| {});
        assert_eq!(p.len(), 1);
        assert_eq!(p.places.lines[0], 1);
        let lines: Vec<_> = p.problems.iter().map(|p| p.line.unwrap()).collect();
        assert_eq!(lines, [3, 4, 5]);
        assert!(p.problems[0].message.contains("first key must be \"type\""));
        assert_eq!(p.problems[0].record.as_deref(), Some("y"));
        assert!(p.problems[1].message.contains("unknown record type `nope`"));
        assert_eq!(p.problems[2].field.as_deref(), Some("colour"));
    }
}
