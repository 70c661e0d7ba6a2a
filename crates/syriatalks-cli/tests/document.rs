//! `export --format json|annotations` with `--kind` and the timeline filters: the document holds
//! exactly the records `timeline --json` and the query API keep, plus the sources they cite.

mod common;

use std::collections::BTreeSet;

use common::{json, run};
use serde_json::Value;
use syriatalks::{RecordKind, RecordRef};

/// The filter sets the tests try, as CLI arguments.
const SELECTIONS: &[&[&str]] = &[
    &["--actor", "lavrov"],
    &["--from", "2016-01", "--to", "2016-03"],
    &["--from", "2017", "--to", "2017", "--dates", "certain"],
    &["--round", "geneva-iv"],
    &["--text", "ceasefire"],
    &["--place", "geneva", "--from", "2014"],
    &["--speaker", "de mistura"],
];

/// The array of the document that holds records of `kind` (`events` for event…).
fn array(doc: &Value, kind: RecordKind) -> &[Value] {
    let key = format!("{}s", kind.as_str());
    doc[key.as_str()]
        .as_array()
        .unwrap_or_else(|| panic!("no array {key}"))
}

fn ids(records: &[Value]) -> Vec<String> {
    records
        .iter()
        .map(|r| r["id"].as_str().unwrap().to_string())
        .collect()
}

fn with(base: &[&str], extra: &[&str]) -> Vec<String> {
    base.iter().chain(extra).map(|s| s.to_string()).collect()
}

fn args(v: &[String]) -> Vec<&str> {
    v.iter().map(String::as_str).collect()
}

/// The API's filter for a selection, built from the same arguments the CLI gets.
fn filter(sel: &[&str]) -> syriatalks::Filter {
    let mut f = syriatalks::Filter::new();
    for pair in sel.chunks(2) {
        let v = pair[1];
        f = match pair[0] {
            "--actor" => f.actor(v),
            "--from" => f.since(v.parse().unwrap()),
            "--to" => f.until(v.parse().unwrap()),
            "--dates" => f.dates(v.parse().unwrap()),
            "--round" => f.round(v),
            "--text" => f.text(v),
            "--place" => f.place(v),
            "--speaker" => f.speaker(v),
            other => panic!("no such filter in the test: {other}"),
        };
    }
    f
}

#[test]
fn filtered_json_holds_exactly_what_the_timeline_and_the_query_keep() {
    let ds = syriatalks::embedded();
    let mut nonempty = 0;
    for sel in SELECTIONS {
        let doc = json(&args(&with(&["export", "--format", "json"], sel)));
        let timeline = json(&args(&with(&["timeline", "--json"], sel)));
        let cited: BTreeSet<String> = doc["selection"]["cited_sources"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s.as_str().unwrap().to_string())
            .collect();
        for kind in RecordKind::ALL {
            let mut got = ids(array(&doc, *kind));
            if *kind == RecordKind::Source {
                got.retain(|id| !cited.contains(id));
            }
            let want: Vec<String> = ds
                .query(*kind, &filter(sel))
                .unwrap()
                .iter()
                .map(|r| r.id().to_string())
                .collect();
            assert_eq!(got, want, "{kind} {sel:?}");
            nonempty += usize::from(!got.is_empty());
            // The timeline lists the dated records of its types, in time order.
            let dated: BTreeSet<&String> = got
                .iter()
                .filter(|id| ds.get(id).and_then(|r| r.date()).is_some())
                .collect();
            let on_timeline: BTreeSet<&String> = timeline
                .as_array()
                .unwrap()
                .iter()
                .filter(|row| row["type"] == kind.as_str())
                .map(|row| row["record"]["id"].as_str().unwrap())
                .map(|id| {
                    got.iter().find(|g| *g == id).unwrap_or_else(|| {
                        panic!("{id} is on the timeline, not in the export {sel:?}")
                    })
                })
                .collect();
            if matches!(
                kind,
                RecordKind::Source | RecordKind::Actor | RecordKind::Place
            ) {
                assert!(on_timeline.is_empty());
            } else {
                assert_eq!(on_timeline, dated, "{kind} {sel:?}");
            }
        }
        assert_eq!(doc["selection"]["types"].as_array().unwrap().len(), 9);
    }
    assert!(nonempty > SELECTIONS.len(), "the selections keep records");
}

#[test]
fn a_filtered_document_carries_the_sources_its_quotes_come_from() {
    let ds = syriatalks::embedded();
    let doc = json(&[
        "export", "--format", "json", "--kind", "event", "--actor", "lavrov",
    ]);
    assert_eq!(doc["selection"]["types"], serde_json::json!(["event"]));
    assert_eq!(
        doc["selection"]["filter"],
        serde_json::json!({"actor": "lavrov"})
    );
    assert_eq!(doc["crate_version"], syriatalks::VERSION);
    for kind in RecordKind::ALL {
        if !matches!(kind, RecordKind::Event | RecordKind::Source) {
            assert!(
                array(&doc, *kind).is_empty(),
                "--kind event keeps no {kind}"
            );
        }
    }
    let events = array(&doc, RecordKind::Event);
    assert!(!events.is_empty());
    // The sources are exactly those the kept events cite, each with its text.
    let mut want: BTreeSet<&str> = BTreeSet::new();
    for id in ids(events) {
        let r = ds.get(&id).unwrap();
        assert!(matches!(r, RecordRef::Event(_)));
        want.extend(r.evidence().iter().map(|e| e.source.as_str()));
    }
    let sources = array(&doc, RecordKind::Source);
    let got: BTreeSet<String> = ids(sources).into_iter().collect();
    let cited: BTreeSet<String> = doc["selection"]["cited_sources"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s.as_str().unwrap().to_string())
        .collect();
    assert_eq!(got, cited);
    assert_eq!(
        got,
        want.iter().map(|s| s.to_string()).collect::<BTreeSet<_>>()
    );
    // Every quote of the document is at its span in a source text the document holds.
    let mut checked = 0;
    for e in events {
        for ev in e["evidence"].as_array().unwrap() {
            let src = sources
                .iter()
                .find(|s| s["id"] == ev["source"])
                .expect("the cited source is in the document");
            let text = src["text"].as_str().unwrap();
            let (a, b) = (
                ev["span"]["start"].as_u64().unwrap() as usize,
                ev["span"]["end"].as_u64().unwrap() as usize,
            );
            assert_eq!(text.get(a..b), ev["quote"].as_str());
            checked += 1;
        }
    }
    assert!(checked > 0);
}

#[test]
fn the_whole_document_is_unchanged_and_partition_is_refused() {
    let whole = json(&["export", "--format", "json"]);
    assert!(whole.get("selection").is_none(), "no selection, no marker");
    assert_eq!(
        array(&whole, RecordKind::Event).len(),
        syriatalks::embedded().events().len()
    );
    // --kind alone narrows too.
    let rounds = json(&["export", "--format", "json", "--kind", "round"]);
    assert_eq!(
        ids(array(&rounds, RecordKind::Round)),
        ids(array(&whole, RecordKind::Round))
    );
    assert!(array(&rounds, RecordKind::Event).is_empty());
    for format in ["json", "annotations"] {
        let o = run(&["export", "--format", format, "--partition", "year"]);
        assert_eq!(o.status.code(), Some(2), "{format}");
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(
            err.contains("--partition") && err.contains("one document"),
            "{err}"
        );
    }
    let o = run(&["export", "--format", "json", "--kind", "bogus"]);
    assert_eq!(o.status.code(), Some(2));
    let o = run(&[
        "export",
        "--format",
        "json",
        "--actor",
        "nobody-of-that-name",
    ]);
    assert_eq!(o.status.code(), Some(1), "an unknown actor is not found");
}

#[test]
fn filtered_annotations_annotate_the_kept_records_only() {
    let ds = syriatalks::embedded();
    for sel in SELECTIONS {
        let doc = json(&args(&with(&["export", "--format", "annotations"], sel)));
        let items = doc["first"]["items"].as_array().unwrap();
        assert_eq!(doc["total"].as_u64(), Some(items.len() as u64));
        let mut got: Vec<String> = items
            .iter()
            .map(|a| a["id"].as_str().unwrap().to_string())
            .collect();
        got.sort();
        let mut want = Vec::new();
        for kind in RecordKind::ALL {
            for r in ds.query(*kind, &filter(sel)).unwrap() {
                for (n, e) in r.evidence().iter().enumerate() {
                    if e.span.is_some() {
                        want.push(format!("urn:syriatalks:annotation:{}:{}", r.id(), n + 1));
                    }
                }
            }
        }
        want.sort();
        assert_eq!(got, want, "{sel:?}");
    }
}
