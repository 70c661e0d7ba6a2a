//! The flat form (CSV, pandas) holds the record API's values, one row per record or per evidence
//! entry, every row citable on its own.

mod common;

use arrow_array::cast::AsArray;
use arrow_array::types::{UInt32Type, UInt64Type};
use arrow_array::{Array, RecordBatch, RecordBatchReader};
use arrow_schema::DataType;
use common::{col, strings};
use syriatalks::{Dataset, EventKind, Filter, Precision, RecordKind, RecordRef};
use syriatalks_tables::{flat_row_count, flat_schema, schema, Batches, FlatBatches};

fn all(reader: FlatBatches<&Dataset>) -> RecordBatch {
    let s = reader.schema();
    let batches: Vec<RecordBatch> = reader.map(Result::unwrap).collect();
    for b in &batches {
        assert_eq!(b.schema(), s);
    }
    arrow_select::concat::concat_batches(&s, &batches).unwrap()
}

fn records(ds: &Dataset, kind: RecordKind) -> Vec<RecordRef<'_>> {
    ds.records().filter(|r| r.kind() == kind).collect()
}

#[test]
fn one_row_per_record_every_cell_a_scalar() {
    let ds = syriatalks::embedded();
    for kind in RecordKind::ALL {
        let b = all(FlatBatches::new(Batches::all(ds, *kind)));
        let table = schema(*kind);
        let recs = records(ds, *kind);
        assert_eq!(b.num_rows(), recs.len(), "{kind}");
        for f in b.schema().fields() {
            assert!(
                !matches!(f.data_type(), DataType::List(_) | DataType::Struct(_)),
                "{kind}.{} is not flat",
                f.name()
            );
        }
        // Every column of the table is there, in order, with the added ones between.
        let flat = b.schema();
        let names: Vec<&str> = flat
            .fields()
            .iter()
            .map(|f| f.name().as_str())
            .filter(|n| table.column_with_name(n).is_some())
            .collect();
        let want: Vec<&str> = table.fields().iter().map(|f| f.name().as_str()).collect();
        assert_eq!(names, want, "{kind}");
        let labels: Vec<_> = recs.iter().map(|r| Some(r.label().to_string())).collect();
        assert_eq!(strings(col(&b, "label")), labels, "{kind}");
        if *kind == RecordKind::Source {
            assert!(b.column_by_name("source_title").is_none());
            continue;
        }
        let n = col(&b, "n_evidence").as_primitive::<UInt32Type>();
        let quotes = strings(col(&b, "quote"));
        let titles = strings(col(&b, "source_title"));
        let all_sources = strings(col(&b, "all_sources"));
        for (i, r) in recs.iter().enumerate() {
            let ev = r.evidence();
            assert_eq!(n.value(i) as usize, ev.len(), "{}", r.id());
            assert_eq!(
                quotes[i].as_deref(),
                ev.first().map(|e| e.quote.as_str()),
                "{}",
                r.id()
            );
            let title = ev.first().map(|e| {
                let Some(RecordRef::Source(s)) = ds.get(&e.source) else {
                    panic!("{} cites no source", r.id())
                };
                s.title.value.clone()
            });
            assert_eq!(titles[i], title, "{}", r.id());
            let mut seen: Vec<&str> = Vec::new();
            for e in &ev {
                if !seen.contains(&e.source.as_str()) {
                    seen.push(&e.source);
                }
            }
            let want = (!seen.is_empty()).then(|| seen.join("; "));
            assert_eq!(all_sources[i], want, "{}", r.id());
        }
    }
}

#[test]
fn lists_of_ids_are_joined_and_lists_of_structs_are_json() {
    let ds = syriatalks::embedded();
    let b = all(FlatBatches::new(Batches::all(ds, RecordKind::Event)));
    let actor_ids = strings(col(&b, "actor_ids"));
    let actors = strings(col(&b, "actors"));
    let evidence = strings(col(&b, "evidence"));
    for (i, e) in ds.events().iter().enumerate() {
        let ids: Vec<&str> = e.actors.iter().map(|p| p.actor.as_str()).collect();
        let want = (!ids.is_empty()).then(|| ids.join("; "));
        assert_eq!(actor_ids[i], want, "{}", e.id);
        let parsed: serde_json::Value =
            serde_json::from_str(actors[i].as_deref().unwrap()).unwrap();
        let got: Vec<(String, String)> = parsed
            .as_array()
            .unwrap()
            .iter()
            .map(|p| {
                (
                    p["actor"].as_str().unwrap().to_string(),
                    p["role"].as_str().unwrap().to_string(),
                )
            })
            .collect();
        let want: Vec<(String, String)> = e
            .actors
            .iter()
            .map(|p| (p.actor.clone(), p.role.as_str().to_string()))
            .collect();
        assert_eq!(got, want, "{}", e.id);
        let parsed: serde_json::Value =
            serde_json::from_str(evidence[i].as_deref().unwrap()).unwrap();
        let quotes: Vec<&str> = parsed
            .as_array()
            .unwrap()
            .iter()
            .map(|x| x["quote"].as_str().unwrap())
            .collect();
        let want: Vec<&str> = e.evidence.iter().map(|x| x.quote.as_str()).collect();
        assert_eq!(quotes, want, "{}", e.id);
    }
}

#[test]
fn exploded_rows_cite_each_evidence_entry_at_its_bytes() {
    let ds = syriatalks::embedded();
    for kind in RecordKind::ALL {
        // Small chunks: a record's rows never straddle a batch, whatever the chunk.
        let b = all(FlatBatches::new(Batches::all(ds, *kind).with_chunk(7)).exploding_evidence());
        let recs = records(ds, *kind);
        let rows: Vec<u32> = (0..recs.len() as u32).collect();
        assert_eq!(
            b.num_rows(),
            flat_row_count(ds, *kind, &rows, true),
            "{kind}"
        );
        // Each row cites its own entry; the whole list is not repeated on every row.
        assert!(b.column_by_name("evidence").is_none(), "{kind}");
        if *kind == RecordKind::Source {
            // A source is what the others cite: it has no citation columns to explode into.
            assert_eq!(b.num_rows(), recs.len());
            assert!(b.column_by_name("evidence_index").is_none());
            continue;
        }
        let want_rows: usize = recs.iter().map(|r| r.evidence().len().max(1)).sum();
        assert_eq!(b.num_rows(), want_rows, "{kind}");
        let ids = strings(col(&b, "id"));
        let index = col(&b, "evidence_index").as_primitive::<UInt32Type>();
        let sources = strings(col(&b, "source"));
        let quotes = strings(col(&b, "quote"));
        let start = col(&b, "quote_start").as_primitive::<UInt64Type>();
        let end = col(&b, "quote_end").as_primitive::<UInt64Type>();
        let mut row = 0;
        for r in &recs {
            let ev = r.evidence();
            if ev.is_empty() {
                assert!(index.is_null(row) && quotes[row].is_none(), "{}", r.id());
                row += 1;
                continue;
            }
            for (j, e) in ev.iter().enumerate() {
                assert_eq!(ids[row].as_deref(), Some(r.id()));
                assert_eq!(index.value(row) as usize, j, "{}", r.id());
                assert_eq!(sources[row].as_deref(), Some(e.source.as_str()));
                assert_eq!(quotes[row].as_deref(), Some(e.quote.as_str()));
                let Some(RecordRef::Source(s)) = ds.get(&e.source) else {
                    panic!("{} cites no source", r.id())
                };
                let (a, z) = (start.value(row) as usize, end.value(row) as usize);
                assert_eq!(&s.text[a..z], e.quote, "{} entry {j}", r.id());
                row += 1;
            }
        }
        assert_eq!(row, b.num_rows());
    }
}

#[test]
fn vocabulary_columns_carry_every_word_even_when_empty() {
    let ds = syriatalks::embedded();
    // A selection with no rows still names every event kind and every precision.
    let none = Filter::new().text("no record says this, anywhere, ever");
    let b = all(FlatBatches::new(
        Batches::query(ds, RecordKind::Event, &none).unwrap(),
    ));
    assert_eq!(b.num_rows(), 0);
    for (name, words) in [
        ("kind", EventKind::WORDS),
        ("date_precision", Precision::WORDS),
    ] {
        let c = col(&b, name).as_dictionary::<arrow_array::types::Int32Type>();
        let values = strings(c.values());
        let want: Vec<Option<String>> = words.iter().map(|w| Some(w.to_string())).collect();
        assert_eq!(values, want, "{name}");
    }
    assert_eq!(b.schema(), flat_schema(RecordKind::Event, false));
}

#[test]
fn a_figure_without_claimant_is_the_articles_own_in_words() {
    let ds = syriatalks::embedded();
    let b = all(FlatBatches::new(Batches::all(ds, RecordKind::Figure)));
    let cells = strings(col(&b, "claimed_by"));
    let mut unclaimed = 0;
    for (i, f) in ds.figures().iter().enumerate() {
        let want = if f.claimed_by.is_empty() {
            unclaimed += 1;
            syriatalks::NO_CLAIMANT.to_string()
        } else {
            f.claimed_by.join("; ")
        };
        assert_eq!(cells[i].as_deref(), Some(want.as_str()), "{}", f.id);
    }
    assert!(unclaimed > 0, "some figures are the articles' own");
    assert!(!b
        .schema()
        .field_with_name("claimed_by")
        .unwrap()
        .is_nullable());
}
