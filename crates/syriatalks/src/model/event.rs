use serde::{Deserialize, Serialize};

use crate::date::DateValue;
use crate::evidence::{Evidence, ExternalRef};
use crate::ident::{CameoRoot, PloverEventType};
use crate::vocab::vocab;

vocab!(
    /// What happened.
    EventKind, "event kind" {
        /// A round of talks opened or was declared under way.
        TalksOpened = "talks_opened",
        /// Talks resumed after a break.
        TalksResumed = "talks_resumed",
        /// Talks adjourned or a round ended.
        TalksEnded = "talks_ended",
        /// Talks were delayed or postponed.
        TalksDelayed = "talks_delayed",
        /// A round was announced or planned.
        RoundPlanned = "round_planned",
        /// A meeting took place (between envoys, ministers, a delegation and a mediator).
        MeetingHeld = "meeting_held",
        /// A scheduled meeting was cancelled.
        MeetingCancelled = "meeting_cancelled",
        /// A party declined to hold or open a session it was scheduled to hold.
        SessionRefused = "session_refused",
        /// A party boycotted or threatened to walk out.
        Boycott = "boycott",
        /// A document or deal was agreed or signed.
        AgreementReached = "agreement_reached",
        /// A proposal was presented.
        ProposalPresented = "proposal_presented",
        /// A draft resolution was vetoed.
        Veto = "veto",
        /// A resolution was adopted.
        ResolutionAdopted = "resolution_adopted",
        /// A report was released.
        ReportReleased = "report_released",
        /// A public statement, call or accusation.
        Statement = "statement",
        /// A ceasefire or truce was agreed.
        CeasefireAgreed = "ceasefire_agreed",
        /// A ceasefire or truce came into force.
        CeasefireInForce = "ceasefire_in_force",
        /// A military offensive was launched.
        Offensive = "offensive",
        /// A place was captured or recaptured.
        Capture = "capture",
        /// People were evacuated or escaped.
        Evacuation = "evacuation",
        /// The conflict or a phase of it began.
        ConflictBegan = "conflict_began",
        /// Something else that the corpus dates; the summary says what.
        Other = "other",
    }
);

vocab!(
    /// The part an actor plays in an event.
    ParticipantRole, "participant role" {
        /// Did it.
        Agent = "agent",
        /// It was done to them, or aimed at them.
        Target = "target",
        /// Mediated or convened it.
        Mediator = "mediator",
        /// Took part.
        Participant = "participant",
        /// Supported the agent.
        Supporter = "supporter",
        /// Reported or claimed it (a news agency, a monitor).
        Reporter = "reporter",
    }
);

/// An actor and their part in an event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Participant {
    /// The actor, by id.
    pub actor: String,
    /// Their part.
    pub role: ParticipantRole,
}

/// Something that happened on a date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Event {
    /// Stable id.
    pub id: String,
    /// What happened.
    pub kind: EventKind,
    /// The PLOVER event type of `kind` (computed by the loader from the crosswalk; `None` where
    /// PLOVER codes no such act).
    // Computed by the loader: not part of the data format the schema describes.
    #[schemars(skip)]
    #[serde(default, skip_deserializing)]
    pub plover: Option<PloverEventType>,
    /// The CAMEO cue category of `kind` (computed by the loader from the crosswalk).
    // Computed by the loader: not part of the data format the schema describes.
    #[schemars(skip)]
    #[serde(default, skip_deserializing)]
    pub cameo_root: Option<CameoRoot>,
    /// When it happened (or began).
    pub date: DateValue,
    /// When it ended, for events that last.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub until: Option<DateValue>,
    /// One line saying what happened.
    pub summary: String,
    /// Who took part, and how.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub actors: Vec<Participant>,
    /// Where, by place ids.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub places: Vec<String>,
    /// The round it belongs to, by id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub round: Option<String>,
    /// Instruments involved (a vetoed resolution, a released report), by id.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub instruments: Vec<String>,
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
