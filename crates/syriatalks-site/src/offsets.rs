//! Byte offsets (how the dataset locates evidence in UTF-8 texts) to the units other tools count:
//! Unicode code points (the W3C Web Annotation selectors) and UTF-16 code units (JavaScript
//! strings, which the browser tests measure the article pages in).

/// Converts byte offsets of one text to character offsets. Built once per text; every look-up is
/// then a binary search over the positions of the multi-byte characters only, so an ASCII text
/// costs nothing.
#[derive(Debug, Clone)]
pub struct Offsets {
    /// For each character wider than one byte (in UTF-8): its byte offset, and how many extra
    /// bytes and extra UTF-16 units all such characters up to and including it add.
    wide: Vec<(usize, usize, usize)>,
    len: usize,
}

impl Offsets {
    /// Indexes `text`.
    pub fn new(text: &str) -> Offsets {
        let mut wide = Vec::new();
        let (mut extra_bytes, mut extra_units) = (0, 0);
        for (at, c) in text.char_indices() {
            let n = c.len_utf8();
            if n > 1 {
                extra_bytes += n - 1;
                extra_units += c.len_utf16() - 1;
                wide.push((at, extra_bytes, extra_units));
            }
        }
        Offsets {
            wide,
            len: text.len(),
        }
    }

    /// The wide characters that start before `byte`, as (extra bytes, extra UTF-16 units).
    fn before(&self, byte: usize) -> (usize, usize) {
        let k = self.wide.partition_point(|(at, _, _)| *at < byte);
        match k {
            0 => (0, 0),
            k => (self.wide[k - 1].1, self.wide[k - 1].2),
        }
    }

    /// The code point index of `byte` (which must lie on a character boundary, at most the
    /// text's length; `None` otherwise).
    pub fn chars(&self, byte: usize) -> Option<usize> {
        self.check(byte)?;
        Some(byte - self.before(byte).0)
    }

    /// The UTF-16 index of `byte` (same conditions as [`Offsets::chars`]).
    pub fn utf16(&self, byte: usize) -> Option<usize> {
        self.check(byte)?;
        let (bytes, units) = self.before(byte);
        Some(byte - bytes + units)
    }

    fn check(&self, byte: usize) -> Option<()> {
        if byte > self.len {
            return None;
        }
        // Inside a wide character: past its first byte and before its end.
        let k = self.wide.partition_point(|(at, _, _)| *at < byte);
        if k > 0 {
            let (at, extra, _) = self.wide[k - 1];
            let prev_extra = if k > 1 { self.wide[k - 2].1 } else { 0 };
            let width = extra - prev_extra + 1;
            if byte < at + width {
                return None;
            }
        }
        Some(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn converts_around_curly_quotes_dashes_and_astral_characters() {
        // “ and — are three bytes and one UTF-16 unit; 🕊 is four bytes and two units.
        let text = "a “b” — 🕊 c";
        let o = Offsets::new(text);
        for (byte, _) in text.char_indices().chain([(text.len(), ' ')]) {
            let chars = text[..byte].chars().count();
            let units = text[..byte].encode_utf16().count();
            assert_eq!(o.chars(byte), Some(chars), "chars at byte {byte}");
            assert_eq!(o.utf16(byte), Some(units), "utf16 at byte {byte}");
        }
        let c = text.find('c').unwrap();
        assert_eq!(o.chars(c), Some(10));
        assert_eq!(o.utf16(c), Some(11));
        // Not on a boundary (inside “ and inside 🕊), or past the end.
        assert_eq!(o.chars(3), None);
        assert_eq!(o.chars(text.find('🕊').unwrap() + 2), None);
        assert_eq!(o.utf16(text.len() + 1), None);
    }

    #[test]
    fn ascii_is_the_identity() {
        let o = Offsets::new("plain text");
        assert_eq!(o.chars(5), Some(5));
        assert_eq!(o.utf16(10), Some(10));
    }
}
