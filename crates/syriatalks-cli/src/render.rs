//! Aligned, readable text output for people. Machine output is `--json`.

use std::io::{self, Write};

use serde::ser::{Serialize, SerializeMap, Serializer};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use syriatalks::{
    Actor, Candidate, Certainty, Dataset, DateRange, DateValue, Figure, Filter, Happening,
    RecordRef, Round, SearchHit,
};

/// Text for a table cell: padded to a column by its display width, not its count of characters,
/// so that wide characters (two columns) and combining marks (none) keep the columns aligned.
struct Cell(String);

impl std::fmt::Display for Cell {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)?;
        let pad = f.width().unwrap_or(0).saturating_sub(self.0.width());
        write!(f, "{:pad$}", "")
    }
}

/// Shortens `s` to `max` columns of display width, marking the cut.
fn clip(s: &str, max: usize) -> Cell {
    let flat = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.width() <= max {
        return Cell(flat);
    }
    let mut t = String::new();
    let mut used = 0;
    for c in flat.chars() {
        let w = c.width().unwrap_or(0);
        if used + w > max.saturating_sub(1) {
            break;
        }
        used += w;
        t.push(c);
    }
    t.push('…');
    Cell(t)
}

/// A date as people read it: the value with its precision visible, and a mark for its basis.
fn date(d: Option<&DateValue>) -> String {
    match d {
        None => "—".into(),
        Some(d) => {
            let mark = match d.basis {
                syriatalks::Basis::Stated => "",
                syriatalks::Basis::Derived => "*",
                syriatalks::Basis::Inferred => "~",
                syriatalks::Basis::External => "†",
            };
            match d.qualifier {
                Some(q) => format!("{}{mark} ({q})", d.value),
                None => format!("{}{mark}", d.value),
            }
        }
    }
}

fn kind(r: &RecordRef) -> String {
    match r.kind_word() {
        Some(w) => format!("{}:{w}", r.kind()),
        None => r.kind().to_string(),
    }
}

/// One timeline row: the record, the days it may cover once anchored, whether it certainly or only
/// possibly falls in the range asked for, and (collapsed) how many sources attest its happening.
pub struct Row<'a> {
    record: RecordRef<'a>,
    days: Option<DateRange>,
    certainty: Option<Certainty>,
    sources: Option<usize>,
}

impl<'a> Row<'a> {
    /// A row of `r` for a timeline filtered by `f`; `sources` when rows are collapsed.
    pub fn new(ds: &'a Dataset, r: RecordRef<'a>, f: &Filter, sources: Option<usize>) -> Self {
        let ranged = f.since.is_some() || f.until.is_some();
        Row {
            record: r,
            days: ds.days(r),
            certainty: ranged.then(|| ds.date_fit(r, f.since, f.until)).flatten(),
            sources,
        }
    }
}

/// The record as `export` writes it (`type`, `record`), plus `days`, and `certainty` and
/// `sources` when asked for.
impl Serialize for Row<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(None)?;
        m.serialize_entry("type", &self.record.kind())?;
        m.serialize_entry("record", &syriatalks::RecordFields(self.record))?;
        m.serialize_entry("days", &self.days)?;
        if let Some(c) = self.certainty {
            m.serialize_entry("certainty", &c)?;
        }
        if let Some(n) = self.sources {
            m.serialize_entry("sources", &n)?;
        }
        m.end()
    }
}

/// What `show --json` prints: the record, the days it may cover, the other records that attest
/// the same happening, and the retirements followed to reach it (when the id asked for was
/// retired).
pub struct Shown<'a> {
    record: RecordRef<'a>,
    days: Option<DateRange>,
    attested_also_by: Vec<&'a str>,
    retired: Vec<&'a syriatalks::retired::Retirement>,
}

impl<'a> Shown<'a> {
    /// The record an id led to (following retirements) as `show` presents it.
    pub fn new(ds: &'a Dataset, found: &syriatalks::retired::Resolved<'a>) -> Self {
        let r = found.record;
        Shown {
            record: r,
            days: ds.days(r),
            attested_also_by: ds.attestations(r.id()).iter().map(|a| a.id()).collect(),
            retired: found.retired.clone(),
        }
    }
}

impl Serialize for Shown<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(None)?;
        m.serialize_entry("type", &self.record.kind())?;
        m.serialize_entry("record", &syriatalks::RecordFields(self.record))?;
        m.serialize_entry("days", &self.days)?;
        m.serialize_entry("attested_also_by", &self.attested_also_by)?;
        if !self.retired.is_empty() {
            m.serialize_entry("retired", &self.retired)?;
        }
        m.end()
    }
}

/// The days a record may cover, when its anchors (or a round's bound) narrow or extend its own
/// dates: `2017-02-23…2017-06-30`; empty otherwise.
fn anchored(r: &RecordRef, days: Option<DateRange>) -> String {
    match (days, r.when()) {
        (Some(d), Some(w)) if d != w => format!("{}…{}", d.first, d.last),
        _ => String::new(),
    }
}

/// Prints a merged timeline: date, type and kind, id, label; the anchored days where anchors
/// narrow a date; `?` before rows that only possibly fall in the range asked for; the number of
/// sources when rows are collapsed.
pub fn timeline(ds: &Dataset, rows: &[Row], out: &mut dyn Write) -> io::Result<()> {
    if rows.is_empty() {
        return writeln!(out, "(nothing dated matches)");
    }
    let kw = rows
        .iter()
        .map(|r| kind(&r.record).width())
        .max()
        .unwrap_or(4)
        .min(28);
    let iw = rows
        .iter()
        .map(|r| r.record.id().width())
        .max()
        .unwrap_or(2)
        .min(40);
    let days: Vec<String> = rows.iter().map(|r| anchored(&r.record, r.days)).collect();
    let dw = days.iter().map(|d| d.chars().count()).max().unwrap_or(0);
    let ranged = rows.iter().any(|r| r.certainty.is_some());
    let collapsed = rows.iter().any(|r| r.sources.is_some());
    let mark = |r: &Row| match (ranged, r.certainty) {
        (false, _) => "",
        (true, Some(Certainty::Possible)) => "? ",
        (true, _) => "  ",
    };
    let src = |r: &Row| match r.sources {
        Some(n) => format!("{n:>3} "),
        None => String::new(),
    };
    writeln!(
        out,
        "{}{:<18} {:<dw$}{}{}{:<kw$} {:<iw$} WHAT",
        if ranged { "  " } else { "" },
        "DATE",
        if dw > 0 { "ANCHORED DAYS" } else { "" },
        if dw > 0 { " " } else { "" },
        if collapsed { "SRC " } else { "" },
        "KIND",
        "ID"
    )?;
    for (r, anchored) in rows.iter().zip(&days) {
        let label = match r.record {
            RecordRef::Quote(q) => {
                let who = ds
                    .actor(&q.speaker)
                    .map_or(q.speaker.as_str(), |a| a.name.as_str());
                format!("{who}: “{}”", q.text)
            }
            RecordRef::Figure(f) => format!("{} {} — {}", f.text, f.measure, f.scope),
            _ => r.record.label().to_string(),
        };
        writeln!(
            out,
            "{}{:<18} {:<dw$}{}{}{:<kw$} {:<iw$} {}",
            mark(r),
            Cell(date(r.record.date())),
            anchored,
            if dw > 0 { " " } else { "" },
            src(r),
            clip(&kind(&r.record), kw),
            clip(r.record.id(), iw),
            clip(&label, 90)
        )?;
    }
    writeln!(
        out,
        "\n{} entries. Dates: * derived from another date, ~ inferred, † external.",
        rows.len()
    )?;
    if dw > 0 {
        writeln!(
            out,
            "Anchored days: what the record's date allows once placed during, after or before another record (or a round's end bounded)."
        )?;
    }
    if ranged {
        writeln!(
            out,
            "? the record only possibly falls in the range (its days reach outside it); --dates certain drops such rows."
        )?;
    }
    if collapsed {
        writeln!(
            out,
            "SRC: how many sources attest the row's happening (`claims ID` shows them side by side)."
        )?;
    }
    Ok(())
}

/// Prints every attestation of a happening, what they agree on, and each conflict with every
/// side's words.
pub fn claims(ds: &Dataset, h: &Happening, out: &mut dyn Write) -> io::Result<()> {
    match h.key {
        Some(k) => writeln!(
            out,
            "happening `{k}`: {} attestations from {} sources",
            h.attestations.len(),
            h.sources
        )?,
        None => writeln!(
            out,
            "`{}` attests no happening that another record shares",
            h.attestations.first().map_or("?", |a| a.id)
        )?,
    }
    writeln!(out)?;
    let iw = h.attestations.iter().map(|a| a.id.len()).max().unwrap_or(2);
    writeln!(out, "{:<18} {:<iw$} {:<28} SAYS", "DATE", "ID", "SOURCE")?;
    for a in &h.attestations {
        let says = match a.record {
            RecordRef::Figure(f) => {
                let who: Vec<&str> = f
                    .claimed_by
                    .iter()
                    .map(|c| ds.actor(c).map_or(c.as_str(), |a| a.name.as_str()))
                    .collect();
                let who = if who.is_empty() {
                    "the article".to_string()
                } else {
                    who.join(", ")
                };
                format!(
                    "{} ({}) {} — claimed by {who}",
                    f.text, f.qualifier, f.measure
                )
            }
            RecordRef::Quote(q) => format!("{}: “{}”", q.speaker, q.text),
            r => r.label().to_string(),
        };
        writeln!(
            out,
            "{:<18} {:<iw$} {:<28} {}",
            date(a.record.date()),
            a.id,
            clip(a.source.unwrap_or("—"), 28),
            clip(&says, 100)
        )?;
    }
    if !h.agree.is_empty() {
        writeln!(out, "\nagree on: {}", h.agree.join(", "))?;
    }
    if h.conflicts.is_empty() {
        if h.attestations.len() > 1 {
            writeln!(out, "no conflicts")?;
        }
        return Ok(());
    }
    for c in &h.conflicts {
        writeln!(out, "\nconflict on {}:", c.field)?;
        if let Some(note) = &c.note {
            writeln!(out, "  ({note})")?;
        }
        for side in &c.sides {
            writeln!(out, "  {} — {}", side.says, side.records.join(", "))?;
            for ev in &side.evidence {
                writeln!(out, "      “{}” ({})", clip(&ev.quote, 110), ev.source)?;
            }
        }
    }
    Ok(())
}

/// Prints the rounds that may have been in session, each with whether certainly or possibly.
pub fn sessions(
    ds: &Dataset,
    sessions: &[(&Round, Certainty)],
    out: &mut dyn Write,
) -> io::Result<()> {
    let rounds: Vec<&Round> = sessions.iter().map(|(r, _)| *r).collect();
    let mut table = Vec::new();
    self::rounds(ds, &rounds, &mut table)?;
    let text = String::from_utf8_lossy(&table);
    for (i, line) in text.lines().enumerate() {
        let c = match i {
            0 => "IN SESSION".to_string(),
            n => sessions
                .get(n - 1)
                .map_or(String::new(), |(_, c)| c.to_string()),
        };
        writeln!(out, "{c:<11} {line}")?;
    }
    writeln!(
        out,
        "\ncertain: the round had surely begun by the date and the data shows it sitting on that day or later; possible: the date lies between its start and its stated end or next known bound."
    )
}

/// Prints one record: its fields as JSON-like lines, then each evidence quote with its source.
pub fn show(ds: &Dataset, r: RecordRef, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "{} `{}` — {}", kind(&r), r.id(), r.label())?;
    if let Some(d) = r.date() {
        writeln!(
            out,
            "date: {} (precision {}, basis {})",
            d,
            d.value.precision(),
            d.basis
        )?;
        if let Some(note) = &d.note {
            writeln!(out, "      {note}")?;
        }
        let days = anchored(&r, ds.days(r));
        if !days.is_empty() {
            writeln!(out, "days: {days} (its date as narrowed by its anchors)")?;
        }
    }
    let others = ds.attestations(r.id());
    if !others.is_empty() {
        let ids: Vec<&str> = others.iter().map(|o| o.id()).collect();
        writeln!(
            out,
            "same happening as: {} (`claims {}` compares them)",
            ids.join(", "),
            r.id()
        )?;
    }
    let value = serde_json::to_value(r).unwrap_or_default();
    if let Some(fields) = value.get("record").and_then(|v| v.as_object()) {
        for (k, v) in fields {
            if matches!(k.as_str(), "id" | "evidence" | "text" | "sha256")
                && !matches!(r, RecordRef::Quote(_))
                || k == "evidence"
            {
                continue;
            }
            writeln!(out, "{k}: {}", clip(&v.to_string(), 200))?;
        }
    }
    identity(&r, out)?;
    let evidence = r.evidence();
    if evidence.is_empty() && r.external().is_empty() {
        if let RecordRef::Source(s) = r {
            writeln!(out, "\n{} bytes, sha256 {}", s.text.len(), s.sha256)?;
        }
    }
    for (i, ev) in evidence.iter().enumerate() {
        let title = ds
            .source(&ev.source)
            .map_or("?", |s| s.title.value.as_str());
        let span = ev
            .span
            .map(|s| format!("bytes {}–{}", s.start, s.end))
            .unwrap_or_default();
        writeln!(
            out,
            "\n[{}] “{}”\n    — {} ({}, {span})",
            i + 1,
            ev.quote,
            title,
            ev.source
        )?;
    }
    for ext in r.external() {
        writeln!(
            out,
            "\n[external] {}{}",
            ext.title,
            ext.reference
                .as_ref()
                .map(|r| format!(" ({r})"))
                .unwrap_or_default()
        )?;
    }
    Ok(())
}

/// Prints search hits.
pub fn search(hits: &[SearchHit], out: &mut dyn Write) -> io::Result<()> {
    for h in hits {
        writeln!(
            out,
            "{:<10} {:<40} {:<22} {}",
            h.record.kind(),
            clip(h.record.id(), 40),
            clip(&h.field, 22),
            h.snippet
        )?;
    }
    writeln!(out, "\n{} hits", hits.len())
}

/// Prints rounds: period, status, name, places.
pub fn rounds(ds: &Dataset, rounds: &[&Round], out: &mut dyn Write) -> io::Result<()> {
    writeln!(
        out,
        "{:<30} {:<10} {:<8} {:<28} WHERE",
        "WHEN", "STATUS", "PROCESS", "ROUND"
    )?;
    for r in rounds {
        let when = r.period.as_ref().map_or("—".to_string(), |p| match &p.end {
            // A period within one stated year or month ("held in 2012") reads as that date once.
            Some(end) if end.value == p.start.value && end.qualifier == p.start.qualifier => {
                date(Some(&p.start))
            }
            Some(end) => format!("{} – {}", date(Some(&p.start)), date(Some(end))),
            None => date(Some(&p.start)),
        });
        let places: Vec<&str> = r
            .places
            .iter()
            .map(|p| ds.place(p).map_or(p.as_str(), |p| p.name.as_str()))
            .collect();
        writeln!(
            out,
            "{:<30} {:<10} {:<8} {:<28} {}",
            Cell(when),
            r.status,
            r.process,
            clip(&r.name, 28),
            places.join(", ")
        )?;
    }
    Ok(())
}

/// Prints actors: id, kind, name, aliases.
pub fn actors(actors: &[Actor], out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "{:<34} {:<17} {:<30} ALIASES", "ID", "KIND", "NAME")?;
    for a in actors {
        writeln!(
            out,
            "{:<34} {:<17} {:<30} {}",
            clip(&a.id, 34),
            a.kind,
            clip(&a.name, 30),
            clip(&a.aliases.join("; "), 80)
        )?;
    }
    Ok(())
}

/// Prints ranked name candidates.
pub fn candidates(c: &[Candidate], out: &mut dyn Write) -> io::Result<()> {
    writeln!(
        out,
        "{:<6} {:<8} {:<34} {:<30} MATCHED",
        "SCORE", "HOW", "ID", "NAME"
    )?;
    for c in c {
        let how = c.how.as_str();
        writeln!(
            out,
            "{:<6.2} {:<8} {:<34} {:<30} {}",
            c.score,
            how,
            clip(&c.actor.id, 34),
            clip(&c.actor.name, 30),
            c.matched
        )?;
    }
    Ok(())
}

/// Prints a figure series with claimants and sources.
pub fn figures(ds: &Dataset, series: &[&Figure], out: &mut dyn Write) -> io::Result<()> {
    writeln!(
        out,
        "{:<18} {:>12} {:<14} {:<28} {:<26} SOURCE",
        "AS OF", "VALUE", "QUALIFIER", "SCOPE", "CLAIMED BY"
    )?;
    for f in series {
        let who: Vec<&str> = f
            .claimed_by
            .iter()
            .map(|a| ds.actor(a).map_or(a.as_str(), |a| a.name.as_str()))
            .collect();
        let who = if who.is_empty() {
            syriatalks::NO_CLAIMANT.to_string()
        } else {
            who.join(", ")
        };
        let src = f.evidence.first().map_or("—", |e| e.source.as_str());
        writeln!(
            out,
            "{:<18} {:>12} {:<14} {:<28} {:<26} {}",
            Cell(date(f.as_of.as_ref())),
            f.value,
            f.qualifier,
            clip(&f.scope, 28),
            clip(&who, 26),
            src
        )?;
    }
    Ok(())
}

/// Prints an audit: per source, the coverage line, then each missing item.
pub fn audit(report: &syriatalks::audit::Audit, out: &mut dyn Write) -> io::Result<()> {
    for s in &report.sources {
        writeln!(
            out,
            "{:<36} {:>4} items  {:>4} covered ({:.1}%)  {:>3} excluded  {:>3} missing",
            s.source,
            s.items,
            s.covered,
            s.coverage(),
            s.excluded,
            s.missing.len()
        )?;
        for m in &s.missing {
            writeln!(
                out,
                "    missing {:<7} bytes {:>5}-{:<5} {}",
                m.kind,
                m.span.start,
                m.span.end,
                clip(&m.text, 100)
            )?;
        }
    }
    for (e, why) in &report.bad_exclusions {
        writeln!(out, "bad exclusion in {}: {:?}: {why}", e.source, e.text)?;
    }
    Ok(())
}

/// The identity lines of `show`: what the JSON fields mean, in words. A figure's bounds name the
/// rule and the evidence entry and bytes they come from; an event's codes name the crosswalk row.
fn identity(r: &RecordRef, out: &mut dyn Write) -> io::Result<()> {
    let open = |b: Option<u64>| b.map_or_else(|| "open".to_string(), |v| v.to_string());
    match r {
        RecordRef::Figure(f) => {
            writeln!(
                out,
                "bounds: low {} · best {} · high {} ({})",
                open(f.low),
                f.best.map_or_else(|| "none".to_string(), |v| v.to_string()),
                open(f.high),
                syriatalks::bounds_rule(f.qualifier)
            )?;
            if let (Some(i), Some(span)) = (f.number_evidence, f.number_span) {
                writeln!(
                    out,
                    "        from “{}” in evidence [{}], bytes {}–{}",
                    f.text,
                    i + 1,
                    span.start,
                    span.end
                )?;
            }
        }
        RecordRef::Event(e) => {
            let row = syriatalks::crosswalk(e.kind);
            let plover = e.plover.map_or("none", |p| p.as_str());
            let cameo = e
                .cameo_root
                .map_or_else(|| "none".to_string(), |c| format!("{} {}", c, c.name()));
            writeln!(out, "codes: PLOVER {plover} · CAMEO {cameo} ({})", row.why)?;
        }
        RecordRef::Place(p) => {
            if let (Some(lat), Some(lon)) = (p.latitude, p.longitude) {
                let prec = p.location_precision.map_or("?", |p| p.as_str());
                writeln!(out, "location: {lat}, {lon} (WGS84, precision {prec})")?;
            }
        }
        _ => {}
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_pad_by_display_width() {
        // "é" written as e + a combining accent: two chars, one column.
        assert_eq!(format!("{:<5}|", clip("Ale\u{301}p", 10)), "Ale\u{301}p |");
        // Wide characters take two columns each.
        assert_eq!(format!("{:<6}|", clip("北京", 10)), "北京  |");
        assert_eq!(format!("{:<6}|", Cell("ab".into())), "ab    |");
    }

    #[test]
    fn clipping_counts_columns() {
        assert_eq!(clip("北京北京北京", 5).0, "北京…");
        assert_eq!(clip("abcdef", 4).0, "abc…");
        assert_eq!(clip("a  b", 4).0, "a b");
    }
}
