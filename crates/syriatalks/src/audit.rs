//! The completeness audit: scans every source text mechanically for what a careful reader would
//! expect the dataset to account for — every quoted passage, every number, every capitalized name,
//! every date expression — and reports each one that no record's evidence covers and no reviewed
//! exclusion lists.
//!
//! Exclusions live in `audit/*.toml` beside the record files:
//!
//! ```toml
//! [[exclude]]
//! source = "src-2017-geneva-iv-begins"
//! text = "Grey Facebook Icon"
//! reason = "page furniture"
//! ```

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::dataset::Dataset;
use crate::evidence::ByteSpan;
use crate::vocab::vocab;

vocab!(
    /// What the audit looks for.
    ItemKind, "audit item kind" {
        /// A passage in quotation marks.
        Quoted = "quoted",
        /// A number, in digits or words.
        Number = "number",
        /// A capitalized name, single or multi-word.
        Name = "name",
        /// A date expression: a month, a weekday, a year, a relative day.
        Date = "date",
    }
);

/// Something in a source text the dataset should account for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Item {
    /// What sort of thing.
    pub kind: ItemKind,
    /// The words, as in the text.
    pub text: String,
    /// Where they are.
    pub span: ByteSpan,
}

/// A reviewed reason for not covering some words with a record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Exclusion {
    /// The source id.
    pub source: String,
    /// The exact words; every item inside any occurrence of them is excluded.
    pub text: String,
    /// Which occurrence (1-based), when only one is meant.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub occurrence: Option<usize>,
    /// Why no record covers them, in one line.
    pub reason: String,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct ExclusionFile {
    #[serde(default)]
    exclude: Vec<Exclusion>,
}

/// Parses the text of an exclusions file.
pub fn parse_exclusions(text: &str) -> Result<Vec<Exclusion>, String> {
    toml::from_str::<ExclusionFile>(text)
        .map(|f| f.exclude)
        .map_err(|e| e.to_string())
}

/// The reviewed exclusions of the embedded dataset (`data/audit/*.toml`), for auditing it.
pub fn embedded_exclusions() -> Result<Vec<Exclusion>, String> {
    let mut all = Vec::new();
    for (name, text) in crate::embedded::AUDIT_FILES {
        all.extend(parse_exclusions(text).map_err(|e| format!("audit/{name}: {e}"))?);
    }
    Ok(all)
}

/// The audit of one source.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SourceAudit {
    /// The source id.
    pub source: String,
    /// Items found.
    pub items: usize,
    /// Items inside some record's evidence.
    pub covered: usize,
    /// Items inside a reviewed exclusion.
    pub excluded: usize,
    /// Items neither covered nor excluded.
    pub missing: Vec<Item>,
}

impl SourceAudit {
    /// The share of items covered by evidence, in percent.
    pub fn coverage(&self) -> f64 {
        if self.items == 0 {
            100.0
        } else {
            100.0 * self.covered as f64 / self.items as f64
        }
    }
}

/// The audit of a dataset.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Audit {
    /// One entry per source, in data order.
    pub sources: Vec<SourceAudit>,
    /// Exclusions that are malformed or exclude nothing (stale, or misquoted), with the reason.
    pub bad_exclusions: Vec<(Exclusion, String)>,
}

impl Audit {
    /// Whether nothing is missing and every exclusion is used.
    pub fn is_complete(&self) -> bool {
        self.bad_exclusions.is_empty() && self.sources.iter().all(|s| s.missing.is_empty())
    }
}

const MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Jan.",
    "Feb.",
    "Aug.",
    "Sept.",
    "Oct.",
    "Nov.",
    "Dec.",
];
const WEEKDAYS: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];
const RELATIVE: &[&str] = &[
    "last year",
    "this year",
    "next year",
    "the following day",
    "the next day",
    "today",
    "yesterday",
    "tomorrow",
    "this week",
    "last week",
    "next week",
    "one week after",
    "ago",
    "the last day",
];
const NUMBER_WORDS: &[&str] = &[
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "twenty",
    "hundred",
    "hundreds",
    "thousand",
    "thousands",
    "million",
    "millions",
    "billion",
    "dozen",
    "dozens",
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
];
/// Words that start sentences without being names. A capitalized word from this list is not a
/// name item; a name run never starts with one.
const FUNCTION_WORDS: &[&str] = &[
    "A",
    "An",
    "The",
    "In",
    "On",
    "At",
    "By",
    "For",
    "From",
    "To",
    "Of",
    "With",
    "As",
    "But",
    "And",
    "Or",
    "So",
    "If",
    "It",
    "Its",
    "He",
    "She",
    "They",
    "We",
    "I",
    "This",
    "That",
    "These",
    "Those",
    "There",
    "When",
    "While",
    "However",
    "Meanwhile",
    "Moreover",
    "Also",
    "Only",
    "No",
    "Not",
    "Nothing",
    "Both",
    "Another",
    "Several",
    "Until",
    "After",
    "Before",
    "Little",
    "Let's",
    "Honestly",
    "Update",
    "Photo",
    "Join",
    "Follow",
    "By",
];
/// Lowercase words that may join capitalized words inside one name ("League of Arab States").
const CONNECTORS: &[&str] = &["of", "de", "des", "for", "al"];

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '-' || c == '\'' || c == '’' || c == '.'
}

/// Words with their byte spans; trailing punctuation (but an abbreviation's dot) is dropped.
fn words(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = None;
    let chars: Vec<(usize, char)> = text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
        .collect();
    for (n, &(i, c)) in chars.iter().enumerate() {
        // "450,000" and "2/10/2014" are one word: a comma or slash between digits joins them.
        let joins = (c == ',' || c == '/')
            && n > 0
            && chars[n - 1].1.is_ascii_digit()
            && chars.get(n + 1).is_some_and(|(_, d)| d.is_ascii_digit());
        match (start, is_word_char(c) || joins) {
            (None, true) => start = Some(i),
            (Some(s), false) => {
                let mut w = &text[s..i];
                // Keep "U.S." and "Jan." whole; drop a sentence's full stop and trailing quotes.
                while let Some(last) = w.chars().last() {
                    let abbreviation =
                        last == '.' && (w.len() <= 4 || w[..w.len() - 1].contains('.'));
                    if (last == '.' && !abbreviation) || last == '\'' || last == '’' || last == '-'
                    {
                        w = &w[..w.len() - last.len_utf8()];
                    } else {
                        break;
                    }
                }
                let lead = w.len() - w.trim_start_matches(['\'', '’', '-', '.']).len();
                if w.len() > lead {
                    out.push((s + lead, &w[lead..]));
                }
                start = None;
            }
            _ => {}
        }
    }
    out
}

/// A weekday name, possessive or not ("Thursday’s session").
fn is_weekday(w: &str) -> bool {
    let bare = w.strip_suffix("’s").or(w.strip_suffix("'s")).unwrap_or(w);
    WEEKDAYS.contains(&bare)
}

fn capitalized(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

/// Every item in a text.
pub fn scan(text: &str) -> Vec<Item> {
    let mut items = Vec::new();
    let item = |kind, start: usize, end: usize| Item {
        kind,
        text: text[start..end].to_string(),
        span: ByteSpan { start, end },
    };

    // Quoted passages, paragraph by paragraph: “…”, "…" (with '' closing a double quote, as some
    // wires print it) and ‘…’/'…' around words. An odd count of straight double quotes leaves the
    // paragraph itself as the item, since the passage's extent cannot be told.
    let mut offset = 0;
    for para in text.split_inclusive('\n') {
        let mut marks: Vec<(usize, usize)> = Vec::new();
        let bytes = para.as_bytes();
        let mut i = 0;
        while i < para.len() {
            if para[i..].starts_with('"') {
                marks.push((i, 1));
                i += 1;
            } else if para[i..].starts_with("''") {
                marks.push((i, 2));
                i += 2;
            } else {
                i += para[i..].chars().next().map_or(1, char::len_utf8);
            }
        }
        if marks.len() % 2 == 1 {
            let trimmed = para.trim_end();
            items.push(item(ItemKind::Quoted, offset, offset + trimmed.len()));
        } else {
            for pair in marks.chunks(2) {
                items.push(item(
                    ItemKind::Quoted,
                    offset + pair[0].0 + pair[0].1,
                    offset + pair[1].0,
                ));
            }
        }
        for (open, close) in [('“', '”'), ('‘', '’')] {
            let mut from = 0;
            while let Some(a) = para[from..].find(open) {
                let a = from + a + open.len_utf8();
                let Some(b) = para[a..].find(close) else {
                    break;
                };
                items.push(item(ItemKind::Quoted, offset + a, offset + a + b));
                from = a + b + close.len_utf8();
            }
        }
        // 'single quotes' around words: an opening mark after a space, a closing one before a
        // space or punctuation.
        let mut j = 0;
        while j < bytes.len() {
            let opens = bytes[j] == b'\''
                && (j == 0 || bytes[j - 1] == b' ')
                && bytes.get(j + 1).is_some_and(|b| b.is_ascii_alphabetic());
            if opens {
                let rest = &para[j + 1..];
                let close = rest.char_indices().find(|&(k, c)| {
                    c == '\''
                        && !rest[k + 1..].starts_with('\'')
                        && rest[k + 1..]
                            .chars()
                            .next()
                            .is_none_or(|n| !n.is_alphanumeric())
                });
                if let Some((k, _)) = close {
                    items.push(item(ItemKind::Quoted, offset + j + 1, offset + j + 1 + k));
                    j += k + 2;
                    continue;
                }
            }
            j += 1;
        }
        offset += para.len();
    }

    let ws = words(text);
    let mut i = 0;
    while i < ws.len() {
        let (at, w) = ws[i];
        let end = at + w.len();
        let digits = w.chars().filter(char::is_ascii_digit).count();
        if digits > 0 {
            let year = w.len() == 4 && (w.starts_with("19") || w.starts_with("20")) && digits == 4;
            items.push(item(
                if year || w.contains('/') {
                    ItemKind::Date
                } else {
                    ItemKind::Number
                },
                at,
                end,
            ));
        } else if NUMBER_WORDS.contains(&w.to_lowercase().as_str())
            || w.split('-')
                .next()
                .is_some_and(|p| NUMBER_WORDS.contains(&p.to_lowercase().as_str()))
        {
            items.push(item(ItemKind::Number, at, end));
        }
        if MONTHS.contains(&w) || is_weekday(w) {
            items.push(item(ItemKind::Date, at, end));
        }
        // A run of capitalized words (joined by connectors) is one name.
        if capitalized(w) && !FUNCTION_WORDS.contains(&w) && !MONTHS.contains(&w) && !is_weekday(w)
        {
            let mut j = i;
            let mut last = i;
            while j + 1 < ws.len() {
                let (nat, next) = ws[j + 1];
                let gap = &text[ws[j].0 + ws[j].1.len()..nat];
                if gap != " " {
                    break;
                }
                if capitalized(next) && !MONTHS.contains(&next) && !is_weekday(next) {
                    j += 1;
                    last = j;
                } else if CONNECTORS.contains(&next)
                    && ws.get(j + 2).is_some_and(|(_, n)| capitalized(n))
                {
                    j += 1;
                } else {
                    break;
                }
            }
            let (lat, lw) = ws[last];
            items.push(item(ItemKind::Name, at, lat + lw.len()));
            i = last + 1;
            continue;
        }
        i += 1;
    }
    for phrase in RELATIVE {
        let lower = text.to_lowercase();
        let mut from = 0;
        while let Some(k) = lower[from..].find(phrase) {
            let a = from + k;
            let b = a + phrase.len();
            let bounded = !lower[..a].ends_with(char::is_alphanumeric)
                && !lower[b..].starts_with(char::is_alphanumeric);
            if bounded && text.is_char_boundary(a) && text.is_char_boundary(b) {
                items.push(item(ItemKind::Date, a, b));
            }
            from = b;
        }
    }
    items.sort_by_key(|it| (it.span.start, it.span.end));
    items.dedup_by(|a, b| a.span == b.span && a.kind == b.kind);
    items
}

/// Audits every source of a dataset against its records' evidence and the exclusions.
pub fn audit(ds: &Dataset, exclusions: &[Exclusion]) -> Audit {
    let mut covered: HashMap<&str, Vec<ByteSpan>> = HashMap::new();
    for r in ds.records() {
        for ev in r.evidence() {
            if let Some(span) = ev.span {
                covered.entry(ev.source.as_str()).or_default().push(span);
            }
        }
    }
    let mut bad = Vec::new();
    let mut excluded: HashMap<&str, Vec<(usize, ByteSpan)>> = HashMap::new();
    for (n, ex) in exclusions.iter().enumerate() {
        let Some(source) = ds.source(&ex.source) else {
            bad.push((ex.clone(), format!("no source has id `{}`", ex.source)));
            continue;
        };
        if ex.reason.trim().is_empty() {
            bad.push((ex.clone(), "the reason is empty".into()));
        }
        let spans: Vec<ByteSpan> = source
            .text
            .match_indices(ex.text.as_str())
            .map(|(a, m)| ByteSpan {
                start: a,
                end: a + m.len(),
            })
            .enumerate()
            .filter(|(k, _)| ex.occurrence.is_none_or(|o| o == k + 1))
            .map(|(_, s)| s)
            .collect();
        if spans.is_empty() || ex.text.is_empty() {
            bad.push((
                ex.clone(),
                "the text is not in the source (or no such occurrence)".into(),
            ));
        }
        excluded
            .entry(source.id.as_str())
            .or_default()
            .extend(spans.into_iter().map(|s| (n, s)));
    }
    let mut used = vec![false; exclusions.len()];
    let inside =
        |span: ByteSpan, outer: &ByteSpan| outer.start <= span.start && span.end <= outer.end;
    let mut sources = Vec::new();
    for source in ds.sources() {
        let items = scan(&source.text);
        let cover = covered
            .get(source.id.as_str())
            .map(Vec::as_slice)
            .unwrap_or_default();
        let excl = excluded
            .get(source.id.as_str())
            .map(Vec::as_slice)
            .unwrap_or_default();
        let mut audit = SourceAudit {
            source: source.id.clone(),
            items: items.len(),
            covered: 0,
            excluded: 0,
            missing: Vec::new(),
        };
        for item in items {
            if cover.iter().any(|c| inside(item.span, c)) {
                audit.covered += 1;
            } else if let Some((n, _)) = excl.iter().find(|(_, e)| inside(item.span, e)) {
                used[*n] = true;
                audit.excluded += 1;
            } else {
                audit.missing.push(item);
            }
        }
        sources.push(audit);
    }
    for (n, ex) in exclusions.iter().enumerate() {
        if !used[n] && !bad.iter().any(|(b, _)| b == ex) {
            bad.push((
                ex.clone(),
                "excludes nothing that evidence does not already cover: remove it".into(),
            ));
        }
    }
    Audit {
        sources,
        bad_exclusions: bad,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<(ItemKind, String)> {
        scan(text).into_iter().map(|i| (i.kind, i.text)).collect()
    }

    #[test]
    fn finds_quotes_numbers_names_and_dates() {
        let found = kinds("On 23 February, the UN Special Envoy for Syria Staffan de Mistura said “no” about 450,000 people. 'Good faith' urged.\n");
        let has = |k: ItemKind, t: &str| found.iter().any(|(kk, tt)| *kk == k && tt == t);
        assert!(has(ItemKind::Number, "23"), "{found:?}");
        assert!(has(ItemKind::Date, "February"), "{found:?}");
        assert!(
            has(
                ItemKind::Name,
                "UN Special Envoy for Syria Staffan de Mistura"
            ),
            "{found:?}"
        );
        assert!(has(ItemKind::Quoted, "no"), "{found:?}");
        assert!(has(ItemKind::Number, "450,000"), "{found:?}");
        assert!(has(ItemKind::Quoted, "Good faith"), "{found:?}");
        assert!(
            !found.iter().any(|(_, t)| t == "On"),
            "sentence-initial function words are not names: {found:?}"
        );
    }

    #[test]
    fn straight_quotes_pair_within_a_paragraph_and_odd_ones_flag_it() {
        let found = kinds("\"We are waiting,\" he said.\nThe regime's actions,\" another said.\n");
        assert!(
            found.contains(&(ItemKind::Quoted, "We are waiting,".into())),
            "{found:?}"
        );
        assert!(
            found.contains(&(
                ItemKind::Quoted,
                "The regime's actions,\" another said.".into()
            )),
            "{found:?}"
        );
        let found = kinds("to be ready to address the political process'' in the next");
        let whole = "to be ready to address the political process'' in the next".to_string();
        assert_eq!(
            found,
            [(ItemKind::Quoted, whole)],
            "one mark alone flags its paragraph"
        );
        let found = kinds("asked \"to be ready'' in the next session");
        assert!(
            found.contains(&(ItemKind::Quoted, "to be ready".into())),
            "{found:?}"
        );
    }

    #[test]
    fn relative_dates_and_weekdays() {
        let found = kinds("late Monday, then on Tuesday’s session; last year and the following day, Update 2/10/2014");
        for t in [
            "Monday",
            "Tuesday’s",
            "last year",
            "the following day",
            "2/10/2014",
        ] {
            assert!(
                found.contains(&(ItemKind::Date, t.to_string())),
                "{t}: {found:?}"
            );
        }
    }

    #[test]
    fn abbreviations_keep_their_dots() {
        let found = kinds("the U.S. has accused, on Jan. 22, 2014, the U.N. envoy.");
        assert!(
            found.contains(&(ItemKind::Name, "U.S.".into())),
            "{found:?}"
        );
        assert!(
            found.contains(&(ItemKind::Date, "Jan.".into())),
            "{found:?}"
        );
        assert!(
            found.contains(&(ItemKind::Date, "2014".into())),
            "{found:?}"
        );
    }
}
