//! # syriatalks
//!
//! A typed, source-cited dataset of the Syrian peace talks (Geneva, Astana, Vienna, Moscow…)
//! drawn from news articles kept verbatim in the crate. Every fact-stating record carries the exact
//! words of the article it comes from; the loader finds each quote in its source and refuses the
//! dataset if one is missing, so what you read here is what the article says.
//!
//! ```
//! use syriatalks::{embedded, Filter};
//! let ds = embedded();
//! // Who headed the government delegation at the Geneva round opened on 23 February 2017?
//! let round = ds.round("geneva-iv-2017").unwrap();
//! let head = round.delegations.iter().find_map(|d| d.head.as_deref()).unwrap();
//! assert_eq!(ds.actor(head).unwrap().name, "Bashar al-Jaafari");
//! // Every record says where it is written.
//! let ev = &round.evidence[0];
//! let source = ds.source(&ev.source).unwrap();
//! let span = ev.span.unwrap();
//! assert_eq!(&source.text[span.start..span.end], ev.quote);
//! # let _ = Filter::new();
//! ```
#![warn(missing_docs)]

pub mod audit;
mod dataset;
pub mod date;
mod error;
pub mod evidence;
mod load;
pub mod model;
pub mod normalize;
pub mod numbers;
mod query;
mod resolve;
mod search;
mod validate;
mod vocab;

pub use dataset::Dataset;
pub use date::{
    Basis, DateQualifier, DateRange, DateValue, Derivation, PartialDate, Period, Precision,
    Relation,
};
pub use error::{LoadError, Problem, ProblemKind, QueryError};
pub use evidence::{ByteSpan, Evidence, ExternalRef};
pub use load::{
    embedded, embedded_owned, from_parts, load, load_with_embedded, manifest_for, try_embedded,
    DATA_VERSION, MANIFEST_FILE,
};
pub use model::*;
pub use query::{Filter, Stored};
pub use resolve::{Candidate, MatchKind};
pub use search::SearchHit;
pub use validate::is_valid_id;
pub use vocab::UnknownWord;

/// The version of this crate.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");
