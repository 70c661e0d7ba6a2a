//! Corroboration: records of different sources sharing a `happening` key are compared by the core
//! (agreement and conflicts, each side with its words), and bad keys are load errors.

use sha2::{Digest, Sha256};
use syriatalks::{embedded, Dataset, LoadError, ProblemKind, QueryError};

const ONE: &str = "Daily One, 2 February 2016\n\nTalks opened on Monday. The war has killed more than 250,000 people. Russia vetoed the draft.\n";
const TWO: &str = "Weekly Two, 9 February 2016\n\nThe talks began last week. Monitors count about 200,000 dead. China vetoed the draft.\n";

const RECORDS: &str = r#"
[[source]]
id = "one"
file = "one.txt"
title = { value = "Daily One", basis = "stated" }
published = { value = "2016-02-02", basis = "stated", quote = "2 February 2016" }

[[source]]
id = "two"
file = "two.txt"
title = { value = "Weekly Two", basis = "stated" }
published = { value = "2016-02-09", basis = "stated", quote = "9 February 2016" }

[[actor]]
id = "russia"
kind = "state"
name = "Russia"
aliases = ["Russia"]
evidence = [{ source = "one", quote = "Russia vetoed" }]

[[actor]]
id = "china"
kind = "state"
name = "China"
aliases = ["China"]
evidence = [{ source = "two", quote = "China vetoed" }]

[[event]]
id = "one-opened"
kind = "talks_opened"
date = { value = "2016-02-01", basis = "derived", quote = "on Monday", derivation = { from = "one", weekday = "monday", relation = "before" } }
summary = "Talks open"
happening = "talks-opened"
evidence = [{ source = "one", quote = "Talks opened on Monday" }]

[[event]]
id = "two-opened"
kind = "talks_opened"
date = { value = "2016-02", basis = "inferred", note = "last week, from 9 February" }
summary = "Talks began"
happening = "talks-opened"
evidence = [{ source = "two", quote = "The talks began last week" }]

[[event]]
id = "one-veto"
kind = "veto"
date = { value = "2016-02-02", basis = "derived", derivation = { from = "one", days = 0 } }
summary = "Russia vetoes"
actors = [{ actor = "russia", role = "agent" }]
happening = "veto"
evidence = [{ source = "one", quote = "Russia vetoed the draft" }]

[[event]]
id = "two-veto"
kind = "veto"
date = { value = "2016-02-09", basis = "derived", derivation = { from = "two", days = 0 } }
summary = "China vetoes"
actors = [{ actor = "china", role = "agent" }]
happening = "veto"
evidence = [{ source = "two", quote = "China vetoed the draft" }]

[[figure]]
id = "one-toll"
measure = "deaths"
value = 250000
qualifier = "more_than"
text = "250,000"
scope = "the war"
happening = "toll"
evidence = [{ source = "one", quote = "The war has killed more than 250,000 people" }]

[[figure]]
id = "two-toll"
measure = "deaths"
value = 200000
qualifier = "about"
text = "200,000"
scope = "monitors' count"
happening = "toll"
evidence = [{ source = "two", quote = "Monitors count about 200,000 dead" }]
"#;

fn manifest() -> String {
    [("one.txt", ONE), ("two.txt", TWO)]
        .iter()
        .map(|(f, t)| {
            let hex: String = Sha256::digest(t.as_bytes())
                .iter()
                .map(|b| format!("{b:02x}"))
                .collect();
            format!(
                "[[seed]]\nfile = \"{f}\"\nsha256 = \"{hex}\"\nbytes = {}\n",
                t.len()
            )
        })
        .collect()
}

fn load(records: &str) -> Result<Dataset, LoadError> {
    syriatalks::from_parts(
        &[("records.toml", records)],
        &[("one.txt", ONE.as_bytes()), ("two.txt", TWO.as_bytes())],
        Some(&manifest()),
    )
}

fn ds() -> Dataset {
    load(RECORDS).unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn agreeing_attestations_list_what_they_agree_on() {
    let ds = ds();
    let h = ds.claims("talks-opened").unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(h.key, Some("talks-opened"));
    assert_eq!(h.sources, 2);
    assert_eq!(h.attestations.len(), 2);
    assert!(h.conflicts.is_empty(), "{:?}", h.conflicts);
    assert!(h.agree.contains(&"date".to_string()), "{:?}", h.agree);
    assert!(h.agree.contains(&"kind".to_string()), "{:?}", h.agree);
    // Any attestation's id names the happening.
    let again = ds.claims("two-opened").unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(again.key, Some("talks-opened"));
    let others: Vec<&str> = ds
        .attestations("one-opened")
        .iter()
        .map(|r| r.id())
        .collect();
    assert_eq!(others, ["two-opened"]);
}

#[test]
fn conflicts_carry_every_side_with_its_words() {
    let ds = ds();
    let veto = ds.claims("veto").unwrap_or_else(|e| panic!("{e}"));
    let fields: Vec<&str> = veto.conflicts.iter().map(|c| c.field.as_str()).collect();
    assert!(fields.contains(&"date"), "{fields:?}");
    assert!(fields.contains(&"actors.agent"), "{fields:?}");
    let actors = veto
        .conflicts
        .iter()
        .find(|c| c.field == "actors.agent")
        .unwrap_or_else(|| panic!("no actor conflict"));
    assert_eq!(actors.sides.len(), 2);
    for side in &actors.sides {
        assert_eq!(side.records.len(), 1);
        assert!(side.evidence.iter().any(|e| e.quote.contains("vetoed")));
    }

    let toll = ds.claims("toll").unwrap_or_else(|e| panic!("{e}"));
    let value = toll
        .conflicts
        .iter()
        .find(|c| c.field == "value")
        .unwrap_or_else(|| panic!("more than 250,000 and about 200,000 cannot both hold"));
    let says: Vec<&str> = value.sides.iter().map(|s| s.says.as_str()).collect();
    // In the order of the attestations' days, each with the bounds its qualifier gives.
    assert_eq!(
        says,
        [
            "250,000 (more_than): 250000…",
            "200,000 (about): 180000…220000"
        ]
    );
}

#[test]
fn lower_bounds_that_overlap_do_not_conflict() {
    let records = RECORDS.replace(
        "value = 200000\nqualifier = \"about\"",
        "value = 200000\nqualifier = \"more_than\"",
    );
    let ds = load(&records).unwrap_or_else(|e| panic!("{e}"));
    let toll = ds.claims("toll").unwrap_or_else(|e| panic!("{e}"));
    assert!(
        toll.conflicts.iter().all(|c| c.field != "value"),
        "{:?}",
        toll.conflicts
    );
    assert!(toll.agree.contains(&"value".to_string()));
}

#[test]
fn a_record_without_a_happening_stands_alone_and_unknown_names_are_errors() {
    let ds = embedded();
    let alone = ds
        .claims("a002-ev-hardatneen-captured")
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(alone.key, None);
    assert_eq!(alone.attestations.len(), 1);
    assert!(ds.attestations("a002-ev-hardatneen-captured").is_empty());
    match ds.claims("death toll") {
        Err(QueryError::NotFound { suggestions, .. }) => {
            assert!(
                suggestions.contains(&"death-toll".to_string()),
                "{suggestions:?}"
            )
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn the_embedded_happenings_are_computed_not_typed() {
    let ds = embedded();
    let keys = ds.happening_keys();
    assert!(
        keys.contains(&"conflict-began") && keys.contains(&"death-toll"),
        "{keys:?}"
    );
    for k in keys {
        let h = ds.claims(k).unwrap_or_else(|e| panic!("{e}"));
        assert!(h.sources >= 2, "{k}");
        assert!(h.attestations.len() >= 2, "{k}");
    }
    let began = ds
        .claims("conflict-began")
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(began.conflicts.is_empty(), "{:?}", began.conflicts);
    let tolls = ds.claims("death-toll").unwrap_or_else(|e| panic!("{e}"));
    let value = tolls
        .conflicts
        .iter()
        .find(|c| c.field == "value")
        .unwrap_or_else(|| panic!("the UN's about 400,000 is below earlier lower bounds"));
    assert_eq!(value.sides.len(), tolls.attestations.len());
}

fn problems_of(records: &str) -> LoadError {
    match load(records) {
        Ok(_) => panic!("loaded"),
        Err(e) => e,
    }
}

#[test]
fn bad_happening_keys_are_load_errors() {
    // One attestation only.
    let e = problems_of(&RECORDS.replace(
        "happening = \"talks-opened\"\nevidence = [{ source = \"two\"",
        "evidence = [{ source = \"two\"",
    ));
    assert!(
        e.problems.iter().any(|p| p.kind == ProblemKind::BadValue
            && p.field.as_deref() == Some("happening")
            && p.message.contains("no other record attests")),
        "{e}"
    );
    // A key that is a record id.
    let e = problems_of(&RECORDS.replace("happening = \"veto\"", "happening = \"china\""));
    assert!(
        e.problems
            .iter()
            .any(|p| p.message.contains("is also a record id (type actor)")),
        "{e}"
    );
    // Two types.
    let e = problems_of(&RECORDS.replace(
        "happening = \"toll\"\nevidence = [{ source = \"two\"",
        "happening = \"veto\"\nevidence = [{ source = \"two\"",
    ));
    assert!(
        e.problems
            .iter()
            .any(|p| p.message.contains("cannot attest the same happening")),
        "{e}"
    );
    // One source only: the first talks and veto records both come from `one`.
    let solo = RECORDS
        .replacen("happening = \"talks-opened\"", "happening = \"solo\"", 1)
        .replacen("happening = \"veto\"", "happening = \"solo\"", 1);
    let e = problems_of(&solo);
    assert!(
        e.problems.iter().any(|p| p
            .message
            .contains("happening `solo` comes from source `one`")),
        "{e}"
    );
    // Not a slug.
    let e = problems_of(&RECORDS.replace("happening = \"toll\"", "happening = \"Toll!\""));
    assert!(
        e.problems
            .iter()
            .any(|p| p.message.contains("not a lowercase slug")),
        "{e}"
    );
}

/// Fifty thousand attestations of one happening: the comparison groups readings instead of
/// pairing attestations, so `claims` stays fast.
#[test]
fn a_crowded_happening_is_compared_in_linear_time() {
    let mut records = RECORDS.to_string();
    for i in 0..50_000 {
        let src = if i % 2 == 0 { "one" } else { "two" };
        let quote = if i % 2 == 0 {
            "Russia vetoed the draft"
        } else {
            "China vetoed the draft"
        };
        records.push_str(&format!(
            "[[event]]\nid = \"v{i}\"\nkind = \"veto\"\ndate = {{ value = \"2016-02\", basis = \"inferred\", note = \"x\" }}\nsummary = \"V\"\nhappening = \"veto\"\nevidence = [{{ source = \"{src}\", quote = \"{quote}\" }}]\n"
        ));
    }
    let ds = load(&records).unwrap_or_else(|e| panic!("{e}"));
    let started = std::time::Instant::now();
    let h = ds.claims("veto").unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(h.attestations.len(), 50_002);
    // A hang guard, not a benchmark: a pairwise comparison would take minutes.
    assert!(started.elapsed().as_secs() < 60, "{:?}", started.elapsed());
}
