use serde::{Deserialize, Serialize};

use crate::date::DateValue;
use crate::evidence::{Evidence, ExternalRef};
use crate::vocab::vocab;

vocab!(
    /// What a position is about.
    Topic, "topic" {
        /// Whether Assad stays or goes.
        AssadFate = "assad_fate",
        /// A political transition and its form.
        PoliticalTransition = "political_transition",
        /// The fight against terrorism.
        Terrorism = "terrorism",
        /// A ceasefire or cessation of hostilities.
        Ceasefire = "ceasefire",
        /// Humanitarian aid, access, sieges and blockades.
        HumanitarianAccess = "humanitarian_access",
        /// A new constitution.
        Constitution = "constitution",
        /// Elections.
        Elections = "elections",
        /// Conditions for negotiating.
        Preconditions = "preconditions",
        /// The format of the talks: who negotiates, which agenda, direct or indirect.
        TalksFormat = "talks_format",
        /// Being bound by agreements made at the talks.
        Agreements = "agreements",
        /// Sanctions and accountability (chemical weapons, war crimes).
        Accountability = "accountability",
    }
);

/// A stance of an actor on a topic, as of a date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Position {
    /// Stable id.
    pub id: String,
    /// Whose stance, by actor id.
    pub actor: String,
    /// What it is about.
    pub topic: Topic,
    /// The stance, in brief and close to the text's words.
    pub stance: String,
    /// As of when.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub as_of: Option<DateValue>,
    /// The round it was stated at, by id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub round: Option<String>,
    /// Instruments it rests on, by id.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub instruments: Vec<String>,
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
