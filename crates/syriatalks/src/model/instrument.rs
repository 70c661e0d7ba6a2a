use serde::{Deserialize, Serialize};

use crate::date::DateValue;
use crate::evidence::{Evidence, ExternalRef};
use crate::vocab::vocab;

vocab!(
    /// What sort of document.
    InstrumentKind, "instrument kind" {
        /// A communiqué of a conference.
        Communique = "communique",
        /// A Security Council resolution, adopted.
        Resolution = "resolution",
        /// A draft resolution (vetoed or pending).
        DraftResolution = "draft_resolution",
        /// A framework or set of understandings.
        Framework = "framework",
        /// An agreement or deal.
        Agreement = "agreement",
        /// A paper of principles or a proposal.
        Proposal = "proposal",
        /// A report.
        Report = "report",
    }
);

/// A document the talks rest on or refer to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Instrument {
    /// Stable id.
    pub id: String,
    /// What sort of document.
    pub kind: InstrumentKind,
    /// The name to show.
    pub name: String,
    /// Other names the corpus uses.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// When it was adopted, signed or released.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<DateValue>,
    /// Who drew it up or released it, by actor ids.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub authors: Vec<String>,
    /// The signatories, as the text lists them, by actor ids.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub signatories: Vec<String>,
    /// Parties the text names as not having signed, by actor ids.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub absent: Vec<String>,
    /// What it provides, in brief.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
    /// A note for readers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// The words that state it.
    #[serde(default)]
    pub evidence: Vec<Evidence>,
    /// Public documents outside the seeds.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub external: Vec<ExternalRef>,
}
