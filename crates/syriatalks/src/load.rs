//! Reading datasets: the embedded one, or a user's directory or file in the same format, both
//! through the same parsing and validation.
//!
//! A dataset is a folder of TOML record files (`*.toml`, each holding any of the arrays `[[source]]`,
//! `[[actor]]`, `[[place]]`, `[[round]]`, `[[event]]`, `[[figure]]`, `[[quote]]`, `[[position]]`,
//! `[[instrument]]`) and a `seeds/` folder with the article texts and `seeds/manifest.toml`.

use std::{
    collections::{BTreeMap, HashMap},
    fs,
    path::Path,
};

use once_cell::sync::OnceCell;
use serde::Deserialize;
use toml::Spanned;

use crate::dataset::Dataset;
use crate::error::{LoadError, Problem, ProblemKind};
use crate::validate;

pub(crate) mod embedded {
    include!(concat!(env!("OUT_DIR"), "/embedded.rs"));
}
pub use embedded::DATA_VERSION;

/// The file in `seeds/` that lists every seed with its sha256 and length.
pub const MANIFEST_FILE: &str = "manifest.toml";

/// The record arrays a data file may hold, by their TOML name.
const ARRAYS: &[&str] = &[
    "source",
    "actor",
    "place",
    "round",
    "event",
    "figure",
    "quote",
    "position",
    "instrument",
];

/// One entry of `seeds/manifest.toml`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct SeedEntry {
    pub file: String,
    pub sha256: String,
    pub bytes: usize,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Manifest {
    #[serde(default)]
    pub seed: Vec<SeedEntry>,
}

/// Where a record was read from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Origin {
    pub file: String,
    pub line: usize,
}

/// Everything a load reads before validation: record files, seed bytes and the manifest.
#[derive(Debug, Default)]
pub(crate) struct Input {
    /// (file name, contents) of each record file.
    pub files: Vec<(String, String)>,
    /// Seed file name → bytes.
    pub seeds: BTreeMap<String, Vec<u8>>,
    /// (file name, contents) of each seed manifest (one per dataset folder).
    pub manifests: Vec<(String, String)>,
    /// Problems met while reading (unreadable files).
    pub problems: Vec<Problem>,
}

impl Input {
    fn embedded() -> Input {
        Input {
            files: embedded::DATA_FILES
                .iter()
                .map(|(n, t)| (n.to_string(), t.to_string()))
                .collect(),
            seeds: embedded::SEED_FILES
                .iter()
                .map(|(n, b)| (n.to_string(), b.to_vec()))
                .collect(),
            manifests: vec![(
                format!("seeds/{MANIFEST_FILE}"),
                embedded::MANIFEST.to_string(),
            )],
            problems: Vec::new(),
        }
    }

    fn from_path(path: &Path) -> Input {
        let mut input = Input::default();
        let io = |file: &Path, e: std::io::Error| Problem {
            kind: ProblemKind::Io,
            file: Some(file.display().to_string()),
            line: None,
            record: None,
            field: None,
            message: format!("cannot read: {e}"),
        };
        let (dir, files) = if path.is_dir() {
            let mut names = Vec::new();
            match fs::read_dir(path) {
                Ok(entries) => {
                    for entry in entries.flatten() {
                        let p = entry.path();
                        if p.is_file() && p.extension().is_some_and(|e| e == "toml") {
                            names.push(p);
                        }
                    }
                }
                Err(e) => input.problems.push(io(path, e)),
            }
            names.sort();
            (path.to_path_buf(), names)
        } else {
            (
                path.parent().unwrap_or(Path::new(".")).to_path_buf(),
                vec![path.to_path_buf()],
            )
        };
        for file in files {
            let name = file
                .strip_prefix(&dir)
                .unwrap_or(&file)
                .display()
                .to_string();
            match fs::read(&file) {
                Ok(bytes) => match String::from_utf8(bytes) {
                    Ok(text) => input.files.push((name, text)),
                    Err(e) => input.problems.push(utf8_problem(&name, e.utf8_error())),
                },
                Err(e) => input.problems.push(io(&file, e)),
            }
        }
        let seeds = dir.join("seeds");
        if seeds.is_dir() {
            let mut paths: Vec<_> = fs::read_dir(&seeds)
                .map(|d| d.flatten().map(|e| e.path()).collect())
                .unwrap_or_default();
            paths.sort();
            for p in paths.into_iter().filter(|p| p.is_file()) {
                let name = p
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default();
                match fs::read(&p) {
                    Ok(bytes) if name == MANIFEST_FILE => match String::from_utf8(bytes) {
                        Ok(text) => input
                            .manifests
                            .push((seeds.join(&name).display().to_string(), text)),
                        Err(e) => input
                            .problems
                            .push(utf8_problem(&format!("seeds/{name}"), e.utf8_error())),
                    },
                    Ok(bytes) => {
                        input.seeds.insert(name, bytes);
                    }
                    Err(e) => input.problems.push(io(&p, e)),
                }
            }
        }
        input
    }

    /// Adds another input's files and seeds to this one (a user's records over the embedded ones).
    fn extend(&mut self, other: Input) {
        self.files.extend(other.files);
        self.seeds.extend(other.seeds);
        self.manifests.extend(other.manifests);
        self.problems.extend(other.problems);
    }
}

pub(crate) fn utf8_problem(file: &str, e: std::str::Utf8Error) -> Problem {
    Problem {
        kind: ProblemKind::InvalidUtf8,
        file: Some(file.to_string()),
        line: None,
        record: None,
        field: None,
        message: format!("not valid UTF-8: bad byte at offset {}", e.valid_up_to()),
    }
}

/// The 1-based line of a byte offset.
pub(crate) fn line_of(text: &str, offset: usize) -> usize {
    text.as_bytes()[..offset.min(text.len())]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

/// Parses and validates an input into a dataset.
pub(crate) fn build(input: Input) -> Result<Dataset, LoadError> {
    let mut problems = input.problems;
    let mut ds = Dataset::default();
    let mut origins: HashMap<String, Origin> = HashMap::new();
    let mut duplicates: Vec<(String, Origin)> = Vec::new();

    for (name, text) in &input.files {
        // Each record is deserialized on its own, so that one bad record is reported with its id
        // and line while the others still load and get checked.
        let file: BTreeMap<String, Vec<Spanned<toml::Value>>> = match toml::from_str(text) {
            Ok(f) => f,
            Err(e) => {
                problems.push(Problem {
                    kind: ProblemKind::Parse,
                    file: Some(name.clone()),
                    line: e.span().map(|s| line_of(text, s.start)),
                    record: None,
                    field: None,
                    message: e.message().trim().to_string(),
                });
                continue;
            }
        };
        for (array, records) in file {
            if !ARRAYS.contains(&array.as_str()) {
                let line = text
                    .find(&format!("[[{array}]]"))
                    .map(|at| line_of(text, at));
                problems.push(Problem {
                    kind: ProblemKind::Parse,
                    file: Some(name.clone()),
                    line,
                    record: None,
                    field: Some(array.clone()),
                    message: format!(
                        "unknown record type `{array}` (expected one of: {})",
                        ARRAYS.join(", ")
                    ),
                });
                continue;
            }
            for (i, spanned) in records.into_iter().enumerate() {
                let line = line_of(text, spanned.span().start);
                let value = spanned.into_inner();
                let id = value.get("id").and_then(|v| v.as_str()).map(str::to_string);
                let Some(id) = id else {
                    problems.push(Problem {
                        kind: ProblemKind::Parse,
                        file: Some(name.clone()),
                        line: Some(line),
                        record: None,
                        field: Some("id".into()),
                        message: format!("{array} number {} has no string `id`", i + 1),
                    });
                    continue;
                };
                let origin = Origin {
                    file: name.clone(),
                    line,
                };
                if origins.contains_key(&id) {
                    duplicates.push((id.clone(), origin));
                } else {
                    origins.insert(id.clone(), origin);
                }
                if let Err(message) = ds.push(&array, value) {
                    // A date that parses as text but names no calendar day is a date problem,
                    // not a syntax one: the message comes from `DateError`.
                    let kind = if message.starts_with(crate::date::DATE_ERROR_PREFIX) {
                        ProblemKind::BadDate
                    } else {
                        ProblemKind::Parse
                    };
                    problems.push(Problem {
                        kind,
                        file: Some(name.clone()),
                        line: Some(line),
                        record: Some(id),
                        field: None,
                        message,
                    });
                }
            }
        }
    }
    for (id, at) in duplicates {
        let first = &origins[&id];
        problems.push(Problem {
            kind: ProblemKind::DuplicateId,
            file: Some(at.file.clone()),
            line: Some(at.line),
            record: Some(id.clone()),
            field: Some("id".into()),
            message: format!("id already used at {}:{}", first.file, first.line),
        });
    }

    let mut manifest: Option<Manifest> = None;
    if input.manifests.is_empty() {
        problems.push(Problem {
            kind: ProblemKind::Manifest,
            file: Some(format!("seeds/{MANIFEST_FILE}")),
            line: None,
            record: None,
            field: None,
            message: "no seed manifest: list each seed with its sha256 and bytes (`syriatalks manifest DIR` writes one)"
                .into(),
        });
    }
    for (name, text) in &input.manifests {
        match toml::from_str::<Manifest>(text) {
            Ok(m) => manifest
                .get_or_insert_with(Manifest::default)
                .seed
                .extend(m.seed),
            Err(e) => problems.push(Problem {
                kind: ProblemKind::Parse,
                file: Some(name.clone()),
                line: e.span().map(|s| line_of(text, s.start)),
                record: None,
                field: None,
                message: e.message().trim().to_string(),
            }),
        }
    }

    validate::validate(
        &mut ds,
        &origins,
        &input.seeds,
        manifest.as_ref(),
        &mut problems,
    );
    if problems.is_empty() {
        ds.finish();
        Ok(ds)
    } else {
        Err(LoadError { problems })
    }
}

/// Loads a user's dataset: a directory of record files with a `seeds/` folder beside them, or a
/// single record file (its seeds are then looked for in `seeds/` next to it). It goes through the
/// same validation as the embedded data; every problem is reported.
pub fn load(path: impl AsRef<Path>) -> Result<Dataset, LoadError> {
    let path = path.as_ref();
    if !path.exists() {
        return Err(LoadError {
            problems: vec![Problem {
                kind: ProblemKind::Io,
                file: Some(path.display().to_string()),
                line: None,
                record: None,
                field: None,
                message: "no such file or directory".into(),
            }],
        });
    }
    build(Input::from_path(path))
}

/// How far a load has got, for a progress display: `done` of `total` units of `stage`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    /// What is being done: `"read"` (bytes read from disk), `"parse"` (record-file bytes parsed),
    /// `"validate"` (records validated).
    pub stage: &'static str,
    /// Units done so far in this stage.
    pub done: u64,
    /// Units this stage has in all.
    pub total: u64,
}

/// A callback that receives [`Progress`] reports during a load; it may be called from any of the
/// loader's threads.
pub type ProgressFn<'a> = &'a (dyn Fn(Progress) + Sync);

/// Options for [`load_with`].
#[derive(Clone, Copy, Default)]
pub struct LoadOptions<'a> {
    /// Add the records at the path on top of the embedded ones (as [`load_with_embedded`]).
    pub with_embedded: bool,
    /// Called as the load progresses (a few hundred times at most, whatever the input's size).
    pub progress: Option<ProgressFn<'a>>,
}

impl std::fmt::Debug for LoadOptions<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LoadOptions")
            .field("with_embedded", &self.with_embedded)
            .field("progress", &self.progress.is_some())
            .finish()
    }
}

/// Loads a dataset as [`load`] or [`load_with_embedded`] do, with options (a progress callback).
pub fn load_with(path: impl AsRef<Path>, options: &LoadOptions<'_>) -> Result<Dataset, LoadError> {
    if options.with_embedded {
        load_with_embedded(path)
    } else {
        load(path)
    }
}

/// Loads a user's dataset on top of the embedded one, so that its records may cite the embedded
/// sources and actors and add their own articles. Ids must not clash with embedded ones.
pub fn load_with_embedded(path: impl AsRef<Path>) -> Result<Dataset, LoadError> {
    let path = path.as_ref();
    if !path.exists() {
        return load(path);
    }
    let mut input = Input::embedded();
    input.extend(Input::from_path(path));
    build(input)
}

/// Builds a dataset from in-memory parts: record files as (name, TOML text), seeds as
/// (file name, bytes), and the manifest text. Useful for tests and for callers that keep data
/// elsewhere than on disk.
pub fn from_parts(
    files: &[(&str, &str)],
    seeds: &[(&str, &[u8])],
    manifest: Option<&str>,
) -> Result<Dataset, LoadError> {
    build(Input {
        files: files
            .iter()
            .map(|(n, t)| (n.to_string(), t.to_string()))
            .collect(),
        seeds: seeds
            .iter()
            .map(|(n, b)| (n.to_string(), b.to_vec()))
            .collect(),
        manifests: manifest
            .map(|m| (format!("seeds/{MANIFEST_FILE}"), m.to_string()))
            .into_iter()
            .collect(),
        problems: Vec::new(),
    })
}

static EMBEDDED: OnceCell<Result<Dataset, LoadError>> = OnceCell::new();

/// The embedded dataset, parsed and validated on first use (later calls are free).
///
/// The embedded data is validated by the crate's tests, so this returns `Ok` in any released
/// build; the `Result` lets bindings report rather than panic should that ever not hold.
pub fn try_embedded() -> Result<&'static Dataset, &'static LoadError> {
    EMBEDDED.get_or_init(embedded_owned).as_ref()
}

/// A fresh, owned copy of the embedded dataset, parsed and validated now (bypassing the cache of
/// [`embedded`]): what the first access costs, and a dataset the caller owns.
pub fn embedded_owned() -> Result<Dataset, LoadError> {
    build(Input::embedded()).map(|mut ds| {
        ds.data_version = Some(DATA_VERSION.to_string());
        ds
    })
}

/// The embedded dataset, parsed and validated on first use.
///
/// # Panics
/// If the embedded data does not validate, which the crate's own tests rule out before release.
/// Use [`try_embedded`] where a panic is not acceptable (across FFI).
pub fn embedded() -> &'static Dataset {
    match try_embedded() {
        Ok(ds) => ds,
        Err(e) => panic!("the embedded syriatalks data does not validate: {e}"),
    }
}

/// Writes the text of a seed manifest for the seed files in `seeds_dir` (every file but the
/// manifest itself), so that nobody types a checksum by hand.
pub fn manifest_for(seeds_dir: impl AsRef<Path>) -> std::io::Result<String> {
    let mut paths: Vec<_> = fs::read_dir(seeds_dir)?
        .flatten()
        .map(|e| e.path())
        .collect();
    paths.sort();
    let mut out = String::from(
        "# The seed articles, verbatim: the loader recomputes every sha256 and length below.\n\n",
    );
    for p in paths {
        let name = p
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        if !p.is_file() || name == MANIFEST_FILE {
            continue;
        }
        let bytes = fs::read(&p)?;
        out.push_str(&format!(
            "[[seed]]\nfile = {name:?}\nsha256 = \"{}\"\nbytes = {}\n\n",
            sha256_hex(&bytes),
            bytes.len()
        ));
    }
    Ok(out)
}

/// The lowercase hex sha256 of some bytes.
pub(crate) fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::{Digest, Sha256};
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}
