use serde::{Deserialize, Serialize};

use crate::date::DateValue;
use crate::evidence::{Evidence, ExternalRef};
use crate::vocab::vocab;

vocab!(
    /// What sort of actor.
    ActorKind, "actor kind" {
        /// A named person.
        Person = "person",
        /// A state, as a party to diplomacy ("Russia", "Washington").
        State = "state",
        /// A government or regime as a party to the conflict ("the Syrian government").
        Government = "government",
        /// An international or intergovernmental organization or one of its bodies.
        Organization = "organization",
        /// A non-governmental organization (monitors, relief societies).
        Ngo = "ngo",
        /// A negotiating delegation.
        Delegation = "delegation",
        /// A political opposition body ("High Negotiations Committee").
        OppositionGroup = "opposition_group",
        /// An armed group ("Jabhat al-Nusra").
        ArmedGroup = "armed_group",
        /// A news organization cited as a source ("the BBC").
        Media = "media",
    }
);

/// A role an actor held, as the text states it at a time.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Role {
    /// The title, in the text's words ("UN Special Envoy for Syria").
    pub title: String,
    /// The actor the role is held in or for, by id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub of: Option<String>,
    /// The round in which the role was held, by id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub round: Option<String>,
    /// When the text says the role was held.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub as_of: Option<DateValue>,
    /// The words that state it.
    pub evidence: Vec<Evidence>,
}

/// Membership of another actor (a person in a delegation, a group in a coalition).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Membership {
    /// The actor joined, by id.
    pub actor: String,
    /// The words that state it.
    pub evidence: Vec<Evidence>,
}

/// A person, state, organization, delegation or group.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Actor {
    /// Stable id.
    pub id: String,
    /// What sort of actor.
    pub kind: ActorKind,
    /// The name to show.
    pub name: String,
    /// Every surface form the corpus uses for this actor; each must occur in some source.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Roles, with when they were stated.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub roles: Vec<Role>,
    /// Memberships.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub member_of: Vec<Membership>,
    /// ISO 3166-1 alpha-2 code of a state ("RU"); only actors of kind `state` carry one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub iso_alpha2: Option<String>,
    /// ISO 3166-1 alpha-3 code of a state ("RUS"), given with the alpha-2 code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub iso_alpha3: Option<String>,
    /// A note for readers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// The words that name the actor.
    #[serde(default)]
    pub evidence: Vec<Evidence>,
    /// Public documents outside the seeds.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub external: Vec<ExternalRef>,
}
