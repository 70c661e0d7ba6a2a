//! # syriatalks
//!
//! A typed, source-cited dataset of the Syrian peace talks (Geneva, Astana, Vienna, Moscow…)
//! drawn from news articles kept verbatim in the crate. Every fact-stating record carries the exact
//! words of the article it comes from; the loader finds each quote in its source and refuses the
//! dataset if one is missing, so what you read here is what the article says.
//!
//! ```
//! use syriatalks::{embedded, Filter, Measure, PartialDate};
//! let ds = embedded();
//!
//! // Who headed the government delegation in February 2017?
//! let feb: PartialDate = "2017-02".parse().unwrap();
//! let heads: Vec<&str> = ds
//!     .in_session(feb)
//!     .iter()
//!     .flat_map(|round| &round.delegations)
//!     .filter(|d| d.party.starts_with("syrian-government"))
//!     .filter_map(|d| d.head.as_deref())
//!     .filter_map(|id| ds.actor(id))
//!     .map(|a| a.name.as_str())
//!     .collect();
//! assert_eq!(heads, ["Bashar al-Jaafari"]);
//!
//! // Death-toll claims over time, each with its claimant and its source.
//! let tolls = ds.figure_series(Measure::Deaths);
//! assert!(tolls.windows(2).all(|w| w[0].as_of.as_ref().map(|d| d.value) <= w[1].as_of.as_ref().map(|d| d.value)));
//! for f in &tolls {
//!     let ev = &f.evidence[0];
//!     // Every claim says where it is written: the span slices the article's own words.
//!     let text = &ds.source(&ev.source).unwrap().text;
//!     assert_eq!(&text[ev.span.unwrap().start..ev.span.unwrap().end], ev.quote);
//!     assert!(ev.quote.contains(&f.text));
//! }
//!
//! // What happened between 1 and 3 February 2016?
//! let f = Filter::new().since("2016-02-01".parse().unwrap()).until("2016-02-03".parse().unwrap());
//! let events = ds.select::<syriatalks::Event>(&f).unwrap();
//! assert!(events.iter().any(|e| e.summary.contains("Hardatneen")));
//! ```
#![warn(missing_docs)]

mod anchor;
pub mod audit;
mod cite;
mod compact;
mod corroborate;
mod dataset;
pub mod date;
mod error;
pub mod evidence;
pub mod ident;
mod index;
mod load;
pub mod model;
pub mod normalize;
pub mod numbers;
mod parallel;
mod parse;
mod place;
mod progress;
mod query;
mod read;
mod resolve;
pub mod retired;
pub mod schema;
mod search;
mod subset;
mod validate;
mod vocab;

/// What the build script embeds: the record files, seeds, manifest and audit exclusions as they
/// are, and the validated dataset in its compact form.
pub(crate) mod embedded {
    include!(concat!(env!("OUT_DIR"), "/embedded.rs"));
}

pub use cite::{CiteStyle, DATA_AUTHOR};
pub use corroborate::{Attestation, Conflict, Happening, Side};
pub use dataset::Dataset;
pub use date::{
    Basis, Certainty, DateQualifier, DateRange, DateValue, Derivation, PartialDate, Period,
    Precision, Relation,
};
pub use error::{LoadError, Problem, ProblemKind, QueryError};
pub use evidence::{ByteSpan, Evidence, ExternalRef};
pub use ident::{
    bounds, bounds_rule, crosswalk, Bounds, CameoRoot, Crosswalk, LocationPrecision,
    PloverEventType,
};
pub use load::{
    embedded, embedded_from_sources, embedded_owned, from_parts, load, load_with,
    load_with_embedded, manifest_for, try_embedded, LoadOptions, Progress, ProgressFn,
    DATA_VERSION, MANIFEST_FILE, MAX_RECORD_FILE_BYTES, MAX_SEED_BYTES, SOURCES_FILE,
};
pub use model::*;
pub use query::{Filter, Stored};
pub use resolve::{Candidate, MatchKind};
pub use retired::{retirement, retirements, Resolved, Retirement};
pub use search::{SearchHit, SearchResults, DEFAULT_SEARCH_LIMIT};
pub use subset::Subset;
pub use validate::{is_valid_id, MAX_SOURCE_FIELD_BYTES};
pub use vocab::UnknownWord;

/// Where each seed article comes from and on what terms it is included: outlet, author, date,
/// the rights line the text carries, verbatim. The articles' rights stay with their publishers;
/// the crate's licence does not cover them. The same text is `data/seeds/SOURCES.md` in the crate.
pub const SOURCES_NOTICE: &str = include_str!("../data/seeds/SOURCES.md");

/// How a figure with no claimant is written for people (CLI tables, DataFrames): the article
/// states the number in its own voice. In the data, `claimed_by` is simply empty.
pub const NO_CLAIMANT: &str = "(the article)";

/// The version of this crate.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");
