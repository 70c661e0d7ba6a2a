//! Replays every saved input under `fuzz/regressions/<target>/` through the same harness the
//! fuzz target runs, on any compiler and without libFuzzer:
//! `cargo test --manifest-path fuzz/Cargo.toml`.

use std::{fs, path::Path};

fn harness(target: &str) -> fn(&[u8]) {
    match target {
        "load_toml" => |d| syriatalks_fuzz::load(d, "toml"),
        "load_jsonl" => |d| syriatalks_fuzz::load(d, "jsonl"),
        "partial_date" => syriatalks_fuzz::partial_date,
        "derivation" => syriatalks_fuzz::derivation,
        "numbers" => syriatalks_fuzz::numbers,
        "filter" => syriatalks_fuzz::filter,
        "tables" => syriatalks_fuzz::tables,
        "c_api" => syriatalks_fuzz::c_api::run,
        other => panic!("regressions/{other}: no such fuzz target"),
    }
}

fn replay() -> usize {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("regressions");
    let mut n = 0;
    for dir in fs::read_dir(&root).unwrap().flatten() {
        let target = dir.file_name().to_string_lossy().into_owned();
        let run = harness(&target);
        for file in fs::read_dir(dir.path()).unwrap().flatten() {
            let path = file.path();
            eprintln!("replaying {}", path.display());
            run(&fs::read(&path).unwrap());
            n += 1;
        }
    }
    n
}

#[test]
fn every_fixed_finding_stays_fixed() {
    assert!(replay() > 0, "no regression inputs found");
}
