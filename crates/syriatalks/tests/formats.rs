//! The two record formats, TOML and JSON Lines, are the same records: the same corpus loads to the
//! same dataset, and the same mistakes give the same problems.

mod common;

use std::collections::BTreeSet;

use common::{manifest_for, replace_once, RECORDS, SEED};
use syriatalks::{Dataset, LoadError, ProblemKind};

/// A TOML record file as JSON Lines: one line per record, `"type"` first, the same fields.
fn to_jsonl(toml_text: &str) -> String {
    let table: toml::Table = toml::from_str(toml_text).expect("valid TOML");
    let mut out = String::new();
    for (array, records) in table {
        for record in records.as_array().expect("an array of tables") {
            let mut line = serde_json::Map::new();
            line.insert("type".into(), serde_json::Value::String(array.clone()));
            let fields = serde_json::to_value(record).expect("TOML converts to JSON");
            for (k, v) in fields.as_object().expect("a table").clone() {
                line.insert(k, v);
            }
            out.push_str(&serde_json::to_string(&line).expect("serializes"));
            out.push('\n');
        }
    }
    out
}

fn load(name: &str, records: &str) -> Result<Dataset, LoadError> {
    syriatalks::from_parts(
        &[(name, records)],
        &[("fixture.txt", SEED.as_bytes())],
        Some(&manifest_for(SEED.as_bytes())),
    )
}

#[test]
fn the_same_records_load_to_the_same_dataset() {
    let from_toml = load("records.toml", RECORDS).expect("TOML fixture loads");
    let from_jsonl = load("records.jsonl", &to_jsonl(RECORDS)).expect("JSONL fixture loads");
    assert_eq!(from_toml.to_json(), from_jsonl.to_json());
}

#[test]
fn the_embedded_data_as_json_lines_is_the_embedded_data() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    let mut files = Vec::new();
    for entry in std::fs::read_dir(&dir).expect("data/ is readable") {
        let path = entry.expect("entry").path();
        if path.extension().is_some_and(|e| e == "toml") {
            let text = std::fs::read_to_string(&path).expect("readable");
            let name = path.file_stem().unwrap().to_string_lossy().to_string() + ".jsonl";
            files.push((name, to_jsonl(&text)));
        }
    }
    files.sort();
    let seeds: Vec<(String, Vec<u8>)> = std::fs::read_dir(dir.join("seeds"))
        .expect("seeds/")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .map(|p| {
            (
                p.file_name().unwrap().to_string_lossy().to_string(),
                std::fs::read(&p).expect("seed"),
            )
        })
        .collect();
    let manifest = std::fs::read_to_string(dir.join("seeds/manifest.toml")).expect("manifest");
    let files: Vec<(&str, &str)> = files
        .iter()
        .map(|(n, t)| (n.as_str(), t.as_str()))
        .collect();
    let seeds: Vec<(&str, &[u8])> = seeds
        .iter()
        .map(|(n, b)| (n.as_str(), b.as_slice()))
        .collect();
    let jsonl = syriatalks::from_parts(&files, &seeds, Some(&manifest)).expect("loads");
    let mut embedded = syriatalks::embedded_owned().expect("embedded");
    // The data version belongs to the embedded build, not to the records.
    let json = |ds: &Dataset| {
        let mut v: serde_json::Value = serde_json::from_str(&ds.to_json()).unwrap();
        v.as_object_mut().unwrap().remove("data_version");
        v
    };
    let (a, b) = (json(&jsonl), json(&embedded));
    for (kind, list) in a.as_object().unwrap() {
        let other = &b[kind];
        if let (Some(x), Some(y)) = (list.as_array(), other.as_array()) {
            assert_eq!(x.len(), y.len(), "{kind} count");
            for (r, s) in x.iter().zip(y) {
                assert!(r == s, "{kind} differ:\n{r}\n{s}");
            }
        }
    }
    assert!(a == b);
    embedded = jsonl;
    assert!(embedded.events().len() > 50);
}

/// What a problem says, without where it says it (lines differ between the formats).
fn said(e: &LoadError) -> BTreeSet<(ProblemKind, Option<String>, Option<String>, String)> {
    e.problems
        .iter()
        .map(|p| {
            let message = match p.kind {
                ProblemKind::DuplicateId => String::new(),
                _ => p.message.clone(),
            };
            (p.kind, p.record.clone(), p.field.clone(), message)
        })
        .collect()
}

#[test]
fn the_same_mistakes_give_the_same_problems() {
    let broken = replace_once(
        RECORDS,
        "quote = \"north of Aleppo\" }",
        "quote = \"north of Alepo\" }",
    );
    let broken = replace_once(&broken, "id = \"jaafari\"", "id = \"de-mistura\"");
    let broken = replace_once(&broken, "within = \"syria\"", "within = \"atlantis\"");
    let broken = replace_once(
        &broken,
        "name = \"Geneva\"",
        "name = \"Geneva\"\ncolour = \"blue\"",
    );
    let a = load("records.toml", &broken).expect_err("broken TOML");
    let b = load("records.jsonl", &to_jsonl(&broken)).expect_err("broken JSONL");
    assert_eq!(said(&a), said(&b), "TOML:\n{a}\nJSONL:\n{b}");
    // The record that did not parse is not reported again where it is referred to.
    assert_eq!(a.problems.len(), 5, "{a}");
    // Each names its file and line, in its own format.
    assert!(b
        .problems
        .iter()
        .all(|p| p.file.as_deref() == Some("records.jsonl") && p.line.is_some()));
}

#[test]
fn a_bad_json_line_is_named_and_the_others_load() {
    let mut lines = to_jsonl(RECORDS);
    lines.push_str("{\"type\": \"place\", \"id\": \"oops\", \"kind\": \"city\", \"name\": }\n");
    let e = load("records.jsonl", &lines).expect_err("bad line");
    assert_eq!(e.problems.len(), 1, "{e}");
    let p = &e.problems[0];
    assert_eq!(p.kind, ProblemKind::Parse);
    assert_eq!(p.line, Some(lines.lines().count()));
    assert!(p.message.contains("column"), "{}", p.message);
}

#[test]
fn a_table_where_a_list_belongs_names_the_field_in_both_formats() {
    let broken = replace_once(
        RECORDS,
        "evidence = [{ source = \"fx\", quote = \"north of Aleppo\" }]",
        "evidence = { source = \"fx\", quote = \"north of Aleppo\" }",
    );
    for (name, text) in [
        ("records.toml", broken.clone()),
        ("records.jsonl", to_jsonl(&broken)),
    ] {
        let e = load(name, &text).expect_err("a table is not a list");
        let p = e
            .problems
            .iter()
            .find(|p| p.record.as_deref() == Some("aleppo"))
            .unwrap_or_else(|| panic!("{e}"));
        assert_eq!(p.field.as_deref(), Some("evidence"), "{name}: {p}");
    }
    // A mistake deeper in a record names the whole path.
    let broken = replace_once(
        RECORDS,
        "{ actor = \"de-mistura\", role = \"mediator\" }",
        "{ actor = \"de-mistura\", role = \"referee\" }",
    );
    let e = load("records.toml", &broken).expect_err("unknown role");
    assert!(
        e.problems.iter().any(|p| p
            .field
            .as_deref()
            .is_some_and(|f| f.starts_with("actors[") && f.ends_with("].role"))),
        "{e}"
    );
}
