//! Ranked actor-name resolution: which actors a name could mean, best first.

use serde::Serialize;

use crate::dataset::Dataset;
use crate::model::Actor;
use crate::normalize::name_key;
use crate::vocab::vocab;

vocab!(
    /// How a name matched an actor, strongest first.
    MatchKind, "match kind" {
        /// The id, or a name or alias equal once case, diacritics and `al-` are set aside.
        Exact = "exact",
        /// Every word of the query is a word of the name ("Jaafari" in "Bashar al-Jaafari").
        Words = "words",
        /// The query occurs inside the name.
        Partial = "partial",
        /// A word of the query is a near spelling (one or two letters off) of a word of the name.
        Fuzzy = "fuzzy",
    }
);

/// A candidate actor for a name.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Candidate<'a> {
    /// The actor.
    pub actor: &'a Actor,
    /// The name or alias that matched best.
    pub matched: &'a str,
    /// How it matched.
    pub how: MatchKind,
    /// A score in (0, 1]: 1 for an exact match; ties keep data order.
    pub score: f64,
}

/// Levenshtein distance in characters (not bytes: "Assad" and "Asad" are one letter apart whatever
/// the script).
fn edit_distance(a: &str, b: &str) -> usize {
    strsim::levenshtein(a, b)
}

fn rate(query: &str, name: &str) -> Option<(MatchKind, f64)> {
    let name_words: Vec<&str> = name.split(' ').collect();
    let query_words: Vec<&str> = query.split(' ').collect();
    if query == name {
        return Some((MatchKind::Exact, 1.0));
    }
    let coverage = query.len() as f64 / name.len().max(1) as f64;
    if query_words.iter().all(|q| name_words.contains(q)) {
        return Some((MatchKind::Words, 0.6 + 0.3 * coverage));
    }
    if query.len() >= 3 && name.contains(query) {
        return Some((MatchKind::Partial, 0.3 + 0.3 * coverage));
    }
    let near = query_words
        .iter()
        .filter(|q| q.len() >= 4)
        .filter(|q| {
            name_words
                .iter()
                .any(|w| edit_distance(q, w) <= if q.len() >= 7 { 2 } else { 1 })
        })
        .count();
    (near > 0 && near == query_words.len())
        .then_some((MatchKind::Fuzzy, 0.1 + 0.2 * coverage.min(1.0)))
}

impl Dataset {
    /// The actors a name could mean, best first: exact matches of the id, name or an alias (case,
    /// diacritics and `al-` set aside), then names containing every word, then partial and near
    /// spellings. Empty when nothing is close.
    ///
    /// ```
    /// let ds = syriatalks::embedded();
    /// let best = &ds.resolve_actor("bashar al-jaafari")[0];
    /// assert_eq!(best.actor.id, "bashar-al-jaafari");
    /// assert_eq!(ds.resolve_actor("Mistrua")[0].actor.id, "staffan-de-mistura");
    /// ```
    pub fn resolve_actor(&self, name: &str) -> Vec<Candidate<'_>> {
        let query = name_key(name);
        if query.is_empty() {
            return Vec::new();
        }
        let mut out: Vec<Candidate> = Vec::new();
        for actor in &self.actors {
            if actor.id == name.trim() {
                out.push(Candidate {
                    actor,
                    matched: &actor.id,
                    how: MatchKind::Exact,
                    score: 1.0,
                });
                continue;
            }
            let best = std::iter::once(&actor.name)
                .chain(&actor.aliases)
                .filter_map(|n| {
                    rate(&query, &name_key(n)).map(|(how, score)| (how, score, n.as_str()))
                })
                .min_by(|a, b| a.0.cmp(&b.0).then(b.1.total_cmp(&a.1)));
            if let Some((how, score, matched)) = best {
                out.push(Candidate {
                    actor,
                    matched,
                    how,
                    score,
                });
            }
        }
        out.sort_by(|a, b| a.how.cmp(&b.how).then(b.score.total_cmp(&a.score)));
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edit_distance_counts_letters() {
        assert_eq!(edit_distance("mistrua", "mistura"), 2);
        assert_eq!(edit_distance("assad", "asad"), 1);
        assert_eq!(edit_distance("", "abc"), 3);
        assert_eq!(edit_distance("ja\u{e2}fari", "jaafari"), 1); // one letter, two bytes
    }

    #[test]
    fn rating_orders_match_kinds() {
        assert_eq!(
            rate("bashar jaafari", "bashar jaafari").map(|r| r.0),
            Some(MatchKind::Exact)
        );
        assert_eq!(
            rate("jaafari", "bashar jaafari").map(|r| r.0),
            Some(MatchKind::Words)
        );
        assert_eq!(
            rate("jaaf", "bashar jaafari").map(|r| r.0),
            Some(MatchKind::Partial)
        );
        assert_eq!(
            rate("jafari", "bashar jaafari").map(|r| r.0),
            Some(MatchKind::Fuzzy)
        );
        assert_eq!(rate("kerry", "bashar jaafari"), None);
    }
}
