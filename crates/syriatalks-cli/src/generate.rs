//! `syriatalks generate`: a synthetic corpus of any size in the data format, for measuring the
//! loader and the queries at scale (`scripts/bench-scale`) and for testing layouts and formats.
//!
//! The corpus is valid by construction: every event quotes one sentence of its article (unique in
//! that article, so no quote is ambiguous), every stated date quotes words that occur once in the
//! article, every alias is used by some sentence, and the seed manifest is written by
//! [`syriatalks::manifest_for`]. Output is streamed one article at a time, so memory stays flat
//! whatever the number of events, and the same seed gives the same bytes.
//!
//! Besides the dataset, the folder gets `generated.json` (the parameters, sizes and the benchmark
//! query with the number of rows it must return) and `generated-events.csv` (one row per event:
//! id, first and last day, both actors) so that other tools can be handed the same rows. Neither
//! is a record file, so the loader does not read them.

use std::{
    collections::HashSet,
    fmt::Write as _,
    fs,
    io::{self, BufWriter, Write},
    path::{Path, PathBuf},
};

use clap::{Args as ClapArgs, ValueEnum};

/// The options of `syriatalks generate`.
#[derive(ClapArgs, Debug, Clone)]
pub struct Args {
    /// How many events to write (at least 10).
    #[arg(long)]
    pub events: u64,
    /// The folder to write the dataset into (created; must be empty if it exists).
    #[arg(long, value_name = "DIR")]
    pub out: PathBuf,
    /// One record file per article (plus a registry), or everything in one file.
    #[arg(long, value_enum, default_value_t = Layout::PerArticle)]
    pub layout: Layout,
    /// The format of the record files.
    #[arg(long, value_enum, default_value_t = RecordFormat::Toml)]
    pub format: RecordFormat,
    /// Events per article.
    #[arg(long, default_value_t = 100)]
    pub per_article: u64,
    /// The seed of the pseudo-random choices: the same seed gives the same corpus, byte for byte.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
}

/// How records are spread over files.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Layout {
    /// `registry.*` (sources, actors, places, rounds) and `article-NNNNNN.*` (its events).
    PerArticle,
    /// Everything in `corpus.*`.
    OneFile,
}

/// The format of the record files.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum RecordFormat {
    /// TOML arrays of tables, as docs/DATA.md describes.
    Toml,
    /// JSON Lines: one record per line, an object whose first key is `"type"`.
    Jsonl,
}

impl RecordFormat {
    fn ext(self) -> &'static str {
        match self {
            RecordFormat::Toml => "toml",
            RecordFormat::Jsonl => "jsonl",
        }
    }
}

/// Why a corpus could not be generated.
#[derive(Debug)]
pub enum Error {
    /// Bad options.
    Usage(String),
    /// Writing failed.
    Io(PathBuf, io::Error),
}

impl From<Error> for super::Failure {
    fn from(e: Error) -> Self {
        match e {
            Error::Usage(m) => super::Failure::Usage(m),
            Error::Io(p, e) => super::Failure::Data(format!("{}: {e}", p.display())),
        }
    }
}

/// The benchmark query's window: it straddles Geneva III (February–March 2016).
pub const QUERY_SINCE: &str = "2016-02-01";
/// The end of the benchmark query's window.
pub const QUERY_UNTIL: &str = "2016-03-31";

// ---------------------------------------------------------------------------------------------
// Pseudo-random numbers: SplitMix64, so the corpus depends on nothing but the seed (no crate's
// algorithm can change under us between versions).
// ---------------------------------------------------------------------------------------------

struct Rng(u64);

impl Rng {
    fn new(seed: u64, stream: u64) -> Rng {
        let mut r = Rng(seed ^ stream.wrapping_add(1).wrapping_mul(0xD1B5_4A32_D192_ED03));
        r.next();
        r
    }
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: u64) -> u64 {
        ((u128::from(self.next()) * u128::from(n)) >> 64) as u64
    }
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }
}

// ---------------------------------------------------------------------------------------------
// Civil dates as day numbers (days since 1970-01-01), so date arithmetic needs no dependency.
// ---------------------------------------------------------------------------------------------

fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(m);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (
        if m <= 2 {
            yoe + era * 400 + 1
        } else {
            yoe + era * 400
        },
        m,
        d,
    )
}

fn days_in_month(y: i64, m: u32) -> u32 {
    let next = if m == 12 {
        days_from_civil(y + 1, 1, 1)
    } else {
        days_from_civil(y, m + 1, 1)
    };
    (next - days_from_civil(y, m, 1)) as u32
}

const MONTHS: [&str; 12] = [
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
];

/// A date as the generator writes it: the value, the days it covers, and how the text gives it.
struct GenDate {
    value: String,
    first: i64,
    last: i64,
    /// The words that state it, at the head of the sentence (`None`: inferred, no words).
    phrase: Option<String>,
    qualifier: Option<&'static str>,
}

// ---------------------------------------------------------------------------------------------
// Names. Lists are long enough that every actor and place gets a distinct name; a few carry
// non-ASCII letters so that UTF-8 text and folding are exercised at scale too.
// ---------------------------------------------------------------------------------------------

const FIRST: &[&str] = &[
    "Nabil", "Rami", "Samir", "Yasser", "Omar", "Khaled", "Hassan", "Walid", "Faisal", "Ziad",
    "Munzer", "Riad", "Ahmad", "Anas", "Bassam", "Fadi", "Ghassan", "Hadi", "Imad", "Jamal",
    "Karim", "Louay", "Majd", "Nizar", "Qasim", "Rafiq", "Salim", "Tariq", "Usama", "Wael",
    "Yahya", "Zaher", "Leila", "Rima", "Hind", "Nour", "Salma", "Dima", "Farah", "Huda", "Lina",
    "Maha", "Rana", "Suha", "Élise", "Håkan", "Zoë", "Rāmī",
];

const LAST: &[&str] = &[
    "Hariri",
    "Jaafari",
    "Hijab",
    "Khatib",
    "Asaad",
    "Masri",
    "Halabi",
    "Shami",
    "Homsi",
    "Idlibi",
    "Darwish",
    "Haddad",
    "Nasser",
    "Saleh",
    "Tawil",
    "Qassem",
    "Zoubi",
    "Kurdi",
    "Bakri",
    "Hamwi",
    "Sabbagh",
    "Attar",
    "Najjar",
    "Khoury",
    "Mousa",
    "Hassoun",
    "Rifai",
    "Shishakli",
    "Atassi",
    "Kuzbari",
    "Jabri",
    "Azm",
    "Mardini",
    "Barazi",
    "Dandashi",
    "Tlass",
    "Shihabi",
    "Hakim",
    "Sayegh",
    "Aswad",
    "Abyad",
    "Ahmar",
    "Mahmoud",
    "Yassin",
    "Ibrahim",
    "Yousef",
    "Hamdan",
    "Qadri",
    "Sharif",
    "Ghanem",
    "Othman",
    "Murad",
    "Sultan",
    "Karam",
    "Faris",
    "Jundi",
    "Nahhas",
    "Akkad",
    "Shaar",
    "Ayoubi",
    "Kayyali",
    "Midani",
    "Safadi",
    "Tabbaa",
    "Haffar",
    "Moallem",
    "Jomaa",
    "Bitar",
    "Doumani",
    "Ḥaddād",
    "Ṣabbāgh",
    "Raʿad",
];

const TITLES: &[&str] = &[
    "Ambassador",
    "General",
    "Minister",
    "Sheikh",
    "Colonel",
    "Envoy",
    "Commander",
    "Spokesman",
];

const ORG_ADJ: &[&str] = &[
    "Free",
    "Northern",
    "Southern",
    "Eastern",
    "Western",
    "United",
    "National",
    "Popular",
    "Democratic",
    "Revolutionary",
    "Islamic",
    "Syrian",
    "Independent",
    "Patriotic",
    "Central",
    "Coastal",
];

const ORG_MID: &[&str] = &[
    "Liberation",
    "Unity",
    "Dignity",
    "Salvation",
    "Reform",
    "Victory",
    "Justice",
    "Rescue",
];

/// Organization nouns with the actor kind they make.
const ORG_NOUN: &[(&str, &str)] = &[
    ("Brigade", "armed_group"),
    ("Front", "armed_group"),
    ("Army", "armed_group"),
    ("Battalion", "armed_group"),
    ("Legion", "armed_group"),
    ("Council", "opposition_group"),
    ("Coalition", "opposition_group"),
    ("Committee", "opposition_group"),
    ("Platform", "opposition_group"),
    ("Movement", "opposition_group"),
    ("Relief Society", "ngo"),
    ("Rights Monitor", "ngo"),
];

const STATES: &[&str] = &[
    "Russia",
    "Iran",
    "Turkey",
    "United States",
    "France",
    "United Kingdom",
    "China",
    "Saudi Arabia",
    "Qatar",
    "Jordan",
    "Lebanon",
    "Iraq",
    "Egypt",
    "Germany",
    "Kazakhstan",
    "United Arab Emirates",
    "Israel",
    "Italy",
    "Switzerland",
    "Austria",
    "Algeria",
    "Oman",
    "Kuwait",
    "Norway",
];

const VILLAGE_PREFIX: &[&str] = &[
    "Tell", "Ain", "Kafr", "Deir", "Khirbet", "Jisr", "Maarat", "Bir", "Qasr", "Tal", "Arab", "Ras",
];

const VILLAGE_STEM: &[&str] = &[
    "Hamra", "Nasr", "Zeitun", "Sultan", "Karm", "Abyad", "Jabal", "Nour", "Salam", "Rihan",
    "Dhahab", "Qamar", "Ṣafā", "Ḥalwa", "Tuffah", "Marj", "Wardeh", "Sahl", "Burj", "Sheikh",
    "Rumman", "Tin", "Ward", "Hajar", "Naher", "Ghazal", "Hilal", "Rabi", "Shams", "Kharrub",
    "Adas", "Loz", "Mishmish", "Jawz",
];

/// Syrian governorates (regions), by id and name.
const REGIONS: &[(&str, &str)] = &[
    ("aleppo-governorate", "Aleppo"),
    ("idlib-governorate", "Idlib"),
    ("homs-governorate", "Homs"),
    ("hama-governorate", "Hama"),
    ("daraa-governorate", "Daraa"),
    ("deir-ez-zor-governorate", "Deir ez-Zor"),
    ("raqqa-governorate", "Raqqa"),
    ("hasakah-governorate", "Hasakah"),
    ("latakia-governorate", "Latakia"),
    ("rif-dimashq-governorate", "Rif Dimashq"),
    ("quneitra-governorate", "Quneitra"),
    ("tartus-governorate", "Tartus"),
    ("suwayda-governorate", "Suwayda"),
    ("damascus-governorate", "Damascus"),
];

/// Cities where talks are held: (id, name, country id, country name).
const CITIES: &[(&str, &str, &str, &str)] = &[
    ("geneva", "Geneva", "switzerland", "Switzerland"),
    ("astana", "Astana", "kazakhstan", "Kazakhstan"),
    ("vienna", "Vienna", "austria", "Austria"),
    ("moscow", "Moscow", "russia-country", "Russia"),
];

/// Rounds of talks: (id, name, process, ordinal, city id, first day, last day).
type RoundRow = (
    &'static str,
    &'static str,
    &'static str,
    u32,
    &'static str,
    &'static str,
    &'static str,
);
const ROUNDS: &[RoundRow] = &[
    (
        "geneva-i-2012",
        "Geneva I",
        "geneva",
        1,
        "geneva",
        "2012-06-30",
        "2012-06-30",
    ),
    (
        "geneva-ii-2014",
        "Geneva II",
        "geneva",
        2,
        "geneva",
        "2014-01-22",
        "2014-02-15",
    ),
    (
        "moscow-i-2015",
        "Moscow I",
        "moscow",
        1,
        "moscow",
        "2015-01-26",
        "2015-01-29",
    ),
    (
        "moscow-ii-2015",
        "Moscow II",
        "moscow",
        2,
        "moscow",
        "2015-04-06",
        "2015-04-09",
    ),
    (
        "vienna-i-2015",
        "Vienna I",
        "vienna",
        1,
        "vienna",
        "2015-10-30",
        "2015-10-30",
    ),
    (
        "vienna-ii-2015",
        "Vienna II",
        "vienna",
        2,
        "vienna",
        "2015-11-14",
        "2015-11-14",
    ),
    (
        "geneva-iii-2016",
        "Geneva III",
        "geneva",
        3,
        "geneva",
        "2016-02-01",
        "2016-02-03",
    ),
    (
        "geneva-iii-2016-03",
        "Geneva III (March)",
        "geneva",
        3,
        "geneva",
        "2016-03-14",
        "2016-03-24",
    ),
    (
        "geneva-iii-2016-04",
        "Geneva III (April)",
        "geneva",
        3,
        "geneva",
        "2016-04-13",
        "2016-04-27",
    ),
    (
        "astana-i-2017",
        "Astana I",
        "astana",
        1,
        "astana",
        "2017-01-23",
        "2017-01-24",
    ),
    (
        "astana-ii-2017",
        "Astana II",
        "astana",
        2,
        "astana",
        "2017-02-15",
        "2017-02-16",
    ),
    (
        "geneva-iv-2017",
        "Geneva IV",
        "geneva",
        4,
        "geneva",
        "2017-02-23",
        "2017-03-03",
    ),
    (
        "astana-iii-2017",
        "Astana III",
        "astana",
        3,
        "astana",
        "2017-03-14",
        "2017-03-15",
    ),
    (
        "geneva-v-2017",
        "Geneva V",
        "geneva",
        5,
        "geneva",
        "2017-03-23",
        "2017-03-31",
    ),
    (
        "astana-iv-2017",
        "Astana IV",
        "astana",
        4,
        "astana",
        "2017-05-03",
        "2017-05-04",
    ),
    (
        "geneva-vi-2017",
        "Geneva VI",
        "geneva",
        6,
        "geneva",
        "2017-05-16",
        "2017-05-19",
    ),
    (
        "astana-v-2017",
        "Astana V",
        "astana",
        5,
        "astana",
        "2017-07-04",
        "2017-07-05",
    ),
    (
        "geneva-vii-2017",
        "Geneva VII",
        "geneva",
        7,
        "geneva",
        "2017-07-10",
        "2017-07-14",
    ),
    (
        "astana-vi-2017",
        "Astana VI",
        "astana",
        6,
        "astana",
        "2017-09-14",
        "2017-09-15",
    ),
    (
        "astana-vii-2017",
        "Astana VII",
        "astana",
        7,
        "astana",
        "2017-10-30",
        "2017-10-31",
    ),
    (
        "geneva-viii-2017",
        "Geneva VIII",
        "geneva",
        8,
        "geneva",
        "2017-11-28",
        "2017-12-14",
    ),
    (
        "astana-viii-2017",
        "Astana VIII",
        "astana",
        8,
        "astana",
        "2017-12-21",
        "2017-12-22",
    ),
];

/// Event sentence templates: kind, the two actors' roles, and the words between them
/// (`{a} … {b} … {p}`), plus the one-line summary pattern.
struct Template {
    kind: &'static str,
    roles: [&'static str; 2],
    /// Sentence pieces: `{a}` + .0 + `{b}` + .1 + `{p}`.
    text: (&'static str, &'static str),
}

const TEMPLATES: &[Template] = &[
    Template {
        kind: "meeting_held",
        roles: ["participant", "participant"],
        text: (" met ", " in "),
    },
    Template {
        kind: "statement",
        roles: ["agent", "target"],
        text: (" accused ", " of breaking the truce near "),
    },
    Template {
        kind: "capture",
        roles: ["agent", "target"],
        text: (" took control from ", " of "),
    },
    Template {
        kind: "offensive",
        roles: ["agent", "target"],
        text: (" launched an offensive against ", " around "),
    },
    Template {
        kind: "ceasefire_agreed",
        roles: ["participant", "participant"],
        text: (" and ", " agreed a local truce in "),
    },
    Template {
        kind: "talks_opened",
        roles: ["participant", "participant"],
        text: (" opened talks with ", " in "),
    },
    Template {
        kind: "boycott",
        roles: ["agent", "target"],
        text: (" refused to sit with ", " in "),
    },
    Template {
        kind: "proposal_presented",
        roles: ["agent", "target"],
        text: (" presented a proposal to ", " in "),
    },
    Template {
        kind: "evacuation",
        roles: ["participant", "participant"],
        text: (" and ", " oversaw the evacuation of civilians from "),
    },
    Template {
        kind: "report_released",
        roles: ["agent", "target"],
        text: (" released a report on ", " covering "),
    },
    Template {
        kind: "agreement_reached",
        roles: ["participant", "participant"],
        text: (" signed an agreement with ", " in "),
    },
    Template {
        kind: "talks_delayed",
        roles: ["agent", "participant"],
        text: (" postponed talks with ", " in "),
    },
];

const OUTLET: &str = "Synthetic Syria Wire";

// ---------------------------------------------------------------------------------------------
// The registry: actors and places, built once (a few thousand entries at most).
// ---------------------------------------------------------------------------------------------

struct Actor {
    id: String,
    kind: &'static str,
    name: String,
    aliases: Vec<String>,
}

struct Place {
    id: String,
    kind: &'static str,
    name: String,
    /// The words that follow the place's name in a sentence (", Idlib"), naming what it lies in.
    context: String,
    within: Option<String>,
    /// Whether events happen here (villages and cities); their names are then aliases, which
    /// occur in the text.
    eventful: bool,
}

/// How many actors a corpus of `events` gets: a few hundred to a few thousand, never more than
/// the events can mention (every alias must occur in some sentence).
fn actor_count(events: u64) -> usize {
    let want = (events / 300).clamp(300, 3000);
    want.min((2 * events / 3).max(4)) as usize
}

fn village_count(events: u64) -> usize {
    let want = (events / 2500).clamp(40, 400);
    want.min(events.saturating_sub(CITIES.len() as u64).max(1)) as usize
}

fn make_actors(n: usize) -> Vec<Actor> {
    let n_states = STATES.len().min(n / 4);
    (0..n)
        .map(|k| {
            let id = format!("actor-{k:04}");
            if k < n_states {
                let name = STATES[k].to_string();
                return Actor {
                    id,
                    kind: "state",
                    aliases: vec![name.clone()],
                    name,
                };
            }
            let j = k - n_states;
            if j % 3 == 2 {
                let o = j / 3;
                let adj = ORG_ADJ[o % ORG_ADJ.len()];
                let mid = ORG_MID[(o / ORG_ADJ.len()) % ORG_MID.len()];
                let (noun, kind) = ORG_NOUN[(o / (ORG_ADJ.len() * ORG_MID.len())) % ORG_NOUN.len()];
                let name = format!("{adj} {mid} {noun}");
                let acronym: String = name.split(' ').filter_map(|w| w.chars().next()).collect();
                Actor {
                    id,
                    kind,
                    aliases: vec![name.clone(), acronym],
                    name,
                }
            } else {
                let p = j - (j + 1) / 3;
                let first = FIRST[p % FIRST.len()];
                let li = (p / FIRST.len()) % LAST.len();
                let last = LAST[li];
                let title = TITLES[p % TITLES.len()];
                // A third of the family names carry the Arabic article, with the plain form as
                // an alias, as the corpus writes "Bashar al-Jaafari" and "Bashar Jaafari".
                let (name, mut aliases) = if li % 3 == 0 {
                    let name = format!("{first} al-{last}");
                    (name.clone(), vec![name, format!("{first} {last}")])
                } else {
                    let name = format!("{first} {last}");
                    (name.clone(), vec![name])
                };
                aliases.push(format!("{title} {name}"));
                Actor {
                    id,
                    kind: "person",
                    name,
                    aliases,
                }
            }
        })
        .collect()
}

fn make_places(villages: usize) -> Vec<Place> {
    let mut v = vec![Place {
        id: "syria".into(),
        kind: "country",
        name: "Syria".into(),
        context: String::new(),
        within: None,
        eventful: false,
    }];
    for (id, name) in REGIONS {
        v.push(Place {
            id: (*id).into(),
            kind: "region",
            name: (*name).into(),
            context: String::new(),
            within: Some("syria".into()),
            eventful: false,
        });
    }
    for (id, name, cid, cname) in CITIES {
        v.push(Place {
            id: (*cid).into(),
            kind: "country",
            name: (*cname).into(),
            context: String::new(),
            within: None,
            eventful: false,
        });
        v.push(Place {
            id: (*id).into(),
            kind: "city",
            name: (*name).into(),
            context: format!(", {cname}"),
            within: Some((*cid).into()),
            eventful: true,
        });
    }
    for k in 0..villages {
        let name = format!(
            "{} {}",
            VILLAGE_PREFIX[k % VILLAGE_PREFIX.len()],
            VILLAGE_STEM[(k / VILLAGE_PREFIX.len()) % VILLAGE_STEM.len()]
        );
        let (rid, rname) = REGIONS[k % REGIONS.len()];
        v.push(Place {
            id: format!("village-{k:03}"),
            kind: "village",
            name,
            context: format!(", {rname}"),
            within: Some(rid.into()),
            eventful: true,
        });
    }
    v
}

// ---------------------------------------------------------------------------------------------
// Records: one small tree per record, written as TOML or as one JSON line, so both formats hold
// exactly the same fields in the same order.
// ---------------------------------------------------------------------------------------------

enum V {
    S(String),
    I(i64),
    A(Vec<V>),
    T(Vec<(&'static str, V)>),
}

fn s(x: impl Into<String>) -> V {
    V::S(x.into())
}

struct Rec {
    ty: &'static str,
    fields: Vec<(&'static str, V)>,
}

fn toml_str(out: &mut String, x: &str) {
    out.push('"');
    for c in x.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 || c == '\u{7f}' => {
                let _ = write!(out, "\\u{:04X}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

fn json_str(out: &mut String, x: &str) {
    out.push('"');
    for c in x.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

fn toml_value(out: &mut String, v: &V) {
    match v {
        V::S(x) => toml_str(out, x),
        V::I(n) => {
            let _ = write!(out, "{n}");
        }
        V::A(items) => {
            out.push('[');
            for (i, x) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                toml_value(out, x);
            }
            out.push(']');
        }
        V::T(fields) => {
            out.push_str("{ ");
            for (i, (k, x)) in fields.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                out.push_str(k);
                out.push_str(" = ");
                toml_value(out, x);
            }
            out.push_str(" }");
        }
    }
}

fn json_value(out: &mut String, v: &V) {
    match v {
        V::S(x) => json_str(out, x),
        V::I(n) => {
            let _ = write!(out, "{n}");
        }
        V::A(items) => {
            out.push('[');
            for (i, x) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                json_value(out, x);
            }
            out.push(']');
        }
        V::T(fields) => {
            out.push('{');
            for (i, (k, x)) in fields.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                json_str(out, k);
                out.push(':');
                json_value(out, x);
            }
            out.push('}');
        }
    }
}

impl Rec {
    fn write(&self, format: RecordFormat, out: &mut String) {
        match format {
            RecordFormat::Toml => {
                let _ = writeln!(out, "[[{}]]", self.ty);
                for (k, v) in &self.fields {
                    out.push_str(k);
                    out.push_str(" = ");
                    toml_value(out, v);
                    out.push('\n');
                }
                out.push('\n');
            }
            RecordFormat::Jsonl => {
                out.push_str("{\"type\":");
                json_str(out, self.ty);
                for (k, v) in &self.fields {
                    out.push(',');
                    json_str(out, k);
                    out.push(':');
                    json_value(out, v);
                }
                out.push_str("}\n");
            }
        }
    }
}

fn synthetic_ref() -> V {
    V::A(vec![V::T(vec![
        ("title", s("Synthetic registry of `syriatalks generate`")),
        (
            "reference",
            s("generated for benchmarks; not a description of real people or places"),
        ),
    ])])
}

fn actor_rec(a: &Actor) -> Rec {
    Rec {
        ty: "actor",
        fields: vec![
            ("id", s(&a.id)),
            ("kind", s(a.kind)),
            ("name", s(&a.name)),
            ("aliases", V::A(a.aliases.iter().map(s).collect())),
            ("external", synthetic_ref()),
        ],
    }
}

fn place_rec(p: &Place) -> Rec {
    let mut fields = vec![("id", s(&p.id)), ("kind", s(p.kind)), ("name", s(&p.name))];
    if p.eventful {
        fields.push(("aliases", V::A(vec![s(&p.name)])));
    }
    if let Some(w) = &p.within {
        fields.push(("within", s(w)));
    }
    fields.push(("external", synthetic_ref()));
    Rec {
        ty: "place",
        fields,
    }
}

fn round_rec(r: &RoundRow) -> Rec {
    let (id, name, process, ordinal, city, first, last) = *r;
    let date = |v: &str| {
        V::T(vec![
            ("value", s(v)),
            ("basis", s("external")),
            (
                "reference",
                s("synthetic calendar of `syriatalks generate`"),
            ),
        ])
    };
    Rec {
        ty: "round",
        fields: vec![
            ("id", s(id)),
            ("name", s(name)),
            ("process", s(process)),
            ("ordinal", V::I(i64::from(ordinal))),
            ("status", s("held")),
            (
                "period",
                V::T(vec![("start", date(first)), ("end", date(last))]),
            ),
            ("places", V::A(vec![s(city)])),
            ("external", synthetic_ref()),
        ],
    }
}

/// What an article says about itself, drawn first from its own random stream so that the
/// sources can be written before the events (one file holds sources ahead of events).
struct ArticleHead {
    published: i64,
}

fn article_rng(seed: u64, a: u64) -> Rng {
    Rng::new(seed, a)
}

/// Articles appear from 2012 to the end of 2017 and report the year before them, so events
/// spread over 2011–2017.
fn article_head(rng: &mut Rng) -> ArticleHead {
    let lo = days_from_civil(2012, 1, 1);
    let hi = days_from_civil(2018, 1, 1);
    ArticleHead {
        published: lo + rng.below((hi - lo) as u64) as i64,
    }
}

fn day_words(z: i64) -> String {
    let (y, m, d) = civil_from_days(z);
    format!("{d} {} {y}", MONTHS[m as usize - 1])
}

fn iso(z: i64) -> String {
    let (y, m, d) = civil_from_days(z);
    format!("{y:04}-{m:02}-{d:02}")
}

fn title_of(a: u64) -> String {
    format!("Syria dispatch {a:06}: reports from the talks and the front")
}

fn source_rec(a: u64, head: &ArticleHead) -> Rec {
    Rec {
        ty: "source",
        fields: vec![
            ("id", s(format!("src-{a:06}"))),
            ("file", s(format!("article-{a:06}.txt"))),
            (
                "title",
                V::T(vec![("value", s(title_of(a))), ("basis", s("stated"))]),
            ),
            (
                "outlet",
                V::T(vec![
                    ("value", s(OUTLET)),
                    ("basis", s("stated")),
                    ("quote", s(format!("(c) {OUTLET}"))),
                ]),
            ),
            (
                "published",
                V::T(vec![
                    ("value", s(iso(head.published))),
                    ("basis", s("stated")),
                    (
                        "quote",
                        s(format!("Published {}", day_words(head.published))),
                    ),
                ]),
            ),
            (
                "note",
                s("Synthetic article written by `syriatalks generate` for benchmarks."),
            ),
        ],
    }
}

/// Draws an event's date in the year before its article, with the words that state it unique in
/// the article (`used` holds the phrases already taken).
fn draw_date(rng: &mut Rng, head: &ArticleHead, used: &mut HashSet<String>) -> GenDate {
    let lo = (head.published - 365).max(days_from_civil(2011, 1, 1));
    let hi = head.published; // exclusive
    for _ in 0..64 {
        let z = lo + rng.below((hi - lo).max(1) as u64) as i64;
        let (y, m, _) = civil_from_days(z);
        let roll = rng.unit();
        let d = if roll < 0.85 {
            let phrase = format!("On {}", day_words(z));
            GenDate {
                value: iso(z),
                first: z,
                last: z,
                phrase: Some(phrase),
                qualifier: None,
            }
        } else if roll < 0.90 {
            let q = match rng.below(10) {
                0 => Some("early"),
                1 => Some("mid"),
                2 => Some("late"),
                _ => None,
            };
            let month = MONTHS[m as usize - 1];
            let phrase = match q {
                Some(q) => format!("In {q} {month} {y}"),
                None => format!("In {month} {y}"),
            };
            let first = days_from_civil(y, m, 1);
            GenDate {
                value: format!("{y:04}-{m:02}"),
                first,
                last: first + i64::from(days_in_month(y, m)) - 1,
                phrase: Some(phrase),
                qualifier: q,
            }
        } else if roll < 0.93 {
            GenDate {
                value: format!("{y:04}"),
                first: days_from_civil(y, 1, 1),
                last: days_from_civil(y + 1, 1, 1) - 1,
                phrase: Some(format!("In {y}")),
                qualifier: None,
            }
        } else if roll < 0.965 {
            return GenDate {
                value: iso(z),
                first: z,
                last: z,
                phrase: None,
                qualifier: None,
            };
        } else {
            let first = days_from_civil(y, m, 1);
            return GenDate {
                value: format!("{y:04}-{m:02}"),
                first,
                last: first + i64::from(days_in_month(y, m)) - 1,
                phrase: None,
                qualifier: None,
            };
        };
        let phrase = d.phrase.clone().unwrap_or_default();
        if used.insert(phrase) {
            return d;
        }
    }
    // Every phrase drawn was taken (a tiny window): fall back on a date without words.
    GenDate {
        value: iso(lo),
        first: lo,
        last: lo,
        phrase: None,
        qualifier: None,
    }
}

// ---------------------------------------------------------------------------------------------
// Output files.
// ---------------------------------------------------------------------------------------------

/// A buffered file that counts the bytes written to it.
struct Out {
    path: PathBuf,
    w: BufWriter<fs::File>,
    bytes: u64,
}

impl Out {
    fn create(path: PathBuf) -> Result<Out, Error> {
        let f = fs::File::create(&path).map_err(|e| Error::Io(path.clone(), e))?;
        Ok(Out {
            w: BufWriter::with_capacity(1 << 20, f),
            path,
            bytes: 0,
        })
    }
    fn put(&mut self, text: &str) -> Result<(), Error> {
        self.bytes += text.len() as u64;
        self.w
            .write_all(text.as_bytes())
            .map_err(|e| Error::Io(self.path.clone(), e))
    }
    fn finish(mut self) -> Result<u64, Error> {
        self.w
            .flush()
            .map_err(|e| Error::Io(self.path.clone(), e))?;
        Ok(self.bytes)
    }
}

/// What a run wrote, for `generated.json` and the summary line.
#[derive(Debug)]
pub struct Summary {
    /// Events written.
    pub events: u64,
    /// Articles (seed files and sources) written.
    pub articles: u64,
    /// Actors in the registry.
    pub actors: usize,
    /// Places in the registry.
    pub places: usize,
    /// Bytes of record files.
    pub record_bytes: u64,
    /// Bytes of seed files, manifest included.
    pub seed_bytes: u64,
    /// The benchmark query's actor (id, name) and the number of events it must return.
    pub query_actor: (String, String),
    /// Rows the benchmark query returns.
    pub query_rows: u64,
}

fn check_out_dir(dir: &Path) -> Result<(), Error> {
    if dir.exists() {
        let mut entries = fs::read_dir(dir).map_err(|e| Error::Io(dir.to_path_buf(), e))?;
        if entries.next().is_some() {
            return Err(Error::Usage(format!(
                "{} is not empty: generate writes into a new or empty folder",
                dir.display()
            )));
        }
    }
    fs::create_dir_all(dir.join("seeds")).map_err(|e| Error::Io(dir.to_path_buf(), e))
}

/// Writes a corpus as `args` say and returns what was written.
pub fn generate(args: &Args) -> Result<Summary, Error> {
    if args.events < 10 {
        return Err(Error::Usage("--events must be at least 10".into()));
    }
    if args.per_article == 0 || args.per_article > 100_000 {
        return Err(Error::Usage(
            "--per-article must be between 1 and 100000".into(),
        ));
    }
    let dir = &args.out;
    check_out_dir(dir)?;
    let ext = args.format.ext();
    let n_articles = args.events.div_ceil(args.per_article);
    let actors = make_actors(actor_count(args.events));
    let places = make_places(village_count(args.events));
    let eventful: Vec<usize> = (0..places.len()).filter(|&i| places[i].eventful).collect();

    // Actors are drawn by a Zipf law (weight 1/rank), as news names a few actors often and most
    // rarely: the benchmark query can then pick an actor with about a hundred rows at 1M events.
    let mut cdf = Vec::with_capacity(actors.len());
    let mut total = 0.0;
    for k in 0..actors.len() {
        total += 1.0 / (k as f64 + 1.0);
        cdf.push(total);
    }
    // Every (actor, alias) pair is used once by the first events, so that every alias occurs.
    let max_aliases = actors.iter().map(|a| a.aliases.len()).max().unwrap_or(1);
    let cover_slots = (actors.len() * max_aliases) as u64;

    let mut record_bytes = 0;
    let mut buf = String::with_capacity(1 << 16);
    let mut registry = Out::create(dir.join(match args.layout {
        Layout::PerArticle => format!("registry.{ext}"),
        Layout::OneFile => format!("corpus.{ext}"),
    }))?;
    if args.format == RecordFormat::Toml {
        registry.put(
            "# A synthetic corpus written by `syriatalks generate`; see generated.json.\n\n",
        )?;
    }
    for a in 0..n_articles {
        let head = article_head(&mut article_rng(args.seed, a));
        buf.clear();
        source_rec(a, &head).write(args.format, &mut buf);
        registry.put(&buf)?;
    }
    for r in actors
        .iter()
        .map(actor_rec)
        .chain(places.iter().map(place_rec))
    {
        buf.clear();
        r.write(args.format, &mut buf);
        registry.put(&buf)?;
    }
    for r in ROUNDS {
        buf.clear();
        round_rec(r).write(args.format, &mut buf);
        registry.put(&buf)?;
    }
    let round_days: Vec<(i64, i64)> = ROUNDS
        .iter()
        .map(|r| (parse_iso(r.5), parse_iso(r.6)))
        .collect();

    let (q_first, q_last) = (parse_iso(QUERY_SINCE), parse_iso(QUERY_UNTIL));
    let mut in_window = vec![0u64; actors.len()];
    let mut csv = Out::create(dir.join("generated-events.csv"))?;
    csv.put("id,first,last,actor_0,actor_1\n")?;
    let mut seed_bytes = 0;
    let mut used = HashSet::new();
    let mut text = String::with_capacity(1 << 16);
    let mut csv_buf = String::with_capacity(1 << 16);
    let mut i: u64 = 0;
    for a in 0..n_articles {
        let mut rng = article_rng(args.seed, a);
        let head = article_head(&mut rng);
        let n = args.per_article.min(args.events - i);
        let src = format!("src-{a:06}");
        used.clear();
        text.clear();
        buf.clear();
        csv_buf.clear();
        let _ = write!(
            text,
            "{}\nPublished {}.\n\n",
            title_of(a),
            day_words(head.published)
        );
        for j in 0..n {
            let pick = |slot: u64, rng: &mut Rng| -> (usize, usize) {
                let q = 2 * i + slot;
                if q < cover_slots {
                    let k = (q % actors.len() as u64) as usize;
                    let alias = (q / actors.len() as u64) as usize;
                    (k, alias.min(actors[k].aliases.len() - 1))
                } else {
                    let u = rng.unit() * total;
                    let k = cdf.partition_point(|&c| c < u).min(actors.len() - 1);
                    (k, rng.below(actors[k].aliases.len() as u64) as usize)
                }
            };
            let (a0, al0) = pick(0, &mut rng);
            let (mut a1, mut al1) = pick(1, &mut rng);
            while a1 == a0 {
                a1 = rng.below(actors.len() as u64) as usize;
                al1 = 0;
            }
            let place = if i < eventful.len() as u64 {
                eventful[i as usize]
            } else {
                *rng.pick(&eventful)
            };
            let t = rng.pick(TEMPLATES);
            let date = draw_date(&mut rng, &head, &mut used);
            let p = &places[place];
            let lead = date.phrase.as_deref().unwrap_or("Later");
            let sentence = format!(
                "{lead}, {}{}{}{}{}{}, according to report {}.",
                actors[a0].aliases[al0],
                t.text.0,
                actors[a1].aliases[al1],
                t.text.1,
                p.name,
                p.context,
                j + 1
            );
            text.push_str(&sentence);
            text.push_str(if j % 5 == 4 { "\n\n" } else { " " });

            let mut dv = vec![("value", s(&date.value))];
            match &date.phrase {
                Some(phrase) => {
                    dv.push(("basis", s("stated")));
                    if let Some(q) = date.qualifier {
                        dv.push(("qualifier", s(q)));
                    }
                    dv.push(("quote", s(phrase)));
                }
                None => {
                    dv.push(("basis", s("inferred")));
                    dv.push((
                        "note",
                        s("Not dated in the sentence: read from the dispatch, which reports in date order."),
                    ));
                }
            }
            let summary = format!(
                "{}{}{}{}{}",
                actors[a0].name, t.text.0, actors[a1].name, t.text.1, p.name
            );
            let id = format!("ev-{i:07}");
            let mut fields = vec![
                ("id", s(&id)),
                ("kind", s(t.kind)),
                ("date", V::T(dv)),
                ("summary", s(summary)),
                (
                    "actors",
                    V::A(vec![
                        V::T(vec![("actor", s(&actors[a0].id)), ("role", s(t.roles[0]))]),
                        V::T(vec![("actor", s(&actors[a1].id)), ("role", s(t.roles[1]))]),
                    ]),
                ),
                ("places", V::A(vec![s(&p.id)])),
            ];
            if let Some(r) = round_days
                .iter()
                .position(|&(f, l)| date.first >= f && date.last <= l)
            {
                fields.push(("round", s(ROUNDS[r].0)));
            }
            fields.push((
                "evidence",
                V::A(vec![V::T(vec![
                    ("source", s(&src)),
                    ("quote", s(sentence)),
                ])]),
            ));
            Rec {
                ty: "event",
                fields,
            }
            .write(args.format, &mut buf);

            if date.first <= q_last && date.last >= q_first {
                in_window[a0] += 1;
                in_window[a1] += 1;
            }
            let _ = writeln!(
                csv_buf,
                "{id},{},{},{},{}",
                iso(date.first),
                iso(date.last),
                actors[a0].id,
                actors[a1].id
            );
            i += 1;
        }
        let _ = writeln!(text, "(c) {OUTLET}");
        let seed_path = dir.join("seeds").join(format!("article-{a:06}.txt"));
        fs::write(&seed_path, &text).map_err(|e| Error::Io(seed_path, e))?;
        seed_bytes += text.len() as u64;
        match args.layout {
            Layout::OneFile => registry.put(&buf)?,
            Layout::PerArticle => {
                let mut f = Out::create(dir.join(format!("article-{a:06}.{ext}")))?;
                if args.format == RecordFormat::Toml {
                    f.put(&format!(
                        "# Events of {src} (seeds/article-{a:06}.txt).\n\n"
                    ))?;
                }
                f.put(&buf)?;
                record_bytes += f.finish()?;
            }
        }
        csv.put(&csv_buf)?;
    }
    record_bytes += registry.finish()?;
    csv.finish()?;

    let manifest_path = dir.join("seeds").join(syriatalks::MANIFEST_FILE);
    let manifest =
        syriatalks::manifest_for(dir.join("seeds")).map_err(|e| Error::Io(dir.join("seeds"), e))?;
    fs::write(&manifest_path, &manifest).map_err(|e| Error::Io(manifest_path, e))?;
    seed_bytes += manifest.len() as u64;

    // The benchmark actor: the one whose row count is nearest a hundred per million events, so
    // the query is selective at every size (ties go to the more frequent actor).
    let target = (args.events as f64 / 10_000.0).max(1.0);
    let x = (0..actors.len())
        .min_by(|&p, &q| {
            let dp = (in_window[p] as f64 - target).abs();
            let dq = (in_window[q] as f64 - target).abs();
            dp.total_cmp(&dq).then(p.cmp(&q))
        })
        .unwrap_or(0);
    let summary = Summary {
        events: args.events,
        articles: n_articles,
        actors: actors.len(),
        places: places.len(),
        record_bytes,
        seed_bytes,
        query_actor: (actors[x].id.clone(), actors[x].name.clone()),
        query_rows: in_window[x],
    };
    let info = serde_json::json!({
        "generator": format!("syriatalks generate {}", syriatalks::VERSION),
        "command": format!(
            "syriatalks generate --events {} --out {} --layout {} --format {} --per-article {} --seed {}",
            args.events,
            dir.display(),
            match args.layout { Layout::PerArticle => "per-article", Layout::OneFile => "one-file" },
            ext,
            args.per_article,
            args.seed
        ),
        "events": args.events,
        "articles": n_articles,
        "per_article": args.per_article,
        "seed": args.seed,
        "layout": match args.layout { Layout::PerArticle => "per-article", Layout::OneFile => "one-file" },
        "format": ext,
        "actors": actors.len(),
        "places": places.len(),
        "rounds": ROUNDS.len(),
        "record_bytes": record_bytes,
        "seed_bytes": seed_bytes,
        "input_bytes": record_bytes + seed_bytes,
        "query": {
            "since": QUERY_SINCE,
            "until": QUERY_UNTIL,
            "actor": summary.query_actor.0,
            "actor_name": summary.query_actor.1,
            "rows": summary.query_rows,
        },
    });
    let info_path = dir.join("generated.json");
    let text = serde_json::to_string_pretty(&info).unwrap_or_default() + "\n";
    fs::write(&info_path, text).map_err(|e| Error::Io(info_path, e))?;
    Ok(summary)
}

fn parse_iso(s: &str) -> i64 {
    let mut it = s.split('-').map(|p| p.parse::<i64>().unwrap_or(1));
    let (y, m, d) = (
        it.next().unwrap_or(1970),
        it.next().unwrap_or(1),
        it.next().unwrap_or(1),
    );
    days_from_civil(y, m as u32, d as u32)
}

/// `syriatalks generate`: writes the corpus and prints what it wrote.
pub fn run(args: &Args, out: &mut dyn Write) -> Result<(), super::Failure> {
    let started = std::time::Instant::now();
    let s = generate(args)?;
    let mb = |b: u64| b as f64 / 1e6;
    writeln!(
        out,
        "wrote {} events in {} articles ({} actors, {} places, {} rounds) to {} in {:.1} s: \
         {:.1} MB of records, {:.1} MB of seeds",
        s.events,
        s.articles,
        s.actors,
        s.places,
        ROUNDS.len(),
        args.out.display(),
        started.elapsed().as_secs_f64(),
        mb(s.record_bytes),
        mb(s.seed_bytes)
    )?;
    writeln!(
        out,
        "benchmark query: since {QUERY_SINCE} until {QUERY_UNTIL} actor {} ({}) -> {} events",
        s.query_actor.0, s.query_actor.1, s.query_rows
    )?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn civil_days_round_trip() {
        for z in [-1, 0, 59, 365, 16_000, 17_000, 20_000] {
            let (y, m, d) = civil_from_days(z);
            assert_eq!(days_from_civil(y, m, d), z);
        }
        assert_eq!(days_from_civil(2016, 2, 1), 16_832);
        assert_eq!(days_in_month(2016, 2), 29);
        assert_eq!(days_in_month(2017, 2), 28);
    }

    #[test]
    fn names_are_distinct() {
        let actors = make_actors(3000);
        let names: HashSet<&str> = actors.iter().map(|a| a.name.as_str()).collect();
        assert_eq!(names.len(), actors.len());
        let places = make_places(400);
        let names: HashSet<&str> = places.iter().map(|p| p.name.as_str()).collect();
        // Country and region names may coincide with nothing else; villages are all distinct.
        assert_eq!(names.len(), places.len());
    }
}
