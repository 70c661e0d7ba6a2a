//! The promise that ids never change meaning: every id the embedded data has published is in the
//! committed snapshot `data/ids/published.toml`, and each one is either still a record of the same
//! type or retired in `data/ids/retired.toml` with a replacement or a reason. A retired id is never
//! reused.
//!
//! New ids are added to the snapshot by `ST_BLESS=1 cargo test -p syriatalks --test ids` (it only
//! ever adds: an id once published stays in the snapshot).

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use syriatalks::{embedded, retired, RecordKind};

type Snapshot = BTreeMap<String, BTreeSet<String>>;

fn snapshot_path() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("data/ids/published.toml")
}

fn render(snapshot: &Snapshot) -> String {
    let mut out = String::from(
        "# Every id the embedded data has published, per record type: the promise that an id never\n\
         # changes meaning is checked against this list (tests/ids.rs). Generated, and only ever\n\
         # added to: ST_BLESS=1 cargo test -p syriatalks --test ids\n",
    );
    for kind in RecordKind::ALL {
        let Some(ids) = snapshot.get(kind.as_str()) else {
            continue;
        };
        out.push_str(&format!("\n{} = [\n", kind.as_str()));
        for id in ids {
            out.push_str(&format!("    {id:?},\n"));
        }
        out.push_str("]\n");
    }
    out
}

fn current() -> Snapshot {
    let mut now = Snapshot::new();
    for r in embedded().records() {
        now.entry(r.kind().as_str().to_string())
            .or_default()
            .insert(r.id().to_string());
    }
    now
}

#[test]
fn every_published_id_is_current_or_retired() {
    let published: Snapshot =
        toml::from_str(retired::PUBLISHED_TOML).expect("data/ids/published.toml parses");
    let now = current();
    let ds = embedded();

    if std::env::var_os("ST_BLESS").is_some() {
        let mut merged = published.clone();
        for (kind, ids) in &now {
            merged
                .entry(kind.clone())
                .or_default()
                .extend(ids.iter().cloned());
        }
        std::fs::write(snapshot_path(), render(&merged)).expect("the snapshot is writable");
        return;
    }

    let mut problems = Vec::new();
    let unpublished: Vec<String> = now
        .iter()
        .flat_map(|(kind, ids)| {
            ids.iter()
                .filter(|id| !published.get(kind).is_some_and(|p| p.contains(*id)))
                .map(move |id| format!("{kind} `{id}`"))
        })
        .collect();
    if !unpublished.is_empty() {
        problems.push(format!(
            "ids not yet in data/ids/published.toml (add them with `ST_BLESS=1 cargo test -p syriatalks --test ids`): {}",
            unpublished.join(", ")
        ));
    }
    for (kind, ids) in &published {
        for id in ids {
            match ds.get(id) {
                Some(r) if r.kind().as_str() == kind => {}
                Some(r) => problems.push(format!(
                    "`{id}` was published as a {kind} and is now a {}: an id never changes meaning; retire it and give the new record a new id",
                    r.kind().as_str()
                )),
                None if ds.retirement(id).is_some() => {}
                None => problems.push(format!(
                    "{kind} `{id}` was published and has disappeared: list it in data/ids/retired.toml (replaced_by, reason, data_version)"
                )),
            }
        }
    }
    let all_published: BTreeSet<&String> = published.values().flatten().collect();
    for r in ds.retirements() {
        if !all_published.contains(&r.id) {
            problems.push(format!(
                "`{}` is retired but was never published (a typo?)",
                r.id
            ));
        }
        if r.replaced_by.is_some() && ds.resolve_id(&r.id).is_none() {
            problems.push(format!(
                "`{}` is retired in favour of `{}`, which leads to no record",
                r.id,
                r.replaced_by.as_deref().unwrap_or_default()
            ));
        }
        if r.reason.trim().is_empty() {
            problems.push(format!("`{}` is retired without a reason", r.id));
        }
        if version_key(&r.data_version).is_none()
            || version_key(&r.data_version) > version_key(syriatalks::DATA_VERSION)
        {
            problems.push(format!(
                "`{}` is retired in data {}, which is not a data version up to the current {}",
                r.id,
                r.data_version,
                syriatalks::DATA_VERSION
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// `YYYY.MM.N` as numbers, so that versions compare as versions.
fn version_key(v: &str) -> Option<(u32, u32, u32)> {
    let mut parts = v.split('.').map(|p| p.parse::<u32>().ok());
    let key = (parts.next()??, parts.next()??, parts.next()??);
    parts.next().is_none().then_some(key)
}

#[test]
fn the_snapshot_is_in_its_generated_form() {
    if std::env::var_os("ST_BLESS").is_some() {
        return; // being rewritten by the other test; this run compiled the old text
    }
    let published: Snapshot = toml::from_str(retired::PUBLISHED_TOML).unwrap();
    assert_eq!(
        retired::PUBLISHED_TOML,
        render(&published),
        "data/ids/published.toml is not in the form the bless command writes"
    );
}

#[test]
fn a_retired_id_leads_to_its_replacement_saying_why() {
    let dir = tempdir("retired");
    std::fs::create_dir_all(dir.join("ids")).unwrap();
    std::fs::write(
        dir.join("ids/retired.toml"),
        "[[retired]]\nid = \"de-mistura\"\nreplaced_by = \"staffan-de-mistura\"\nreason = \"merged into the fuller name\"\ndata_version = \"2026.11.0\"\n\n\
         [[retired]]\nid = \"envoy\"\nreplaced_by = \"de-mistura\"\nreason = \"a role, not an actor\"\ndata_version = \"2026.11.0\"\n\n\
         [[retired]]\nid = \"gone\"\nreason = \"stated nothing\"\ndata_version = \"2026.11.0\"\n",
    )
    .unwrap();
    let ds = syriatalks::load_with_embedded(&dir).expect("an empty folder over the embedded data");
    let r = ds.resolve_id("envoy").expect("a chain of two retirements");
    assert_eq!(r.record.id(), "staffan-de-mistura");
    let followed: Vec<&str> = r.retired.iter().map(|x| x.id.as_str()).collect();
    assert_eq!(followed, ["envoy", "de-mistura"]);
    assert!(ds.resolve_id("gone").is_none());
    assert_eq!(ds.retirement("gone").unwrap().reason, "stated nothing");
    assert!(ds
        .resolve_id("staffan-de-mistura")
        .unwrap()
        .retired
        .is_empty());

    // A retired id that a record still has is refused: ids are never reused.
    std::fs::write(
        dir.join("ids/retired.toml"),
        "[[retired]]\nid = \"russia\"\nreason = \"x\"\ndata_version = \"2026.11.0\"\n",
    )
    .unwrap();
    let e = syriatalks::load_with_embedded(&dir).unwrap_err();
    assert!(e.to_string().contains("never reused"), "{e}");
    std::fs::remove_dir_all(&dir).ok();
}

fn tempdir(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("syriatalks-ids-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("seeds")).unwrap();
    std::fs::write(dir.join("seeds/manifest.toml"), "").unwrap();
    dir
}
