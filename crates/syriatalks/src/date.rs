//! Partial dates with precision, their basis, weekday arithmetic and overlap rules.
//!
//! News text dates things loosely ("on Tuesday", "last year", "early September"), so a date here is
//! a year, a year-month or a day, never padded to a fake 1 January. A date that the text gives only
//! relative to something else carries a [`Derivation`] that the loader recomputes with chrono.

use std::{cmp::Ordering, fmt, str::FromStr};

use chrono::{Datelike, Days, NaiveDate, Weekday};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::evidence::Evidence;
use crate::vocab::vocab;

vocab!(
    /// Whether a record certainly or only possibly falls where a question asks: within a date
    /// range (its days lie inside it, or only touch it), or in session on a date.
    Certainty, "certainty" {
        /// The data says so: every day the record may cover lies in the range.
        Certain = "certain",
        /// The data allows it: some day the record may cover lies in the range.
        Possible = "possible",
    }
);

impl Default for Certainty {
    /// `possible`: a range filter keeps every record that may fall in it.
    fn default() -> Self {
        Certainty::Possible
    }
}

vocab!(
    /// How precisely a [`PartialDate`] is known.
    Precision, "date precision" {
        /// Only the year is known.
        Year = "year",
        /// The year and month are known.
        Month = "month",
        /// The calendar day is known.
        Day = "day",
    }
);

vocab!(
    /// Where a date (or another attested value) comes from.
    Basis, "basis" {
        /// The text states it in so many words ("On 23 February", "July 15, 2017").
        Stated = "stated",
        /// Computed from another date by a [`Derivation`] (weekday arithmetic, "the following day").
        Derived = "derived",
        /// Read from context without being stated; a note says how.
        Inferred = "inferred",
        /// From a named public document outside the seeds; `reference` names it.
        External = "external",
    }
);

vocab!(
    /// A softener the text puts on a date ("early September").
    DateQualifier, "date qualifier" {
        /// The first part of the period.
        Early = "early",
        /// The middle of the period.
        Mid = "mid",
        /// The last part of the period.
        Late = "late",
        /// Around that time.
        About = "about",
    }
);

vocab!(
    /// Which way a weekday is looked for from the anchor date.
    Relation, "weekday relation" {
        /// The anchor itself if it is that weekday, else the latest one before ("on Tuesday").
        OnOrBefore = "on_or_before",
        /// Strictly before the anchor ("this past Sunday").
        Before = "before",
        /// The anchor itself if it is that weekday, else the next one ("at Thursday's session").
        OnOrAfter = "on_or_after",
        /// Strictly after the anchor ("next Monday").
        After = "after",
    }
);

/// The years a date may have (inclusive): what `YYYY` can write, less year 0. Parsing refuses
/// others and so does [`Derivation::apply`], so every date displays as text that parses back.
pub const YEARS: (i32, i32) = (1, 9999);

/// How a [`DateError`] message begins, so a loader can tell a date problem from a syntax one.
pub(crate) const DATE_ERROR_PREFIX: &str = "bad date `";

/// A malformed or impossible date.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("bad date `{text}`: {reason}")]
pub struct DateError {
    /// The text that was given.
    pub text: String,
    /// What is wrong with it.
    pub reason: String,
}

/// A calendar date known to a year, a month or a day.
///
/// Ordering is chronological by first day, a coarser date sorting before a finer one that starts on
/// the same day (so `2016` < `2016-01` < `2016-01-01`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct PartialDate {
    year: i32,
    month: Option<u32>,
    day: Option<u32>,
}

impl PartialDate {
    /// A year-precision date.
    pub fn year(year: i32) -> Self {
        PartialDate {
            year,
            month: None,
            day: None,
        }
    }

    /// A month-precision date; `None` if `month` is not 1–12.
    pub fn month(year: i32, month: u32) -> Option<Self> {
        (1..=12).contains(&month).then_some(PartialDate {
            year,
            month: Some(month),
            day: None,
        })
    }

    /// A day-precision date; `None` if it is not a real calendar day.
    pub fn day(year: i32, month: u32, day: u32) -> Option<Self> {
        NaiveDate::from_ymd_opt(year, month, day).map(Self::from)
    }

    /// The year.
    pub fn year_value(&self) -> i32 {
        self.year
    }

    /// The month (1–12), when known.
    pub fn month_value(&self) -> Option<u32> {
        self.month
    }

    /// The day of the month, when known.
    pub fn day_value(&self) -> Option<u32> {
        self.day
    }

    /// How precisely this date is known.
    pub fn precision(&self) -> Precision {
        match (self.month, self.day) {
            (_, Some(_)) => Precision::Day,
            (Some(_), None) => Precision::Month,
            _ => Precision::Year,
        }
    }

    /// The calendar day, only when the precision is a day.
    pub fn as_naive(&self) -> Option<NaiveDate> {
        self.day
            .and_then(|d| NaiveDate::from_ymd_opt(self.year, self.month?, d))
    }

    /// The first calendar day this date covers.
    pub fn first_day(&self) -> NaiveDate {
        NaiveDate::from_ymd_opt(self.year, self.month.unwrap_or(1), self.day.unwrap_or(1))
            .unwrap_or(NaiveDate::MIN)
    }

    /// The last calendar day this date covers.
    pub fn last_day(&self) -> NaiveDate {
        match (self.month, self.day) {
            (Some(m), Some(d)) => NaiveDate::from_ymd_opt(self.year, m, d),
            (Some(m), None) => NaiveDate::from_ymd_opt(self.year, m, 1)
                .and_then(|first| first.checked_add_months(chrono::Months::new(1)))
                .and_then(|next| next.pred_opt()),
            _ => NaiveDate::from_ymd_opt(self.year, 12, 31),
        }
        .unwrap_or(NaiveDate::MAX)
    }

    /// The days this date covers, as an inclusive range.
    pub fn range(&self) -> DateRange {
        DateRange {
            first: self.first_day(),
            last: self.last_day(),
        }
    }
}

impl From<NaiveDate> for PartialDate {
    fn from(d: NaiveDate) -> Self {
        PartialDate {
            year: d.year(),
            month: Some(d.month()),
            day: Some(d.day()),
        }
    }
}

impl Ord for PartialDate {
    fn cmp(&self, other: &Self) -> Ordering {
        self.first_day()
            .cmp(&other.first_day())
            .then(self.precision().cmp(&other.precision()))
            .then(self.last_day().cmp(&other.last_day()))
    }
}

impl PartialOrd for PartialDate {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
        }
        if let Some(d) = self.day {
            write!(f, "-{d:02}")?;
        }
        Ok(())
    }
}

impl FromStr for PartialDate {
    type Err = DateError;

    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    fn from_str(text: &str) -> Result<Self, DateError> {
        let bad = |reason: &str| DateError {
            text: text.to_string(),
            reason: reason.to_string(),
        };
        let parts: Vec<&str> = text.trim().split('-').collect();
        let number = |s: &str, width: usize, what: &str| -> Result<u32, DateError> {
            if s.len() != width || !s.bytes().all(|b| b.is_ascii_digit()) {
                return Err(bad(&format!(
                    "{what} must be {width} digits (YYYY, YYYY-MM or YYYY-MM-DD)"
                )));
            }
            s.parse::<u32>()
                .map_err(|_| bad(&format!("{what} is not a number")))
        };
        // Four digits allow 0000, which no calendar in the corpus means; 0001 is the floor that
        // derivations are held to as well.
        let year = |s: &str| -> Result<u32, DateError> {
            let y = number(s, 4, "year")?;
            if y < YEARS.0 as u32 {
                return Err(bad("the year must be 0001–9999"));
            }
            Ok(y)
        };
        match parts.as_slice() {
            [y] => Ok(PartialDate::year(year(y)? as i32)),
            [y, m] => {
                let (y, m) = (year(y)?, number(m, 2, "month")?);
                PartialDate::month(y as i32, m).ok_or_else(|| bad("month must be 01-12"))
            }
            [y, m, d] => {
                let (y, m, d) = (year(y)?, number(m, 2, "month")?, number(d, 2, "day")?);
                PartialDate::day(y as i32, m, d).ok_or_else(|| bad("no such calendar day"))
            }
            _ => Err(bad("expected YYYY, YYYY-MM or YYYY-MM-DD")),
        }
    }
}

impl Serialize for PartialDate {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl schemars::JsonSchema for PartialDate {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "PartialDate".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "A date known to the year, the month or the day: YYYY, YYYY-MM or YYYY-MM-DD.",
            "type": "string",
            "pattern": "^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$"
        })
    }
}

impl<'de> Deserialize<'de> for PartialDate {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

/// An inclusive range of calendar days.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct DateRange {
    /// The first day.
    pub first: NaiveDate,
    /// The last day (inclusive).
    pub last: NaiveDate,
}

impl DateRange {
    /// Whether every day of `self` lies in `other`.
    pub fn within(&self, other: &DateRange) -> bool {
        self.first >= other.first && self.last <= other.last
    }

    /// Whether the two ranges share at least one day.
    pub fn overlaps(&self, other: &DateRange) -> bool {
        self.first <= other.last && other.first <= self.last
    }

    /// Whether the range contains the day.
    pub fn contains(&self, day: NaiveDate) -> bool {
        self.first <= day && day <= self.last
    }
}

/// How a date is computed from an anchor date: the publication date of a source or the date of
/// another record. The loader recomputes it and refuses a stored value that disagrees.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Derivation {
    /// The id of the anchor: a source (its publication date) or a dated record (its start).
    pub from: String,
    /// Days to add to the anchor before looking for a weekday (negative goes back).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub days: Option<i64>,
    /// Years to add to the anchor; the result then has year precision ("last year" is -1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub years: Option<i32>,
    /// A weekday to look for from the (shifted) anchor ("on Tuesday").
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        serialize_with = "ser_weekday",
        deserialize_with = "de_weekday"
    )]
    #[schemars(with = "Option<WeekdayWord>")]
    pub weekday: Option<Weekday>,
    /// Which way to look for the weekday; required with `weekday`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub relation: Option<Relation>,
}

fn ser_weekday<S: Serializer>(w: &Option<Weekday>, s: S) -> Result<S::Ok, S::Error> {
    match w {
        Some(w) => s.serialize_str(weekday_name(*w)),
        None => s.serialize_none(),
    }
}

fn de_weekday<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Weekday>, D::Error> {
    let text = String::deserialize(d)?;
    text.parse::<Weekday>().map(Some).map_err(|_| {
        serde::de::Error::custom(format!(
            "unknown weekday `{text}` (expected monday … sunday)"
        ))
    })
}

/// The weekday words as the JSON Schema gives them (the form docs/DATA.md writes).
#[derive(schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
#[allow(dead_code)]
enum WeekdayWord {
    Monday,
    Tuesday,
    Wednesday,
    Thursday,
    Friday,
    Saturday,
    Sunday,
}

/// The lowercase English name of a weekday.
pub fn weekday_name(w: Weekday) -> &'static str {
    match w {
        Weekday::Mon => "monday",
        Weekday::Tue => "tuesday",
        Weekday::Wed => "wednesday",
        Weekday::Thu => "thursday",
        Weekday::Fri => "friday",
        Weekday::Sat => "saturday",
        Weekday::Sun => "sunday",
    }
}

impl Derivation {
    /// Applies this derivation to the anchor date.
    ///
    /// `years` alone works from any precision and yields a year; `days` and `weekday` need a day.
    ///
    /// ```
    /// use syriatalks::{Derivation, PartialDate, Relation};
    /// // "on Tuesday", in an article published on Thursday 2 March 2017
    /// let d = Derivation { from: "src".into(), days: None, years: None,
    ///     weekday: Some(chrono::Weekday::Tue), relation: Some(Relation::OnOrBefore) };
    /// let anchor: PartialDate = "2017-03-02".parse().unwrap();
    /// assert_eq!(d.apply(anchor).unwrap().to_string(), "2017-02-28");
    /// ```
    pub fn apply(&self, anchor: PartialDate) -> Result<PartialDate, String> {
        self.compute(anchor).and_then(|d| {
            if (YEARS.0..=YEARS.1).contains(&d.year) {
                Ok(d)
            } else {
                Err(format!(
                    "the derivation from {anchor} gives year {}, outside the years 0001–9999 a \
                     date may have",
                    d.year
                ))
            }
        })
    }

    fn compute(&self, anchor: PartialDate) -> Result<PartialDate, String> {
        if let Some(years) = self.years {
            if self.days.is_some() || self.weekday.is_some() {
                return Err("`years` cannot be combined with `days` or `weekday`".into());
            }
            // A user's file may hold any i32; the sum must not wrap (or panic in a debug build).
            return anchor
                .year
                .checked_add(years)
                .map(PartialDate::year)
                .ok_or_else(|| format!("`years = {years}` from {anchor} overflows the year"));
        }
        if self.days.is_none() && self.weekday.is_none() {
            return Err("a derivation needs `days`, `years` or `weekday`".into());
        }
        let day = anchor.as_naive().ok_or_else(|| {
            format!(
                "anchor date {anchor} has {} precision; day arithmetic needs a day",
                anchor.precision()
            )
        })?;
        let shift = self.days.unwrap_or(0);
        let day = if shift >= 0 {
            day.checked_add_days(Days::new(shift.unsigned_abs()))
        } else {
            day.checked_sub_days(Days::new(shift.unsigned_abs()))
        }
        .ok_or_else(|| format!("`days = {shift}` from {anchor} overflows the calendar (outside the years 0001–9999)"))?;
        let Some(weekday) = self.weekday else {
            return Ok(day.into());
        };
        let relation = self
            .relation
            .ok_or("`weekday` needs a `relation` (on_or_before, before, on_or_after, after)")?;
        let (skip, forward) = match relation {
            Relation::OnOrBefore => (0, false),
            Relation::Before => (1, false),
            Relation::OnOrAfter => (0, true),
            Relation::After => (1, true),
        };
        (skip..skip + 7)
            .filter_map(|n| {
                if forward {
                    day.checked_add_days(Days::new(n))
                } else {
                    day.checked_sub_days(Days::new(n))
                }
            })
            .find(|d| d.weekday() == weekday)
            .map(PartialDate::from)
            .ok_or_else(|| {
                format!(
                    "no {} {relation} {day} in the calendar (outside the years 0001–9999)",
                    weekday_name(weekday)
                )
            })
    }
}

/// A date as a record states it: the partial date, where it comes from, and how it was obtained.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DateValue {
    /// The date.
    pub value: PartialDate,
    /// Where it comes from.
    pub basis: Basis,
    /// A softener the text puts on it ("early September").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub qualifier: Option<DateQualifier>,
    /// The words of the text that give the date ("on Tuesday"), found in the record's sources.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quote: Option<String>,
    /// Where `quote` was found: its source and byte span (computed by the loader).
    #[serde(default, skip_deserializing, skip_serializing_if = "Option::is_none")]
    pub cited: Option<Evidence>,
    /// How the date was computed; required when the basis is `derived`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub derivation: Option<Derivation>,
    /// The public document the date comes from; required when the basis is `external`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference: Option<String>,
    /// Why the date is what it is, for `inferred` dates above all.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// The record (a round, an event…) during which this happened, by id: the date lies within
    /// that record's days. Read on a record's main date only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub during: Option<String>,
    /// The record this happened after (or on the same day as), by id: the date is not before
    /// that record's first possible day. Read on a record's main date only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub after: Option<String>,
    /// The record this happened before (or on the same day as), by id: the date is not after
    /// that record's last possible day. Read on a record's main date only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub before: Option<String>,
}

impl DateValue {
    /// A date with the given basis and nothing else.
    pub fn new(value: PartialDate, basis: Basis) -> Self {
        DateValue {
            value,
            basis,
            qualifier: None,
            quote: None,
            cited: None,
            derivation: None,
            reference: None,
            note: None,
            during: None,
            after: None,
            before: None,
        }
    }
}

impl fmt::Display for DateValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(q) = self.qualifier {
            write!(f, "{q} ")?;
        }
        write!(f, "{}", self.value)
    }
}

/// A stretch of time: a start and an optional end. Without an end it covers its start only.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Period {
    /// When it began.
    pub start: DateValue,
    /// When it ended, if the text says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<DateValue>,
}

impl Period {
    /// The days covered: from the start's first day to the end's (or the start's) last day.
    pub fn range(&self) -> DateRange {
        let last = self
            .end
            .as_ref()
            .map_or(self.start.value.last_day(), |e| e.value.last_day());
        DateRange {
            first: self.start.value.first_day(),
            last,
        }
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.end {
            Some(end) => write!(f, "{} – {}", self.start, end),
            None => write!(f, "{}", self.start),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pd(s: &str) -> PartialDate {
        s.parse().unwrap()
    }

    fn weekday(w: Weekday, relation: Relation) -> Derivation {
        Derivation {
            from: "x".into(),
            days: None,
            years: None,
            weekday: Some(w),
            relation: Some(relation),
        }
    }

    #[test]
    fn parses_three_precisions_and_rejects_the_rest() {
        assert_eq!(pd("2017").precision(), Precision::Year);
        assert_eq!(pd("2017-02").precision(), Precision::Month);
        assert_eq!(pd("2017-02-23").precision(), Precision::Day);
        for bad in [
            "2017-02-30",
            "2017-13",
            "17",
            "2017-2-3",
            "2017/02/03",
            "",
            "2017-02-23-01",
            "abcd",
        ] {
            assert!(
                bad.parse::<PartialDate>().is_err(),
                "{bad} should be refused"
            );
        }
        assert_eq!(pd("2016-02-29").to_string(), "2016-02-29");
    }

    #[test]
    fn ranges_cover_the_whole_period() {
        assert_eq!(
            pd("2016").first_day(),
            NaiveDate::from_ymd_opt(2016, 1, 1).unwrap()
        );
        assert_eq!(
            pd("2016").last_day(),
            NaiveDate::from_ymd_opt(2016, 12, 31).unwrap()
        );
        assert_eq!(
            pd("2016-02").last_day(),
            NaiveDate::from_ymd_opt(2016, 2, 29).unwrap()
        );
        assert_eq!(
            pd("2017-02").last_day(),
            NaiveDate::from_ymd_opt(2017, 2, 28).unwrap()
        );
        assert_eq!(
            pd("2017-12").last_day(),
            NaiveDate::from_ymd_opt(2017, 12, 31).unwrap()
        );
    }

    #[test]
    fn overlap_is_inclusive_and_symmetric() {
        let month = pd("2017-02").range();
        let day = pd("2017-02-28").range();
        let march = pd("2017-03").range();
        assert!(month.overlaps(&day) && day.overlaps(&month));
        assert!(!month.overlaps(&march) && !march.overlaps(&month));
        assert!(pd("2017").range().overlaps(&march));
    }

    #[test]
    fn ordering_is_chronological_then_coarse_first() {
        let mut v = [
            pd("2016-01-01"),
            pd("2016-01"),
            pd("2015-12-31"),
            pd("2016"),
        ];
        v.sort();
        let shown: Vec<String> = v.iter().map(ToString::to_string).collect();
        assert_eq!(shown, ["2015-12-31", "2016", "2016-01", "2016-01-01"]);
    }

    #[test]
    fn weekday_arithmetic_matches_the_calendar() {
        // Tuesday 2 February 2016: "on Tuesday" is the day itself, "late Monday" the day before.
        let tue = pd("2016-02-02");
        assert_eq!(
            weekday(Weekday::Tue, Relation::OnOrBefore)
                .apply(tue)
                .unwrap(),
            tue
        );
        assert_eq!(
            weekday(Weekday::Mon, Relation::OnOrBefore)
                .apply(tue)
                .unwrap(),
            pd("2016-02-01")
        );
        assert_eq!(
            weekday(Weekday::Tue, Relation::Before).apply(tue).unwrap(),
            pd("2016-01-26")
        );
        // Saturday 15 July 2017: "this past Sunday" is the 9th, "on Friday" the 14th.
        let sat = pd("2017-07-15");
        assert_eq!(
            weekday(Weekday::Sun, Relation::Before).apply(sat).unwrap(),
            pd("2017-07-09")
        );
        assert_eq!(
            weekday(Weekday::Fri, Relation::OnOrBefore)
                .apply(sat)
                .unwrap(),
            pd("2017-07-14")
        );
        assert_eq!(
            weekday(Weekday::Mon, Relation::After).apply(sat).unwrap(),
            pd("2017-07-17")
        );
        assert_eq!(
            weekday(Weekday::Sat, Relation::OnOrAfter)
                .apply(sat)
                .unwrap(),
            sat
        );
    }

    #[test]
    fn day_and_year_offsets() {
        let days = |n| Derivation {
            from: "x".into(),
            days: Some(n),
            years: None,
            weekday: None,
            relation: None,
        };
        assert_eq!(days(1).apply(pd("2017-02-28")).unwrap(), pd("2017-03-01"));
        assert_eq!(days(-7).apply(pd("2016-02-01")).unwrap(), pd("2016-01-25"));
        let last_year = Derivation {
            from: "x".into(),
            days: None,
            years: Some(-1),
            weekday: None,
            relation: None,
        };
        assert_eq!(last_year.apply(pd("2016-02-02")).unwrap(), pd("2015"));
        assert_eq!(last_year.apply(pd("2016")).unwrap(), pd("2015"));
    }

    #[test]
    fn derivations_refuse_what_they_cannot_compute() {
        assert!(weekday(Weekday::Tue, Relation::OnOrBefore)
            .apply(pd("2017-03"))
            .is_err());
        let no_relation = Derivation {
            from: "x".into(),
            days: None,
            years: None,
            weekday: Some(Weekday::Tue),
            relation: None,
        };
        assert!(no_relation.apply(pd("2017-03-02")).is_err());
        let empty = Derivation {
            from: "x".into(),
            days: None,
            years: None,
            weekday: None,
            relation: None,
        };
        assert!(empty.apply(pd("2017-03-02")).is_err());
        let both = Derivation {
            from: "x".into(),
            days: Some(1),
            years: Some(1),
            weekday: None,
            relation: None,
        };
        assert!(both.apply(pd("2017-03-02")).is_err());
    }

    #[test]
    fn year_zero_is_refused() {
        // Found by the partial_date fuzzer: "0000" parsed, though dates are years 1–9999.
        for bad in ["0000", "0000-01", "0000-02-29"] {
            let err = bad.parse::<PartialDate>().unwrap_err();
            assert!(err.reason.contains("0001"), "{bad}: {err}");
        }
        assert_eq!(pd("0001-01-01").year_value(), 1);
        assert_eq!(pd("9999-12-31").to_string(), "9999-12-31");
    }

    #[test]
    fn extreme_offsets_are_errors_not_panics_or_wrapped_years() {
        // Found by the derivation fuzzer: `years = 2147483647` overflowed `anchor.year + years`
        // (a panic with overflow checks, a wrapped negative year without), and results past
        // 9999 displayed as dates that do not parse.
        let years = |n| Derivation {
            from: "x".into(),
            days: None,
            years: Some(n),
            weekday: None,
            relation: None,
        };
        let days = |n| Derivation {
            from: "x".into(),
            days: Some(n),
            years: None,
            weekday: None,
            relation: None,
        };
        for (d, anchor) in [
            (years(i32::MAX), "2016"),
            (years(i32::MIN), "2016-02-02"),
            (years(8000), "2016"),
            (years(-2016), "2016"),
            (days(i64::MAX), "2016-02-02"),
            (days(i64::MIN), "2016-02-02"),
            (days(3_000_000), "2016-02-02"),
            (days(1), "9999-12-31"),
            (days(-1), "0001-01-01"),
            (weekday(Weekday::Mon, Relation::After), "9999-12-31"),
            (weekday(Weekday::Sun, Relation::Before), "0001-01-01"),
        ] {
            let err = d.apply(pd(anchor)).unwrap_err();
            assert!(
                err.contains("0001") || err.contains("overflow"),
                "{d:?} on {anchor}: {err}"
            );
        }
        // The edges themselves are fine, and an out-of-range anchor is refused.
        assert_eq!(years(7983).apply(pd("2016")).unwrap(), pd("9999"));
        assert_eq!(years(-2015).apply(pd("2016")).unwrap(), pd("0001"));
        assert_eq!(days(1).apply(pd("9999-12-30")).unwrap(), pd("9999-12-31"));
        assert!(years(0).apply(PartialDate::year(12000)).is_err());
    }

    #[test]
    fn period_without_end_covers_its_start() {
        let p = Period {
            start: DateValue::new(pd("2017-09"), Basis::Stated),
            end: None,
        };
        assert_eq!(p.range(), pd("2017-09").range());
        let q = Period {
            start: DateValue::new(pd("2017-07-10"), Basis::Stated),
            end: Some(DateValue::new(pd("2017-07-14"), Basis::Stated)),
        };
        assert!(q
            .range()
            .contains(NaiveDate::from_ymd_opt(2017, 7, 12).unwrap()));
    }
}
