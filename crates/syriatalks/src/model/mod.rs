//! The record types: what the dataset holds, as the data files spell it.
//!
//! Every type derives serde with `deny_unknown_fields`, so a misspelt field in a data file is an
//! error, and fields the loader computes (spans, source texts, checksums) are never read from a file.

mod actor;
mod event;
mod figure;
mod instrument;
mod place;
mod position;
mod quote;
mod record;
mod round;
mod source;

pub use actor::{Actor, ActorKind, Membership, Role};
pub use event::{Event, EventKind, Participant, ParticipantRole};
pub use figure::{Figure, Measure, Qualifier};
pub use instrument::{Instrument, InstrumentKind};
pub use place::{Place, PlaceKind};
pub use position::{Position, Topic};
pub use quote::Quote;
pub use record::{Record, RecordFields, RecordKind, RecordRef};
pub use round::{AgendaItem, Delegation, Process, Round, RoundStatus};
pub use source::{Attested, Source};
