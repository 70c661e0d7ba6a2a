//! # syriatalks-site
//!
//! Two ways to look at the evidence of a syriatalks dataset, written once here and reached from
//! the `syriatalks` command (`site`, `export --format annotations`) and from Python
//! (`syriatalks.site(path)`):
//!
//! - [`build`] / [`write`]: a self-contained static site (no server, no network: it works opened
//!   from `file://`) with the timeline, a page per record, each article with every evidence span
//!   highlighted and its audit exclusions marked, actor and place indexes and a search box. The
//!   pages are rendered from the same JSON the `export` command writes; the timeline and the
//!   search read it from `data.js` (`window.SYRIATALKS = …`), since a page opened from a file
//!   cannot fetch JSON.
//! - [`annotations::collection`]: every evidence as a W3C Web Annotation.
//!
//! ```
//! let ds = syriatalks::embedded();
//! let pages = syriatalks_site::build(ds, &[]).unwrap();
//! assert!(pages.iter().any(|p| p.path == "index.html"));
//! assert!(pages.iter().any(|p| p.path == "records/geneva-iv-2017.html"));
//! ```
#![warn(missing_docs)]

pub mod annotations;
mod html;
pub mod offsets;
mod pages;

use std::path::{Path, PathBuf};

use syriatalks::{audit::Exclusion, Dataset, QueryError};

/// The file that marks a folder as one this crate wrote, so that writing a site again may replace
/// it (and never a folder of something else).
pub const MARKER: &str = ".syriatalks-site";

/// One file of the site.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    /// Where it goes, relative to the site's folder, with `/` separators.
    pub path: String,
    /// Its content.
    pub content: String,
}

/// Why a site could not be built or written.
#[derive(Debug, thiserror::Error)]
pub enum SiteError {
    /// A query the site runs to compute its filters failed (a dataset that is not valid).
    #[error("query failed while building the site: {0}")]
    Query(#[from] QueryError),
    /// The export could not be read back as JSON.
    #[error("the export is not JSON: {0}")]
    Json(#[from] serde_json::Error),
    /// A file could not be written.
    #[error("cannot write {path}: {source}")]
    Io {
        /// The path.
        path: PathBuf,
        /// What went wrong.
        source: std::io::Error,
    },
    /// A record id that is not a slug cannot name a page (validation refuses such ids; this guards
    /// the file names all the same, since ids become paths).
    #[error("record id `{0}` is not a slug (a-z, 0-9, hyphens) and cannot name a page")]
    BadId(String),
    /// The output folder holds files this crate did not write.
    #[error("{0} exists and is not a syriatalks site (no {MARKER} in it): refusing to replace it")]
    NotASite(PathBuf),
}

/// What [`write`] wrote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Summary {
    /// The folder.
    pub dir: PathBuf,
    /// How many files.
    pub files: usize,
    /// How many bytes, all files together.
    pub bytes: usize,
}

/// Every file of the site for `ds`; `exclusions` are the audit's reviewed exclusions (shown on the
/// article pages with their reasons).
pub fn build(ds: &Dataset, exclusions: &[Exclusion]) -> Result<Vec<Page>, SiteError> {
    pages::build(ds, exclusions)
}

/// Writes the site into `dir`, whole or not at all: into a folder beside it, then renamed into
/// place. An existing `dir` is replaced only if it is empty or a site written before.
pub fn write(ds: &Dataset, exclusions: &[Exclusion], dir: &Path) -> Result<Summary, SiteError> {
    let pages = build(ds, exclusions)?;
    let io = |path: &Path| {
        let path = path.to_path_buf();
        move |source| SiteError::Io { path, source }
    };
    if dir.exists() {
        let empty = std::fs::read_dir(dir).map_err(io(dir))?.next().is_none();
        if !empty && !dir.join(MARKER).is_file() {
            return Err(SiteError::NotASite(dir.to_path_buf()));
        }
    }
    let name = dir
        .file_name()
        .ok_or_else(|| SiteError::NotASite(dir.to_path_buf()))?;
    let mut tmp_name = std::ffi::OsString::from(".");
    tmp_name.push(name);
    tmp_name.push(format!(".tmp-{}", std::process::id()));
    let tmp = dir.with_file_name(tmp_name);
    let result = (|| {
        let _ = std::fs::remove_dir_all(&tmp);
        let mut bytes = 0;
        for page in &pages {
            let path = tmp.join(&page.path);
            if let Some(parent) = path.parent() {
                std::fs::create_dir_all(parent).map_err(io(parent))?;
            }
            std::fs::write(&path, &page.content).map_err(io(&path))?;
            bytes += page.content.len();
        }
        let marker = tmp.join(MARKER);
        std::fs::write(
            &marker,
            "written by syriatalks-site; replaced whole on every write\n",
        )
        .map_err(io(&marker))?;
        if dir.exists() {
            std::fs::remove_dir_all(dir).map_err(io(dir))?;
        }
        std::fs::rename(&tmp, dir).map_err(io(dir))?;
        Ok(Summary {
            dir: dir.to_path_buf(),
            files: pages.len(),
            bytes,
        })
    })();
    if result.is_err() {
        let _ = std::fs::remove_dir_all(&tmp);
    }
    result
}

/// The exclusions of a dataset folder: every `audit/*.toml` in it, in file-name order (none when
/// it has no `audit/` folder).
pub fn exclusions_in(dir: &Path) -> Result<Vec<Exclusion>, String> {
    let mut files: Vec<PathBuf> = match std::fs::read_dir(dir.join("audit")) {
        Ok(d) => d
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == "toml"))
            .collect(),
        Err(_) => return Ok(Vec::new()),
    };
    files.sort();
    let mut all = Vec::new();
    for file in files {
        let text =
            std::fs::read_to_string(&file).map_err(|e| format!("{}: {e}", file.display()))?;
        all.extend(
            syriatalks::audit::parse_exclusions(&text)
                .map_err(|e| format!("{}: {e}", file.display()))?,
        );
    }
    Ok(all)
}
