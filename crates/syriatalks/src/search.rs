//! Full-text search over records and source texts, returning snippets with byte spans.

use serde::Serialize;

use crate::dataset::Dataset;
use crate::evidence::ByteSpan;
use crate::model::RecordRef;
use crate::normalize::{fold, fold_with_map, unfold_span};

/// One place where the searched words occur.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SearchHit<'a> {
    /// The record the words are in (for a hit in an article's text, its source).
    pub record: RecordRef<'a>,
    /// `text` for an article's text; otherwise the record field (`summary`, `aliases`,
    /// `evidence.quote`…).
    pub field: String,
    /// The byte span of the match within that field's value (for `text`, within the article).
    pub span: ByteSpan,
    /// The matched words with some context, on one line.
    pub snippet: String,
}

/// Context kept on each side of a match in a snippet, in characters.
const CONTEXT: usize = 60;

fn snippet(text: &str, span: ByteSpan) -> String {
    let start = text[..span.start]
        .char_indices()
        .rev()
        .nth(CONTEXT - 1)
        .map_or(0, |(i, _)| i);
    let end = text[span.end..]
        .char_indices()
        .nth(CONTEXT)
        .map_or(text.len(), |(i, _)| span.end + i);
    let mut s = String::new();
    if start > 0 {
        s.push('…');
    }
    s.push_str(
        &text[start..end]
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" "),
    );
    if end < text.len() {
        s.push('…');
    }
    s
}

/// How many hits [`Dataset::search`] returns at most; [`Dataset::search_limited`] takes another.
pub const DEFAULT_SEARCH_LIMIT: usize = 1000;

/// How much of a text is folded at a time: folding keeps a map of eight bytes per byte, so a whole
/// large article folded at once would take ten times its size, and a search that has its hits
/// early need not fold the rest.
const CHUNK: usize = 1 << 20;

/// The first `limit` occurrences of `needle` (folded) in `text`, as `str::match_indices` finds
/// them (left to right, not overlapping), folding the text a chunk at a time.
fn find_some(text: &str, needle: &str, limit: usize) -> Vec<ByteSpan> {
    let mut out = Vec::new();
    // A match that starts in a chunk may run past its end: each chunk is folded with a margin
    // wide enough for any match of the needle (a folded byte comes from at most a few bytes).
    let margin = needle.len() * 8 + 16;
    let mut start = 0;
    let mut last_end = 0;
    while start < text.len() && out.len() < limit {
        let end = char_boundary(text, start + CHUNK);
        let with_margin = char_boundary(text, end + margin);
        let slice = &text[start..with_margin];
        let (folded, map) = fold_with_map(slice);
        for (i, m) in folded.match_indices(needle) {
            let (a, b) = unfold_span(&map, slice, i, i + m.len());
            let (a, b) = (start + a, start + b);
            if a >= end {
                break;
            }
            if a < last_end {
                continue;
            }
            out.push(ByteSpan { start: a, end: b });
            last_end = b;
            if out.len() == limit {
                break;
            }
        }
        start = end;
    }
    out
}

/// The first character boundary of `text` at or after `at` (or its end).
fn char_boundary(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at += 1;
    }
    at
}

/// The hits of a search, at most as many as asked for.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SearchResults<'a> {
    /// The hits, records first, then the articles' texts.
    pub hits: Vec<SearchHit<'a>>,
    /// Whether there are more hits than the limit let through.
    pub more: bool,
}

impl Dataset {
    /// Every occurrence of `words` (case, accents and quote marks ignored) in the records' fields
    /// and evidence, then in the articles' texts, each with a snippet and its byte span.
    ///
    /// ```
    /// let ds = syriatalks::embedded();
    /// let hits = ds.search("Hardatneen");
    /// let in_text = hits.iter().find(|h| h.field == "text").unwrap();
    /// let syriatalks::RecordRef::Source(src) = in_text.record else { unreachable!() };
    /// assert_eq!(&src.text[in_text.span.start..in_text.span.end], "Hardatneen");
    /// ```
    ///
    /// At most [`DEFAULT_SEARCH_LIMIT`] hits: a corpus may hold millions of occurrences of a common
    /// word, and the memory a search takes must stay bounded. [`Dataset::search_limited`] says
    /// whether there were more.
    pub fn search(&self, words: &str) -> Vec<SearchHit<'_>> {
        self.search_limited(words, DEFAULT_SEARCH_LIMIT).hits
    }

    /// Like [`Dataset::search`], with at most `limit` hits and whether there were more.
    ///
    /// ```
    /// let ds = syriatalks::embedded();
    /// let some = ds.search_limited("Geneva", 3);
    /// assert_eq!(some.hits.len(), 3);
    /// assert!(some.more);
    /// ```
    pub fn search_limited(&self, words: &str, limit: usize) -> SearchResults<'_> {
        let needle = fold(words.trim());
        let mut hits = Vec::new();
        if needle.is_empty() {
            return SearchResults { hits, more: false };
        }
        // One more than asked for tells whether there are more.
        let want = limit.saturating_add(1);
        for record in self.records() {
            let fields = record.texts().into_iter();
            let quotes = record
                .evidence()
                .into_iter()
                .map(|e| ("evidence.quote", e.quote.as_str()));
            for (field, text) in fields.chain(quotes) {
                for span in find_some(text, &needle, want - hits.len()) {
                    hits.push(SearchHit {
                        record,
                        field: field.to_string(),
                        span,
                        snippet: snippet(text, span),
                    });
                }
                if hits.len() >= want {
                    break;
                }
            }
            if hits.len() >= want {
                break;
            }
        }
        for source in &self.sources {
            if hits.len() >= want {
                break;
            }
            for span in find_some(&source.text, &needle, want - hits.len()) {
                hits.push(SearchHit {
                    record: RecordRef::Source(source),
                    field: "text".into(),
                    span,
                    snippet: snippet(&source.text, span),
                });
            }
        }
        let more = hits.len() > limit;
        hits.truncate(limit);
        SearchResults { hits, more }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chunked_folding_finds_what_one_folding_finds() {
        // Matches across chunk boundaries, accents that fold away, and overlapping candidates.
        let unit = "Genève aaa geneve ";
        let text = unit.repeat(2 * CHUNK / unit.len() + 3);
        for needle in ["geneve", "aa", "e a"] {
            let (folded, map) = fold_with_map(&text);
            let whole: Vec<ByteSpan> = folded
                .match_indices(needle)
                .map(|(i, m)| {
                    let (start, end) = unfold_span(&map, &text, i, i + m.len());
                    ByteSpan { start, end }
                })
                .collect();
            assert_eq!(find_some(&text, needle, usize::MAX), whole, "{needle}");
            assert_eq!(find_some(&text, needle, 7), whole[..7]);
        }
    }

    #[test]
    fn snippets_trim_to_context_on_char_boundaries() {
        let text = format!("{}Genève{}", "é".repeat(100), "ü".repeat(100));
        let span = find_some(&text, "geneve", usize::MAX)[0];
        assert_eq!(&text[span.start..span.end], "Genève");
        let s = snippet(&text, span);
        assert!(s.starts_with('…') && s.ends_with('…'));
        assert_eq!(
            s.chars().count(),
            2 + CONTEXT * 2 + "Genève".chars().count()
        );
    }
}
