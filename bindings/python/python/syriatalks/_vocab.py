"""The closed vocabularies of syriatalks, as string enums.

Each member *is* its word (``EventKind.VETO == "veto"``), so filters accept either. The lists
mirror the core crate's vocabularies; a test checks them against the compiled module.
"""

from __future__ import annotations

from enum import Enum

__all__ = ["Precision", "Basis", "DateQualifier", "Relation", "ProblemKind", "Measure", "Qualifier", "Process", "RoundStatus", "InstrumentKind", "PlaceKind", "RecordKind", "ActorKind", "EventKind", "ParticipantRole", "Topic", "MatchKind"]

class _Word(str, Enum):
    """A word of a closed vocabulary; compares equal to its string."""

    def __str__(self) -> str:
        return str(self.value)

    def __repr__(self) -> str:
        return f"{type(self).__name__}.{self.name}"


class Precision(_Word):
    """How precisely a [`PartialDate`] is known. (date precision)."""

    YEAR = "year"
    """Only the year is known."""
    MONTH = "month"
    """The year and month are known."""
    DAY = "day"
    """The calendar day is known."""

class Basis(_Word):
    """Where a date (or another attested value) comes from. (basis)."""

    STATED = "stated"
    """The text states it in so many words ("On 23 February", "July 15, 2017")."""
    DERIVED = "derived"
    """Computed from another date by a Derivation (weekday arithmetic, "the following day")."""
    INFERRED = "inferred"
    """Read from context without being stated; a note says how."""
    EXTERNAL = "external"
    """From a named public document outside the seeds; `reference` names it."""

class DateQualifier(_Word):
    """A softener the text puts on a date ("early September"). (date qualifier)."""

    EARLY = "early"
    """The first part of the period."""
    MID = "mid"
    """The middle of the period."""
    LATE = "late"
    """The last part of the period."""
    ABOUT = "about"
    """Around that time."""

class Relation(_Word):
    """Which way a weekday is looked for from the anchor date. (weekday relation)."""

    ON_OR_BEFORE = "on_or_before"
    """The anchor itself if it is that weekday, else the latest one before ("on Tuesday")."""
    BEFORE = "before"
    """Strictly before the anchor ("this past Sunday")."""
    ON_OR_AFTER = "on_or_after"
    """The anchor itself if it is that weekday, else the next one ("at Thursday's session")."""
    AFTER = "after"
    """Strictly after the anchor ("next Monday")."""

class ProblemKind(_Word):
    """What sort of problem a load found. The words are stable: bindings map them to codes. (problem kind)."""

    IO = "io"
    """A file or directory could not be read."""
    PARSE = "parse"
    """A data file is not valid TOML or does not fit the schema (unknown field, unknown kind…)."""
    INVALID_UTF8 = "invalid_utf8"
    """A seed text is not valid UTF-8."""
    MANIFEST = "manifest"
    """The seed manifest is missing an entry, or lists a file that is not there."""
    CHECKSUM = "checksum"
    """A seed's sha256 or length differs from the manifest."""
    BAD_ID = "bad_id"
    """An id is not a lowercase slug."""
    DUPLICATE_ID = "duplicate_id"
    """Two records share an id."""
    UNKNOWN_REFERENCE = "unknown_reference"
    """A reference names no record, or a record of the wrong type."""
    MISQUOTE = "misquote"
    """An evidence quote is not found verbatim in its source (or is ambiguous)."""
    MISSING_EVIDENCE = "missing_evidence"
    """A fact-stating record has neither evidence nor an external reference."""
    BAD_DATE = "bad_date"
    """A date is impossible, or its basis lacks what that basis requires."""
    END_BEFORE_START = "end_before_start"
    """An end comes before its start."""
    WRONG_DERIVATION = "wrong_derivation"
    """A derived date disagrees with its recomputation."""
    BAD_VALUE = "bad_value"
    """A value disagrees with the words it cites (a figure's number, an alias not in the corpus)."""

class Measure(_Word):
    """What a figure counts. (measure)."""

    DEATHS = "deaths"
    """People killed in the conflict, all sides."""
    CIVILIANS_KILLED = "civilians_killed"
    """Civilians killed."""
    INTERNALLY_DISPLACED = "internally_displaced"
    """People displaced inside the country."""
    DISPLACED = "displaced"
    """People displaced, without saying where to."""
    REFUGEES = "refugees"
    """People who fled abroad as refugees."""
    EVACUATED = "evacuated"
    """People evacuated or who escaped a besieged place."""
    VETOES_CAST = "vetoes_cast"
    """Vetoes cast in the Security Council."""
    RESOLUTIONS_VETOED = "resolutions_vetoed"
    """Resolutions vetoed or opposed."""
    ROUNDS_FAILED = "rounds_failed"
    """Diplomatic attempts or rounds that failed."""
    CONFLICT_YEARS = "conflict_years"
    """The age of the conflict, in years."""
    DELEGATIONS = "delegations"
    """Delegations or groups taking part."""
    SIGNATORIES = "signatories"
    """Signatories of a document."""

class Qualifier(_Word):
    """How exact a claimed number is, in the claim's own words. (qualifier)."""

    EXACTLY = "exactly"
    """Given as an exact number ("the seventh veto")."""
    MORE_THAN = "more_than"
    """"more than"."""
    AT_LEAST = "at_least"
    """"at least"."""
    ABOUT = "about"
    """"about"."""
    APPROXIMATELY = "approximately"
    """"approximately"."""
    NEARLY = "nearly"
    """"nearly", "almost"."""
    UP_TO = "up_to"
    """"up to"."""
    ORDER_OF = "order_of"
    """Only an order of magnitude ("millions"): the value is the magnitude."""

class Process(_Word):
    """The negotiation track a round belongs to. (process)."""

    GENEVA = "geneva"
    """The UN-led Geneva process (including the Montreux opening of Geneva II)."""
    ASTANA = "astana"
    """The Russian, Turkish and Iranian co-sponsored Astana meetings."""
    VIENNA = "vienna"
    """The multinational Vienna meetings of 2015."""
    MOSCOW = "moscow"
    """Talks held in Moscow."""

class RoundStatus(_Word):
    """Whether a round took place. (round status)."""

    HELD = "held"
    """It took place (or is under way as of the source)."""
    PLANNED = "planned"
    """It was announced or planned, and the corpus does not say it took place."""
    CANCELLED = "cancelled"
    """It was called off."""

class InstrumentKind(_Word):
    """What sort of document. (instrument kind)."""

    COMMUNIQUE = "communique"
    """A communiqué of a conference."""
    RESOLUTION = "resolution"
    """A Security Council resolution, adopted."""
    DRAFT_RESOLUTION = "draft_resolution"
    """A draft resolution (vetoed or pending)."""
    FRAMEWORK = "framework"
    """A framework or set of understandings."""
    AGREEMENT = "agreement"
    """An agreement or deal."""
    PROPOSAL = "proposal"
    """A paper of principles or a proposal."""
    REPORT = "report"
    """A report."""

class PlaceKind(_Word):
    """What sort of place. (place kind)."""

    COUNTRY = "country"
    """A country."""
    REGION = "region"
    """A region, province or part of a country ("southwest Syria")."""
    CITY = "city"
    """A city or town."""
    DISTRICT = "district"
    """A district or part of a city ("east Aleppo")."""
    VILLAGE = "village"
    """A village."""
    VENUE = "venue"
    """A building or conference venue ("Palais des Nations")."""

class RecordKind(_Word):
    """The nine record types. (record kind)."""

    SOURCE = "source"
    """Source"""
    ACTOR = "actor"
    """Actor"""
    PLACE = "place"
    """Place"""
    ROUND = "round"
    """Round"""
    EVENT = "event"
    """Event"""
    FIGURE = "figure"
    """Figure"""
    QUOTE = "quote"
    """Quote"""
    POSITION = "position"
    """Position"""
    INSTRUMENT = "instrument"
    """Instrument"""

class ActorKind(_Word):
    """What sort of actor. (actor kind)."""

    PERSON = "person"
    """A named person."""
    STATE = "state"
    """A state, as a party to diplomacy ("Russia", "Washington")."""
    GOVERNMENT = "government"
    """A government or regime as a party to the conflict ("the Syrian government")."""
    ORGANIZATION = "organization"
    """An international or intergovernmental organization or one of its bodies."""
    NGO = "ngo"
    """A non-governmental organization (monitors, relief societies)."""
    DELEGATION = "delegation"
    """A negotiating delegation."""
    OPPOSITION_GROUP = "opposition_group"
    """A political opposition body ("High Negotiations Committee")."""
    ARMED_GROUP = "armed_group"
    """An armed group ("Jabhat al-Nusra")."""
    MEDIA = "media"
    """A news organization cited as a source ("the BBC")."""

class EventKind(_Word):
    """What happened. (event kind)."""

    TALKS_OPENED = "talks_opened"
    """A round of talks opened or was declared under way."""
    TALKS_RESUMED = "talks_resumed"
    """Talks resumed after a break."""
    TALKS_ENDED = "talks_ended"
    """Talks adjourned or a round ended."""
    TALKS_DELAYED = "talks_delayed"
    """Talks were delayed or postponed."""
    ROUND_PLANNED = "round_planned"
    """A round was announced or planned."""
    MEETING_HELD = "meeting_held"
    """A meeting took place (between envoys, ministers, a delegation and a mediator)."""
    MEETING_CANCELLED = "meeting_cancelled"
    """A scheduled meeting was cancelled."""
    SESSION_REFUSED = "session_refused"
    """A party declined to hold or open a session it was scheduled to hold."""
    BOYCOTT = "boycott"
    """A party boycotted or threatened to walk out."""
    AGREEMENT_REACHED = "agreement_reached"
    """A document or deal was agreed or signed."""
    PROPOSAL_PRESENTED = "proposal_presented"
    """A proposal was presented."""
    VETO = "veto"
    """A draft resolution was vetoed."""
    RESOLUTION_ADOPTED = "resolution_adopted"
    """A resolution was adopted."""
    REPORT_RELEASED = "report_released"
    """A report was released."""
    STATEMENT = "statement"
    """A public statement, call or accusation."""
    CEASEFIRE_AGREED = "ceasefire_agreed"
    """A ceasefire or truce was agreed."""
    CEASEFIRE_IN_FORCE = "ceasefire_in_force"
    """A ceasefire or truce came into force."""
    OFFENSIVE = "offensive"
    """A military offensive was launched."""
    CAPTURE = "capture"
    """A place was captured or recaptured."""
    EVACUATION = "evacuation"
    """People were evacuated or escaped."""
    CONFLICT_BEGAN = "conflict_began"
    """The conflict or a phase of it began."""
    OTHER = "other"
    """Something else that the corpus dates; the summary says what."""

class ParticipantRole(_Word):
    """The part an actor plays in an event. (participant role)."""

    AGENT = "agent"
    """Did it."""
    TARGET = "target"
    """It was done to them, or aimed at them."""
    MEDIATOR = "mediator"
    """Mediated or convened it."""
    PARTICIPANT = "participant"
    """Took part."""
    SUPPORTER = "supporter"
    """Supported the agent."""
    REPORTER = "reporter"
    """Reported or claimed it (a news agency, a monitor)."""

class Topic(_Word):
    """What a position is about. (topic)."""

    ASSAD_FATE = "assad_fate"
    """Whether Assad stays or goes."""
    POLITICAL_TRANSITION = "political_transition"
    """A political transition and its form."""
    TERRORISM = "terrorism"
    """The fight against terrorism."""
    CEASEFIRE = "ceasefire"
    """A ceasefire or cessation of hostilities."""
    HUMANITARIAN_ACCESS = "humanitarian_access"
    """Humanitarian aid, access, sieges and blockades."""
    CONSTITUTION = "constitution"
    """A new constitution."""
    ELECTIONS = "elections"
    """Elections."""
    PRECONDITIONS = "preconditions"
    """Conditions for negotiating."""
    TALKS_FORMAT = "talks_format"
    """The format of the talks: who negotiates, which agenda, direct or indirect."""
    AGREEMENTS = "agreements"
    """Being bound by agreements made at the talks."""
    ACCOUNTABILITY = "accountability"
    """Sanctions and accountability (chemical weapons, war crimes)."""


class MatchKind(_Word):
    """How a name matched an actor, strongest first."""

    EXACT = "exact"
    """The id, or a name or alias equal once case, diacritics and `al-` are set aside."""
    WORDS = "words"
    """Every word of the query is a word of the name."""
    PARTIAL = "partial"
    """The query occurs inside the name."""
    FUZZY = "fuzzy"
    """A word of the query is a near spelling of a word of the name."""
