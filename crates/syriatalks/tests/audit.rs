//! The completeness audit of the embedded data: every quoted passage, number, capitalized name and
//! date expression in every seed is covered by some record's evidence or listed, with a reason, in
//! `data/audit/*.toml`. Prints the coverage per seed.

#[test]
fn nothing_in_the_seeds_is_unaccounted_for() {
    let ds = syriatalks::embedded();
    let exclusions = syriatalks::audit::embedded_exclusions().unwrap_or_else(|e| panic!("{e}"));
    let report = syriatalks::audit::audit(ds, &exclusions);
    let mut failures = Vec::new();
    for s in &report.sources {
        println!(
            "audit {:<36} {:>4} items {:>4} covered ({:.1}%) {:>3} excluded {:>3} missing",
            s.source,
            s.items,
            s.covered,
            s.coverage(),
            s.excluded,
            s.missing.len()
        );
        for m in &s.missing {
            failures.push(format!(
                "{}: {} {:?} at bytes {}-{}",
                s.source, m.kind, m.text, m.span.start, m.span.end
            ));
        }
    }
    for (e, why) in &report.bad_exclusions {
        failures.push(format!("exclusion {:?} in {}: {why}", e.text, e.source));
    }
    assert!(report.sources.len() == ds.sources().len());
    assert!(
        failures.is_empty(),
        "{} unaccounted:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
