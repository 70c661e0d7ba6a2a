use serde::{Deserialize, Serialize};

use crate::date::DateValue;
use crate::evidence::{Evidence, ExternalRef};

/// Words attributed to a speaker, verbatim.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Quote {
    /// Stable id.
    pub id: String,
    /// Who said it, by actor id.
    pub speaker: String,
    /// The words, verbatim; they must lie inside one of the evidence quotes.
    pub text: String,
    /// When it was said.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub said: Option<DateValue>,
    /// Where it was said, by place id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    /// Whom it was said to, in the text's words ("reporters", "Lavrov").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub audience: Option<String>,
    /// The round it belongs to, by id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub round: Option<String>,
    /// The happening this record attests, by key: records of different sources that share a key
    /// attest the same happening, and the core compares them (see `Dataset::claims`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub happening: Option<String>,
    /// A note for readers (a garbled or partial quotation, say).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// The words, with the attribution that names the speaker.
    #[serde(default)]
    pub evidence: Vec<Evidence>,
    /// Public documents outside the seeds.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub external: Vec<ExternalRef>,
}
