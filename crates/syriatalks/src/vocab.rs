//! Closed vocabularies: every kind, role, measure or topic is one of a fixed list of snake_case
//! words, so that a typo in a data file or a query is an error rather than a silent miss.

/// An unknown word for a closed vocabulary, with the words that are accepted.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown {vocabulary} `{word}` (expected one of: {})", .valid.join(", "))]
pub struct UnknownWord {
    /// Which vocabulary was asked (e.g. `event kind`).
    pub vocabulary: &'static str,
    /// The word that was not recognised.
    pub word: String,
    /// Every accepted word.
    pub valid: &'static [&'static str],
}

/// Defines a closed vocabulary enum with serde (snake_case), `as_str`, `ALL`, `WORDS`, `FromStr`
/// and `Display`, so the list of words exists once.
macro_rules! vocab {
    ($(#[$meta:meta])* $name:ident, $what:literal { $($(#[$vmeta:meta])* $variant:ident = $word:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
        #[serde(rename_all = "snake_case")]
        pub enum $name {
            $($(#[$vmeta])* #[serde(rename = $word)] $variant,)+
        }

        impl $name {
            /// Every member, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];
            /// Every member's word, in declaration order.
            pub const WORDS: &'static [&'static str] = &[$($word),+];
            /// What this vocabulary is called in messages.
            pub const VOCABULARY: &'static str = $what;

            /// The snake_case word used in data files, queries and exports.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $word,)+ }
            }
        }

        impl std::str::FromStr for $name {
            type Err = $crate::vocab::UnknownWord;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                let wanted = s.trim().to_ascii_lowercase().replace(['-', ' '], "_");
                match wanted.as_str() {
                    $($word => Ok($name::$variant),)+
                    _ => Err($crate::vocab::UnknownWord { vocabulary: $what, word: s.to_string(), valid: Self::WORDS }),
                }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.pad(self.as_str())
            }
        }
    };
}
pub(crate) use vocab;

#[cfg(test)]
mod tests {
    #![allow(dead_code)]

    vocab!(
        /// A test vocabulary.
        Colour, "colour" { Red = "red", DarkBlue = "dark_blue" }
    );

    #[test]
    fn parses_words_leniently_and_rejects_others() {
        assert_eq!("Dark-Blue".parse::<Colour>(), Ok(Colour::DarkBlue));
        assert_eq!("dark blue".parse::<Colour>(), Ok(Colour::DarkBlue));
        let err = "green".parse::<Colour>().unwrap_err();
        assert_eq!(err.valid, &["red", "dark_blue"]);
        assert_eq!(
            err.to_string(),
            "unknown colour `green` (expected one of: red, dark_blue)"
        );
        assert_eq!(Colour::Red.to_string(), "red");
    }
}
