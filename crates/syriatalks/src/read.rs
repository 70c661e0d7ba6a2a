//! Finding what a dataset holds: its record files, its seed manifest and the seeds it lists.
//!
//! A dataset folder may come from anyone, so a dataset is its folder: symbolic links are refused
//! rather than followed (a link may point anywhere, and following it would let a folder make the
//! loader read, and echo in messages, files it does not contain; refusing is also simpler to
//! reason about than canonicalizing, and a copied folder stays the same dataset), only seeds the
//! manifest lists are opened, and every file has a size limit.

use std::{borrow::Cow, fs, io, path::Path, path::PathBuf};

use serde::Deserialize;

use crate::error::{Problem, ProblemKind};
use crate::parse::LineIndex;

/// The file in `seeds/` that lists every seed with its sha256 and length.
pub const MANIFEST_FILE: &str = "manifest.toml";

/// The file in `seeds/` that says where each seed comes from and on what terms it is included
/// (outlet, author, date, rights line). It describes the seeds and is not one of them, so it is
/// neither listed in the manifest nor reported as unlisted.
pub const SOURCES_FILE: &str = "SOURCES.md";

/// The largest seed text a dataset may hold (64 MiB): far above any article, and a bound on what a
/// hostile folder can make a load read and search.
pub const MAX_SEED_BYTES: u64 = 64 << 20;

/// The largest record file a dataset may hold (2 GiB).
pub const MAX_RECORD_FILE_BYTES: u64 = 2 << 30;

/// One entry of `seeds/manifest.toml`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct SeedEntry {
    pub file: String,
    pub sha256: String,
    pub bytes: usize,
}

/// The seed manifest.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Manifest {
    #[serde(default)]
    pub seed: Vec<SeedEntry>,
}

/// Bytes a load will read: a file on disk (read by the load's workers, under a size limit), or
/// bytes already in memory.
pub(crate) enum Bytes {
    Path(PathBuf, u64),
    Owned(Vec<u8>),
    Static(&'static [u8]),
}

impl Bytes {
    /// The bytes, read now if they are on disk; `name` is how a problem names the file.
    pub(crate) fn get(&self, name: &str) -> Result<Cow<'_, [u8]>, Problem> {
        match self {
            Bytes::Static(s) => Ok(Cow::Borrowed(s)),
            Bytes::Owned(v) => Ok(Cow::Borrowed(v)),
            Bytes::Path(p, limit) => read_confined(p, *limit)
                .map(Cow::Owned)
                .map_err(|e| problem(ProblemKind::Io, name, format!("cannot read: {e}"))),
        }
    }

    /// How many bytes there are (for progress; 0 when the file cannot be looked at).
    pub(crate) fn size(&self) -> u64 {
        match self {
            Bytes::Static(s) => s.len() as u64,
            Bytes::Owned(v) => v.len() as u64,
            Bytes::Path(p, _) => fs::symlink_metadata(p).map_or(0, |m| m.len()),
        }
    }
}

/// Everything a load will read: which record files and seeds there are, the manifest, and the
/// problems met finding them.
#[derive(Default)]
pub(crate) struct Input {
    /// (file name, contents) of each record file, in name order.
    pub files: Vec<(String, Bytes)>,
    /// (file name, contents) of each seed the manifest lists.
    pub seeds: Vec<(String, Bytes)>,
    /// Seed files present but not listed in the manifest (never read).
    pub unlisted: Vec<String>,
    /// The manifests' entries, merged; `None` when there is no manifest.
    pub manifest: Option<Manifest>,
    /// Problems met while finding files.
    pub problems: Vec<Problem>,
}

/// A problem about a whole file.
pub(crate) fn problem(
    kind: ProblemKind,
    file: impl Into<String>,
    message: impl Into<String>,
) -> Problem {
    Problem {
        kind,
        file: Some(file.into()),
        line: None,
        record: None,
        field: None,
        message: message.into(),
    }
}

/// The problem for bytes that are not UTF-8, naming the first bad byte.
pub(crate) fn utf8_problem(file: &str, e: std::str::Utf8Error) -> Problem {
    problem(
        ProblemKind::InvalidUtf8,
        file,
        format!("not valid UTF-8: bad byte at offset {}", e.valid_up_to()),
    )
}

/// Whether a name is a plain file name (no folder part), as seeds must be.
fn plain_name(name: &str) -> bool {
    !name.is_empty()
        && name != "."
        && name != ".."
        && !name.contains(['/', '\\', '\0'])
        && name != MANIFEST_FILE
        && name != SOURCES_FILE
}

/// A record file's format, by its extension: `toml` or `jsonl`.
pub(crate) fn record_format(name: &str) -> Option<&'static str> {
    match Path::new(name).extension()?.to_str()? {
        "toml" => Some("toml"),
        "jsonl" => Some("jsonl"),
        _ => None,
    }
}

impl Input {
    /// Parses a manifest's text and adds its entries.
    pub(crate) fn add_manifest(&mut self, name: &str, text: &str) {
        match toml::from_str::<Manifest>(text) {
            Ok(m) => {
                let merged = self.manifest.get_or_insert_with(Manifest::default);
                for e in m.seed {
                    if plain_name(&e.file) {
                        merged.seed.push(e);
                    } else {
                        self.problems.push(problem(
                            ProblemKind::Manifest,
                            name,
                            format!(
                                "seed {:?} is not a plain file name: seeds are files directly in seeds/",
                                e.file
                            ),
                        ));
                    }
                }
            }
            Err(e) => self.problems.push(Problem {
                line: e.span().map(|s| LineIndex::new(text).line(s.start)),
                ..problem(ProblemKind::Parse, name, crate::parse::toml_message(&e))
            }),
        }
    }

    /// Sorts in-memory seeds into listed (kept) and unlisted (named only).
    pub(crate) fn add_seeds(&mut self, seeds: Vec<(String, Bytes)>) {
        let listed: std::collections::HashSet<&str> = self
            .manifest
            .iter()
            .flat_map(|m| m.seed.iter().map(|e| e.file.as_str()))
            .collect();
        let (keep, skip): (Vec<_>, Vec<_>) = seeds
            .into_iter()
            .partition(|(n, _)| listed.contains(n.as_str()));
        self.seeds.extend(keep);
        // Without a manifest, that is the one problem to report, not every seed it would list.
        if self.manifest.is_some() {
            self.unlisted.extend(skip.into_iter().map(|(n, _)| n));
        }
    }

    /// What a dataset folder holds, or, given one record file, that file and the seeds beside it.
    pub(crate) fn from_path(path: &Path) -> Input {
        let mut input = Input::default();
        // The path the caller names may itself be a link (their choice); what lies in the folder
        // it leads to may not.
        let resolved = fs::canonicalize(path);
        let path = resolved.as_deref().unwrap_or(path);
        let io = |file: &Path, e: io::Error| {
            problem(
                ProblemKind::Io,
                file.display().to_string(),
                format!("cannot read: {e}"),
            )
        };
        let (dir, names) = if path.is_dir() {
            let mut names = Vec::new();
            match fs::read_dir(path) {
                Ok(entries) => {
                    for entry in entries {
                        let entry = match entry {
                            Ok(e) => e,
                            Err(e) => {
                                input.problems.push(io(path, e));
                                continue;
                            }
                        };
                        let name = entry.file_name().to_string_lossy().into_owned();
                        if record_format(&name).is_none() {
                            continue;
                        }
                        match entry.file_type() {
                            Ok(t) if t.is_symlink() => input.problems.push(problem(
                                ProblemKind::Io,
                                name,
                                "is a symbolic link: a dataset is its folder, and links are not followed (copy the file in)",
                            )),
                            Ok(t) if t.is_file() => names.push(name),
                            Ok(_) => {}
                            Err(e) => input.problems.push(io(&entry.path(), e)),
                        }
                    }
                }
                Err(e) => input.problems.push(io(path, e)),
            }
            names.sort();
            (path.to_path_buf(), names)
        } else {
            let name = path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            let dir = match path.parent() {
                Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
                _ => PathBuf::from("."),
            };
            (dir, vec![name])
        };
        for name in names {
            let p = dir.join(&name);
            input
                .files
                .push((name, Bytes::Path(p, MAX_RECORD_FILE_BYTES)));
        }

        let seeds = dir.join("seeds");
        match fs::symlink_metadata(&seeds) {
            Err(_) => {}
            Ok(m) if m.file_type().is_symlink() => input.problems.push(problem(
                ProblemKind::Io,
                "seeds",
                "is a symbolic link: a dataset is its folder, and links are not followed",
            )),
            Ok(m) if !m.is_dir() => {}
            Ok(_) => {
                let manifest_name = format!("seeds/{MANIFEST_FILE}");
                match read_confined(&seeds.join(MANIFEST_FILE), MAX_SEED_BYTES) {
                    Ok(bytes) => match std::str::from_utf8(&bytes) {
                        Ok(text) => input.add_manifest(&manifest_name, text),
                        Err(e) => input.problems.push(utf8_problem(&manifest_name, e)),
                    },
                    Err(e) if e.kind() == io::ErrorKind::NotFound => {}
                    Err(e) => input.problems.push(problem(
                        ProblemKind::Io,
                        manifest_name,
                        format!("cannot read: {e}"),
                    )),
                }
                let mut present: Vec<(String, Bytes)> = Vec::new();
                match fs::read_dir(&seeds) {
                    Ok(entries) => {
                        for entry in entries {
                            match entry {
                                Ok(e) => {
                                    let n = e.file_name().to_string_lossy().into_owned();
                                    if n != MANIFEST_FILE && n != SOURCES_FILE {
                                        let p = seeds.join(&n);
                                        present.push((n, Bytes::Path(p, MAX_SEED_BYTES)));
                                    }
                                }
                                Err(e) => input.problems.push(io(&seeds, e)),
                            }
                        }
                    }
                    Err(e) => input.problems.push(io(&seeds, e)),
                }
                present.sort_by(|a, b| a.0.cmp(&b.0));
                input.add_seeds(present);
            }
        }
        input
    }

    /// Adds another input's files and seeds to this one (a user's records over the embedded ones).
    pub(crate) fn extend(&mut self, other: Input) {
        self.files.extend(other.files);
        self.seeds.extend(other.seeds);
        self.unlisted.extend(other.unlisted);
        match (&mut self.manifest, other.manifest) {
            (Some(m), Some(o)) => m.seed.extend(o.seed),
            (m @ None, o) => *m = o,
            _ => {}
        }
        self.problems.extend(other.problems);
    }
}

/// Reads a file without following a symbolic link, refusing one over `limit` bytes.
fn read_confined(path: &Path, limit: u64) -> io::Result<Vec<u8>> {
    use std::io::Read;
    let meta = fs::symlink_metadata(path)?;
    if meta.file_type().is_symlink() {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            "it is a symbolic link: a dataset is its folder, and links are not followed",
        ));
    }
    if !meta.is_file() {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            "it is not a regular file",
        ));
    }
    let too_big = || {
        io::Error::new(
            io::ErrorKind::InvalidData,
            format!(
                "it is larger than the limit of {limit} bytes for this kind of file (see \"Where a dataset ends\" in docs/DATA.md)"
            ),
        )
    };
    if meta.len() > limit {
        return Err(too_big());
    }
    let mut options = fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        // Closes the window between the check above and the open.
        options.custom_flags(libc::O_NOFOLLOW);
    }
    let file = options.open(path)?;
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.take(limit + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Err(too_big());
    }
    Ok(bytes)
}
