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

fn find_all(text: &str, needle: &str) -> Vec<ByteSpan> {
    let (folded, map) = fold_with_map(text);
    folded
        .match_indices(needle)
        .map(|(i, m)| {
            let (start, end) = unfold_span(&map, text, i, i + m.len());
            ByteSpan { start, end }
        })
        .collect()
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
    pub fn search(&self, words: &str) -> Vec<SearchHit<'_>> {
        let needle = fold(words.trim());
        if needle.is_empty() {
            return Vec::new();
        }
        let mut hits = Vec::new();
        for record in self.records() {
            let fields = record.texts().into_iter();
            let quotes = record
                .evidence()
                .into_iter()
                .map(|e| ("evidence.quote", e.quote.as_str()));
            for (field, text) in fields.chain(quotes) {
                for span in find_all(text, &needle) {
                    hits.push(SearchHit {
                        record,
                        field: field.to_string(),
                        span,
                        snippet: snippet(text, span),
                    });
                }
            }
        }
        for source in &self.sources {
            for span in find_all(&source.text, &needle) {
                hits.push(SearchHit {
                    record: RecordRef::Source(source),
                    field: "text".into(),
                    span,
                    snippet: snippet(&source.text, span),
                });
            }
        }
        hits
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snippets_trim_to_context_on_char_boundaries() {
        let text = format!("{}Genève{}", "é".repeat(100), "ü".repeat(100));
        let span = find_all(&text, "geneve")[0];
        assert_eq!(&text[span.start..span.end], "Genève");
        let s = snippet(&text, span);
        assert!(s.starts_with('…') && s.ends_with('…'));
        assert_eq!(
            s.chars().count(),
            2 + CONTEXT * 2 + "Genève".chars().count()
        );
    }
}
