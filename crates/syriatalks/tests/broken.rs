//! Broken datasets: each defect yields the right typed problem, naming the record, file and field,
//! and a dataset with several defects reports all of them.

mod common;

use common::{load_with, manifest_for, replace_once, RECORDS, SEED};
use syriatalks::{LoadError, ProblemKind};

fn problems(edit: impl Fn(&str) -> String) -> LoadError {
    match load_with(edit) {
        Ok(_) => panic!("the broken fixture loaded"),
        Err(e) => e,
    }
}

/// Asserts that `e` has a problem of `kind` for `record` (and `field`, when given).
fn has(e: &LoadError, kind: ProblemKind, record: &str, field: Option<&str>) {
    let found = e.problems.iter().any(|p| {
        p.kind == kind
            && p.record.as_deref() == Some(record)
            && field.is_none_or(|f| p.field.as_deref() == Some(f))
    });
    assert!(
        found,
        "expected a {kind} problem for `{record}` {field:?}, got:\n{e}"
    );
    for p in e
        .problems
        .iter()
        .filter(|p| p.record.as_deref() == Some(record))
    {
        assert_eq!(p.file.as_deref(), Some("fixture.toml"), "{p}");
        assert!(p.line.is_some_and(|l| l > 1), "{p}");
    }
}

#[test]
fn the_fixture_itself_is_valid() {
    let ds = common::fixture();
    assert_eq!(ds.events().len(), 2);
}

#[test]
fn a_misquote_names_the_record_and_the_evidence_field() {
    let e = problems(|r| {
        replace_once(
            r,
            "quote = \"Talks held in Vienna last year\"",
            "quote = \"Talks were held in Vienna last year\"",
        )
    });
    has(
        &e,
        ProblemKind::Misquote,
        "vienna",
        Some("evidence[0].quote"),
    );
    assert_eq!(e.problems.len(), 1, "{e}");
    assert!(e.problems[0].message.contains("not found verbatim"));
}

#[test]
fn a_quote_with_straight_marks_for_curly_ones_gets_a_hint() {
    let e = problems(|r| {
        replace_once(
            r,
            "the envoy Staffan de Mistura",
            "the envoy STAFFAN de Mistura",
        )
    });
    has(
        &e,
        ProblemKind::Misquote,
        "de-mistura",
        Some("evidence[0].quote"),
    );
    assert!(e.problems[0].message.contains("byte for byte"), "{e}");
}

#[test]
fn an_unknown_id_is_an_unknown_reference() {
    let e = problems(|r| {
        replace_once(
            r,
            "mediators = [\"de-mistura\"]",
            "mediators = [\"nobody\"]",
        )
    });
    has(
        &e,
        ProblemKind::UnknownReference,
        "geneva-iii",
        Some("mediators[0]"),
    );
}

#[test]
fn a_reference_to_the_wrong_type_is_refused() {
    let e = problems(|r| replace_once(r, "speaker = \"jaafari\"", "speaker = \"aleppo\""));
    has(
        &e,
        ProblemKind::UnknownReference,
        "waiting",
        Some("speaker"),
    );
    assert!(
        e.to_string()
            .contains("`aleppo` is a place record; this field takes a record of type actor"),
        "{e}"
    );
}

#[test]
fn a_duplicate_id_names_both_places() {
    let e = problems(|r| {
        format!("{r}\n[[actor]]\nid = \"jaafari\"\nkind = \"person\"\nname = \"Again\"\nevidence = [{{ source = \"fx\", quote = \"Ambassador\" }}]\n")
    });
    has(&e, ProblemKind::DuplicateId, "jaafari", Some("id"));
    assert!(
        e.to_string().contains("id already used at fixture.toml:"),
        "{e}"
    );
}

#[test]
fn a_malformed_id_is_refused() {
    let e = problems(|r| replace_once(r, "id = \"capture\"", "id = \"Capture_1\""));
    has(&e, ProblemKind::BadId, "Capture_1", Some("id"));
}

#[test]
fn an_impossible_date_is_a_bad_date_with_its_record() {
    let e = problems(|r| {
        replace_once(
            r,
            "value = \"2016-02-02\", basis = \"derived\", quote = \"on Tuesday\"",
            "value = \"2016-02-30\", basis = \"derived\", quote = \"on Tuesday\"",
        )
    });
    has(&e, ProblemKind::BadDate, "capture", None);
    assert!(e.to_string().contains("no such calendar day"), "{e}");
}

#[test]
fn a_wrong_weekday_derivation_is_recomputed_and_refused() {
    let e = problems(|r| {
        replace_once(
            r,
            "value = \"2016-02-02\", basis = \"derived\", quote = \"on Tuesday\"",
            "value = \"2016-01-26\", basis = \"derived\", quote = \"on Tuesday\"",
        )
    });
    has(&e, ProblemKind::WrongDerivation, "capture", Some("date"));
    assert!(
        e.to_string()
            .contains("gives 2016-02-02, but the value is 2016-01-26"),
        "{e}"
    );
}

#[test]
fn a_derived_date_needs_its_derivation_and_a_stated_one_its_words() {
    let e = problems(|r| {
        replace_once(r, "as_of = { value = \"2016-02-02\", basis = \"derived\", derivation = { from = \"fx\", days = 0 } }", "as_of = { value = \"2016-02-02\", basis = \"derived\" }")
    });
    has(&e, ProblemKind::BadDate, "deaths-450k", Some("as_of"));
    let e = problems(|r| {
        replace_once(r, "as_of = { value = \"2016-02-02\", basis = \"derived\", derivation = { from = \"fx\", days = 0 } }", "as_of = { value = \"2016-02-02\", basis = \"stated\" }")
    });
    has(&e, ProblemKind::BadDate, "deaths-450k", Some("as_of"));
    let e = problems(|r| {
        replace_once(r, "as_of = { value = \"2016-02-02\", basis = \"derived\", derivation = { from = \"fx\", days = 0 } }", "as_of = { value = \"2016-02\", basis = \"inferred\" }")
    });
    has(&e, ProblemKind::BadDate, "deaths-450k", Some("as_of"));
}

#[test]
fn an_end_before_its_start_is_refused() {
    let e = problems(|r| {
        replace_once(r, "summary = \"Talks open in Geneva\"", "summary = \"Talks open in Geneva\"\nuntil = { value = \"2016-01\", basis = \"inferred\", note = \"test\" }")
    });
    has(&e, ProblemKind::EndBeforeStart, "opened", Some("until"));
}

#[test]
fn a_wrong_sha_in_the_manifest_is_a_checksum_problem() {
    let manifest = manifest_for(SEED.as_bytes()).replace("sha256 = \"", "sha256 = \"00");
    let e = match syriatalks::from_parts(
        &[("fixture.toml", RECORDS)],
        &[("fixture.txt", SEED.as_bytes())],
        Some(&manifest),
    ) {
        Ok(_) => panic!("loaded with a bad sha"),
        Err(e) => e,
    };
    let p = e
        .of_kind(ProblemKind::Checksum)
        .next()
        .unwrap_or_else(|| panic!("no checksum problem: {e}"));
    assert_eq!(p.file.as_deref(), Some("seeds/fixture.txt"));
}

#[test]
fn a_changed_seed_no_longer_matches_its_manifest() {
    let changed = SEED.replace("450,000", "460,000");
    let e = match syriatalks::from_parts(
        &[("fixture.toml", RECORDS)],
        &[("fixture.txt", changed.as_bytes())],
        Some(&manifest_for(SEED.as_bytes())),
    ) {
        Ok(_) => panic!("loaded an edited seed"),
        Err(e) => e,
    };
    assert!(e.of_kind(ProblemKind::Checksum).count() >= 1, "{e}");
    // The figure's evidence no longer matches the text either, and says so.
    has(
        &e,
        ProblemKind::Misquote,
        "deaths-450k",
        Some("evidence[0].quote"),
    );
}

#[test]
fn a_seed_that_is_not_utf8_is_named() {
    let mut bytes = SEED.as_bytes().to_vec();
    bytes[5] = 0xff;
    let e = match syriatalks::from_parts(
        &[("fixture.toml", RECORDS)],
        &[("fixture.txt", &bytes)],
        Some(&manifest_for(&bytes)),
    ) {
        Ok(_) => panic!("loaded invalid UTF-8"),
        Err(e) => e,
    };
    let p = e
        .of_kind(ProblemKind::InvalidUtf8)
        .next()
        .unwrap_or_else(|| panic!("{e}"));
    assert_eq!(p.file.as_deref(), Some("seeds/fixture.txt"));
    assert!(p.message.contains("offset 5"), "{p}");
}

#[test]
fn unknown_fields_kinds_and_record_types_are_parse_problems() {
    let e = problems(|r| {
        replace_once(
            r,
            "summary = \"Government forces take Hardatneen\"",
            "summry = \"Government forces take Hardatneen\"",
        )
    });
    has(&e, ProblemKind::Parse, "capture", None);
    assert!(e.to_string().contains("unknown field `summry`"), "{e}");
    let e = problems(|r| replace_once(r, "kind = \"capture\"", "kind = \"captured\""));
    has(&e, ProblemKind::Parse, "capture", None);
    assert!(e.to_string().contains("captured"), "{e}");
    let e = problems(|r| format!("{r}\n[[eventz]]\nid = \"x\"\n"));
    assert!(
        e.to_string().contains("unknown record type `eventz`"),
        "{e}"
    );
    let e = problems(|r| format!("{r}\nnot toml at all ["));
    assert_eq!(e.problems[0].kind, ProblemKind::Parse);
    assert!(e.problems[0].line.is_some(), "{e}");
}

#[test]
fn a_figure_value_that_disagrees_with_its_words_is_refused() {
    let e = problems(|r| replace_once(r, "value = 450000", "value = 45000"));
    has(&e, ProblemKind::BadValue, "deaths-450k", Some("value"));
}

#[test]
fn an_alias_the_corpus_never_uses_is_refused() {
    let e = problems(|r| {
        replace_once(
            r,
            "aliases = [\"Bashar Al-Jaafari\"]",
            "aliases = [\"Bashar Al-Jaafari\", \"Dr Jaafari\"]",
        )
    });
    has(&e, ProblemKind::BadValue, "jaafari", Some("aliases[1]"));
}

#[test]
fn a_quote_whose_words_lie_outside_its_evidence_is_refused() {
    let e = problems(|r| {
        replace_once(
            r,
            "text = \"We are waiting to find out the procedural issues,\"",
            "text = \"We are waiting for the procedural issues,\"",
        )
    });
    has(&e, ProblemKind::Misquote, "waiting", Some("text"));
}

#[test]
fn a_record_without_evidence_is_refused() {
    let e = problems(|r| {
        replace_once(
            r,
            "evidence = [{ source = \"fx\", quote = \"Another count gives about 400,000 dead\" }]",
            "",
        )
    });
    has(
        &e,
        ProblemKind::MissingEvidence,
        "deaths-400k",
        Some("evidence"),
    );
}

#[test]
fn every_problem_is_reported_not_just_the_first() {
    let e = problems(|r| {
        let r = replace_once(
            r,
            "mediators = [\"de-mistura\"]",
            "mediators = [\"nobody\"]",
        );
        let r = replace_once(&r, "value = 450000", "value = 45000");
        replace_once(
            &r,
            "quote = \"Talks held in Vienna last year\"",
            "quote = \"Talks held in Wien last year\"",
        )
    });
    has(&e, ProblemKind::UnknownReference, "geneva-iii", None);
    has(&e, ProblemKind::BadValue, "deaths-450k", None);
    has(&e, ProblemKind::Misquote, "vienna", None);
    assert_eq!(e.problems.len(), 3, "{e}");
    let lines: Vec<usize> = e.problems.iter().filter_map(|p| p.line).collect();
    assert!(
        lines.windows(2).all(|w| w[0] <= w[1]),
        "problems come in file order: {lines:?}"
    );
}

#[test]
fn a_missing_manifest_and_an_unlisted_seed_are_reported() {
    let e = match syriatalks::from_parts(
        &[("fixture.toml", RECORDS)],
        &[("fixture.txt", SEED.as_bytes())],
        None,
    ) {
        Ok(_) => panic!("loaded without a manifest"),
        Err(e) => e,
    };
    assert!(e.of_kind(ProblemKind::Manifest).count() == 1, "{e}");
    let e = match syriatalks::from_parts(
        &[("fixture.toml", RECORDS)],
        &[("fixture.txt", SEED.as_bytes()), ("extra.txt", b"x")],
        Some(&manifest_for(SEED.as_bytes())),
    ) {
        Ok(_) => panic!("loaded with an unlisted seed"),
        Err(e) => e,
    };
    let p = e
        .of_kind(ProblemKind::Manifest)
        .next()
        .unwrap_or_else(|| panic!("{e}"));
    assert_eq!(p.file.as_deref(), Some("seeds/extra.txt"));
}

#[test]
fn load_reads_a_folder_and_a_single_file_from_disk() {
    let dir = std::env::temp_dir().join(format!("syriatalks-broken-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("seeds")).unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(dir.join("seeds/fixture.txt"), SEED).unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(dir.join("records.toml"), RECORDS).unwrap_or_else(|e| panic!("{e}"));
    let manifest = syriatalks::manifest_for(dir.join("seeds")).unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(dir.join("seeds/manifest.toml"), manifest).unwrap_or_else(|e| panic!("{e}"));
    let ds = syriatalks::load(&dir).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(ds.figures().len(), 2);
    assert_eq!(ds.data_version(), None);
    let ds = syriatalks::load(dir.join("records.toml")).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(ds.quotes().len(), 1);
    let e = syriatalks::load(dir.join("missing"))
        .err()
        .unwrap_or_else(|| panic!("loaded nothing"));
    assert_eq!(e.problems[0].kind, ProblemKind::Io);
    let _ = std::fs::remove_dir_all(&dir);
}
