//! The completeness audit of the embedded data: every quoted passage, number, capitalized name and
//! date expression in every seed is covered by some record's evidence or listed, with a reason, in
//! `data/audit/*.toml`. Prints the coverage per seed.

use std::path::Path;

#[test]
fn nothing_in_the_seeds_is_unaccounted_for() {
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    let ds = syriatalks::embedded();
    let mut exclusions = Vec::new();
    let mut files: Vec<_> = std::fs::read_dir(data.join("audit"))
        .map(|d| d.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    files.sort();
    for file in files
        .iter()
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
    {
        let text =
            std::fs::read_to_string(file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        exclusions.extend(
            syriatalks::audit::parse_exclusions(&text)
                .unwrap_or_else(|e| panic!("{}: {e}", file.display())),
        );
    }
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
