//! Every evidence of a dataset as a W3C Web Annotation (JSON-LD): the record is the body, the
//! article (named by its sha256) the target, selected by a `TextQuoteSelector` (exact words with
//! enough context on each side to be unique) and a `TextPositionSelector` (code points, as the
//! specification counts, not the bytes the dataset stores).
//!
//! See <https://www.w3.org/TR/annotation-model/#text-quote-selector> and
//! `#text-position-selector`.

use base64::Engine;
use serde_json::{json, Value};
use syriatalks::Dataset;

use crate::offsets::Offsets;

/// The JSON-LD context of the Web Annotation data model.
pub const CONTEXT: &str = "http://www.w3.org/ns/anno.jsonld";

/// Characters of context a `TextQuoteSelector` starts with on each side; it grows until the
/// selector matches one place only.
pub const CONTEXT_CHARS: usize = 32;

/// The RFC 6920 name of a text by its sha256 (hex, as `Source::sha256` holds it):
/// `ni:///sha-256;` and the digest in unpadded base64url. `None` for a malformed digest.
pub fn article_uri(sha256_hex: &str) -> Option<String> {
    if sha256_hex.len() != 64 {
        return None;
    }
    let bytes: Option<Vec<u8>> = (0..32)
        .map(|i| u8::from_str_radix(sha256_hex.get(2 * i..2 * i + 2)?, 16).ok())
        .collect();
    let b64 = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes?);
    Some(format!("ni:///sha-256;{b64}"))
}

/// The URN that names a record in annotation bodies.
pub fn record_uri(id: &str) -> String {
    format!("urn:syriatalks:record:{id}")
}

/// Prefix and suffix for the quote at `[start, end)` (code points of `chars`): the shortest
/// context, from [`CONTEXT_CHARS`] up, that no other occurrence of the same words shares.
pub fn quote_context(chars: &[char], start: usize, end: usize) -> (String, String) {
    let exact = &chars[start..end];
    let others: Vec<usize> = (0..=chars.len().saturating_sub(exact.len()))
        .filter(|&i| i != start && &chars[i..i + exact.len()] == exact)
        .collect();
    let mut n = CONTEXT_CHARS;
    loop {
        let prefix = &chars[start.saturating_sub(n)..start];
        let suffix = &chars[end..(end + n).min(chars.len())];
        let shared = others
            .iter()
            .any(|&i| chars[..i].ends_with(prefix) && chars[i + exact.len()..].starts_with(suffix));
        let whole = prefix.len() == start && suffix.len() == chars.len() - end;
        if !shared || whole {
            return (prefix.iter().collect(), suffix.iter().collect());
        }
        n *= 2;
    }
}

/// Every evidence of `ds` as an annotation, in an `AnnotationCollection` with one page.
/// Evidence whose source or span is missing (a dataset under construction) is skipped.
pub fn collection(ds: &Dataset) -> Value {
    collection_of(ds, ds.records())
}

/// The evidence of `records` (records of `ds`, a filtered export's) as [`collection`] writes it.
pub fn collection_of<'d>(
    ds: &'d Dataset,
    records: impl IntoIterator<Item = syriatalks::RecordRef<'d>>,
) -> Value {
    let mut items = Vec::new();
    let mut texts = std::collections::HashMap::new();
    for r in records {
        let body = json!({
            "id": record_uri(r.id()),
            "type": "TextualBody",
            "purpose": "describing",
            "format": "application/json",
            "value": serde_json::to_string(&r).unwrap_or_default(),
        });
        for (n, ev) in r.evidence().into_iter().enumerate() {
            let (Some(source), Some(span)) = (ds.source(&ev.source), ev.span) else {
                continue;
            };
            let (chars, offsets) = texts.entry(source.id.as_str()).or_insert_with(|| {
                (
                    source.text.chars().collect::<Vec<char>>(),
                    Offsets::new(&source.text),
                )
            });
            let (Some(start), Some(end)) = (offsets.chars(span.start), offsets.chars(span.end))
            else {
                continue;
            };
            let (prefix, suffix) = quote_context(chars, start, end);
            items.push(json!({
                "id": format!("urn:syriatalks:annotation:{}:{}", r.id(), n + 1),
                "type": "Annotation",
                "motivation": "describing",
                "body": body,
                "target": {
                    "source": article_uri(&source.sha256).unwrap_or_else(|| source.file.clone()),
                    "selector": [
                        {
                            "type": "TextQuoteSelector",
                            "exact": chars[start..end].iter().collect::<String>(),
                            "prefix": prefix,
                            "suffix": suffix,
                        },
                        { "type": "TextPositionSelector", "start": start, "end": end },
                    ],
                },
            }));
        }
    }
    json!({
        "@context": CONTEXT,
        "type": "AnnotationCollection",
        "label": format!(
            "syriatalks {} evidence{}",
            syriatalks::VERSION,
            ds.data_version().map(|v| format!(", data {v}")).unwrap_or_default()
        ),
        "total": items.len(),
        "first": { "type": "AnnotationPage", "startIndex": 0, "items": items },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_article_is_named_by_its_digest() {
        // RFC 6920's own example: the sha256 of "Hello World!".
        let hex = "7f83b1657ff1fc53b92dc18148a1d65dfc2d4b1fa3d677284addd200126d9069";
        assert_eq!(
            article_uri(hex).as_deref(),
            Some("ni:///sha-256;f4OxZX_x_FO5LcGBSKHWXfwtSx-j1ncoSt3SABJtkGk")
        );
        assert_eq!(article_uri("xyz"), None);
    }

    #[test]
    fn context_grows_until_the_quote_is_unique() {
        let text: Vec<char> = format!("{x}ab{x}ab{x}", x = "x".repeat(40))
            .chars()
            .collect();
        let first = 40;
        let (prefix, suffix) = quote_context(&text, first, first + 2);
        // 32 characters of context do not tell the two apart (x…x ab x…x): it grows.
        assert!(prefix.len() + suffix.len() > 2 * CONTEXT_CHARS);
        let (p1, s1) = quote_context(&"a “b” c".chars().collect::<Vec<_>>(), 2, 5);
        assert_eq!((p1.as_str(), s1.as_str()), ("a ", " c"));
    }
}
