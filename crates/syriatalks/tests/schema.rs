//! `docs/record.schema.json` is the schema the Rust types give today: regenerated and compared.
//! `ST_BLESS=1 cargo test -p syriatalks --test schema` rewrites it after a change to the model.

use std::path::Path;

#[test]
fn the_committed_schema_is_the_generated_one() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/record.schema.json");
    let fresh = syriatalks::schema::record_file_schema_text();
    if std::env::var_os("ST_BLESS").is_some() {
        std::fs::write(&path, &fresh).expect("docs/ is writable");
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == fresh,
        "docs/record.schema.json is stale: regenerate it with ST_BLESS=1 cargo test -p syriatalks --test schema"
    );
}

#[test]
fn the_schema_knows_every_record_type_kind_word_and_date_form() {
    let schema = syriatalks::schema::record_file_schema();
    let props = schema["properties"].as_object().unwrap();
    assert_eq!(props.len(), syriatalks::RecordKind::ALL.len());
    let text = schema.to_string();
    for word in syriatalks::EventKind::WORDS
        .iter()
        .chain(syriatalks::Measure::WORDS)
    {
        assert!(text.contains(&format!("\"{word}\"")), "{word}");
    }
    assert_eq!(schema["$defs"]["Event"]["additionalProperties"], false);
    assert!(schema["$defs"]["PartialDate"]["pattern"].is_string());
    let line = &schema["$defs"]["EventLine"];
    assert_eq!(line["properties"]["type"]["const"], "event");
    assert_eq!(line["required"][0], "type");
    assert_eq!(
        schema["$defs"]["line"]["oneOf"].as_array().map(Vec::len),
        Some(syriatalks::RecordKind::ALL.len())
    );
}
