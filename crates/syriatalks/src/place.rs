//! Placing every quote of a dataset in its source: one pass over each article for all the quotes
//! that cite it (Aho–Corasick), instead of one scan of the article per quote.
//!
//! The rules are those of [`crate::evidence::place`]: a quote is placed if it occurs exactly once,
//! or at the `occurrence`-th of its non-overlapping occurrences (counted left to right, as
//! `str::match_indices` counts them). The work is bounded by the text and the quotes: a source
//! whose quotes match more than [`match_budget`] times in all (only many tiny or repetitive quotes
//! can) is reported as such instead of being counted on.

use std::collections::HashMap;
use std::hash::BuildHasher;

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};

use crate::dataset::FastMap;

use crate::evidence::{ByteSpan, Placement};
use crate::normalize::fold;

/// The quotes to place, per source (by source index): each distinct quote with the number of
/// occurrences its users need kept (1, or the largest `occurrence` asked).
#[derive(Default)]
pub(crate) struct Requests<'a> {
    per_source: Vec<FastMap<&'a str, usize>>,
}

impl<'a> Requests<'a> {
    pub(crate) fn new(sources: usize) -> Self {
        Requests {
            per_source: (0..sources).map(|_| FastMap::default()).collect(),
        }
    }

    /// Asks for `quote` in source `src`.
    pub(crate) fn add(&mut self, src: usize, quote: &'a str, occurrence: Option<usize>) {
        if quote.is_empty() {
            return;
        }
        if let Some(map) = self.per_source.get_mut(src) {
            let need = occurrence.unwrap_or(1).clamp(1, usize::MAX);
            let e = map.entry(quote).or_insert(1);
            *e = (*e).max(need);
        }
    }
}

/// Where one quote occurs in one source.
#[derive(Debug, Clone, Default)]
pub(crate) struct Found {
    /// How many non-overlapping occurrences there are.
    pub count: usize,
    /// The first occurrences' starts, as many as were asked for.
    pub starts: Vec<usize>,
}

/// Every requested quote's occurrences, keyed by source and a hash of the quote (the quotes stay
/// with their records; a lookup checks the text at the span, so a hash collision cannot misplace).
#[derive(Default)]
pub(crate) struct Placements {
    found: FastMap<(u32, u64), Found>,
    /// Sources whose quotes matched too often to count (source index → matches seen).
    over_budget: FastMap<u32, usize>,
}

fn quote_hash(quote: &str) -> u64 {
    // Fixed, so that every thread hashes a quote alike; collisions are caught at lookup.
    foldhash::quality::FixedState::with_seed(0x5eed).hash_one(quote)
}

/// An automaton over these patterns. A contiguous NFA: articles are short next to what a DFA costs
/// to build, and each source gets its own automaton.
fn automaton<P: AsRef<[u8]>>(
    patterns: impl IntoIterator<Item = P>,
) -> Result<AhoCorasick, aho_corasick::BuildError> {
    AhoCorasick::builder()
        .match_kind(MatchKind::Standard)
        .kind(Some(AhoCorasickKind::ContiguousNFA))
        .build(patterns)
}

/// How many matches one source's pass may see before it stops: far more than any real quotes make
/// (each real quote matches about once), and linear in what the pass reads.
pub(crate) fn match_budget(text_len: usize, pattern_bytes: usize) -> usize {
    8 * (text_len + pattern_bytes) + 1_000_000
}

/// What a lookup says about a quote.
pub(crate) enum Lookup {
    /// Placed, or why not.
    Placed(Result<ByteSpan, Placement>),
    /// The source's quotes matched too often to count; this many matches were seen.
    OverBudget(usize),
}

impl Placements {
    /// Places every requested quote, one pass per source, sources on every core.
    pub(crate) fn compute(texts: &[Option<String>], requests: Requests<'_>) -> Placements {
        let per_source = requests.per_source;
        let results = crate::parallel::parallel(per_source.len(), |src| {
            let Some(text) = texts.get(src).and_then(|t| t.as_deref()) else {
                return (Vec::new(), None);
            };
            scan(src as u32, text, &per_source[src])
        });
        let mut out = Placements::default();
        out.found
            .reserve(results.iter().map(|(f, _)| f.len()).sum());
        for (src, (found, over)) in results.into_iter().enumerate() {
            out.found.extend(found);
            if let Some(n) = over {
                out.over_budget.insert(src as u32, n);
            }
        }
        out
    }

    /// Where `quote` is in source `src` (whose text is `text`), as [`crate::evidence::place`]
    /// would say.
    pub(crate) fn lookup(
        &self,
        src: usize,
        text: &str,
        quote: &str,
        occurrence: Option<usize>,
    ) -> Lookup {
        if let Some(n) = self.over_budget.get(&(src as u32)) {
            return Lookup::OverBudget(*n);
        }
        if quote.is_empty() {
            return Lookup::Placed(Err(Placement::Missing));
        }
        let Some(found) = self.found.get(&(src as u32, quote_hash(quote))) else {
            // Not requested: only a caller that skipped the request gets here; answer directly.
            debug_assert!(false, "quote {quote:?} was not requested for source {src}");
            return Lookup::Placed(crate::evidence::place(text, quote, occurrence));
        };
        let result = match (occurrence, found.count) {
            (_, 0) => Err(Placement::Missing),
            (None, 1) => Ok(found.starts[0]),
            (None, n) => Err(Placement::Ambiguous(n)),
            (Some(k), n) if k == 0 || k > n => Err(Placement::NoSuchOccurrence(n)),
            (Some(k), _) => found
                .starts
                .get(k - 1)
                .copied()
                .ok_or(Placement::NoSuchOccurrence(found.count)),
        };
        let result = result.map(|start| ByteSpan {
            start,
            end: start + quote.len(),
        });
        match result {
            // A hash shared by two quotes would show here as a span that does not hold the quote.
            Ok(span) if span.slice(text) != Some(quote) => {
                Lookup::Placed(crate::evidence::place(text, quote, occurrence))
            }
            other => Lookup::Placed(other),
        }
    }
}

type ScanResult = (Vec<((u32, u64), Found)>, Option<usize>);

/// How many leading bytes of each quote the automaton holds: enough to be selective, few enough
/// that building it costs little next to the pass over the text (whole sentences would make the
/// build the larger cost). Each prefix match is then checked against the whole quotes sharing it.
const PREFIX: usize = 16;

fn scan(src: u32, text: &str, quotes: &FastMap<&str, usize>) -> ScanResult {
    if quotes.is_empty() {
        return (Vec::new(), None);
    }
    let patterns: Vec<&str> = quotes.keys().copied().collect();
    let need: Vec<usize> = patterns.iter().map(|p| quotes[p]).collect();
    // Distinct prefixes, each with the quotes that start with it.
    let mut prefix_ids: FastMap<&[u8], usize> = FastMap::default();
    let mut groups: Vec<Vec<usize>> = Vec::new();
    for (i, p) in patterns.iter().enumerate() {
        let prefix = &p.as_bytes()[..p.len().min(PREFIX)];
        let g = *prefix_ids.entry(prefix).or_insert_with(|| {
            groups.push(Vec::new());
            groups.len() - 1
        });
        groups[g].push(i);
    }
    let mut prefixes: Vec<&[u8]> = vec![&[][..]; groups.len()];
    for (prefix, g) in &prefix_ids {
        prefixes[*g] = prefix;
    }
    let Ok(ac) = automaton(&prefixes) else {
        // The automaton could not be built (it is too large): count each quote on its own.
        let found = patterns
            .iter()
            .zip(&need)
            .map(|(p, n)| ((src, quote_hash(p)), count_one(text, p, *n)))
            .collect();
        return (found, None);
    };
    let bytes = text.as_bytes();
    let mut found: Vec<Found> = vec![Found::default(); patterns.len()];
    let mut last_end = vec![0usize; patterns.len()];
    let budget = match_budget(text.len(), patterns.iter().map(|p| p.len()).sum());
    let mut work = 0usize;
    for m in ac.find_overlapping_iter(bytes) {
        let start = m.start();
        for &p in &groups[m.pattern().as_usize()] {
            // Each check costs at most the quote's length in bytes; the budget counts checks.
            work += 1;
            if work > budget {
                return (Vec::new(), Some(work));
            }
            let quote = patterns[p].as_bytes();
            if start < last_end[p] || !bytes[start..].starts_with(quote) {
                continue;
            }
            last_end[p] = start + quote.len();
            let f = &mut found[p];
            f.count += 1;
            if f.starts.len() < need[p] {
                f.starts.push(start);
            }
        }
    }
    let out = patterns
        .iter()
        .zip(found)
        .map(|(p, f)| ((src, quote_hash(p)), f))
        .collect();
    (out, None)
}

fn count_one(text: &str, quote: &str, need: usize) -> Found {
    let mut f = Found::default();
    for (i, _) in text.match_indices(quote) {
        f.count += 1;
        if f.starts.len() < need {
            f.starts.push(i);
        }
    }
    f
}

/// For quotes that were not found verbatim: whether each is there once case, quote marks, dashes
/// and diacritics are folded away. One folding of each source and one pass over it for all its
/// misses; `misses` is (source index, quote).
pub(crate) fn near_misses(texts: &[Option<String>], misses: &[(usize, &str)]) -> Vec<bool> {
    let mut by_source: HashMap<usize, Vec<usize>> = HashMap::new();
    for (i, (src, quote)) in misses.iter().enumerate() {
        if !quote.is_empty() {
            by_source.entry(*src).or_default().push(i);
        }
    }
    let groups: Vec<(usize, Vec<usize>)> = by_source.into_iter().collect();
    let results = crate::parallel::parallel(groups.len(), |g| {
        let (src, items) = &groups[g];
        let Some(text) = texts.get(*src).and_then(|t| t.as_deref()) else {
            return Vec::new();
        };
        let folded_text = fold(text);
        let folded: Vec<String> = items.iter().map(|&i| fold(misses[i].1)).collect();
        let Ok(ac) = automaton(folded.iter().filter(|q| !q.is_empty())) else {
            return Vec::new();
        };
        let keep: Vec<usize> = items
            .iter()
            .zip(&folded)
            .filter(|(_, q)| !q.is_empty())
            .map(|(i, _)| *i)
            .collect();
        let mut hit = vec![false; keep.len()];
        let mut left = keep.len();
        let budget = match_budget(folded_text.len(), folded.iter().map(|q| q.len()).sum());
        for (n, m) in ac.find_overlapping_iter(&folded_text).enumerate() {
            if n > budget || left == 0 {
                break;
            }
            let p = m.pattern().as_usize();
            if !hit[p] {
                hit[p] = true;
                left -= 1;
            }
        }
        keep.into_iter()
            .zip(hit)
            .filter(|(_, h)| *h)
            .map(|(i, _)| i)
            .collect()
    });
    let mut out = vec![false; misses.len()];
    for i in results.into_iter().flatten() {
        out[i] = true;
    }
    out
}

/// Which of `needles` occur somewhere in `texts`: one pass over each text for all of them,
/// stopping once every needle has been seen.
pub(crate) fn occurring(texts: &[Option<String>], needles: &[&str]) -> Vec<bool> {
    let mut hit = vec![false; needles.len()];
    let live: Vec<usize> = (0..needles.len())
        .filter(|&i| !needles[i].is_empty())
        .collect();
    if live.is_empty() {
        return hit;
    }
    let Ok(ac) = automaton(live.iter().map(|&i| needles[i])) else {
        for &i in &live {
            hit[i] = texts.iter().flatten().any(|t| t.contains(needles[i]));
        }
        return hit;
    };
    let mut left = live.len();
    for text in texts.iter().flatten() {
        let budget = match_budget(text.len(), 0);
        for (n, m) in ac.find_overlapping_iter(text.as_str()).enumerate() {
            if left == 0 {
                return hit;
            }
            if n > budget {
                // Too many repeated matches in this text: check what is left one needle at a time.
                for &i in &live {
                    if !hit[i] && text.contains(needles[i]) {
                        hit[i] = true;
                        left -= 1;
                    }
                }
                break;
            }
            let i = live[m.pattern().as_usize()];
            if !hit[i] {
                hit[i] = true;
                left -= 1;
            }
        }
    }
    hit
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::evidence::place;

    #[test]
    fn one_pass_places_as_the_single_quote_search_does() {
        let text = "aaa b aa “b” c. a “b” d. aaaa";
        let quotes = ["a", "aa", "aaa", "“b”", "c.", "zzz", "b", " d."];
        let texts = vec![Some(text.to_string())];
        let mut req = Requests::new(1);
        for q in quotes {
            req.add(0, q, Some(3));
            req.add(0, q, None);
        }
        let placements = Placements::compute(&texts, req);
        for q in quotes {
            for occ in [None, Some(1), Some(2), Some(3), Some(0)] {
                let Lookup::Placed(got) = placements.lookup(0, text, q, occ) else {
                    panic!("over budget")
                };
                assert_eq!(got, place(text, q, occ), "{q:?} {occ:?}");
            }
        }
    }

    #[test]
    fn near_misses_and_occurrences() {
        let texts = vec![Some("He said “Hello” to Élise.".to_string()), None];
        let hints = near_misses(
            &texts,
            &[(0, "he said \"hello\""), (0, "bonjour"), (1, "x")],
        );
        assert_eq!(hints, [true, false, false]);
        assert_eq!(
            occurring(&texts, &["Élise", "Elise", "said", ""]),
            [true, false, true, false]
        );
    }
}
