//! Reading back the numbers the articles write ("450,000", "5 million", "seventh", "millions"), so
//! that a figure's `value` is checked against its words rather than trusted.

const UNITS: &[(&str, u64)] = &[
    ("one", 1),
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("eleven", 11),
    ("twelve", 12),
    ("thirteen", 13),
    ("fourteen", 14),
    ("fifteen", 15),
    ("sixteen", 16),
    ("seventeen", 17),
    ("eighteen", 18),
    ("nineteen", 19),
    ("twenty", 20),
];

const ORDINALS: &[(&str, u64)] = &[
    ("first", 1),
    ("second", 2),
    ("third", 3),
    ("fourth", 4),
    ("fifth", 5),
    ("sixth", 6),
    ("seventh", 7),
    ("eighth", 8),
    ("ninth", 9),
    ("tenth", 10),
    ("eleventh", 11),
    ("twelfth", 12),
];

const SCALES: &[(&str, u64)] = &[
    ("hundred", 100),
    ("thousand", 1_000),
    ("million", 1_000_000),
    ("billion", 1_000_000_000),
];

/// The value a written number stands for: digits with thousands separators (`450,000`), a decimal
/// or whole number with a scale word (`5 million`, `1.5 million`), a number word (`six`), an
/// ordinal (`seventh`, `8th`), a hyphenated age (`five-year`, `six-year-old`), or a bare plural
/// scale for an order of magnitude (`millions` is 1000000). `None` for anything else.
///
/// ```
/// use syriatalks::numbers::spelled_value;
/// assert_eq!(spelled_value("450,000"), Some(450_000));
/// assert_eq!(spelled_value("nearly 5 million"), None); // qualifiers belong in `qualifier`
/// assert_eq!(spelled_value("5 million"), Some(5_000_000));
/// assert_eq!(spelled_value("seventh"), Some(7));
/// assert_eq!(spelled_value("millions"), Some(1_000_000));
/// ```
pub fn spelled_value(text: &str) -> Option<u64> {
    let lower = text.trim().to_ascii_lowercase();
    let words: Vec<&str> = lower.split_whitespace().collect();
    match words.as_slice() {
        [one] => single(one),
        [number, scale] => {
            let factor = SCALES.iter().find(|(w, _)| w == scale)?.1;
            if let Some(v) = decimal_times(number, factor) {
                return Some(v);
            }
            UNITS
                .iter()
                .find(|(w, _)| w == number)
                .map(|(_, n)| n * factor)
        }
        _ => None,
    }
}

fn single(word: &str) -> Option<u64> {
    if let Some(v) = digits(word) {
        return Some(v);
    }
    let word = word.split('-').next().unwrap_or(word);
    if let Some((_, n)) = UNITS.iter().chain(ORDINALS).find(|(w, _)| *w == word) {
        return Some(*n);
    }
    if let Some(stem) = ["st", "nd", "rd", "th"]
        .iter()
        .find_map(|s| word.strip_suffix(s))
    {
        return digits(stem);
    }
    let singular = word.strip_suffix('s')?;
    SCALES.iter().find(|(w, _)| *w == singular).map(|(_, n)| *n)
}

/// Digits, optionally grouped by commas in threes.
fn digits(word: &str) -> Option<u64> {
    let groups: Vec<&str> = word.split(',').collect();
    let first_max = if groups.len() == 1 { 19 } else { 3 };
    let ok = (1..=first_max).contains(&groups[0].len())
        && groups
            .iter()
            .all(|g| !g.is_empty() && g.bytes().all(|b| b.is_ascii_digit()))
        && groups[1..].iter().all(|g| g.len() == 3);
    if !ok {
        return None;
    }
    groups.concat().parse().ok()
}

fn decimal_times(number: &str, factor: u64) -> Option<u64> {
    let (whole, frac) = number.split_once('.').unwrap_or((number, ""));
    let whole = digits(whole)?;
    if !frac.bytes().all(|b| b.is_ascii_digit()) || frac.len() > 9 {
        return None;
    }
    let scale = 10u64.pow(frac.len() as u32);
    let frac_value: u64 = if frac.is_empty() {
        0
    } else {
        frac.parse().ok()?
    };
    let total = whole
        .checked_mul(factor)?
        .checked_add(frac_value.checked_mul(factor)? / scale)?;
    // A decimal that does not land on a whole number ("1.0000001 million") is not a count.
    (frac_value.checked_mul(factor)? % scale == 0).then_some(total)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_corpus_number_forms() {
        let cases = [
            ("450,000", 450_000),
            ("876", 876),
            ("130,000", 130_000),
            ("5 million", 5_000_000),
            ("6 million", 6_000_000),
            ("1.5 million", 1_500_000),
            ("six", 6),
            ("three", 3),
            ("seventh", 7),
            ("eighth", 8),
            ("8th", 8),
            ("millions", 1_000_000),
            ("five-year", 5),
            ("six-year-old", 6),
            ("two million", 2_000_000),
        ];
        for (text, value) in cases {
            assert_eq!(spelled_value(text), Some(value), "{text}");
        }
    }

    #[test]
    fn refuses_what_it_cannot_read() {
        for text in [
            "",
            "about 400,000",
            "45,00",
            ",000",
            "1,0000",
            "many",
            "5 dozen",
            "1.2345 thousand",
            "1,000.5",
        ] {
            assert_eq!(spelled_value(text), None, "{text}");
        }
    }
}
