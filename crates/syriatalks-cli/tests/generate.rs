//! `syriatalks generate`: every layout and format writes the same records, the TOML forms pass
//! validation, the benchmark query returns the rows the generator recorded, and the output is
//! reproducible from its seed.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

const EVENTS: &str = "1000";

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_syriatalks"))
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("cannot run syriatalks: {e}"))
}

fn tmp(tag: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("syriatalks-gen-{tag}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

/// Generates a corpus with the test's size (50 events per article, so several record files).
fn generate(dir: &Path, layout: &str, format: &str, seed: &str) {
    let o = run(&[
        "generate",
        "--events",
        EVENTS,
        "--per-article",
        "50",
        "--seed",
        seed,
        "--layout",
        layout,
        "--format",
        format,
        "--out",
        dir.to_str().unwrap_or_default(),
    ]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "generate {layout} {format} failed: {}",
        String::from_utf8_lossy(&o.stderr)
    );
}

/// The record files of a corpus, in name order (the loader's order).
fn record_files(dir: &Path, ext: &str) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{e}"))
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == ext))
        .collect();
    v.sort();
    v
}

/// Every record of a TOML corpus as JSON, by type, in file order.
fn toml_records(dir: &Path) -> BTreeMap<String, Vec<Value>> {
    let mut out: BTreeMap<String, Vec<Value>> = BTreeMap::new();
    for f in record_files(dir, "toml") {
        let text = std::fs::read_to_string(&f).unwrap_or_else(|e| panic!("{e}"));
        let table: toml::Table = toml::from_str(&text).unwrap_or_else(|e| panic!("{f:?}: {e}"));
        for (ty, records) in table {
            let records = serde_json::to_value(records).unwrap_or_else(|e| panic!("{e}"));
            let Value::Array(records) = records else {
                panic!("{f:?}: `{ty}` is not an array of tables")
            };
            out.entry(ty).or_default().extend(records);
        }
    }
    out
}

/// Every record of a JSON Lines corpus, by type, in file order, checking that `type` comes first.
fn jsonl_records(dir: &Path) -> BTreeMap<String, Vec<Value>> {
    let mut out: BTreeMap<String, Vec<Value>> = BTreeMap::new();
    for f in record_files(dir, "jsonl") {
        let text = std::fs::read_to_string(&f).unwrap_or_else(|e| panic!("{e}"));
        for (n, line) in text
            .lines()
            .enumerate()
            .filter(|(_, l)| !l.trim().is_empty())
        {
            assert!(
                line.starts_with("{\"type\":\""),
                "{f:?}:{}: the first key is not `type`",
                n + 1
            );
            let mut v: Value =
                serde_json::from_str(line).unwrap_or_else(|e| panic!("{f:?}:{}: {e}", n + 1));
            let ty = v
                .as_object_mut()
                .and_then(|o| o.remove("type"))
                .and_then(|t| t.as_str().map(str::to_string))
                .unwrap_or_else(|| panic!("{f:?}:{}: no string `type`", n + 1));
            out.entry(ty).or_default().push(v);
        }
    }
    out
}

fn info(dir: &Path) -> Value {
    let text =
        std::fs::read_to_string(dir.join("generated.json")).unwrap_or_else(|e| panic!("{e}"));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn every_layout_and_format_holds_the_same_valid_records() {
    let base = tmp("forms");
    let mut forms = BTreeMap::new();
    for layout in ["per-article", "one-file"] {
        for format in ["toml", "jsonl"] {
            let dir = base.join(format!("{layout}-{format}"));
            generate(&dir, layout, format, "7");
            let records = if format == "toml" {
                // The TOML forms load with zero problems, and the benchmark query returns the
                // rows the generator counted.
                let o = run(&["validate", dir.to_str().unwrap_or_default()]);
                assert_eq!(
                    o.status.code(),
                    Some(0),
                    "{layout}: {}",
                    String::from_utf8_lossy(&o.stderr)
                );
                let ds = syriatalks::load(&dir).unwrap_or_else(|e| panic!("{layout}: {e}"));
                assert_eq!(ds.events().len(), 1000);
                let q = &info(&dir)["query"];
                let f = syriatalks::Filter::new()
                    .since(q["since"].as_str().unwrap_or_default().parse().unwrap())
                    .until(q["until"].as_str().unwrap_or_default().parse().unwrap())
                    .actor(q["actor"].as_str().unwrap_or_default());
                let rows = ds
                    .select::<syriatalks::Event>(&f)
                    .unwrap_or_else(|e| panic!("{e}"));
                assert_eq!(Some(rows.len() as u64), q["rows"].as_u64(), "{layout}");
                toml_records(&dir)
            } else {
                jsonl_records(&dir)
            };
            forms.insert(format!("{layout}-{format}"), records);
            // The side table lists every event once.
            let csv = std::fs::read_to_string(dir.join("generated-events.csv"))
                .unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(csv.lines().count(), 1001);
        }
    }
    let reference = &forms["per-article-toml"];
    assert_eq!(reference["event"].len(), 1000);
    assert_eq!(reference["source"].len(), 20);
    for (name, records) in &forms {
        assert_eq!(
            records.keys().collect::<Vec<_>>(),
            reference.keys().collect::<Vec<_>>(),
            "{name}"
        );
        for (ty, list) in records {
            assert_eq!(list.len(), reference[ty].len(), "{name}: {ty}");
            for (a, b) in list.iter().zip(&reference[ty]) {
                assert_eq!(
                    a, b,
                    "{name}: a {ty} differs from the per-article TOML form"
                );
            }
        }
    }
    let _ = std::fs::remove_dir_all(&base);
}

#[test]
fn a_seed_gives_the_same_bytes_and_another_seed_others() {
    let base = tmp("seed");
    for (name, seed) in [("a", "3"), ("b", "3"), ("c", "4")] {
        generate(&base.join(name), "one-file", "jsonl", seed);
    }
    let read = |name: &str, file: &str| {
        std::fs::read(base.join(name).join(file)).unwrap_or_else(|e| panic!("{e}"))
    };
    for file in [
        "corpus.jsonl",
        "seeds/manifest.toml",
        "generated-events.csv",
    ] {
        assert_eq!(read("a", file), read("b", file), "{file}");
        assert_ne!(read("a", file), read("c", file), "{file}");
    }
    let _ = std::fs::remove_dir_all(&base);
}

#[test]
fn bad_options_are_usage_errors() {
    let dir = tmp("usage");
    let d = dir.to_str().unwrap_or_default();
    assert_eq!(
        run(&["generate", "--events", "3", "--out", d])
            .status
            .code(),
        Some(2)
    );
    generate(&dir, "one-file", "toml", "1");
    // A folder that already holds something is never written into.
    let o = run(&["generate", "--events", "100", "--out", d]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("not empty"));
    let _ = std::fs::remove_dir_all(&dir);
}

/// The JSON Lines form loads into the same dataset as the TOML form, in both layouts.
#[test]
fn jsonl_loads_into_the_same_dataset_as_toml() {
    let base = tmp("jsonl-load");
    for layout in ["per-article", "one-file"] {
        let (t, j) = (
            base.join(format!("{layout}-t")),
            base.join(format!("{layout}-j")),
        );
        generate(&t, layout, "toml", "11");
        generate(&j, layout, "jsonl", "11");
        let from_toml = syriatalks::load(&t).unwrap_or_else(|e| panic!("toml: {e}"));
        let from_jsonl = syriatalks::load(&j).unwrap_or_else(|e| panic!("jsonl: {e}"));
        assert_eq!(from_jsonl.events().len(), 1000, "{layout}");
        assert_eq!(from_jsonl.to_json(), from_toml.to_json(), "{layout}");
    }
    let _ = std::fs::remove_dir_all(&base);
}
