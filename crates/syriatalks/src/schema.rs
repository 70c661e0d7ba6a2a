//! The JSON Schema of a record file, derived from the serde types the loader reads (schemars), so
//! that editors and other languages can check a file before the loader does. The schema says what
//! a record *looks like* (fields, types, kind words, date forms); the rules that need the articles
//! (a quote found verbatim, a reference that names a record, a derivation that computes) stay the
//! loader's. Committed as `docs/record.schema.json`; `tests/schema.rs` regenerates and compares it
//! (`ST_BLESS=1 cargo test -p syriatalks --test schema` rewrites it).

use serde_json::{json, Map, Value};

use crate::model::*;

/// The JSON Schema (draft 2020-12) of a record file read as JSON: an object with an array per
/// record type (`source`, `actor`, …), as a TOML record file holds them. `$defs/line` is the schema
/// of one line of a JSON Lines record file (the record with `"type"` first).
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
    let mut definitions = generator.take_definitions(true);
    // A JSON Lines line is the same record with `"type"` first: one definition per type, and
    // `line`, the schema of any line.
    let mut lines = Vec::new();
    for kind in RecordKind::ALL {
        let name = type_name(*kind);
        let Some(Value::Object(def)) = definitions.get(&name).cloned() else {
            continue;
        };
        let mut line = Map::new();
        for (key, value) in def {
            match (key.as_str(), value) {
                ("properties", Value::Object(props)) => {
                    let mut with_type = Map::new();
                    with_type.insert("type".into(), json!({ "const": kind.as_str() }));
                    with_type.extend(props);
                    line.insert(key, Value::Object(with_type));
                }
                ("required", Value::Array(mut req)) => {
                    req.insert(0, json!("type"));
                    line.insert(key, Value::Array(req));
                }
                (_, value) => {
                    line.insert(key, value);
                }
            }
        }
        definitions.insert(format!("{name}Line"), Value::Object(line));
        lines.push(json!({ "$ref": format!("#/$defs/{name}Line") }));
    }
    definitions.insert(
        "line".into(),
        json!({
            "description": "One line of a JSON Lines record file: a record with its type first (\"type\": \"event\", ...).",
            "oneOf": lines,
        }),
    );
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

/// The name schemars gives a record type's definition: its Rust type name.
fn type_name(kind: RecordKind) -> String {
    let word = kind.as_str();
    word[..1].to_ascii_uppercase() + &word[1..]
}

/// [`record_file_schema`] as the committed file holds it: pretty JSON and a final newline.
pub fn record_file_schema_text() -> String {
    serde_json::to_string_pretty(&record_file_schema()).unwrap_or_default() + "\n"
}
