//! `show` and `export` give the identity fields: coordinates and GeoNames ids of places, ISO codes
//! of countries and states, PLOVER/CAMEO codes of events, and the bounds of figures with the bytes
//! of the number they come from.

mod common;

use common::ok;
use serde_json::Value;

fn show_json(id: &str) -> Value {
    let v: Value = serde_json::from_str(&ok(&["show", id, "--json"])).expect("show --json is JSON");
    v["record"].clone()
}

#[test]
fn show_json_gives_coordinates_geonames_ids_and_iso_codes() {
    let geneva = show_json("geneva");
    assert_eq!(geneva["geonames_id"], 2660646);
    assert!((geneva["latitude"].as_f64().unwrap() - 46.20222).abs() < 1e-9);
    assert!((geneva["longitude"].as_f64().unwrap() - 6.14569).abs() < 1e-9);
    assert_eq!(geneva["location_precision"], "exact");
    let syria = show_json("syria");
    assert_eq!(
        (&syria["iso_alpha2"], &syria["iso_alpha3"]),
        (&"SY".into(), &"SYR".into())
    );
    let russia = show_json("russia");
    assert_eq!(russia["iso_alpha3"], "RUS");
}

#[test]
fn show_gives_event_codes_and_figure_bounds_in_json_and_text() {
    let veto = show_json("a000-ev-sanctions-veto");
    assert_eq!(
        (&veto["plover"], &veto["cameo_root"]),
        (&"REJECT".into(), &"12".into())
    );
    let toll = show_json("a000-fig-deaths-450000");
    assert_eq!(toll["low"], 450000);
    assert_eq!(toll["best"], 450000);
    assert!(toll["high"].is_null());
    assert_eq!(toll["number_evidence"], 0);
    let text = ok(&["show", "a000-fig-deaths-450000"]);
    assert!(
        text.contains("bounds: low 450000 · best 450000 · high open (more than"),
        "{text}"
    );
    assert!(
        text.contains("from “450,000” in evidence [1], bytes "),
        "{text}"
    );
    let text = ok(&["show", "a000-ev-sanctions-veto"]);
    assert!(
        text.contains("codes: PLOVER REJECT · CAMEO 12 REJECT"),
        "{text}"
    );
    let text = ok(&["show", "geneva"]);
    assert!(
        text.contains("location: 46.20222, 6.14569 (WGS84, precision exact)"),
        "{text}"
    );
}

#[test]
fn the_export_carries_the_identity_fields() {
    let all: Value = serde_json::from_str(&ok(&["export", "--format", "json"])).unwrap();
    let events = all["events"].as_array().unwrap();
    assert!(events
        .iter()
        .all(|e| e.get("plover").is_some() && e.get("cameo_root").is_some()));
    let figures = all["figures"].as_array().unwrap();
    assert!(figures
        .iter()
        .all(|f| f.get("low").is_some() && f["number_span"].is_object()));
}
