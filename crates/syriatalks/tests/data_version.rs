//! The rule for the data version (CHANGELOG.md, "Versioning"): `data/VERSION` moves whenever a
//! user could get a different answer from the embedded data. The fingerprint of the embedded
//! records (every record as exported, spans and texts included, and the retired-id register) is
//! kept with the version it was published under in `data/ids/fingerprint.toml`; when the records
//! change and the version has not moved, this fails.
//!
//! After moving `data/VERSION`, record the new fingerprint with
//! `ST_BLESS=1 cargo test -p syriatalks --test data_version`.

use std::path::Path;

use sha2::{Digest, Sha256};
use syriatalks::{embedded, DATA_VERSION};

fn fingerprint() -> String {
    let ds = embedded();
    let records: Vec<_> = ds.records().collect();
    let text = serde_json::to_string(&(records, ds.retirements())).expect("records serialize");
    Sha256::digest(text.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[test]
fn the_data_version_moves_when_the_records_do() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/ids/fingerprint.toml");
    let now = fingerprint();
    if std::env::var_os("ST_BLESS").is_some() {
        let text = format!(
            "# The fingerprint of the embedded records under the data version they were published\n\
             # with (tests/data_version.rs). Written by: ST_BLESS=1 cargo test -p syriatalks --test data_version\n\
             data_version = {DATA_VERSION:?}\nsha256 = {now:?}\n"
        );
        std::fs::write(&path, text).expect("the fingerprint file is writable");
        return;
    }
    let kept: toml::Table = toml::from_str(&std::fs::read_to_string(&path).expect("readable"))
        .expect("data/ids/fingerprint.toml parses");
    let (version, sha) = (kept["data_version"].as_str(), kept["sha256"].as_str());
    if sha == Some(now.as_str()) {
        assert_eq!(
            version,
            Some(DATA_VERSION),
            "the records are unchanged but data/VERSION moved: bless the fingerprint (ST_BLESS=1 cargo test -p syriatalks --test data_version)"
        );
        return;
    }
    assert_ne!(
        version,
        Some(DATA_VERSION),
        "the embedded records changed but data/VERSION is still {DATA_VERSION}: move it (YYYY.MM.N, \
         see CHANGELOG.md), say what changed in CHANGELOG.md, then bless the fingerprint \
         (ST_BLESS=1 cargo test -p syriatalks --test data_version)"
    );
    panic!(
        "data/VERSION moved to {DATA_VERSION} (from {}); record the new fingerprint: ST_BLESS=1 cargo test -p syriatalks --test data_version",
        version.unwrap_or("?")
    );
}
