//! Loading datasets: the embedded one, or a user's folder or file in the same format, all through
//! the same reading, parsing and validation.
//!
//! A dataset is a folder of record files (`*.toml` holding the arrays `[[source]]`, `[[actor]]`,
//! `[[place]]`, `[[round]]`, `[[event]]`, `[[figure]]`, `[[quote]]`, `[[position]]`,
//! `[[instrument]]`, or `*.jsonl` with one record per line) and a `seeds/` folder with the article
//! texts and `seeds/manifest.toml`. Every stage is linear in the input: files are read, checksummed
//! and parsed on every core, quotes are placed one pass per article, and the indexes are built once.

use std::{collections::HashMap, fs, path::Path};

use once_cell::sync::OnceCell;

use crate::dataset::Dataset;
use crate::error::{LoadError, Problem, ProblemKind};
use crate::model::RecordKind;
use crate::parallel::{parallel, parallel_ordered};
use crate::parse::{parse_jsonl, parse_toml, Parsed};
use crate::progress::Reporter;
pub use crate::progress::{Progress, ProgressFn};
pub(crate) use crate::read::utf8_problem;
use crate::read::{problem, record_format, Bytes, Input};
pub use crate::read::{MANIFEST_FILE, MAX_RECORD_FILE_BYTES, MAX_SEED_BYTES, SOURCES_FILE};
use crate::validate;

use crate::embedded as files;
pub use crate::embedded::DATA_VERSION;

/// Where each record was read from: for each record type, by the record's index in its type,
/// (index into `files`, 1-based line).
#[derive(Debug, Default)]
pub(crate) struct Origins {
    pub files: Vec<String>,
    pub at: [Vec<(u32, u32)>; 9],
}

impl Origins {
    /// The file and line of the `i`-th record of a type.
    pub(crate) fn of(&self, kind: RecordKind, i: usize) -> Option<(&str, usize)> {
        let (f, line) = *self.at[kind_slot(kind)].get(i)?;
        Some((self.files.get(f as usize)?.as_str(), line as usize))
    }

    /// A problem of the `i`-th record of a type, at its file and line.
    pub(crate) fn problem(
        &self,
        ds: &Dataset,
        (kind, i): (RecordKind, usize),
        problem: ProblemKind,
        field: String,
        message: String,
    ) -> Problem {
        let origin = self.of(kind, i);
        Problem {
            kind: problem,
            file: origin.map(|o| o.0.to_string()),
            line: origin.map(|o| o.1),
            record: ds.at(kind, i).map(|r| r.id().to_string()),
            field: Some(field),
            message,
        }
    }
}

/// The position of a record type in [`RecordKind::ALL`].
pub(crate) fn kind_slot(kind: RecordKind) -> usize {
    RecordKind::ALL.iter().position(|k| *k == kind).unwrap_or(0)
}

/// A seed as the validator sees it.
pub(crate) struct Seed {
    pub bytes: usize,
    pub sha256: String,
    /// The text, or `None` when it is not UTF-8 (a problem says so).
    pub text: Option<String>,
}

/// Reads, parses and validates an input into a dataset.
pub(crate) fn build(
    mut input: Input,
    progress: Option<ProgressFn<'_>>,
) -> Result<Dataset, LoadError> {
    let mut problems = std::mem::take(&mut input.problems);
    let total: u64 = input.files.iter().map(|(_, b)| b.size()).sum::<u64>()
        + input.seeds.iter().map(|(_, b)| b.size()).sum::<u64>();
    let reporter = Reporter::new(progress, "load", total);

    // Seeds: read, checksummed and decoded on every core.
    let seed_results = parallel(input.seeds.len(), |i| {
        let (name, bytes) = &input.seeds[i];
        let shown = format!("seeds/{name}");
        let bytes = bytes.get(&shown)?;
        reporter.add(bytes.len() as u64);
        let sha256 = sha256_hex(&bytes);
        let len = bytes.len();
        let (text, bad) = match String::from_utf8(bytes.into_owned()) {
            Ok(t) => (Some(t), None),
            Err(e) => (None, Some(utf8_problem(&shown, e.utf8_error()))),
        };
        Ok::<_, Problem>((
            Seed {
                bytes: len,
                sha256,
                text,
            },
            bad,
        ))
    });
    let mut seeds: HashMap<String, Seed> = HashMap::with_capacity(input.seeds.len());
    let mut unreadable = std::collections::HashSet::new();
    for ((name, _), result) in input.seeds.iter().zip(seed_results) {
        match result {
            Ok((seed, bad)) => {
                problems.extend(bad);
                seeds.insert(name.clone(), seed);
            }
            Err(p) => {
                problems.push(p);
                unreadable.insert(name.clone());
            }
        }
    }

    // Record files: read and parsed on every core (a large file is cut in pieces, also parsed on
    // every core), and merged in file order as they come.
    let mut ds = Dataset::default();
    let mut origins = Origins::default();
    let mut index = crate::dataset::IdIndex::default();
    let files = std::mem::take(&mut input.files);
    parallel_ordered(
        files.len(),
        |i| {
            let (name, bytes) = &files[i];
            let fail = |p| Parsed {
                problems: vec![p],
                ..Parsed::default()
            };
            let bytes = match bytes.get(name) {
                Ok(b) => b,
                Err(p) => return fail(p),
            };
            let text = match std::str::from_utf8(&bytes) {
                Ok(t) => t,
                Err(e) => return fail(utf8_problem(name, e)),
            };
            let done = |n: u64| reporter.add(n);
            match record_format(name) {
                Some("jsonl") => parse_jsonl(name, text, &done),
                _ => parse_toml(name, text, &done),
            }
        },
        |i, file| {
            let f = origins.files.len() as u32;
            origins.files.push(files[i].0.clone());
            index.reserve(file.len());
            problems.extend(file.problems);
            macro_rules! merge {
                ($field:ident, $kind:ident) => {{
                    let batch = file.$field;
                    let slot = kind_slot(RecordKind::$kind);
                    let base = ds.$field.len();
                    origins.at[slot].extend(batch.lines.iter().map(|l| (f, *l)));
                    for (j, r) in batch.records.iter().enumerate() {
                        register(
                            &mut index,
                            &mut problems,
                            &origins,
                            (RecordKind::$kind, base + j),
                            &r.id,
                        );
                    }
                    if ds.$field.is_empty() {
                        ds.$field = batch.records;
                    } else {
                        ds.$field.extend(batch.records);
                    }
                }};
            }
            crate::parse::each_type!(merge);
        },
    );
    reporter.finish();
    drop(files);
    let records = index.len();

    let manifest_name = format!("seeds/{MANIFEST_FILE}");
    if input.manifest.is_none()
        && !problems
            .iter()
            .any(|p| p.file.as_deref() == Some(&manifest_name))
    {
        problems.push(problem(
            ProblemKind::Manifest,
            manifest_name,
            "no seed manifest: list each seed with its sha256 and bytes (`syriatalks manifest DIR` writes one)",
        ));
    }

    let checking = Reporter::new(progress, "validate", records as u64);
    let bounds = validate::validate(
        &checking,
        &mut ds,
        &index,
        &origins,
        validate::SeedsRead {
            seeds,
            unreadable,
            unlisted: &input.unlisted,
            manifest: input.manifest.as_ref(),
        },
        &mut problems,
    );
    checking.finish();
    if problems.is_empty() {
        ds.finish(index, bounds);
        Ok(ds)
    } else {
        Err(LoadError { problems })
    }
}

/// Adds a record's id to the index, or reports it as a duplicate naming where it was first used.
fn register(
    index: &mut crate::dataset::IdIndex,
    problems: &mut Vec<Problem>,
    origins: &Origins,
    (kind, i): (RecordKind, usize),
    id: &str,
) {
    match index.get(id) {
        Some(&(k0, i0)) => {
            let (file0, line0) = origins.of(k0, i0).unwrap_or(("?", 0));
            let (file, line) = origins.of(kind, i).unwrap_or(("?", 0));
            problems.push(Problem {
                kind: ProblemKind::DuplicateId,
                file: Some(file.to_string()),
                line: Some(line),
                record: Some(id.to_string()),
                field: Some("id".into()),
                message: format!("id already used at {file0}:{line0}"),
            });
        }
        None => {
            index.insert(id.to_string(), (kind, i));
        }
    }
}

/// Loads a user's dataset: a directory of record files with a `seeds/` folder beside them, or a
/// single record file (its seeds are then looked for in `seeds/` next to it). It goes through the
/// same validation as the embedded data; every problem is reported.
pub fn load(path: impl AsRef<Path>) -> Result<Dataset, LoadError> {
    load_with(path, &LoadOptions::default())
}

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
    let path = path.as_ref();
    if !path.exists() {
        return Err(LoadError {
            problems: vec![problem(
                ProblemKind::Io,
                path.display().to_string(),
                "no such file or directory",
            )],
        });
    }
    let mut input = if options.with_embedded {
        Input::embedded()
    } else {
        Input::default()
    };
    input.extend(Input::from_path(path));
    let mut ds = build(input, options.progress)?;
    let dir = if path.is_dir() {
        Some(path)
    } else {
        path.parent()
    };
    crate::retired::attach(&mut ds, dir, options.with_embedded)
        .map_err(|problems| LoadError { problems })?;
    Ok(ds)
}

/// Loads a user's dataset on top of the embedded one, so that its records may cite the embedded
/// sources and actors and add their own articles. Ids must not clash with embedded ones.
pub fn load_with_embedded(path: impl AsRef<Path>) -> Result<Dataset, LoadError> {
    load_with(
        path,
        &LoadOptions {
            with_embedded: true,
            ..LoadOptions::default()
        },
    )
}

/// Builds a dataset from in-memory parts: record files as (name, text) — TOML, or JSON Lines when
/// the name ends in `.jsonl` —, seeds as (file name, bytes), and the manifest text. Useful for
/// tests and for callers that keep data elsewhere than on disk.
pub fn from_parts(
    files: &[(&str, &str)],
    seeds: &[(&str, &[u8])],
    manifest: Option<&str>,
) -> Result<Dataset, LoadError> {
    let mut input = Input {
        files: files
            .iter()
            .map(|(n, t)| (n.to_string(), Bytes::Owned(t.as_bytes().to_vec())))
            .collect(),
        ..Input::default()
    };
    if let Some(m) = manifest {
        input.add_manifest(&format!("seeds/{MANIFEST_FILE}"), m);
    }
    input.add_seeds(
        seeds
            .iter()
            .map(|(n, b)| (n.to_string(), Bytes::Owned(b.to_vec())))
            .collect(),
    );
    build(input, None)
}

impl Input {
    fn embedded() -> Input {
        let mut input = Input {
            files: files::DATA_FILES
                .iter()
                .map(|(n, t)| (n.to_string(), Bytes::Static(t.as_bytes())))
                .collect(),
            ..Input::default()
        };
        input.add_manifest(&format!("seeds/{MANIFEST_FILE}"), files::MANIFEST);
        input.add_seeds(
            files::SEED_FILES
                .iter()
                .map(|(n, b)| (n.to_string(), Bytes::Static(b)))
                .collect(),
        );
        input
    }
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
///
/// The build script validated the embedded data (a problem fails `cargo build`) and stored it in a
/// compact form with every span and citation computed: this decodes it and builds the indexes,
/// without parsing TOML or searching a text.
pub fn embedded_owned() -> Result<Dataset, LoadError> {
    let records = crate::compact::decode(files::COMPACT).map_err(|e| LoadError {
        problems: vec![problem(
            ProblemKind::Parse,
            "(embedded data)",
            format!("the embedded compact data does not decode: {}", e.0),
        )],
    })?;
    let mut ds = Dataset::from_records(records);
    ds.data_version = Some(DATA_VERSION.to_string());
    ds.retired = crate::retired::retirements().to_vec();
    Ok(ds)
}

/// The embedded dataset parsed and validated from its record files, as any dataset is: what the
/// build script runs, and what a test compares the compact form with.
pub fn embedded_from_sources() -> Result<Dataset, LoadError> {
    build(Input::embedded(), None).map(|mut ds| {
        ds.data_version = Some(DATA_VERSION.to_string());
        ds.retired = crate::retired::retirements().to_vec();
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
/// manifest itself and the sources notice), so that nobody types a checksum by hand.
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
        if !p.is_file() || name == MANIFEST_FILE || name == SOURCES_FILE {
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
