use serde::{Deserialize, Serialize};

use crate::evidence::{Evidence, ExternalRef};
use crate::vocab::vocab;

vocab!(
    /// What sort of place.
    PlaceKind, "place kind" {
        /// A country.
        Country = "country",
        /// A region, province or part of a country ("southwest Syria").
        Region = "region",
        /// A city or town.
        City = "city",
        /// A district or part of a city ("east Aleppo").
        District = "district",
        /// A village.
        Village = "village",
        /// A building or conference venue ("Palais des Nations").
        Venue = "venue",
    }
);

/// A city, village, region, venue or country.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Place {
    /// Stable id.
    pub id: String,
    /// What sort of place.
    pub kind: PlaceKind,
    /// The name to show.
    pub name: String,
    /// Every surface form the corpus uses; each must occur in some source.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// The place it lies in, by id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub within: Option<String>,
    /// A note for readers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// The words that name it.
    #[serde(default)]
    pub evidence: Vec<Evidence>,
    /// Public documents outside the seeds.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub external: Vec<ExternalRef>,
}
