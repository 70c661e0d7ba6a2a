use serde::{Deserialize, Serialize};

use crate::date::{Basis, DateValue};
use crate::evidence::Evidence;

/// A value the text gives (a title, an outlet, an author) with its basis and the words that say it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Attested {
    /// The value.
    pub value: String,
    /// Where it comes from: `stated` values must be found in the text.
    pub basis: Basis,
    /// The words that give it, when they differ from `value` ("(c) 2017 RtoP Weekly").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quote: Option<String>,
    /// Which occurrence of the words is meant (1-based), when they occur more than once.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub occurrence: Option<usize>,
    /// How it was inferred, for `inferred` values above all.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Where the words were found (computed by the loader).
    #[serde(default, skip_deserializing, skip_serializing_if = "Option::is_none")]
    pub cited: Option<Evidence>,
}

/// An article of the corpus: its file, what the text says about itself, and the text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// Stable id.
    pub id: String,
    /// The file name under `seeds/`.
    pub file: String,
    /// The headline.
    pub title: Attested,
    /// The publication or site it appeared in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outlet: Option<Attested>,
    /// The byline, when the text names one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author: Option<Attested>,
    /// When it was published (or last updated, as the note says).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<DateValue>,
    /// Where the article was published, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Anything a reader should know about the text (page furniture, updates).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// The sha256 of the file, hex (computed by the loader and checked against the manifest).
    #[serde(default, skip_deserializing)]
    pub sha256: String,
    /// The full text, loaded from the file.
    #[serde(default, skip_deserializing)]
    pub text: String,
}
