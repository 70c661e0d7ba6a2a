//! A tiny self-contained dataset, small enough for exact assertions, and helpers to break it.
#![allow(dead_code)]

use syriatalks::{Dataset, LoadError};

/// The one seed text. Its words are chosen to exercise derivations (a Tuesday publication date,
/// "late Monday", "on Tuesday", "last year"), aliases with `Al-` and diacritics, and figures.
pub const SEED: &str = "Fixture Times, 2 February 2016\n\nTalks opened in Genève late Monday, the envoy Staffan de Mistura said. \"We are waiting to find out the procedural issues,\" Ambassador Bashar Al-Jaafari told reporters. The conflict has killed more than 450,000 people. Another count gives about 400,000 dead. Government forces took the village of Hardatneen, north of Aleppo, on Tuesday. Talks held in Vienna last year paved the way.\n";

pub const RECORDS: &str = r#"
[[source]]
id = "fx"
file = "fixture.txt"
title = { value = "Fixture Times", basis = "stated" }
published = { value = "2016-02-02", basis = "stated", quote = "2 February 2016" }

[[actor]]
id = "de-mistura"
kind = "person"
name = "Staffan de Mistura"
aliases = ["Staffan de Mistura"]
evidence = [{ source = "fx", quote = "the envoy Staffan de Mistura" }]

[[actor]]
id = "jaafari"
kind = "person"
name = "Bashar al-Jaafari"
aliases = ["Bashar Al-Jaafari"]
evidence = [{ source = "fx", quote = "Ambassador Bashar Al-Jaafari" }]

[[place]]
id = "syria"
kind = "country"
name = "Syria"
external = [{ title = "Syria (country)" }]

[[place]]
id = "aleppo"
kind = "city"
name = "Aleppo"
aliases = ["Aleppo"]
within = "syria"
evidence = [{ source = "fx", quote = "north of Aleppo" }]

[[place]]
id = "hardatneen"
kind = "village"
name = "Hardatneen"
aliases = ["Hardatneen"]
within = "aleppo"
evidence = [{ source = "fx", quote = "the village of Hardatneen, north of Aleppo" }]

[[place]]
id = "geneva"
kind = "city"
name = "Geneva"
aliases = ["Genève"]
evidence = [{ source = "fx", quote = "Talks opened in Genève" }]

[[round]]
id = "geneva-iii"
name = "Geneva III"
process = "geneva"
status = "held"
places = ["geneva"]
mediators = ["de-mistura"]
period = { start = { value = "2016-02-01", basis = "derived", quote = "late Monday", derivation = { from = "fx", weekday = "monday", relation = "on_or_before" } } }
evidence = [{ source = "fx", quote = "Talks opened in Genève late Monday" }]

[[round]]
id = "vienna"
name = "Vienna talks"
process = "vienna"
status = "held"
period = { start = { value = "2015", basis = "derived", quote = "last year", derivation = { from = "fx", years = -1 } } }
evidence = [{ source = "fx", quote = "Talks held in Vienna last year" }]

[[event]]
id = "opened"
kind = "talks_opened"
date = { value = "2016-02-01", basis = "derived", quote = "late Monday", derivation = { from = "fx", weekday = "monday", relation = "on_or_before" } }
summary = "Talks open in Geneva"
actors = [{ actor = "de-mistura", role = "mediator" }]
places = ["geneva"]
round = "geneva-iii"
evidence = [{ source = "fx", quote = "Talks opened in Genève late Monday" }]

[[event]]
id = "capture"
kind = "capture"
date = { value = "2016-02-02", basis = "derived", quote = "on Tuesday", derivation = { from = "fx", weekday = "tuesday", relation = "on_or_before" } }
summary = "Government forces take Hardatneen"
places = ["hardatneen"]
evidence = [{ source = "fx", quote = "Government forces took the village of Hardatneen, north of Aleppo, on Tuesday" }]

[[figure]]
id = "deaths-450k"
measure = "deaths"
value = 450000
qualifier = "more_than"
text = "450,000"
scope = "the conflict"
as_of = { value = "2016-02-02", basis = "derived", derivation = { from = "fx", days = 0 } }
evidence = [{ source = "fx", quote = "The conflict has killed more than 450,000 people" }]

[[figure]]
id = "deaths-400k"
measure = "deaths"
value = 400000
qualifier = "about"
text = "400,000"
scope = "another count"
evidence = [{ source = "fx", quote = "Another count gives about 400,000 dead" }]

[[quote]]
id = "waiting"
speaker = "jaafari"
text = "We are waiting to find out the procedural issues,"
said = { value = "2016-02-02", basis = "derived", derivation = { from = "fx", days = 0 } }
audience = "reporters"
round = "geneva-iii"
evidence = [{ source = "fx", quote = "\"We are waiting to find out the procedural issues,\" Ambassador Bashar Al-Jaafari told reporters" }]
"#;

/// The manifest line for a seed.
pub fn manifest_for(bytes: &[u8]) -> String {
    use sha2::{Digest, Sha256};
    let hex: String = Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    format!(
        "[[seed]]\nfile = \"fixture.txt\"\nsha256 = \"{hex}\"\nbytes = {}\n",
        bytes.len()
    )
}

/// Loads the fixture with its records rewritten by `edit`.
pub fn load_with(edit: impl Fn(&str) -> String) -> Result<Dataset, LoadError> {
    let records = edit(RECORDS);
    syriatalks::from_parts(
        &[("fixture.toml", &records)],
        &[("fixture.txt", SEED.as_bytes())],
        Some(&manifest_for(SEED.as_bytes())),
    )
}

/// The fixture, valid.
pub fn fixture() -> Dataset {
    match load_with(str::to_string) {
        Ok(ds) => ds,
        Err(e) => panic!("the fixture must load: {e}"),
    }
}

/// Replaces exactly one occurrence of `from`, failing the test if it is not there exactly once.
pub fn replace_once(text: &str, from: &str, to: &str) -> String {
    assert_eq!(
        text.matches(from).count(),
        1,
        "fixture edit `{from}` must match exactly once"
    );
    text.replacen(from, to, 1)
}
