//! Retired ids: an id, once published, never changes meaning and never disappears silently. When a
//! record has to go (merged into another, split, re-typed), its id is listed in
//! `data/ids/retired.toml` with what replaces it and why; look-ups by id follow the register, and
//! the id is never given to another record. `data/ids/published.toml` is the snapshot of every id
//! ever published, per record type, that a test holds the data to (see docs/DATA.md).

use once_cell::sync::Lazy;
use serde::{Deserialize, Serialize};

use crate::dataset::Dataset;
use crate::error::{Problem, ProblemKind};
use crate::model::RecordRef;

/// The register of retired ids of the embedded data, as committed.
pub const RETIRED_TOML: &str = include_str!("../data/ids/retired.toml");

/// The snapshot of every id the embedded data has published, per record type, as committed.
pub const PUBLISHED_TOML: &str = include_str!("../data/ids/published.toml");

/// One retired id: what replaces it, why, and from which data version on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Retirement {
    /// The id that is no longer a record.
    pub id: String,
    /// The record that now stands for what the id meant, if any one does.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub replaced_by: Option<String>,
    /// Why it was retired, in a sentence.
    pub reason: String,
    /// The first data version without the id.
    pub data_version: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Register {
    #[serde(default)]
    retired: Vec<Retirement>,
}

/// Parses a retired-id register (the format of `data/ids/retired.toml`).
pub fn parse_register(text: &str) -> Result<Vec<Retirement>, toml::de::Error> {
    toml::from_str::<Register>(text).map(|r| r.retired)
}

/// The register a dataset folder keeps, relative to the folder.
pub const REGISTER_FILE: &str = "ids/retired.toml";

/// Reads a dataset folder's register (`ids/retired.toml`, if there is one) and checks it against
/// the loaded records: a retired id may not be the id of a record (an id is never reused), and an
/// entry appears once. `with_embedded` puts the embedded register first.
pub(crate) fn attach(
    ds: &mut Dataset,
    dir: Option<&std::path::Path>,
    with_embedded: bool,
) -> Result<(), Vec<Problem>> {
    let mut register = if with_embedded {
        retirements().to_vec()
    } else {
        Vec::new()
    };
    if let Some(dir) = dir {
        let path = dir.join(REGISTER_FILE);
        match std::fs::symlink_metadata(&path) {
            Err(_) => {}
            Ok(m) if !m.file_type().is_file() => {
                return Err(vec![register_problem(
                    ProblemKind::Io,
                    "is not a plain file (links are not followed)".into(),
                )])
            }
            Ok(_) => {
                let text = std::fs::read_to_string(&path).map_err(|e| {
                    vec![register_problem(
                        ProblemKind::Io,
                        format!("cannot read: {e}"),
                    )]
                })?;
                let own = parse_register(&text).map_err(|e| {
                    vec![register_problem(
                        ProblemKind::Parse,
                        e.message().to_string(),
                    )]
                })?;
                register.extend(own);
            }
        }
    }
    let mut problems = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for r in &register {
        if !seen.insert(r.id.as_str()) {
            problems.push(register_problem(
                ProblemKind::DuplicateId,
                format!("`{}` is retired twice", r.id),
            ));
        }
        if ds.get(&r.id).is_some() {
            problems.push(register_problem(
                ProblemKind::DuplicateId,
                format!(
                    "`{}` is retired, yet a record has that id: a retired id is never reused",
                    r.id
                ),
            ));
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    ds.retired = register;
    Ok(())
}

fn register_problem(kind: ProblemKind, message: String) -> Problem {
    Problem {
        kind,
        file: Some(REGISTER_FILE.to_string()),
        line: None,
        record: None,
        field: None,
        message,
    }
}

static REGISTER: Lazy<Vec<Retirement>> = Lazy::new(|| {
    // The register is checked by the crate's tests (tests/ids.rs), so a parse failure here is a
    // release that never passed them; an empty register then is the safe reading.
    parse_register(RETIRED_TOML).unwrap_or_default()
});

/// Every retired id of the embedded data, in register order.
pub fn retirements() -> &'static [Retirement] {
    &REGISTER
}

/// The retirement of this id, if it was retired.
///
/// ```
/// assert!(syriatalks::retirement("staffan-de-mistura").is_none()); // a current id
/// ```
pub fn retirement(id: &str) -> Option<&'static Retirement> {
    REGISTER.iter().find(|r| r.id == id)
}

/// A record found by id, with the retirements followed to reach it (empty for a current id).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Resolved<'a> {
    /// The record the id leads to.
    #[serde(flatten)]
    pub record: RecordRef<'a>,
    /// The retirements followed, first the one of the id asked for; empty when it is current.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub retired: Vec<&'a Retirement>,
}

impl Dataset {
    /// The record with this id, following the retired-id register when the id was retired: a
    /// retired id leads to its replacement (through any chain of replacements), and
    /// [`Resolved::retired`] says which retirements were followed and why. `None` when no record
    /// has the id and it was not retired, or was retired without a replacement (see
    /// [`Dataset::retirement`]). The embedded dataset follows the committed register; a loaded
    /// folder follows its own `ids/retired.toml`, if any (after the embedded one, when loaded
    /// with it).
    ///
    /// ```
    /// let ds = syriatalks::embedded();
    /// let r = ds.resolve_id("staffan-de-mistura").unwrap();
    /// assert!(r.retired.is_empty());
    /// ```
    pub fn resolve_id(&self, id: &str) -> Option<Resolved<'_>> {
        let mut retired = Vec::new();
        let mut current = id;
        // A chain can be no longer than the register; the bound also stops a cycle.
        for _ in 0..=self.retired.len() {
            if let Some(record) = self.get(current) {
                return Some(Resolved { record, retired });
            }
            let r = self.retired.iter().find(|r| r.id == current)?;
            retired.push(r);
            current = r.replaced_by.as_deref()?;
        }
        None
    }
}

impl Dataset {
    /// The retirement of this id in this dataset's register, if it was retired.
    pub fn retirement(&self, id: &str) -> Option<&Retirement> {
        self.retired.iter().find(|r| r.id == id)
    }

    /// Every retired id of this dataset's register.
    pub fn retirements(&self) -> &[Retirement] {
        &self.retired
    }
}

/// A sentence saying that an id was retired, what replaced it and why.
pub fn retirement_note(r: &Retirement) -> String {
    match &r.replaced_by {
        Some(to) => format!(
            "`{}` was retired in data {}, replaced by `{to}`: {}",
            r.id, r.data_version, r.reason
        ),
        None => format!(
            "`{}` was retired in data {}, with no replacement: {}",
            r.id, r.data_version, r.reason
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_committed_register_parses() {
        parse_register(RETIRED_TOML).expect("data/ids/retired.toml parses");
    }

    #[test]
    fn a_register_entry_reads_every_field_and_refuses_unknown_ones() {
        let r = parse_register(
            "[[retired]]\nid = \"a\"\nreplaced_by = \"b\"\nreason = \"merged\"\ndata_version = \"2026.12.0\"\n",
        )
        .unwrap();
        assert_eq!(r[0].replaced_by.as_deref(), Some("b"));
        assert!(retirement_note(&r[0]).contains("replaced by `b`: merged"));
        assert!(parse_register(
            "[[retired]]\nid = \"a\"\nreason = \"x\"\ndata_version = \"1\"\nwhy = 1\n"
        )
        .is_err());
    }
}
