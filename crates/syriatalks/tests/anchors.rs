//! Dates anchored to what they belong to: ordering, narrowed days, certain and possible ranges,
//! rounds' open ends, and the load errors of anchors that contradict a date, loop or name nothing.

mod common;

use common::{load_with, replace_once};
use syriatalks::{embedded, Certainty, Event, Filter, PartialDate, ProblemKind, RecordKind};

fn date(s: &str) -> PartialDate {
    s.parse().unwrap_or_else(|e| panic!("{s}: {e}"))
}

/// No record of the timeline comes before a record it is anchored `during` or `after`, nor after
/// one it is anchored `before` — over the whole embedded data, not a chosen few.
#[test]
fn no_record_precedes_what_the_data_says_it_follows() {
    let ds = embedded();
    let timeline = ds
        .timeline(&Filter::new())
        .unwrap_or_else(|e| panic!("{e}"));
    let pos = |id: &str| timeline.iter().position(|r| r.id() == id);
    let mut checked = 0;
    for (i, r) in timeline.iter().enumerate() {
        let Some(d) = r.date() else { continue };
        for target in [&d.during, &d.after].into_iter().flatten() {
            if let Some(t) = pos(target) {
                assert!(i > t, "{} sorts before {target}, which it follows", r.id());
                checked += 1;
            }
        }
        if let Some(t) = d.before.as_deref().and_then(pos) {
            assert!(
                i < t,
                "{} sorts after {}, which it precedes",
                r.id(),
                timeline[t].id()
            );
            checked += 1;
        }
    }
    assert!(checked >= 30, "only {checked} anchors checked");
}

#[test]
fn anchors_narrow_the_days_of_loose_records() {
    let ds = embedded();
    let days = |id: &str| {
        let r = ds.get(id).unwrap_or_else(|| panic!("{id}"));
        ds.days(r).unwrap_or_else(|| panic!("{id} has no days"))
    };
    let geneva_iv = days("geneva-iv-2017");
    for id in ["a000-ev-same-table", "a000-ev-agenda-items-added"] {
        let d = days(id);
        assert!(d.within(&geneva_iv), "{id}: {d:?} not within {geneva_iv:?}");
        assert_eq!(d.first.to_string(), "2017-02-23");
    }
    // Anchored after the boycott and before the article that reports them.
    let assurances = days("a002-ev-de-mistura-assurances");
    assert_eq!(assurances.last.to_string(), "2016-02-02");
    // An open round runs to the day before the next held round of its process.
    assert_eq!(
        geneva_iv.last,
        days("geneva-vii-2017").first.pred_opt().unwrap_or_default()
    );
    // Astana took place before Geneva IV opened, so its end is bounded by that day.
    assert_eq!(days("astana-2017").last.to_string(), "2017-02-23");
    // A record without anchors keeps its own days.
    let r = ds
        .get("a002-ev-hardatneen-captured")
        .unwrap_or_else(|| panic!("missing"));
    assert_eq!(ds.days(r), r.when());
}

#[test]
fn in_session_is_certain_or_possible() {
    let ds = embedded();
    let on = |d: &str| -> Vec<(String, Certainty)> {
        ds.sessions_on(date(d))
            .into_iter()
            .map(|(r, c)| (r.id.clone(), c))
            .collect()
    };
    assert!(on("2016-02-02").contains(&("geneva-iii-2016".into(), Certainty::Certain)));
    assert!(on("2014-02-11").contains(&("geneva-ii-2014-second-round".into(), Certainty::Possible)));
    let feb28 = on("2017-02-28");
    assert!(
        feb28.contains(&("geneva-iv-2017".into(), Certainty::Possible)),
        "{feb28:?}"
    );
    assert!(
        !feb28.iter().any(|(id, _)| id == "astana-2017"),
        "{feb28:?}"
    );
    assert!(on("2017-02-23").contains(&("geneva-iv-2017".into(), Certainty::Certain)));
    // A round with a stated end is certain between its start and that end.
    assert!(on("2017-07-14").contains(&("geneva-vii-2017".into(), Certainty::Certain)));
    // in_session answers the same rounds.
    let ids: Vec<String> = ds
        .in_session(date("2017-02-28"))
        .iter()
        .map(|r| r.id.clone())
        .collect();
    assert_eq!(ids, feb28.into_iter().map(|(id, _)| id).collect::<Vec<_>>());
}

#[test]
fn rounds_come_in_time_order() {
    let ds = embedded();
    let rounds = ds.rounds_in_order();
    assert_eq!(rounds.len(), ds.rounds().len());
    let firsts: Vec<_> = rounds
        .iter()
        .filter_map(|r| ds.days(syriatalks::Record::as_record(*r)).map(|d| d.first))
        .collect();
    assert!(firsts.windows(2).all(|w| w[0] <= w[1]), "{firsts:?}");
    let pos = |id: &str| rounds.iter().position(|r| r.id == id);
    assert!(pos("vienna-2015") < pos("geneva-iii-2016"));
}

#[test]
fn a_range_keeps_possible_or_only_certain_records() {
    let ds = embedded();
    let f = Filter::new()
        .since(date("2016-02-01"))
        .until(date("2016-02-03"));
    let possible = ds.select::<Event>(&f).unwrap_or_else(|e| panic!("{e}"));
    let certain = ds
        .select::<Event>(&f.clone().dates(Certainty::Certain))
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(!certain.is_empty() && certain.len() < possible.len());
    for e in &possible {
        let fit = ds.date_fit(syriatalks::Record::as_record(*e), f.since, f.until);
        let kept = certain.iter().any(|c| c.id == e.id);
        assert_eq!(kept, fit == Some(Certainty::Certain), "{}", e.id);
        assert!(fit.is_some(), "{}", e.id);
    }
    // The year-only records touch the three days but may lie anywhere in 2016.
    for id in [
        "a000-ev-east-aleppo-recaptured",
        "a000-ev-aleppo-evacuation",
    ] {
        assert!(possible.iter().any(|e| e.id == id), "{id}");
        assert!(!certain.iter().any(|e| e.id == id), "{id}");
    }
    assert_eq!(Certainty::default(), Certainty::Possible);
    assert_eq!(Filter::new().dates, Certainty::Possible);
}

/// The fixture with `extra` TOML appended.
fn with(extra: &str) -> Result<syriatalks::Dataset, syriatalks::LoadError> {
    load_with(|r| format!("{r}\n{extra}"))
}

fn problem_of(e: &syriatalks::LoadError, record: &str) -> syriatalks::Problem {
    e.problems
        .iter()
        .find(|p| p.record.as_deref() == Some(record))
        .cloned()
        .unwrap_or_else(|| panic!("no problem for {record}:\n{e}"))
}

#[test]
fn an_anchor_that_contradicts_the_date_names_both_records() {
    let e = match load_with(|r| {
        replace_once(
            r,
            "derivation = { from = \"fx\", weekday = \"tuesday\", relation = \"on_or_before\" } }\nsummary = \"Government forces take Hardatneen\"",
            "derivation = { from = \"fx\", weekday = \"tuesday\", relation = \"on_or_before\" }, before = \"opened\" }\nsummary = \"Government forces take Hardatneen\"",
        )
    }) {
        Ok(_) => panic!("a capture on 2 February cannot come before talks opened on 1 February"),
        Err(e) => e,
    };
    let p = problem_of(&e, "capture");
    assert_eq!(p.kind, ProblemKind::BadDate);
    assert_eq!(p.field.as_deref(), Some("date.before"));
    assert!(
        p.message.contains("`capture`") && p.message.contains("`opened`"),
        "{p}"
    );
    assert!(p.line.is_some(), "{p}");
    assert_eq!(e.problems.len(), 1, "{e}");
}

#[test]
fn anchors_that_loop_name_nothing_or_sit_off_the_main_date_are_refused() {
    let chain = r#"
[[event]]
id = "a"
kind = "other"
date = { value = "2016", basis = "inferred", note = "x", after = "b" }
summary = "A"
evidence = [{ source = "fx", quote = "Talks held in Vienna last year" }]

[[event]]
id = "b"
kind = "other"
date = { value = "2016", basis = "inferred", note = "x", after = "a" }
summary = "B"
evidence = [{ source = "fx", quote = "Talks held in Vienna last year" }]

[[event]]
id = "c"
kind = "other"
date = { value = "2016", basis = "inferred", note = "x", before = "nowhere" }
until = { value = "2016", basis = "inferred", note = "x", during = "geneva-iii" }
summary = "C"
evidence = [{ source = "fx", quote = "Talks held in Vienna last year" }]

[[event]]
id = "d"
kind = "other"
date = { value = "2016", basis = "inferred", note = "x", after = "d" }
summary = "D"
evidence = [{ source = "fx", quote = "Talks held in Vienna last year" }]
"#;
    let e = match with(chain) {
        Ok(_) => panic!("loops and dangling anchors must not load"),
        Err(e) => e,
    };
    let loops: Vec<_> = e
        .problems
        .iter()
        .filter(|p| p.message.contains("anchored to itself through"))
        .collect();
    assert_eq!(loops.len(), 1, "one loop, reported once:\n{e}");
    assert!(
        loops[0].message.contains("a → b → a") || loops[0].message.contains("b → a → b"),
        "{}",
        loops[0]
    );
    let c: Vec<_> = e
        .problems
        .iter()
        .filter(|p| p.record.as_deref() == Some("c"))
        .collect();
    assert!(
        c.iter().any(|p| p.kind == ProblemKind::UnknownReference
            && p.field.as_deref() == Some("date.before")),
        "{e}"
    );
    assert!(
        c.iter()
            .any(|p| p.field.as_deref() == Some("until.during")
                && p.message.contains("main date only")),
        "{e}"
    );
    let d = problem_of(&e, "d");
    assert!(d.message.contains("itself"), "{d}");
}

#[test]
fn an_anchor_to_an_undated_record_is_reported() {
    let e = match load_with(|r| {
        replace_once(
            r,
            "as_of = { value = \"2016-02-02\", basis = \"derived\", derivation = { from = \"fx\", days = 0 } }",
            "as_of = { value = \"2016-02-02\", basis = \"derived\", derivation = { from = \"fx\", days = 0 }, after = \"deaths-400k\" }",
        )
    }) {
        Ok(_) => panic!("deaths-400k has no date"),
        Err(e) => e,
    };
    let p = problem_of(&e, "deaths-450k");
    assert_eq!(p.field.as_deref(), Some("as_of.after"));
    assert!(p.message.contains("no date to anchor on"), "{p}");
}

/// A chain of a hundred thousand records, each anchored after the one before, loads (the
/// resolution is iterative) and orders them by the chain.
#[test]
fn a_long_chain_of_anchors_loads_in_order() {
    let n = 100_000;
    let mut extra = String::with_capacity(n * 200);
    for i in 0..n {
        let after = if i == 0 {
            String::new()
        } else {
            format!(", after = \"e{}\"", i - 1)
        };
        extra.push_str(&format!(
            "[[event]]\nid = \"e{i}\"\nkind = \"other\"\ndate = {{ value = \"2016\", basis = \"inferred\", note = \"x\"{after} }}\nsummary = \"E\"\nevidence = [{{ source = \"fx\", quote = \"Talks held in Vienna last year\" }}]\n"
        ));
    }
    let ds = with(&extra).unwrap_or_else(|e| panic!("{e}"));
    let rows = ds
        .timeline(&Filter::new().kind("other"))
        .unwrap_or_else(|e| panic!("{e}"));
    let ids: Vec<&str> = rows.iter().map(|r| r.id()).collect();
    let expected: Vec<String> = (0..n).map(|i| format!("e{i}")).collect();
    assert_eq!(ids, expected.iter().map(String::as_str).collect::<Vec<_>>());
    assert_eq!(ds.locate("e99999").map(|(k, _)| k), Some(RecordKind::Event));
}
