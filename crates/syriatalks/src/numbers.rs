//! Reading back the numbers the articles write ("450,000", "5 million", "seventh", "millions"), so
//! that a figure's `value` is checked against its words rather than trusted.

/// Number words below twenty, and their ordinals.
const UNITS: &[(&str, &str, u64)] = &[
    ("zero", "zeroth", 0),
    ("one", "first", 1),
    ("two", "second", 2),
    ("three", "third", 3),
    ("four", "fourth", 4),
    ("five", "fifth", 5),
    ("six", "sixth", 6),
    ("seven", "seventh", 7),
    ("eight", "eighth", 8),
    ("nine", "ninth", 9),
    ("ten", "tenth", 10),
    ("eleven", "eleventh", 11),
    ("twelve", "twelfth", 12),
    ("thirteen", "thirteenth", 13),
    ("fourteen", "fourteenth", 14),
    ("fifteen", "fifteenth", 15),
    ("sixteen", "sixteenth", 16),
    ("seventeen", "seventeenth", 17),
    ("eighteen", "eighteenth", 18),
    ("nineteen", "nineteenth", 19),
];

/// The tens, and their ordinals.
const TENS: &[(&str, &str, u64)] = &[
    ("twenty", "twentieth", 20),
    ("thirty", "thirtieth", 30),
    ("forty", "fortieth", 40),
    ("fifty", "fiftieth", 50),
    ("sixty", "sixtieth", 60),
    ("seventy", "seventieth", 70),
    ("eighty", "eightieth", 80),
    ("ninety", "ninetieth", 90),
];

/// The scale words' ordinals ("hundredth", "millionth").
const SCALE_ORDINALS: &[(&str, u64)] = &[
    ("hundredth", 100),
    ("thousandth", 1_000),
    ("millionth", 1_000_000),
    ("billionth", 1_000_000_000),
];

const SCALES: &[(&str, u64)] = &[
    ("hundred", 100),
    ("thousand", 1_000),
    ("million", 1_000_000),
    ("billion", 1_000_000_000),
];

/// The value a written number stands for: digits with thousands separators (`450,000`), a decimal
/// or whole number with a scale word (`5 million`, `1.5 million`), cardinal or ordinal number
/// words up to the billions (`six`, `twenty-one`, `three hundred and twelve`, `one million five
/// hundred thousand`, `seventh`, `ninety-ninth`), a digit ordinal (`8th`), a hyphenated age
/// (`five-year`, `six-year-old`), or a bare plural scale for an order of magnitude (`millions` is
/// 1000000). `None` for anything else, including ill-formed words (`twenty thirty`).
///
/// ```
/// use syriatalks::numbers::spelled_value;
/// assert_eq!(spelled_value("450,000"), Some(450_000));
/// assert_eq!(spelled_value("nearly 5 million"), None); // qualifiers belong in `qualifier`
/// assert_eq!(spelled_value("5 million"), Some(5_000_000));
/// assert_eq!(spelled_value("seventh"), Some(7));
/// assert_eq!(spelled_value("twenty-first"), Some(21));
/// assert_eq!(spelled_value("two hundred thousand"), Some(200_000));
/// assert_eq!(spelled_value("millions"), Some(1_000_000));
/// ```
pub fn spelled_value(text: &str) -> Option<u64> {
    let lower = text.trim().to_ascii_lowercase();
    let words: Vec<&str> = lower.split_whitespace().collect();
    match words.as_slice() {
        [one] => single(one),
        [number, scale] if SCALES.iter().any(|(w, _)| w == scale) => {
            let factor = SCALES.iter().find(|(w, _)| w == scale)?.1;
            decimal_times(number, factor).or_else(|| number_words(&words))
        }
        _ => number_words(&words),
    }
}

fn single(word: &str) -> Option<u64> {
    if let Some(v) = digits(word) {
        return Some(v);
    }
    // A hyphenated number ("twenty-first", "ninety-nine") is read whole; failing that, the first
    // part is a number before a noun ("five-year", "six-year-old").
    if let Some(v) = number_words(&[word]) {
        return Some(v);
    }
    if let Some((first, rest)) = word.split_once('-') {
        let next = rest.split('-').next().unwrap_or(rest);
        if number_words(&[next]).is_none() {
            if let Some(v) = number_words(&[first]) {
                return Some(v);
            }
        }
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

/// Cardinal or ordinal number words, as English writes them: "twenty-one", "three hundred and
/// twelve", "one million five hundred thousand", "ninety-ninth", "two hundredth". Only the last
/// word may be an ordinal. `None` for anything that is not one well-formed number.
fn number_words(words: &[&str]) -> Option<u64> {
    // What the previous word was, so that "two three" or "twenty thirty" is refused.
    #[derive(PartialEq, Clone, Copy)]
    enum Last {
        Start,
        Unit,
        Teen,
        Ten,
        Hundred,
        Scale(u64),
    }
    let tokens: Vec<&str> = words
        .iter()
        .flat_map(|w| w.split('-'))
        .filter(|t| *t != "and")
        .collect();
    let (mut total, mut group, mut last) = (0u64, 0u64, Last::Start);
    let mut seen_ordinal = false;
    let mut smallest_scale: Option<u64> = None;
    for (i, token) in tokens.iter().enumerate() {
        if seen_ordinal {
            return None;
        }
        // "a hundred", "a million": the article stands for one before a scale word.
        if *token == "a" && i == 0 && tokens.len() > 1 {
            group = 1;
            last = Last::Unit;
            continue;
        }
        let find = |table: &[(&str, &str, u64)]| {
            table.iter().find_map(|(c, o, v)| {
                if c == token {
                    Some((*v, false))
                } else if o == token {
                    Some((*v, true))
                } else {
                    None
                }
            })
        };
        if let Some((v, ordinal)) = find(UNITS) {
            // A unit starts a group or follows a ten ("twenty-one") or a scale.
            let ok = match last {
                Last::Start | Last::Hundred | Last::Scale(_) => true,
                Last::Ten => (1..=9).contains(&v),
                Last::Unit | Last::Teen => false,
            };
            if !ok || (v == 0 && tokens.len() > 1) {
                return None;
            }
            group += v;
            last = if v < 10 { Last::Unit } else { Last::Teen };
            seen_ordinal = ordinal;
        } else if let Some((v, ordinal)) = find(TENS) {
            if matches!(last, Last::Unit | Last::Teen | Last::Ten) {
                return None;
            }
            group += v;
            last = Last::Ten;
            seen_ordinal = ordinal;
        } else if let Some(scale) = SCALES
            .iter()
            .chain(SCALE_ORDINALS)
            .find(|(w, _)| w == token)
            .map(|(_, v)| *v)
        {
            let ordinal = SCALE_ORDINALS.iter().any(|(w, _)| w == token);
            if i == 0 || matches!(last, Last::Scale(_)) {
                return None;
            }
            if scale == 100 {
                // "five hundred", "nineteen hundred"; never "hundred hundred".
                if group == 0 || group > 99 || last == Last::Hundred {
                    return None;
                }
                group *= 100;
                last = Last::Hundred;
            } else {
                // Scales come largest first: "one million two thousand", never the reverse.
                if smallest_scale.is_some_and(|s| scale >= s) {
                    return None;
                }
                smallest_scale = Some(scale);
                total = total.checked_add(group.checked_mul(scale)?)?;
                group = 0;
                last = Last::Scale(scale);
            }
            seen_ordinal = ordinal;
        } else {
            return None;
        }
    }
    if last == Last::Start {
        return None;
    }
    total.checked_add(group)
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
    fn reads_cardinals_and_ordinals_generally() {
        let cases = [
            ("twenty-one", 21),
            ("twenty-first", 21),
            ("nineteen hundred", 1900),
            ("ninety-ninth", 99),
            ("ninety-nine", 99),
            ("thirtieth", 30),
            ("nineteenth", 19),
            ("one hundred", 100),
            ("a hundred", 100),
            ("three hundred and twelve", 312),
            ("two hundredth", 200),
            ("one thousand nine hundred and ninety-nine", 1999),
            ("forty-five thousand", 45_000),
            ("one million five hundred thousand", 1_500_000),
            ("two million", 2_000_000),
            ("twelve million", 12_000_000),
            ("one millionth", 1_000_000),
            ("nine hundred ninety-nine million nine hundred ninety-nine thousand nine hundred ninety-nine", 999_999_999),
            ("Twenty-First", 21),
            ("zero", 0),
        ];
        for (text, value) in cases {
            assert_eq!(spelled_value(text), Some(value), "{text}");
        }
    }

    #[test]
    fn refuses_ill_formed_number_words() {
        for text in [
            "two three",
            "twenty thirty",
            "first second",
            "twenty-first hundred",
            "hundred",
            "thousand five",
            "twelve hundred hundred",
            "one thousand one million",
            "eleven-one",
            "zero hundred",
            "twentyone",
            "and",
        ] {
            assert_eq!(spelled_value(text), None, "{text}");
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
