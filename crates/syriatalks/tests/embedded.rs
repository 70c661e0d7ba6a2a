//! The embedded dataset: it validates, every quote is where its span says, the seeds are the
//! manifest's, and the export carries every quote verbatim.

use syriatalks::{embedded, Filter, RecordKind};

#[test]
fn the_embedded_data_validates() {
    if let Err(e) = syriatalks::try_embedded() {
        panic!("{e}");
    }
    let ds = embedded();
    assert_eq!(ds.sources().len(), 5);
    assert_eq!(ds.data_version(), Some(syriatalks::DATA_VERSION));
    for (kind, n) in ds.counts() {
        assert!(
            n > 0
                || matches!(
                    kind,
                    RecordKind::Event
                        | RecordKind::Figure
                        | RecordKind::Quote
                        | RecordKind::Position
                ),
            "no {kind} records"
        );
    }
}

#[test]
fn every_evidence_span_slices_its_quote() {
    let ds = embedded();
    let mut n = 0;
    for r in ds.records() {
        for ev in r.evidence() {
            let text = &ds
                .source(&ev.source)
                .unwrap_or_else(|| panic!("{}: no source {}", r.id(), ev.source))
                .text;
            let span = ev
                .span
                .unwrap_or_else(|| panic!("{}: unplaced quote", r.id()));
            assert_eq!(span.slice(text), Some(ev.quote.as_str()), "{}", r.id());
            n += 1;
        }
    }
    assert!(n > 50, "only {n} evidence quotes");
}

#[test]
fn the_seed_copies_are_byte_identical_to_the_manifest_and_the_shared_corpus() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let manifest = std::fs::read_to_string(root.join("data/seeds/manifest.toml"))
        .unwrap_or_else(|e| panic!("{e}"));
    let fresh = syriatalks::manifest_for(root.join("data/seeds")).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        manifest, fresh,
        "data/seeds/manifest.toml is stale: run `syriatalks manifest crates/syriatalks/data`"
    );
    // The project's `seeds/` is the same folder; the shared corpus, when present, is identical.
    let shared = root.join("../../../shared/seeds");
    if shared.is_dir() {
        for source in embedded().sources() {
            let theirs = std::fs::read(shared.join(&source.file))
                .unwrap_or_else(|e| panic!("{}: {e}", source.file));
            assert_eq!(
                theirs,
                source.text.as_bytes(),
                "{} differs from the shared corpus",
                source.file
            );
        }
    }
}

#[test]
fn the_export_carries_every_quote_verbatim() {
    let ds = embedded();
    let json: serde_json::Value =
        serde_json::from_str(&ds.to_json()).unwrap_or_else(|e| panic!("{e}"));
    let texts: std::collections::HashMap<String, String> = ds
        .sources()
        .iter()
        .map(|s| (s.id.clone(), s.text.clone()))
        .collect();
    let mut found = 0;
    fn walk(
        v: &serde_json::Value,
        texts: &std::collections::HashMap<String, String>,
        found: &mut usize,
    ) {
        match v {
            serde_json::Value::Object(o) => {
                if let (Some(src), Some(q)) = (
                    o.get("source").and_then(|s| s.as_str()),
                    o.get("quote").and_then(|q| q.as_str()),
                ) {
                    let text = &texts[src];
                    assert!(text.contains(q), "exported quote not in {src}: {q}");
                    let span = &o["span"];
                    let (a, b) = (
                        span["start"].as_u64().unwrap_or(0) as usize,
                        span["end"].as_u64().unwrap_or(0) as usize,
                    );
                    assert_eq!(&text[a..b], q);
                    *found += 1;
                }
                o.values().for_each(|x| walk(x, texts, found));
            }
            serde_json::Value::Array(a) => a.iter().for_each(|x| walk(x, texts, found)),
            _ => {}
        }
    }
    walk(&json, &texts, &mut found);
    assert!(found > 50);
    assert_eq!(json["data_version"], syriatalks::DATA_VERSION);
}

#[test]
fn the_timeline_spans_2012_to_2017() {
    let t = embedded()
        .timeline(&Filter::new())
        .unwrap_or_else(|e| panic!("{e}"));
    let years: Vec<i32> = t
        .iter()
        .filter_map(|r| r.date())
        .map(|d| d.value.year_value())
        .collect();
    // The talks run from Geneva I (2012) to the round planned for September 2017; a record of the
    // conflict's start may come earlier.
    assert!(years.first().is_some_and(|y| *y <= 2012), "{years:?}");
    assert!(years.contains(&2012) && years.contains(&2017), "{years:?}");
    assert_eq!(years.last(), Some(&2017));
}

#[test]
fn the_compact_embedded_form_is_the_validated_source_data() {
    // The first access decodes what the build script validated; it must be exactly what loading
    // the record files gives, spans, citations, texts and checksums included.
    let compact = syriatalks::embedded_owned().expect("decodes");
    let sources = syriatalks::embedded_from_sources().expect("validates");
    assert_eq!(compact.to_json(), sources.to_json());
    assert_eq!(compact.counts(), sources.counts());
}
