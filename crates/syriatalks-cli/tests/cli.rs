//! End-to-end tests of the `syriatalks` command: every subcommand, its output and its exit code.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_syriatalks"))
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("cannot run syriatalks: {e}"))
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn ok(args: &[&str]) -> String {
    let o = run(args);
    assert_eq!(o.status.code(), Some(0), "{args:?} failed: {}", stderr(&o));
    stdout(&o)
}

fn data_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../syriatalks/data")
}

/// A copy of the embedded data folder in a fresh temporary directory.
fn copy_data(tag: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("syriatalks-cli-{tag}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("seeds")).unwrap_or_else(|e| panic!("{e}"));
    for sub in ["", "seeds"] {
        for entry in std::fs::read_dir(data_dir().join(sub))
            .unwrap_or_else(|e| panic!("{e}"))
            .flatten()
        {
            if entry.path().is_file() {
                std::fs::copy(entry.path(), dir.join(sub).join(entry.file_name()))
                    .unwrap_or_else(|e| panic!("{e}"));
            }
        }
    }
    dir
}

#[test]
fn timeline_spans_2012_to_2017_and_filters() {
    let out = ok(&["timeline"]);
    let years: Vec<&str> = out
        .lines()
        .skip(1)
        .filter_map(|l| l.split_whitespace().find(|w| w.starts_with("20")))
        .map(|w| &w[..4])
        .collect();
    assert!(years.first().is_some_and(|y| *y <= "2012"), "{years:?}");
    assert!(
        years.contains(&"2012") && years.contains(&"2017"),
        "{years:?}"
    );
    let last = out
        .lines()
        .rfind(|l| l.starts_with("20"))
        .unwrap_or_default();
    assert!(last.starts_with("2017"), "last entry: {last}");
    let feb = ok(&["timeline", "--from", "2016-02-01", "--to", "2016-02-03"]);
    let dates: Vec<&str> = feb
        .lines()
        .skip(1)
        .take_while(|l| !l.is_empty())
        .filter_map(|l| l.split_whitespace().find(|w| w.starts_with("20")))
        .collect();
    assert!(
        !dates.is_empty() && dates.iter().all(|d| d.starts_with("2016")),
        "{feb}"
    );
    let jaafari = ok(&["timeline", "--actor", "Bashar Al-Jaafari", "--json"]);
    let v: serde_json::Value = serde_json::from_str(&jaafari).unwrap_or_else(|e| panic!("{e}"));
    assert!(v.as_array().is_some_and(|a| !a.is_empty()));
}

#[test]
fn bad_usage_exits_2_and_not_found_exits_1() {
    let o = run(&["timeline", "--from", "2017-13"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("month must be 01-12"), "{}", stderr(&o));
    assert_eq!(run(&["frobnicate"]).status.code(), Some(2));
    let o = run(&["timeline", "--kind", "nonsense"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("unknown kind `nonsense`"),
        "{}",
        stderr(&o)
    );
    let o = run(&["timeline", "--actor", "Nobody Atall"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("no actor matches"), "{}", stderr(&o));
    let o = run(&["show", "no-such-record"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("no record has id `no-such-record`"));
    assert_eq!(run(&["search", "zzzzqqq"]).status.code(), Some(1));
    assert_eq!(run(&["figures", "bananas"]).status.code(), Some(2));
    assert_eq!(run(&["in-session", "1999-01-01"]).status.code(), Some(1));
}

#[test]
fn show_prints_the_record_and_its_evidence_with_source_titles() {
    let out = ok(&["show", "src-2016-02-disarray"]);
    assert!(out.contains("Syria Talks Plunge Into Disarray on 2nd Day"));
    assert!(out.contains("“by Luis Ramirez”"), "{out}");
    let out = ok(&["show", "staffan-de-mistura", "--json"]);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(v["type"], "actor");
    assert_eq!(v["record"]["id"], "staffan-de-mistura");
}

#[test]
fn search_finds_words_with_spans() {
    let out = ok(&["search", "Hardatneen"]);
    assert!(out.contains("Hardatneen") && out.contains("hits"));
    let v: serde_json::Value = serde_json::from_str(&ok(&["search", "hardatneen", "--json"]))
        .unwrap_or_else(|e| panic!("{e}"));
    let hits = v.as_array().cloned().unwrap_or_default();
    assert!(hits
        .iter()
        .any(|h| h["field"] == "text" && h["span"]["end"].as_u64() > h["span"]["start"].as_u64()));
}

#[test]
fn rounds_actors_in_session_figures_and_stats() {
    let rounds = ok(&["rounds"]);
    assert!(
        rounds.contains("Geneva IV") && rounds.contains("planned"),
        "{rounds}"
    );
    let actors = ok(&["actors"]);
    assert!(actors.contains("staffan-de-mistura"));
    let who = ok(&["actors", "Mistrua"]);
    assert!(
        who.lines()
            .nth(1)
            .is_some_and(|l| l.contains("staffan-de-mistura")),
        "{who}"
    );
    let on = ok(&["in-session", "2017-02-23"]);
    assert!(on.contains("Geneva IV"), "{on}");
    let stats = ok(&["stats"]);
    assert!(stats.contains(&format!("data {}", syriatalks::DATA_VERSION)));
    let deaths = run(&["figures", "deaths"]);
    assert!(matches!(deaths.status.code(), Some(0) | Some(1)));
}

#[test]
fn export_writes_every_record_with_quotes_found_in_the_seeds() {
    let dir = std::env::temp_dir().join(format!("syriatalks-export-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{e}"));
    let file = dir.join("all.json");
    ok(&[
        "export",
        "--format",
        "json",
        "--out",
        file.to_str().unwrap_or_default(),
    ]);
    let from_file = std::fs::read_to_string(&file).unwrap_or_else(|e| panic!("{e}"));
    let from_stdout = ok(&["export", "--format", "json"]);
    assert_eq!(from_file, from_stdout);
    let v: serde_json::Value = serde_json::from_str(&from_file).unwrap_or_else(|e| panic!("{e}"));
    let actor = &v["actors"][0];
    let ev = &actor["evidence"][0];
    let src = v["sources"]
        .as_array()
        .and_then(|s| s.iter().find(|s| s["id"] == ev["source"]))
        .cloned()
        .unwrap_or_default();
    assert!(src["text"]
        .as_str()
        .unwrap_or_default()
        .contains(ev["quote"].as_str().unwrap_or("\u{0}")));
    assert_eq!(run(&["export", "--format", "xml"]).status.code(), Some(2));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn validate_accepts_the_data_and_names_a_misquoted_record() {
    let good = ok(&["validate", data_dir().to_str().unwrap_or_default()]);
    assert!(good.starts_with("ok: "), "{good}");
    let dir = copy_data("misquote");
    let sources = dir.join("sources.toml");
    let text = std::fs::read_to_string(&sources).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(text.matches("quote = \"by Luis Ramirez\"").count(), 1);
    std::fs::write(
        &sources,
        text.replace("quote = \"by Luis Ramirez\"", "quote = \"by Luis Ramires\""),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let o = run(&["validate", dir.to_str().unwrap_or_default()]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(
        err.contains("record `src-2016-02-disarray` field `author.quote`")
            && err.contains("[misquote]"),
        "{err}"
    );
    let o = run(&["validate", "--json", dir.to_str().unwrap_or_default()]);
    assert_eq!(o.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(v["problems"][0]["record"], "src-2016-02-disarray");
    assert_eq!(v["problems"][0]["kind"], "misquote");
    // The same folder, queried with --data, is refused the same way.
    assert_eq!(
        run(&["--data", dir.to_str().unwrap_or_default(), "rounds"])
            .status
            .code(),
        Some(1)
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn manifest_writes_a_manifest_the_loader_accepts() {
    let dir = copy_data("manifest");
    std::fs::remove_file(dir.join("seeds/manifest.toml")).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        run(&["validate", dir.to_str().unwrap_or_default()])
            .status
            .code(),
        Some(1)
    );
    ok(&["manifest", dir.to_str().unwrap_or_default()]);
    ok(&["validate", dir.to_str().unwrap_or_default()]);
    let rounds = ok(&["--data", dir.to_str().unwrap_or_default(), "stats"]);
    assert!(rounds.contains("(user dataset)"));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn audit_reports_coverage_and_refuses_stale_exclusions() {
    let out = ok(&["audit"]);
    assert_eq!(out.lines().count(), 5, "{out}");
    assert!(out.lines().all(|l| l.ends_with(" 0 missing")), "{out}");
    let one = ok(&["audit", "--source", "src-2016-02-disarray", "--json"]);
    let v: serde_json::Value = serde_json::from_str(&one).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(v["sources"].as_array().map(Vec::len), Some(1));
    assert_eq!(run(&["audit", "--source", "nope"]).status.code(), Some(1));
    let dir = copy_data("audit");
    std::fs::create_dir_all(dir.join("audit")).unwrap_or_else(|e| panic!("{e}"));
    for entry in std::fs::read_dir(data_dir().join("audit"))
        .unwrap_or_else(|e| panic!("{e}"))
        .flatten()
    {
        std::fs::copy(entry.path(), dir.join("audit").join(entry.file_name()))
            .unwrap_or_else(|e| panic!("{e}"));
    }
    ok(&["audit", dir.to_str().unwrap_or_default()]);
    let stale = "[[exclude]]\nsource = \"src-2016-02-disarray\"\ntext = \"words that are not there\"\nreason = \"test\"\n";
    std::fs::write(dir.join("audit/zz-stale.toml"), stale).unwrap_or_else(|e| panic!("{e}"));
    let o = run(&["audit", dir.to_str().unwrap_or_default()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stdout(&o).contains("bad exclusion"), "{}", stdout(&o));
    // Without its exclusions, the page furniture shows up as missing.
    std::fs::remove_dir_all(dir.join("audit")).unwrap_or_else(|e| panic!("{e}"));
    let o = run(&["audit", dir.to_str().unwrap_or_default()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stdout(&o).contains("Grey Facebook Icon"), "{}", stdout(&o));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn search_is_bounded_and_says_when_there_is_more() {
    let o = run(&["search", "Geneva", "--limit", "2", "--json"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let hits: serde_json::Value = serde_json::from_slice(&o.stdout).expect("JSON");
    assert_eq!(hits.as_array().map(Vec::len), Some(2));
    assert!(stderr(&o).contains("more than 2 hits"), "{}", stderr(&o));
    let o = run(&["search", "Hardatneen", "--limit", "1000"]);
    assert!(!stderr(&o).contains("more than"), "{}", stderr(&o));
}

#[test]
fn a_failing_out_names_the_path_and_leaves_no_partial_file() {
    let dir = std::env::temp_dir().join(format!("syriatalks-out-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let missing = dir.join("no-such-folder").join("all.json");
    let o = run(&["export", "--out", missing.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains(missing.to_str().unwrap()),
        "{}",
        stderr(&o)
    );
    // A good write replaces the file whole, with no temporary file left beside it.
    std::fs::create_dir_all(&dir).unwrap();
    let dest = dir.join("all.json");
    std::fs::write(&dest, "old").unwrap();
    ok(&["export", "--out", dest.to_str().unwrap()]);
    assert!(std::fs::read_to_string(&dest).unwrap().starts_with('{'));
    let left: Vec<_> = std::fs::read_dir(&dir).unwrap().flatten().collect();
    assert_eq!(left.len(), 1, "{left:?}");
}

#[cfg(unix)]
#[test]
fn a_closed_stdout_is_an_error_not_a_silent_success() {
    use std::os::unix::process::CommandExt;
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_syriatalks"));
    cmd.arg("timeline");
    // SAFETY: close(2) is async-signal-safe, as pre_exec requires.
    unsafe {
        cmd.pre_exec(|| {
            libc::close(1);
            Ok(())
        });
    }
    let o = cmd.output().expect("runs");
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(stderr(&o).contains("standard output is closed"));
    // Sent to /dev/null on purpose, it succeeds.
    let o = Command::new(env!("CARGO_BIN_EXE_syriatalks"))
        .arg("timeline")
        .stdout(std::process::Stdio::null())
        .output()
        .expect("runs");
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
}

#[cfg(unix)]
#[test]
fn validate_refuses_a_seed_that_links_out_of_the_folder() {
    let dir = copy_data("symlink");
    let outside = dir.with_extension("outside.txt");
    std::fs::write(&outside, "SECRET-CONTENT outside the dataset\n").unwrap();
    let seed = std::fs::read_dir(dir.join("seeds"))
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .find(|p| p.extension().is_some_and(|e| e == "txt"))
        .expect("a seed");
    std::fs::remove_file(&seed).unwrap();
    std::os::unix::fs::symlink(&outside, &seed).unwrap();
    let o = run(&["validate", dir.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(err.contains("symbolic link"), "{err}");
    assert!(!err.contains("SECRET-CONTENT"), "{err}");
    let o = run(&["--data", dir.to_str().unwrap(), "search", "SECRET"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(!stdout(&o).contains("SECRET-CONTENT"));
}
