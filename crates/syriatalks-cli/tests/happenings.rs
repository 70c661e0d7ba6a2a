//! End-to-end tests of corroboration, anchored dates and certain/possible ranges through the
//! `syriatalks` command: `claims`, `show`, `timeline --dates/--collapse`, `in-session`, `rounds`.
//! Expected values come from the library's own answers, not typed lists, wherever they can.

mod common;

use common::{json, ok, run};
use syriatalks::{embedded, Certainty, Filter, PartialDate};

fn date(s: &str) -> PartialDate {
    s.parse().unwrap_or_else(|e| panic!("{s}: {e}"))
}

#[test]
fn show_names_every_other_attestation_of_the_conflict_start() {
    let v = json(&["show", "a000-ev-conflict-began", "--json"]);
    let mut others: Vec<&str> = v["attested_also_by"]
        .as_array()
        .unwrap_or_else(|| panic!("{v}"))
        .iter()
        .filter_map(|x| x.as_str())
        .collect();
    others.sort_unstable();
    assert_eq!(
        others,
        [
            "a001-ev-conflict-began",
            "a002-ev-conflict-began",
            "a003-ev-conflict-began",
            "a004-ev-war-began"
        ]
    );
    assert_eq!(v["record"]["happening"], "conflict-began");
    let text = ok(&["show", "a000-ev-conflict-began"]);
    assert!(text.contains("same happening as: "), "{text}");
}

#[test]
fn claims_shows_the_death_tolls_side_by_side_with_their_claimants() {
    let text = ok(&["claims", "death-toll"]);
    let ds = embedded();
    let tolls = ds.claims("death-toll").unwrap_or_else(|e| panic!("{e}"));
    assert!(tolls.attestations.len() >= 4);
    for a in &tolls.attestations {
        assert!(text.contains(a.id), "{} missing:\n{text}", a.id);
    }
    assert!(text.contains("claimed by United Nations"), "{text}");
    assert!(text.contains("claimed by the article"), "{text}");
    assert!(text.contains("conflict on value"), "{text}");
    // Any record of the happening names it as well.
    assert_eq!(ok(&["claims", "a004-fig-deaths-400000"]), text);

    let v = json(&["claims", "death-toll", "--json"]);
    assert_eq!(v["key"], "death-toll");
    let conflict = v["conflicts"]
        .as_array()
        .and_then(|c| c.iter().find(|c| c["field"] == "value"))
        .unwrap_or_else(|| panic!("no value conflict: {v}"));
    for side in conflict["sides"].as_array().into_iter().flatten() {
        assert!(
            side["evidence"].as_array().is_some_and(|e| !e.is_empty()),
            "a side without its words: {side}"
        );
    }
    let o = run(&["claims", "no-such-happening"]);
    assert_eq!(o.status.code(), Some(1));
}

#[test]
fn timeline_marks_possible_rows_and_drops_them_when_asked() {
    let ds = embedded();
    let f = Filter::new()
        .since(date("2016-02-01"))
        .until(date("2016-02-03"));
    let possible = ds.timeline(&f).unwrap_or_else(|e| panic!("{e}"));
    let certain = ds
        .timeline(&f.clone().dates(Certainty::Certain))
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(certain.len() < possible.len());
    let v = json(&[
        "timeline",
        "--from",
        "2016-02-01",
        "--to",
        "2016-02-03",
        "--json",
    ]);
    let rows = v.as_array().unwrap_or_else(|| panic!("{v}"));
    assert_eq!(rows.len(), possible.len());
    let certain_rows = rows.iter().filter(|r| r["certainty"] == "certain").count();
    assert_eq!(certain_rows, certain.len());
    let text = ok(&[
        "timeline",
        "--from",
        "2016-02-01",
        "--to",
        "2016-02-03",
        "--dates",
        "certain",
    ]);
    let listed = text.lines().skip(1).take_while(|l| !l.is_empty()).count();
    assert_eq!(listed, certain.len(), "{text}");
    let marked = ok(&["timeline", "--from", "2016-02-01", "--to", "2016-02-03"]);
    assert_eq!(
        marked
            .lines()
            .take_while(|l| !l.is_empty())
            .filter(|l| l.starts_with("? "))
            .count(),
        possible.len() - certain.len()
    );
}

#[test]
fn collapsed_timeline_folds_each_happening_into_one_row() {
    let full = json(&["timeline", "--json"]);
    let collapsed = json(&["timeline", "--collapse", "--json"]);
    let (full, collapsed) = (
        full.as_array().map_or(0, Vec::len),
        collapsed.as_array().cloned().unwrap_or_default(),
    );
    let ds = embedded();
    let folded: usize = ds
        .happening_keys()
        .iter()
        .filter_map(|k| ds.claims(k).ok())
        .map(|h| h.attestations.len() - 1)
        .sum();
    assert!(folded > 0);
    assert_eq!(collapsed.len(), full - folded);
    let began = collapsed
        .iter()
        .find(|r| r["record"]["happening"] == "conflict-began")
        .unwrap_or_else(|| panic!("no conflict-began row"));
    assert_eq!(began["sources"], 5);
}

#[test]
fn anchored_records_follow_what_they_belong_to() {
    let text = ok(&["timeline"]);
    let at = |id: &str| {
        text.lines()
            .position(|l| l.split_whitespace().any(|w| w == id))
            .unwrap_or_else(|| panic!("{id} not in the timeline"))
    };
    assert!(at("a000-ev-same-table") > at("geneva-iv-2017"));
    assert!(at("a000-ev-agenda-items-added") > at("geneva-iv-2017"));
    assert!(at("a002-ev-de-mistura-assurances") > at("a002-ev-opposition-boycott"));
    assert!(at("a003-ev-conflict-began") > at("a003-ev-protesters-suppressed"));
    assert!(text.contains("ANCHORED DAYS"));
}

#[test]
fn in_session_says_certain_or_possible_and_rounds_come_in_time_order() {
    for (day, round, how) in [
        ("2016-02-02", "Geneva III", "certain"),
        ("2014-02-11", "Geneva II, second round", "possible"),
        ("2017-02-28", "Geneva IV", "possible"),
    ] {
        let text = ok(&["in-session", day]);
        let line = text
            .lines()
            .find(|l| l.contains(round))
            .unwrap_or_else(|| panic!("{round} not in session on {day}:\n{text}"));
        assert!(line.starts_with(how), "{day}: {line}");
    }
    let feb28 = ok(&["in-session", "2017-02-28"]);
    assert!(!feb28.contains("Astana"), "{feb28}");

    let rounds = json(&["rounds", "--json"]);
    let ids: Vec<&str> = rounds
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|r| r["id"].as_str())
        .collect();
    let pos = |id: &str| ids.iter().position(|x| *x == id);
    assert!(pos("vienna-2015") < pos("geneva-iii-2016"), "{ids:?}");
    assert_eq!(ids.len(), embedded().rounds().len());
}
