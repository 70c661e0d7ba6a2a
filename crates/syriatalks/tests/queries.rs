//! The query vocabulary's semantics, on the fixture, with exact answers.

mod common;

use syriatalks::{
    Event, Figure, Filter, Measure, PartialDate, QueryError, Quote, RecordRef, Round,
};

fn d(s: &str) -> PartialDate {
    s.parse().unwrap_or_else(|e| panic!("{e}"))
}

fn ids<R: syriatalks::Record>(v: &[&R]) -> Vec<String> {
    v.iter().map(|r| r.id().to_string()).collect()
}

#[test]
fn time_filters_use_overlap_and_partial_bounds() {
    let ds = common::fixture();
    let ev = |f: Filter| ids(&ds.select::<Event>(&f).unwrap_or_else(|e| panic!("{e}")));
    assert_eq!(ev(Filter::new().since(d("2016-02-02"))), ["capture"]);
    assert_eq!(ev(Filter::new().until(d("2016-02-01"))), ["opened"]);
    assert_eq!(
        ev(Filter::new().since(d("2016-02")).until(d("2016-02"))),
        ["opened", "capture"]
    );
    assert!(ev(Filter::new().until(d("2016-01-31"))).is_empty());
    // A year-precision round touches any range inside that year.
    let rounds = ds
        .select::<Round>(&Filter::new().since(d("2015-06-01")).until(d("2015-06-30")))
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(ids(&rounds), ["vienna"]);
    let empty = ds.select::<Event>(&Filter::new().since(d("2017")).until(d("2016")));
    assert!(matches!(empty, Err(QueryError::EmptyRange { .. })));
}

#[test]
fn actors_match_by_id_alias_case_diacritics_and_article() {
    let ds = common::fixture();
    for name in [
        "jaafari",
        "Bashar al-Jaafari",
        "BASHAR AL JAAFARI",
        "Bashar Jaafari",
        "Jaafari",
    ] {
        let q = ds
            .select::<Quote>(&Filter::new().actor(name))
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(ids(&q), ["waiting"], "{name}");
    }
    let rounds = ds
        .select::<Round>(&Filter::new().actor("Staffan de Mistura"))
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(ids(&rounds), ["geneva-iii"]);
    match ds.select::<Quote>(&Filter::new().actor("Mistrua")) {
        Err(QueryError::NotFound {
            what: "actor",
            suggestions,
            ..
        }) => assert_eq!(suggestions, ["Staffan de Mistura"]),
        other => panic!("expected NotFound, got {other:?}"),
    }
}

#[test]
fn kinds_are_checked_against_the_type_queried() {
    let ds = common::fixture();
    let caps = ds
        .select::<Event>(&Filter::new().kind("capture"))
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(ids(&caps), ["capture"]);
    assert_eq!(
        ds.select::<Event>(&Filter::new().kind("Talks-Opened"))
            .map(|v| v.len()),
        Ok(1)
    );
    match ds.select::<Event>(&Filter::new().kind("deaths")) {
        Err(QueryError::UnknownKind {
            record: "event",
            valid,
            ..
        }) => assert!(valid.contains(&"veto")),
        other => panic!("{other:?}"),
    }
    assert!(matches!(
        ds.select::<Quote>(&Filter::new().kind("x")),
        Err(QueryError::NoKinds { record: "quote" })
    ));
    let figures = ds
        .select::<Figure>(&Filter::new().kind("deaths"))
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(figures.len(), 2);
}

#[test]
fn places_include_what_lies_within_them() {
    let ds = common::fixture();
    let in_syria = ds
        .select::<Event>(&Filter::new().place("Syria"))
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(ids(&in_syria), ["capture"]);
    let in_geneva = ds
        .select::<Event>(&Filter::new().place("geneve"))
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(ids(&in_geneva), ["opened"]);
    assert!(matches!(
        ds.select::<Event>(&Filter::new().place("Paris")),
        Err(QueryError::NotFound { what: "place", .. })
    ));
}

#[test]
fn round_source_and_text_filters() {
    let ds = common::fixture();
    let q = ds
        .query(
            syriatalks::RecordKind::Event,
            &Filter::new().round("Geneva III"),
        )
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(q.iter().map(|r| r.id()).collect::<Vec<_>>(), ["opened"]);
    let all = ds
        .select::<Figure>(&Filter::new().source("fixture.txt"))
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(all.len(), 2);
    let text = ds
        .select::<Event>(&Filter::new().text("HARDATNEEN"))
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(ids(&text), ["capture"]);
    let text = ds
        .select::<Event>(&Filter::new().text("genève"))
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        ids(&text),
        ["opened"],
        "evidence quotes are searched, accents folded"
    );
    assert!(matches!(
        ds.select::<Event>(&Filter::new().source("nope")),
        Err(QueryError::NotFound { what: "source", .. })
    ));
    assert!(matches!(
        ds.select::<Event>(&Filter::new().round("Geneva IX")),
        Err(QueryError::NotFound { what: "round", .. })
    ));
}

#[test]
fn the_timeline_is_merged_and_chronological() {
    let ds = common::fixture();
    let t = ds
        .timeline(&Filter::new())
        .unwrap_or_else(|e| panic!("{e}"));
    let got: Vec<&str> = t.iter().map(|r| r.id()).collect();
    assert_eq!(
        got,
        [
            "vienna",
            "geneva-iii",
            "opened",
            "capture",
            "deaths-450k",
            "waiting"
        ]
    );
    let quotes = ds
        .timeline(&Filter::new().kind("quote"))
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(quotes.len(), 1);
    assert!(matches!(quotes[0], RecordRef::Quote(_)));
    let caps = ds
        .timeline(&Filter::new().kind("capture"))
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(caps.len(), 1);
    match ds.timeline(&Filter::new().kind("nothing")) {
        Err(QueryError::UnknownKind { valid, .. }) => {
            assert!(valid.contains(&"quote") && valid.contains(&"veto"))
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn in_session_uses_the_round_period() {
    let ds = common::fixture();
    assert_eq!(
        ds.in_session(d("2016-02-01"))
            .iter()
            .map(|r| r.id.as_str())
            .collect::<Vec<_>>(),
        ["geneva-iii"]
    );
    assert_eq!(
        ds.in_session(d("2015-03-03"))
            .iter()
            .map(|r| r.id.as_str())
            .collect::<Vec<_>>(),
        ["vienna"]
    );
    assert!(
        ds.in_session(d("2016-03-01")).is_empty(),
        "a period without an end covers its start only"
    );
}

#[test]
fn figure_series_keeps_conflicting_claims_in_date_order() {
    let ds = common::fixture();
    let s = ds.figure_series(Measure::Deaths);
    assert_eq!(
        s.iter().map(|f| f.id.as_str()).collect::<Vec<_>>(),
        ["deaths-450k", "deaths-400k"],
        "undated claims last"
    );
    assert!(ds.figure_series(Measure::Refugees).is_empty());
}

#[test]
fn name_resolution_ranks_candidates() {
    let ds = common::fixture();
    let c = ds.resolve_actor("Al-Jaafari");
    assert_eq!(c[0].actor.id, "jaafari");
    assert_eq!(c[0].how, syriatalks::MatchKind::Words);
    assert_eq!(
        ds.resolve_actor("bashar al-jaafari")[0].how,
        syriatalks::MatchKind::Exact
    );
    assert_eq!(ds.resolve_actor("Mistrua")[0].actor.id, "de-mistura");
    assert!(ds.resolve_actor("Kerry").is_empty());
    assert!(ds.resolve_actor("   ").is_empty());
}

#[test]
fn search_returns_spans_that_slice_the_original_text() {
    let ds = common::fixture();
    let hits = ds.search("geneve");
    let text_hit = hits
        .iter()
        .find(|h| h.field == "text")
        .unwrap_or_else(|| panic!("no text hit"));
    let RecordRef::Source(src) = text_hit.record else {
        panic!("text hits are sources")
    };
    assert_eq!(&src.text[text_hit.span.start..text_hit.span.end], "Genève");
    assert!(text_hit.snippet.contains("Genève"));
    for h in &hits {
        assert!(h.snippet.to_lowercase().contains("gen"), "{h:?}");
    }
    assert!(ds.search("").is_empty());
    assert!(ds.search("Damascus").is_empty());
}

#[test]
fn lookup_by_id_and_evidence_spans() {
    let ds = common::fixture();
    let r = ds.get("capture").unwrap_or_else(|| panic!("no capture"));
    assert_eq!(r.kind(), syriatalks::RecordKind::Event);
    for ev in r.evidence() {
        let span = ev.span.unwrap_or_else(|| panic!("no span"));
        assert_eq!(
            &ds.source(&ev.source)
                .map(|s| s.text.as_str())
                .unwrap_or_default()[span.start..span.end],
            ev.quote
        );
    }
    assert!(ds.get("nothing").is_none());
    assert!(ds.event("vienna").is_none(), "typed lookups check the type");
    assert!(ds.round("vienna").is_some());
}
