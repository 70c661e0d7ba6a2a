use serde::{Deserialize, Serialize};

use crate::date::Period;
use crate::evidence::{Evidence, ExternalRef};
use crate::vocab::vocab;

vocab!(
    /// The negotiation track a round belongs to.
    Process, "process" {
        /// The UN-led Geneva process (including the Montreux opening of Geneva II).
        Geneva = "geneva",
        /// The Russian, Turkish and Iranian co-sponsored Astana meetings.
        Astana = "astana",
        /// The multinational Vienna meetings of 2015.
        Vienna = "vienna",
        /// Talks held in Moscow.
        Moscow = "moscow",
    }
);

vocab!(
    /// Whether a round took place.
    RoundStatus, "round status" {
        /// It took place (or is under way as of the source).
        Held = "held",
        /// It was announced or planned, and the corpus does not say it took place.
        Planned = "planned",
        /// It was called off.
        Cancelled = "cancelled",
    }
);

/// A delegation at a round: the party it speaks for and who headed it, as the text says.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Delegation {
    /// The party (government, opposition body), by actor id.
    pub party: String,
    /// Who headed it, by actor id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub head: Option<String>,
    /// Other named members, by actor id.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub members: Vec<String>,
    /// The words that state it.
    pub evidence: Vec<Evidence>,
}

/// An item put on a round's agenda.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AgendaItem {
    /// The item, in the text's words where possible.
    pub item: String,
    /// Who proposed it, by actor id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub proposed_by: Option<String>,
    /// The words that state it.
    pub evidence: Vec<Evidence>,
}

/// One session of a negotiation process.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Round {
    /// Stable id.
    pub id: String,
    /// The name to show ("Geneva IV").
    pub name: String,
    /// Other names a reader may use ("Geneva II"); unlike actor aliases these may be editorial.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// The negotiation track.
    pub process: Process,
    /// The round's number within its process, when the corpus gives it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ordinal: Option<u32>,
    /// Whether it took place.
    pub status: RoundStatus,
    /// When it was (or is planned to be) in session.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<Period>,
    /// Where, by place ids (city, then venue).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub places: Vec<String>,
    /// Who mediated or sponsored it, by actor ids.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub mediators: Vec<String>,
    /// The delegations and their heads.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub delegations: Vec<Delegation>,
    /// Agenda items.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub agenda: Vec<AgendaItem>,
    /// What came of it, in brief.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outcome: Option<String>,
    /// The instruments it rests on, by id.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub instruments: Vec<String>,
    /// The round this one continues or follows, by id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub follows: Option<String>,
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
