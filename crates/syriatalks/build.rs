//! Embeds the curated data directory: every `data/*.toml` record file, the seed texts listed in
//! `data/seeds/`, the seed manifest, the audit exclusions in `data/audit/` and the data version.
//! Generating the list here (rather than typing it in lib.rs) means a new data file is picked up
//! without touching code.
//!
//! It also validates the data with the crate's own loader and validator (the modules below are the
//! crate's source files, compiled into this script): a misquote, a bad date or any other problem
//! fails `cargo build` with the full list of problems. The validated dataset, every span and
//! citation computed, is embedded in a compact binary form that the first access decodes without
//! parsing TOML or searching a text.
#![allow(dead_code, unused_imports, unused_macros, missing_docs)]

use std::{env, fs, path::Path};

#[path = "src/anchor.rs"]
mod anchor;
#[path = "src/compact.rs"]
mod compact;
#[path = "src/corroborate.rs"]
mod corroborate;
#[path = "src/dataset.rs"]
mod dataset;
#[path = "src/date.rs"]
mod date;
#[path = "src/error.rs"]
mod error;
#[path = "src/evidence.rs"]
mod evidence;
#[path = "src/ident.rs"]
mod ident;
#[path = "src/index.rs"]
mod index;
#[path = "src/load.rs"]
mod load;
#[path = "src/model/mod.rs"]
mod model;
#[path = "src/normalize.rs"]
mod normalize;
#[path = "src/numbers.rs"]
mod numbers;
#[path = "src/parallel.rs"]
mod parallel;
#[path = "src/parse.rs"]
mod parse;
#[path = "src/place.rs"]
mod place;
#[path = "src/progress.rs"]
mod progress;
#[path = "src/read.rs"]
mod read;
#[path = "src/retired.rs"]
mod retired;
#[path = "src/validate.rs"]
mod validate;
#[path = "src/vocab.rs"]
mod vocab;

/// What the loader's embedded module holds; while building, nothing is embedded yet.
mod embedded {
    pub static DATA_FILES: &[(&str, &str)] = &[];
    pub static SEED_FILES: &[(&str, &[u8])] = &[];
    pub static AUDIT_FILES: &[(&str, &str)] = &[];
    pub static MANIFEST: &str = "";
    pub static COMPACT: &[u8] = &[];
    pub const DATA_VERSION: &str = "";
}

const VERSION: &str = env!("CARGO_PKG_VERSION");

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
    let out_dir = env::var("OUT_DIR").expect("OUT_DIR is set by cargo");
    let ds = match load::load(&dir) {
        Ok(ds) => ds,
        Err(e) => panic!(
            "the embedded data in {} does not validate:\n{e}",
            dir.display()
        ),
    };
    let compact = Path::new(&out_dir).join("embedded.bin");
    fs::write(&compact, compact::encode(&ds)).expect("OUT_DIR is writable");
    out.push_str(&format!(
        "/// The validated embedded dataset in its compact form.\npub(crate) static COMPACT: &[u8] = include_bytes!({:?});\n",
        compact.display().to_string()
    ));
    let dest = Path::new(&out_dir).join("embedded.rs");
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
