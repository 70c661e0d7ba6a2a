//! The JSON Lines export is the loader's own format: written out with the seeds and manifest, it
//! loads back into the same dataset.

use std::path::PathBuf;

#[test]
fn the_embedded_data_round_trips_through_json_lines() {
    let ds = syriatalks::embedded();
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("syriatalks-tables-jsonl");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("seeds")).unwrap();
    let seeds = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../syriatalks/data/seeds");
    for e in std::fs::read_dir(&seeds).unwrap() {
        let e = e.unwrap();
        if e.file_type().unwrap().is_file() {
            std::fs::copy(e.path(), dir.join("seeds").join(e.file_name())).unwrap();
        }
    }
    let file = std::fs::File::create(dir.join("records.jsonl")).unwrap();
    let n = syriatalks_tables::write_jsonl(ds.records(), std::io::BufWriter::new(file)).unwrap();
    assert_eq!(n, ds.records().count());
    let text = std::fs::read_to_string(dir.join("records.jsonl")).unwrap();
    for line in text.lines() {
        assert!(line.starts_with("{\"type\":"), "{line}");
        for computed in [
            "\"span\":",
            "\"cited\":",
            "\"sha256\":",
            "\"plover\":",
            "\"best\":",
        ] {
            assert!(!line.contains(computed), "{computed} in {line}");
        }
    }
    let back = syriatalks::load(&dir).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(back.counts(), ds.counts());
    // The data version belongs to the embedded build, not to a folder's records.
    let without_version = |d: &syriatalks::Dataset| {
        let mut v: serde_json::Value = serde_json::from_str(&d.to_json()).unwrap();
        v.as_object_mut().unwrap().remove("data_version");
        serde_json::to_string_pretty(&v).unwrap()
    };
    let (a, b) = (without_version(&back), without_version(ds));
    if let Some(i) = a.bytes().zip(b.bytes()).position(|(x, y)| x != y) {
        let at = |s: &str| s[i.saturating_sub(1500)..(i + 300).min(s.len())].to_string();
        panic!("the loaded dataset differs:\n{}\n---\n{}", at(&a), at(&b));
    }
    assert_eq!(a.len(), b.len());
}
