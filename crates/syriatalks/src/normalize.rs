//! Text folding for matching names and searching text: case, diacritics, typographic quotes and an
//! Arabic `al-`/`el-` article do not matter ("Bashar Al-Jaafari" matches "bashar jaafari").

use unicode_normalization::{char::is_combining_mark, UnicodeNormalization};

/// Folds one character: decomposes it, drops combining marks, lowercases, and maps typographic
/// apostrophes and quotes to their ASCII forms.
fn fold_char(c: char, out: &mut String) {
    for d in std::iter::once(c).nfd() {
        if is_combining_mark(d) {
            continue;
        }
        match d {
            '\u{2018}' | '\u{2019}' | '\u{02BC}' | '\u{2032}' => out.push('\''),
            '\u{201C}' | '\u{201D}' | '\u{2033}' => out.push('"'),
            '\u{2010}'..='\u{2015}' => out.push('-'),
            _ => out.extend(d.to_lowercase()),
        }
    }
}

/// The folded form of `s` (lowercase, no diacritics, ASCII quotes).
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        fold_char(c, &mut out);
    }
    out
}

/// The folded form of `text` with, for each byte of it, the byte offset in `text` of the character
/// it came from (plus one final entry for the end), so that a match in the folded text maps back
/// to a span of the original.
pub fn fold_with_map(text: &str) -> (String, Vec<usize>) {
    let mut out = String::with_capacity(text.len());
    let mut map = Vec::with_capacity(text.len() + 1);
    for (i, c) in text.char_indices() {
        let before = out.len();
        fold_char(c, &mut out);
        map.extend(std::iter::repeat_n(i, out.len() - before));
    }
    map.push(text.len());
    (out, map)
}

/// Maps a folded match `[start, end)` back to the span of the original text it came from.
pub fn unfold_span(map: &[usize], original: &str, start: usize, end: usize) -> (usize, usize) {
    let from = map[start];
    // The end is the end of the original character that produced the match's last folded byte.
    let to = if end == 0 {
        from
    } else {
        let last = map[end - 1];
        last + original[last..].chars().next().map_or(0, char::len_utf8)
    };
    (from, to.max(from))
}

/// The key a name is matched by: folded, split into words on anything not alphanumeric, with a
/// leading `al`/`el` article dropped from words that carried one ("Al-Jaafari" and "Jaafari" agree).
///
/// ```
/// use syriatalks::normalize::name_key;
/// assert_eq!(name_key("Ambassador Bashar Al-Jaafari"), "ambassador bashar jaafari");
/// assert_eq!(name_key("Bashar al-Assad"), name_key("BASHAR ASSAD"));
/// assert_eq!(name_key("Asaad al-Zoabi"), "asaad zoabi");
/// ```
pub fn name_key(s: &str) -> String {
    let folded = fold(s);
    let words: Vec<&str> = folded
        .split(|c: char| !c.is_alphanumeric() && c != '-' && c != '\'')
        .flat_map(|w| w.split('\''))
        .filter(|w| !w.is_empty())
        .collect();
    let mut out: Vec<&str> = Vec::with_capacity(words.len());
    for word in &words {
        let stripped = ["al-", "el-"]
            .iter()
            .find_map(|p| word.strip_prefix(p))
            .unwrap_or(word);
        for part in stripped.split('-').filter(|p| !p.is_empty()) {
            out.push(part);
        }
    }
    // A lone article ("Al Jazeera" written "Al-Jazeera") is kept apart from the name only when
    // another word remains; dropping "al" written as its own word keeps both spellings together.
    if out.len() > 1 {
        out.retain(|w| *w != "al" && *w != "el");
    }
    out.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_case_diacritics_and_quotes() {
        assert_eq!(fold("Genève Ürümqi"), "geneve urumqi");
        assert_eq!(fold("Syria’s “war”"), "syria's \"war\"");
    }

    #[test]
    fn name_keys_ignore_the_article() {
        assert_eq!(name_key("Bashar Al-Jaafari"), name_key("Bashar Jaafari"));
        assert_eq!(name_key("Bashar al-Jaafari"), "bashar jaafari");
        assert_eq!(name_key("Al Jazeera"), name_key("Al-Jazeera"));
        assert_eq!(name_key("Al Jazeera"), "jazeera");
        assert_eq!(name_key("Jabhat al-Nusra"), "jabhat nusra");
        assert_eq!(name_key("Assad’s"), "assad s");
        assert_eq!(name_key("  "), "");
    }

    #[test]
    fn folded_spans_map_back_to_the_original() {
        let text = "Café “Genève” talks";
        let (folded, map) = fold_with_map(text);
        let start = folded.find("geneve").unwrap();
        let (a, b) = unfold_span(&map, text, start, start + "geneve".len());
        assert_eq!(&text[a..b], "Genève");
        let start = folded.find("talks").unwrap();
        let (a, b) = unfold_span(&map, text, start, start + 5);
        assert_eq!(&text[a..b], "talks");
    }
}
