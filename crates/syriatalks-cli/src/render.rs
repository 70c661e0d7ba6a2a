//! Aligned, readable text output for people. Machine output is `--json`.

use std::io::{self, Write};

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use syriatalks::{Actor, Candidate, Dataset, DateValue, Figure, RecordRef, Round, SearchHit};

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

/// Prints a merged timeline: date, type and kind, id, label.
pub fn timeline(ds: &Dataset, entries: &[RecordRef], out: &mut dyn Write) -> io::Result<()> {
    if entries.is_empty() {
        return writeln!(out, "(nothing dated matches)");
    }
    let kw = entries
        .iter()
        .map(|r| kind(r).width())
        .max()
        .unwrap_or(4)
        .min(28);
    let iw = entries
        .iter()
        .map(|r| r.id().width())
        .max()
        .unwrap_or(2)
        .min(40);
    writeln!(out, "{:<18} {:<kw$} {:<iw$} WHAT", "DATE", "KIND", "ID")?;
    for r in entries {
        let label = match r {
            RecordRef::Quote(q) => {
                let who = ds
                    .actor(&q.speaker)
                    .map_or(q.speaker.as_str(), |a| a.name.as_str());
                format!("{who}: “{}”", q.text)
            }
            RecordRef::Figure(f) => format!("{} {} — {}", f.text, f.measure, f.scope),
            _ => r.label().to_string(),
        };
        writeln!(
            out,
            "{:<18} {:<kw$} {:<iw$} {}",
            Cell(date(r.date())),
            clip(&kind(r), kw),
            clip(r.id(), iw),
            clip(&label, 90)
        )?;
    }
    writeln!(
        out,
        "\n{} entries. Dates: * derived from another date, ~ inferred, † external.",
        entries.len()
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
