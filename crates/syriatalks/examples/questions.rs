//! Questions a researcher asks, answered from the embedded data with the words that say so.
//!
//! Run: `cargo run -p syriatalks --example questions`
#![allow(missing_docs)]

use syriatalks::{embedded, Event, Filter, Measure, PartialDate, Quote, Record};

fn date(s: &str) -> PartialDate {
    s.parse().unwrap_or_else(|e| panic!("{e}"))
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let ds = embedded();
    println!(
        "syriatalks {} (data {})\n",
        syriatalks::VERSION,
        syriatalks::DATA_VERSION
    );

    println!("What happened between 1 and 3 February 2016?");
    let mut events = ds.select::<Event>(
        &Filter::new()
            .since(date("2016-02-01"))
            .until(date("2016-02-03")),
    )?;
    events.sort_by_key(|e| e.date.value);
    for e in events {
        println!("  {:<22} {:<18} {}", e.date.to_string(), e.kind, e.summary);
    }

    println!("\nWho headed the delegations in session in February 2017?");
    for round in ds.in_session(date("2017-02")) {
        for d in &round.delegations {
            let head = d
                .head
                .as_deref()
                .and_then(|h| ds.actor(h))
                .map_or("(not named)", |a| a.name.as_str());
            let party = ds
                .actor(&d.party)
                .map_or(d.party.as_str(), |a| a.name.as_str());
            println!("  {}: {} — headed by {}", round.name, party, head);
            println!("      “{}”", d.evidence[0].quote);
        }
    }

    println!("\nDeath-toll claims over time:");
    for f in ds.figure_series(Measure::Deaths) {
        let when = f
            .as_of
            .as_ref()
            .map_or("undated".to_string(), |d| d.to_string());
        let by: Vec<&str> = f
            .claimed_by
            .iter()
            .filter_map(|a| ds.actor(a))
            .map(|a| a.name.as_str())
            .collect();
        let source = ds
            .source(&f.evidence[0].source)
            .map_or("?", |s| s.title.value.as_str());
        println!(
            "  {when:<16} {:<12} {:>9}  by {:<22} in “{source}”",
            f.qualifier,
            f.value,
            if by.is_empty() {
                "the article".to_string()
            } else {
                by.join(", ")
            }
        );
    }

    println!("\nWhat did Bashar al-Jaafari say?");
    for q in ds.select::<Quote>(&Filter::new().actor("Bashar al-Jaafari"))? {
        println!(
            "  {} “{}”",
            q.said.as_ref().map_or("undated".into(), |d| d.to_string()),
            q.text
        );
    }

    println!("\nWho could “Zoabi” be?");
    for c in ds.resolve_actor("Zoabi").iter().take(3) {
        println!(
            "  {:.2} {:?} {} (matched {:?})",
            c.score, c.how, c.actor.name, c.matched
        );
    }

    let geneva_iv = ds.round("geneva-iv-2017").ok_or("no Geneva IV")?;
    println!("\nEvery Geneva IV fact, with its source span:");
    for ev in geneva_iv.evidence() {
        let span = ev.span.ok_or("unplaced")?;
        println!("  {}:{}-{} “{}”", ev.source, span.start, span.end, ev.quote);
    }
    Ok(())
}
