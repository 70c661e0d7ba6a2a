//! Embeds the curated data directory: every `data/*.toml` record file, the seed texts listed in
//! `data/seeds/`, the seed manifest, the audit exclusions in `data/audit/` and the data version. Generating the list here (rather than
//! typing it in lib.rs) means a new data file is picked up without touching code.
use std::{env, fs, path::Path};

fn main() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    println!("cargo:rerun-if-changed={}", dir.display());
    let seeds = dir.join("seeds");
    println!("cargo:rerun-if-changed={}", seeds.display());

    let mut data: Vec<_> = list(&dir, "toml");
    data.sort();
    let mut texts: Vec<_> = list(&seeds, "txt");
    texts.sort();

    let mut out = String::new();
    out.push_str("/// The embedded record files, as (file name, contents).\n");
    out.push_str("pub(crate) static DATA_FILES: &[(&str, &str)] = &[\n");
    for name in &data {
        let path = dir.join(name);
        println!("cargo:rerun-if-changed={}", path.display());
        out.push_str(&format!(
            "    ({name:?}, include_str!({:?})),\n",
            path.display().to_string()
        ));
    }
    out.push_str("];\n/// The embedded seed texts, as (file name, bytes).\n");
    out.push_str("pub(crate) static SEED_FILES: &[(&str, &[u8])] = &[\n");
    for name in &texts {
        let path = seeds.join(name);
        println!("cargo:rerun-if-changed={}", path.display());
        out.push_str(&format!(
            "    ({name:?}, include_bytes!({:?})),\n",
            path.display().to_string()
        ));
    }
    out.push_str("];\n");
    let audit = dir.join("audit");
    println!("cargo:rerun-if-changed={}", audit.display());
    let mut exclusions: Vec<_> = if audit.is_dir() {
        list(&audit, "toml")
    } else {
        Vec::new()
    };
    exclusions.sort();
    out.push_str("/// The embedded audit exclusions, as (file name, contents).\n");
    out.push_str("pub(crate) static AUDIT_FILES: &[(&str, &str)] = &[\n");
    for name in &exclusions {
        let path = audit.join(name);
        println!("cargo:rerun-if-changed={}", path.display());
        out.push_str(&format!(
            "    ({name:?}, include_str!({:?})),\n",
            path.display().to_string()
        ));
    }
    out.push_str("];\n");
    let manifest = seeds.join("manifest.toml");
    println!("cargo:rerun-if-changed={}", manifest.display());
    out.push_str(&format!(
        "/// The embedded seed manifest.\npub(crate) static MANIFEST: &str = include_str!({:?});\n",
        manifest.display().to_string()
    ));
    let version_file = dir.join("VERSION");
    println!("cargo:rerun-if-changed={}", version_file.display());
    let version = fs::read_to_string(&version_file).expect("data/VERSION is readable");
    out.push_str(&format!(
        "/// The version of the embedded data (see `data/VERSION`).\npub const DATA_VERSION: &str = {:?};\n",
        version.trim()
    ));
    let dest =
        Path::new(&env::var("OUT_DIR").expect("OUT_DIR is set by cargo")).join("embedded.rs");
    fs::write(dest, out).expect("OUT_DIR is writable");
}

fn list(dir: &Path, ext: &str) -> Vec<String> {
    fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .filter_map(|entry| entry.ok())
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .filter(|name| Path::new(name).extension().is_some_and(|e| e == ext))
        .collect()
}
