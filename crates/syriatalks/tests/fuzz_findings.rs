//! Findings of the fuzzers (`fuzz/`, `scripts/test-fuzz`) in the loader, each a regression test.
//! The inputs that found them are in `fuzz/regressions/<target>/`.

#[test]
fn a_syntax_error_always_says_what_is_wrong() {
    // A file that ends just after `=`: the toml crate's error has an empty message(), and the
    // loader reported a Problem with nothing but a file and a line.
    for text in ["delegations = ", "[[event]]\nid = "] {
        let err = syriatalks::from_parts(&[("a.toml", text)], &[], None).unwrap_err();
        for p in &err.problems {
            assert!(!p.message.is_empty(), "{text:?}: {p:?}");
        }
    }
}

#[test]
fn a_duplicated_source_id_is_a_duplicate_not_a_crash() {
    // Finding 4 (load_jsonl): two sources with one id and different quotes for their own
    // metadata. The quotes were requested for the second source but looked up, by id, in the
    // first, which tripped a debug assertion (and, in release, fell back to a search per quote).
    let seed = "A headline\n\nPublished 2 February 2016.\n";
    let records = r#"
[[source]]
id = "src"
file = "a.txt"
title = { value = "A headline", basis = "stated" }

[[source]]
id = "src"
file = "a.txt"
title = { value = "A headline", basis = "stated" }
published = { value = "2016-02-02", basis = "stated", quote = "2 February 2016" }
"#;
    let manifest = {
        use sha2::{Digest, Sha256};
        let hex: String = Sha256::digest(seed.as_bytes())
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        format!(
            "[[seed]]\nfile = \"a.txt\"\nsha256 = \"{hex}\"\nbytes = {}\n",
            seed.len()
        )
    };
    let err = syriatalks::from_parts(
        &[("a.toml", records)],
        &[("a.txt", seed.as_bytes())],
        Some(&manifest),
    )
    .expect_err("a duplicated id");
    assert!(err
        .problems
        .iter()
        .any(|p| p.kind == syriatalks::ProblemKind::DuplicateId));
}
