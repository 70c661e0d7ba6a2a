//! The Web Annotation export, read back as a consumer would: every annotation is found again in
//! its article from its target and selectors alone (the article found by its digest among the
//! seed files; no record, span or byte offset used).

use std::collections::HashMap;

use base64::Engine;
use serde_json::Value;
use sha2::{Digest, Sha256};

/// The seed texts by their RFC 6920 names, computed here from the files themselves.
fn seeds_by_name() -> HashMap<String, String> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../syriatalks/data/seeds");
    let mut out = HashMap::new();
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "txt") {
            let bytes = std::fs::read(&path).unwrap();
            let digest = Sha256::digest(&bytes);
            let name = format!(
                "ni:///sha-256;{}",
                base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(digest)
            );
            out.insert(name, String::from_utf8(bytes).unwrap());
        }
    }
    out
}

fn selector<'a>(a: &'a Value, kind: &str) -> &'a Value {
    a["target"]["selector"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["type"] == kind)
        .unwrap_or_else(|| panic!("{} has no {kind}", a["id"]))
}

#[test]
fn every_annotation_is_found_again_from_its_selectors_alone() {
    let ds = syriatalks::embedded();
    let collection = syriatalks_site::annotations::collection(ds);
    assert_eq!(
        collection["@context"],
        syriatalks_site::annotations::CONTEXT
    );
    assert_eq!(collection["type"], "AnnotationCollection");
    let items = collection["first"]["items"].as_array().unwrap();
    assert_eq!(collection["total"].as_u64().unwrap() as usize, items.len());

    // One annotation per evidence entry with a span, nested ones included.
    let expected: usize = ds
        .records()
        .map(|r| r.evidence().iter().filter(|e| e.span.is_some()).count())
        .sum();
    assert_eq!(items.len(), expected);
    assert!(
        expected > 500,
        "the embedded data has hundreds of evidence entries"
    );

    let seeds = seeds_by_name();
    assert_eq!(seeds.len(), ds.sources().len());
    let mut non_ascii_before = 0;
    for a in items {
        assert_eq!(a["type"], "Annotation");
        let text = seeds
            .get(a["target"]["source"].as_str().unwrap())
            .unwrap_or_else(|| panic!("{}: the target names no seed by its digest", a["id"]));
        let chars: Vec<char> = text.chars().collect();
        let quote = selector(a, "TextQuoteSelector");
        let exact: Vec<char> = quote["exact"].as_str().unwrap().chars().collect();
        let prefix: Vec<char> = quote["prefix"].as_str().unwrap().chars().collect();
        let suffix: Vec<char> = quote["suffix"].as_str().unwrap().chars().collect();
        let position = selector(a, "TextPositionSelector");
        let (start, end) = (
            position["start"].as_u64().unwrap() as usize,
            position["end"].as_u64().unwrap() as usize,
        );
        // The position selector, in code points, selects the exact words.
        assert_eq!(&chars[start..end], &exact[..], "{}", a["id"]);
        // The quote selector matches at one place only, and it is that one.
        let found: Vec<usize> = (0..=chars.len() - exact.len())
            .filter(|&i| {
                chars[i..i + exact.len()] == exact[..]
                    && chars[..i].ends_with(&prefix)
                    && chars[i + exact.len()..].starts_with(&suffix)
            })
            .collect();
        assert_eq!(found, vec![start], "{}", a["id"]);
        if text[..text
            .char_indices()
            .nth(start)
            .map_or(text.len(), |(b, _)| b)]
            .len()
            != start
        {
            non_ascii_before += 1;
        }
        // The body is the record, by id and in full.
        let body = &a["body"];
        let record: Value = serde_json::from_str(body["value"].as_str().unwrap()).unwrap();
        let id = body["id"]
            .as_str()
            .unwrap()
            .strip_prefix("urn:syriatalks:record:")
            .unwrap();
        assert!(ds.get(id).is_some(), "{id}");
        assert_eq!(
            record["record"]["id"].as_str().or(record["id"].as_str()),
            Some(id)
        );
    }
    // Curly quotes and dashes come before many quotes: code points and bytes differ there, so
    // the conversion is exercised on the real articles, not only on ASCII.
    assert!(non_ascii_before > 100, "{non_ascii_before}");
}
