//! `syriatalks site` and `syriatalks export --format annotations`, run as a user would.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_syriatalks"))
        .args(args)
        .output()
        .expect("the binary runs")
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("syriatalks-cli-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn site_writes_a_self_contained_folder_and_refuses_to_replace_a_foreign_one() {
    let dir = scratch("site");
    let out = dir.join("site");
    let o = run(&["site", "--out", out.to_str().unwrap()]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(String::from_utf8_lossy(&o.stdout).starts_with("wrote "));
    for f in [
        "index.html",
        "data.js",
        "search.html",
        "actors.html",
        "places.html",
    ] {
        assert!(out.join(f).is_file(), "{f}");
    }
    assert!(out.join("records/geneva-iv-2017.html").is_file());

    let foreign = dir.join("mine");
    std::fs::create_dir_all(&foreign).unwrap();
    std::fs::write(foreign.join("keep.txt"), "x").unwrap();
    let o = run(&["site", "--out", foreign.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("not a syriatalks site"));
    assert!(foreign.join("keep.txt").is_file());
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn site_of_a_user_dataset_shows_its_own_exclusions() {
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("../syriatalks/data");
    let dir = scratch("site-data");
    let out = dir.join("site");
    let o = run(&[
        "--data",
        data.to_str().unwrap(),
        "site",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let page =
        std::fs::read_to_string(out.join("articles/src-2017-geneva-iv-begins.html")).unwrap();
    assert!(page.contains("Deliberately left uncoded ("));
    assert!(!page.contains("Deliberately left uncoded (0)"));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn export_annotations_is_a_web_annotation_collection() {
    let o = run(&["export", "--format", "annotations"]);
    assert!(o.status.success());
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["@context"], "http://www.w3.org/ns/anno.jsonld");
    let items = v["first"]["items"].as_array().unwrap();
    assert_eq!(v["total"].as_u64(), Some(items.len() as u64));
    assert!(items.iter().all(|a| a["target"]["source"]
        .as_str()
        .unwrap()
        .starts_with("ni:///sha-256;")));
}
