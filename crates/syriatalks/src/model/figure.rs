use serde::{Deserialize, Serialize};

use crate::date::{DateValue, Period};
use crate::evidence::{ByteSpan, Evidence, ExternalRef};
use crate::vocab::vocab;

vocab!(
    /// What a figure counts.
    Measure, "measure" {
        /// People killed in the conflict, all sides.
        Deaths = "deaths",
        /// Civilians killed.
        CiviliansKilled = "civilians_killed",
        /// People displaced inside the country.
        InternallyDisplaced = "internally_displaced",
        /// People displaced, without saying where to.
        Displaced = "displaced",
        /// People who fled abroad as refugees.
        Refugees = "refugees",
        /// People evacuated or who escaped a besieged place.
        Evacuated = "evacuated",
        /// Vetoes cast in the Security Council.
        VetoesCast = "vetoes_cast",
        /// Resolutions vetoed or opposed.
        ResolutionsVetoed = "resolutions_vetoed",
        /// Diplomatic attempts or rounds that failed.
        RoundsFailed = "rounds_failed",
        /// The age of the conflict, in years.
        ConflictYears = "conflict_years",
        /// Delegations or groups taking part.
        Delegations = "delegations",
        /// Signatories of a document.
        Signatories = "signatories",
    }
);

vocab!(
    /// How exact a claimed number is, in the claim's own words.
    Qualifier, "qualifier" {
        /// Given as an exact number ("the seventh veto").
        Exactly = "exactly",
        /// "more than".
        MoreThan = "more_than",
        /// "at least".
        AtLeast = "at_least",
        /// "about".
        About = "about",
        /// "approximately".
        Approximately = "approximately",
        /// "nearly", "almost".
        Nearly = "nearly",
        /// "up to".
        UpTo = "up_to",
        /// Only an order of magnitude ("millions"): the value is the magnitude.
        OrderOf = "order_of",
    }
);

/// A number someone claimed. Conflicting claims are separate figures, never merged.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Figure {
    /// Stable id.
    pub id: String,
    /// What is counted.
    pub measure: Measure,
    /// The number (for `order_of`, the magnitude: "millions" is 1000000).
    pub value: u64,
    /// How exact the claim is.
    pub qualifier: Qualifier,
    /// The least the claim allows (computed by the loader from `value` and `qualifier`; `None`:
    /// open). See `ident::bounds` for the rules.
    // Computed by the loader: not part of the data format the schema describes.
    #[schemars(skip)]
    #[serde(default, skip_deserializing)]
    pub low: Option<u64>,
    /// The number the claim names (computed; `None` for `order_of`, which names a magnitude).
    // Computed by the loader: not part of the data format the schema describes.
    #[schemars(skip)]
    #[serde(default, skip_deserializing)]
    pub best: Option<u64>,
    /// The most the claim allows (computed; `None`: open).
    // Computed by the loader: not part of the data format the schema describes.
    #[schemars(skip)]
    #[serde(default, skip_deserializing)]
    pub high: Option<u64>,
    /// Which evidence entry (0-based) holds the number the bounds come from (computed: the first
    /// whose quote contains `text`).
    // Computed by the loader: not part of the data format the schema describes.
    #[schemars(skip)]
    #[serde(default, skip_deserializing, skip_serializing_if = "Option::is_none")]
    pub number_evidence: Option<usize>,
    /// Where `text`, the number the bounds come from, is in that evidence's source (computed).
    // Computed by the loader: not part of the data format the schema describes.
    #[schemars(skip)]
    #[serde(default, skip_deserializing, skip_serializing_if = "Option::is_none")]
    pub number_span: Option<ByteSpan>,
    /// The number as the text writes it ("450,000", "seventh", "5 million"); the loader checks that
    /// it occurs in the evidence and that it spells `value`.
    pub text: String,
    /// What the number covers, in brief ("Syria, since the war began").
    pub scope: String,
    /// The place it covers, by id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    /// The time it covers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<Period>,
    /// When the claim was made or reported.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub as_of: Option<DateValue>,
    /// Who claimed it, by actor ids (empty when the article states it in its own voice).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub claimed_by: Vec<String>,
    /// The round it was claimed at, by id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub round: Option<String>,
    /// The happening this record attests, by key: records of different sources that share a key
    /// attest the same happening, and the core compares them (see `Dataset::claims`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub happening: Option<String>,
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
