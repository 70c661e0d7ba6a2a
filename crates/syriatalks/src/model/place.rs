use serde::{Deserialize, Serialize};

use crate::evidence::{Evidence, ExternalRef};
use crate::ident::LocationPrecision;
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
// Not `Eq`: coordinates are floating-point numbers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
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
    /// ISO 3166-1 alpha-2 code of a country ("SY"); only places of kind `country` carry one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub iso_alpha2: Option<String>,
    /// ISO 3166-1 alpha-3 code of a country ("SYR"), given with the alpha-2 code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub iso_alpha3: Option<String>,
    /// The place's GeoNames id (geonames.org), where the gazetteer has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub geonames_id: Option<u32>,
    /// WGS84 latitude in decimal degrees (north positive).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub latitude: Option<f64>,
    /// WGS84 longitude in decimal degrees (east positive).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub longitude: Option<f64>,
    /// How closely the coordinates locate the place (given with them).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location_precision: Option<LocationPrecision>,
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
