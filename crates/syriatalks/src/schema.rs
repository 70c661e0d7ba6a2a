//! The JSON Schema of a record file, derived from the serde types the loader reads (schemars), so
//! that editors and other languages can check a file before the loader does. The schema says what
//! a record *looks like* (fields, types, kind words, date forms); the rules that need the articles
//! (a quote found verbatim, a reference that names a record, a derivation that computes) stay the
//! loader's. Committed as `docs/record.schema.json`; `tests/schema.rs` regenerates and compares it
//! (`ST_BLESS=1 cargo test -p syriatalks --test schema` rewrites it).

use serde_json::{json, Map, Value};

use crate::model::*;

/// The JSON Schema (draft 2020-12) of a record file read as JSON: an object with an array per
/// record type (`source`, `actor`, …), as a TOML record file holds them.
pub fn record_file_schema() -> Value {
    let mut generator = schemars::generate::SchemaSettings::draft2020_12().into_generator();
    let mut properties = Map::new();
    macro_rules! array_of {
        ($($t:ty),+) => {$(
            properties.insert(
                <$t as Record>::KIND.as_str().to_string(),
                json!({ "type": "array", "items": generator.subschema_for::<$t>() }),
            );
        )+};
    }
    array_of!(Source, Actor, Place, Round, Event, Figure, Quote, Position, Instrument);
    let definitions = generator.take_definitions(true);
    json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "syriatalks record file",
        "description": "A record file of a syriatalks dataset (TOML, read as JSON): any of the record arrays. Generated from the Rust types; the rules that need the articles (quotes found verbatim, references, derivations) are checked by the loader. See docs/DATA.md.",
        "type": "object",
        "properties": properties,
        "additionalProperties": false,
        "$defs": definitions,
    })
}

/// [`record_file_schema`] as the committed file holds it: pretty JSON and a final newline.
pub fn record_file_schema_text() -> String {
    serde_json::to_string_pretty(&record_file_schema()).unwrap_or_default() + "\n"
}
