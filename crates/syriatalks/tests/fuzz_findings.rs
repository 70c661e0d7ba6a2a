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
