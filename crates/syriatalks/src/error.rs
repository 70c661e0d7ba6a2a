//! Typed errors: a load reports every problem it finds, each naming its file, line, record and
//! field; a query names the filter it could not use.

use std::fmt;

use serde::Serialize;

use crate::vocab::vocab;

vocab!(
    /// What sort of problem a load found. The words are stable: bindings map them to codes.
    ProblemKind, "problem kind" {
        /// A file or directory could not be read.
        Io = "io",
        /// A data file is not valid TOML or does not fit the schema (unknown field, unknown kind…).
        Parse = "parse",
        /// A seed text or a data file is not valid UTF-8.
        InvalidUtf8 = "invalid_utf8",
        /// The seed manifest is missing an entry, or lists a file that is not there.
        Manifest = "manifest",
        /// A seed's sha256 or length differs from the manifest.
        Checksum = "checksum",
        /// An id is not a lowercase slug.
        BadId = "bad_id",
        /// Two records share an id.
        DuplicateId = "duplicate_id",
        /// A reference names no record, or a record of the wrong type.
        UnknownReference = "unknown_reference",
        /// An evidence quote is not found verbatim in its source (or is ambiguous).
        Misquote = "misquote",
        /// A fact-stating record has neither evidence nor an external reference.
        MissingEvidence = "missing_evidence",
        /// A date is impossible, or its basis lacks what that basis requires.
        BadDate = "bad_date",
        /// An end comes before its start.
        EndBeforeStart = "end_before_start",
        /// A derived date disagrees with its recomputation.
        WrongDerivation = "wrong_derivation",
        /// A value disagrees with the words it cites (a figure's number, an alias not in the corpus).
        BadValue = "bad_value",
    }
);

/// One problem found while loading, with where it is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Problem {
    /// What sort of problem.
    pub kind: ProblemKind,
    /// The file it is in (a data file or a seed), when known.
    pub file: Option<String>,
    /// The 1-based line in that file, when known.
    pub line: Option<usize>,
    /// The id of the record it concerns.
    pub record: Option<String>,
    /// The field, as a path (`evidence[2].quote`).
    pub field: Option<String>,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (&self.file, self.line) {
            (Some(file), Some(line)) => write!(f, "{file}:{line}: ")?,
            (Some(file), None) => write!(f, "{file}: ")?,
            _ => {}
        }
        if let Some(record) = &self.record {
            write!(f, "record `{record}`")?;
            if let Some(field) = &self.field {
                write!(f, " field `{field}`")?;
            }
            f.write_str(": ")?;
        } else if let Some(field) = &self.field {
            write!(f, "field `{field}`: ")?;
        }
        write!(f, "{} [{}]", self.message, self.kind)
    }
}

/// A dataset that did not load: every problem found, in file order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LoadError {
    /// The problems; never empty.
    pub problems: Vec<Problem>,
}

impl LoadError {
    /// Whether any problem names this record id.
    pub fn mentions(&self, id: &str) -> bool {
        self.problems
            .iter()
            .any(|p| p.record.as_deref() == Some(id))
    }

    /// The problems of one kind.
    pub fn of_kind(&self, kind: ProblemKind) -> impl Iterator<Item = &Problem> {
        self.problems.iter().filter(move |p| p.kind == kind)
    }
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let n = self.problems.len();
        write!(
            f,
            "dataset has {n} problem{}",
            if n == 1 { "" } else { "s" }
        )?;
        for p in &self.problems {
            write!(f, "\n  {p}")?;
        }
        Ok(())
    }
}

impl std::error::Error for LoadError {}

/// A query that cannot be answered as asked.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum QueryError {
    /// The `kind` word is not in the vocabulary of the record type asked for.
    #[error("unknown kind `{word}` for {record} records (expected one of: {})", .valid.join(", "))]
    UnknownKind {
        /// The word given.
        word: String,
        /// The record type queried.
        record: &'static str,
        /// The accepted words.
        valid: Vec<&'static str>,
    },
    /// The record type has no kinds, so a `kind` filter cannot apply.
    #[error("{record} records have no kind; drop the kind filter")]
    NoKinds {
        /// The record type queried.
        record: &'static str,
    },
    /// No actor, place, round or source goes by that name.
    #[error("no {what} matches `{name}`{}", suggest(.suggestions))]
    NotFound {
        /// What was looked for (`actor`, `place`, `round`, `source`).
        what: &'static str,
        /// The name given.
        name: String,
        /// Close names, best first.
        suggestions: Vec<String>,
    },
    /// A date in a filter is malformed.
    #[error(transparent)]
    BadDate(#[from] crate::date::DateError),
    /// `since` comes after `until`.
    #[error("the time range is empty: since {since} is after until {until}")]
    EmptyRange {
        /// The start given.
        since: String,
        /// The end given.
        until: String,
    },
}

fn suggest(s: &[String]) -> String {
    if s.is_empty() {
        String::new()
    } else {
        format!(" (did you mean: {}?)", s.join(", "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn problems_name_file_line_record_and_field() {
        let p = Problem {
            kind: ProblemKind::Misquote,
            file: Some("events.toml".into()),
            line: Some(12),
            record: Some("veto-2017".into()),
            field: Some("evidence[0].quote".into()),
            message: "not found verbatim in source `s`".into(),
        };
        assert_eq!(
            p.to_string(),
            "events.toml:12: record `veto-2017` field `evidence[0].quote`: not found verbatim in source `s` [misquote]"
        );
        let e = LoadError { problems: vec![p] };
        assert!(e.mentions("veto-2017") && !e.mentions("other"));
        assert!(e
            .to_string()
            .starts_with("dataset has 1 problem\n  events.toml:12"));
    }

    #[test]
    fn query_errors_list_what_is_valid() {
        let e = QueryError::NotFound {
            what: "actor",
            name: "Mistrua".into(),
            suggestions: vec!["de Mistura".into()],
        };
        assert_eq!(
            e.to_string(),
            "no actor matches `Mistrua` (did you mean: de Mistura?)"
        );
    }
}
