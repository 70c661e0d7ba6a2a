//! Evidence: the exact words of a source that state a fact, located by the loader.

use serde::{Deserialize, Serialize};

/// A half-open byte range `[start, end)` in a source text.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, schemars::JsonSchema,
)]
pub struct ByteSpan {
    /// The first byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl ByteSpan {
    /// The slice of `text` this span covers, if it lies on character boundaries inside it.
    pub fn slice<'t>(&self, text: &'t str) -> Option<&'t str> {
        text.get(self.start..self.end)
    }
}

/// The words of a source that state a fact. The loader finds `quote` verbatim in the source text
/// and records its byte `span`; a quote that is not there is a load error. Spans are never typed by
/// hand: a data file that gives one is refused.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Evidence {
    /// The id of the source.
    pub source: String,
    /// The exact words, byte for byte (curly quotes, dashes and all).
    pub quote: String,
    /// Which occurrence is meant (1-based) when the words occur more than once in the source.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub occurrence: Option<usize>,
    /// Where the words are in the source text (computed by the loader).
    #[serde(default, skip_deserializing, skip_serializing_if = "Option::is_none")]
    pub span: Option<ByteSpan>,
}

/// A public document outside the seeds that a fact comes from. A record citing one never pretends
/// to have a seed quote for that fact.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ExternalRef {
    /// The document's title, as a reader would look it up.
    pub title: String,
    /// A formal reference (document symbol, ISBN…), when it has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference: Option<String>,
    /// Where it can be read.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

/// Why a quote could not be placed in its source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Placement {
    /// The words are not in the text.
    Missing,
    /// The words occur this many times and no `occurrence` chose one.
    Ambiguous(usize),
    /// `occurrence` asks for more occurrences than there are.
    NoSuchOccurrence(usize),
}

/// Finds `quote` in `text`: its only occurrence, or the `occurrence`-th (1-based).
pub(crate) fn place(
    text: &str,
    quote: &str,
    occurrence: Option<usize>,
) -> Result<ByteSpan, Placement> {
    if quote.is_empty() {
        return Err(Placement::Missing);
    }
    let starts: Vec<usize> = text.match_indices(quote).map(|(i, _)| i).collect();
    let start = match (occurrence, starts.len()) {
        (_, 0) => return Err(Placement::Missing),
        (None, 1) => starts[0],
        (None, n) => return Err(Placement::Ambiguous(n)),
        (Some(k), n) if k == 0 || k > n => return Err(Placement::NoSuchOccurrence(n)),
        (Some(k), _) => starts[k - 1],
    };
    Ok(ByteSpan {
        start,
        end: start + quote.len(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn places_unique_quotes_and_refuses_the_rest() {
        let text = "a “b” c. a “b” d.";
        assert_eq!(place(text, "c.", None), Ok(ByteSpan { start: 10, end: 12 }));
        assert_eq!(place(text, "“b”", None), Err(Placement::Ambiguous(2)));
        let second = place(text, "“b”", Some(2)).unwrap();
        assert_eq!(second.slice(text), Some("“b”"));
        assert_eq!(second.start, 15);
        assert_eq!(
            place(text, "“b”", Some(3)),
            Err(Placement::NoSuchOccurrence(2))
        );
        assert_eq!(place(text, "\"b\"", None), Err(Placement::Missing));
        assert_eq!(place(text, "", None), Err(Placement::Missing));
    }
}
