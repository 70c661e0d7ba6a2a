//! What a published release promises at the command line: the versions, citations, and retired
//! ids that still lead somewhere.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_syriatalks"))
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("cannot run syriatalks: {e}"))
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

#[test]
fn version_names_the_program_and_the_data() {
    let o = run(&["--version"]);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(
        text(&o.stdout).trim(),
        format!(
            "syriatalks {} (data {})",
            syriatalks::VERSION,
            syriatalks::DATA_VERSION
        )
    );
}

#[test]
fn show_cites_a_record_in_bibtex_and_csl() {
    let o = run(&["show", "geneva-iv-2017", "--cite", "bibtex"]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let bib = text(&o.stdout);
    assert!(bib.starts_with("@misc{syriatalks:geneva-iv-2017,"), "{bib}");
    assert!(bib.contains(syriatalks::DATA_VERSION), "{bib}");
    assert!(
        bib.contains("“On 23 February, the Syrian government"),
        "{bib}"
    );
    assert!(bib.contains("RtoP Weekly"), "{bib}");

    let o = run(&["show", "geneva-iv-2017", "--cite", "csl"]);
    let csl: serde_json::Value = serde_json::from_slice(&o.stdout).expect("CSL-JSON");
    assert_eq!(csl[0]["id"], "syriatalks:geneva-iv-2017");
    assert_eq!(csl[0]["version"], syriatalks::DATA_VERSION);

    let o = run(&["show", "geneva-iv-2017", "--cite", "apa"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(text(&o.stderr).contains("expected one of: bibtex, csl"));
}

fn data_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../syriatalks/data")
}

/// The embedded data's record files and seeds, with a retired-id register of its own.
fn with_register(register: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("syriatalks-cli-retired-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    for sub in ["seeds", "ids"] {
        std::fs::create_dir_all(dir.join(sub)).unwrap();
    }
    for sub in ["", "seeds"] {
        for entry in std::fs::read_dir(data_dir().join(sub)).unwrap().flatten() {
            if entry.path().is_file() {
                std::fs::copy(entry.path(), dir.join(sub).join(entry.file_name())).unwrap();
            }
        }
    }
    std::fs::write(dir.join("ids/retired.toml"), register).unwrap();
    dir
}

#[test]
fn show_leads_a_retired_id_to_its_replacement_and_says_why() {
    let dir = with_register(
        "[[retired]]\nid = \"geneva-4\"\nreplaced_by = \"geneva-iv-2017\"\nreason = \"renamed to the year-stamped form\"\ndata_version = \"2026.11.0\"\n\n\
         [[retired]]\nid = \"a-mistake\"\nreason = \"the article does not state it\"\ndata_version = \"2026.11.0\"\n",
    );
    let d = dir.to_str().unwrap();
    let o = run(&["--data", d, "show", "geneva-4"]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    assert!(
        text(&o.stdout).starts_with("round:geneva `geneva-iv-2017`"),
        "{}",
        text(&o.stdout)
    );
    assert!(
        text(&o.stderr).contains("`geneva-4` was retired in data 2026.11.0, replaced by `geneva-iv-2017`: renamed to the year-stamped form"),
        "{}",
        text(&o.stderr)
    );
    let o = run(&["--data", d, "show", "geneva-4", "--json"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["record"]["id"], "geneva-iv-2017");
    assert_eq!(v["retired"][0]["id"], "geneva-4");

    let o = run(&["--data", d, "show", "a-mistake"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        text(&o.stderr).contains("with no replacement: the article does not state it"),
        "{}",
        text(&o.stderr)
    );
    std::fs::remove_dir_all(&dir).ok();
}
